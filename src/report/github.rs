//! GitHub Actions workflow commands (`::error file=…,line=…::message`).

use std::fmt::Write as _;

use super::{Emitter, RenderOptions, Report};
use crate::finding::Severity;

/// GitHub Actions workflow-command annotations.
pub struct Github;

/// Escape a workflow command's message (`%`, CR, LF).
pub fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a workflow command property value (also `:` and `,`).
pub fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(sev: Severity, failed: bool) -> &'static str {
    match (failed, sev) {
        (true, _) => "error",
        (false, Severity::Critical | Severity::High | Severity::Medium) => "warning",
        (false, _) => "notice",
    }
}

impl Emitter for Github {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        let mut out = String::new();
        for (i, f) in report.active() {
            let title = format!("{} ({})", f.rule_id, f.severity);
            let mut props = format!(
                "file={},line={},endLine={}",
                escape_property(&f.path),
                f.region.start_line,
                f.region.end_line
            );
            if f.region.start_line == f.region.end_line {
                let _ = write!(
                    props,
                    ",col={},endColumn={}",
                    f.region.start_column, f.region.end_column
                );
            }
            let _ = writeln!(
                out,
                "::{} {props},title={}::{}",
                command(f.severity, report.verdict.failed(i)),
                escape_property(&title),
                escape_data(&f.message)
            );
        }
        for d in report
            .diagnostics
            .iter()
            .filter(|d| d.level >= crate::diagnostic::Level::Warning)
        {
            let level = if d.level == crate::diagnostic::Level::Error {
                "error"
            } else {
                "warning"
            };
            let file = d
                .path
                .as_deref()
                .map(|p| format!(" file={}", escape_property(p)))
                .unwrap_or_default();
            let _ = writeln!(out, "::{level}{file}::{}", escape_data(&d.message));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_follows_the_runner() {
        assert_eq!(escape_data("50%\r\nx"), "50%25%0D%0Ax");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
