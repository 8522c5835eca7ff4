//! Compiling rules as written into rules ready to run.

use std::sync::OnceLock;

use regex::bytes::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Hir, HirKind};

use super::syntax::{AllowlistSyntax, Condition, Decode, RegexTarget, RuleFile, RuleSyntax};
use crate::finding::{Confidence, Severity};

/// A rule or allowlist that could not be compiled; names the file and the rule.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("{file}: invalid TOML: {message}")]
    Toml { file: String, message: String },
    #[error("{file}: rule `{rule}`: invalid {what} regex: {message}")]
    Regex {
        file: String,
        rule: String,
        what: &'static str,
        message: String,
    },
    #[error("{file}: rule `{rule}`: {message}")]
    Invalid {
        file: String,
        rule: String,
        message: String,
    },
    /// Two rules answer to one name: reports, disabling and ignores would
    /// pick one of them at random (a finding could carry the other's severity).
    #[error("rule id `{id}` is defined twice: {first} and {second}; every rule id and alias must be unique")]
    Duplicate {
        id: String,
        first: String,
        second: String,
    },
}

/// One error per name that two rules answer to (an id, or an alias).
pub fn duplicate_names(rules: &[Rule]) -> Vec<CompileError> {
    let mut owner: std::collections::HashMap<&str, &Rule> = std::collections::HashMap::new();
    let mut errors = Vec::new();
    for r in rules {
        for name in std::iter::once(&r.id).chain(r.aliases.iter()) {
            match owner.get(name.as_str()) {
                Some(first) if !std::ptr::eq(*first, r) => errors.push(CompileError::Duplicate {
                    id: name.clone(),
                    first: describe_owner(first, name),
                    second: describe_owner(r, name),
                }),
                Some(_) => {}
                None => {
                    owner.insert(name, r);
                }
            }
        }
    }
    errors
}

/// `rule `x` in FILE`, saying when the name is the rule's alias.
fn describe_owner(r: &Rule, name: &str) -> String {
    if r.id == name {
        format!("in {}", r.source)
    } else {
        format!("as an alias of `{}` in {}", r.id, r.source)
    }
}

/// A compiled allowlist.
#[derive(Debug, Clone)]
pub struct Allowlist {
    pub description: Option<String>,
    pub condition: Condition,
    pub target: RegexTarget,
    pub regexes: Vec<LazyRegex>,
    /// Lowercased.
    pub stopwords: Vec<String>,
    pub paths: Vec<Regex>,
    pub commits: Vec<String>,
    /// Only for global allowlists: rule ids it is limited to (empty = all).
    pub target_rules: Vec<String>,
}

/// The parts of a candidate an allowlist looks at.
pub struct Candidate<'a> {
    pub path: &'a str,
    pub commit: Option<&'a str>,
    pub secret: &'a [u8],
    pub matched: &'a [u8],
    pub line: &'a [u8],
}

impl Allowlist {
    /// Whether this allowlist lets the candidate through as not-a-secret.
    pub fn allows(&self, c: &Candidate<'_>) -> bool {
        let target = match self.target {
            RegexTarget::Secret => c.secret,
            RegexTarget::Match => c.matched,
            RegexTarget::Line => c.line,
        };
        let mut checks: Vec<bool> = Vec::with_capacity(4);
        if !self.commits.is_empty() {
            checks.push(c.commit.is_some_and(|sha| {
                self.commits
                    .iter()
                    .any(|a| sha.starts_with(a.as_str()) || a.starts_with(sha))
            }));
        }
        if !self.paths.is_empty() {
            checks.push(self.path_matches(c.path));
        }
        if !self.regexes.is_empty() {
            checks.push(
                self.regexes
                    .iter()
                    .any(|r| r.get().is_some_and(|r| r.is_match(target))),
            );
        }
        if !self.stopwords.is_empty() {
            let secret = String::from_utf8_lossy(c.secret).to_ascii_lowercase();
            checks.push(self.stopwords.iter().any(|w| secret.contains(w.as_str())));
        }
        match self.condition {
            Condition::Or => checks.iter().any(|&b| b),
            Condition::And => !checks.is_empty() && checks.iter().all(|&b| b),
        }
    }

    /// Whether the allowlist excludes a whole file by path alone (so the rule
    /// need not run on it at all).
    pub fn excludes_path(&self, path: &str) -> bool {
        let path_only = self.regexes.is_empty()
            && self.stopwords.is_empty()
            && self.commits.is_empty()
            && !self.paths.is_empty();
        let or_path = self.condition == Condition::Or && !self.paths.is_empty();
        (path_only || or_path) && self.path_matches(path)
    }

