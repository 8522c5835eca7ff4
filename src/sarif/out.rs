//! Writing SARIF 2.1.0 for GitHub code scanning: one run with gate as the
//! driver and every contributing tool as an extension, a full rule entry for
//! every rule a result refers to, GitHub's line hash on every result whose
//! file could be read, suppressions, baseline states, one notification per
//! input and per skipped file, and GitHub's size limits kept by dropping the
//! least severe results (never by cutting JSON).

use std::collections::BTreeMap;
use std::io::Write as _;

use rayon::prelude::*;
use serde_json::{json, Map, Value};

use super::uri::{to_uri, SRCROOT};
use crate::diagnostic::{Diagnostic, Level};
use crate::engine::RuleInfo;
use crate::finding::{Finding, Severity, SuppressionKind};
use crate::report::{redacted_message, redacted_snippet, RenderOptions, Report};

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

fn level(sev: Severity) -> &'static str {
    match sev {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low | Severity::Info => "note",
    }
}

fn diag_level(l: Level) -> &'static str {
    match l {
        Level::Note => "note",
        Level::Warning => "warning",
        Level::Error => "error",
    }
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
fn descriptor(rule: &RuleInfo) -> Value {
    let mut tags = vec!["security".to_string()];
    tags.extend(rule.tags.iter().filter(|t| *t != "security").cloned());
    if let Some(cwe) = rule.cwe {
        tags.push(format!("external/cwe/cwe-{cwe}"));
    }
    let mut props = Map::new();
    props.insert("tags".into(), json!(tags));
    props.insert(
        "security-severity".into(),
        json!(rule.severity.security_severity()),
    );
    props.insert("precision".into(), json!(rule.confidence.precision()));
    props.insert(
        "problem.severity".into(),
        json!(match level(rule.severity) {
            "note" => "recommendation",
            other => other,
        }),
    );
    props.insert("tool".into(), json!(rule.tool));
    if let Some(cwe) = rule.cwe {
        props.insert("cwe".into(), json!(format!("CWE-{cwe}")));
    }
    let mut help_md = rule.help.clone();
    if let Some(cwe) = rule.cwe {
        if !help_md.contains(&format!("CWE-{cwe}")) {
            help_md.push_str(&format!(
                "\n\n[CWE-{cwe}](https://cwe.mitre.org/data/definitions/{cwe}.html)"
            ));
        }
    }
    let mut d = json!({
        "id": rule.id,
        "name": rule.name,
        "shortDescription": { "text": one_line(&rule.short_description) },
        "fullDescription": { "text": rule.full_description },
        "help": { "text": strip_markdown(&help_md), "markdown": help_md },
        "defaultConfiguration": { "level": level(rule.severity) },
        "properties": props,
    });
    if let Some(uri) = rule.references.first() {
        d["helpUri"] = json!(uri);
    }
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

/// A JSON object that takes ownership of its values: `json!` copies every
/// `Value` it is handed, which for a run of 25,000 results is the whole run.
fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

fn location(path: &str, region: Option<Value>) -> Value {
    let (uri, base) = to_uri(path);
    let mut art = json!({ "uri": uri });
    if let Some(b) = base {
        art["uriBaseId"] = json!(b);
    }
    let mut phys = object([("artifactLocation", art)]);
    if let Some(r) = region {
        phys["region"] = r;
    }
    object([("physicalLocation", phys)])
}

fn result(f: &Finding, rule_index: usize, failure: Option<&str>, opts: &RenderOptions) -> Value {
    let mut region = json!({
        "startLine": f.region.start_line.max(1),
        "startColumn": f.region.start_column.max(1),
        "endLine": f.region.end_line.max(f.region.start_line).max(1),
    });
    let end_col = if f.region.end_line > f.region.start_line {
        f.region.end_column.max(1)
    } else {
        f.region.end_column.max(f.region.start_column).max(1)
    };
    region["endColumn"] = json!(end_col);
    if let Some(s) = redacted_snippet(f, &opts.redactor) {
        region["snippet"] = json!({ "text": s });
    }
    let mut partial = Map::new();
    partial.insert(GATE_FINGERPRINT_KEY.into(), json!(f.fingerprint));
    if let Some(h) = &f.line_hash {
        partial.insert(LINE_HASH_KEY.into(), json!(h));
    }
    let mut props = Map::new();
    props.insert("severity".into(), json!(f.severity.as_str()));
    props.insert("confidence".into(), json!(f.confidence.as_str()));
    props.insert("tools".into(), json!(f.tools));
    props.insert("failsGate".into(), json!(failure.is_some()));
    if let Some(reason) = failure {
        props.insert("failureReason".into(), json!(reason));
    }
    if let Some(cwe) = f.cwe {
        props.insert("cwe".into(), json!(format!("CWE-{cwe}")));
    }
    if let Some(c) = &f.commit {
        props.insert("commit".into(), json!(c));
    }
    if !f.tags.is_empty() {
        props.insert("tags".into(), json!(f.tags));
    }
    let mut r = object([
        ("ruleId", json!(f.rule_id)),
        ("ruleIndex", json!(rule_index)),
        ("level", json!(level(f.severity))),
        (
            "message",
            json!({ "text": redacted_message(f, &opts.redactor) }),
        ),
        (
            "locations",
            Value::Array(vec![location(&f.path, Some(region))]),
        ),
        ("partialFingerprints", Value::Object(partial)),
        ("properties", Value::Object(props)),
    ]);
    if let Some(s) = &f.suppression {
        r["suppressions"] = json!([{
            "kind": match s.kind {
                SuppressionKind::InSource => "inSource",
                SuppressionKind::External => "external",
            },
            "status": "accepted",
            "justification": s.justification,
        }]);
    }
    if let Some(b) = f.baseline_state {
        r["baselineState"] = json!(b.as_str());
    }
    r
}

fn notification(d: &Diagnostic) -> Value {
    let mut n = json!({
        "level": diag_level(d.level),
        "message": { "text": d.message },
        "descriptor": { "id": serde_json::to_value(d.kind).unwrap_or(Value::Null) },
    });
    if let Some(p) = &d.path {
        let region = d.line.map(|l| json!({ "startLine": l.max(1) }));
        n["locations"] = json!([location(p, region)]);
    }
    n
}

/// Which findings fit in one GitHub run: the most important first (failing
/// the gate, then severity, then confidence), at most `max`.
fn keep_order(findings: &[Finding], failed: &dyn Fn(usize) -> bool) -> Vec<usize> {
    use std::cmp::Reverse;
    // Keys computed once, not once per comparison; `i` makes them unique.
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
    keys.sort_unstable();
    keys.into_iter().map(|k| k.4).collect()
}

/// Build the SARIF log for a report, keeping at most `max_results` results.
fn build_with_limit(report: &Report<'_>, opts: &RenderOptions, max_results: usize) -> Value {
    let failures: BTreeMap<usize, &str> = report
        .verdict
        .failures
        .iter()
        .map(|f| (f.index, f.reason.as_str()))
        .collect();
    let mut kept: Vec<usize> = if report.findings.len() > max_results {
        let mut k = keep_order(report.findings, &|i| failures.contains_key(&i));
        k.truncate(max_results);
        k.sort_unstable();
        k
    } else {
        (0..report.findings.len()).collect()
    };
    kept.dedup();
    let dropped = report.findings.len() - kept.len();
    let mut rules: Vec<Value> = Vec::new();
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
    let results: Vec<Value> = kept
        .par_iter()
        .zip(rule_index)
        .map(|(&i, idx)| result(&report.findings[i], idx, failures.get(&i).copied(), opts))
        .collect();
    let mut notifications: Vec<Value> = report.diagnostics.iter().map(notification).collect();
    if dropped > 0 {
        notifications.push(json!({
            "level": "warning",
            "message": { "text": limit_message(dropped, report.findings.len()) },
            "descriptor": { "id": "github-limits" },
        }));
    }
    let successful = !report.diagnostics.iter().any(|d| d.level == Level::Error);
    let mut invocation = json!({ "executionSuccessful": successful });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = Value::Array(notifications);
    }
    let extensions: Vec<Value> = report
        .run
        .tools
        .iter()
        .map(|t| {
            let mut e = json!({ "name": t.name });
            if let Some(v) = &t.version {
                e["version"] = json!(v);
            }
            if let Some(u) = &t.information_uri {
                e["informationUri"] = json!(u);
            }
            e
        })
        .collect();
    let mut contributing: Vec<&str> = report
        .findings
        .iter()
        .flat_map(|f| f.tools.iter().map(String::as_str))
        .collect();
    contributing.sort_unstable();
    contributing.dedup();
    let mut driver = json!({
        "name": "gate",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": INFORMATION_URI,
    });
    driver["rules"] = Value::Array(rules);
    let mut tool = object([("driver", driver)]);
    if !extensions.is_empty() {
        tool["extensions"] = Value::Array(extensions);
    }
    let mut run_props = Map::new();
    run_props.insert("contributingTools".into(), json!(contributing));
    run_props.insert("passed".into(), json!(report.verdict.passed));
    run_props.insert("policy".into(), json!(report.verdict.rule));
    if dropped > 0 {
        run_props.insert("droppedResults".into(), json!(dropped));
    }
    if let Some(b) = &report.run.baseline {
        run_props.insert("baseline".into(), json!(b));
    }
    if let Some(b) = &report.run.diff_base {
        run_props.insert("diffBase".into(), json!(b));
    }
    let automation_id = report
        .run
        .automation_id
        .clone()
        .unwrap_or_else(|| DEFAULT_AUTOMATION_ID.to_string());
    let mut run = object([
        ("tool", tool),
        ("automationDetails", json!({ "id": automation_id })),
        ("invocations", Value::Array(vec![invocation])),
        ("columnKind", json!("unicodeCodePoints")),
        ("results", Value::Array(results)),
        ("properties", Value::Object(run_props)),
    ]);
    if let Some(root) = &report.run.root {
        let mut uri = super::uri::to_uri(&root.to_string_lossy().replace('\\', "/")).0;
        if !uri.ends_with('/') {
            uri.push('/');
        }
        run["originalUriBaseIds"] = json!({ SRCROOT: { "uri": uri } });
    }
    object([
        ("$schema", json!(SARIF_SCHEMA_URI)),
        ("version", json!("2.1.0")),
        ("runs", Value::Array(vec![run])),
    ])
}

