//! A team's existing bandit configuration carries over: `.bandit`,
//! `bandit.yml` and `[tool.bandit]` skips, excludes and plugin options are
//! honoured by `gate scan`, and gate.toml's `[python]` adds to them.

use std::path::Path;
use std::process::Command;

fn write(root: &Path, name: &str, text: &str) {
    let p = root.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

/// (path, line, rule) of every finding of `gate scan` in `root`.
fn scan(root: &Path) -> Vec<(String, u64, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args([
            "scan",
            ".",
            "--engines",
            "python",
            "--format",
            "json",
            "--no-progress",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let doc: serde_json::Value = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {stdout}{}", String::from_utf8_lossy(&out.stderr)));
    let mut v: Vec<_> = doc["findings"]
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
        .collect();
    v.sort();
    v
}

const APP: &str = "import subprocess\nassert ready\nopen('/scratch/x')\nopen('/tmp/x')\n";

fn rules(found: &[(String, u64, String)]) -> Vec<&str> {
    found.iter().map(|(_, _, r)| r.as_str()).collect()
}

#[test]
fn bandit_yml_skips_excludes_and_plugin_options() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(root, "app.py", APP);
    write(root, "tests/test_app.py", "assert True\n");
    write(
        root,
        "bandit.yml",
        "skips: ['B404']\nexclude_dirs: ['tests']\nhardcoded_tmp_directory:\n  tmp_dirs: ['/scratch']\n",
    );
    let found = scan(root);
    assert_eq!(rules(&found), vec!["B101", "B108"], "{found:?}");
    assert_eq!(
        found[1].1, 3,
        "B108 must flag /scratch, not /tmp: {found:?}"
    );
}

#[test]
fn dot_bandit_ini_and_gate_toml_python_section_combine() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(root, "app.py", APP);
    write(root, ".bandit", "[bandit]\nskips = B101\n");
    write(root, "gate.toml", "[python]\nskip = [\"B108\"]\n");
    assert_eq!(rules(&scan(root)), vec!["B404"]);
}

#[test]
fn pyproject_tool_bandit_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(root, "app.py", APP);
    write(
        root,
        "pyproject.toml",
        "[tool.bandit]\nskips = [\"B404\", \"B108\"]\n[tool.bandit.assert_used]\nskips = [\"*app.py\"]\n",
    );
    assert!(scan(root).is_empty());
}

#[test]
fn gate_toml_python_thresholds_and_unknown_keys() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    write(root, "app.py", APP);
    write(root, "gate.toml", "[python]\nseverity = \"medium\"\n");
    assert_eq!(rules(&scan(root)), vec!["B108"]);
    write(root, "gate.toml", "[python]\nskips = [\"B101\"]\n");
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args(["scan", ".", "--engines", "python", "--no-progress"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("skips"));
}

#[test]
fn issue16_p2_gate_toml_target_version_is_honoured_and_checked() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join(".git")).unwrap();
    // Valid from Python 3.12 on only; the call in it is a B602.
    write(
        root,
        "app.py",
        "import subprocess\ntype Cmd = str\nsubprocess.call(c, shell=True)\n",
    );
    // The default (py311) skips it, as bandit under 3.11 would.
    assert!(scan(root).is_empty());
    write(root, "gate.toml", "[python]\ntarget_version = \"py312\"\n");
    assert_eq!(rules(&scan(root)), vec!["B404", "B602"]);
    write(root, "gate.toml", "[python]\ntarget_version = \"py27\"\n");
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args(["scan", ".", "--engines", "python", "--no-progress"])
        .current_dir(root)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("py27") && err.contains("py311"), "{err}");
}
