//! GitLab Code Quality JSON (the merge-request widget's format, a subset of
//! Code Climate's issue format).

use serde::Serialize;

use super::{Emitter, RenderOptions, Report};
use crate::finding::Severity;

/// GitLab Code Quality report.
pub struct Gitlab;

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    check_name: &'a str,
    description: String,
    categories: [&'static str; 1],
    severity: &'static str,
    fingerprint: &'a str,
    location: Location<'a>,
    engine_name: &'static str,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

/// GitLab's five severities.
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "blocker",
        Severity::High => "critical",
        Severity::Medium => "major",
        Severity::Low => "minor",
        Severity::Info => "info",
    }
}

impl Emitter for Gitlab {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        let issues: Vec<Issue<'_>> = report
            .active()
            .map(|(i, f)| {
                let mut description = format!("{}: {}", f.rule_id, f.message);
                if let Some(reason) = report.verdict.failure(i) {
                    description.push_str(&format!(" (fails the gate: {reason})"));
                }
                Issue {
                    kind: "issue",
                    check_name: &f.rule_id,
                    description,
                    categories: ["Security"],
                    severity: severity(f.severity),
                    fingerprint: &f.fingerprint,
                    location: Location {
                        path: &f.path,
                        lines: Lines {
                            begin: f.region.start_line,
                            end: f.region.end_line.max(f.region.start_line),
                        },
                    },
                    engine_name: "gate",
                }
            })
            .collect();
        let mut s = serde_json::to_string_pretty(&issues).expect("report serialises");
        s.push('\n');
        s
    }
}
