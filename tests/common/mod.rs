//! Shared helpers for the integration tests: temp trees, running the binary,
//! validating SARIF.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

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

/// The sample project: real ruff and bandit SARIF plus their sources.
pub const SAMPLES: &str = "/work/shared/samples/sarif";
/// The official SARIF 2.1.0 schema (draft-07).
pub const SCHEMA: &str = "/work/shared/schemas/sarif-schema-2.1.0.json";

/// Run `gate ARGS` in `dir` with a clean environment for CI detection.
pub fn gate(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(dir)
        .args(args)
        .env_remove("GITHUB_BASE_REF")
        .env("NO_COLOR", "1")
        .output()
        .expect("gate runs")
}

/// Exit code, stdout and stderr as text.
pub fn parts(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Every schema violation of a SARIF document, as text.
pub fn schema_errors(doc: &Value) -> Vec<String> {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect()
}

/// Check what GitHub code scanning needs beyond the schema: fingerprints on
/// every result, help and security-severity on every rule.
pub fn github_ready_errors(doc: &Value) -> Vec<String> {
    let mut errs = Vec::new();
    let runs = doc["runs"].as_array().unwrap();
    if runs.len() != 1 {
        errs.push(format!("{} runs", runs.len()));
    }
    let run = &runs[0];
    for r in run["tool"]["driver"]["rules"].as_array().unwrap() {
        let id = r["id"].as_str().unwrap_or("?");
        for key in ["shortDescription", "fullDescription", "help"] {
            if r[key]["text"].as_str().is_none_or(str::is_empty) {
                errs.push(format!("rule {id}: no {key}"));
            }
        }
        if r["help"]["markdown"].as_str().is_none() {
            errs.push(format!("rule {id}: no help markdown"));
        }
        if r["properties"]["security-severity"].as_str().is_none() {
            errs.push(format!("rule {id}: no security-severity"));
        }
        if r["properties"]["precision"].as_str().is_none() {
            errs.push(format!("rule {id}: no precision"));
        }
    }
    for (i, r) in run["results"].as_array().unwrap().iter().enumerate() {
        let fp = &r["partialFingerprints"];
        if fp["primaryLocationLineHash"].as_str().is_none() {
            errs.push(format!("result {i}: no primaryLocationLineHash"));
        }
        if fp["gateFingerprint/v1"].as_str().is_none() {
            errs.push(format!("result {i}: no gate fingerprint"));
        }
    }
    if run["automationDetails"]["id"].as_str().is_none() {
        errs.push("no automationDetails.id".into());
    }
    if run["invocations"][0]["executionSuccessful"]
        .as_bool()
        .is_none()
    {
        errs.push("no invocation".into());
    }
    errs
}
