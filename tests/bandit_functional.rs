//! bandit 1.9.4's own functional expectations, held against gate.
//!
//! bandit's test suite asserts, for each file of its examples/, how many
//! findings of each severity and confidence it reports (and that nonsense.py is
//! skipped, and on which lines multiline_statement.py's issues are). The
//! expectations are read out of the suite by benches/parity/functional.py, which
//! runs this build's `gate` on every example under the suite's configuration.
//!
//! The bandit sdist is not committed: it is used from `$GATE_BANDIT_SDIST`, or
//! from the script's cache, which this test fills on first run (`python3
//! benches/parity/functional.py --fetch-only`, one download from PyPI).

use std::path::{Path, PathBuf};
use std::process::Command;

/// bandit's suite has 89 such cases over 84 example files; far fewer means the
/// expectations were not read.
const MIN_CASES: usize = 80;

/// The unpacked bandit 1.9.4 sdist, downloaded into the cache when it is not there.
fn sdist(script: &Path) -> PathBuf {
    if let Some(d) = std::env::var_os("GATE_BANDIT_SDIST") {
        return PathBuf::from(d);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/bandit-sdist/bandit-1.9.4");
    if !dir.join("tests/functional/test_functional.py").is_file() {
        let fetch = Command::new("python3")
            .arg(script)
            .arg("--fetch-only")
            .output()
            .expect("python3 runs");
        assert!(
            fetch.status.success(),
            "could not download the bandit 1.9.4 sdist from PyPI:\n{}",
            String::from_utf8_lossy(&fetch.stderr)
        );
    }
    dir
}

#[test]
fn gate_matches_bandits_functional_expectations_for_every_example() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/parity/functional.py");
    let sdist = sdist(&script);
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
        .output()
        .expect("python3 runs");
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
