//! Bad SARIF never becomes "0 findings": each case exits 2 with a message
//! naming the file and the JSON path.

mod common;

use std::path::Path;

use common::{gate, parts};

/// Run `gate scan --sarif FILE` on an empty tree and return (exit code, stderr).
fn scan_with(dir: &Path, name: &str, contents: Option<&[u8]>) -> (i32, String) {
    if let Some(c) = contents {
        std::fs::write(dir.join(name), c).unwrap();
    }
    std::fs::create_dir_all(dir.join("empty")).unwrap();
    let o = gate(
        dir,
        &[
            "scan", "--root", ".", "empty", "--sarif", name, "--format", "json",
        ],
    );
    let (code, out, err) = parts(&o);
    assert!(
        !out.contains("\"findings\": []") || code == 2,
        "a bad input must not read as a clean scan"
    );
    (code, err)
}

const RESULT_OK: &str = r#"{"ruleId":"R1","level":"warning","message":{"text":"m"},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"a.py"},"region":{"startLine":1}}}]}"#;

fn log(results: &str) -> String {
    format!(
        r#"{{"version":"2.1.0","runs":[{{"tool":{{"driver":{{"name":"t"}}}},"results":[{results}]}}]}}"#
    )
}

#[test]
fn each_bad_input_exits_2_naming_file_and_json_path() {
    let dir = tempfile::tempdir().unwrap();
    let good = log(RESULT_OK);
    let truncated = &good[..good.len() / 2];
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "notjson.sarif",
            "this is not json".into(),
            "at $: not valid JSON",
        ),
        ("truncated.sarif", truncated.into(), "truncated"),
        (
            "version.sarif",
            good.replace("2.1.0", "2.0.0"),
            "at $.version: version \"2.0.0\" is not supported",
        ),
        (
            "level.sarif",
            log(&RESULT_OK.replace("warning", "high")),
            "at $.runs[0].results[0].level: unknown level `high`",
        ),
        (
            "noruns.sarif",
            r#"{"version":"2.1.0"}"#.into(),
            "at $.runs: missing `runs`",
        ),
        (
            "nolocations.sarif",
            log(r#"{"ruleId":"R1","message":{"text":"m"}}"#),
            "at $.runs[0].results[0].locations: result has no location",
        ),
        (
            "noresults.sarif",
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}}}]}"#.into(),
            "at $.runs[0].results: missing `results`",
        ),
    ];
    for (name, text, expect) in cases {
        let (code, err) = scan_with(dir.path(), name, Some(text.as_bytes()));
        assert_eq!(code, 2, "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the message names the file: {err}"
        );
        assert!(
            err.contains(expect),
            "{name}: expected `{expect}` in: {err}"
        );
    }
}

#[test]
fn a_missing_input_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, err) = scan_with(dir.path(), "nothere.sarif", None);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nothere.sarif: cannot read"), "{err}");
}

#[test]
fn a_one_gigabyte_input_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.sarif");
    // Sparse: takes no disk, and must take no memory either.
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(1 << 30).unwrap();
    let (code, err) = scan_with(dir.path(), "huge.sarif", None);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("huge.sarif: 1073741824 bytes is more than"),
        "{err}"
    );
}

#[test]
fn merge_fails_closed_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.sarif"), "{").unwrap();
    let o = gate(dir.path(), &["merge", "bad.sarif", "-o", "out.sarif"]);
    let (code, _, err) = parts(&o);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.sarif: at $"), "{err}");
    assert!(!err.contains("wrote"), "{err}");
}
