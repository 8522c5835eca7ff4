//! Writing SARIF 2.1.0 for GitHub code scanning: one run with gate as the
//! driver and every contributing tool as an extension, a full rule entry for
//! every rule a result refers to, GitHub's line hash on every result whose
//! file could be read, suppressions, baseline states, one notification per
//! input and per skipped file, and GitHub's size limits kept by dropping the
//! least severe results (never by cutting JSON).
//!
//! The log is built from serde-sarif's types, so its shape is checked by the
//! compiler against the SARIF 2.1.0 schema; only property bags (free-form by
//! the standard) hold `serde_json` values.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write as _;

use rayon::prelude::*;
use serde_json::Value;
use serde_sarif::sarif::{
    ArtifactContent, ArtifactLocation, Invocation, Location, Message, MultiformatMessageString,
    Notification, NotificationLevel, PhysicalLocation, PropertyBag, Region, ReportingConfiguration,
    ReportingConfigurationLevel, ReportingDescriptor, ReportingDescriptorReference,
    Result as SarifResult, ResultBaselineState, ResultColumnKind, ResultLevel, Run,
    RunAutomationDetails, Sarif, Suppression, SupressionKind, SupressionStatus, Tool,
    ToolComponent, Version,
};

use super::uri::{to_uri, SRCROOT};
use crate::diagnostic::{Diagnostic, Level};
use crate::engines::RuleInfo;
use crate::finding::{BaselineState, Finding, Severity, SuppressionKind};
use crate::report::Report;

/// The schema URI to write (serde-sarif's own constant is outdated).
pub const SARIF_SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";
/// Key of gate's own line-independent fingerprint in `partialFingerprints`.
pub const GATE_FINGERPRINT_KEY: &str = "gateFingerprint/v1";
/// GitHub's key for its line hash in `partialFingerprints`.
pub const LINE_HASH_KEY: &str = "primaryLocationLineHash";
/// GitHub code scanning accepts at most this many results per run.
pub const GITHUB_MAX_RESULTS_PER_RUN: usize = 25_000;
/// GitHub code scanning accepts SARIF files up to this size, gzipped.
pub const GITHUB_MAX_GZIP_BYTES: usize = 10 * 1000 * 1000;
/// The category gate's results are uploaded under unless configured.
pub const DEFAULT_AUTOMATION_ID: &str = "gate/";
const INFORMATION_URI: &str = "https://github.com/gate-scanner/gate";

/// An enumerated SARIF string from serde-sarif's enum. serde-sarif types a
/// few enum-valued fields as `serde_json::Value` (`version`, notification and
/// rule-configuration `level`, `baselineState`, `columnKind`, suppression
/// `kind` and `status`) although it ships their enums: the value always
/// comes from the enum, never from a string literal (a test checks that the
/// enums' `Display` is their serde name).
fn enumerated(v: impl std::fmt::Display) -> Value {
    Value::String(v.to_string())
}

fn level(sev: Severity) -> ResultLevel {
    match sev {
        Severity::Critical | Severity::High => ResultLevel::Error,
        Severity::Medium => ResultLevel::Warning,
        Severity::Low | Severity::Info => ResultLevel::Note,
    }
}

fn rule_level(sev: Severity) -> ReportingConfigurationLevel {
    match level(sev) {
        ResultLevel::Error => ReportingConfigurationLevel::Error,
        ResultLevel::Warning => ReportingConfigurationLevel::Warning,
        ResultLevel::Note => ReportingConfigurationLevel::Note,
        ResultLevel::None => ReportingConfigurationLevel::None,
    }
}

/// GitHub's `problem.severity` (no SARIF type: a GitHub property).
fn problem_severity(sev: Severity) -> &'static str {
    match level(sev) {
        ResultLevel::Error => "error",
        ResultLevel::Warning => "warning",
        ResultLevel::Note | ResultLevel::None => "recommendation",
    }
}

fn diag_level(l: Level) -> NotificationLevel {
    match l {
        Level::Note => NotificationLevel::Note,
        Level::Warning => NotificationLevel::Warning,
        Level::Error => NotificationLevel::Error,
    }
}

fn baseline_state(b: BaselineState) -> ResultBaselineState {
    match b {
        BaselineState::New => ResultBaselineState::New,
        BaselineState::Unchanged => ResultBaselineState::Unchanged,
    }
}

fn suppression_kind(k: SuppressionKind) -> SupressionKind {
    match k {
        SuppressionKind::InSource => SupressionKind::InSource,
        SuppressionKind::External => SupressionKind::External,
    }
}

