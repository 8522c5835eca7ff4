//! `gate rules check`: every rule, run through the real pipeline against its
//! own examples and negative examples; every failure collected and reported.

use std::collections::HashMap;
use std::fmt;

use regex_automata::meta;

use super::compile::{check_secret_group, CompileError, Rule};
use super::detect::RuleSet;
use super::syntax::Mutation;

/// Path used for examples of rules that do not name one.
const DEFAULT_EXAMPLE_PATH: &str = "example.txt";

/// One way a rule fails its own contract.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckFailure {
    pub rule: String,
    pub source: String,
    pub message: String,
}

impl fmt::Display for CheckFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: rule `{}`: {}", self.source, self.rule, self.message)
    }
}

/// Check every rule; `strict` adds the catalogue's conventions (kebab ids,
/// lowercase keywords, a capture group, examples of both kinds).
pub fn check_rules(set: &RuleSet, strict: bool) -> Vec<CheckFailure> {
    let mut failures = Vec::new();
    let mut seen: HashMap<&str, &str> = HashMap::new();
    for rule in &set.rules {
        let mut fail = |message: String| {
            failures.push(CheckFailure {
                rule: rule.id.clone(),
                source: rule.source.clone(),
                message,
            })
        };
        // Built-in patterns are only parsed when first used: build them all
        // here, so that the test suite proves every one of them.
        if let Some(Err(e)) = rule
            .regex
            .as_ref()
            .map(|r| r.compile_now(&rule.source, &rule.id, "rule"))
        {
            fail(unlocated(e));
            continue;
        }
        if let Some(Err(message)) = rule
            .explicit_group
            .map(|g| check_secret_group(rule.regex.as_ref(), g))
        {
            fail(message);
        }
        let allowlist_regexes = rule.allowlists.iter().flat_map(|a| &a.regexes);
        for e in allowlist_regexes
            .filter_map(|r| r.compile_now(&rule.source, &rule.id, "allowlist").err())
        {
            fail(unlocated(e));
        }
        for id in std::iter::once(&rule.id).chain(rule.aliases.iter()) {
            if let Some(other) = seen.insert(id, &rule.id) {
                fail(format!("id `{id}` is already used by rule `{other}`"));
            }
        }
        if strict {
            if !is_kebab(&rule.id) {
                fail("id must be lowercase kebab-case".into());
            }
            if rule.description.trim().len() < 10 {
                fail("description must say what leaked and what it allows".into());
            }
            if rule.regex.is_some() && rule.keywords.is_empty() {
                fail("needs at least one keyword for the prefilter".into());
            }
            if rule.keywords.iter().any(|k| k.len() < 3) {
                fail("keywords shorter than 3 characters defeat the prefilter".into());
            }
            if rule.regex.as_ref().is_some_and(|r| r.captures_len() < 2) {
                fail("regex needs a capture group for the secret".into());
            }
            if rule.examples.is_empty() {
                fail("needs at least one example".into());
            }
            if rule.negative_examples.is_empty() {
                fail("needs at least one negative example".into());
            }
        }
        if rule.regex.is_none() {
            // A path-only rule's examples are file paths.
            let fires = |p: &str| {
                set.detect_path_only(p)
                    .iter()
                    .any(|d| set.rules[d.rule].id == rule.id)
            };
            for (i, p) in rule.examples.iter().enumerate() {
                if !fires(p) {
                    fail(format!("example path {} is not flagged: {p}", i + 1));
                }
            }
            for (i, p) in rule.negative_examples.iter().enumerate() {
                if fires(p) {
                    fail(format!("negative example path {} is flagged: {p}", i + 1));
                }
            }
            continue;
        }
        let path = rule.example_path.as_deref().unwrap_or(DEFAULT_EXAMPLE_PATH);
        for (i, ex) in rule.examples.iter().enumerate() {
            let found = set
                .detect(path, ex.as_bytes(), None)
                .iter()
                .any(|d| set.rules[d.rule].id == rule.id && d.inline_allow.is_none());
            if !found {
                fail(format!(
                    "example {} is not detected: {}",
                    i + 1,
                    shorten(ex)
                ));
            }
        }
        if strict {
            for message in mutation_failures(set, rule, path) {
                fail(message);
            }
            for skip in &rule.skip_mutations {
                if skip.reason.trim().len() < 10 {
                    fail(format!(
                        "skipping mutation `{}` needs a reason (the provider's format)",
                        skip.mutation.name()
                    ));
                }
            }
        }
        for (i, ex) in rule.negative_examples.iter().enumerate() {
            let hits: Vec<_> = set
                .detect(path, ex.as_bytes(), None)
                .into_iter()
                .filter(|d| set.rules[d.rule].id == rule.id)
                .collect();
            if let Some(d) = hits.first() {
                let secret = String::from_utf8_lossy(&ex.as_bytes()[d.secret_start..d.secret_end]);
                fail(format!(
                    "negative example {} is detected (secret `{}`): {}",
                    i + 1,
                    shorten(&secret),
                    shorten(ex)
                ));
            }
        }
    }
    for r in set.global_allowlists.iter().flat_map(|a| &a.regexes) {
        if let Err(e) = r.compile_now("global allowlists", "(global allowlist)", "allowlist") {
            failures.push(CheckFailure {
                rule: "(global allowlist)".into(),
                source: "global allowlists".into(),
                message: unlocated(e),
            });
        }
    }
    failures
}

