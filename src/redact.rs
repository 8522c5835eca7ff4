//! Masking secrets before anything is printed, written or sent.
//!
//! There is one redaction point: [`redact_analysis`] runs once, after every
//! finding (native or imported) is known, and masks in place every secret
//! span in every text a report can show: excerpts, messages, suppression
//! justifications, commit messages, diagnostics. The spans are the secrets the
//! scan found plus whatever the secrets engine finds in those texts
//! themselves (a second token on a finding's line, a token quoted by an
//! imported tool). Nothing downstream masks again; instead [`SecretSpans::guard`]
//! checks every report and request body once more on its way out, and a hit
//! there is a gate bug: masked, logged, never sent.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::diagnostic::Diagnostic;
use crate::engines::RuleInfo;
use crate::finding::Finding;

/// What replaces the hidden part of a secret.
const MASK: &str = "*****";
/// Lines of a multi-line secret shorter than this are not masked on their own
/// (they are PEM armour like `-----END`, not secret material).
const MIN_MASKED_FRAGMENT: usize = 8;
/// Shorter values are masked only in their own finding, never everywhere: a
/// weak `password = "dev"` must not turn every `/dev/null` into stars.
const MIN_SPAN: usize = 6;

/// How much of each secret may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redactor {
    /// Percentage of the secret hidden: 100 hides it all, 0 shows it all.
    percent: u8,
}

impl Default for Redactor {
    fn default() -> Self {
        Redactor { percent: 100 }
    }
}

impl Redactor {
    /// Hide `percent` (clamped to 0–100) of every secret.
    pub fn new(percent: u8) -> Self {
        Redactor {
            percent: percent.min(100),
        }
    }

    /// Show secrets as they are (`--no-redact`, local use only).
    pub fn off() -> Self {
        Redactor { percent: 0 }
    }

    /// Whether secrets are shown in full.
    pub fn is_off(&self) -> bool {
        self.percent == 0
    }

    /// The secret as it may be shown: its first characters, then a mask.
    pub fn mask(&self, secret: &str) -> String {
        if self.percent == 0 {
            return secret.to_string();
        }
        let chars = secret.chars().count();
        let shown = chars * (100 - self.percent as usize) / 100;
        let prefix: String = secret.chars().take(shown).collect();
        format!("{prefix}{MASK}")
    }

    /// `text` with every occurrence of the secret (and of each long line of a
    /// multi-line secret) masked.
    pub fn redact(&self, text: &str, secret: &str) -> String {
        if self.percent == 0 || secret.is_empty() {
            return text.to_string();
        }
        let mut out = text.replace(secret, &self.mask(secret));
        if secret.contains('\n') {
            for part in fragments(secret) {
                out = out.replace(part, &self.mask(part));
            }
        }
        out
    }
}

/// The long lines of a multi-line secret (PEM body lines), each worth masking
/// on its own.
fn fragments(secret: &str) -> impl Iterator<Item = &str> {
    secret
        .lines()
        .map(str::trim)
        .filter(|p| p.len() >= MIN_MASKED_FRAGMENT && !p.starts_with("-----"))
}

/// Every secret value a run knows of, in every form an output may spell it
/// (as is, JSON-escaped, XML-escaped, escaped for workflow commands), found
/// with one automaton.
#[derive(Debug, Clone, Default)]
pub struct SecretSpans {
    values: Vec<String>,
    matcher: Option<AhoCorasick>,
}

impl SecretSpans {
    /// The spans of these secret values (short ones are left out; multi-line
    /// secrets also contribute their long lines).
    pub fn new<I, S>(values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = BTreeSet::new();
        for v in values {
            let v = v.as_ref();
            for piece in std::iter::once(v.trim()).chain(fragments(v)) {
                if piece.chars().count() < MIN_SPAN {
                    continue;
                }
                set.extend(spellings(piece));
            }
        }
        let values: Vec<String> = set.into_iter().collect();
        let matcher = (!values.is_empty()).then(|| {
            // A contiguous NFA: the values include whole PEM keys in six
            // spellings, and a DFA of them took 10 ms to build for texts that
            // are searched once or twice.
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::ContiguousNFA))
                .match_kind(MatchKind::LeftmostLongest)
                .build(&values)
                .expect("secret spans are plain literals")
        });
        SecretSpans { values, matcher }
    }

    /// Whether no secret is known.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// `text` with every known secret masked as `redactor` says.
    pub fn mask<'t>(&self, text: &'t str, redactor: &Redactor) -> Cow<'t, str> {
        let Some(m) = &self.matcher else {
            return Cow::Borrowed(text);
        };
        if redactor.is_off() || !m.is_match(text) {
            return Cow::Borrowed(text);
        }
        let mut out = String::with_capacity(text.len());
        let mut last = 0;
        for hit in m.find_iter(text) {
            out.push_str(&text[last..hit.start()]);
            out.push_str(&redactor.mask(&text[hit.range()]));
            last = hit.end();
        }
        out.push_str(&text[last..]);
        Cow::Owned(out)
    }

    /// The last guard on everything that leaves the process (a report file,
    /// standard output, a request body): a known secret found here escaped
    /// the redaction point, which is a gate bug. It is masked in full and the
    /// bug is logged (naming where it went, never the value).
    pub fn guard<'t>(&self, destination: &str, text: &'t str) -> Cow<'t, str> {
        let masked = self.mask(text, &Redactor::default());
        if let Cow::Owned(_) = masked {
            eprintln!(
                "gate: error: internal: a secret value reached {destination} unmasked; \
                 it was masked before leaving the process (this is a gate bug, please report it)"
            );
        }
        masked
    }
}

