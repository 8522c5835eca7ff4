//! Golden tests of what `gate github` plans to post (issue #5): the bodies
//! and texts are pure functions of the report, and GitHub's limits hold.

use std::collections::BTreeMap;

use gate::diagnostic::{Diagnostic, Kind, Level};
use gate::engines::RuleInfo;
use gate::finding::{assign_fingerprints, Confidence, Finding, Region, SecretMatch, Severity};
use gate::github::plan::{
    plan, Plan, MAX_ANNOTATION_TITLE_CHARS, MAX_STATUS_DESCRIPTION_CHARS, MAX_STEP_SUMMARY_BYTES,
    MAX_SUMMARY_CHARS, WORKFLOW_COMMANDS_PER_LEVEL,
};
use gate::policy::{evaluate_on, Date, Exception, Policy};
use gate::redact::{redact_analysis, Redactor, SecretSpans};
use gate::report::{Report, RunInfo};

const SECRET: &str = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";

fn secret_at(path: &str, line: u32) -> Finding {
    let mut f = Finding::new(
        "github-pat",
        "gate-secrets",
        Severity::Critical,
        Confidence::High,
        path,
        Region {
            start_line: line,
            start_column: 17,
            end_line: line,
            end_column: 57,
        },
        "GitHub personal access token (classic)",
    );
    f.snippet = Some(format!("GITHUB_TOKEN = \"{SECRET}\""));
    f.secret = Some(SecretMatch {
        value: SECRET.into(),
        matched: format!("\"{SECRET}\""),
        entropy: 4.8,
    });
    f.cwe = Some(798);
    f
}

fn sample() -> Vec<Finding> {
    let mut shell = Finding::new(
        "B602",
        "gate-python",
        Severity::High,
        Confidence::Low,
        "src/app.py",
        Region {
            start_line: 14,
            start_column: 5,
            end_line: 16,
            end_column: 6,
        },
        "subprocess call with shell=True | pipes & `ticks`",
    );
    shell.tools = vec!["gate-python".into(), "bandit".into(), "ruff".into()];
    shell.snippet = Some("subprocess.call(\n    cmd, shell=True\n)".into());
    let mut assert = Finding::new(
        "B101",
        "bandit",
        Severity::Low,
        Confidence::High,
        "tests/test_app.py",
        Region::line(3),
        "Use of assert detected.",
    );
    assert.snippet = Some("assert x == 1".into());
    shell.changed = Some(true);
    let mut secret = secret_at("app/settings.py", 3);
    secret.changed = Some(true);
    let mut v = vec![secret, shell, assert];
    assign_fingerprints(&mut v);
    v
}

fn rules() -> BTreeMap<String, RuleInfo> {
    let mut m = BTreeMap::new();
    m.insert(
        "github-pat".to_string(),
        RuleInfo {
            id: "github-pat".into(),
            name: "github-pat".into(),
            tool: "gate-secrets".into(),
            short_description: "GitHub personal access token".into(),
            full_description: String::new(),
            help: String::new(),
            severity: Severity::Critical,
            confidence: Confidence::High,
            cwe: Some(798),
            tags: vec![],
            references: vec![],
        },
    );
    m
}

fn policy() -> Policy {
    Policy {
        exceptions: vec![Exception {
            rules: vec!["B101".into()],
            paths: vec!["legacy/**".into()],
            reason: "legacy asserts".into(),
            expires: Date::parse("2026-01-31").unwrap(),
        }],
        ..Policy::default()
    }
}

