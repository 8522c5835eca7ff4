//! The one finding model every engine and importer produces.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How bad a finding is if it is real.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    /// Every severity, most severe first.
    pub const ALL: [Severity; 5] = [
        Severity::Critical,
        Severity::High,
        Severity::Medium,
        Severity::Low,
        Severity::Info,
    ];

    /// The lowercase name used in config files, flags and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// GitHub code scanning's `security-severity` score for this level.
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Critical => "9.5",
            Severity::High => "8.0",
            Severity::Medium => "5.5",
            Severity::Low => "3.0",
            Severity::Info => "0.0",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let is = |name: &str| s.eq_ignore_ascii_case(name);
        match s {
            _ if is("info") || is("none") || is("note") => Ok(Severity::Info),
            _ if is("low") => Ok(Severity::Low),
            _ if is("medium") || is("moderate") => Ok(Severity::Medium),
            _ if is("high") => Ok(Severity::High),
            _ if is("critical") => Ok(Severity::Critical),
            other => Err(format!(
                "unknown severity `{}` (expected critical, high, medium, low or info)",
                other.to_ascii_lowercase()
            )),
        }
    }
}

/// How sure the engine is that the finding is real.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    /// The lowercase name used in config files, flags and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }

    /// SARIF `precision` property for this confidence.
    pub fn precision(self) -> &'static str {
        match self {
            Confidence::Low => "low",
            Confidence::Medium => "medium",
            Confidence::High => "high",
        }
    }
}

impl fmt::Display for Confidence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Confidence {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let is = |name: &str| s.eq_ignore_ascii_case(name);
        match s {
            _ if is("low") => Ok(Confidence::Low),
            _ if is("medium") => Ok(Confidence::Medium),
            _ if is("high") => Ok(Confidence::High),
            other => Err(format!(
                "unknown confidence `{}` (expected high, medium or low)",
                other.to_ascii_lowercase()
            )),
        }
    }
}

/// A 1-based line/column range; columns count characters (Unicode scalar values)
/// and the end column is the one just after the last character, as in SARIF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

impl Region {
    /// A region covering one whole line, without meaningful columns.
    pub fn line(line: u32) -> Self {
        Region {
            start_line: line,
            start_column: 1,
            end_line: line,
            end_column: 1,
        }
    }
}

/// An in-source or file-based suppression that a finding carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// `inSource` (a comment in the code) or `external` (an ignore file, a baseline).
    pub kind: SuppressionKind,
    /// What suppressed it, e.g. `# nosec B602`, `gate:allow`, `.gateignore`.
    pub justification: String,
}

/// Where a suppression lives, as SARIF names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SuppressionKind {
    InSource,
    External,
}

/// Whether a finding was already there in the baseline (SARIF `baselineState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum BaselineState {
    /// Not in the baseline: it counts.
    New,
    /// In the baseline: reported, but never fails the gate.
    Unchanged,
}

impl BaselineState {
    /// SARIF's name for it.
    pub fn as_str(self) -> &'static str {
        match self {
            BaselineState::New => "new",
            BaselineState::Unchanged => "unchanged",
        }
    }
}

/// The commit a finding from git history was introduced in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommitInfo {
    pub sha: String,
    pub author: String,
    pub email: String,
    pub date: String,
    pub message: String,
}

/// The secret a secrets rule matched. Never serialised as is: reports use
/// [`crate::redact::Redactor`] to decide what of it may be shown.
#[derive(Debug, Clone, PartialEq)]
pub struct SecretMatch {
    /// The secret group's text.
    pub value: String,
    /// The whole regex match (it contains the secret).
    pub matched: String,
    /// Shannon entropy of the secret, in bits per character.
    pub entropy: f32,
}

/// One problem found by an engine or reported by an imported tool.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Rule id: bandit ids for Python (`B602`), kebab ids for secrets.
    pub rule_id: String,
    /// The engine or tool that produced it (`gate-secrets`, `gate-python`, `bandit`, `ruff`, ...).
    pub tool: String,
    /// Every tool that reported the same problem (at least `tool`).
    pub tools: Vec<String>,
    pub severity: Severity,
    pub confidence: Confidence,
    /// Path relative to the scan root (or repository root), POSIX separators.
    pub path: String,
    pub region: Region,
    /// One-line description of this instance.
    pub message: String,
    /// The source line(s) of the finding (may contain the secret: redact before output).
    pub snippet: Option<String>,
    /// Stable identity, independent of the line number; see [`assign_fingerprints`].
    pub fingerprint: String,
    pub cwe: Option<u32>,
    pub secret: Option<SecretMatch>,
    pub suppression: Option<Suppression>,
    pub commit: Option<CommitInfo>,
    /// Free-form tags (rule tags, tool-specific properties).
    pub tags: Vec<String>,
    /// GitHub's `primaryLocationLineHash` for the start line (needs the file's text).
    pub line_hash: Option<String>,
    /// Set when a baseline was given: new, or already known.
    pub baseline_state: Option<BaselineState>,
    /// Set when gating a diff: whether the finding touches an added or changed line.
    pub changed: Option<bool>,
}

