//! GitLab Code Quality JSON (`gitlab-codequality`, alias `gitlab`): the
//! merge-request widget's format, a subset of Code Climate's issue format.
//! Every issue has its line range (`lines`, which GitLab reads); findings
//! whose columns gate knows also carry Code Climate's `positions`.

use serde::Serialize;

use super::{Emitter, RenderOptions, Report};
use crate::finding::{Region, Severity};

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
    #[serde(skip_serializing_if = "Option::is_none")]
    positions: Option<Positions>,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
    end: u32,
}

#[derive(Serialize)]
struct Positions {
    begin: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    line: u32,
    column: u32,
}

/// Line and column positions, when the finding has real columns (a
/// whole-line finding has none: start and end column 1 on one line).
fn positions(r: &Region) -> Option<Positions> {
    let end_line = r.end_line.max(r.start_line);
    let whole_line = end_line == r.start_line && r.end_column <= r.start_column;
    (!whole_line && r.start_column >= 1).then(|| Positions {
        begin: Position {
            line: r.start_line,
            column: r.start_column,
        },
        end: Position {
            line: end_line,
            column: r.end_column.max(1),
        },
    })
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
                        positions: positions(&f.region),
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
