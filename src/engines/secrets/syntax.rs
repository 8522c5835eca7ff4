//! Secret rules as written in `rules/secrets/*.toml`, before compilation.

use serde::Deserialize;

use crate::finding::{Confidence, Severity};

/// One rules file: a provider's rules, and optionally allowlists that apply to every rule.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleFile {
    #[serde(default)]
    pub rules: Vec<RuleSyntax>,
    /// Global allowlists: a match any of these allows is dropped, whatever the rule.
    #[serde(default)]
    pub allowlists: Vec<AllowlistSyntax>,
}

/// One secret rule as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleSyntax {
    /// Stable kebab-case id (`github-pat`).
    pub id: String,
    /// What leaked and what an attacker can do with it.
    pub description: String,
    /// The pattern; capture group `secret_group` (default 1, or the whole match
    /// when the regex has no group) is the secret. Absent only for path-only rules.
    #[serde(default)]
    pub regex: Option<String>,
    #[serde(default)]
    pub secret_group: Option<usize>,
    /// Lowercase literals, one of which must occur near a match (the prefilter).
    #[serde(default)]
    pub keywords: Vec<String>,
    /// The keyword names a provider and is a common substring (`okta` in
    /// `rookTable`, `sumo` in `sumOfExposures`): a match counts only when one
    /// of the keywords inside it stands as a word of an identifier (between
    /// non-letters, or at a camelCase hump: `oktaToken`, `MY_OKTA_KEY`).
    #[serde(default)]
    pub keyword_boundary: bool,
    /// Minimum Shannon entropy of the secret, in bits per character.
    #[serde(default)]
    pub entropy: Option<f32>,
    /// Only files whose path matches this regex are checked by the rule.
    #[serde(default)]
    pub path: Option<String>,
    #[serde(default = "default_severity")]
    pub severity: Severity,
    #[serde(default = "default_confidence")]
    pub confidence: Confidence,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub references: Vec<String>,
    /// Other ids this rule answers to (e.g. gitleaks' id for the same credential),
    /// so `disabledRules` and `.gitleaksignore` entries written for them apply.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The match may span lines (PEM blocks): look further than the keyword's line.
    #[serde(default)]
    pub multiline: bool,
    /// With `multiline`: how many bytes after the keyword a match may reach
    /// (default 4 KiB; a PEM block needs more, a section header less).
    #[serde(default)]
    pub window: Option<usize>,
    /// With `multiline`: how many bytes before the keyword a match may start
    /// (default: the keyword's line), for formats whose context may come
    /// after the value (`kubectl get secret -o yaml` puts `data:` above `kind:`).
    #[serde(default)]
    pub lookbehind: Option<usize>,
    /// The secret is encoded (or is a value of unknown kind): decode it and
    /// report only what holds a credential; see [`Decode`].
    #[serde(default)]
    pub decode: Option<Decode>,
    #[serde(default)]
    pub allowlist: Option<AllowlistSyntax>,
    #[serde(default)]
    pub allowlists: Vec<AllowlistSyntax>,
    /// Text in which the rule must find a secret.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Text in which the rule must find nothing (placeholders, near misses).
    #[serde(default)]
    pub negative_examples: Vec<String>,
    /// Path the examples are checked under (for rules with a `path`).
    #[serde(default)]
    pub example_path: Option<String>,
    /// A generic rule: a match whose name names a provider that has rules of
    /// its own (a `keyword_boundary` keyword: `STRIPE_API_KEY`, `oktaToken`)
    /// is left to those rules, which know the provider's shape; a value they
    /// reject is a near miss (too short, too long, wrong alphabet), not a secret.
    #[serde(default)]
    pub defer_to_providers: bool,
    /// Wrong-shape variants of the examples that `gate rules check` does not
    /// try on this rule, each with the reason the provider's format allows it.
    #[serde(default)]
    pub skip_mutations: Vec<SkipMutation>,
}

/// A mutation `gate rules check` skips for one rule, and why.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkipMutation {
    pub mutation: Mutation,
    /// Why the provider's format accepts the variant (cite the docs).
    pub reason: String,
}

/// A wrong-shape variant of an example's secret that its rule must not match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mutation {
    /// Lengthened past the longest value the secret group accepts, with
    /// characters of its own alphabet, at its end or at its start.
    Longer,
    /// Cut to two thirds, below the shortest value the group accepts.
    Shorter,
    /// One character in the middle replaced by one outside the group's alphabet.
    ForeignChar,
    /// The provider's keyword glued inside a longer identifier (`xoktay`).
    GluedKeyword,
    /// The value replaced by a placeholder (`<your-api-key>`, `${API_KEY}`, `xxxx`).
    Placeholder,
    /// A lowercased or uppercased copy, when the group's alphabet has one case.
    CaseFlip,
}

impl Mutation {
    /// Every mutation, in the order `gate rules check` tries them.
    pub const ALL: [Mutation; 6] = [
        Mutation::Longer,
        Mutation::Shorter,
        Mutation::ForeignChar,
        Mutation::GluedKeyword,
        Mutation::Placeholder,
        Mutation::CaseFlip,
    ];

    /// The name rule files use.
    pub fn name(self) -> &'static str {
        match self {
            Mutation::Longer => "longer",
            Mutation::Shorter => "shorter",
            Mutation::ForeignChar => "foreign-char",
            Mutation::GluedKeyword => "glued-keyword",
            Mutation::Placeholder => "placeholder",
            Mutation::CaseFlip => "case-flip",
        }
    }
}

fn default_severity() -> Severity {
    Severity::High
}

fn default_confidence() -> Confidence {
    Confidence::High
}

/// How a rule's secret is decoded before it is judged. The finding stays at
/// the encoded text (which is what reports mask); it is reported under the
/// id of another rule that recognises the decoded text (a GitHub token in a
/// Kubernetes Secret is reported as a GitHub token), else under the rule's
/// own id when the decoded text is shaped like a password, else dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decode {
    /// Standard or URL-safe base64, padded or not (Kubernetes `data:` values).
    Base64,
    /// Base64 of `user:password` (Docker `auth`, HTTP Basic): the password is judged.
    Base64UserPassword,
    /// Not encoded: the value as written is judged (Kubernetes `stringData:`).
    Text,
}

/// What part of a match an allowlist's regexes are tested against.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RegexTarget {
    #[default]
    Secret,
    Match,
    Line,
}

/// How an allowlist's criteria combine.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Condition {
    #[default]
    Or,
    And,
}

/// An allowlist as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AllowlistSyntax {
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub condition: Condition,
    #[serde(default, alias = "regexTarget")]
    pub regex_target: RegexTarget,
    #[serde(default)]
    pub regexes: Vec<String>,
    /// Case-insensitive substrings of the secret.
    #[serde(default)]
    pub stopwords: Vec<String>,
    #[serde(default)]
    pub paths: Vec<String>,
    #[serde(default)]
    pub commits: Vec<String>,
    /// For global allowlists: only these rules (default all).
    #[serde(default, alias = "targetRules")]
    pub target_rules: Vec<String>,
}
