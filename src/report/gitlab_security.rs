//! GitLab security reports, schema 15.2.4: `gitlab-secret-detection`
//! (`gl-secret-detection-report.json`, `artifacts:reports:secret_detection`)
//! and `gitlab-sast` (`gl-sast-report.json`, `artifacts:reports:sast`).
//! GitLab drops a report that fails its schema, so every field keeps the
//! schema's limits (lengths, time format, URL patterns, non-empty strings).
//!
//! Which report a finding belongs to: a secret is what gate's secrets engine
//! or one of its secret rules reported, or what a secret scanner's imported
//! SARIF reported (gitleaks, trufflehog, ...). Everything else (Python,
//! hygiene, any other imported tool) is SAST; an imported result carries the
//! importing tool's rule id as one more identifier. Findings are already
//! masked by the redaction point when a report is rendered, so
//! `raw_source_code_extract` holds the masked source line.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Emitter, RenderOptions, Report};
use crate::diagnostic::{Kind, Level};
use crate::engines::RuleInfo;
use crate::finding::{Finding, Severity};
use crate::hygiene::registry::{self, Anchor};
use crate::policy::Date;
use crate::sarif::rulemap::RuleMap;

/// The schema version both reports declare.
pub const SCHEMA_VERSION: &str = "15.2.4";
/// Where GitLab publishes that version's schemas.
const SCHEMA_BASE: &str =
    "https://gitlab.com/gitlab-org/security-products/security-report-schemas/-/raw/v15.2.4/dist";
/// GitLab's own placeholder for a commit nobody knows (its secret-detection
/// analyzer writes it too): the schema requires `location.commit.sha`.
pub const NO_COMMIT: &str = "0000000";
/// Schema limits on a vulnerability's texts, in characters.
const MAX_NAME: usize = 255;
const MAX_DESCRIPTION: usize = 1_048_576;
const MAX_SOLUTION: usize = 7_000;
/// At most this many diagnostics become scan messages; one more counts the rest.
const MAX_MESSAGES: usize = 100;
/// Imported tools whose every finding is a secret (names as SARIF import spells them).
const SECRET_SCANNERS: &[&str] = &[
    "betterleaks",
    "detect-secrets",
    "ggshield",
    "gitleaks",
    "kingfisher",
    "nosey-parker",
    "noseyparker",
    "trufflehog",
];

/// `gl-secret-detection-report.json`: the secrets.
pub struct SecretDetection;

/// `gl-sast-report.json`: Python, hygiene and imported findings that are not secrets.
pub struct Sast;

impl Emitter for SecretDetection {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        render(ReportType::SecretDetection, report, SystemTime::now())
    }
}

impl Emitter for Sast {
    fn render(&self, report: &Report<'_>, _opts: &RenderOptions) -> String {
        render(ReportType::Sast, report, SystemTime::now())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ReportType {
    SecretDetection,
    Sast,
}

impl ReportType {
    /// `scan.type`.
    fn scan_type(self) -> &'static str {
        match self {
            ReportType::SecretDetection => "secret_detection",
            ReportType::Sast => "sast",
        }
    }

    fn schema(self) -> String {
        let file = match self {
            ReportType::SecretDetection => "secret-detection-report-format.json",
            ReportType::Sast => "sast-report-format.json",
        };
        format!("{SCHEMA_BASE}/{file}")
    }
}

/// Whether a finding is a leaked secret (see the module documentation).
pub fn is_secret(f: &Finding, rules: &BTreeMap<String, RuleInfo>) -> bool {
    std::iter::once(&f.tool)
        .chain(&f.tools)
        .any(|t| t == crate::secrets::TOOL || SECRET_SCANNERS.contains(&t.as_str()))
        || rules
            .get(&f.rule_id)
            .is_some_and(|r| r.tool == crate::secrets::TOOL)
}

#[derive(Serialize)]
struct Document<'a> {
    version: &'static str,
    schema: String,
    scan: Scan,
    vulnerabilities: Vec<Vulnerability<'a>>,
}