/// A property bag: `tags` is the one property SARIF defines, the rest are
/// gate's own (free-form by the standard, hence JSON values).
fn bag<const N: usize>(
    tags: Option<Vec<String>>,
    entries: [(&str, Option<Value>); N],
) -> PropertyBag {
    PropertyBag {
        tags,
        additional_properties: entries
            .into_iter()
            .filter_map(|(k, v)| Some((k.to_string(), v?)))
            .collect(),
    }
}

fn text(s: impl Into<String>) -> Message {
    Message::builder().text(s).build()
}

fn multiformat(text: impl Into<String>) -> MultiformatMessageString {
    MultiformatMessageString::builder().text(text).build()
}

/// Markdown to plain text, roughly (for `help.text` next to `help.markdown`).
fn strip_markdown(s: &str) -> String {
    s.lines()
        .filter(|l| !l.trim_start().starts_with("```"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("**", "")
        .replace('`', "")
}

/// A rule descriptor with everything GitHub code scanning needs.
fn descriptor(rule: &RuleInfo) -> ReportingDescriptor {
    let mut tags = vec!["security".to_string()];
    tags.extend(rule.tags.iter().filter(|t| *t != "security").cloned());
    if let Some(cwe) = rule.cwe {
        tags.push(format!("external/cwe/cwe-{cwe}"));
    }
    let props = bag(
        Some(tags),
        [
            (
                "security-severity",
                Some(rule.severity.security_severity().into()),
            ),
            ("precision", Some(rule.confidence.precision().into())),
            (
                "problem.severity",
                Some(problem_severity(rule.severity).into()),
            ),
            ("tool", Some(rule.tool.clone().into())),
            ("cwe", rule.cwe.map(|cwe| format!("CWE-{cwe}").into())),
        ],
    );
    let mut help_md = rule.help.clone();
    if let Some(cwe) = rule.cwe {
        if !help_md.contains(&format!("CWE-{cwe}")) {
            help_md.push_str(&format!(
                "\n\n[CWE-{cwe}](https://cwe.mitre.org/data/definitions/{cwe}.html)"
            ));
        }
    }
    let mut d = ReportingDescriptor::builder()
        .id(rule.id.clone())
        .name(rule.name.clone())
        .short_description(multiformat(one_line(&rule.short_description)))
        .full_description(multiformat(rule.full_description.clone()))
        .help(
            MultiformatMessageString::builder()
                .text(strip_markdown(&help_md))
                .markdown(help_md)
                .build(),
        )
        .default_configuration(
            ReportingConfiguration::builder()
                .level(enumerated(rule_level(rule.severity)))
                .build(),
        )
        .properties(props)
        .build();
    d.help_uri = rule.references.first().cloned();
    d
}

fn one_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

/// A rule entry for an id nobody described (a tool without rule metadata).
fn fallback_rule(f: &Finding) -> RuleInfo {
    let short = one_line(&f.message);
    RuleInfo {
        id: f.rule_id.clone(),
        name: f.rule_id.clone(),
        tool: f.tool.clone(),
        short_description: if short.is_empty() {
            f.rule_id.clone()
        } else {
            short.clone()
        },
        full_description: format!("{} (reported by {}).", short, f.tools.join(", ")),
        help: format!(
            "**{}** reported by {}: {}\n\nReview the finding and fix the code, or record a reviewed exception in gate.toml.",
            f.rule_id,
            f.tools.join(", "),
            f.message
        ),
        severity: f.severity,
        confidence: f.confidence,
        cwe: f.cwe,
        tags: Vec::new(),
        references: Vec::new(),
    }
}

fn location(path: &str, region: Option<Region>) -> Location {
    let (uri, base) = to_uri(path);
    let mut artifact = ArtifactLocation::builder().uri(uri).build();
    artifact.uri_base_id = base.map(str::to_string);
    let mut physical = PhysicalLocation::builder()
        .artifact_location(artifact)
        .build();
    physical.region = region;
    Location::builder().physical_location(physical).build()
}

fn result(f: &Finding, rule_index: usize, failure: Option<&str>) -> SarifResult {
    let r = &f.region;
    let end_column = if r.end_line > r.start_line {
        r.end_column.max(1)
    } else {
        r.end_column.max(r.start_column).max(1)
    };
    let mut region = Region::builder()
        .start_line(i64::from(r.start_line.max(1)))
        .start_column(i64::from(r.start_column.max(1)))
        .end_line(i64::from(r.end_line.max(r.start_line).max(1)))
        .end_column(i64::from(end_column))
        .build();
    region.snippet = f
        .snippet
        .clone()
        .map(|s| ArtifactContent::builder().text(s).build());
    let mut partial = BTreeMap::new();
    partial.insert(GATE_FINGERPRINT_KEY.to_string(), f.fingerprint.clone());
    if let Some(h) = &f.line_hash {
        partial.insert(LINE_HASH_KEY.to_string(), h.clone());
    }
    let props = bag(
        (!f.tags.is_empty()).then(|| f.tags.clone()),
        [
            ("severity", Some(f.severity.as_str().into())),
            ("confidence", Some(f.confidence.as_str().into())),
            ("tools", Some(f.tools.clone().into())),
            ("failsGate", Some(failure.is_some().into())),
            ("failureReason", failure.map(Value::from)),
            ("cwe", f.cwe.map(|cwe| format!("CWE-{cwe}").into())),
            // A struct of strings: serialising it cannot fail.
            (
                "commit",
                f.commit.as_ref().and_then(|c| serde_json::to_value(c).ok()),
            ),
        ],
    );
    let mut out = SarifResult::builder()
        .rule_id(f.rule_id.clone())
        .rule_index(rule_index as i64)
        .level(level(f.severity))
        .message(text(f.message.clone()))
        .locations(vec![location(&f.path, Some(region))])
        .partial_fingerprints(partial)
        .properties(props)
        .build();
    out.suppressions = f.suppression.as_ref().map(|s| {
        let mut sup = Suppression::builder()
            .kind(enumerated(suppression_kind(s.kind)))
            .status(enumerated(SupressionStatus::Accepted))
            .build();
        sup.justification = Some(s.justification.clone());
        vec![sup]
    });
    out.baseline_state = f.baseline_state.map(|b| enumerated(baseline_state(b)));
    out
}

fn notification(d: &Diagnostic) -> Notification {
    // `Kind` serialises to its stable kebab-case name.
    let kind = match serde_json::to_value(d.kind) {
        Ok(Value::String(k)) => k,
        _ => format!("{:?}", d.kind),
    };
    let mut n = Notification::builder()
        .level(enumerated(diag_level(d.level)))
        .message(text(d.message.clone()))
        .descriptor(ReportingDescriptorReference::builder().id(kind).build())
        .build();
    n.locations = d.path.as_deref().map(|p| {
        let region = d
            .line
            .map(|l| Region::builder().start_line(i64::from(l.max(1))).build());
        vec![location(p, region)]
    });
    n
}

/// Which findings fit in one GitHub run: the `max` most important (failing
/// the gate, then severity, then confidence), in report order.
fn keep(findings: &[Finding], failed: &dyn Fn(usize) -> bool, max: usize) -> Vec<usize> {
    use std::cmp::Reverse;
    // Keys computed once, not once per comparison; `i` makes them unique,
    // so the `max` smallest are one set however they are found.
    let mut keys: Vec<_> = findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            (
                Reverse(failed(i)),
                Reverse(f.suppression.is_none()),
                Reverse(f.severity),
                Reverse(f.confidence),
                i,
            )
        })
        .collect();
    if max < keys.len() {
        keys.select_nth_unstable(max);
        keys.truncate(max);
    }
    let mut kept: Vec<usize> = keys.into_iter().map(|k| k.4).collect();
    kept.sort_unstable();
    kept
}