/// The plan for these findings, after the redaction point every real run
/// passes them through.
fn plan_of(findings: &[Finding], diagnostics: &[Diagnostic]) -> Plan {
    let verdict = evaluate_on(&policy(), findings, Date::parse("2026-11-22").unwrap());
    let (mut findings, mut diagnostics) = (findings.to_vec(), diagnostics.to_vec());
    let spans = SecretSpans::new([SECRET]);
    redact_analysis(
        &mut findings,
        &mut diagnostics,
        &spans,
        &Redactor::default(),
    );
    let (findings, diagnostics) = (&findings[..], &diagnostics[..]);
    let rules = rules();
    let run = RunInfo::default();
    let report = Report {
        findings,
        rules: &rules,
        diagnostics,
        verdict: &verdict,
        stats: Default::default(),
        run: &run,
    };
    plan(&report)
}

#[test]
fn golden_plan() {
    let diags = [Diagnostic::file(
        Level::Warning,
        Kind::Unparsable,
        "src/broken.py",
        "syntax error; Python checks skipped",
    )];
    let p = plan_of(&sample(), &diags);
    insta::assert_snapshot!("title", p.title);
    insta::assert_snapshot!("summary", p.summary);
    insta::assert_json_snapshot!("annotations", p.annotations);
    insta::assert_snapshot!("workflow_commands", p.workflow_commands.join("\n"));
    insta::assert_snapshot!(
        "status",
        format!("{}: {}", p.status_state, p.status_description)
    );
    insta::assert_json_snapshot!("review_comments", p.review_comments);
    assert!(!format!("{p:?}").contains(SECRET));
}

#[test]
fn five_thousand_findings_stay_within_every_limit() {
    let mut v: Vec<Finding> = (0..5_000)
        .map(|i| secret_at(&format!("deep/{}/settings_{i}.py", "x".repeat(40)), i + 1))
        .collect();
    assign_fingerprints(&mut v);
    let p = plan_of(&v, &[]);
    assert!(p.summary.chars().count() <= MAX_SUMMARY_CHARS);
    assert!(p.summary.contains("more (the SARIF report has them all)"));
    assert!(p.step_summary.len() <= MAX_STEP_SUMMARY_BYTES);
    assert!(p.status_description.chars().count() <= MAX_STATUS_DESCRIPTION_CHARS);
    assert_eq!(p.annotations.len(), 1_000);
    assert_eq!(p.not_annotated, 4_000);
    let errors = p
        .workflow_commands
        .iter()
        .filter(|c| c.starts_with("::error "))
        .count();
    assert_eq!(errors, WORKFLOW_COMMANDS_PER_LEVEL);
    assert!(p
        .workflow_commands
        .last()
        .unwrap()
        .contains("4990 more finding(s)"));
    assert!(!p.summary.contains(SECRET) && !p.step_summary.contains(SECRET));
}

#[test]
fn long_titles_and_messages_are_cut_to_githubs_sizes() {
    let mut f = Finding::new(
        "R".repeat(300),
        "custom",
        Severity::Medium,
        Confidence::High,
        "a.py",
        Region::line(1),
        "m".repeat(100_000),
    );
    f.fingerprint = "x:1".into();
    let p = plan_of(&[f], &[]);
    let a = &p.annotations[0];
    assert_eq!(a.title.chars().count(), MAX_ANNOTATION_TITLE_CHARS);
    assert!(a.message.len() < 64 * 1024);
    assert_eq!(a.annotation_level, "warning");
    assert_eq!((a.start_column, a.end_column), (None, None));
}

#[test]
fn notices_keep_one_slot_for_the_count_of_the_rest() {
    let mut v: Vec<Finding> = (0..25)
        .map(|i| {
            Finding::new(
                "B101",
                "bandit",
                Severity::Low,
                Confidence::High,
                "t.py",
                Region::line(i + 1),
                "Use of assert detected.",
            )
        })
        .collect();
    assign_fingerprints(&mut v);
    let p = plan_of(&v, &[]);
    let notices: Vec<&String> = p
        .workflow_commands
        .iter()
        .filter(|c| c.starts_with("::notice "))
        .collect();
    assert_eq!(notices.len(), WORKFLOW_COMMANDS_PER_LEVEL);
    assert!(notices.last().unwrap().contains("16 more finding(s)"));
}