#[derive(Serialize)]
struct Scan {
    analyzer: Tool,
    scanner: Tool,
    #[serde(rename = "type")]
    kind: &'static str,
    start_time: String,
    end_time: String,
    status: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    messages: Vec<Message>,
}

#[derive(Serialize)]
struct Tool {
    id: &'static str,
    name: &'static str,
    url: &'static str,
    version: &'static str,
    vendor: Vendor,
}

#[derive(Serialize)]
struct Vendor {
    name: &'static str,
}

#[derive(Serialize)]
struct Message {
    level: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Vulnerability<'a> {
    id: String,
    name: String,
    description: String,
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    solution: Option<String>,
    identifiers: Vec<Identifier>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link>,
    details: BTreeMap<&'static str, Detail>,
    location: Location<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    raw_source_code_extract: Option<&'a str>,
}

#[derive(Serialize, PartialEq)]
struct Identifier {
    #[serde(rename = "type")]
    kind: String,
    name: String,
    value: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

#[derive(Serialize)]
struct Link {
    url: String,
}

/// One entry of `details` (a named list of text fields).
#[derive(Serialize)]
struct Detail {
    name: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: String,
}

#[derive(Serialize)]
struct Location<'a> {
    file: &'a str,
    start_line: u32,
    end_line: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    commit: Option<Commit<'a>>,
}

#[derive(Serialize)]
struct Commit<'a> {
    sha: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

fn render(kind: ReportType, report: &Report<'_>, now: SystemTime) -> String {
    let secrets = kind == ReportType::SecretDetection;
    let vulnerabilities = report
        .active()
        .filter(|(_, f)| is_secret(f, report.rules) == secrets)
        .map(|(i, f)| vulnerability(kind, report, i, f))
        .collect();
    let gate = || Tool {
        id: "gate",
        name: "gate",
        url: env!("CARGO_PKG_REPOSITORY"),
        version: env!("CARGO_PKG_VERSION"),
        vendor: Vendor { name: "gate" },
    };
    let started = report.run.started.unwrap_or(now).min(now);
    let doc = Document {
        version: SCHEMA_VERSION,
        schema: kind.schema(),
        scan: Scan {
            analyzer: gate(),
            scanner: gate(),
            kind: kind.scan_type(),
            start_time: timestamp(started),
            end_time: timestamp(now),
            // An incomplete run exits 2: the scan failed. A failing policy
            // (exit 1) is a scan that worked and found what fails the gate.
            status: if report.verdict.complete() {
                "success"
            } else {
                "failure"
            },
            messages: messages(report),
        },
        vulnerabilities,
    };
    let mut s = serde_json::to_string_pretty(&doc).expect("report serialises");
    s.push('\n');
    s
}

