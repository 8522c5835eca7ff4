//! bandit 1.9.4's own functional expectations, held against gate.
//!
//! bandit's test suite asserts, for each file of its examples/, how many
//! findings of each severity and confidence it reports (and that nonsense.py is
//! skipped, and on which lines multiline_statement.py's issues are). The
//! expectations are read out of the suite by benches/parity/functional.py, which
//! runs this build's `gate` on every example under the suite's configuration.
//!
//! The bandit sdist is not committed: it is used from `$GATE_BANDIT_SDIST` or
//! from the script's cache, which `python3 benches/parity/functional.py
//! --fetch-only` fills. Without either, this test says it was skipped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// bandit's suite has 89 such cases over 84 example files; far fewer means the
/// expectations were not read.
const MIN_CASES: usize = 80;

fn sdist() -> Option<PathBuf> {
    let dir = match std::env::var_os("GATE_BANDIT_SDIST") {
        Some(d) => PathBuf::from(d),
        None => Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/bandit-sdist/bandit-1.9.4"),
    };
    dir.join("tests/functional/test_functional.py")
        .is_file()
        .then_some(dir)
}

#[test]
fn gate_matches_bandits_functional_expectations_for_every_example() {
    let Some(sdist) = sdist() else {
        eprintln!(
            "skipped: no bandit sdist (set GATE_BANDIT_SDIST or run \
             `python3 benches/parity/functional.py --fetch-only`)"
        );
        return;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/parity/functional.py");
    let report = tempfile::NamedTempFile::new().expect("temp file");
    let run = Command::new("python3")
        .arg(&script)
        .arg("--sdist")
        .arg(&sdist)
        .arg("--gate")
        .arg(env!("CARGO_BIN_EXE_gate"))
        .arg("--no-fetch")
        .arg("--json")
        .arg(report.path())
        .output();
    let run = match run {
        Ok(r) => r,
        Err(e) => {
            eprintln!("skipped: cannot run python3 ({e})");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(
        matches!(run.status.code(), Some(0 | 1)),
        "functional.py could not run ({}):\n{stdout}\n{}",
        run.status,
        String::from_utf8_lossy(&run.stderr)
    );
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(report.path()).expect("report written"))
            .expect("report is JSON");
    let cases = doc["cases"].as_array().expect("cases array");
    assert!(
        cases.len() >= MIN_CASES,
        "only {} cases read from bandit's suite:\n{stdout}",
        cases.len()
    );
    let failures: Vec<String> = cases
        .iter()
        .filter(|c| c["status"] != "PASS")
        .map(|c| {
            let details: Vec<&str> = c["details"]
                .as_array()
                .map(|d| d.iter().filter_map(|x| x.as_str()).collect())
                .unwrap_or_default();
            format!(
                "{}\n    {}",
                c["case"].as_str().unwrap_or("?"),
                details.join("\n    ")
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} bandit functional cases fail:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}