/// Characters tried, in order, as the one outside a secret's alphabet:
/// letters first (outside hex, outside digits), then punctuation.
const FOREIGN_CHARS: &[char] = &['g', 'z', 'G', 'Z', '_', '-', '.', '+', '/', '~', '!', '#'];

/// A longest length at or above this is a guard against runaway matches, not
/// a documented length: values are not lengthened past it.
const LENGTH_CAP: usize = 256;

/// Placeholders written where a key belongs in docs and templates.
const PLACEHOLDERS: &[&str] = &["<your-api-key>", "${API_KEY}", "your_api_key_here"];

/// The secret group alone, and the lengths it accepts.
struct SecretShape<'a> {
    alone: &'a meta::Regex,
    min_len: usize,
    max_len: Option<usize>,
}

impl SecretShape<'_> {
    fn accepts(&self, value: &str) -> bool {
        self.alone.is_match(value.as_bytes())
    }
}

/// Wrong-shape variants of each example's secret (see [`Mutation`]) that the
/// rule matches: one message per example and mutation, naming the variant.
/// Rules that decode their value, or whose secret is the whole match, are
/// judged on other grounds and skipped.
fn mutation_failures(set: &RuleSet, rule: &Rule, path: &str) -> Vec<String> {
    let group = rule.secret_group();
    let Some(shape) = rule.regex.as_ref().and_then(|r| {
        let (min_len, max_len) = r.group_lengths(group)?;
        Some(SecretShape {
            alone: r.whole(group)?,
            min_len,
            max_len,
        })
    }) else {
        return Vec::new();
    };
    if rule.decode.is_some() {
        return Vec::new();
    }
    // The secret the rule reports in a variant that betrays the mutation.
    let fires = |v: &Variant| {
        set.detect(path, v.text.as_bytes(), None)
            .into_iter()
            .filter(|d| set.rules[d.rule].id == rule.id && d.inline_allow.is_none())
            .find(|d| v.caught_by(d.secret_start, d.secret_end))
            .map(|d| {
                String::from_utf8_lossy(&v.text.as_bytes()[d.secret_start..d.secret_end])
                    .into_owned()
            })
    };
    let mut messages = Vec::new();
    for (i, ex) in rule.examples.iter().enumerate() {
        let Some(d) = set
            .detect(path, ex.as_bytes(), None)
            .into_iter()
            .find(|d| set.rules[d.rule].id == rule.id)
        else {
            continue;
        };
        let (start, end) = (d.secret_start, d.secret_end);
        if !ex.is_char_boundary(start) || !ex.is_char_boundary(end) || start == end {
            continue;
        }
        for mutation in Mutation::ALL {
            if rule.skip_mutations.iter().any(|s| s.mutation == mutation) {
                continue;
            }
            let variants = variants(mutation, rule, &shape, ex, start, end);
            if let Some((what, text, secret)) = variants
                .into_iter()
                .find_map(|v| fires(&v).map(|s| (v.what, v.text, s)))
            {
                messages.push(format!(
                    "example {}, mutation `{}` ({what}) is detected (secret `{}`): {}",
                    i + 1,
                    mutation.name(),
                    shorten(&secret),
                    shorten(&text)
                ));
            }
        }
    }
    messages
}

/// One variant of an example.
struct Variant {
    /// A few words saying what was done.
    what: String,
    text: String,
    /// Where the changed value sits in `text`: only a secret that overlaps
    /// it counts (an example may hold a second, untouched secret). None: the
    /// value is unchanged (the context around it was).
    region: Option<(usize, usize)>,
    /// The foreign character and its byte offset, for [`Mutation::ForeignChar`].
    foreign: Option<(usize, char)>,
}