/// The ways an output format may spell `value`: as is, JSON-escaped,
/// XML-escaped, and escaped as workflow-command data or property.
fn spellings(value: &str) -> Vec<String> {
    let json = serde_json::to_string(value).unwrap_or_default();
    let json = json
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or(value)
        .to_string();
    let xml = value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;");
    let workflow = value
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    let property = workflow.replace(':', "%3A").replace(',', "%2C");
    let markdown = value.replace('|', "\\|");
    let mut out = vec![value.to_string(), json, xml, workflow, property, markdown];
    out.sort();
    out.dedup();
    out
}

/// The redaction point: mask, in place, every known secret in every text of
/// the findings and diagnostics that a report may show. A finding's own secret
/// is masked in its own texts whatever its length; `spans` (the run's secrets)
/// are masked everywhere. The finding keeps only the masked form of its
/// secret. Does nothing when redaction is off.
pub fn redact_analysis(
    findings: &mut [Finding],
    diagnostics: &mut [Diagnostic],
    spans: &SecretSpans,
    redactor: &Redactor,
) {
    use rayon::prelude::*;
    if redactor.is_off() {
        return;
    }
    let mask = |text: &mut String, own: Option<&str>| {
        let mut t = match own {
            Some(s) => redactor.redact(text, s),
            None => std::mem::take(text),
        };
        if let Cow::Owned(m) = spans.mask(&t, redactor) {
            t = m;
        }
        *text = t;
    };
    findings.par_iter_mut().for_each(|f| {
        let own = f.secret.as_ref().map(|s| s.value.clone());
        let own = own.as_deref();
        if let Some(s) = &mut f.snippet {
            mask(s, own);
        }
        mask(&mut f.message, own);
        if let Some(s) = &mut f.suppression {
            mask(&mut s.justification, own);
        }
        if let Some(c) = &mut f.commit {
            mask(&mut c.message, own);
        }
        for t in f.tags.iter_mut().chain(f.tools.iter_mut()) {
            mask(t, own);
        }
        mask(&mut f.tool, own);
        if let Some(s) = &mut f.secret {
            s.matched = redactor.redact(&s.matched, &s.value);
            s.value = redactor.mask(&s.value);
        }
    });
    for d in diagnostics {
        mask(&mut d.message, None);
    }
}

/// Mask, in place, what imported tools' rule entries say (a SARIF file from
/// a pull request can put anything in a rule's id, name or help), and the
/// findings' ids that cite a masked rule id.
pub fn redact_rules(
    imported: &mut BTreeMap<String, RuleInfo>,
    findings: &mut [Finding],
    spans: &SecretSpans,
    redactor: &Redactor,
) {
    if redactor.is_off() || spans.is_empty() {
        return;
    }
    for (id, mut rule) in std::mem::take(imported) {
        for text in [
            &mut rule.tool,
            &mut rule.name,
            &mut rule.short_description,
            &mut rule.full_description,
            &mut rule.help,
        ] {
            if let Cow::Owned(m) = spans.mask(text, redactor) {
                *text = m;
            }
        }
        let masked = spans.mask(&id, redactor).into_owned();
        if masked != id {
            for f in findings.iter_mut().filter(|f| f.rule_id == id) {
                f.rule_id.clone_from(&masked);
            }
            rule.id.clone_from(&masked);
        }
        imported.insert(masked, rule);
    }
}

