//! Issue 14, point 7: the text report's colour follows NO_COLOR, FORCE_COLOR,
//! CLICOLOR_FORCE and GitHub Actions, decided by the real binary from its
//! environment (stdout is a pipe here, as it is in every CI log).

mod common;

use std::process::Command;

use common::{Tree, GITHUB_PAT};

/// Variables that influence the decision; each run starts without them.
const COLOUR_VARS: &[&str] = &[
    "NO_COLOR",
    "FORCE_COLOR",
    "CLICOLOR_FORCE",
    "CLICOLOR",
    "GITHUB_ACTIONS",
    "CI",
    "TERM",
];

/// `gate scan .` on a tree with one planted key, with only `env` set; returns
/// (exit code, stdout, stderr).
fn scan_with(env: &[(&str, &str)], extra: &[&str]) -> (i32, String, String) {
    let tree = Tree::new();
    tree.file("config.py", format!("token = \"{GITHUB_PAT}\"\n"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gate"));
    cmd.current_dir(tree.path())
        .arg("scan")
        .arg(".")
        .args(extra);
    for v in COLOUR_VARS {
        cmd.env_remove(v);
    }
    cmd.env_remove("GITHUB_BASE_REF");
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("gate runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn coloured(stdout: &str) -> bool {
    stdout.contains("\x1b[")
}

#[test]
fn issue14_p7_piped_output_without_any_variable_is_plain() {
    let (code, out, _) = scan_with(&[], &[]);
    assert_eq!(code, 1, "the planted key fails the gate:\n{out}");
    assert!(out.contains("github-pat"), "{out}");
    assert!(!coloured(&out), "{out:?}");
}

#[test]
fn issue14_p7_force_color_and_clicolor_force_colour_a_pipe() {
    for env in [
        &[("FORCE_COLOR", "1")][..],
        &[("FORCE_COLOR", "3")][..],
        &[("CLICOLOR_FORCE", "1")][..],
    ] {
        let (code, out, _) = scan_with(env, &[]);
        assert_eq!(code, 1);
        assert!(coloured(&out), "{env:?} should colour: {out:?}");
    }
    let (_, out, _) = scan_with(&[("FORCE_COLOR", "0")], &[]);
    assert!(!coloured(&out), "FORCE_COLOR=0 means no colour: {out:?}");
}

#[test]
fn issue14_p7_github_actions_log_is_coloured_and_no_color_wins() {
    let (code, out, err) = scan_with(&[("GITHUB_ACTIONS", "true"), ("CI", "true")], &[]);
    assert_eq!(code, 1);
    assert!(coloured(&out), "{out:?}");
    // No progress bar (nor its control sequences) in a CI log.
    assert!(!err.contains("scanned"), "{err:?}");
    assert!(!coloured(&err), "{err:?}");

    let (_, out, _) = scan_with(
        &[
            ("GITHUB_ACTIONS", "true"),
            ("NO_COLOR", "1"),
            ("FORCE_COLOR", "1"),
        ],
        &[],
    );
    assert!(!coloured(&out), "NO_COLOR beats the rest: {out:?}");
}

#[test]
fn issue14_p7_explicit_flag_beats_the_environment() {
    let (_, out, _) = scan_with(&[("FORCE_COLOR", "1")], &["--color", "never"]);
    assert!(!coloured(&out), "{out:?}");
    let (_, out, _) = scan_with(&[("NO_COLOR", "1")], &["--color", "always"]);
    assert!(coloured(&out), "{out:?}");
    // Machine formats are never coloured, whatever the environment says.
    let (_, out, _) = scan_with(&[("FORCE_COLOR", "1")], &["--format", "json"]);
    assert!(!coloured(&out), "{out:?}");
    serde_json::from_str::<serde_json::Value>(&out).expect("plain JSON");
}