/// Build the SARIF log for a report, keeping at most `max_results` results.
fn build_with_limit(report: &Report<'_>, max_results: usize) -> Sarif {
    let failures: BTreeMap<usize, &str> = report
        .verdict
        .failures
        .iter()
        .map(|f| (f.index, f.reason.as_str()))
        .collect();
    let mut kept: Vec<usize> = if report.findings.len() > max_results {
        keep(report.findings, &|i| failures.contains_key(&i), max_results)
    } else {
        (0..report.findings.len()).collect()
    };
    kept.dedup();
    let dropped = report.findings.len() - kept.len();
    let mut rules: Vec<ReportingDescriptor> = Vec::new();
    let mut index: BTreeMap<&str, usize> = BTreeMap::new();
    let mut rule_index = Vec::with_capacity(kept.len());
    for &i in &kept {
        let f = &report.findings[i];
        let idx = *index.entry(f.rule_id.as_str()).or_insert_with(|| {
            let info = report
                .rules
                .get(&f.rule_id)
                .cloned()
                .unwrap_or_else(|| fallback_rule(f));
            rules.push(descriptor(&info));
            rules.len() - 1
        });
        rule_index.push(idx);
    }
    let results: Vec<SarifResult> = kept
        .par_iter()
        .zip(rule_index)
        .map(|(&i, idx)| result(&report.findings[i], idx, failures.get(&i).copied()))
        .collect();
    let mut notifications: Vec<Notification> =
        report.diagnostics.iter().map(notification).collect();
    if dropped > 0 {
        notifications.push(
            Notification::builder()
                .level(enumerated(NotificationLevel::Warning))
                .message(text(limit_message(report, &kept)))
                .descriptor(
                    ReportingDescriptorReference::builder()
                        .id("github-limits")
                        .build(),
                )
                .build(),
        );
    }
    let successful =
        report.verdict.complete() && !report.diagnostics.iter().any(|d| d.level == Level::Error);
    let mut invocation = Invocation::builder()
        .execution_successful(successful)
        .build();
    if let Some(m) = report.verdict.incomplete_message() {
        invocation.exit_code_description = Some(m);
    }
    invocation.tool_execution_notifications = (!notifications.is_empty()).then_some(notifications);
    let extensions: Vec<ToolComponent> = report
        .run
        .tools
        .iter()
        .map(|t| {
            let mut e = ToolComponent::builder().name(t.name.clone()).build();
            e.version = t.version.clone();
            e.information_uri = t.information_uri.clone();
            e
        })
        .collect();
    // A few tools over many findings: a set, not a sort of every name.
    let contributing: Vec<&str> = report
        .findings
        .iter()
        .flat_map(|f| f.tools.iter().map(String::as_str))
        .collect::<BTreeSet<&str>>()
        .into_iter()
        .collect();
    let driver = ToolComponent::builder()
        .name("gate")
        .version(env!("CARGO_PKG_VERSION"))
        .semantic_version(env!("CARGO_PKG_VERSION"))
        .information_uri(INFORMATION_URI)
        .rules(rules)
        .build();
    let mut tool = Tool::builder().driver(driver).build();
    tool.extensions = (!extensions.is_empty()).then_some(extensions);
    let run_props = bag(
        None,
        [
            ("contributingTools", Some(contributing.into())),
            ("passed", Some(report.verdict.passed.into())),
            ("policy", Some(report.verdict.rule.clone().into())),
            ("droppedResults", (dropped > 0).then(|| dropped.into())),
            ("baseline", report.run.baseline.clone().map(Value::from)),
            ("diffBase", report.run.diff_base.clone().map(Value::from)),
        ],
    );
    let automation_id = report
        .run
        .automation_id
        .clone()
        .unwrap_or_else(|| DEFAULT_AUTOMATION_ID.to_string());
    let mut run = Run::builder()
        .tool(tool)
        .automation_details(RunAutomationDetails::builder().id(automation_id).build())
        .invocations(vec![invocation])
        .column_kind(enumerated(ResultColumnKind::UnicodeCodePoints))
        .results(results)
        .properties(run_props)
        .build();
    run.original_uri_base_ids = report.run.root.as_ref().map(|root| {
        let root = root.to_string_lossy();
        let root = if cfg!(windows) {
            root.replace('\\', "/")
        } else {
            root.into_owned()
        };
        let mut uri = to_uri(&root).0;
        if !uri.ends_with('/') {
            uri.push('/');
        }
        BTreeMap::from([(
            SRCROOT.to_string(),
            ArtifactLocation::builder().uri(uri).build(),
        )])
    });
    Sarif::builder()
        .schema(SARIF_SCHEMA_URI)
        .version(enumerated(Version::V2_1_0))
        .runs(vec![run])
        .build()
}

