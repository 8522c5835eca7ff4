//! Baselines and PR scope, with the binary on temp trees and real git.

mod common;

use std::path::Path;
use std::process::Command;

use common::{gate, parts, SAMPLES};
use serde_json::Value;

const TOKEN_A: &str = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
const TOKEN_B: &str = "ghp_Zq3mR8vX1kLp0sT6wY9bN2cF5hJ7dG4aE1uQ";

fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=gate", "-c", "user.email=gate@example.com"])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn json_scan(dir: &Path, extra: &[&str]) -> (i32, Value, String) {
    // These trees hold secrets in .py files: the secrets engine is what is tested.
    let mut args = vec![
        "scan",
        "--engines",
        "secrets",
        "--root",
        ".",
        "--format",
        "json",
    ];
    args.extend_from_slice(extra);
    let (code, out, err) = parts(&gate(dir, &args));
    let doc = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}\n{err}"));
    (code, doc, err)
}

#[test]
fn moved_code_does_not_resurrect_baselined_findings() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("config.py"),
        format!("import os\nTOKEN = \"{TOKEN_A}\"\n"),
    )
    .unwrap();
    let (code, _, err) = parts(&gate(
        root,
        &[
            "baseline",
            "--engines",
            "secrets",
            "--root",
            ".",
            "-o",
            "base.sarif",
        ],
    ));
    assert_eq!(code, 0, "{err}");
    let (code, _, _) = json_scan(root, &["config.py"]);
    assert_eq!(code, 1, "without the baseline the token fails the gate");

    // The code moves down the file: same finding, new line.
    std::fs::write(
        root.join("config.py"),
        format!("import os\n\n\ndef helper():\n    return 1\n\n\nTOKEN = \"{TOKEN_A}\"\n"),
    )
    .unwrap();
    let (code, doc, err) = json_scan(root, &["config.py", "--baseline", "base.sarif"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(doc["verdict"]["in_baseline"], 1);
    assert_eq!(doc["findings"][0]["baseline_state"], "unchanged");
    assert_eq!(doc["findings"][0]["start_line"], 8);

    // A new secret is new, and fails the gate alone.
    std::fs::write(
        root.join("config.py"),
        format!("import os\nOTHER = \"{TOKEN_B}\"\n\nTOKEN = \"{TOKEN_A}\"\n"),
    )
    .unwrap();
    let (code, doc, _) = json_scan(root, &["config.py", "--baseline", "base.sarif"]);
    assert_eq!(code, 1);
    let failing: Vec<u64> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fails_gate"] == true)
        .map(|f| f["start_line"].as_u64().unwrap())
        .collect();
    assert_eq!(failing, [2]);
}

#[test]
fn any_earlier_sarif_works_as_a_baseline() {
    // bandit's own SARIF as the baseline: everything bandit knew is old; what
    // only ruff reports is new.
    let dir = tempfile::tempdir().unwrap();
    let bandit = format!("{SAMPLES}/bandit.sarif");
    let ruff = format!("{SAMPLES}/ruff.sarif");
    let args = [
        "scan",
        "--root",
        SAMPLES,
        "--engines",
        "secrets",
        "--format",
        "json",
        "--sarif",
        &bandit,
        "--sarif",
        &ruff,
        "--baseline",
        &bandit,
        &format!("{SAMPLES}/src"),
    ];
    let (code, out, err) = parts(&gate(dir.path(), &args));
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc["verdict"]["in_baseline"], 20,
        "21 bandit results, one of them suppressed"
    );
    let new: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["baseline_state"] == "new")
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(new, ["F401", "F841"]);
}

#[test]
fn diff_base_gates_only_changed_lines() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::write(
        root.join("app.py"),
        format!("import os\nOLD = \"{TOKEN_A}\"\n"),
    )
    .unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "old"]);
    git(root, &["checkout", "-qb", "feature"]);
    let (code, doc, err) = json_scan(root, &["--diff-base", "main"]);
    assert_eq!(
        code, 0,
        "an untouched old secret does not fail the PR: {err}"
    );
    assert_eq!(doc["verdict"]["outside_diff"], 1);

    std::fs::write(
        root.join("app.py"),
        format!("import os\nOLD = \"{TOKEN_A}\"\nNEW = \"{TOKEN_B}\"\n"),
    )
    .unwrap();
    git(root, &["commit", "-qam", "new"]);
    // An untracked file counts whole.
    std::fs::write(root.join("notes.py"), format!("K = \"{TOKEN_B}\"\n")).unwrap();
    let (code, doc, _) = json_scan(root, &["--diff-base", "main"]);
    assert_eq!(code, 1);
    let mut failing: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fails_gate"] == true)
        .map(|f| format!("{}:{}", f["path"].as_str().unwrap(), f["start_line"]))
        .collect();
    failing.sort();
    assert_eq!(failing, ["app.py:3", "notes.py:1"]);
    assert_eq!(doc["verdict"]["outside_diff"], 1);

    let (code, _, err) = parts(&gate(
        root,
        &["scan", "--root", ".", "--diff-base", "no-such-branch"],
    ));
    assert_eq!(code, 2, "an unknown base fails closed");
    assert!(err.contains("--diff-base no-such-branch"), "{err}");
}

