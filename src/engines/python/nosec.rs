//! `# nosec` as bandit reads it: only in real comments, case-sensitive,
//! `# nosec B602, B101` (or test names) limiting it to those checks.

use std::collections::HashMap;
use std::sync::OnceLock;

use regex::Regex;

/// What one `# nosec` comment suppresses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nosec {
    /// Check ids named by the comment; empty means every check.
    pub ids: Vec<&'static str>,
    /// The comment text, for the finding's suppression justification.
    pub comment: String,
}

fn comment_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"#\s*nosec:?\s*(?P<tests>[^#]+)?#?").expect("valid regex"))
}

fn tests_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?i)(?:(B\d+|[a-z\d_]+),?)+").expect("valid regex"))
}

/// Parse one comment; `lookup` maps a test id or test name to its id.
pub fn parse(comment: &str, lookup: impl Fn(&str) -> Option<&'static str>) -> Option<Nosec> {
    let caps = comment_re().captures(comment)?;
    let mut ids = Vec::new();
    if let Some(tests) = caps.name("tests") {
        for m in tests_re().captures_iter(tests.as_str()) {
            // A repeated group keeps its last repetition: `B602,B101` names only B101.
            if let Some(id) = m.get(1).and_then(|t| lookup(t.as_str())) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
    }
    Some(Nosec {
        ids,
        comment: comment.trim().to_string(),
    })
}

/// Every `# nosec` of a file, by 1-based line.
#[derive(Debug, Default)]
pub struct NosecLines {
    lines: HashMap<u32, Nosec>,
}

impl NosecLines {
    /// Record the comment on `line` (a later comment on the same line replaces it).
    pub fn insert(&mut self, line: u32, nosec: Nosec) {
        self.lines.insert(line, nosec);
    }

    /// Whether there are none at all (the common case: skip all lookups).
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The comment suppressing check `id` reported on `line` for a node spanning
    /// `scope`, as bandit's tester decides it: the ids of the issue's line and of
    /// the first commented line of the scope are united; none named means all.
    pub fn suppresses(&self, id: &str, line: u32, scope: (u32, u32)) -> Option<&Nosec> {
        if self.lines.is_empty() {
            return None;
        }
        let base = self.lines.get(&line);
        let ctx = (scope.0..=scope.1).find_map(|l| self.lines.get(&l));
        if base.is_none() && ctx.is_none() {
            return None;
        }
        let named = base.iter().chain(ctx.iter()).any(|n| !n.ids.is_empty());
        let hit = base.iter().chain(ctx.iter()).any(|n| n.ids.contains(&id));
        if !named || hit {
            base.or(ctx)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lookup(s: &str) -> Option<&'static str> {
        match s {
            "B602" => Some("B602"),
            "B101" | "assert_used" => Some("B101"),
            _ => None,
        }
    }

    #[test]
    fn bare_nosec_names_nothing() {
        let n = parse("# nosec", lookup).unwrap();
        assert!(n.ids.is_empty());
        assert!(parse("# NOSEC", lookup).is_none());
        assert!(parse("# no sec", lookup).is_none());
    }

    #[test]
    fn comma_without_space_keeps_only_the_last_id() {
        assert_eq!(
            parse("# nosec B602,B101", lookup).unwrap().ids,
            vec!["B101"]
        );
        assert_eq!(
            parse("# nosec B602, B101", lookup).unwrap().ids,
            vec!["B602", "B101"]
        );
        assert_eq!(
            parse("#nosec: assert_used", lookup).unwrap().ids,
            vec!["B101"]
        );
    }

    #[test]
    fn unknown_words_suppress_everything() {
        let n = parse("# nosec because it is fine", lookup).unwrap();
        assert!(n.ids.is_empty());
    }

    #[test]
    fn scope_lines_and_issue_line_unite() {
        let mut lines = NosecLines::default();
        lines.insert(3, parse("# nosec B602", lookup).unwrap());
        assert!(lines.suppresses("B602", 1, (1, 3)).is_some());
        assert!(lines.suppresses("B101", 1, (1, 3)).is_none());
        assert!(lines.suppresses("B602", 4, (4, 5)).is_none());
        lines.insert(4, parse("# nosec", lookup).unwrap());
        // A bare nosec on the issue line plus named ids in scope: only those ids.
        assert!(lines.suppresses("B101", 4, (3, 4)).is_none());
        assert!(lines.suppresses("B101", 4, (4, 4)).is_some());
    }
}
