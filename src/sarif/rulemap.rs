//! One rule, many names: ruff's flake8-bandit codes (`S602`) and rule names
//! (`subprocess-popen-with-shell-equals-true`, written with `--preview`) are
//! bandit's rules (`B602`). The table is data (rules/sarif/bandit-ruff.json).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

static MAP_JSON: &str = include_str!("../../rules/sarif/bandit-ruff.json");

#[derive(Debug, Deserialize)]
struct Entry {
    bandit: Option<String>,
    bandit_name: Option<String>,
    ruff: Option<String>,
    ruff_name: Option<String>,
}

/// The bandit ↔ ruff rule table.
#[derive(Debug)]
pub struct RuleMap {
    /// Any alias (ruff code, ruff name, bandit name) → bandit id.
    to_bandit: HashMap<String, usize>,
    entries: Vec<Entry>,
}

impl RuleMap {
    /// The embedded table.
    pub fn get() -> &'static RuleMap {
        static MAP: OnceLock<RuleMap> = OnceLock::new();
        MAP.get_or_init(|| {
            let all: Vec<Entry> =
                serde_json::from_str(MAP_JSON).expect("embedded rule map is valid JSON");
            // ruff rules bandit does not have (S320, S410) keep their own ids.
            let entries: Vec<Entry> = all.into_iter().filter(|e| e.bandit.is_some()).collect();
            let mut to_bandit = HashMap::new();
            for (i, e) in entries.iter().enumerate() {
                if let Some(id) = &e.bandit {
                    to_bandit.insert(id.clone(), i);
                }
                if let Some(code) = &e.ruff {
                    to_bandit.insert(code.clone(), i);
                }
                if let Some(name) = &e.ruff_name {
                    to_bandit.insert(name.clone(), i);
                }
            }
            RuleMap { to_bandit, entries }
        })
    }

    /// The id gate uses for a rule reported under `id`: the bandit id for any
    /// bandit or ruff alias, the hygiene check for a zizmor, hadolint or
    /// checkov id (`zizmor/unpinned-uses` → `unpinned-uses`), else `id` unchanged.
    pub fn canonical<'a>(&'a self, id: &'a str) -> &'a str {
        match self.to_bandit.get(id) {
            Some(&i) => self.entries[i].bandit.as_deref().unwrap_or(id),
            None => crate::hygiene::registry::canonical(id).unwrap_or(id),
        }
    }

    /// ruff's code for a bandit id (`B602` → `S602`), for `# noqa` comments.
    pub fn ruff_code(&self, bandit_id: &str) -> Option<&str> {
        let &i = self.to_bandit.get(bandit_id)?;
        self.entries[i].ruff.as_deref()
    }

    /// bandit's name for its rule (`B602` → `subprocess_popen_with_shell_equals_true`).
    pub fn bandit_name(&self, bandit_id: &str) -> Option<&str> {
        let &i = self.to_bandit.get(bandit_id)?;
        self.entries[i].bandit_name.as_deref()
    }

    /// Whether `id` is a bandit id this table knows.
    pub fn is_bandit_id(&self, id: &str) -> bool {
        self.to_bandit
            .get(id)
            .is_some_and(|&i| self.entries[i].bandit.as_deref() == Some(id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ruff_codes_and_preview_names_map_to_bandit_ids() {
        let m = RuleMap::get();
        assert_eq!(m.canonical("S602"), "B602");
        assert_eq!(
            m.canonical("subprocess-popen-with-shell-equals-true"),
            "B602"
        );
        assert_eq!(m.canonical("B602"), "B602");
        assert_eq!(m.canonical("F401"), "F401");
        assert_eq!(m.ruff_code("B602"), Some("S602"));
        assert_eq!(m.ruff_code("B613"), None);
        assert!(m.is_bandit_id("B101"));
        assert!(!m.is_bandit_id("S101"));
    }
}