#[test]
fn expired_exceptions_stop_applying_loudly_and_bad_ones_are_config_errors() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("fixtures")).unwrap();
    std::fs::write(
        root.join("fixtures/keys.py"),
        format!("T = \"{TOKEN_A}\"\n"),
    )
    .unwrap();
    let config = |expires: &str, reason: &str| {
        format!(
            "[policy]\nfail_on = \"high\"\n\n[[policy.exception]]\nrules = [\"github-pat\"]\npaths = [\"fixtures/**\"]\nreason = \"{reason}\"\nexpires = {expires}\n"
        )
    };
    std::fs::write(
        root.join("gate.toml"),
        config("\"2999-12-31\"", "test fixture, revoked token"),
    )
    .unwrap();
    let (code, doc, _) = json_scan(root, &[]);
    assert_eq!(code, 0);
    assert_eq!(doc["verdict"]["excepted"], 1);
    assert!(doc["findings"][0]["excepted_by"]
        .as_str()
        .unwrap()
        .contains("test fixture, revoked token"));

    std::fs::write(
        root.join("gate.toml"),
        config("2020-01-01", "test fixture, revoked token"),
    )
    .unwrap();
    let (code, doc, err) = json_scan(root, &[]);
    assert_eq!(code, 1);
    assert!(err.contains("EXPIRED on 2020-01-01"), "{err}");
    assert_eq!(doc["verdict"]["warnings"].as_array().unwrap().len(), 1);

    std::fs::write(root.join("gate.toml"), config("\"2999-12-31\"", " ")).unwrap();
    let (code, _, err) = parts(&gate(root, &["scan", "--root", "."]));
    assert_eq!(code, 2);
    assert!(
        err.contains("[[policy.exception]] #1: an exception needs a `reason`"),
        "{err}"
    );
    std::fs::write(root.join("gate.toml"), config("\"next year\"", "r")).unwrap();
    let (code, _, err) = parts(&gate(root, &["scan", "--root", "."]));
    assert_eq!(code, 2);
    assert!(err.contains("`next year` is not a date"), "{err}");

    // --fail-on overrides the file.
    std::fs::write(
        root.join("gate.toml"),
        "[policy]\nfail_on = \"critical\"\n[policy.severity]\ngithub-pat = \"medium\"\n",
    )
    .unwrap();
    let (code, _, _) = parts(&gate(root, &["scan", "--root", "."]));
    assert_eq!(code, 0, "github-pat overridden to medium: below critical");
    let (code, _, _) = parts(&gate(root, &["scan", "--root", ".", "--fail-on", "medium"]));
    assert_eq!(code, 1);
}

#[test]
fn issue11_p4_diff_base_counts_new_lines_in_every_name_git_can_store() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    // `my config.txt` is printed `+++ b/my config.txt<TAB>`; the others are
    // C-quoted; `hidden.py` is declared binary so that git would not show its
    // lines; `back\slash.py` keeps its backslash (issue 11 point 13).
    let names = [
        "back\\slash.py",
        "my config.txt",
        "tab\tname.py",
        "café.py",
        "quo\"te.py",
        "new\nline.py",
        "hidden.py",
    ];
    std::fs::write(root.join(".gitattributes"), "hidden.py -diff\n").unwrap();
    for name in names {
        std::fs::write(root.join(name), format!("OLD = \"{TOKEN_A}\"\n")).unwrap();
    }
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "old"]);
    git(root, &["checkout", "-qb", "feature"]);
    for name in names {
        std::fs::write(
            root.join(name),
            format!("OLD = \"{TOKEN_A}\"\nNEW = \"{TOKEN_B}\"\n"),
        )
        .unwrap();
    }
    git(root, &["commit", "-qam", "new"]);

    let (code, doc, err) = json_scan(root, &["--diff-base", "main"]);
    assert_eq!(code, 1, "{err}");
    let mut failing: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["fails_gate"] == true)
        .map(|f| format!("{}:{}", f["path"].as_str().unwrap(), f["start_line"]))
        .collect();
    failing.sort();
    let mut want: Vec<String> = names.iter().map(|n| format!("{n}:2")).collect();
    want.sort();
    assert_eq!(failing, want, "every new secret is inside the diff");
    assert_eq!(doc["verdict"]["outside_diff"], names.len());
}

#[test]
fn issue11_p4_diff_base_reads_untracked_names_byte_exact() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "init"]);
    // `git ls-files` without -z prints this name quoted: it would not match.
    let name = "new \"file\"\twith\nodd ünï.py";
    std::fs::write(root.join(name), format!("K = \"{TOKEN_B}\"\n")).unwrap();
    let (code, doc, err) = json_scan(root, &["--diff-base", "main"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(doc["findings"][0]["path"], name);
    assert_eq!(doc["findings"][0]["fails_gate"], true);
    assert_eq!(doc["verdict"]["outside_diff"], 0);
}

#[test]
fn issue11_p5_diff_base_that_looks_like_an_option_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
    git(root, &["add", "."]);
    git(root, &["commit", "-qm", "init"]);
    let out = root.join("x");
    let arg = format!("--diff-base=--output={}", out.display());
    let (code, _, err) = parts(&gate(root, &["scan", "--root", ".", &arg]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(&format!("--diff-base --output={}", out.display())),
        "{err}"
    );
    assert!(!out.exists(), "git wrote {}", out.display());
}
