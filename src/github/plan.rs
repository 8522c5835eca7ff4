//! Planning what to post: a pure function from a report to request bodies
//! and texts, with every GitHub limit enforced here and nowhere else.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::finding::{Finding, Severity};
use crate::policy::Verdict;
use crate::report::markdown::cell;
use crate::report::{escape_workflow_data, escape_workflow_property, Report};

use crate::publish::plan::{excerpt, finding_comment, truncate_bytes};
pub use crate::publish::plan::{review_marker, summary, to_be_seen, truncate_chars, REVIEW_MARKER};

/// Check runs take at most 50 annotations per request; more go in further PATCHes.
pub const ANNOTATIONS_PER_REQUEST: usize = 50;
/// Annotations sent per check run, worst first (20 requests); the rest are counted.
pub const MAX_ANNOTATIONS: usize = 1_000;
/// `output.summary` and `output.text`: at most 65,535 characters.
pub const MAX_SUMMARY_CHARS: usize = 65_535;
/// Annotation `title`: at most 255 characters.
pub const MAX_ANNOTATION_TITLE_CHARS: usize = 255;
/// Annotation `message` and `raw_details`: at most 64 KB.
pub const MAX_ANNOTATION_MESSAGE_BYTES: usize = 64 * 1024 - 1;
/// Commit status `description`: at most 140 characters.
pub const MAX_STATUS_DESCRIPTION_CHARS: usize = 140;
/// `GITHUB_STEP_SUMMARY`: at most 1 MiB per step.
pub const MAX_STEP_SUMMARY_BYTES: usize = 1 << 20;
/// Workflow-command annotations shown per level per step; the rest are dropped silently.
pub const WORKFLOW_COMMANDS_PER_LEVEL: usize = 10;
/// Inline comments in one review, worst first.
pub const MAX_REVIEW_COMMENTS: usize = 50;

/// A check run annotation, as the Checks API takes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Annotation {
    pub path: String,
    pub start_line: u32,
    pub end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_column: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_column: Option<u32>,
    pub annotation_level: &'static str,
    pub message: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub raw_details: Option<String>,
}

/// An inline review comment on a changed line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReviewComment {
    pub path: String,
    pub line: u32,
    pub side: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_side: Option<&'static str>,
    pub body: String,
    /// The fingerprint in the hidden marker (not sent as a field).
    #[serde(skip)]
    pub fingerprint: String,
}

/// Everything `gate github` will post, decided before the first request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// `success` or `failure`.
    pub conclusion: &'static str,
    pub title: String,
    pub summary: String,
    /// Worst first, at most [`MAX_ANNOTATIONS`].
    pub annotations: Vec<Annotation>,
    /// Findings to be seen that did not fit in the annotations.
    pub not_annotated: usize,
    /// Commit status `state`: `success`, `failure` or `error`.
    pub status_state: &'static str,
    pub status_description: String,
    /// Comments for findings on changed lines, worst first.
    pub review_comments: Vec<ReviewComment>,
    /// The fallback when the token cannot write: one line per command.
    pub workflow_commands: Vec<String>,
    /// Markdown for `GITHUB_STEP_SUMMARY`.
    pub step_summary: String,
}

/// Plan every sink. A verdict that is not complete (an input could not be
/// scanned) concludes in failure: the gate fails closed. Secrets were masked
/// at the redaction point: nothing here may carry one.
pub fn plan(report: &Report<'_>) -> Plan {
    let v = report.verdict;
    let errored = !v.complete();
    let seen = to_be_seen(report);
    let failing = v.failures.len();
    let conclusion = if v.passed && !errored {
        "success"
    } else {
        "failure"
    };
    let title = title(report);
    let annotations: Vec<Annotation> = seen
        .iter()
        .take(MAX_ANNOTATIONS)
        .map(|&i| annotation(report, i))
        .collect();
    let status_state = if errored {
        "error"
    } else if v.passed {
        "success"
    } else {
        "failure"
    };
    let status_description = truncate_chars(
        &format!(
            "{}; {}",
            if errored {
                "gate could not complete".to_string()
            } else if v.passed {
                format!("passed, {} finding(s) below the policy", seen.len())
            } else {
                format!("{failing} finding(s) fail the gate")
            },
            v.rule
        ),
        MAX_STATUS_DESCRIPTION_CHARS,
    );
    let review_comments = seen
        .iter()
        .filter(|&&i| report.findings[i].changed == Some(true))
        .take(MAX_REVIEW_COMMENTS)
        .map(|&i| review_comment(report, i))
        .collect();
    Plan {
        conclusion,
        title,
        summary: summary(report, MAX_SUMMARY_CHARS),
        not_annotated: seen.len().saturating_sub(MAX_ANNOTATIONS),
        annotations,
        status_state,
        status_description,
        review_comments,
        workflow_commands: workflow_commands(report, &seen),
        step_summary: summary(report, MAX_STEP_SUMMARY_BYTES / 4),
    }
}

fn level(v: &Verdict, i: usize, f: &Finding) -> &'static str {
    if v.failed(i) {
        "failure"
    } else if f.severity >= Severity::Medium {
        "warning"
    } else {
        "notice"
    }
}

fn title(report: &Report<'_>) -> String {
    let v = report.verdict;
    let n = v.failures.len();
    let total = report.active().count();
    if let Some(m) = v.incomplete_message() {
        truncate_chars(&format!("{m} (fails closed)"), MAX_ANNOTATION_TITLE_CHARS)
    } else if v.passed {
        format!("gate passed: {total} finding(s), none failing the gate")
    } else {
        format!("gate failed: {n} of {total} finding(s) fail the gate")
    }
}

