//! Every SARIF gate writes validates against the official 2.1.0 schema and
//! carries what GitHub code scanning needs (fingerprints, rule help,
//! security-severity).

mod common;

use std::path::Path;

use common::{gate, github_ready_errors, parts, schema_errors, SAMPLES};
use serde_json::Value;

fn read(p: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn assert_valid(doc: &Value) {
    let errs = schema_errors(doc);
    assert!(errs.is_empty(), "schema violations:\n{}", errs.join("\n"));
    let errs = github_ready_errors(doc);
    assert!(errs.is_empty(), "not GitHub-ready:\n{}", errs.join("\n"));
}

#[test]
fn the_schema_check_itself_catches_a_broken_log() {
    let bad = serde_json::json!({"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]});
    assert!(!schema_errors(&bad).is_empty());
}

#[test]
fn merged_samples_are_valid_and_github_ready() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("merged.sarif");
    let o = gate(
        dir.path(),
        &[
            "merge",
            "--root",
            SAMPLES,
            &format!("{SAMPLES}/bandit.sarif"),
            &format!("{SAMPLES}/ruff.sarif"),
            "-o",
            out.to_str().unwrap(),
        ],
    );
    let (code, _, err) = parts(&o);
    assert_eq!(code, 0, "{err}");
    let doc = read(&out);
    assert_valid(&doc);
    let run = &doc["runs"][0];
    assert_eq!(run["results"].as_array().unwrap().len(), 24);
    let ext: Vec<&str> = run["tool"]["extensions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    assert_eq!(ext, ["bandit", "ruff"]);
    let suppressed: Vec<&Value> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r.get("suppressions").is_some())
        .collect();
    assert_eq!(suppressed.len(), 2, "the # nosec and the # noqa lines");
    assert_eq!(suppressed[0]["suppressions"][0]["kind"], "inSource");
    let notes = run["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert_eq!(notes.len(), 2, "one notification per input");
}

#[test]
fn a_scan_with_imports_baseline_and_an_outside_file_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("src")).unwrap();
    std::fs::write(
        root.join("src/config.py"),
        "import subprocess\nTOKEN = \"ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d\"\nsubprocess.call(x, shell=True)\n",
    )
    .unwrap();
    std::fs::write(root.join("blob.bin"), b"\x00\x01\x02binary").unwrap();
    // A SARIF input naming a file in the tree and one outside it.
    let input = serde_json::json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "othertool", "rules": [{"id": "X1"}]}},
            "results": [
                {"ruleId": "X1", "level": "warning", "message": {"text": "inside"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/config.py"},
                                "region": {"startLine": 3, "startColumn": 1}}}]},
                {"ruleId": "X1", "level": "note", "message": {"text": "outside"},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": "file:///opt/vendor/lib.py"},
                                "region": {"startLine": 1}}}]}
            ]
        }]
    });
    std::fs::write(root.join("other.sarif"), input.to_string()).unwrap();
    let base = root.join("base.sarif");
    let o = gate(
        root,
        &[
            "baseline",
            "--root",
            ".",
            "-o",
            base.to_str().unwrap(),
            "src",
            "blob.bin",
        ],
    );
    let (code, _, err) = parts(&o);
    assert_eq!(code, 0, "{err}");
    assert_valid(&read(&base));
    let out = root.join("out.sarif");
    let o = gate(
        root,
        &[
            "scan",
            "--root",
            ".",
            "src",
            "blob.bin",
            "--sarif",
            "other.sarif",
            "--baseline",
            "base.sarif",
            "--output",
            &format!("sarif={}", out.display()),
            "--quiet",
        ],
    );
    let (code, _, err) = parts(&o);
    assert!(code == 0 || code == 1, "{err}");
    let doc = read(&out);
    let errs = schema_errors(&doc);
    assert!(errs.is_empty(), "schema violations:\n{}", errs.join("\n"));
    let results = doc["runs"][0]["results"].as_array().unwrap();
    let states: Vec<&str> = results
        .iter()
        .map(|r| r["baselineState"].as_str().unwrap())
        .collect();
    assert!(states.contains(&"new"), "{states:?}");
    assert!(states.contains(&"unchanged"), "{states:?}");
    let outside = results
        .iter()
        .find(|r| r["message"]["text"] == "outside")
        .unwrap();
    let art = &outside["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(art["uri"], "file:///opt/vendor/lib.py");
    assert!(art.get("uriBaseId").is_none());
    // The file outside the root cannot be read, so it is the one result without a line hash.
    for r in results.iter().filter(|r| r["message"]["text"] != "outside") {
        assert!(r["partialFingerprints"]["primaryLocationLineHash"].is_string());
    }
    let notes = doc["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(notes
        .iter()
        .any(|n| n["message"]["text"].as_str().unwrap().contains("binary")));
    assert!(notes.iter().any(|n| n["message"]["text"]
        .as_str()
        .unwrap()
        .contains("other.sarif")));
    assert!(
        notes.iter().any(|n| n["message"]["text"]
            .as_str()
            .unwrap()
            .starts_with("source not read: outside the repository root")),
        "the unreadable source is a notification, not a silent gap"
    );
}