impl Variant {
    /// A secret reported in `text` at `start..end` that betrays the mutation.
    fn caught_by(&self, start: usize, end: usize) -> bool {
        if let Some((at, c)) = self.foreign {
            // Only a secret that holds the foreign character, or stops at it
            // when it is a token character (a letter, digit, `_`, `-`): a
            // value cut at `~` or `!` is a value of its own, which the rule's
            // length range may well allow.
            let token_char = c.is_ascii_alphanumeric() || c == '_' || c == '-';
            return (start <= at && at < end)
                || (token_char && (end == at || start == at + c.len_utf8()));
        }
        self.region.is_none_or(|(s, e)| start <= e && s <= end)
    }
}

/// The texts a mutation makes of `ex`, whose secret is `ex[start..end]`, each
/// with a few words saying what was done. Empty when the mutation does not
/// apply (the group accepts any length, the rule has no keyword to glue...).
fn variants(
    mutation: Mutation,
    rule: &Rule,
    shape: &SecretShape<'_>,
    ex: &str,
    start: usize,
    end: usize,
) -> Vec<Variant> {
    let secret = &ex[start..end];
    // The example with its secret replaced by `value`.
    let with = |what: String, value: &str| Variant {
        what,
        text: format!("{}{value}{}", &ex[..start], &ex[end..]),
        region: Some((start, start + value.len())),
        foreign: None,
    };
    let len = secret.chars().count();
    match mutation {
        Mutation::Longer => {
            // A cap this long guards against runaway matches; it is no
            // documented length. URLs are as long as their paths.
            let Some(max) = shape.max_len.filter(|&m| m < LENGTH_CAP) else {
                return Vec::new();
            };
            if secret.contains("://") {
                return Vec::new();
            }
            // Characters of the secret's own alphabet: its alphanumerics,
            // from the end (past any fixed prefix).
            let own: Vec<char> = secret
                .chars()
                .rev()
                .filter(char::is_ascii_alphanumeric)
                .take(8)
                .collect();
            if own.is_empty() {
                return Vec::new();
            }
            let extra: String = own.iter().cycle().take(max + 3 - secret.len()).collect();
            let mut out = Vec::new();
            let longer = format!("{secret}{extra}");
            if !shape.accepts(&longer) {
                out.push(with(
                    format!(
                        "{} characters where the rule allows at most {max}",
                        longer.len()
                    ),
                    &longer,
                ));
            }
            let longer = format!("{extra}{secret}");
            if !shape.accepts(&longer) {
                out.push(with(
                    format!(
                        "{} characters, added at the start, where the rule allows at most {max}",
                        longer.len()
                    ),
                    &longer,
                ));
            }
            out
        }
        Mutation::Shorter => {
            let cut: String = secret.chars().take(len * 2 / 3).collect();
            if cut.len() >= shape.min_len || shape.accepts(&cut) {
                return Vec::new();
            }
            vec![with(
                format!(
                    "{} characters where the rule needs {}",
                    cut.len(),
                    shape.min_len
                ),
                &cut,
            )]
        }
        Mutation::ForeignChar => {
            let mid = len / 2;
            FOREIGN_CHARS
                .iter()
                .map(|&c| {
                    secret
                        .chars()
                        .enumerate()
                        .map(|(j, x)| if j == mid { c } else { x })
                        .collect::<String>()
                })
                .find(|v| v != secret && !shape.accepts(v))
                .map(|v| {
                    let (offset, c) = v.char_indices().nth(mid).unwrap_or((0, '?'));
                    Variant {
                        foreign: Some((start + offset, c)),
                        ..with(format!("`{c}` in the middle"), &v)
                    }
                })
                .into_iter()
                .collect()
        }
        Mutation::GluedKeyword => {
            // Only keywords of letters are held to word boundaries, and a
            // keyword inside the secret (a prefix) names it on its own.
            let lower_secret = secret.to_ascii_lowercase();
            let lower_ex = ex.to_ascii_lowercase();
            let unglued = rule.keywords.iter().any(|k| {
                lower_secret.contains(k.as_str())
                    || (!k.bytes().all(|b| b.is_ascii_alphabetic())
                        && lower_ex.contains(k.as_str()))
            });
            if !rule.keyword_boundary || unglued {
                return Vec::new();
            }
            let glued = glue_keywords(ex, start, end, &rule.keywords);
            if glued == ex {
                return Vec::new();
            }
            vec![Variant {
                what: "the keyword inside a longer identifier".into(),
                text: glued,
                region: None,
                foreign: None,
            }]
        }
        Mutation::Placeholder => {
            let mut out: Vec<Variant> = PLACEHOLDERS
                .iter()
                .map(|p| with(format!("`{p}`"), p))
                .collect();
            // `xxxx` over the random part, any fixed prefix (`sk_live_`) kept.
            let keep = secret
                .char_indices()
                .take(9)
                .filter(|&(_, c)| c == '_' || c == '-')
                .map(|(j, c)| j + c.len_utf8())
                .last()
                .unwrap_or(0);
            let xs: String = secret[..keep]
                .chars()
                .chain(
                    secret[keep..]
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { 'x' } else { c }),
                )
                .collect();
            out.push(with("`xxxx…`".into(), &xs));
            out
        }
        Mutation::CaseFlip => [secret.to_lowercase(), secret.to_uppercase()]
            .into_iter()
            .filter(|v| v != secret && !shape.accepts(v))
            .map(|v| {
                let what = if v == secret.to_lowercase() {
                    "lowercased"
                } else {
                    "uppercased"
                };
                with(what.into(), &v)
            })
            .collect(),
    }
}

