//! Markdown: the verdict, a count table and the findings that failed the
//! gate, for the GitHub step summary and the pull-request comment.

use std::fmt::Write as _;

use super::{Emitter, RenderOptions, Report};
use crate::finding::Severity;
use crate::policy::Verdict;

/// Rows per table before the rest is summarised (the step summary holds 1 MiB).
const MAX_ROWS: usize = 100;

/// Markdown report.
pub struct Markdown;

/// A table cell: one line, no pipes, no HTML, no code spans of its own.
pub(crate) fn cell(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace('`', "'")
        .replace(['\r', '\n'], " ")
}

fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "🟣",
        Severity::High => "🔴",
        Severity::Medium => "🟠",
        Severity::Low => "🟡",
        Severity::Info => "⚪",
    }
}

/// The top of every Markdown summary: the verdict as a heading (or that the
/// gate could not check every input), the policy, its warnings, and the
/// findings and failures by severity.
pub(crate) fn write_verdict(out: &mut String, report: &Report<'_>) {
    let v = report.verdict;
    let n = v.failures.len();
    if let Some(m) = v.incomplete_message() {
        let _ = writeln!(
            out,
            "## ⛔ gate could not complete\n\n{}. The gate fails closed (exit 2).\n",
            cell(&m)
        );
    } else if v.passed {
        let _ = writeln!(out, "## ✅ gate passed\n");
    } else {
        let _ = writeln!(
            out,
            "## ❌ gate failed: {n} finding{} block{} this change\n",
            if n == 1 { "" } else { "s" },
            if n == 1 { "s" } else { "" }
        );
    }
    let _ = writeln!(out, "Policy: {}.\n", cell(&v.rule));
    for w in &v.warnings {
        let _ = writeln!(out, "> [!WARNING]\n> {}\n", cell(w));
    }
    let _ = writeln!(out, "| severity | findings | failing the gate |");
    let _ = writeln!(out, "|---|---:|---:|");
    for (sev, count) in report.counts() {
        let failing = v
            .failures
            .iter()
            .filter(|f| report.findings[f.index].severity == sev)
            .count();
        let _ = writeln!(out, "| {} {sev} | {count} | {failing} |", icon(sev));
    }
}

/// What the verdict left out and why, as one sentence (None when nothing was).
pub(crate) fn not_counted(v: &Verdict) -> Option<String> {
    let notes = v.not_counted(true);
    (!notes.is_empty()).then(|| format!("Not counted: {}.", notes.join(", ")))
}

impl Emitter for Markdown {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        let v = report.verdict;
        let mut out = String::new();
        let n = v.failures.len();
        write_verdict(&mut out, report);
        if let Some(line) = not_counted(v) {
            let _ = writeln!(out, "\n{line}");
        }
        if n > 0 {
            let _ = writeln!(out, "\n### Findings that fail the gate\n");
            let _ = writeln!(out, "| | rule | location | message | why | reported by |");
            let _ = writeln!(out, "|---|---|---|---|---|---|");
            for fail in v.failures.iter().take(MAX_ROWS) {
                let f = &report.findings[fail.index];
                let _ = writeln!(
                    out,
                    "| {} | `{}` | `{}:{}` | {} | {} | {} |",
                    icon(f.severity),
                    cell(&f.rule_id),
                    cell(&f.path),
                    f.region.start_line,
                    cell(&f.message),
                    cell(&fail.reason),
                    cell(&f.tools.join(", "))
                );
            }
            if n > MAX_ROWS {
                let _ = writeln!(out, "\n…and {} more (see the full report).", n - MAX_ROWS);
            }
        }
        let others: Vec<_> = report.active().filter(|(i, _)| !v.failed(*i)).collect();
        if !others.is_empty() {
            let _ = writeln!(
                out,
                "\n<details><summary>{} other finding{} (not failing the gate)</summary>\n",
                others.len(),
                if others.len() == 1 { "" } else { "s" }
            );
            let _ = writeln!(out, "| | rule | location | message | reported by |");
            let _ = writeln!(out, "|---|---|---|---|---|");
            for (_, f) in others.iter().take(MAX_ROWS) {
                let _ = writeln!(
                    out,
                    "| {} | `{}` | `{}:{}` | {} | {} |",
                    icon(f.severity),
                    cell(&f.rule_id),
                    cell(&f.path),
                    f.region.start_line,
                    cell(&f.message),
                    cell(&f.tools.join(", "))
                );
            }
            if others.len() > MAX_ROWS {
                let _ = writeln!(out, "\n…and {} more.", others.len() - MAX_ROWS);
            }
            let _ = writeln!(out, "\n</details>");
        }
        if !v.excepted.is_empty() {
            let _ = writeln!(out, "\n<details><summary>Exceptions applied</summary>\n");
            for e in v.excepted.iter().take(MAX_ROWS) {
                let f = &report.findings[e.index];
                let _ = writeln!(
                    out,
                    "- `{}` `{}:{}`: {}",
                    cell(&f.rule_id),
                    cell(&f.path),
                    f.region.start_line,
                    cell(&e.reason)
                );
            }
            let _ = writeln!(out, "\n</details>");
        }
        let problems: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|d| d.level >= crate::diagnostic::Level::Warning)
            .collect();
        if !problems.is_empty() {
            let _ = writeln!(out, "\n### Inputs gate could not fully check\n");
            for d in problems.iter().take(MAX_ROWS) {
                let _ = writeln!(out, "- {}", cell(&d.to_string()));
            }
        }
        out
    }
}
