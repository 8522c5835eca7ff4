//! What every publisher says, whatever the forge: which findings a reviewer
//! sees (worst first), the Markdown summary and the body of an inline
//! comment with its hidden marker. Pure functions of the report; each
//! forge's own plan adds its limits and request shapes.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::finding::{BaselineState, Finding};
use crate::report::markdown::{cell, not_counted, write_verdict};
use crate::report::Report;

/// A source excerpt in a message: at most this many characters.
const MAX_EXCERPT_CHARS: usize = 200;
/// Opens the hidden marker in every inline comment; the fingerprint follows.
pub const REVIEW_MARKER: &str = "<!-- gate:finding ";

/// Findings a reviewer should see on the diff, worst first: active, new
/// (not in the baseline), on changed lines when a diff scopes the gate, and
/// not covered by an exception.
pub fn to_be_seen(report: &Report<'_>) -> Vec<usize> {
    let v = report.verdict;
    let mut idx: Vec<usize> = report
        .active()
        .filter(|(i, f)| {
            f.baseline_state != Some(BaselineState::Unchanged)
                && f.changed != Some(false)
                && !v.excepted.iter().any(|e| e.index == *i)
        })
        .map(|(i, _)| i)
        .collect();
    idx.sort_by(|&a, &b| {
        let (fa, fb) = (&report.findings[a], &report.findings[b]);
        (v.failed(b), fb.severity, fb.confidence)
            .cmp(&(v.failed(a), fa.severity, fa.confidence))
            .then_with(|| fa.sort_key().cmp(&fb.sort_key()))
    });
    idx
}

/// The first line of the finding's source, secret masked, shortened.
pub fn excerpt(f: &Finding) -> Option<String> {
    let s = f.snippet.as_deref()?;
    let line = s.lines().map(str::trim).find(|l| !l.is_empty())?;
    Some(truncate_chars(line, MAX_EXCERPT_CHARS))
}

/// `s` cut to `max` characters, ending in `…` when cut.
pub fn truncate_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` cut to at most `max` bytes on a character boundary.
pub fn truncate_bytes(s: &str, max: usize) -> String {
    if s.len() <= max {
        return s.to_string();
    }
    let mut end = max.saturating_sub('…'.len_utf8());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}…", &s[..end])
}

/// The hidden marker a review comment for this fingerprint carries.
pub fn review_marker(fingerprint: &str) -> String {
    format!("{REVIEW_MARKER}{fingerprint} -->")
}

/// The summary: verdict, policy, expired exceptions, counts by severity and
/// by tool, the findings that fail the gate, what was not counted, and inputs
/// that could not be checked; rows stop before `limit` characters.
pub fn summary(report: &Report<'_>, limit: usize) -> String {
    let v = report.verdict;
    let n = v.failures.len();
    let mut head = String::new();
    write_verdict(&mut head, report);
    let mut tools: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (i, f) in report.active() {
        for t in &f.tools {
            let e = tools.entry(t.as_str()).or_default();
            e.0 += 1;
            if v.failed(i) {
                e.1 += 1;
            }
        }
    }
    if !tools.is_empty() {
        let _ = writeln!(head, "\n| tool | findings | failing the gate |");
        let _ = writeln!(head, "|---|---:|---:|");
        for (t, (count, failing)) in &tools {
            let _ = writeln!(head, "| {} | {count} | {failing} |", cell(t));
        }
    }
    if let Some(line) = not_counted(v) {
        let _ = writeln!(head, "\n{line}");
    }
    let problems: Vec<String> = report
        .diagnostics
        .iter()
        .filter(|d| d.level >= crate::diagnostic::Level::Warning)
        .map(|d| format!("- {}\n", cell(&d.to_string())))
        .collect();
    let mut out = truncate_chars(&head, limit);
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    if n > 0 {
        let rows = v
            .failures
            .iter()
            .map(|fail| {
                let f = &report.findings[fail.index];
                format!(
                    "| `{}` | `{}:{}` | {} | {} | {} |\n",
                    cell(&f.rule_id),
                    cell(&f.path),
                    f.region.start_line,
                    cell(&f.message.clone()),
                    excerpt(f)
                        .map(|e| format!("`{}`", cell(&e)))
                        .unwrap_or_default(),
                    cell(&fail.reason)
                )
            })
            .collect();
        sections.push((
            "\n### Findings that fail the gate\n\n| rule | location | message | excerpt | why |\n|---|---|---|---|---|\n".into(),
            rows,
        ));
    }
    if !problems.is_empty() {
        sections.push((
            "\n### Inputs gate could not fully check\n\n".into(),
            problems,
        ));
    }
    // Room kept for the "…and N more" line of each section.
    const TAIL: usize = 80;
    for (header, rows) in sections {
        let used = out.chars().count();
        if used + header.chars().count() + TAIL > limit {
            break;
        }
        out.push_str(&header);
        let mut used = used + header.chars().count();
        let mut shown = 0;
        for row in &rows {
            let len = row.chars().count();
            if used + len + TAIL > limit {
                break;
            }
            out.push_str(row);
            used += len;
            shown += 1;
        }
        if shown < rows.len() {
            let _ = writeln!(
                out,
                "\n…and {} more (the SARIF report has them all).",
                rows.len() - shown
            );
        }
    }
    truncate_chars(&out, limit)
}

/// The body of an inline comment on finding `i`: the hidden marker, the
/// rule, severity and message, the masked excerpt and whether it fails the
/// gate (GitHub review comments, GitLab discussions).
pub fn finding_comment(report: &Report<'_>, i: usize) -> String {
    let f = &report.findings[i];
    let v = report.verdict;
    let mut body = format!(
        "{}\n**gate · `{}`** ({} severity, {} confidence): {}",
        review_marker(&f.fingerprint),
        f.rule_id,
        f.severity,
        f.confidence,
        f.message.clone()
    );
    if let Some(e) = excerpt(f) {
        let _ = write!(body, "\n\n```\n{}\n```", e.replace("```", "'''"));
    }
    match v.failure(i) {
        Some(reason) => {
            let _ = write!(body, "\n\n❌ Fails the gate: {reason}.");
        }
        None => body.push_str("\n\nDoes not fail the gate."),
    }
    body
}

/// The fingerprint in a comment body's hidden marker, if it has one.
pub fn marked_fingerprint(body: &str) -> Option<&str> {
    let rest = body.split(REVIEW_MARKER).nth(1)?;
    rest.split(" -->").next()
}
