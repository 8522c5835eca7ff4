//! The native secrets engine: gitleaks-style rules (regex + keywords +
//! entropy + allowlists) compiled once and run on every text file.

mod check;
mod compile;
mod decode;
mod detect;
mod entropy;
mod gitleaks;
mod json_view;
mod syntax;

use std::path::Path;

pub use check::{check_rules, CheckFailure};
pub use compile::{duplicate_names, Allowlist, CompileError, Origin, Rule};
pub use detect::{Detection, RuleSet};
pub use entropy::shannon;
pub use gitleaks::{load_gitleaks_config, DisabledRule, GitleaksConfig};
pub use syntax::{AllowlistSyntax, Decode, Mutation, RuleFile, RuleSyntax, SkipMutation};

use crate::engines::{Engine, FileOutput, RuleInfo, SourceFile};
use crate::finding::{Finding, Region, SecretMatch, Suppression, SuppressionKind};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The tool name on every finding this engine makes.
pub const TOOL: &str = "gate-secrets";
/// CWE-798: Use of Hard-coded Credentials.
const CWE_HARDCODED_CREDENTIALS: u32 = 798;
/// Longest snippet kept for a finding on a very long (minified) line.
const MAX_SNIPPET: usize = 400;

/// Rules files as (name, text): the embedded catalogue or a directory's.
pub type RuleSources = Vec<(String, String)>;

/// The rules files built into the binary.
pub fn embedded_sources() -> RuleSources {
    EMBEDDED_RULE_FILES
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect()
}

/// Every `*.toml` in a directory and the directories below it, sorted by
/// path (for rule authors: `--rules-dir`). Rules kept in per-team or
/// per-provider subdirectories are read like the ones at the top. Hidden
/// directories (`.git`) and symlinked directories (which could loop) are
/// not entered.
pub fn dir_sources(dir: &Path) -> std::io::Result<RuleSources> {
    let mut files = Vec::new();
    collect_toml(dir, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
            Ok((p.display().to_string(), text))
        })
        .collect()
}

fn collect_toml(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if kind.is_dir() {
            if !hidden {
                collect_toml(&path, out)?;
            }
        } else if path.extension().is_some_and(|e| e == "toml") && path.is_file() {
            out.push(path);
        }
    }
    Ok(())
}

/// Compile rules files, collecting every error rather than stopping at the first.
pub fn compile_sources(
    sources: &[(String, String)],
    origin: Origin,
) -> Result<(Vec<Rule>, Vec<Allowlist>), Vec<CompileError>> {
    use rayon::prelude::*;
    // Files are parsed side by side (the built-in catalogue is some 700 TOML
    // files, the longest step before a scan can start) and gathered in order.
    let compiled: Vec<_> = sources
        .par_iter()
        .map(|(name, text)| compile_file(name, text, origin))
        .collect();
    let mut rules = Vec::new();
    let mut globals = Vec::new();
    let mut errors = Vec::new();
    let mut deferring = Vec::new();
    for file in compiled {
        for rule in file.rules {
            match rule {
                Ok((rule, defers)) => {
                    if defers {
                        deferring.push(rules.len());
                    }
                    rules.push(rule)
                }
                Err(e) => errors.push(e),
            }
        }
        for a in file.allowlists {
            match a {
                Ok(a) => globals.push(a),
                Err(e) => errors.push(e),
            }
        }
    }
    if !deferring.is_empty() {
        let names = compile::provider_names_allowlist(&rules);
        let prefixes = compile::provider_prefixes_allowlist(&rules);
        for &i in &deferring {
            rules[i].allowlists.extend(names.clone());
            rules[i].allowlists.extend(prefixes.clone());
        }
    }
    errors.extend(compile::duplicate_names(&rules));
    if errors.is_empty() {
        Ok((rules, globals))
    } else {
        Err(errors)
    }
}

/// The built-in-style rules of one TOML text `file`, as a rule set (unit
/// tests of the engine's stages).
#[cfg(test)]
pub(crate) fn test_rule_set(file: &str, toml: &str) -> RuleSet {
    let sources = vec![(file.to_string(), toml.to_string())];
    let (rules, globals) = compile_sources(&sources, Origin::BuiltIn).unwrap();
    RuleSet::new(rules, globals).unwrap()
}

/// One rule file compiled: each rule (and whether it defers to provider
/// rules) or its error, each global allowlist or its error; a file that
/// does not parse is one error.
struct CompiledFile {
    rules: Vec<Result<(Rule, bool), CompileError>>,
    allowlists: Vec<Result<Allowlist, CompileError>>,
}