fn vulnerability<'a>(
    kind: ReportType,
    report: &Report<'a>,
    index: usize,
    f: &'a Finding,
) -> Vulnerability<'a> {
    let rule = report.rules.get(&f.rule_id);
    let rule_id = non_empty(&f.rule_id, "unknown-rule");
    let name = rule
        .map(|r| one_line(&r.short_description))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| rule_id.to_string());
    let mut description = f.message.clone();
    if let Some(full) = rule.map(|r| r.full_description.trim()) {
        if !full.is_empty() && full != f.message.trim() {
            description.push_str("\n\n");
            description.push_str(full);
        }
    }
    let failure = report.verdict.failure(index);
    if let Some(reason) = failure {
        description.push_str(&format!("\n\n**Fails the gate:** {reason}"));
    }
    let mut details = BTreeMap::new();
    let mut detail = |key: &'static str, name: &'static str, value: String| {
        details.insert(
            key,
            Detail {
                name,
                kind: "text",
                value,
            },
        );
    };
    detail(
        "confidence",
        "Confidence",
        f.confidence.as_str().to_string(),
    );
    detail("reported_by", "Reported by", f.tools.join(", "));
    detail(
        "fingerprint",
        "Fingerprint (.gateignore)",
        non_empty(&f.fingerprint, "none").to_string(),
    );
    detail(
        "gate",
        "Gate",
        match failure {
            Some(reason) => format!("fails the gate: {reason}"),
            None => "does not fail the gate".to_string(),
        },
    );
    let commit = (kind == ReportType::SecretDetection).then(|| match &f.commit {
        Some(c) => Commit {
            sha: non_empty(&c.sha, NO_COMMIT),
            author: Some(c.author.as_str()).filter(|a| !a.is_empty()),
            date: Some(c.date.as_str()).filter(|d| !d.is_empty()),
            message: Some(c.message.as_str()).filter(|m| !m.is_empty()),
        },
        None => Commit {
            sha: report.run.commit.as_deref().unwrap_or(NO_COMMIT),
            author: None,
            date: None,
            message: None,
        },
    });
    let extract = f.snippet.as_deref().or_else(|| {
        (kind == ReportType::SecretDetection)
            .then(|| f.secret.as_ref().map(|s| s.matched.as_str()))
            .flatten()
    });
    Vulnerability {
        id: uuid(f),
        name: truncate(&name, MAX_NAME),
        description: truncate(&description, MAX_DESCRIPTION),
        severity: severity(f.severity),
        solution: rule
            .and_then(|r| solution(&r.help))
            .map(|s| truncate(&s, MAX_SOLUTION)),
        identifiers: identifiers(f, rule, rule_id),
        links: rule
            .map(|r| {
                r.references
                    .iter()
                    .filter(|u| is_url(u))
                    .map(|u| Link { url: u.clone() })
                    .collect()
            })
            .unwrap_or_default(),
        details,
        location: Location {
            file: &f.path,
            start_line: f.region.start_line,
            end_line: f.region.end_line.max(f.region.start_line),
            commit,
        },
        raw_source_code_extract: extract,
    }
}

/// GitLab's six severities (gate never needs `Unknown`: every finding is rated).
fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "Critical",
        Severity::High => "High",
        Severity::Medium => "Medium",
        Severity::Low => "Low",
        Severity::Info => "Info",
    }
}

/// The primary identifier (gate's rule id), the CWE, the ids other tools give
/// the same rule (bandit, ruff, hadolint, zizmor, checkov), and the rule id of
/// every imported tool that reported it and has none of those. gate's own
/// rules are documented by `gate rules explain`, not on the web: only an
/// imported rule's id links to its documentation (the SARIF `helpUri`), and
/// bandit's id to bandit's page.
fn identifiers(f: &Finding, rule: Option<&RuleInfo>, rule_id: &str) -> Vec<Identifier> {
    let first_link = |tool_is: &dyn Fn(&str) -> bool| {
        rule.filter(|r| tool_is(&r.tool)).and_then(|r| {
            r.references
                .iter()
                .find(|u| is_url(u) && !u.contains("cwe.mitre.org"))
                .cloned()
        })
    };
    let mut ids = vec![Identifier {
        kind: "gate_rule_id".into(),
        name: rule_id.to_string(),
        value: rule_id.to_string(),
        url: first_link(&|tool| !tool.starts_with("gate")),
    }];
    if let Some(cwe) = f.cwe.or(rule.and_then(|r| r.cwe)) {
        ids.push(Identifier {
            kind: "cwe".into(),
            name: format!("CWE-{cwe}"),
            value: cwe.to_string(),
            url: Some(format!("https://cwe.mitre.org/data/definitions/{cwe}.html")),
        });
    }
    let map = RuleMap::get();
    if map.is_bandit_id(rule_id) {
        ids.push(Identifier {
            kind: "bandit_test_id".into(),
            name: format!("Bandit Test ID {rule_id}"),
            value: rule_id.to_string(),
            url: first_link(&|tool| tool == crate::python::TOOL),
        });
        if let Some(code) = map.ruff_code(rule_id) {
            ids.push(Identifier {
                kind: "ruff_rule_id".into(),
                name: format!("ruff {code}"),
                value: code.to_string(),
                url: None,
            });
        }
    }
    if let Some(check) = registry::by_id(rule_id) {
        // gate's own finding names the anchors it answers to in its tags (an
        // untagged `FROM` is DL3006, not DL3007); an imported one, all of them.
        let own = f.tools.iter().any(|t| t == crate::hygiene::TOOL);
        for a in check.anchors {
            if !own || f.tags.contains(&format!("{}:{}", a.tool(), a.id())) {
                ids.push(anchor(*a));
            }
        }
    }
    for tool in f.tools.iter().filter(|t| !t.starts_with("gate")) {
        let prefix = format!("{}_", identifier_type(tool));
        if !ids.iter().any(|i| i.kind.starts_with(&prefix)) {
            ids.push(Identifier {
                kind: format!("{prefix}rule_id"),
                name: format!("{} {rule_id}", non_empty(tool, "imported")),
                value: rule_id.to_string(),
                url: None,
            });
        }
    }
    let mut unique: Vec<Identifier> = Vec::with_capacity(ids.len());
    for id in ids {
        if !unique
            .iter()
            .any(|u| u.kind == id.kind && u.value == id.value)
        {
            unique.push(id);
        }
    }
    unique
}

