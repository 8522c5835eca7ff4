//! Merging the real ruff and bandit SARIF of the sample project (and gate's
//! own findings) gives one finding per problem.

use std::collections::BTreeMap;
use std::path::Path;

use gate::finding::{Confidence, Finding, Region, Severity};
use gate::sarif::{merge, read_file, SourceRoot};

const SAMPLES: &str = "/work/shared/samples/sarif";

fn samples() -> &'static Path {
    Path::new(SAMPLES)
}

fn sources() -> SourceRoot {
    SourceRoot::new(samples(), 10 << 20)
}

fn inputs() -> Vec<gate::sarif::SarifInput> {
    ["bandit.sarif", "ruff.sarif"]
        .iter()
        .map(|f| read_file(&samples().join(f), samples()).unwrap())
        .collect()
}

/// What gate's Python engine reports on the sample sources (bandit ids, bandit
/// semantics: B602 on a multi-line call at the `shell=` value's line).
fn gate_python() -> Vec<Finding> {
    let f = |rule: &str, path: &str, line: u32, col: u32| {
        let mut f = Finding::new(
            rule,
            "gate-python",
            Severity::High,
            Confidence::High,
            path,
            Region {
                start_line: line,
                start_column: col,
                end_line: line,
                end_column: col + 4,
            },
            format!("{rule} from gate"),
        );
        f.snippet = Some("x".into());
        f
    };
    vec![
        f("B602", "src/app.py", 14, 12),
        f("B602", "src/multiline.py", 9, 15),
        f("B501", "src/multiline.py", 14, 18),
        f("B605", "src/pkg/util.py", 11, 5),
    ]
}

fn summary(findings: &[Finding]) -> Vec<String> {
    findings
        .iter()
        .map(|f| {
            format!(
                "{}:{} {} [{}]{}",
                f.path,
                f.region.start_line,
                f.rule_id,
                f.tools.join(","),
                match &f.suppression {
                    Some(s) => format!(" suppressed by `{}`", s.justification),
                    None => String::new(),
                }
            )
        })
        .collect()
}

#[test]
fn bandit_ruff_and_gate_give_one_finding_per_problem() {
    let merged = merge(gate_python(), inputs(), &BTreeMap::new(), &sources());
    insta::assert_json_snapshot!(summary(&merged.findings));
    let reports = 21 + 19 + gate_python().len();
    assert_eq!(
        merged.findings.len(),
        24,
        "{reports} reports are 24 problems"
    );
    let multiline_b602 = merged
        .findings
        .iter()
        .find(|f| f.path == "src/multiline.py" && f.rule_id == "B602" && f.region.start_line < 10)
        .unwrap();
    assert_eq!(multiline_b602.tools, ["gate-python", "bandit", "ruff"]);
}

#[test]
fn merged_findings_carry_line_hashes_and_character_columns() {
    let merged = merge(Vec::new(), inputs(), &BTreeMap::new(), &sources());
    assert!(merged.findings.iter().all(|f| f.line_hash.is_some()));
    let b501 = merged
        .findings
        .iter()
        .find(|f| f.path == "src/app.py" && f.rule_id == "B501")
        .unwrap();
    assert_eq!(b501.tools, ["bandit", "ruff"]);
    assert_eq!(
        b501.severity,
        Severity::High,
        "bandit's severity wins over ruff's level"
    );
    assert_eq!(b501.cwe, Some(295));
    let tools: Vec<&str> = merged.tools.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(tools, ["bandit", "ruff"]);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

#[test]
fn sarif_inputs_from_gate_toml_are_gated_like_flags() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_dir(samples(), root);
    std::fs::write(
        root.join("gate.toml"),
        "[sarif]\ninputs = [\"bandit.sarif\", \"ruff.sarif\"]\nautomation_id = \"gate/pr/\"\n",
    )
    .unwrap();
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(root)
        .args([
            "scan",
            "--root",
            ".",
            "--engines",
            "secrets",
            "src",
            "--format",
            "json",
        ])
        .args(["--output", "sarif=out.sarif"])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        doc["summary"]["findings"], 22,
        "24 problems, 2 of them suppressed"
    );
    assert_eq!(doc["summary"]["suppressed"], 2);
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["automationDetails"]["id"], "gate/pr/");
    // ruff's absolute URIs from the CI runner were re-rooted on this checkout.
    let uris: std::collections::BTreeSet<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(
        uris.into_iter().collect::<Vec<_>>(),
        ["src/app.py", "src/multiline.py", "src/pkg/util.py"]
    );
}
