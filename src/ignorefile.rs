//! `.gateignore` and `.gitleaksignore`: fingerprints of reviewed findings.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::finding::{Finding, Suppression, SuppressionKind};
use crate::walk::GATE_IGNORE_FILE;

/// gitleaks' ignore file, honoured for teams moving over.
pub const GITLEAKS_IGNORE_FILE: &str = ".gitleaksignore";

/// Fingerprints to suppress, and the file each came from.
#[derive(Debug, Default)]
pub struct IgnoreList {
    entries: HashMap<String, &'static str>,
}

/// Whether a `.gateignore` line is a fingerprint (rather than a path pattern):
/// gate's own (`<20 hex>:<n>`) or gitleaks' (`[commit:]path:rule:line`).
pub fn is_fingerprint(line: &str) -> bool {
    let gate = line.split_once(':').is_some_and(|(h, n)| {
        h.len() == 20 && h.bytes().all(|b| b.is_ascii_hexdigit()) && n.parse::<u32>().is_ok()
    });
    let gitleaks = line.matches(':').count() >= 2
        && line
            .rsplit(':')
            .next()
            .is_some_and(|n| n.parse::<u32>().is_ok());
    gate || gitleaks
}

impl IgnoreList {
    /// Read both files at `root` (missing files are fine).
    pub fn load(root: &Path) -> std::io::Result<IgnoreList> {
        let mut list = IgnoreList::default();
        for name in [GATE_IGNORE_FILE, GITLEAKS_IGNORE_FILE] {
            let path = root.join(name);
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => {
                    return Err(std::io::Error::new(
                        e.kind(),
                        format!("{}: {e}", path.display()),
                    ))
                }
            };
            for line in text.lines().map(str::trim) {
                if !line.is_empty() && !line.starts_with('#') && is_fingerprint(line) {
                    list.entries.insert(line.to_string(), name);
                }
            }
        }
        Ok(list)
    }

    /// Mark every listed finding as suppressed (externally). `aliases` maps a
    /// rule id to the other ids it answers to, for gitleaks-style entries.
    pub fn apply(&self, findings: &mut [Finding], aliases: &HashMap<String, Vec<String>>) {
        if self.entries.is_empty() {
            return;
        }
        for f in findings.iter_mut().filter(|f| f.suppression.is_none()) {
            let mut keys: HashSet<String> = HashSet::new();
            keys.insert(f.fingerprint.clone());
            keys.insert(f.gitleaks_fingerprint());
            for alias in aliases.get(&f.rule_id).into_iter().flatten() {
                let mut g = f.clone();
                g.rule_id = alias.clone();
                keys.insert(g.gitleaks_fingerprint());
            }
            if let Some(file) = keys.iter().find_map(|k| self.entries.get(k)) {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::External,
                    justification: format!("listed in {file}"),
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_both_fingerprint_forms() {
        assert!(is_fingerprint("0123456789abcdef0123:1"));
        assert!(is_fingerprint("config/app.py:github-pat:12"));
        assert!(is_fingerprint("abc123:config/app.py:github-pat:12"));
        assert!(!is_fingerprint("build/"));
        assert!(!is_fingerprint("*.min.js"));
    }
}