    fn path_matches(&self, path: &str) -> bool {
        self.paths.iter().any(|r| r.is_match(path.as_bytes()))
    }

    /// Whether it applies to the rule with this id (or alias).
    pub fn targets(&self, id: &str, aliases: &[String]) -> bool {
        self.target_rules.is_empty()
            || self
                .target_rules
                .iter()
                .any(|t| t == id || aliases.iter().any(|a| a == t))
    }
}

/// Where rules come from: the built-in catalogue is checked by the test
/// suite (`gate rules check`), so loading it skips the parse that validates
/// a user's rules up front.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    BuiltIn,
    User,
}

/// A rule's regex, compiled the first time a keyword sends text its way. Most
/// of the catalogue never runs on a given repository, and a pre-commit scan
/// of ten files should not pay for building (or even parsing) 500 automata.
/// A user's pattern is parsed when it is loaded, so errors come up front.
/// The pattern is parsed once; the group count, the secret's shape and the
/// whole regex are all derived from that one syntax tree.
#[derive(Debug, Clone)]
pub struct LazyRegex {
    pattern: String,
    /// None when the pattern does not parse (a built-in one: `rules check` says so).
    hir: OnceLock<Option<Hir>>,
    compiled: OnceLock<Option<meta::Regex>>,
    shape: OnceLock<Option<meta::Regex>>,
}

impl LazyRegex {
    /// Parse `pattern` (errors name the file and rule); compile it later.
    pub fn new(
        pattern: &str,
        file: &str,
        rule: &str,
        what: &'static str,
    ) -> Result<Self, CompileError> {
        let hir = parse(pattern).map_err(|e| regex_error(file, rule, what, e.to_string()))?;
        let re = LazyRegex::unchecked(pattern);
        re.hir.get_or_init(|| Some(hir));
        Ok(re)
    }

    /// A built-in pattern: parsed and compiled on first use.
    pub fn unchecked(pattern: &str) -> Self {
        LazyRegex {
            pattern: pattern.to_string(),
            hir: OnceLock::new(),
            compiled: OnceLock::new(),
            shape: OnceLock::new(),
        }
    }

    /// A pattern checked now (`User`) or trusted until used (`BuiltIn`).
    pub fn with_origin(
        pattern: &str,
        origin: Origin,
        file: &str,
        rule: &str,
        what: &'static str,
    ) -> Result<Self, CompileError> {
        match origin {
            Origin::BuiltIn => Ok(LazyRegex::unchecked(pattern)),
            Origin::User => LazyRegex::new(pattern, file, rule, what),
        }
    }

    fn hir(&self) -> Option<&Hir> {
        self.hir.get_or_init(|| parse(&self.pattern).ok()).as_ref()
    }

    /// Number of capture groups, the whole match included (1 for a pattern
    /// that does not parse: it never matches anyway).
    pub fn captures_len(&self) -> usize {
        self.hir()
            .map_or(1, |hir| hir.properties().explicit_captures_len() + 1)
    }

    /// The compiled regex (None only if it does not parse or is too large to
    /// build; `rules check` and eager compilation of user rules report that).
    pub fn get(&self) -> Option<&meta::Regex> {
        self.compiled
            .get_or_init(|| build(self.hir()?).ok())
            .as_ref()
    }

    /// Capture group `group` on its own, when the pattern has context around
    /// it. Any match of the whole pattern contains a match of the group, so a
    /// window where this finds nothing can be skipped; for rules whose context
    /// is a large automaton (names, separators, following lines) it is far
    /// cheaper to run first than the whole pattern.
    pub fn shape(&self, group: usize) -> Option<&meta::Regex> {
        self.shape
            .get_or_init(|| {
                if group == 0 {
                    return None;
                }
                let hir = self.hir()?;
                // Keywords match in any case; a pattern that starts with a few
                // case-sensitive literals (`AC` of a Twilio SID) is already
                // narrowed by the regex crate's literal search. Leave it alone.
                if has_exact_prefix(hir) {
                    return None;
                }
                let sub = find_group(hir, group as u32)?;
                // A plain forward DFA pass: literal prefilters on a shape
                // (a common suffix like `=`) make it slower, not faster.
                meta::Builder::new()
                    .configure(meta::Config::new().auto_prefilter(false).utf8_empty(false))
                    .build_from_hir(sub)
                    .ok()
            })
            .as_ref()
    }

    /// Build it now, saying why it cannot be built; `what` says whose
    /// pattern it is in the message ("rule", "allowlist").
    pub fn compile_now(
        &self,
        file: &str,
        rule: &str,
        what: &'static str,
    ) -> Result<(), CompileError> {
        if self.get().is_some() {
            return Ok(());
        }
        let message = match parse(&self.pattern) {
            Err(e) => e.to_string(),
            Ok(hir) => build(&hir)
                .err()
                .map_or_else(String::new, |e| e.to_string()),
        };
        Err(regex_error(file, rule, what, message))
    }
}