/// `ex` with every keyword outside the secret glued between two letters
/// (`OKTA_TOKEN` → `XOKTAY_TOKEN`, `oktaToken` → `xoktayToken`).
fn glue_keywords(ex: &str, start: usize, end: usize, keywords: &[String]) -> String {
    let lower = ex.to_ascii_lowercase();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for k in keywords.iter().filter(|k| !k.is_empty()) {
        for (at, _) in lower.match_indices(k.as_str()) {
            let span = (at, at + k.len());
            let in_secret = span.0 < end && span.1 > start;
            let overlaps = spans.iter().any(|s| s.0 < span.1 && span.0 < s.1);
            if !in_secret && !overlaps && ex.is_char_boundary(span.0) && ex.is_char_boundary(span.1)
            {
                spans.push(span);
            }
        }
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(ex.len() + 2 * spans.len());
    let mut at = 0;
    for (s, e) in spans {
        let word = &ex[s..e];
        let upper = word.chars().any(|c| c.is_ascii_uppercase())
            && !word.chars().any(|c| c.is_ascii_lowercase());
        out.push_str(&ex[at..s]);
        if upper {
            out.push('X');
            out.push_str(word);
            out.push('Y');
        } else {
            out.push('x');
            out.push_str(&word.to_ascii_lowercase());
            out.push('y');
        }
        at = e;
    }
    out.push_str(&ex[at..]);
    out
}

/// A compile error without the file and rule a [`CheckFailure`] already names.
fn unlocated(e: CompileError) -> String {
    match e {
        CompileError::Regex { what, message, .. } => format!("invalid {what} regex: {message}"),
        CompileError::Invalid { message, .. } | CompileError::Toml { message, .. } => message,
        e @ CompileError::Duplicate { .. } => e.to_string(),
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn shorten(s: &str) -> String {
    let one_line = s.replace('\n', "⏎");
    if one_line.chars().count() > 120 {
        format!("{}…", one_line.chars().take(120).collect::<String>())
    } else {
        one_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_patterns_are_proved_by_the_check_not_at_load() {
        let rules = r#"
            [[rules]]
            id = "broken-rule"
            description = "A rule whose patterns do not parse."
            regex = '''key=([a-z]{8)'''
            secret_group = 3
            keywords = ["key"]
            allowlists = [{ regexes = ['''(unclosed'''] }]
            examples = ["key=abcdefgh"]
            negative_examples = ["key=abc"]
        "#;
        let sources = vec![("broken.toml".to_string(), rules.to_string())];
        let (rules, globals) =
            crate::secrets::compile_sources(&sources, crate::secrets::Origin::BuiltIn)
                .expect("built-in patterns are not parsed at load");
        let set = RuleSet::new(rules, globals).unwrap();
        assert!(set.detect("a.txt", b"key=abcdefgh", None).is_empty());
        let messages: Vec<String> = check_rules(&set, false)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(
            messages[0].starts_with("broken.toml: rule `broken-rule`: invalid rule regex"),
            "{messages:?}"
        );
        assert!(
            crate::secrets::compile_sources(&sources, crate::secrets::Origin::User).is_err(),
            "a user's rule is checked when it is loaded"
        );
    }

    fn strict_messages(rules: &str) -> Vec<String> {
        let set = crate::secrets::test_rule_set("m.toml", rules);
        check_rules(&set, true)
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// A 32-hex rule whose right side is `tail`, with `extra` TOML lines.
    fn hex_rule(tail: &str, extra: &str) -> String {
        format!(
            r#"
            [[rules]]
            id = "acme-key"
            description = "Acme API key, reads the account."
            regex = '''(?i)\bacme[_-]?key\s*=\s*([a-f0-9]{{32}}){tail}'''
            keywords = ["acme"]
            keyword_boundary = true
            entropy = 2.5
            {extra}
            examples = ["ACME_KEY=8cdad5ad578e853ce60822b6f9e14aeb"]
            negative_examples = ["ACME_KEY=<acme-key>"]
            "#
        )
    }

    #[test]
    fn a_value_longer_than_the_rule_allows_is_a_failure_naming_rule_example_and_mutation() {
        let messages = strict_messages(&hex_rule("", ""));
        assert!(
            messages.iter().any(|m| m.starts_with(
                "m.toml: rule `acme-key`: example 1, mutation `longer` (35 characters where the rule allows at most 32) is detected"
            )),
            "{messages:?}"
        );
        // `g` after the first half: a 16-character run is no key of this rule.
        assert!(
            messages.iter().all(|m| !m.contains("mutation `shorter`")),
            "{messages:?}"
        );
    }

    #[test]
    fn a_rule_with_exact_length_and_boundaries_passes_every_mutation() {
        let messages = strict_messages(&hex_rule("(?:[^0-9A-Za-z_-]|$)", ""));
        assert!(messages.is_empty(), "{messages:?}");
    }

    #[test]
    fn a_skipped_mutation_needs_a_reason_and_is_not_tried() {
        let skipped = hex_rule(
            "",
            r#"skip_mutations = [{ mutation = "longer", reason = "Acme documents keys of any length." }]"#,
        );
        let messages = strict_messages(&skipped);
        assert!(messages.is_empty(), "{messages:?}");
        let no_reason = hex_rule(
            "(?:[^0-9A-Za-z_-]|$)",
            r#"skip_mutations = [{ mutation = "longer", reason = "" }]"#,
        );
        let messages = strict_messages(&no_reason);
        assert_eq!(messages.len(), 1, "{messages:?}");
        assert!(messages[0].contains("skipping mutation `longer` needs a reason"));
    }

    #[test]
    fn placeholders_are_tried_and_word_keywords_hold_when_glued() {
        // No entropy floor: `xxxx` matches.
        let lax = r#"
            [[rules]]
            id = "acme-key"
            description = "Acme API key, reads the account."
            regex = '''(?i)acme[_-]?key\s*=\s*([a-z0-9]{32})(?:[^0-9A-Za-z_-]|$)'''
            keywords = ["acme"]
            keyword_boundary = true
            examples = ["ACME_KEY=8cdad5ad578e853ce60822b6f9e14aeb"]
            negative_examples = ["ACME_KEY=<acme-key>"]
        "#;
        let messages = strict_messages(lax);
        assert!(
            messages
                .iter()
                .any(|m| m.contains("mutation `placeholder` (`xxxx…`)")),
            "{messages:?}"
        );
        // `(?i)` covers the value too: case is no part of its shape.
        assert!(
            messages.iter().all(|m| !m.contains("case-flip")),
            "{messages:?}"
        );
        // `XACMEY_KEY` wakes no rule that wants `acme` as a word.
        assert!(
            messages.iter().all(|m| !m.contains("glued-keyword")),
            "{messages:?}"
        );
    }

    #[test]
    fn keywords_are_glued_between_letters_of_their_own_case() {
        assert_eq!(
            glue_keywords("ACME_KEY=1 acmeToken=2", 9, 10, &["acme".into()]),
            "XACMEY_KEY=1 xacmeyToken=2"
        );
        // Never inside the secret.
        assert_eq!(
            glue_keywords("key=acme123", 4, 11, &["acme".into()]),
            "key=acme123"
        );
    }

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("github-pat"));
        assert!(is_kebab("aws-access-key-id"));
        assert!(!is_kebab("GitHub_PAT"));
        assert!(!is_kebab("-x"));
        assert!(!is_kebab("a--b"));
    }
}
