//! Baselines: an earlier SARIF file (gate's `gate baseline` output, or any
//! tool's) whose findings no longer count. Matching is by content, never by
//! line number, so code moving down a file does not resurrect old findings:
//! gate's fingerprint first, then GitHub's line hash, then the folded source
//! line, then (for SARIF that carries neither) the message.

use std::collections::HashMap;
use std::path::Path;

use crate::finding::{BaselineState, Finding};
use crate::sarif::read::{read_file, SarifError};
use crate::sarif::{GATE_FINGERPRINT_KEY, LINE_HASH_KEY};

/// One finding the baseline knows.
#[derive(Debug, Clone)]
struct Known {
    rule: String,
    path: String,
    gate: Option<String>,
    line_hash: Option<String>,
    content: Option<String>,
    message: String,
}

/// The findings of an earlier run.
#[derive(Debug, Default)]
pub struct Baseline {
    known: Vec<Known>,
}

fn fold(s: &str) -> String {
    s.lines()
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

impl Baseline {
    /// Read a baseline SARIF file; paths are normalised against `root`.
    pub fn load(path: &Path, root: &Path) -> Result<Baseline, SarifError> {
        let input = read_file(path, root)?;
        let known = input
            .results
            .into_iter()
            .map(|r| Known {
                rule: r.finding.rule_id,
                path: r.finding.path,
                gate: r.fingerprints.get(GATE_FINGERPRINT_KEY).cloned(),
                line_hash: r.fingerprints.get(LINE_HASH_KEY).cloned(),
                content: r.finding.snippet.as_deref().map(fold),
                message: r.finding.message,
            })
            .collect();
        Ok(Baseline { known })
    }

    /// How many findings the baseline holds.
    pub fn len(&self) -> usize {
        self.known.len()
    }

    /// Whether the baseline holds no findings.
    pub fn is_empty(&self) -> bool {
        self.known.is_empty()
    }

    /// Mark every finding `new` or `unchanged`; each baseline entry matches
    /// at most one finding. Strong keys are tried for every finding before
    /// weak ones, and the weak ones (source line, then message) only for baseline
    /// entries that carry no fingerprint at all, so that a message shared by
    /// many findings never matches the wrong one. Returns how many baseline
    /// findings are gone.
    pub fn apply(&self, findings: &mut [Finding]) -> usize {
        let mut used = vec![false; self.known.len()];
        let mut matched = vec![false; findings.len()];
        let unfingerprinted = |k: &Known| k.gate.is_none() && k.line_hash.is_none();
        type Key<'k> = (&'k str, &'k str, &'k str);
        let mut by_gate: HashMap<&str, Vec<usize>> = HashMap::new();
        let mut by_hash: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
        let mut by_content: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
        let mut by_message: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
        for (i, k) in self.known.iter().enumerate() {
            if let Some(g) = &k.gate {
                by_gate.entry(g).or_default().push(i);
            }
            if let Some(h) = &k.line_hash {
                by_hash.entry((&k.rule, &k.path, h)).or_default().push(i);
            }
            if unfingerprinted(k) {
                if let Some(c) = &k.content {
                    by_content.entry((&k.rule, &k.path, c)).or_default().push(i);
                }
                // Tools' snippets can be wrong (bandit's, on multi-line
                // statements): the message is the last resort for both.
                by_message
                    .entry((&k.rule, &k.path, &k.message))
                    .or_default()
                    .push(i);
            }
        }
        let take = |list: Option<&Vec<usize>>, used: &mut Vec<bool>| -> bool {
            for &i in list.into_iter().flatten() {
                if !used[i] {
                    used[i] = true;
                    return true;
                }
            }
            false
        };
        let contents: Vec<Option<String>> = findings
            .iter()
            .map(|f| f.snippet.as_deref().map(fold))
            .collect();
        for pass in 0..4 {
            for (i, f) in findings.iter().enumerate() {
                if matched[i] {
                    continue;
                }
                let (rule, path) = (f.rule_id.as_str(), f.path.as_str());
                matched[i] = match pass {
                    0 => take(by_gate.get(f.fingerprint.as_str()), &mut used),
                    1 => f
                        .line_hash
                        .as_deref()
                        .is_some_and(|h| take(by_hash.get(&(rule, path, h)), &mut used)),
                    2 => contents[i]
                        .as_deref()
                        .is_some_and(|c| take(by_content.get(&(rule, path, c)), &mut used)),
                    _ => take(by_message.get(&(rule, path, f.message.as_str())), &mut used),
                };
            }
        }
        for (f, m) in findings.iter_mut().zip(matched) {
            f.baseline_state = Some(if m {
                BaselineState::Unchanged
            } else {
                BaselineState::New
            });
        }
        used.iter().filter(|u| !**u).count()
    }
}
