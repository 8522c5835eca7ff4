//! Shared helpers for the integration tests: temp trees and running the binary.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A fake but well-formed GitHub classic token (random, never issued).
pub const GITHUB_PAT: &str = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
/// A second one, for trees that need two distinct secrets.
pub const GITHUB_PAT_2: &str = "ghp_Zt3QmV8rYc1NwK5pLs0HdJ2fXa9BeUo7Gi4T";

/// A temporary directory tree that is deleted when dropped.
pub struct Tree {
    pub dir: tempfile::TempDir,
}

impl Tree {
    /// An empty tree.
    pub fn new() -> Tree {
        Tree {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The tree's root.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Write a file (creating parent directories); returns its path.
    pub fn file(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, contents).unwrap();
        p
    }

    /// Run `gate ARGS` with the tree as the working directory.
    pub fn gate(&self, args: &[&str]) -> Run {
        run_in(self.path(), args)
    }
}

/// The result of one `gate` run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// The JSON report on stdout.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
                self.stdout, self.stderr
            )
        })
    }

    /// `(path, line, rule)` of every finding in the JSON report.
    pub fn hits(&self) -> Vec<(String, u64, String)> {
        self.json()["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| {
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["start_line"].as_u64().unwrap(),
                    f["rule_id"].as_str().unwrap().to_string(),
                )
            })
            .collect()
    }

    /// Paths with at least one finding.
    pub fn paths(&self) -> Vec<String> {
        let mut v: Vec<String> = self.hits().into_iter().map(|h| h.0).collect();
        v.sort();
        v.dedup();
        v
    }
}

/// Run the built `gate` binary in `dir`, with CI-like environment.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out: Output = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .output()
        .expect("gate runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}