fn compile_file(name: &str, text: &str, origin: Origin) -> CompiledFile {
    let file = match compile::parse_rule_file(text, name) {
        Ok(f) => f,
        Err(e) => {
            return CompiledFile {
                rules: vec![Err(e)],
                allowlists: Vec::new(),
            }
        }
    };
    CompiledFile {
        rules: file
            .rules
            .iter()
            .map(|r| {
                compile::compile_rule(r, origin, name).map(|rule| (rule, r.defer_to_providers))
            })
            .collect(),
        allowlists: file
            .allowlists
            .iter()
            .map(|a| compile::compile_allowlist(a, origin, name, "(global allowlist)"))
            .collect(),
    }
}

/// The secrets engine: a compiled rule set behind the [`Engine`] trait.
#[derive(Debug)]
pub struct SecretsEngine {
    set: RuleSet,
}

impl SecretsEngine {
    /// An engine running this rule set.
    pub fn new(set: RuleSet) -> Self {
        SecretsEngine { set }
    }

    /// The rule set it runs.
    pub fn rule_set(&self) -> &RuleSet {
        &self.set
    }

    /// Scan bytes that came from somewhere other than the work tree (a git
    /// blob, a commit's added lines), with the commit for commit allowlists.
    pub fn scan_bytes(&self, path: &str, bytes: &[u8], commit: Option<&str>) -> Vec<Finding> {
        let detections = self.strongest(self.set.detect(path, bytes, commit));
        if detections.is_empty() {
            return Vec::new();
        }
        let lines = LineIndex::new(bytes);
        // Every position in one pass: a minified file holds thousands of
        // findings on one line, and counting each column from the line's
        // start made that quadratic.
        let offsets: Vec<usize> = detections
            .iter()
            .flat_map(|d| [d.secret_start, d.secret_end])
            .collect();
        let positions = lines.positions(bytes, &offsets);
        detections
            .iter()
            .zip(positions.chunks_exact(2))
            .map(|(d, p)| self.to_finding(path, bytes, &lines, d, (p[0], p[1])))
            .collect()
    }

    /// Where several rules claim overlapping secrets (a provider token inside
    /// an `Authorization` header, a URL), keep only the most confident claim.
    fn strongest(&self, mut ds: Vec<Detection>) -> Vec<Detection> {
        if ds.len() < 2 {
            return ds;
        }
        let rank = |d: &Detection| {
            let r = &self.set.rules[d.rule];
            (r.confidence, r.severity, std::cmp::Reverse(d.rule))
        };
        ds.sort_by_key(|d| std::cmp::Reverse(rank(d)));
        let mut claims = Claims::default();
        let mut kept: Vec<Detection> = Vec::with_capacity(ds.len());
        for d in ds {
            if d.secret_end == d.secret_start || claims.claim(d.secret_start, d.secret_end) {
                kept.push(d);
            }
        }
        kept.sort_by_key(|d| (d.start, d.rule));
        kept
    }

    fn to_finding(
        &self,
        path: &str,
        bytes: &[u8],
        lines: &LineIndex,
        d: &Detection,
        ((start_line, start_column), (end_line, end_column)): ((u32, u32), (u32, u32)),
    ) -> Finding {
        let rule = &self.set.rules[d.rule];
        let region = if rule.regex.is_none() {
            Region::line(1)
        } else {
            Region {
                start_line,
                start_column,
                end_line,
                end_column,
            }
        };
        let mut f = Finding::new(
            rule.id.clone(),
            TOOL,
            rule.severity,
            rule.confidence,
            path,
            region,
            title(&rule.description),
        );
        f.cwe = Some(CWE_HARDCODED_CREDENTIALS);
        f.tags = rule.tags.clone();
        if rule.regex.is_some() {
            f.snippet = Some(snippet(bytes, lines, d));
            f.secret = Some(SecretMatch {
                value: String::from_utf8_lossy(&bytes[d.secret_start..d.secret_end]).into_owned(),
                matched: String::from_utf8_lossy(&bytes[d.start..d.end]).into_owned(),
                entropy: d.entropy,
            });
        }
        if let Some(marker) = d.inline_allow {
            f.suppression = Some(Suppression {
                kind: SuppressionKind::InSource,
                justification: marker.to_string(),
            });
        }
        f
    }
}