/// Which findings a SARIF file holding at most `max` results keeps.
fn kept_of(report: &Report<'_>, max: usize) -> Vec<usize> {
    if report.findings.len() > max {
        keep(report.findings, &|i| report.verdict.failed(i), max)
    } else {
        (0..report.findings.len()).collect()
    }
}

/// What a SARIF file that keeps only `kept` (sorted indices) says about the
/// rest: how many results were left out, how many of those were suppressed
/// (SARIF keeps suppressed findings as results too, and they go first), and
/// where every result is, when this run writes a JSON report.
fn limit_message(report: &Report<'_>, kept: &[usize]) -> String {
    let total = report.findings.len();
    let dropped = total - kept.len();
    let suppressed_total = report
        .findings
        .iter()
        .filter(|f| f.suppression.is_some())
        .count();
    let suppressed_kept = kept
        .iter()
        .filter(|&&i| report.findings[i].suppression.is_some())
        .count();
    let suppressed_dropped = suppressed_total - suppressed_kept;
    let which = match suppressed_dropped {
        0 => String::new(),
        n if n == dropped => " (all of them suppressed)".to_string(),
        n => format!(" ({n} of them suppressed)"),
    };
    let elsewhere = match &report.run.json_report {
        Some(where_) => format!("; every result is in the json report ({where_})"),
        None => "; a json report (--output json=FILE) would hold every result".to_string(),
    };
    format!(
        "{dropped} of {total} results{which} were left out of this SARIF file, suppressed and least severe first, to stay within GitHub code scanning's limits ({GITHUB_MAX_RESULTS_PER_RUN} results per run, {} MB gzipped){elsewhere}",
        GITHUB_MAX_GZIP_BYTES / 1_000_000
    )
}

