//! Values that look random next to a credential's name but are no secret
//! (`testdata/secrets/false-alarms/`): anti-CSRF tokens of every common web
//! framework in a saved page, template and environment references in every
//! syntax, file paths and URLs, hashes and ids named as such, data URIs,
//! minified code, lock files, placeholders, public keys and the sample keys
//! vendors publish in their documentation. gate must report
//! none of them (issue 13: the classes of gitleaks' documented false positives).

use std::path::Path;
use std::process::Command;

#[test]
fn issue13_no_false_alarm_fixture_is_reported() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/secrets/false-alarms");
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .arg("scan")
        .arg(&root)
        .args(["--engines", "secrets", "-f", "json", "--no-redact"])
        .output()
        .expect("gate runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\n{}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    let files = std::fs::read_dir(&root).expect("fixtures").count() as u64;
    assert_eq!(
        report["summary"]["files_scanned"].as_u64(),
        Some(files),
        "every fixture file is scanned: {}",
        report["summary"]
    );
    let findings = report["findings"].as_array().expect("findings[]");
    let flagged: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{} {}:{} `{}`",
                f["rule_id"], f["path"], f["start_line"], f["secret"]
            )
        })
        .collect();
    assert!(flagged.is_empty(), "false alarms:\n{}", flagged.join("\n"));
}
