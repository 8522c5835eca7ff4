//! The native engines, side by side: [`secrets`] (rules as data),
//! [`python`] (bandit's checks on tree-sitter-python) and [`hygiene`] (the
//! pipeline's own files). Each implements [`Engine`]: something that turns
//! one file's bytes into findings.

pub mod hygiene;
pub mod python;
pub mod secrets;

use std::borrow::Cow;

use serde::Serialize;

use crate::diagnostic::Diagnostic;
use crate::finding::{Confidence, Finding, Severity};

/// One file handed to the engines, already read and known not to be binary.
#[derive(Debug, Clone, Copy)]
pub struct SourceFile<'a> {
    /// Report path: relative to the root, POSIX separators.
    pub path: &'a str,
    /// The raw bytes (possibly invalid UTF-8).
    pub bytes: &'a [u8],
    /// The commit the content comes from, when scanning history.
    pub commit: Option<&'a str>,
}

impl<'a> SourceFile<'a> {
    /// A work-tree file (no commit).
    pub fn new(path: &'a str, bytes: &'a [u8]) -> Self {
        SourceFile {
            path,
            bytes,
            commit: None,
        }
    }

    /// The text, with invalid UTF-8 replaced by U+FFFD (borrowed when already valid).
    pub fn text(&self) -> Cow<'a, str> {
        String::from_utf8_lossy(self.bytes)
    }
}

/// What an engine produced for one file.
#[derive(Debug, Default)]
pub struct FileOutput {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
}

/// A scanning engine. Engines are immutable and shared across worker threads.
pub trait Engine: Send + Sync {
    /// The engine's name as used by `--engines` and as the finding's tool (`gate-<name>`).
    fn name(&self) -> &'static str;
    /// Whether this engine looks at a file with this report path at all.
    fn wants(&self, path: &str) -> bool;
    /// Scan one file.
    fn scan(&self, file: &SourceFile<'_>, out: &mut FileOutput);
    /// Look at a binary file (never its content: only what its path says).
    fn scan_binary(&self, _file: &SourceFile<'_>, _out: &mut FileOutput) {}
    /// Whether the engine can scan fragments of files (the lines a commit
    /// added) rather than only whole files.
    fn scans_fragments(&self) -> bool {
        false
    }
    /// Once per work-tree or index scan, after the files: findings about
    /// files the scan never handed to [`Engine::scan`] (a tracked `.env`
    /// that `.gitignore` hides from the walker). `allows` says whether a
    /// report path is in the scan's scope (PATH arguments, excludes).
    fn scan_repository(&self, _allows: &dyn Fn(&str) -> bool, _out: &mut FileOutput) {}
    /// The engine's rule catalogue, for `gate rules` and the SARIF rule table.
    fn rules(&self) -> Vec<RuleInfo>;
    /// The secret values this engine finds in arbitrary text, or `None` when
    /// it does not look for secrets. Used to mask what other engines and
    /// imported tools quote (see [`crate::redact`]).
    fn secrets_in(&self, _text: &[u8]) -> Option<Vec<String>> {
        None
    }
    /// Other ids rules answer to (rule id → aliases), for ignore files written for other tools.
    fn rule_aliases(&self) -> Vec<(String, Vec<String>)> {
        Vec::new()
    }
}

/// A rule as reports and `gate rules` describe it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleInfo {
    pub id: String,
    /// Human name (`subprocess_popen_with_shell_equals_true`, `GitHub personal access token`).
    pub name: String,
    /// Engine or tool the rule belongs to.
    pub tool: String,
    pub short_description: String,
    pub full_description: String,
    /// Markdown help: what, why, how to fix.
    pub help: String,
    pub severity: Severity,
    pub confidence: Confidence,
    pub cwe: Option<u32>,
    pub tags: Vec<String>,
    pub references: Vec<String>,
}
