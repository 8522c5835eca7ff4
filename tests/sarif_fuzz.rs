//! Fuzzing the SARIF importer with proptest: arbitrary bytes, mutated real
//! SARIF, and generated documents in SARIF's shape. The importer must never
//! panic; it either reads the file or names the file and a JSON path. Inputs
//! that once crashed it live in testdata/sarif/fuzz-regressions/ and are
//! replayed by `regressions_never_panic`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use gate::sarif::read::parse;
use proptest::prelude::*;
use serde_json::{json, Value};

fn check(bytes: &[u8]) {
    let root = Path::new(common::SAMPLES);
    match parse("fuzz.sarif", bytes, root) {
        Ok(input) => {
            // What was read must also merge (sources are read, statements parsed).
            let sources = gate::sarif::SourceRoot::new(root, 10 << 20);
            let _ = gate::sarif::merge(Vec::new(), vec![input], &BTreeMap::new(), &sources);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.sarif: "), "{msg}");
            assert!(msg.contains("at $"), "{msg}");
        }
    }
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(common::SAMPLES).join(name)).unwrap()
}

/// JSON values that look like parts of SARIF (strings, numbers, nested objects
/// with SARIF's key names) so that the fuzzer gets past the first check.
fn arb_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "version",
        "runs",
        "tool",
        "driver",
        "name",
        "results",
        "ruleId",
        "level",
        "message",
        "text",
        "locations",
        "physicalLocation",
        "artifactLocation",
        "uri",
        "uriBaseId",
        "region",
        "startLine",
        "startColumn",
        "endLine",
        "endColumn",
        "properties",
        "issue_severity",
        "rules",
        "id",
        "originalUriBaseIds",
        "artifacts",
        "index",
        "ruleIndex",
        "kind",
        "suppressions",
        "invocations",
        "executionSuccessful",
        "columnKind",
        "security-severity",
        "tags",
        "partialFingerprints",
        "snippet",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-3i64..5).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "2.1.0",
            "error",
            "warning",
            "note",
            "none",
            "high",
            "B602",
            "S602",
            "src/app.py",
            "file:///home/runner/work/app/app/src/app.py",
            "%SRCROOT%",
            "file://",
            "file:",
            "../../../etc/passwd",
            "MEDIUM",
            "9.9",
            "utf16CodeUnits",
            "",
            "é😀\u{0}",
            "pass",
        ])
        .prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// A structurally valid log with fuzzed leaves.
fn arb_log() -> impl Strategy<Value = Value> {
    (
        arb_value(),
        arb_value(),
        arb_value(),
        arb_value(),
        arb_value(),
    )
        .prop_map(|(level, uri, region, props, rule)| {
            json!({
                "version": "2.1.0",
                "runs": [{
                    "tool": {"driver": {"name": "fuzz", "rules": [rule]}},
                    "results": [{
                        "ruleId": "B602",
                        "level": level,
                        "message": {"text": "m"},
                        "properties": props,
                        "locations": [{"physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": region
                        }}]
                    }]
                }]
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn mutated_real_sarif_never_panics(
        which in 0..2usize,
        cut in 0.0f64..1.0,
        flips in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
    ) {
        let mut bytes = sample(["bandit.sarif", "ruff.sarif"][which]);
        for (at, b) in flips {
            let i = (at * bytes.len() as f64) as usize % bytes.len();
            bytes[i] = b;
        }
        let keep = ((cut * bytes.len() as f64) as usize).max(1);
        check(&bytes);
        check(&bytes[..keep]);
    }

    #[test]
    fn generated_documents_never_panic(doc in arb_value()) {
        check(doc.to_string().as_bytes());
    }

    #[test]
    fn sarif_shaped_documents_never_panic(doc in arb_log()) {
        check(doc.to_string().as_bytes());
    }
}

#[test]
fn regressions_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/sarif/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "the regression corpus is not empty");
}