fn rule_name(report: &Report<'_>, f: &Finding) -> String {
    report
        .rules
        .get(&f.rule_id)
        .map(|r| r.short_description.clone())
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| f.rule_id.clone())
}

fn annotation(report: &Report<'_>, i: usize) -> Annotation {
    let f = &report.findings[i];
    let v = report.verdict;
    let r = f.region;
    let single = r.start_line == r.end_line;
    let columns = single && r.end_column > r.start_column;
    let mut message = f.message.clone();
    if let Some(e) = excerpt(f) {
        let _ = write!(message, "\n\n    {e}");
    }
    match v.failure(i) {
        Some(reason) => {
            let _ = write!(message, "\n\nFails the gate: {reason}.");
        }
        None => message.push_str("\n\nDoes not fail the gate."),
    }
    let mut details = format!(
        "rule {} · severity {} · confidence {} · reported by {} · fingerprint {}",
        f.rule_id,
        f.severity,
        f.confidence,
        f.tools.join(", "),
        f.fingerprint
    );
    if let Some(cwe) = f.cwe {
        let _ = write!(details, " · CWE-{cwe}");
    }
    Annotation {
        path: f.path.clone(),
        start_line: r.start_line.max(1),
        end_line: r.end_line.max(r.start_line).max(1),
        start_column: columns.then_some(r.start_column),
        end_column: columns.then_some(r.end_column),
        annotation_level: level(v, i, f),
        message: truncate_bytes(&message, MAX_ANNOTATION_MESSAGE_BYTES),
        title: truncate_chars(
            &match rule_name(report, f) {
                name if name == f.rule_id => format!("{} ({})", f.rule_id, f.severity),
                name => format!("{} ({}): {name}", f.rule_id, f.severity),
            },
            MAX_ANNOTATION_TITLE_CHARS,
        ),
        raw_details: Some(truncate_bytes(&details, MAX_ANNOTATION_MESSAGE_BYTES)),
    }
}

fn review_comment(report: &Report<'_>, i: usize) -> ReviewComment {
    let f = &report.findings[i];
    let body = finding_comment(report, i);
    let r = f.region;
    let multi = r.end_line > r.start_line;
    ReviewComment {
        path: f.path.clone(),
        line: r.end_line.max(r.start_line).max(1),
        side: "RIGHT",
        start_line: multi.then_some(r.start_line.max(1)),
        start_side: multi.then_some("RIGHT"),
        body,
        fingerprint: f.fingerprint.clone(),
    }
}

/// Workflow commands for the fallback: worst first, at most
/// [`WORKFLOW_COMMANDS_PER_LEVEL`] per level, then one notice counting the
/// rest (it takes one of the notice slots itself).
fn workflow_commands(report: &Report<'_>, seen: &[usize]) -> Vec<String> {
    let v = report.verdict;
    let mut by_level: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for &i in seen {
        let cmd = match level(v, i, &report.findings[i]) {
            "failure" => "error",
            other => other,
        };
        by_level.entry(cmd).or_default().push(i);
    }
    let total_dropped: usize = by_level
        .values()
        .map(|l| l.len().saturating_sub(WORKFLOW_COMMANDS_PER_LEVEL))
        .sum();
    let notice_slots = if total_dropped > 0 {
        WORKFLOW_COMMANDS_PER_LEVEL - 1
    } else {
        WORKFLOW_COMMANDS_PER_LEVEL
    };
    let mut out = Vec::new();
    let mut dropped = 0;
    for cmd in ["error", "warning", "notice"] {
        let Some(list) = by_level.get(cmd) else {
            continue;
        };
        let cap = if cmd == "notice" {
            notice_slots
        } else {
            WORKFLOW_COMMANDS_PER_LEVEL
        };
        dropped += list.len().saturating_sub(cap);
        for &i in list.iter().take(cap) {
            let f = &report.findings[i];
            let r = f.region;
            let mut props = format!(
                "file={},line={},endLine={}",
                escape_workflow_property(&f.path),
                r.start_line.max(1),
                r.end_line.max(r.start_line).max(1)
            );
            if r.start_line == r.end_line && r.end_column > r.start_column {
                let _ = write!(props, ",col={},endColumn={}", r.start_column, r.end_column);
            }
            let a = annotation(report, i);
            out.push(format!(
                "::{cmd} {props},title={}::{}",
                escape_workflow_property(&a.title),
                escape_workflow_data(&a.message)
            ));
        }
    }
    if dropped > 0 {
        out.push(format!(
            "::notice title={}::{}",
            escape_workflow_property("gate: more findings"),
            escape_workflow_data(&format!(
                "{dropped} more finding(s) are not shown as annotations (GitHub shows {WORKFLOW_COMMANDS_PER_LEVEL} per level per step); see the job summary and the SARIF report."
            ))
        ));
    }
    out
}

/// The plan when the gate could not run at all (bad flags, bad config):
/// the check run and status fail with the reason.
pub fn error_plan(reason: &str) -> Plan {
    let summary = truncate_chars(
        &format!("## ⛔ gate could not run\n\n{}\n", cell(reason)),
        MAX_SUMMARY_CHARS,
    );
    Plan {
        conclusion: "failure",
        title: "gate could not run".into(),
        step_summary: summary.clone(),
        summary,
        annotations: Vec::new(),
        not_annotated: 0,
        status_state: "error",
        status_description: truncate_chars(
            &format!("gate could not run: {reason}"),
            MAX_STATUS_DESCRIPTION_CHARS,
        ),
        review_comments: Vec::new(),
        workflow_commands: vec![format!(
            "::error title=gate could not run::{}",
            escape_workflow_data(reason)
        )],
    }
}
