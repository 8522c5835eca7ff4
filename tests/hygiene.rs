//! The hygiene engine end to end: the binary on temp trees (issue 12).

mod common;

use common::Tree;
use serde_json::Value;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/hygiene");

fn read(rel: &str) -> String {
    std::fs::read_to_string(format!("{DATA}/{rel}")).unwrap()
}

/// (rule, line, tools) of every unsuppressed finding of a JSON report.
fn found(report: &Value) -> Vec<(String, u64, Vec<String>)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                f["tools"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|t| t.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn issue12_p4_zizmor_sarif_merges_with_gate_findings_through_aliases() {
    // zizmor 1.32's real SARIF for this workflow (`zizmor --offline --format sarif`).
    let t = Tree::new();
    t.file(".github/workflows/ci.yml", read("sarif/zizmor-ci.yml"));
    t.file("zizmor.sarif", read("sarif/zizmor-1.32.sarif"));
    let run = t.gate(&["scan", ".", "--sarif", "zizmor.sarif", "--format", "json"]);
    let report = run.json();
    let unpinned: Vec<_> = found(&report)
        .into_iter()
        .filter(|(r, _, _)| r == "unpinned-uses")
        .collect();
    // One finding per problem, reported by both tools under gate's id.
    let both = vec!["gate-hygiene".to_string(), "zizmor".to_string()];
    assert_eq!(
        unpinned,
        vec![
            ("unpinned-uses".to_string(), 6, both.clone()),
            ("unpinned-uses".to_string(), 12, both),
        ],
        "{}",
        run.stdout
    );
    // Line 7 is under `# zizmor: ignore[...]`, line 10 under `# gate:ignore[...]`
    // (zizmor still reports it; the merged finding keeps gate's suppression).
    assert_eq!(report["summary"]["suppressed"], 2, "{}", run.stdout);
    // zizmor's other audits stay findings of their own.
    assert!(found(&report)
        .iter()
        .any(|(r, l, _)| r == "zizmor/artipacked" && *l == 6));
}
