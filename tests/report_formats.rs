//! Snapshot of every report format over the same findings, and SARIF schema
//! validation (issue #2).

mod common;

use common::{Tree, GITHUB_PAT, GITHUB_PAT_2};

fn tree() -> Tree {
    let t = Tree::new();
    t.file(
        "app/settings.py",
        format!(
            "import os\n\nGITHUB_TOKEN = \"{GITHUB_PAT}\"\nDEBUG = os.environ.get(\"DEBUG\")\n"
        ),
    );
    t.file(
        "deploy/.env",
        format!(
            "# CI token\nGH_TOKEN={GITHUB_PAT_2}\nOLD={GITHUB_PAT}  # gate:allow rotated 2026-01\n"
        ),
    );
    t.file("README.md", "Nothing to see.\n");
    t
}

fn render(format: &str) -> String {
    let run = tree().gate(&["scan", "-f", format]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.stdout
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(env!("CARGO_PKG_VERSION"), "[VERSION]");
    s
}

#[test]
fn text_report() {
    settings().bind(|| insta::assert_snapshot!(render("text")));
}

#[test]
fn json_report() {
    settings().bind(|| insta::assert_snapshot!(render("json")));
}

#[test]
fn sarif_report() {
    settings().bind(|| insta::assert_snapshot!(render("sarif")));
}

#[test]
fn github_report() {
    settings().bind(|| insta::assert_snapshot!(render("github")));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/schemas/sarif-schema-2.1.0.json"
    );
    let schema_text = std::fs::read_to_string(schema_path)
        .or_else(|_| {
            std::fs::read_to_string(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/testdata/sarif-schema-2.1.0.json"
            ))
        })
        .expect("SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let log: serde_json::Value = serde_json::from_str(&render("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let rule = &log["runs"][0]["tool"]["driver"]["rules"][0];
    assert!(rule["help"]["text"].as_str().unwrap().len() > 20);
    assert!(rule["fullDescription"]["text"].is_string());
    assert_eq!(rule["properties"]["security-severity"], "9.5");
}
