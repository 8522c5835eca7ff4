//! Issue 14, points 1 and 4: the packaging files agree with Cargo.toml, so a
//! release bumps one version and every route installs that version.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;

const VERSION: &str = env!("CARGO_PKG_VERSION");

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn issue14_p4_mirror_template_pins_the_current_version_and_uses_the_wheel() {
    let pyproject = read("dist/pre-commit/pyproject.toml");
    assert!(
        pyproject.contains(&format!("\"gate-scan=={VERSION}\"")),
        "{pyproject}"
    );
    assert!(pyproject.contains(&format!("version = \"{VERSION}\"")));
    let hooks = read("dist/pre-commit/.pre-commit-hooks.yaml");
    assert!(hooks.contains("- id: gate-secrets\n"), "{hooks}");
    assert!(hooks.contains("language: python"), "{hooks}");
    assert!(read("dist/pre-commit/README.md").contains(&format!("rev: v{VERSION}")));
}

#[test]
fn issue14_p4_source_hook_is_kept_as_gate_secrets_source() {
    let hooks = read(".pre-commit-hooks.yaml");
    assert!(hooks.contains("- id: gate-secrets-source\n"), "{hooks}");
    assert!(hooks.contains("language: rust"), "{hooks}");
    assert!(!hooks.contains("- id: gate-secrets\n"), "one hook, renamed");
}

#[test]
fn issue14_p4_render_rewrites_every_pin_and_refuses_bad_versions() {
    let tmp = tempfile::tempdir().unwrap();
    for f in [
        ".pre-commit-hooks.yaml",
        "pyproject.toml",
        "README.md",
        "render",
    ] {
        std::fs::copy(repo("dist/pre-commit").join(f), tmp.path().join(f)).unwrap();
    }
    let render = tmp.path().join("render");
    let out = Command::new("sh")
        .arg(&render)
        .arg("v9.8.7")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let pyproject = std::fs::read_to_string(tmp.path().join("pyproject.toml")).unwrap();
    assert!(pyproject.contains("\"gate-scan==9.8.7\""), "{pyproject}");
    assert!(pyproject.contains("version = \"9.8.7\""), "{pyproject}");
    assert!(!pyproject.contains(VERSION), "no old pin left: {pyproject}");
    let readme = std::fs::read_to_string(tmp.path().join("README.md")).unwrap();
    assert!(readme.contains("rev: v9.8.7"), "{readme}");

    let out = Command::new("sh")
        .arg(&render)
        .arg("1.0 && x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new("sh").arg(&render).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "usage without a version");
}

#[test]
fn issue14_p4_render_fails_loudly_when_the_template_drifted() {
    let tmp = tempfile::tempdir().unwrap();
    for f in ["pyproject.toml", "README.md", "render"] {
        std::fs::copy(repo("dist/pre-commit").join(f), tmp.path().join(f)).unwrap();
    }
    // A template whose pin no longer looks like `"gate-scan==X"`.
    let p = tmp.path().join("pyproject.toml");
    let drifted = std::fs::read_to_string(&p)
        .unwrap()
        .replace("\"gate-scan==", "\"gate-scan >= ");
    std::fs::write(&p, drifted).unwrap();
    let out = Command::new("sh")
        .arg(tmp.path().join("render"))
        .arg("2.0.0")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("gate-scan"));
}

#[test]
fn issue14_p1_wheel_metadata_comes_from_cargo_toml() {
    let pyproject = read("pyproject.toml");
    assert!(pyproject.contains("name = \"gate-scan\""), "{pyproject}");
    assert!(pyproject.contains("bindings = \"bin\""));
    assert!(pyproject.contains("strip = true"));
    // Version is dynamic (from Cargo.toml), never written twice.
    assert!(pyproject.contains("dynamic = [\"version\""), "{pyproject}");
    assert!(!pyproject.contains("\nversion ="), "{pyproject}");
    for fixture_dir in ["testdata/", "tests/"] {
        assert!(
            pyproject.contains(&format!(
                "{{ path = \"{fixture_dir}**/*\", format = \"sdist\" }}"
            )),
            "the sdist leaves out {fixture_dir}"
        );
    }
}