impl Finding {
    /// A finding with the required fields set and everything else empty.
    pub fn new(
        rule_id: impl Into<String>,
        tool: impl Into<String>,
        severity: Severity,
        confidence: Confidence,
        path: impl Into<String>,
        region: Region,
        message: impl Into<String>,
    ) -> Self {
        let tool = tool.into();
        Finding {
            rule_id: rule_id.into(),
            tools: vec![tool.clone()],
            tool,
            severity,
            confidence,
            path: path.into(),
            region,
            message: message.into(),
            snippet: None,
            fingerprint: String::new(),
            cwe: None,
            secret: None,
            suppression: None,
            commit: None,
            tags: Vec::new(),
            line_hash: None,
            baseline_state: None,
            changed: None,
        }
    }

    /// gitleaks' fingerprint form (`[commit:]path:rule:line`), honoured in `.gitleaksignore`.
    pub fn gitleaks_fingerprint(&self) -> String {
        match &self.commit {
            Some(c) => format!(
                "{}:{}:{}:{}",
                c.sha, self.path, self.rule_id, self.region.start_line
            ),
            None => format!("{}:{}:{}", self.path, self.rule_id, self.region.start_line),
        }
    }

    /// The content that identifies this finding regardless of where it sits in the file.
    fn identity_content(&self) -> String {
        if let Some(secret) = &self.secret {
            return secret.value.clone();
        }
        match &self.snippet {
            Some(s) => s
                .lines()
                .next()
                .unwrap_or("")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "),
            None => String::new(),
        }
    }

    /// Order used by every report: path, then position, then rule.
    pub fn sort_key(&self) -> (&str, Region, &str) {
        (&self.path, self.region, &self.rule_id)
    }
}

/// Give every finding a stable fingerprint: a hash of rule, path, commit and
/// the identifying content (the secret, or the whitespace-folded first source
/// line), plus the occurrence index among findings with the same identity.
/// Moving code up or down a file does not change it; editing the line does.
pub fn assign_fingerprints(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    // Hashing is independent per finding (rayon). Findings with one identity
    // share their path, so occurrences are counted file by file (rayon too).
    let bases: Vec<String> = findings.par_iter().map(fingerprint_base).collect();
    let mut files: Vec<(&mut [Finding], &[String])> = Vec::new();
    let (mut rest, mut rest_bases) = (findings, bases.as_slice());
    while !rest.is_empty() {
        let n = rest.iter().take_while(|f| f.path == rest[0].path).count();
        let (file, tail) = rest.split_at_mut(n);
        let (file_bases, tail_bases) = rest_bases.split_at(n);
        files.push((file, file_bases));
        (rest, rest_bases) = (tail, tail_bases);
    }
    files.into_par_iter().for_each(|(file, bases)| {
        let mut seen: HashMap<&str, u32> = HashMap::new();
        for (f, base) in file.iter_mut().zip(bases) {
            let n = seen.entry(base).or_insert(0);
            *n += 1;
            f.fingerprint = format!("{base}:{n}");
        }
    });
}

/// The hash of what identifies a finding, as 20 hex digits.
fn fingerprint_base(f: &Finding) -> String {
    let mut h = Sha256::new();
    h.update(b"gate-fp-v1\0");
    h.update(f.rule_id.as_bytes());
    h.update(b"\0");
    h.update(f.path.as_bytes());
    h.update(b"\0");
    if let Some(c) = &f.commit {
        h.update(c.sha.as_bytes());
    }
    h.update(b"\0");
    h.update(f.identity_content().as_bytes());
    let digest = h.finalize();
    let mut hex = String::with_capacity(20);
    for b in &digest[..10] {
        let _ = fmt::Write::write_fmt(&mut hex, format_args!("{b:02x}"));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(line: u32, snippet: &str) -> Finding {
        let mut f = Finding::new(
            "B101",
            "gate-python",
            Severity::Low,
            Confidence::High,
            "app.py",
            Region::line(line),
            "assert used",
        );
        f.snippet = Some(snippet.to_string());
        f
    }

    #[test]
    fn fingerprint_survives_code_moving_down_the_file() {
        let mut a = vec![finding(3, "assert x")];
        let mut b = vec![finding(30, "    assert   x")];
        assign_fingerprints(&mut a);
        assign_fingerprints(&mut b);
        assert_eq!(a[0].fingerprint, b[0].fingerprint);
    }

    #[test]
    fn identical_lines_get_distinct_fingerprints() {
        let mut v = vec![finding(3, "assert x"), finding(9, "assert x")];
        assign_fingerprints(&mut v);
        assert_ne!(v[0].fingerprint, v[1].fingerprint);
        assert!(v[0].fingerprint.ends_with(":1"));
        assert!(v[1].fingerprint.ends_with(":2"));
    }

    #[test]
    fn severity_parses_and_orders() {
        assert!("HIGH".parse::<Severity>().unwrap() > Severity::Medium);
        assert!("bogus".parse::<Severity>().is_err());
    }
}