impl Engine for SecretsEngine {
    fn name(&self) -> &'static str {
        "secrets"
    }

    fn wants(&self, _path: &str) -> bool {
        true
    }

    fn scan(&self, file: &SourceFile<'_>, out: &mut FileOutput) {
        out.findings
            .extend(self.scan_bytes(file.path, file.bytes, file.commit));
    }

    fn scan_binary(&self, file: &SourceFile<'_>, out: &mut FileOutput) {
        let lines = LineIndex::new(b"");
        out.findings.extend(
            self.set
                .detect_path_only(file.path)
                .iter()
                .map(|d| self.to_finding(file.path, b"", &lines, d, ((1, 1), (1, 1)))),
        );
    }

    fn scans_fragments(&self) -> bool {
        true
    }

    fn secrets_in(&self, text: &[u8]) -> Option<Vec<String>> {
        Some(
            self.set
                .detect("", text, None)
                .iter()
                .map(|d| String::from_utf8_lossy(&text[d.secret_start..d.secret_end]).into_owned())
                .collect(),
        )
    }

    fn rules(&self) -> Vec<RuleInfo> {
        self.set.rules.iter().map(rule_info).collect()
    }

    fn rule_aliases(&self) -> Vec<(String, Vec<String>)> {
        self.set
            .rules
            .iter()
            .filter(|r| !r.aliases.is_empty())
            .map(|r| (r.id.clone(), r.aliases.clone()))
            .collect()
    }
}

/// The rule as reports describe it.
pub fn rule_info(rule: &Rule) -> RuleInfo {
    let name = title(&rule.description);
    let mut help = format!(
        "{}\n\nA credential matching `{}` was found in the source. Anyone who can read \
         the repository (or any image or artifact built from it) can use it.\n\n\
         **Fix:** revoke or rotate the credential at the provider first (removing it from \
         the code does not un-leak it), then load it at run time from a secret store or \
         an environment variable. If this is a false positive, add `gate:allow` in a \
         comment on the line, or put the finding's fingerprint in `.gateignore`.",
        rule.description, rule.id
    );
    if !rule.references.is_empty() {
        help.push_str("\n\nReferences:\n");
        for r in &rule.references {
            help.push_str(&format!("- {r}\n"));
        }
    }
    RuleInfo {
        id: rule.id.clone(),
        name: name.clone(),
        tool: "gate-secrets".into(),
        short_description: name,
        full_description: rule.description.clone(),
        help,
        severity: rule.severity,
        confidence: rule.confidence,
        cwe: Some(CWE_HARDCODED_CREDENTIALS),
        tags: rule.tags.clone(),
        references: rule.references.clone(),
    }
}

/// The first sentence of a rule description: what leaked.
fn title(description: &str) -> String {
    let first = description.split(". ").next().unwrap_or(description);
    first.trim().trim_end_matches('.').to_string()
}

/// Byte offsets of line starts, for turning offsets into 1-based line/column.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(bytes: &[u8]) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        LineIndex { starts }
    }

    /// For each offset, the 1-based line and the 1-based column counted in
    /// characters of the line read as lossy UTF-8 (an invalid sequence is one
    /// U+FFFD, as `String::from_utf8_lossy` gives it). The offsets are visited
    /// in order and each line is decoded at most once from its start, so the
    /// cost is the bytes of the lines involved, not bytes × offsets.
    fn positions(&self, bytes: &[u8], offsets: &[usize]) -> Vec<(u32, u32)> {
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_unstable_by_key(|&i| offsets[i]);
        let mut out = vec![(0, 0); offsets.len()];
        // A point on the current line where a character starts, and how many
        // characters come before it on the line.
        let mut line = 0;
        let mut at = 0;
        let mut chars = 0;
        for i in order {
            let offset = offsets[i].min(bytes.len());
            let l = self.starts.partition_point(|&s| s <= offset).max(1);
            if l != line {
                line = l;
                at = self.starts[l - 1];
                chars = 0;
            }
            let mut col = chars;
            let mut pos = at;
            for chunk in bytes[at..offset].utf8_chunks() {
                let valid = chunk.valid();
                let invalid = chunk.invalid();
                col += valid.chars().count();
                pos += valid.len();
                // Everything up to here is decoded as it is in the whole
                // line; a trailing invalid part may be a character cut in
                // two by `offset`, so the next offset decodes it again.
                at = pos;
                chars = col;
                if !invalid.is_empty() {
                    col += 1;
                    pos += invalid.len();
                    if pos < offset {
                        at = pos;
                        chars = col;
                    }
                }
            }
            out[i] = (line as u32, col as u32 + 1);
        }
        out
    }

    fn line_range(&self, bytes: &[u8], line: usize) -> (usize, usize) {
        let start = self.starts[line - 1];
        let end = self.starts.get(line).map_or(bytes.len(), |&n| n - 1);
        let end = if end > start && bytes[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        (start, end.max(start))
    }
}

