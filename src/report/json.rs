//! The JSON report: a stable, documented schema (see README, "JSON report").

use serde::Serialize;

use super::{Emitter, RenderOptions, Report};
use crate::diagnostic::Diagnostic;
use crate::finding::{CommitInfo, Confidence, Severity};

/// Bumped on any incompatible change to the shape below.
const SCHEMA_VERSION: u32 = 1;

/// JSON report.
pub struct Json;

#[derive(Serialize)]
struct Doc<'a> {
    schema_version: u32,
    tool: Tool,
    verdict: VerdictOut<'a>,
    summary: Summary,
    findings: Vec<FindingOut<'a>>,
    diagnostics: &'a [Diagnostic],
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct VerdictOut<'a> {
    /// `passed`, `failed`, or `error` when the gate could not complete (exit 2).
    status: &'static str,
    passed: bool,
    /// Why the gate could not complete (empty when it did).
    incomplete: &'a [String],
    policy: &'a str,
    failed: usize,
    /// Findings an exception covers (see each finding's `excepted_by`).
    excepted: usize,
    in_baseline: usize,
    outside_diff: usize,
    /// Expired exceptions and other things the team must hear about.
    warnings: &'a [String],
}

#[derive(Serialize)]
struct Summary {
    files_scanned: u64,
    bytes_scanned: u64,
    files_skipped: u64,
    findings: usize,
    suppressed: usize,
    by_severity: std::collections::BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct FindingOut<'a> {
    rule_id: &'a str,
    tool: &'a str,
    tools: &'a [String],
    severity: Severity,
    confidence: Confidence,
    path: &'a str,
    start_line: u32,
    start_column: u32,
    end_line: u32,
    end_column: u32,
    message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    secret: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entropy: Option<f32>,
    fingerprint: &'a str,
    gitleaks_fingerprint: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cwe: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<&'a CommitInfo>,
    tags: &'a [String],
    fails_gate: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    failure_reason: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    excepted_by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline_state: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    line_hash: Option<&'a str>,
}

impl Emitter for Json {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        let findings = report
            .active()
            .map(|(i, f)| {
                let failure = report.verdict.failure(i);
                FindingOut {
                    rule_id: &f.rule_id,
                    tool: &f.tool,
                    tools: &f.tools,
                    severity: f.severity,
                    confidence: f.confidence,
                    path: &f.path,
                    start_line: f.region.start_line,
                    start_column: f.region.start_column,
                    end_line: f.region.end_line,
                    end_column: f.region.end_column,
                    message: f.message.clone(),
                    snippet: f.snippet.clone(),
                    secret: f.secret.as_ref().map(|s| s.value.clone()),
                    entropy: f
                        .secret
                        .as_ref()
                        .map(|s| (s.entropy * 100.0).round() / 100.0),
                    fingerprint: &f.fingerprint,
                    gitleaks_fingerprint: f.gitleaks_fingerprint(),
                    cwe: f.cwe,
                    commit: f.commit.as_ref(),
                    tags: &f.tags,
                    fails_gate: failure.is_some(),
                    failure_reason: failure,
                    excepted_by: report.verdict.exception(i),
                    baseline_state: f.baseline_state.map(|b| b.as_str()),
                    line_hash: f.line_hash.as_deref(),
                }
            })
            .collect::<Vec<_>>();
        let doc = Doc {
            schema_version: SCHEMA_VERSION,
            tool: Tool {
                name: "gate",
                version: env!("CARGO_PKG_VERSION"),
            },
            verdict: VerdictOut {
                status: report.verdict.status(),
                passed: report.verdict.passed,
                incomplete: &report.verdict.incomplete,
                policy: &report.verdict.rule,
                failed: report.verdict.failures.len(),
                excepted: report.verdict.excepted.len(),
                in_baseline: report.verdict.in_baseline,
                outside_diff: report.verdict.outside_diff,
                warnings: &report.verdict.warnings,
            },
            summary: Summary {
                files_scanned: report.stats.files_scanned,
                bytes_scanned: report.stats.bytes_scanned,
                files_skipped: report.stats.files_skipped,
                findings: findings.len(),
                suppressed: report.verdict.suppressed,
                by_severity: report
                    .counts()
                    .into_iter()
                    .map(|(s, n)| (s.as_str(), n))
                    .collect(),
            },
            findings,
            diagnostics: report.diagnostics,
        };
        let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
        s.push('\n');
        s
    }
}
