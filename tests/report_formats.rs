//! Snapshot of every report format: the scanned tree (issue #2), and the
//! shared findings of issue #4: a
//! failing finding merged from three tools, a budgeted one, an excepted one,
//! a suppressed one, an expired exception and a diagnostic.

mod common;

use gate::diagnostic::{Diagnostic, Kind, Level};
use gate::finding::{Confidence, Finding, Region, Severity, Suppression, SuppressionKind};
use gate::policy::{evaluate_on, Date, Exception, Policy};
use gate::report::{Format, RenderOptions, Report, RunInfo};
use gate::scan::ScanStats;
use std::collections::BTreeMap;

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

fn render_tree(format: &str) -> String {
    let run = tree().gate(&["scan", "--engines", "secrets", "-f", format]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.stdout
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.add_filter(env!("CARGO_PKG_VERSION"), "[VERSION]");
    s.add_filter(r#"file:///[^"]*/\.tmp[A-Za-z0-9]+/"#, "file:///[ROOT]/");
    s
}

#[test]
fn text_report() {
    settings().bind(|| insta::assert_snapshot!(render_tree("text")));
}

#[test]
fn json_report() {
    settings().bind(|| insta::assert_snapshot!(render_tree("json")));
}

#[test]
fn sarif_report() {
    settings().bind(|| insta::assert_snapshot!(render_tree("sarif")));
}

#[test]
fn github_report() {
    settings().bind(|| insta::assert_snapshot!(render_tree("github")));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let schema_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/schemas/sarif-schema-2.1.0.json"
    );
    let schema_text = std::fs::read_to_string(schema_path)
        .or_else(|_| std::fs::read_to_string(common::SCHEMA))
        .expect("SARIF schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let log: serde_json::Value = serde_json::from_str(&render_tree("sarif")).unwrap();
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

fn findings() -> Vec<Finding> {
    let mut shell = Finding::new(
        "B602",
        "gate-python",
        Severity::High,
        Confidence::High,
        "src/app.py",
        Region {
            start_line: 14,
            start_column: 12,
            end_line: 14,
            end_column: 44,
        },
        "subprocess call with shell=True identified, security issue.",
    );
    shell.tools = vec!["gate-python".into(), "bandit".into(), "ruff".into()];
    shell.cwe = Some(78);
    shell.fingerprint = "b0a5a629b298704430b8:1".into();
    let mut yaml = Finding::new(
        "B506",
        "bandit",
        Severity::Medium,
        Confidence::High,
        "src/app.py",
        Region::line(19),
        "Use of unsafe yaml load. <Allows> instantiation of arbitrary objects | pipes & \"quotes\".",
    );
    yaml.fingerprint = "0a5a629b298704430b81:1".into();
    let mut assert = Finding::new(
        "B101",
        "bandit",
        Severity::High,
        Confidence::High,
        "tests/test_app.py",
        Region::line(3),
        "Use of assert detected.",
    );
    assert.fingerprint = "a5a629b298704430b81b:1".into();
    let mut nosec = Finding::new(
        "B602",
        "ruff",
        Severity::High,
        Confidence::High,
        "src/app.py",
        Region::line(44),
        "`subprocess` call with `shell=True` identified",
    );
    nosec.suppression = Some(Suppression {
        kind: SuppressionKind::InSource,
        justification: "# nosec B602".into(),
    });
    nosec.fingerprint = "5a629b298704430b81bc:1".into();
    let mut expired = Finding::new(
        "B105",
        "bandit",
        Severity::High,
        Confidence::Medium,
        "legacy/settings.py",
        Region::line(2),
        "Possible hardcoded password: 'hunter2'",
    );
    expired.fingerprint = "629b298704430b81bcd0:1".into();
    vec![shell, yaml, assert, nosec, expired]
}

fn policy() -> Policy {
    let mut p = Policy::default();
    p.budgets.insert(Severity::Medium, 0);
    p.exceptions = vec![
        Exception {
            rules: vec!["S101".into()],
            paths: vec!["tests/**".into()],
            reason: "asserts are how pytest works".into(),
            expires: Date::parse("2030-01-01").unwrap(),
        },
        Exception {
            rules: vec!["B105".into()],
            paths: vec!["legacy/**".into()],
            reason: "legacy settings, rotating".into(),
            expires: Date::parse("2026-01-31").unwrap(),
        },
    ];
    p
}

fn render(format: Format) -> String {
    let findings = findings();
    let verdict = evaluate_on(&policy(), &findings, Date::parse("2026-11-22").unwrap());
    let rules = BTreeMap::new();
    let diagnostics = vec![Diagnostic::file(
        Level::Warning,
        Kind::Unparsable,
        "src/broken.py",
        "ruff could not parse this file: Expected an expression",
    )
    .at(3, None)];
    let run = RunInfo::default();
    let report = Report {
        findings: &findings,
        rules: &rules,
        diagnostics: &diagnostics,
        verdict: &verdict,
        stats: ScanStats {
            files_scanned: 4,
            bytes_scanned: 2048,
            files_skipped: 0,
        },
        run: &run,
    };
    let opts = RenderOptions { color: false };
    format.emitter().render(&report, &opts)
}

#[test]
fn gitlab_code_quality() {
    let text = render(Format::Gitlab);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        doc.as_array().unwrap().len(),
        4,
        "suppressed findings are not listed"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn issue15_p1_gitlab_sast_over_the_shared_findings() {
    let text = render(Format::GitlabSast);
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let vulns = doc["vulnerabilities"].as_array().unwrap();
    assert_eq!(vulns.len(), 4, "suppressed findings are not listed");
    let mut s = insta::Settings::clone_current();
    s.add_filter(env!("CARGO_PKG_VERSION"), "[VERSION]");
    s.add_filter(
        r#""(start|end)_time": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d""#,
        r#""${1}_time": "[TIME]""#,
    );
    s.bind(|| insta::assert_snapshot!(text));
    let none = render(Format::GitlabSecretDetection);
    let doc: serde_json::Value = serde_json::from_str(&none).unwrap();
    assert_eq!(
        doc["vulnerabilities"],
        serde_json::json!([]),
        "no secrets here"
    );
}

#[test]
fn junit() {
    let text = render(Format::Junit);
    assert!(
        text.contains("failures=\"4\""),
        "policy + 3 failing findings"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn markdown() {
    let text = render(Format::Markdown);
    assert!(text.contains("EXPIRED on 2026-01-31"));
    insta::assert_snapshot!(text);
}

#[test]
fn text_and_json_explain_the_verdict() {
    let text = render(Format::Text);
    assert!(text.contains("EXPIRED"), "{text}");
    assert!(
        text.contains("fails the gate: 1 medium findings exceed the budget of 0"),
        "{text}"
    );
    assert!(text.contains("1 covered by exceptions"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
    assert_eq!(json["verdict"]["warnings"].as_array().unwrap().len(), 1);
    assert_eq!(json["verdict"]["excepted"], 1);
    let reasons: Vec<&str> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["failure_reason"].as_str())
        .collect();
    assert!(
        reasons.contains(&"1 medium findings exceed the budget of 0"),
        "{reasons:?}"
    );
}
