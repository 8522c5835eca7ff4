//! Compiling rules as written into rules ready to run.

use std::sync::OnceLock;

use regex::bytes::{Regex, RegexBuilder};
use regex_automata::meta;
use regex_automata::nfa::thompson::WhichCaptures;
use regex_syntax::hir::literal::Extractor;
use regex_syntax::hir::{Hir, HirKind, Look};

use super::syntax::{
    AllowlistSyntax, Condition, Decode, RegexTarget, RuleFile, RuleSyntax, SkipMutation,
};
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
    /// One regex built from the rules themselves (not written by anyone),
    /// applied to `target`.
    fn generated(description: &str, target: RegexTarget, pattern: &str) -> Allowlist {
        Allowlist {
            description: Some(description.into()),
            condition: Condition::Or,
            target,
            regexes: vec![LazyRegex::unchecked(pattern)],
            stopwords: Vec::new(),
            paths: Vec::new(),
            commits: Vec::new(),
            target_rules: Vec::new(),
        }
    }

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
    whole: OnceLock<Option<meta::Regex>>,
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
            whole: OnceLock::new(),
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
                // Keywords match in any case; a pattern that starts with a few
                // case-sensitive literals (`AC` of a Twilio SID) is already
                // narrowed by the regex crate's literal search. Leave it alone.
                if has_exact_prefix(self.hir()?) {
                    return None;
                }
                let sub = self.group(group)?;
                // A plain forward DFA pass: literal prefilters on a shape
                // (a common suffix like `=`) make it slower, not faster.
                meta::Builder::new()
                    .configure(
                        meta::Config::new()
                            .auto_prefilter(false)
                            .utf8_empty(false)
                            .which_captures(WhichCaptures::None)
                            .onepass(false),
                    )
                    .build_from_hir(sub)
                    .ok()
            })
            .as_ref()
    }

    /// Capture group `group` anchored at both ends: whether a value, whole,
    /// is what the group describes (None for group 0 or a pattern that does
    /// not parse). The next-line stage and `rules check` share it; a rule's
    /// secret group is always the same, so one is kept.
    pub fn whole(&self, group: usize) -> Option<&meta::Regex> {
        self.whole
            .get_or_init(|| {
                let anchored = Hir::concat(vec![
                    Hir::look(Look::Start),
                    self.group(group)?.clone(),
                    Hir::look(Look::End),
                ]);
                build(&anchored).ok()
            })
            .as_ref()
    }

    /// The shortest and longest (None: unbounded) value in bytes capture
    /// group `group` accepts; for `rules check` to tell a wrong-shape variant
    /// of a secret from a right one.
    pub fn group_lengths(&self, group: usize) -> Option<(usize, Option<usize>)> {
        let props = self.group(group)?.properties();
        Some((props.minimum_len()?, props.maximum_len()))
    }

    /// The sub-expression of capture group `group` (None for group 0).
    fn group(&self, group: usize) -> Option<&Hir> {
        if group == 0 {
            return None;
        }
        find_group(self.hir()?, u32::try_from(group).ok()?)
    }

    /// When the pattern is `\b` (ASCII) followed by the rest, the literals
    /// every match of the rest starts with (a finite set), else None.
    pub fn word_prefixes(&self) -> Option<Vec<Vec<u8>>> {
        let HirKind::Concat(parts) = self.hir()?.kind() else {
            return None;
        };
        let (first, rest) = parts.split_first()?;
        if !matches!(first.kind(), HirKind::Look(Look::WordAscii)) {
            return None;
        }
        let rest = Hir::concat(rest.to_vec());
        let seq = Extractor::new().limit_class(32).extract(&rest);
        let literals = seq.literals()?;
        Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
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
                .onepass(false)
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
    /// Mutations `gate rules check` does not try on this rule, with reasons.
    pub skip_mutations: Vec<SkipMutation>,
    /// The file the rule came from (for messages).
    pub source: String,
    /// Whether every match starts, at a word boundary, with one of the
    /// keywords (see [`Rule::starts_at_keyword`]); worked out on first use.
    pub starts_at_keyword: OnceLock<bool>,
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

    /// Whether every match of the regex is `\b` followed by one of the
    /// rule's keywords, each starting with a letter or digit (`\bion_…`,
    /// `\b(?:live|test)_…`, `\bAC<hex>`): then a keyword hit glued to a
    /// letter, digit or `_` before it (`version_`, `latest_`) cannot start a
    /// match, and the prefilter lets it wake nothing. Worked out from the
    /// pattern's syntax tree on the first such hit.
    pub fn starts_at_keyword(&self) -> bool {
        *self.starts_at_keyword.get_or_init(|| {
            let Some(prefixes) = self.regex.as_ref().and_then(LazyRegex::word_prefixes) else {
                return false;
            };
            let keywords: Vec<&[u8]> = self
                .keywords
                .iter()
                .map(|k| k.as_bytes())
                .filter(|k| k.first().is_some_and(u8::is_ascii_alphanumeric))
                .collect();
            !prefixes.is_empty()
                && prefixes.iter().all(|p| {
                    keywords
                        .iter()
                        .any(|k| p.len() >= k.len() && p[..k.len()].eq_ignore_ascii_case(k))
                })
        })
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

/// Words that say "credential", not "provider": a keyword made of one of
/// them (`authtoken`, `secretaccesskey`, `password`) names no provider.
const CREDENTIAL_WORDS: [&str; 6] = ["key", "token", "secret", "passw", "auth", "credential"];

/// For rules that `defer_to_providers`: drops a match whose name (the
/// identifier the match starts with) holds, as a word, a keyword of a
/// `keyword_boundary` rule. Those rules are provider-bound: they know the
/// provider's shape, and a value they did not report is a near miss.
pub fn provider_names_allowlist(rules: &[Rule]) -> Option<Allowlist> {
    let mut words: Vec<&str> = rules
        .iter()
        .filter(|r| r.keyword_boundary)
        .flat_map(|r| r.keywords.iter())
        .map(String::as_str)
        .filter(|k| k.len() >= 3 && k.bytes().all(|b| b.is_ascii_lowercase()))
        .filter(|k| !CREDENTIAL_WORDS.iter().any(|w| k.contains(w)))
        .collect();
    words.sort_unstable();
    words.dedup();
    if words.is_empty() {
        return None;
    }
    let capitalised: Vec<String> = words
        .iter()
        .map(|w| format!("{}{}", w[..1].to_ascii_uppercase(), &w[1..]))
        .collect();
    // `STRIPE_API_KEY`, `stripe.token`, `X-Stripe-Key` (after a non-letter),
    // `myStripeKey` (a camelCase hump); the word ends before a non-lowercase.
    let pattern = format!(
        r"^[\w.\-]*?(?:(?:^|[^A-Za-z])(?i:{})|[a-z0-9](?:{}))(?:[^a-z]|$)",
        words.join("|"),
        capitalised.join("|")
    );
    Some(Allowlist::generated(
        "The name names a provider whose own rules judge its values.",
        RegexTarget::Match,
        &pattern,
    ))
}

/// For rules that `defer_to_providers`: drops a secret that starts with the
/// fixed prefix a provider's secret must start with (`CCIPAT_`, `SWMTKN-1-`,
/// `AKIA`): that provider's rule judges it, and a value it did not report is
/// a near miss of its shape (truncated, padded, wrong alphabet).
pub fn provider_prefixes_allowlist(rules: &[Rule]) -> Option<Allowlist> {
    use rayon::prelude::*;
    // Side by side: this parses the syntax tree of most rules (kept for
    // their compilation later).
    let mut prefixes: Vec<String> = rules
        .par_iter()
        .filter(|r| !r.keyword_boundary && r.decode.is_none())
        .filter_map(|r| secret_prefixes(r.regex.as_ref()?, r.secret_group()))
        .flatten()
        .collect();
    prefixes.sort_unstable();
    prefixes.dedup();
    if prefixes.is_empty() {
        return None;
    }
    let pattern = format!(
        "^(?:{})",
        prefixes
            .iter()
            .map(|p| regex_syntax::escape(p))
            .collect::<Vec<_>>()
            .join("|")
    );
    Some(Allowlist::generated(
        "The value starts with a provider's fixed prefix; that provider's rule judges it.",
        RegexTarget::Secret,
        &pattern,
    ))
}

/// The literal prefixes every secret of the group starts with, when there
/// are at most four and each is distinctive: four bytes or more, with a digit,
/// an upper-case letter or a separator (`sk_live_`, `AKIA`, `glpat-`), not a
/// common word a generic value could start with.
fn secret_prefixes(re: &LazyRegex, group: usize) -> Option<Vec<String>> {
    let seq = Extractor::new().extract(re.group(group)?);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.len() > 4 {
        return None;
    }
    literals
        .iter()
        .map(|l| {
            let text = std::str::from_utf8(l.as_bytes()).ok()?;
            let distinctive = text.len() >= 4
                && text
                    .bytes()
                    .any(|b| b.is_ascii_digit() || b.is_ascii_uppercase() || b"_-.".contains(&b))
                && text.bytes().all(|b| b.is_ascii_graphic());
            distinctive.then(|| text.to_string())
        })
        .collect()
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
        skip_mutations: r.skip_mutations.clone(),
        source: file.to_string(),
        starts_at_keyword: OnceLock::new(),
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

    #[test]
    fn a_rule_starts_at_its_keyword_only_when_every_match_does() {
        let set = crate::secrets::test_rule_set(
            "d.toml",
            r#"
            [[rules]]
            id = "prefixed"
            description = "d"
            regex = '''(?-u)\b((?:live|test)_[a-f0-9]{35})\b'''
            keywords = ["live_", "test_"]

            [[rules]]
            id = "hex-after-ac"
            description = "d"
            regex = '''\bAC[0-9a-fA-F]{32}\b'''
            keywords = ["ac0", "ac1", "ac2", "ac3", "ac4", "ac5", "ac6", "ac7", "ac8", "ac9", "aca", "acb", "acc", "acd", "ace", "acf"]

            [[rules]]
            id = "no-boundary"
            description = "d"
            regex = '''(ion_[A-Za-z0-9]{36})'''
            keywords = ["ion_"]

            [[rules]]
            id = "keyword-later"
            description = "d"
            regex = '''\b[a-z]+_(tok_[a-z0-9]{20})'''
            keywords = ["tok_"]

            [[rules]]
            id = "one-keyword-missing"
            description = "d"
            regex = '''\b(?:live|prod)_[a-f0-9]{35}\b'''
            keywords = ["live_"]
        "#,
        );
        let starts = |id: &str| {
            set.rules
                .iter()
                .find(|r| r.id == id)
                .unwrap()
                .starts_at_keyword()
        };
        assert!(starts("prefixed"));
        assert!(starts("hex-after-ac"));
        assert!(!starts("no-boundary"));
        assert!(!starts("keyword-later"));
        assert!(!starts("one-keyword-missing"));
        // A keyword glued to a word before it wakes nothing; one at a word
        // start still finds the key, on the same line too.
        let key = "0123456789abcdef0123456789abcdef012";
        let found = |text: &str| set.detect("a.env", text.as_bytes(), None).len();
        assert_eq!(found(&format!("latest_{key}")), 0);
        assert_eq!(found(&format!("LOB_KEY=test_{key}")), 1);
        assert_eq!(found(&format!("contest_{key} LOB_KEY=test_{key}")), 1);
    }

    #[test]
    fn issue13_a_generic_rule_defers_to_provider_rules_named_in_the_key() {
        let rules = r#"
            [[rules]]
            id = "okta-api-token"
            description = "Okta API token, manages the org."
            regex = '''(?i)\bokta[\w.-]{0,20}\s*=\s*"?(00[A-Za-z0-9_-]{40})"?'''
            keywords = ["okta", "ssws"]
            keyword_boundary = true

            [[rules]]
            id = "generic-api-key"
            description = "Token assigned to a name that says so."
            regex = '''(?i)[\w.-]*?token[\w.-]{0,20}\s*=\s*"?([A-Za-z0-9]{16,64})"?'''
            keywords = ["token"]
            defer_to_providers = true
        "#;
        let set = crate::secrets::test_rule_set("d.toml", rules);
        let generic = |text: &str| {
            set.detect("a.env", text.as_bytes(), None)
                .iter()
                .any(|d| set.rules[d.rule].id == "generic-api-key")
        };
        // The Okta rule rejects these near misses (no `00`, one too short):
        // they are left to it, whatever the case of the name.
        assert!(!generic(
            "OKTA_API_TOKEN=q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeUiOpQrStU"
        ));
        assert!(!generic(
            "okta.token = \"q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeU\""
        ));
        assert!(!generic(
            "myOktaToken = \"q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeU\""
        ));
        // No provider's name: `rookTable` holds `okta` inside a word.
        assert!(generic("rookTableToken=q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeU"));
        assert!(generic("DEPLOY_TOKEN=q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeU"));
    }

    #[test]
    fn credential_words_name_no_provider() {
        let rules = r#"
            [[rules]]
            id = "acme-session"
            description = "Acme session token, acts as the user."
            regex = '''sessiontoken=([a-z]{20})'''
            keywords = ["sessiontoken", "acme"]
            keyword_boundary = true
        "#;
        let sources = vec![("c.toml".to_string(), rules.to_string())];
        let (rules, _) = crate::secrets::compile_sources(&sources, Origin::BuiltIn).unwrap();
        let names = provider_names_allowlist(&rules).expect("a provider's name");
        let re = names.regexes[0].get().expect("compiles");
        assert!(re.is_match(b"ACME_TOKEN="));
        assert!(!re.is_match(b"SESSIONTOKEN="));
    }

    #[test]
    fn issue13_a_generic_rule_defers_to_a_provider_prefix_it_finds_in_the_value() {
        let rules = r#"
            [[rules]]
            id = "acme-pat"
            description = "Acme personal access token, acts as the user."
            regex = '''\b(acmepat_[A-Za-z0-9]{36})\b'''
            keywords = ["acmepat_"]

            [[rules]]
            id = "generic-api-key"
            description = "Token assigned to a name that says so."
            regex = '''(?i)[\w.-]*?token[\w.-]{0,20}\s*=\s*"?([A-Za-z0-9_]{16,64})"?'''
            keywords = ["token"]
            defer_to_providers = true
        "#;
        let set = crate::secrets::test_rule_set("p.toml", rules);
        let ids = |text: &str| -> Vec<String> {
            set.detect("a.env", text.as_bytes(), None)
                .iter()
                .map(|d| set.rules[d.rule].id.clone())
                .collect()
        };
        // A truncated Acme token is Acme's near miss, not a generic secret.
        assert!(ids("DEPLOY_TOKEN=acmepat_q7Vx2LmP9wR4tZ8kN3bY6cH1dF").is_empty());
        assert_eq!(
            ids("DEPLOY_TOKEN=acmepat_q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeUiO"),
            vec!["acme-pat"]
        );
        assert_eq!(
            ids("DEPLOY_TOKEN=q7Vx2LmP9wR4tZ8kN3bY6cH1dF5gJ0sAeU"),
            vec!["generic-api-key"]
        );
    }
}
