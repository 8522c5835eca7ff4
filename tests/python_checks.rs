//! Every Python check against its own fixture, `testdata/python/BNNN.py`
//! (failing and passing code side by side): the check must fire there, and
//! gate's whole report on the fixture is snapshotted. The fixtures were
//! checked finding for finding (line, range, id, severity, confidence) against
//! bandit 1.9.4 (`benches/parity/compare.py` on a corpus holding them).

use gate::engines::{Engine, FileOutput, SourceFile};
use gate::python::{PythonEngine, Settings, CHECKS};

fn scan(engine: &PythonEngine, path: &str, bytes: &[u8]) -> FileOutput {
    let mut out = FileOutput::default();
    engine.scan(&SourceFile::new(path, bytes), &mut out);
    out
}

/// One line per finding: range (start line:column-end line:column), id, severity/confidence, message, suppression.
fn report(out: &FileOutput) -> String {
    let mut findings: Vec<_> = out.findings.iter().collect();
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    let mut lines: Vec<String> = findings
        .iter()
        .map(|f| {
            let suppressed = f
                .suppression
                .as_ref()
                .map(|s| format!("  [suppressed: {}]", s.justification))
                .unwrap_or_default();
            let r = &f.region;
            format!(
                "{}:{}-{}:{} {} {}/{} {}{}",
                r.start_line,
                r.start_column,
                r.end_line,
                r.end_column,
                f.rule_id,
                f.severity,
                f.confidence,
                f.message,
                suppressed
            )
        })
        .collect();
    lines.extend(out.diagnostics.iter().map(|d| d.to_string()));
    lines.join("\n")
}

#[test]
fn every_check_fires_on_its_fixture_and_the_report_matches_the_snapshot() {
    let engine = PythonEngine::default();
    let mut silent = Vec::new();
    for check in CHECKS {
        let path = format!("testdata/python/{}.py", check.id);
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let out = scan(&engine, &path, &bytes);
        if !out.findings.iter().any(|f| f.rule_id == check.id) {
            silent.push(check.id);
        }
        assert!(out.diagnostics.is_empty(), "{path}: {:?}", out.diagnostics);
        insta::assert_snapshot!(check.id, report(&out));
    }
    assert!(
        silent.is_empty(),
        "checks that did not fire on their fixture: {silent:?}"
    );
}

#[test]
fn every_fixture_has_failing_and_passing_code() {
    // Blacklisted calls whose module import is itself flagged have no clean counterpart.
    let no_ok = ["B312", "B321", "B613"];
    for check in CHECKS {
        let path = format!("testdata/python/{}.py", check.id);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("# fails"), "{path} has no failing example");
        assert!(
            text.contains("# ok") || no_ok.contains(&check.id),
            "{path} has no passing example"
        );
    }
}

#[test]
fn skips_and_selections_take_bandit_ids_names_and_b001() {
    let bytes = std::fs::read("testdata/python/B602.py").unwrap();
    let settings = Settings {
        skip: vec![
            "B603".into(),
            "subprocess_popen_with_shell_equals_true".into(),
        ],
        ..Settings::default()
    };
    let out = scan(&PythonEngine::new(settings), "B602.py", &bytes);
    assert!(!out.findings.is_empty());
    assert!(out
        .findings
        .iter()
        .all(|f| f.rule_id != "B602" && f.rule_id != "B603"));

    let bytes = std::fs::read("testdata/python/B301.py").unwrap();
    let settings = Settings {
        select: Some(vec!["B001".into()]),
        ..Settings::default()
    };
    let out = scan(&PythonEngine::new(settings), "B301.py", &bytes);
    assert!(!out.findings.is_empty());
    assert!(out
        .findings
        .iter()
        .all(|f| f.rule_id.starts_with("B3") || f.rule_id.starts_with("B4")));
}

#[test]
fn severity_and_confidence_thresholds_drop_findings_below_them() {
    let bytes = std::fs::read("testdata/python/B602.py").unwrap();
    let settings = Settings {
        min_severity: Some(gate::finding::Severity::High),
        ..Settings::default()
    };
    let out = scan(&PythonEngine::new(settings), "B602.py", &bytes);
    assert!(!out.findings.is_empty());
    assert!(out
        .findings
        .iter()
        .all(|f| f.severity == gate::finding::Severity::High));
}