fn gzip_len(s: &str) -> usize {
    gzip_len_at(s.as_bytes(), flate2::Compression::default())
}

fn gzip_len_at(bytes: &[u8], level: flate2::Compression) -> usize {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), level);
    let _ = enc.write_all(bytes);
    enc.finish().map(|v| v.len()).unwrap_or(usize::MAX)
}

/// Bytes per independently compressed piece when estimating the gzipped size.
const GZIP_ESTIMATE_CHUNK: usize = 1 << 20;

/// The gzipped size of `s`, or an overestimate of it when that is enough
/// to show it fits `max`: pieces compressed at the fastest level, in
/// parallel, each with its own header and without the previous piece as
/// dictionary, come out larger than the whole text at the default level (a
/// test checks it on SARIF). Only text that does not fit that way is
/// compressed exactly.
fn gzip_len_within(s: &str, max: usize) -> usize {
    let estimate: usize = s
        .as_bytes()
        .par_chunks(GZIP_ESTIMATE_CHUNK)
        .map(|c| gzip_len_at(c, flate2::Compression::fast()))
        .sum();
    if estimate <= max {
        estimate
    } else {
        gzip_len(s)
    }
}

/// Build the typed SARIF log for a report, within GitHub's limits.
pub fn build_log(report: &Report<'_>) -> Sarif {
    render_within(
        report,
        GITHUB_MAX_RESULTS_PER_RUN,
        GITHUB_MAX_GZIP_BYTES,
        Keep::Log,
    )
    .0
}

/// The SARIF text and a warning when results had to be left out.
pub fn render(report: &Report<'_>) -> (String, Option<String>) {
    let (_, text, dropped) = render_within(
        report,
        GITHUB_MAX_RESULTS_PER_RUN,
        GITHUB_MAX_GZIP_BYTES,
        Keep::Text,
    );
    let warning = (dropped > 0).then(|| {
        let kept = kept_of(report, report.findings.len() - dropped);
        limit_message(report, &kept)
    });
    (text, warning)
}

/// Whether a caller wants the whole typed log back or only its text (then
/// each result is freed on the core that serialised it and the log comes
/// back without results).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    Log,
    Text,
}

/// Where the one run's results sit in the pretty text, and how deep.
const RESULTS_KEY_LINE: &str = "\n      \"results\": []";
const RESULT_INDENT: &str = "        ";

fn results_of(log: &mut Sarif) -> Option<&mut Vec<SarifResult>> {
    log.runs.first_mut().and_then(|r| r.results.as_mut())
}

fn pretty_result(r: &SarifResult) -> String {
    // Room for a typical result: no regrowing the buffer as it is written.
    let mut buf = Vec::with_capacity(4096);
    serde_json::to_writer_pretty(&mut buf, r).expect("SARIF serialises");
    let text = String::from_utf8(buf).expect("serde_json writes UTF-8");
    // JSON strings hold no raw line breaks: every line is indented.
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(RESULT_INDENT);
        out.push_str(line);
    }
    out
}

/// `serde_json::to_string_pretty(log)`, byte for byte, with the results
/// (nearly all of the text) serialised on every core and spliced in. With
/// [`Keep::Text`] the results are freed as they are serialised and the log
/// is left without them.
fn to_pretty(log: &mut Sarif, keep: Keep) -> String {
    let whole = |log: &Sarif| serde_json::to_string_pretty(log).expect("SARIF serialises");
    let results = match results_of(log) {
        Some(items) if !items.is_empty() => std::mem::take(items),
        _ => return whole(log),
    };
    let skeleton = whole(log);
    let Some(at) = skeleton.find(RESULTS_KEY_LINE) else {
        if let Some(s) = results_of(log) {
            *s = results;
        }
        return whole(log);
    };
    let parts: Vec<String> = match keep {
        Keep::Log => {
            let parts = results.par_iter().map(pretty_result).collect();
            if let Some(s) = results_of(log) {
                *s = results;
            }
            parts
        }
        Keep::Text => results.into_par_iter().map(|r| pretty_result(&r)).collect(),
    };
    let cut = at + RESULTS_KEY_LINE.len() - 1;
    let size = skeleton.len() + parts.iter().map(|p| p.len() + 2).sum::<usize>() + 8;
    let mut text = String::with_capacity(size);
    text.push_str(&skeleton[..cut]);
    for (k, part) in parts.iter().enumerate() {
        text.push_str(if k == 0 { "\n" } else { ",\n" });
        text.push_str(part);
    }
    text.push_str("\n      ]");
    text.push_str(&skeleton[cut + 1..]);
    text
}

