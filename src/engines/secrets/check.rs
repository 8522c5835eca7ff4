//! `gate rules check`: every rule, run through the real pipeline against its
//! own examples and negative examples; every failure collected and reported.

use std::collections::HashMap;
use std::fmt;

use super::compile::{check_secret_group, CompileError};
use super::detect::RuleSet;

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

    #[test]
    fn kebab_ids() {
        assert!(is_kebab("github-pat"));
        assert!(is_kebab("aws-access-key-id"));
        assert!(!is_kebab("GitHub_PAT"));
        assert!(!is_kebab("-x"));
        assert!(!is_kebab("a--b"));
    }
}
