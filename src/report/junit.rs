//! JUnit XML: one test case for the policy, one per finding; findings that
//! fail the gate are failures, the others pass with their details as output.

use std::fmt::Write as _;

use super::{Emitter, RenderOptions, Report};

/// JUnit XML report.
pub struct Junit;

/// XML text and attribute escaping (also drops characters XML 1.0 forbids).
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push(' '),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

impl Emitter for Junit {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        let active: Vec<_> = report.active().collect();
        let incomplete = report.verdict.incomplete_message();
        let errors = usize::from(incomplete.is_some());
        let failures = report.verdict.failures.len()
            + usize::from(!report.verdict.passed && incomplete.is_none());
        let tests = active.len() + 1;
        let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        let _ = writeln!(
            out,
            "<testsuites name=\"gate\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">"
        );
        let _ = writeln!(
            out,
            "  <testsuite name=\"gate\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">"
        );
        let _ = write!(out, "    <testcase classname=\"gate\" name=\"policy\"");
        if let Some(m) = &incomplete {
            let _ = writeln!(out, ">");
            let _ = writeln!(
                out,
                "      <error type=\"incomplete\" message=\"{}\"/>",
                esc(m)
            );
            let _ = writeln!(out, "    </testcase>");
        } else if report.verdict.passed {
            let _ = writeln!(out, "/>");
        } else {
            let n = report.verdict.failures.len();
            let _ = writeln!(out, ">");
            let _ = writeln!(
                out,
                "      <failure type=\"policy\" message=\"{}\"/>",
                esc(&format!(
                    "{n} finding{} failed the gate ({})",
                    if n == 1 { "" } else { "s" },
                    report.verdict.rule
                ))
            );
            let _ = writeln!(out, "    </testcase>");
        }
        for (i, f) in active {
            let name = format!("{} {}:{}", f.rule_id, f.path, f.region.start_line);
            let message = &f.message;
            let detail = format!(
                "{}:{}:{} {} ({} severity, {} confidence; {})",
                f.path,
                f.region.start_line,
                f.region.start_column,
                message,
                f.severity,
                f.confidence,
                f.tools.join(", ")
            );
            let _ = writeln!(
                out,
                "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{}\">",
                esc(&f.path),
                esc(&name),
                esc(&f.path),
                f.region.start_line
            );
            match report.verdict.failure(i) {
                Some(reason) => {
                    let _ = writeln!(
                        out,
                        "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                        esc(&f.rule_id),
                        esc(&format!("{message} — {reason}")),
                        esc(&detail)
                    );
                }
                None => {
                    let _ = writeln!(out, "      <system-out>{}</system-out>", esc(&detail));
                }
            }
            let _ = writeln!(out, "    </testcase>");
        }
        let _ = writeln!(out, "  </testsuite>");
        let _ = writeln!(out, "</testsuites>");
        out
    }
}