/// The secret spans kept so far, for [`SecretsEngine::strongest`]: none of
/// them overlap, so the one starting last before a new span ends is the only
/// one that can overlap it (a plain list made a file of many findings quadratic).
#[derive(Default)]
struct Claims {
    /// Start → end of each kept non-empty span.
    spans: std::collections::BTreeMap<usize, usize>,
}

impl Claims {
    /// Claim `start..end` (non-empty) unless a kept span overlaps it.
    fn claim(&mut self, start: usize, end: usize) -> bool {
        let taken = self
            .spans
            .range(..end)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        if !taken {
            self.spans.insert(start, end);
        }
        !taken
    }
}

/// The line the secret starts on, cut around the secret when the line is long.
fn snippet(bytes: &[u8], lines: &LineIndex, d: &Detection) -> String {
    let line = lines
        .starts
        .partition_point(|&s| s <= d.secret_start)
        .max(1);
    let (line_start, line_end) = lines.line_range(bytes, line);
    let (mut s, mut e) = (line_start, line_end);
    if e - s > MAX_SNIPPET {
        s = s.max(d.secret_start.saturating_sub(MAX_SNIPPET / 2));
        e = e.min(d.secret_end.max(s) + MAX_SNIPPET / 2).max(s);
        // A cut must not show half of another token (possibly another
        // secret): the excerpt starts and ends at a delimiter.
        if s > line_start {
            s = (s..d.secret_start.max(s))
                .find(|&i| is_delimiter(bytes[i]))
                .map_or(d.secret_start.max(s), |i| i + 1);
        }
        if e < line_end {
            e = (d.secret_end.min(e)..e)
                .rev()
                .find(|&i| is_delimiter(bytes[i]))
                .unwrap_or(d.secret_end.min(e));
        }
    }
    String::from_utf8_lossy(&bytes[s..e]).into_owned()
}

/// Bytes that never occur inside a token: where a long line may be cut.
fn is_delimiter(b: u8) -> bool {
    b.is_ascii_whitespace() || b"\"'`,;(){}[]<>".contains(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_positions_are_one_based_and_count_chars() {
        let text = "ab\néé x\n";
        let idx = LineIndex::new(text.as_bytes());
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.positions(text.as_bytes(), &[x, 0]),
            vec![(2, 4), (1, 1)]
        );
    }

    /// The column the one-pass walk gives, for any bytes and any offsets
    /// (inside characters and invalid sequences, repeated, out of order), is
    /// the one decoding the line's prefix with `from_utf8_lossy` gives.
    #[test]
    fn issue11_p11_positions_in_one_pass_equal_decoding_each_prefix() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(vec![
            b'a', b'\n', 0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80, 0xFF, 0x80,
        ]);
        let bytes_and_offsets = prop::collection::vec(alphabet, 0..64).prop_flat_map(|b| {
            let n = b.len();
            (Just(b), prop::collection::vec(0..=n, 0..24))
        });
        proptest!(|((bytes, offsets) in bytes_and_offsets)| {
            let idx = LineIndex::new(&bytes);
            let got = idx.positions(&bytes, &offsets);
            for (&o, &g) in offsets.iter().zip(&got) {
                let line = idx.starts.partition_point(|&s| s <= o).max(1);
                let start = idx.starts[line - 1];
                let col = String::from_utf8_lossy(&bytes[start..o]).chars().count();
                prop_assert_eq!(g, (line as u32, col as u32 + 1), "offset {}", o);
            }
        });
    }

    /// Keeping the strongest claims by interval lookup keeps exactly what
    /// comparing each span with every kept one kept.
    #[test]
    fn issue11_p11_claims_equal_pairwise_overlap() {
        use proptest::prelude::*;
        let spans = prop::collection::vec((0usize..40, 1usize..8), 0..40);
        proptest!(|(spans in spans)| {
            let mut claims = Claims::default();
            let mut kept: Vec<(usize, usize)> = Vec::new();
            for (s, len) in spans {
                let e = s + len;
                let pairwise = !kept.iter().any(|&(ks, ke)| ks < e && s < ke);
                prop_assert_eq!(claims.claim(s, e), pairwise);
                if pairwise {
                    kept.push((s, e));
                }
            }
        });
    }

    #[test]
    fn title_is_the_first_sentence() {
        assert_eq!(title("GitHub token. Grants repo access."), "GitHub token");
        assert_eq!(title("Stripe key"), "Stripe key");
    }
}
