//! The human report: one block per finding with a source excerpt, then a verdict.

use std::fmt::Write as _;

use super::{Emitter, RenderOptions, Report};
use crate::escape::{excerpt_for_terminal, for_terminal};
use crate::finding::Severity;

/// Longest excerpt line shown before it is cut.
const MAX_EXCERPT: usize = 200;

/// Text report.
pub struct Text;

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn severity(&self, sev: Severity) -> String {
        let code = match sev {
            Severity::Critical => "1;35",
            Severity::High => "1;31",
            Severity::Medium => "33",
            Severity::Low => "36",
            Severity::Info => "2",
        };
        self.wrap(code, sev.as_str())
    }
}

impl Emitter for Text {
    fn render(&self, report: &Report<'_>, opts: &RenderOptions) -> String {
        let p = Paint { on: opts.color };
        let mut out = String::new();
        for (i, f) in report.active() {
            let mark = if report.verdict.failed(i) {
                p.wrap("1;31", "✗")
            } else {
                p.wrap("2", "·")
            };
            // Names, messages and source lines come from the repository and
            // its tools: escaped, they cannot drive the terminal or fake a line.
            let _ = writeln!(
                out,
                "{mark} {} {}  {}",
                p.severity(f.severity),
                p.wrap("1", &for_terminal(&f.rule_id)),
                for_terminal(&f.message)
            );
            let _ = writeln!(
                out,
                "  {} {}:{}:{}  [{} confidence, {}]",
                p.wrap("34", "-->"),
                for_terminal(&f.path),
                f.region.start_line,
                f.region.start_column,
                f.confidence,
                for_terminal(&f.tools.join(", "))
            );
            if let Some(snippet) = f.snippet.as_deref() {
                let first = snippet.lines().next().unwrap_or("");
                let line_no = f.region.start_line.to_string();
                let _ = writeln!(
                    out,
                    "  {} {} {}",
                    p.wrap("34", &line_no),
                    p.wrap("34", "|"),
                    excerpt_for_terminal(&excerpt(first.trim_end()))
                );
            }
            if let Some(reason) = report.verdict.failure(i) {
                let _ = writeln!(
                    out,
                    "  {}",
                    p.wrap("31", &format!("fails the gate: {reason}"))
                );
            }
            if let Some(c) = &f.commit {
                let _ = writeln!(
                    out,
                    "  commit {} by {} on {}",
                    &c.sha[..c.sha.len().min(12)],
                    for_terminal(&c.author),
                    c.date
                );
            }
            let _ = writeln!(
                out,
                "  {}",
                p.wrap("2", &format!("fingerprint {}", f.fingerprint))
            );
            out.push('\n');
        }
        summary(report, &p, &mut out);
        out
    }
}

fn excerpt(line: &str) -> String {
    if line.chars().count() > MAX_EXCERPT {
        format!("{}…", line.chars().take(MAX_EXCERPT).collect::<String>())
    } else {
        line.to_string()
    }
}

fn summary(report: &Report<'_>, p: &Paint, out: &mut String) {
    let counts: Vec<String> = report
        .counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {}", p.severity(s)))
        .collect();
    let total: usize = report.active().count();
    let s = report.stats;
    let _ = write!(
        out,
        "{total} finding{}{} in {} file{} ({:.1} MiB)",
        if total == 1 { "" } else { "s" },
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        },
        s.files_scanned,
        if s.files_scanned == 1 { "" } else { "s" },
        s.bytes_scanned as f64 / (1024.0 * 1024.0)
    );
    if s.files_skipped > 0 {
        let _ = write!(out, ", {} skipped", s.files_skipped);
    }
    if report.verdict.suppressed > 0 {
        let _ = write!(out, ", {} suppressed", report.verdict.suppressed);
    }
    out.push('\n');
    let v = report.verdict;
    let not_counted = v.not_counted(false);
    if !not_counted.is_empty() {
        let _ = writeln!(out, "not counted: {}", not_counted.join(", "));
    }
    for w in &v.warnings {
        let _ = writeln!(out, "{} {w}", p.wrap("1;33", "warning:"));
    }
    let n = report.verdict.failures.len();
    if let Some(m) = v.incomplete_message() {
        let _ = writeln!(out, "{} (exit 2)", p.wrap("1;31", &m));
    } else if report.verdict.passed {
        let _ = writeln!(
            out,
            "{} ({})",
            p.wrap("1;32", "gate passed"),
            report.verdict.rule
        );
    } else {
        let _ = writeln!(
            out,
            "{}: {n} finding{} ({})",
            p.wrap("1;31", "gate FAILED"),
            if n == 1 { "" } else { "s" },
            report.verdict.rule
        );
        let _ = writeln!(
            out,
            "{}",
            p.wrap(
                "2",
                "To accept a reviewed false positive: `gate:allow` in a comment on its line, or its fingerprint in .gateignore."
            )
        );
    }
}