/// Build, serialise and shrink until the gzipped text fits `max_gzip`.
fn render_within(
    report: &Report<'_>,
    max_results: usize,
    max_gzip: usize,
    keep: Keep,
) -> (Sarif, String, usize) {
    let mut limit = max_results.min(report.findings.len());
    loop {
        let mut log = build_with_limit(report, limit);
        let mut text = to_pretty(&mut log, keep);
        text.push('\n');
        // Text that is small enough uncompressed is small enough gzipped.
        let size = if text.len() <= max_gzip {
            text.len()
        } else {
            gzip_len_within(&text, max_gzip)
        };
        if size <= max_gzip || limit == 0 {
            return (log, text, report.findings.len() - limit);
        }
        let ratio = max_gzip as f64 / size as f64;
        limit = ((limit as f64 * ratio * 0.95) as usize).min(limit - 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Confidence, Region};
    use crate::policy::{evaluate, Policy};
    use crate::report::RunInfo;

    fn findings(n: usize) -> Vec<Finding> {
        (0..n)
            .map(|i| {
                let sev = Severity::ALL[i % 5];
                let mut f = Finding::new(
                    format!("R{}", i % 7),
                    "t",
                    sev,
                    Confidence::High,
                    format!("src/f{}.py", i % 13),
                    Region::line(i as u32 + 1),
                    format!("problem number {i} with some words to compress"),
                );
                f.fingerprint = format!("{i:020x}:1");
                f
            })
            .collect()
    }

    /// Run `f` on a report of `findings` under the default policy.
    fn with_report<T>(findings: &[Finding], f: impl FnOnce(&Report<'_>) -> T) -> T {
        let rules = BTreeMap::new();
        let verdict = evaluate(&Policy::default(), findings);
        let run = RunInfo::default();
        let report = Report {
            findings,
            rules: &rules,
            diagnostics: &[],
            verdict: &verdict,
            stats: Default::default(),
            run: &run,
        };
        f(&report)
    }

    fn render_with(findings: &[Finding], max_results: usize, max_gzip: usize) -> (Value, usize) {
        let (_, text, dropped) = with_report(findings, |report| {
            render_within(report, max_results, max_gzip, Keep::Text)
        });
        (
            serde_json::from_str(&text).expect("always whole JSON"),
            dropped,
        )
    }

    fn severities(log: &Value) -> Vec<String> {
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["properties"]["severity"].as_str().unwrap().to_string())
            .collect()
    }

    #[test]
    fn too_many_results_drop_the_least_severe_and_say_so() {
        let all = findings(50);
        let (log, dropped) = render_with(&all, 20, GITHUB_MAX_GZIP_BYTES);
        assert_eq!(dropped, 30);
        let sev = severities(&log);
        assert_eq!(sev.len(), 20);
        assert!(
            sev.iter().all(|s| s == "critical" || s == "high"),
            "{sev:?}"
        );
        let notes = &log["runs"][0]["invocations"][0]["toolExecutionNotifications"];
        let text = notes[0]["message"]["text"].as_str().unwrap();
        assert!(text.starts_with("30 of 50 results were left out"), "{text}");
        assert_eq!(log["runs"][0]["properties"]["droppedResults"], 30);
    }

    #[test]
    fn issue16_p3_the_limit_message_counts_suppressed_results_and_names_only_a_real_json_report() {
        use crate::finding::{Suppression, SuppressionKind};
        // 50 findings, 10 of them suppressed: with room for 20, the 10
        // suppressed go first among the 30 left out.
        let mut all = findings(50);
        for f in all.iter_mut().step_by(5) {
            f.suppression = Some(Suppression {
                kind: SuppressionKind::InSource,
                justification: "# nosec".into(),
            });
        }
        let message = |json_report: Option<&str>| {
            let rules = BTreeMap::new();
            let verdict = evaluate(&Policy::default(), &all);
            let run = RunInfo {
                json_report: json_report.map(str::to_string),
                ..RunInfo::default()
            };
            let report = Report {
                findings: &all,
                rules: &rules,
                diagnostics: &[],
                verdict: &verdict,
                stats: Default::default(),
                run: &run,
            };
            let kept = kept_of(&report, 20);
            assert_eq!(kept.len(), 20);
            limit_message(&report, &kept)
        };
        let text = message(None);
        assert!(
            text.starts_with("30 of 50 results (10 of them suppressed) were left out"),
            "{text}"
        );
        assert!(!text.contains("is in the json report"), "{text}");
        let text = message(Some("gate.json"));
        assert!(
            text.ends_with("every result is in the json report (gate.json)"),
            "{text}"
        );
    }

    fn report_log(findings: &[Finding]) -> Sarif {
        with_report(findings, |report| build_with_limit(report, usize::MAX))
    }

    #[test]
    fn results_serialised_in_parallel_give_the_same_text() {
        for n in [0, 1, 7] {
            let mut log = report_log(&findings(n));
            let expected = serde_json::to_string_pretty(&log).unwrap();
            assert_eq!(to_pretty(&mut log, Keep::Log), expected, "{n} results");
            assert_eq!(serde_json::to_string_pretty(&log).unwrap(), expected);
            assert_eq!(to_pretty(&mut log, Keep::Text), expected, "{n} results");
        }
    }

    /// Every optional piece of content gate writes, through the typed log.
    #[test]
    fn the_typed_log_carries_every_piece_of_content() {
        use crate::diagnostic::Kind;
        use crate::finding::{CommitInfo, Suppression as Sup};
        use crate::sarif::read::ToolInfo;
        let mut f = findings(2);
        f[0].cwe = Some(78);
        f[0].tags = vec!["injection".into()];
        f[0].line_hash = Some("abc:1".into());
        f[0].snippet = Some("os.system(cmd)".into());
        f[0].baseline_state = Some(BaselineState::New);
        f[0].commit = Some(CommitInfo {
            sha: "0123abc".into(),
            author: "A".into(),
            email: "a@example.com".into(),
            date: "2026-01-01".into(),
            message: "m".into(),
        });
        f[1].suppression = Some(Sup {
            kind: SuppressionKind::InSource,
            justification: "# nosec".into(),
        });
        f[1].baseline_state = Some(BaselineState::Unchanged);
        let mut rules = BTreeMap::new();
        rules.insert(
            "R0".to_string(),
            RuleInfo {
                id: "R0".into(),
                name: "shell".into(),
                tool: "bandit".into(),
                short_description: "Shell call\nmore".into(),
                full_description: "Full.".into(),
                help: "Use **lists**.".into(),
                severity: Severity::Critical,
                confidence: Confidence::High,
                cwe: Some(78),
                tags: vec!["security".into(), "subprocess".into()],
                references: vec!["https://example.com/B602".into()],
            },
        );
        let diagnostics = [
            Diagnostic::file(Level::Warning, Kind::Unparsable, "src/x.py", "bad").at(3, None),
            Diagnostic::general(Level::Note, Kind::Input, "imported"),
        ];
        let verdict = evaluate(&Policy::default(), &f);
        let run = RunInfo {
            root: Some("/repo".into()),
            automation_id: Some("gate/pr".into()),
            tools: vec![ToolInfo {
                name: "bandit".into(),
                version: Some("1.8".into()),
                information_uri: Some("https://bandit.readthedocs.io".into()),
            }],
            baseline: Some("base.sarif".into()),
            diff_base: Some("main".into()),
            json_report: None,
            started: None,
            commit: None,
        };
        let report = Report {
            findings: &f,
            rules: &rules,
            diagnostics: &diagnostics,
            verdict: &verdict,
            stats: Default::default(),
            run: &run,
        };
        let log = serde_json::to_value(build_log(&report)).unwrap();
        let (text, warning) = render(&report);
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), log);
        assert_eq!(warning, None);
        assert_eq!(log["$schema"], SARIF_SCHEMA_URI);
        assert_eq!(log["version"], "2.1.0");
        let run = &log["runs"][0];
        assert_eq!(run["automationDetails"]["id"], "gate/pr");
        assert_eq!(run["columnKind"], "unicodeCodePoints");
        assert_eq!(
            run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file:///repo/"
        );
        assert_eq!(
            run["properties"],
            serde_json::json!({
                "contributingTools": ["t"],
                "passed": verdict.passed,
                "policy": verdict.rule,
                "baseline": "base.sarif",
                "diffBase": "main",
            })
        );
        assert_eq!(
            run["tool"]["extensions"],
            serde_json::json!([{
                "name": "bandit",
                "version": "1.8",
                "informationUri": "https://bandit.readthedocs.io",
            }])
        );
        let inv = &run["invocations"][0];
        assert_eq!(inv["executionSuccessful"], true);
        assert_eq!(
            inv["toolExecutionNotifications"],
            serde_json::json!([
                {
                    "level": "warning",
                    "message": { "text": "bad" },
                    "descriptor": { "id": "unparsable" },
                    "locations": [{ "physicalLocation": {
                        "artifactLocation": { "uri": "src/x.py", "uriBaseId": "%SRCROOT%" },
                        "region": { "startLine": 3 },
                    }}],
                },
                {
                    "level": "note",
                    "message": { "text": "imported" },
                    "descriptor": { "id": "input" },
                },
            ])
        );
        let driver = &run["tool"]["driver"];
        assert_eq!(driver["name"], "gate");
        let rule = &driver["rules"][0];
        assert_eq!(
            rule,
            &serde_json::json!({
                "id": "R0",
                "name": "shell",
                "shortDescription": { "text": "Shell call" },
                "fullDescription": { "text": "Full." },
                "help": {
                    "text": "Use lists.\n\n[CWE-78](https://cwe.mitre.org/data/definitions/78.html)",
                    "markdown": "Use **lists**.\n\n[CWE-78](https://cwe.mitre.org/data/definitions/78.html)",
                },
                "helpUri": "https://example.com/B602",
                "defaultConfiguration": { "level": "error" },
                "properties": {
                    "tags": ["security", "subprocess", "external/cwe/cwe-78"],
                    "security-severity": "9.5",
                    "precision": "high",
                    "problem.severity": "error",
                    "tool": "bandit",
                    "cwe": "CWE-78",
                },
            })
        );
        // A rule nobody described still gets a full entry.
        assert_eq!(driver["rules"][1]["id"], "R1");
        assert!(driver["rules"][1]["help"]["markdown"]
            .as_str()
            .unwrap()
            .contains("reported by t"));
        let r0 = &run["results"][0];
        assert_eq!(r0["ruleId"], "R0");
        assert_eq!(r0["ruleIndex"], 0);
        assert_eq!(r0["level"], "error");
        assert_eq!(r0["baselineState"], "new");
        assert_eq!(
            r0["partialFingerprints"],
            serde_json::json!({ GATE_FINGERPRINT_KEY: f[0].fingerprint, LINE_HASH_KEY: "abc:1" })
        );
        assert_eq!(
            r0["locations"][0]["physicalLocation"]["region"],
            serde_json::json!({
                "startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1,
                "snippet": { "text": "os.system(cmd)" },
            })
        );
        assert_eq!(
            r0["properties"]["commit"],
            serde_json::to_value(f[0].commit.as_ref().unwrap()).unwrap()
        );
        assert_eq!(r0["properties"]["tags"], serde_json::json!(["injection"]));
        assert_eq!(r0["properties"]["cwe"], "CWE-78");
        assert_eq!(r0["properties"]["failsGate"], true);
        assert!(r0["properties"]["failureReason"].is_string());
        assert!(r0.get("suppressions").is_none());
        let r1 = &run["results"][1];
        assert_eq!(r1["level"], "error");
        assert_eq!(r1["baselineState"], "unchanged");
        assert_eq!(
            r1["suppressions"],
            serde_json::json!([{ "kind": "inSource", "status": "accepted", "justification": "# nosec" }])
        );
        assert!(r1["properties"].get("tags").is_none());
    }

    #[test]
    fn enumerated_values_are_the_enums_serde_names() {
        fn same<T: serde::Serialize + std::fmt::Display>(v: T) {
            assert_eq!(serde_json::to_value(&v).unwrap(), enumerated(v));
        }
        same(Version::V2_1_0);
        same(ResultColumnKind::UnicodeCodePoints);
        same(SupressionStatus::Accepted);
        for k in [SuppressionKind::InSource, SuppressionKind::External] {
            same(suppression_kind(k));
        }
        for b in [BaselineState::New, BaselineState::Unchanged] {
            assert_eq!(enumerated(baseline_state(b)), b.as_str());
        }
        for l in [Level::Note, Level::Warning, Level::Error] {
            same(diag_level(l));
        }
        for s in Severity::ALL {
            same(rule_level(s));
        }
    }

    #[test]
    fn the_fast_gzip_estimate_never_undercounts_sarif() {
        let (log, _) = render_with(&findings(6000), 6000, usize::MAX);
        let text = serde_json::to_string_pretty(&log).unwrap();
        assert!(text.len() > 2 * GZIP_ESTIMATE_CHUNK, "{}", text.len());
        let exact = gzip_len(&text);
        let estimate = gzip_len_within(&text, usize::MAX);
        assert!(estimate >= exact, "{estimate} < {exact}");
        assert_eq!(gzip_len_within(&text, exact - 1), exact, "too big: exact");
    }

    #[test]
    fn a_gzip_budget_shrinks_the_run_not_the_json() {
        let all = findings(3000);
        let (log, dropped) = render_with(&all, GITHUB_MAX_RESULTS_PER_RUN, 20_000);
        assert!(dropped > 0);
        let text = serde_json::to_string_pretty(&log).unwrap();
        assert!(gzip_len(&text) <= 20_000);
        // Nothing kept is less severe than anything dropped.
        let kept: Vec<Severity> = severities(&log)
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let least = *kept.iter().min().unwrap();
        let above = |v: &mut dyn Iterator<Item = Severity>| v.filter(|s| *s > least).count();
        assert_eq!(
            above(&mut kept.iter().copied()),
            above(&mut all.iter().map(|f| f.severity))
        );
    }
}