/// The identifier another tool's id for a hygiene check is.
fn anchor(a: Anchor) -> Identifier {
    let (kind, url) = match a {
        Anchor::Hadolint(id) => (
            "hadolint_rule_id",
            Some(format!("https://github.com/hadolint/hadolint/wiki/{id}")),
        ),
        Anchor::Zizmor(id) => (
            "zizmor_audit_id",
            Some(format!("https://docs.zizmor.sh/audits/#{id}")),
        ),
        Anchor::Checkov(_) => ("checkov_check_id", None),
    };
    Identifier {
        kind: kind.into(),
        name: format!("{} {}", a.tool(), a.id()),
        value: a.id().to_string(),
        url,
    }
}

/// A tool name as an identifier type prefix: lowercase letters, digits and `_`.
fn identifier_type(tool: &str) -> String {
    let mut t = String::new();
    for c in tool.chars().take(40) {
        let c = if c.is_ascii_alphanumeric() {
            c.to_ascii_lowercase()
        } else {
            '_'
        };
        if !(c == '_' && (t.is_empty() || t.ends_with('_'))) {
            t.push(c);
        }
    }
    let t = t.trim_end_matches('_');
    if t.is_empty() {
        "imported".to_string()
    } else {
        t.to_string()
    }
}

/// How to fix it, from the rule's documentation: its `## Use instead`
/// section (Python and hygiene checks), else its `**Fix:**` paragraph
/// (secret rules).
fn solution(help: &str) -> Option<String> {
    if let Some(start) = help.find("## Use instead") {
        let body = &help[start..];
        let body = &body[body.find('\n')? + 1..];
        let end = body.find("\n## ").unwrap_or(body.len());
        let s = body[..end].trim();
        return (!s.is_empty()).then(|| s.to_string());
    }
    let start = help.find("**Fix:**")?;
    let body = &help[start + "**Fix:**".len()..];
    let end = body.find("\n\n").unwrap_or(body.len());
    let s = body[..end].trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// What the scan ran into: why it could not complete (fatal), then its
/// warnings and errors (warn) and notes (info), binary files left out.
fn messages(report: &Report<'_>) -> Vec<Message> {
    let mut out: Vec<Message> = report
        .verdict
        .incomplete
        .iter()
        .map(|why| Message {
            level: "fatal",
            value: format!("gate could not complete: {why}"),
        })
        .collect();
    let shown: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| !(d.level == Level::Note && d.kind == Kind::Binary))
        .collect();
    out.extend(shown.iter().take(MAX_MESSAGES).map(|d| Message {
        level: match d.level {
            Level::Error | Level::Warning => "warn",
            Level::Note => "info",
        },
        value: d.to_string(),
    }));
    if shown.len() > MAX_MESSAGES {
        out.push(Message {
            level: "info",
            value: format!(
                "{} more diagnostics (gate's json report lists them all)",
                shown.len() - MAX_MESSAGES
            ),
        });
    }
    out
}