/// Every text of the findings, diagnostics and imported rules that a report
/// may show, once each: what the secrets engine is asked to look through for
/// spans that no finding named.
pub fn shown_texts<'a>(
    findings: &'a [Finding],
    diagnostics: &'a [Diagnostic],
    imported_rules: &'a BTreeMap<String, RuleInfo>,
) -> Vec<&'a str> {
    let mut texts: Vec<&str> = Vec::new();
    for (id, r) in imported_rules {
        texts.extend([
            id.as_str(),
            &r.tool,
            &r.name,
            &r.short_description,
            &r.full_description,
            &r.help,
        ]);
    }
    for f in findings {
        texts.extend(f.snippet.as_deref());
        texts.push(&f.message);
        texts.extend(f.suppression.as_ref().map(|s| s.justification.as_str()));
        texts.extend(f.commit.as_ref().map(|c| c.message.as_str()));
        texts.extend(f.tags.iter().map(String::as_str));
        texts.push(&f.rule_id);
        texts.extend(f.tools.iter().map(String::as_str));
    }
    texts.extend(diagnostics.iter().map(|d| d.message.as_str()));
    texts.sort_unstable();
    texts.dedup();
    texts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_redaction_hides_everything() {
        let r = Redactor::default();
        assert_eq!(r.mask("ghp_abcdef"), "*****");
        assert_eq!(
            r.redact("token = ghp_abcdef # x", "ghp_abcdef"),
            "token = ***** # x"
        );
    }

    #[test]
    fn partial_redaction_keeps_a_prefix() {
        let r = Redactor::new(60);
        assert_eq!(r.mask("abcdefghij"), "abcd*****");
    }

    #[test]
    fn multiline_secret_lines_are_masked_one_by_one() {
        let secret = "-----BEGIN KEY-----\nMIIEpAIBAAKCAQEA\n-----END KEY-----";
        let r = Redactor::default();
        let out = r.redact("x = \"MIIEpAIBAAKCAQEA\"", secret);
        assert!(!out.contains("MIIEpAIBAAKCAQEA"));
        let spans = SecretSpans::new([secret]);
        assert!(!spans
            .mask("x = \"MIIEpAIBAAKCAQEA\"", &r)
            .contains("MIIEpAIBAAKCAQEA"));
    }

    #[test]
    fn off_shows_the_secret() {
        assert_eq!(Redactor::off().redact("a s3cr3t", "s3cr3t"), "a s3cr3t");
        let spans = SecretSpans::new(["s3cr3t-value"]);
        assert_eq!(
            spans.mask("a s3cr3t-value", &Redactor::off()),
            "a s3cr3t-value"
        );
    }

    #[test]
    fn issue11_p1_every_known_secret_on_a_line_is_masked() {
        let spans = SecretSpans::new([
            "AKIAIOSFODNN7EXAMPLE",
            "ghp_0123456789abcdefABCDEF0123456789abcd",
        ]);
        let line = "a=AKIAIOSFODNN7EXAMPLE b=ghp_0123456789abcdefABCDEF0123456789abcd c=AKIAIOSFODNN7EXAMPLE";
        let out = spans.mask(line, &Redactor::default());
        assert_eq!(out, "a=***** b=***** c=*****");
        let partial = spans.mask(line, &Redactor::new(50));
        assert!(!partial.contains("AKIAIOSFODNN7EXAMPLE"));
        assert!(partial.starts_with("a=AKIAIOSFOD*****"));
    }

    #[test]
    fn short_values_are_not_masked_everywhere() {
        let spans = SecretSpans::new(["dev", ""]);
        assert!(spans.is_empty());
        assert_eq!(spans.mask("/dev/null", &Redactor::default()), "/dev/null");
    }

    #[test]
    fn issue11_p1_guard_catches_escaped_spellings() {
        let secret = "p@ss\"w0rd&<secret>:1,2%";
        let spans = SecretSpans::new([secret]);
        let json = serde_json::json!({ "body": format!("x {secret} y") }).to_string();
        assert!(!spans.guard("a test body", &json).contains("w0rd"));
        let xml = format!(
            "<failure message=\"{}\"/>",
            secret
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;")
                .replace('"', "&quot;")
        );
        assert!(!spans.guard("a test report", &xml).contains("w0rd"));
        let cmd = format!(
            "::error title=x%3A{}::m",
            secret
                .replace('%', "%25")
                .replace(':', "%3A")
                .replace(',', "%2C")
        );
        assert!(!spans.guard("a workflow command", &cmd).contains("w0rd"));
        assert_eq!(spans.guard("clean", "nothing here"), "nothing here");
    }
}
