//! What the repository says about a `.env` file: whether git tracks it, and
//! whether `.gitignore` covers it. Asked only for `.env` files (one
//! `git ls-files` per scan, run the first time one is met), so a scan
//! without them never starts git.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use ignore::gitignore::GitignoreBuilder;
use ignore::Match;

use crate::git;

/// The pathspecs of `.env`-style names (`**/` also matches the top directory).
pub const ENV_PATHSPECS: &[&str] = &[":(glob)**/.env", ":(glob)**/.env.*", ":(glob)**/*.env"];

/// Where a `.env` file stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnvStatus {
    /// In the index being committed (`--staged`).
    Staged,
    /// Tracked by git.
    Tracked,
    /// Not tracked, and no `.gitignore` covers it: the next `git add .` commits it.
    NotIgnored,
    /// Not tracked and covered by `.gitignore`: as it should be.
    Ignored,
}

/// The repository a scan runs in.
#[derive(Debug)]
pub struct Repo {
    root: PathBuf,
    /// The scan reads the index (`--staged`), not the work tree.
    staged: bool,
    /// The walker leaves out what `.gitignore` matches, so a tracked file it
    /// matches is never handed to the engine (see [`Repo::hidden_tracked_env`]).
    walker_honours_gitignore: bool,
    /// Tracked `.env`-style paths, relative to `root`; `None` outside a git repository.
    tracked: OnceLock<Option<HashSet<String>>>,
}

impl Repo {
    /// The repository at `root` (a git work tree or a plain directory).
    pub fn new(root: &Path, staged: bool, walker_honours_gitignore: bool) -> Self {
        Repo {
            root: root.canonicalize().unwrap_or_else(|_| root.to_path_buf()),
            staged,
            walker_honours_gitignore,
            tracked: OnceLock::new(),
        }
    }

    fn tracked(&self) -> Option<&HashSet<String>> {
        self.tracked
            .get_or_init(|| {
                git::ls_files(&self.root, &["--cached"], ENV_PATHSPECS)
                    .ok()
                    .map(|v| v.into_iter().collect())
            })
            .as_ref()
    }

    /// Where the `.env` file at this report path stands.
    pub fn env_status(&self, path: &str) -> EnvStatus {
        if self.staged {
            EnvStatus::Staged
        } else if self.tracked().is_some_and(|t| t.contains(path)) {
            EnvStatus::Tracked
        } else if gitignored(&self.root, path) {
            EnvStatus::Ignored
        } else {
            EnvStatus::NotIgnored
        }
    }

    /// Tracked `.env`-style files that `.gitignore` also matches: the walker
    /// never yields them, yet every clone gets them. Empty outside git, for
    /// `--staged` (the index is scanned whatever `.gitignore` says), and when
    /// the walker reads every file anyway.
    pub fn hidden_tracked_env(&self) -> Vec<String> {
        if self.staged || !self.walker_honours_gitignore {
            return Vec::new();
        }
        git::ls_files(
            &self.root,
            &["--cached", "--ignored", "--exclude-standard"],
            ENV_PATHSPECS,
        )
        .unwrap_or_default()
    }

    /// The file's bytes in the work tree (empty when it is gone: deleted but still tracked).
    pub fn read(&self, path: &str) -> Vec<u8> {
        std::fs::read(self.root.join(path)).unwrap_or_default()
    }
}

/// Whether a `.gitignore` (in the file's directory or any above it, up to
/// the repository top) or `.git/info/exclude` ignores the path. The deepest
/// file that says anything decides, as git reads them.
pub fn gitignored(root: &Path, path: &str) -> bool {
    let full = root.join(path);
    let mut dir = full.parent();
    while let Some(d) = dir {
        let top = d.join(".git").exists();
        let mut files = vec![d.join(".gitignore")];
        if top {
            files.push(d.join(".git/info/exclude"));
        }
        for f in files.iter().filter(|f| f.is_file()) {
            // Rooted at `d`: `.git/info/exclude` patterns are relative to the top too.
            let mut b = GitignoreBuilder::new(d);
            b.add(f);
            let Ok(gi) = b.build() else {
                continue;
            };
            match gi.matched_path_or_any_parents(&full, false) {
                Match::Ignore(_) => return true,
                Match::Whitelist(_) => return false,
                Match::None => {}
            }
        }
        if top {
            break;
        }
        dir = d.parent();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_gitignores_decide_deepest_first() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join(".git")).unwrap();
        std::fs::create_dir_all(t.path().join("app/keep")).unwrap();
        std::fs::write(t.path().join(".gitignore"), ".env\n*.env\n").unwrap();
        std::fs::write(t.path().join("app/keep/.gitignore"), "!.env\n").unwrap();
        assert!(gitignored(t.path(), ".env"));
        assert!(gitignored(t.path(), "app/prod.env"));
        assert!(!gitignored(t.path(), "app/keep/.env"));
        assert!(!gitignored(t.path(), ".env.production"));
    }
}