fn regex_error(file: &str, rule: &str, what: &'static str, message: String) -> CompileError {
    CompileError::Regex {
        file: file.to_string(),
        rule: rule.to_string(),
        what,
        message,
    }
}

/// Parse a pattern the way it is compiled: ASCII classes, as in Go's RE2
/// (gitleaks), so `\w`, `\d`, `\s` and `\b` mean what they mean there and the
/// automata stay small and fast to build; bytes, not text.
fn parse(pattern: &str) -> Result<Hir, Box<regex_syntax::Error>> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(Box::new)
}

/// Compile a parsed pattern as the `regex` crate's `bytes::Regex` would, with
/// a larger size limit.
fn build(hir: &Hir) -> Result<meta::Regex, String> {
    meta::Builder::new()
        .configure(
            meta::Config::new()
                .utf8_empty(false)
                .nfa_size_limit(Some(REGEX_SIZE_LIMIT)),
        )
        .build_from_hir(hir)
        .map_err(|e| e.to_string())
}

/// Whether every match starts with one of at most four literals, each at
/// least two bytes long.
fn has_exact_prefix(hir: &Hir) -> bool {
    let seq = Extractor::new().extract(hir);
    seq.len().is_some_and(|n| n <= 4) && seq.min_literal_len().is_some_and(|n| n >= 2)
}

/// The sub-expression of capture group `index`.
fn find_group(hir: &Hir, index: u32) -> Option<&Hir> {
    match hir.kind() {
        HirKind::Capture(c) if c.index == index => Some(&c.sub),
        HirKind::Capture(c) => find_group(&c.sub, index),
        HirKind::Repetition(r) => find_group(&r.sub, index),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            subs.iter().find_map(|s| find_group(s, index))
        }
        HirKind::Empty | HirKind::Literal(_) | HirKind::Class(_) | HirKind::Look(_) => None,
    }
}

/// A compiled secret rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    pub description: String,
    pub regex: Option<LazyRegex>,
    /// `secret_group` as written; see [`Rule::secret_group`].
    pub explicit_group: Option<usize>,
    pub keywords: Vec<String>,
    /// A keyword must occur in the match on identifier boundaries.
    pub keyword_boundary: bool,
    pub entropy: Option<f32>,
    pub path: Option<Regex>,
    pub severity: Severity,
    pub confidence: Confidence,
    pub tags: Vec<String>,
    pub references: Vec<String>,
    pub aliases: Vec<String>,
    pub multiline: bool,
    /// Bytes after a keyword hit that a multi-line match may reach.
    pub window: usize,
    /// Bytes before a keyword hit where a multi-line match may start (None:
    /// the keyword's line).
    pub lookbehind: Option<usize>,
    /// How the secret is decoded and judged, for rules that say.
    pub decode: Option<Decode>,
    pub allowlists: Vec<Allowlist>,
    pub examples: Vec<String>,
    pub negative_examples: Vec<String>,
    pub example_path: Option<String>,
    /// The file the rule came from (for messages).
    pub source: String,
}

impl Rule {
    /// The capture group holding the secret: as written, else group 1 when
    /// the regex has one, else the whole match.
    pub fn secret_group(&self) -> usize {
        match (self.explicit_group, &self.regex) {
            (Some(g), _) => g,
            (None, Some(re)) if re.captures_len() > 1 => 1,
            _ => 0,
        }
    }

    /// Whether the rule answers to this id (its own or an alias).
    pub fn answers_to(&self, id: &str) -> bool {
        self.id == id || self.aliases.iter().any(|a| a == id)
    }
}

/// How far after a keyword a multi-line rule looks unless it says otherwise:
/// enough for a section header and the keys under it.
pub const DEFAULT_MULTILINE_WINDOW: usize = 4 << 10;
/// Compiled size limit per regex (the default 10 MiB is too small for a few long alternations).
const REGEX_SIZE_LIMIT: usize = 32 << 20;

/// Compile a path pattern (ASCII classes, like the rules' own patterns).
fn compile_path_regex(
    pattern: &str,
    file: &str,
    rule: &str,
    what: &'static str,
) -> Result<Regex, CompileError> {
    RegexBuilder::new(pattern)
        .unicode(false)
        .size_limit(REGEX_SIZE_LIMIT)
        .build()
        .map_err(|e| regex_error(file, rule, what, e.to_string()))
}