fn limit_message(dropped: usize, total: usize) -> String {
    format!(
        "{dropped} of {total} results were left out of this SARIF file, least severe first, to stay within GitHub code scanning's limits ({GITHUB_MAX_RESULTS_PER_RUN} results per run, {} MB gzipped); every result is in the json report",
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

/// Build the SARIF log for a report (as JSON), within GitHub's limits.
pub fn build_log(report: &Report<'_>, opts: &RenderOptions) -> Value {
    render_within(
        report,
        opts,
        GITHUB_MAX_RESULTS_PER_RUN,
        GITHUB_MAX_GZIP_BYTES,
    )
    .0
}

/// The SARIF text and a warning when results had to be left out.
pub fn render(report: &Report<'_>, opts: &RenderOptions) -> (String, Option<String>) {
    let (log, text, dropped) = render_within(
        report,
        opts,
        GITHUB_MAX_RESULTS_PER_RUN,
        GITHUB_MAX_GZIP_BYTES,
    );
    drop_in_parallel(log);
    let warning = (dropped > 0).then(|| limit_message(dropped, report.findings.len()));
    (text, warning)
}

/// Where the one run's results sit in gate's log, and how deep.
const RESULTS_POINTER: &str = "/runs/0/results";
const RESULTS_KEY_LINE: &str = "\n      \"results\": []";
const RESULT_INDENT: &str = "        ";

/// `serde_json::to_string_pretty(log)`, byte for byte, with the results
/// (nearly all of the text) serialised on every core and spliced in.
fn to_pretty(log: &mut Value) -> String {
    let whole = |log: &Value| serde_json::to_string_pretty(log).expect("SARIF serialises");
    let results = match log.pointer_mut(RESULTS_POINTER) {
        Some(Value::Array(items)) if !items.is_empty() => std::mem::take(items),
        _ => return whole(log),
    };
    let skeleton = whole(log);
    let parts: Vec<String> = results
        .par_iter()
        .map(|r| {
            let text = serde_json::to_string_pretty(r).expect("SARIF serialises");
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
        })
        .collect();
    if let Some(slot) = log.pointer_mut(RESULTS_POINTER) {
        *slot = Value::Array(results);
    }
    let Some(at) = skeleton.find(RESULTS_KEY_LINE) else {
        return whole(log);
    };
    let cut = at + RESULTS_KEY_LINE.len() - 1;
    let size = skeleton.len() + parts.iter().map(|p| p.len() + 2).sum::<usize>() + 8;
    let mut text = String::with_capacity(size);
    text.push_str(&skeleton[..cut]);
    text.push('\n');
    text.push_str(&parts.join(",\n"));
    text.push_str("\n      ]");
    text.push_str(&skeleton[cut + 1..]);
    text
}

/// Free a log on every core (its results are nearly all of it).
fn drop_in_parallel(mut log: Value) {
    if let Some(Value::Array(items)) = log.pointer_mut(RESULTS_POINTER).map(Value::take) {
        items.into_par_iter().for_each(drop);
    }
}

/// Build, serialise and shrink until the gzipped text fits `max_gzip`.
fn render_within(
    report: &Report<'_>,
    opts: &RenderOptions,
    max_results: usize,
    max_gzip: usize,
) -> (Value, String, usize) {
    let mut limit = max_results.min(report.findings.len());
    loop {
        let log = build_with_limit(report, opts, limit);
        let mut log = log;
        let mut text = to_pretty(&mut log);
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
    use crate::redact::Redactor;
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

    fn render_with(findings: &[Finding], max_results: usize, max_gzip: usize) -> (Value, usize) {
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
        let opts = RenderOptions {
            redactor: Redactor::default(),
            color: false,
        };
        let (_, text, dropped) = render_within(&report, &opts, max_results, max_gzip);
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
    fn results_serialised_in_parallel_give_the_same_text() {
        for n in [0, 1, 7] {
            let (mut log, _) = render_with(&findings(n), 100, usize::MAX);
            let expected = serde_json::to_string_pretty(&log).unwrap();
            assert_eq!(to_pretty(&mut log), expected, "{n} results");
            assert_eq!(serde_json::to_string_pretty(&log).unwrap(), expected);
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