/// A UUID-shaped id (RFC 9562 version 8, name-based) derived from the
/// finding's fingerprint: the same finding gets the same id on every run.
fn uuid(f: &Finding) -> String {
    let mut h = Sha256::new();
    h.update(b"gate-gitlab-id-v1\0");
    h.update(f.fingerprint.as_bytes());
    h.update(b"\0");
    h.update(f.rule_id.as_bytes());
    h.update(b"\0");
    h.update(f.path.as_bytes());
    if f.fingerprint.is_empty() {
        h.update(f.region.start_line.to_be_bytes());
    }
    let d = h.finalize();
    let mut b = [0u8; 16];
    b.copy_from_slice(&d[..16]);
    b[6] = (b[6] & 0x0f) | 0x80;
    b[8] = (b[8] & 0x3f) | 0x80;
    let mut s = String::with_capacity(36);
    for (i, byte) in b.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            s.push('-');
        }
        let _ = write!(s, "{byte:02x}");
    }
    s
}

/// `YYYY-MM-DDTHH:MM:SS` in UTC, the only form the schema accepts.
fn timestamp(t: SystemTime) -> String {
    let secs = t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let date = Date::from_days((secs / 86_400) as i64);
    let s = secs % 86_400;
    format!(
        "{date}T{:02}:{:02}:{:02}",
        s / 3600,
        (s % 3600) / 60,
        s % 60
    )
}

/// A link the schema accepts (`^(https?|ftp)://.+`) and that is one URL.
fn is_url(s: &str) -> bool {
    ["https://", "http://", "ftp://"]
        .iter()
        .any(|p| s.len() > p.len() && s.starts_with(p))
        && !s.chars().any(char::is_whitespace)
}

fn one_line(s: &str) -> String {
    s.lines().next().unwrap_or("").trim().to_string()
}

fn non_empty<'a>(s: &'a str, fallback: &'a str) -> &'a str {
    if s.trim().is_empty() {
        fallback
    } else {
        s
    }
}

/// At most `max` characters (the schema counts characters, not bytes).
fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        None => s.to_string(),
        Some((cut, _)) => {
            let mut t: String = s[..cut].to_string();
            t.pop();
            t.push('…');
            t
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Confidence, Region};

    #[test]
    fn ids_are_uuid_shaped_and_follow_the_fingerprint() {
        let mut f = Finding::new(
            "B602",
            "gate-python",
            Severity::High,
            Confidence::High,
            "app.py",
            Region::line(3),
            "shell",
        );
        f.fingerprint = "0123456789abcdef0123:1".into();
        let a = uuid(&f);
        assert_eq!(a.len(), 36);
        assert_eq!(&a[14..15], "8", "version 8: {a}");
        assert!("89ab".contains(&a[19..20]), "RFC variant: {a}");
        f.region = Region::line(30);
        assert_eq!(uuid(&f), a, "moving the finding keeps its id");
        f.fingerprint = "0123456789abcdef0123:2".into();
        assert_ne!(uuid(&f), a);
    }

    #[test]
    fn timestamps_have_the_schema_form() {
        let t = UNIX_EPOCH + std::time::Duration::from_secs(1_795_000_000);
        assert_eq!(timestamp(t), "2026-11-18T11:06:40");
    }

    #[test]
    fn texts_are_cut_at_the_schema_limit_in_characters() {
        let s = "é".repeat(300);
        let t = truncate(&s, MAX_NAME);
        assert_eq!(t.chars().count(), MAX_NAME);
        assert!(t.ends_with('…'));
        assert_eq!(truncate("short", MAX_NAME), "short");
    }

    #[test]
    fn hostile_tool_names_make_valid_identifier_types() {
        assert_eq!(identifier_type("Semgrep OSS"), "semgrep_oss");
        assert_eq!(identifier_type("--"), "imported");
        assert_eq!(identifier_type("a\"b\n"), "a_b");
    }

    #[test]
    fn solutions_come_from_the_rule_docs() {
        let py = "x\n## Use instead\n```python\nsafe()\n```\n## References\n- a";
        assert_eq!(solution(py).unwrap(), "```python\nsafe()\n```");
        let secret = "desc\n\n**Fix:** rotate it.\n\nReferences:";
        assert_eq!(solution(secret).unwrap(), "rotate it.");
        assert_eq!(solution("nothing"), None);
    }
}