/// Compile one allowlist; `rule` names its owner in error messages.
pub fn compile_allowlist(
    a: &AllowlistSyntax,
    origin: Origin,
    file: &str,
    rule: &str,
) -> Result<Allowlist, CompileError> {
    let regexes = a
        .regexes
        .iter()
        .map(|r| LazyRegex::with_origin(r, origin, file, rule, "allowlist"))
        .collect::<Result<_, _>>()?;
    let paths = a
        .paths
        .iter()
        .map(|r| compile_path_regex(r, file, rule, "allowlist path"))
        .collect::<Result<_, _>>()?;
    Ok(Allowlist {
        description: a.description.clone(),
        condition: a.condition,
        target: a.regex_target,
        regexes,
        stopwords: a.stopwords.iter().map(|s| s.to_lowercase()).collect(),
        paths,
        commits: a.commits.clone(),
        target_rules: a.target_rules.clone(),
    })
}

/// Compile one rule as written.
pub fn compile_rule(r: &RuleSyntax, origin: Origin, file: &str) -> Result<Rule, CompileError> {
    let invalid = |message: String| CompileError::Invalid {
        file: file.to_string(),
        rule: r.id.clone(),
        message,
    };
    if r.id.trim().is_empty() {
        return Err(invalid("empty id".into()));
    }
    let regex = match &r.regex {
        Some(p) => Some(LazyRegex::with_origin(p, origin, file, &r.id, "rule")?),
        None if r.path.is_some() => None,
        None => {
            return Err(invalid(
                "a rule needs a `regex` (or at least a `path`)".into(),
            ))
        }
    };
    if let (Some(g), Origin::User) = (r.secret_group, origin) {
        check_secret_group(regex.as_ref(), g).map_err(invalid)?;
    }
    let path = r
        .path
        .as_deref()
        .map(|p| compile_path_regex(p, file, &r.id, "path"))
        .transpose()?;
    let allowlists = r
        .allowlist
        .iter()
        .chain(r.allowlists.iter())
        .map(|a| compile_allowlist(a, origin, file, &r.id))
        .collect::<Result<_, _>>()?;
    Ok(Rule {
        id: r.id.clone(),
        description: r.description.clone(),
        regex,
        explicit_group: r.secret_group,
        keywords: r.keywords.iter().map(|k| k.to_lowercase()).collect(),
        keyword_boundary: r.keyword_boundary,
        entropy: r.entropy,
        path,
        severity: r.severity,
        confidence: r.confidence,
        tags: r.tags.clone(),
        references: r.references.clone(),
        aliases: r.aliases.clone(),
        multiline: r.multiline,
        window: r.window.unwrap_or(DEFAULT_MULTILINE_WINDOW),
        lookbehind: r.lookbehind,
        decode: r.decode,
        allowlists,
        examples: r.examples.clone(),
        negative_examples: r.negative_examples.clone(),
        example_path: r.example_path.clone(),
        source: file.to_string(),
    })
}

/// A `secret_group` must name a group the regex has (a path-only rule has none to name).
pub fn check_secret_group(regex: Option<&LazyRegex>, group: usize) -> Result<(), String> {
    match regex {
        Some(re) if group >= re.captures_len() => Err(format!(
            "secret_group {group} does not exist (the regex has {} groups)",
            re.captures_len() - 1
        )),
        _ => Ok(()),
    }
}

/// Parse one rules file.
pub fn parse_rule_file(text: &str, file: &str) -> Result<RuleFile, CompileError> {
    toml::from_str(text).map_err(|e| CompileError::Toml {
        file: file.to_string(),
        message: crate::suggest::with_hint(&e.to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lazy(pattern: &str) -> LazyRegex {
        LazyRegex::new(pattern, "t.toml", "t", "rule").unwrap()
    }

    #[test]
    fn shape_is_the_secret_group_alone() {
        let re = lazy(r"(?i)(?:azure|storage)[\w.]{0,20}\s*=\s*([A-Za-z0-9]{8}==)(?:\s|$)");
        let shape = re.shape(1).expect("context around the group");
        assert!(shape.is_match(b"x AbCd1234== y"));
        assert!(!shape.is_match(b"azure_key = short"));
    }

    #[test]
    fn no_shape_for_the_whole_match_or_an_exact_literal_prefix() {
        assert!(lazy(r"ghp_[A-Za-z0-9]{36}").shape(0).is_none());
        assert!(lazy(r"\bAC[0-9a-f]{32}:([0-9a-f]{32})").shape(1).is_none());
    }

    #[test]
    fn shape_keeps_assertions_inside_the_group() {
        let re = lazy(r"(?i)key=(\b[a-z]{4}\b)");
        let shape = re.shape(1).unwrap();
        assert!(shape.is_match(b"abcd"));
        assert!(!shape.is_match(b"abcdefgh"));
    }
}
