//! Planning what to post on GitLab: a pure function from a report to the
//! summary note, the inline discussions and the commit status, with every
//! GitLab limit enforced here and nowhere else.

use std::fmt::Write as _;

use crate::publish::plan::{finding_comment, summary, to_be_seen, truncate_chars};
use crate::report::markdown::cell;
use crate::report::Report;

/// A note's body: at most 1,000,000 characters.
pub const MAX_NOTE_CHARS: usize = 1_000_000;
/// Commit status `description`: at most 255 characters.
pub const MAX_STATUS_DESCRIPTION_CHARS: usize = 255;
/// Inline discussions per run unless `--max-discussions` says otherwise:
/// GitLab takes one request per discussion.
pub const DEFAULT_MAX_DISCUSSIONS: usize = 50;
/// Opens the hidden marker of the summary note; the status name follows.
pub const SUMMARY_MARKER: &str = "<!-- gate:summary ";
/// Room kept at the end of the note for the footer.
const FOOTER_CHARS: usize = 2_000;
/// Findings listed in the job log when nothing could be published.
pub const MAX_LOG_LINES: usize = 50;

/// An inline discussion on a line of the merge request's new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discussion {
    pub path: String,
    pub line: u32,
    pub body: String,
    /// The fingerprint in the body's hidden marker.
    pub fingerprint: String,
}

/// Everything `gate gitlab` will post, decided before the first request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Commit status `state`: `success` or `failed`.
    pub status_state: &'static str,
    pub status_description: String,
    /// The summary note's body, hidden marker first.
    pub note: String,
    /// Findings that fail the gate, worst first, at most the cap.
    pub discussions: Vec<Discussion>,
    /// Findings that fail the gate beyond the cap (in the note only).
    pub not_discussed: usize,
    /// The fallback when the token cannot write: one line per finding that
    /// fails the gate (`path:line: rule (severity): message`), worst first,
    /// at most [`MAX_LOG_LINES`], then one counting the rest.
    pub log_lines: Vec<String>,
}

/// The hidden marker of the summary note of the status `name` (two gate
/// jobs with different names keep a note each).
pub fn summary_marker(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':' | '/' | ' ') {
                c
            } else {
                '_'
            }
        })
        .take(100)
        .collect();
    format!("{SUMMARY_MARKER}{name} -->")
}

/// Plan the note, the discussions and the status. A verdict that is not
/// complete fails the status: the gate fails closed. Secrets were masked at
/// the redaction point: nothing here may carry one.
pub fn plan(
    report: &Report<'_>,
    name: &str,
    max_discussions: usize,
    pipeline_url: Option<&str>,
) -> Plan {
    let v = report.verdict;
    let errored = !v.complete();
    let seen = to_be_seen(report);
    let failing: Vec<usize> = seen.iter().copied().filter(|&i| v.failed(i)).collect();
    let discussions: Vec<Discussion> = failing
        .iter()
        .take(max_discussions)
        .map(|&i| {
            let f = &report.findings[i];
            Discussion {
                path: f.path.clone(),
                line: f.region.start_line.max(1),
                body: finding_comment(report, i),
                fingerprint: f.fingerprint.clone(),
            }
        })
        .collect();
    let not_discussed = failing.len() - discussions.len();
    let mut log_lines: Vec<String> = failing
        .iter()
        .take(MAX_LOG_LINES)
        .map(|&i| {
            let f = &report.findings[i];
            format!(
                "{}:{}: {} ({}): {}",
                f.path,
                f.region.start_line.max(1),
                f.rule_id,
                f.severity,
                f.message.replace(['\r', '\n'], " ")
            )
        })
        .collect();
    if failing.len() > MAX_LOG_LINES {
        log_lines.push(format!(
            "…and {} more: the reports (-o) list every finding",
            failing.len() - MAX_LOG_LINES
        ));
    }
    let status_state = if v.passed && !errored {
        "success"
    } else {
        "failed"
    };
    let status_description = truncate_chars(
        &format!(
            "{}; {}",
            if errored {
                "gate could not complete".to_string()
            } else if v.passed {
                format!("passed, {} finding(s) below the policy", seen.len())
            } else {
                format!("{} finding(s) fail the gate", v.failures.len())
            },
            v.rule
        ),
        MAX_STATUS_DESCRIPTION_CHARS,
    );
    let marker = summary_marker(name);
    let limit = MAX_NOTE_CHARS - marker.chars().count() - FOOTER_CHARS;
    let mut note = format!("{marker}\n{}", summary(report, limit));
    let _ = write!(note, "\n---\n");
    if !failing.is_empty() {
        let _ = write!(
            note,
            "{} finding(s) that fail the gate on lines this merge request changes get an inline discussion",
            discussions.len()
        );
        if not_discussed > 0 {
            let _ = write!(
                note,
                "; {not_discussed} more only here (at most {max_discussions} discussions, worst first)"
            );
        }
        note.push_str(". ");
    }
    match pipeline_url {
        Some(url) => {
            let _ = write!(note, "Reports and the full log: [pipeline]({url}).");
        }
        None => note.push_str("Reports and the full log: the pipeline's gate job."),
    }
    note.push('\n');
    Plan {
        status_state,
        status_description,
        note: truncate_chars(&note, MAX_NOTE_CHARS),
        discussions,
        not_discussed,
        log_lines,
    }
}

/// The plan when the gate could not run at all (bad flags, bad config): the
/// note says why and the status fails.
pub fn error_plan(reason: &str, name: &str) -> Plan {
    let note = truncate_chars(
        &format!(
            "{}\n## ⛔ gate could not run\n\n{}\n",
            summary_marker(name),
            cell(reason)
        ),
        MAX_NOTE_CHARS,
    );
    Plan {
        status_state: "failed",
        status_description: truncate_chars(
            &format!("gate could not run: {reason}"),
            MAX_STATUS_DESCRIPTION_CHARS,
        ),
        note,
        discussions: Vec::new(),
        not_discussed: 0,
        log_lines: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_cannot_close_the_comment_early() {
        assert_eq!(summary_marker("gate"), "<!-- gate:summary gate -->");
        assert_eq!(
            summary_marker("security-gate"),
            "<!-- gate:summary security-gate -->"
        );
        assert_eq!(summary_marker("a-->b<x>"), "<!-- gate:summary a--_b_x_ -->");
    }

    #[test]
    fn an_error_plan_fails_the_status_within_its_limit() {
        let p = error_plan(&"x".repeat(400), "gate");
        assert_eq!(p.status_state, "failed");
        assert_eq!(
            p.status_description.chars().count(),
            MAX_STATUS_DESCRIPTION_CHARS
        );
        assert!(p.note.starts_with("<!-- gate:summary gate -->\n"));
    }
}
