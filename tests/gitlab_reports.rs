//! Issue 15, point 1: the GitLab security reports (`gitlab-secret-detection`,
//! `gitlab-sast`, schema 15.2.4) and Code Quality (`gitlab-codequality`,
//! alias `gitlab`). Every report gate writes validates against GitLab's own
//! schema (GitLab drops one that does not), with a secret, a Python and a
//! hygiene finding in it; secrets go to the secret-detection report only and
//! never unmasked; the scan status agrees with the exit code.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Tree, GITHUB_PAT};
use serde_json::{json, Value};

/// GitLab's schemas, copied into the repository (testdata/schemas/gitlab).
const SCHEMAS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/schemas/gitlab");
/// A commit id as GitLab CI sets it.
const CI_SHA: &str = "4f2d9c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";

/// One `gate` run: exit code, stderr, and the reports it wrote by format.
struct Reports {
    code: i32,
    stderr: String,
    sast: Value,
    secrets: Value,
    codequality: Value,
    /// Every report file's text, for leak checks.
    raw: String,
}

/// Run `gate ARGS -o` all three GitLab reports in `dir`, with
/// `CI_COMMIT_SHA` set to `ci_sha` (or unset).
fn scan(dir: &Path, args: &[&str], ci_sha: Option<&str>) -> Reports {
    let out = tempfile::tempdir().unwrap();
    let file = |name: &str| out.path().join(name).display().to_string();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gate"));
    cmd.current_dir(dir)
        .args(args)
        .args(["-q", "-o"])
        .arg(format!("gitlab-sast={}", file("gl-sast-report.json")))
        .arg("-o")
        .arg(format!(
            "gitlab-secret-detection={}",
            file("gl-secret-detection-report.json")
        ))
        .arg("-o")
        .arg(format!(
            "gitlab-codequality={}",
            file("gl-code-quality-report.json")
        ))
        .env("NO_COLOR", "1")
        .env_remove("CI_COMMIT_SHA")
        .env_remove("GITHUB_BASE_REF");
    if let Some(sha) = ci_sha {
        cmd.env("CI_COMMIT_SHA", sha);
    }
    let o = cmd.output().expect("gate runs");
    let read = |name: &str| std::fs::read_to_string(file(name)).unwrap_or_default();
    let parse = |name: &str| -> Value {
        serde_json::from_str(&read(name)).unwrap_or_else(|e| {
            panic!(
                "{name} is not JSON ({e}):\n{}\nstderr: {}",
                read(name),
                String::from_utf8_lossy(&o.stderr)
            )
        })
    };
    Reports {
        code: o.status.code().unwrap_or(-1),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        sast: parse("gl-sast-report.json"),
        secrets: parse("gl-secret-detection-report.json"),
        codequality: parse("gl-code-quality-report.json"),
        raw: [
            "gl-sast-report.json",
            "gl-secret-detection-report.json",
            "gl-code-quality-report.json",
        ]
        .map(read)
        .join("\n"),
    }
}

/// Every violation of GitLab's schema `file` (in testdata/schemas/gitlab).
fn schema_errors(file: &str, doc: &Value) -> Vec<String> {
    let text = std::fs::read_to_string(format!("{SCHEMAS}/{file}")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::draft7::new(&schema).expect("the schema compiles");
    validator
        .iter_errors(doc)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect()
}

/// Both security reports are valid against their schema, and their status
/// agrees with the exit code (2, and only 2, is a failed scan).
fn assert_valid(r: &Reports) {
    for (file, doc) in [
        ("sast-report-format.json", &r.sast),
        ("secret-detection-report-format.json", &r.secrets),
    ] {
        let errs = schema_errors(file, doc);
        assert!(errs.is_empty(), "{file}:\n{}\n{doc:#}", errs.join("\n"));
        let status = if r.code == 2 { "failure" } else { "success" };
        assert_eq!(
            doc["scan"]["status"], status,
            "exit {}: {}",
            r.code, r.stderr
        );
        assert_eq!(doc["version"], "15.2.4");
    }
    assert_eq!(r.sast["scan"]["type"], "sast");
    assert_eq!(r.secrets["scan"]["type"], "secret_detection");
}

fn vulns(doc: &Value) -> &Vec<Value> {
    doc["vulnerabilities"].as_array().unwrap()
}

/// The vulnerabilities whose primary identifier is this gate rule.
fn by_rule<'a>(doc: &'a Value, rule: &str) -> Vec<&'a Value> {
    vulns(doc)
        .iter()
        .filter(|v| v["identifiers"][0]["value"] == rule)
        .collect()
}

/// `(type, value)` of every identifier of a vulnerability.
fn identifiers(v: &Value) -> Vec<(String, String)> {
    v["identifiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["type"].as_str().unwrap().to_string(),
                i["value"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair(t: &str, v: &str) -> (String, String) {
    (t.to_string(), v.to_string())
}

/// A tree with a leaked token (which bandit's B105 also sees), a shell
/// injection and a Dockerfile that runs as root from a `:latest` image.
fn mixed_tree() -> Tree {
    let t = Tree::new();
    t.file(
        "app/settings.py",
        format!(
            "import subprocess\n\nTOKEN = \"{GITHUB_PAT}\"\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n"
        ),
    );
    t.file(
        "Dockerfile",
        "FROM python:latest\nCOPY . /app\nCMD [\"python\", \"/app/main.py\"]\n",
    );
    t
}

#[test]
fn issue15_p1_every_report_validates_with_secret_python_and_hygiene_findings() {
    let t = mixed_tree();
    let r = scan(t.path(), &["scan", "."], Some(CI_SHA));
    assert_eq!(r.code, 1, "a leaked token fails the gate: {}", r.stderr);
    assert_valid(&r);

    // The secret: in the secret-detection report only, masked, at CI_COMMIT_SHA.
    let secrets = vulns(&r.secrets);
    assert_eq!(secrets.len(), 1, "{:#}", r.secrets);
    let s = &secrets[0];
    assert_eq!(s["location"]["file"], "app/settings.py");
    assert_eq!(s["location"]["start_line"], 3);
    assert_eq!(s["location"]["commit"]["sha"], CI_SHA);
    assert_eq!(s["severity"], "Critical");
    assert_eq!(s["identifiers"][0]["type"], "gate_rule_id");
    assert!(identifiers(s).contains(&pair("cwe", "798")), "{s:#}");
    let extract = s["raw_source_code_extract"].as_str().unwrap();
    assert!(
        extract.starts_with("TOKEN = \"") && extract.contains("*****"),
        "{extract}"
    );
    assert!(s["details"]["gate"]["value"]
        .as_str()
        .unwrap()
        .starts_with("fails the gate"));

    // Python: bandit's B602 with its CWE and its bandit and ruff ids.
    let b602 = by_rule(&r.sast, "B602");
    assert_eq!(b602.len(), 1, "{:#}", r.sast);
    let ids = identifiers(b602[0]);
    for id in [
        pair("gate_rule_id", "B602"),
        pair("cwe", "78"),
        pair("bandit_test_id", "B602"),
        pair("ruff_rule_id", "S602"),
    ] {
        assert!(ids.contains(&id), "{id:?} not in {ids:?}");
    }
    assert_eq!(b602[0]["severity"], "High");
    assert!(b602[0]["solution"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(
        b602[0]["location"].get("commit").is_none(),
        "SAST has no commit"
    );

    // Hygiene: the unpinned base image, with hadolint's and checkov's ids.
    let from = by_rule(&r.sast, "dockerfile-unpinned-from");
    assert_eq!(from.len(), 1, "{:#}", r.sast);
    let ids = identifiers(from[0]);
    assert!(ids.contains(&pair("hadolint_rule_id", "DL3007")), "{ids:?}");
    assert!(
        !ids.contains(&pair("hadolint_rule_id", "DL3006")),
        "a `:latest` image is DL3007 only: {ids:?}"
    );
    assert!(ids.contains(&pair("cwe", "829")), "{ids:?}");
    assert!(!by_rule(&r.sast, "dockerfile-no-user").is_empty());

    // Bandit's B105 sees the token too: SAST, and masked there as well.
    assert_eq!(by_rule(&r.sast, "B105").len(), 1, "{:#}", r.sast);
    assert!(
        vulns(&r.sast).iter().all(|v| !v["identifiers"][0]["value"]
            .as_str()
            .unwrap()
            .starts_with("github")),
        "no secret rule in SAST"
    );
    assert!(
        !r.raw.contains(GITHUB_PAT),
        "the planted token leaked:\n{}",
        r.raw
    );
    assert!(
        !r.raw.contains(&GITHUB_PAT[..12]),
        "a piece of the token leaked"
    );

    // Stable ids, UUID-shaped: a second run gives the same ones.
    let again = scan(t.path(), &["scan", "."], Some(CI_SHA));
    let ids = |doc: &Value| -> Vec<String> {
        vulns(doc)
            .iter()
            .map(|v| v["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids(&r.sast), ids(&again.sast));
    assert_eq!(ids(&r.secrets), ids(&again.secrets));
    for id in ids(&r.sast).iter().chain(&ids(&r.secrets)) {
        assert_eq!(id.len(), 36, "{id}");
        assert_eq!(id.matches('-').count(), 4, "{id}");
    }
    let mut unique = ids(&r.sast);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), vulns(&r.sast).len(), "ids are distinct");
}

#[test]
fn issue15_p1_code_quality_keeps_its_name_and_gains_ranges() {
    let t = mixed_tree();
    let r = scan(t.path(), &["scan", "."], None);
    let issues = r.codequality.as_array().unwrap();
    let b602 = issues.iter().find(|i| i["check_name"] == "B602").unwrap();
    assert_eq!(b602["location"]["lines"]["begin"], 7);
    let pos = &b602["location"]["positions"];
    assert_eq!(pos["begin"]["line"], 7);
    assert!(pos["begin"]["column"].as_u64().unwrap() > 1, "{b602:#}");
    // `gitlab` is still the Code Quality report, byte for byte the same.
    let old = Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(t.path())
        .args(["scan", ".", "--format", "gitlab"])
        .output()
        .unwrap();
    let new = Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(t.path())
        .args(["scan", ".", "--format", "gitlab-codequality"])
        .output()
        .unwrap();
    assert_eq!(old.status.code(), Some(1));
    assert_eq!(old.stdout, new.stdout);
    let doc: Value = serde_json::from_slice(&old.stdout).unwrap();
    assert_eq!(doc.as_array().unwrap().len(), issues.len());
}

#[test]
fn issue15_p1_gitlab_report_file_names_pick_their_format() {
    let t = mixed_tree();
    std::fs::create_dir_all(t.path().join("out")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(t.path())
        .args([
            "scan",
            "app",
            "-q",
            "-o",
            "out/gl-sast-report.json",
            "-o",
            "out/gl-secret-detection-report.json",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    let read = |f: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(t.path().join("out").join(f)).unwrap())
            .unwrap()
    };
    assert_eq!(read("gl-sast-report.json")["scan"]["type"], "sast");
    assert_eq!(
        read("gl-secret-detection-report.json")["scan"]["type"],
        "secret_detection"
    );
}

#[test]
fn issue15_p1_empty_reports_are_valid() {
    let t = Tree::new();
    t.file("app.py", "print('hello')\n");
    let r = scan(t.path(), &["scan", "."], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_valid(&r);
    assert!(vulns(&r.sast).is_empty());
    assert!(vulns(&r.secrets).is_empty());
    assert_eq!(r.codequality, json!([]));
}

#[test]
fn issue15_p1_an_incomplete_scan_is_a_failed_scan_and_exits_2() {
    let t = mixed_tree();
    t.file("broken.sarif", "{\"version\": \"2.1.0\", \"runs\": [");
    let r = scan(t.path(), &["scan", ".", "--sarif", "broken.sarif"], None);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_valid(&r);
    let messages = r.sast["scan"]["messages"].as_array().unwrap();
    assert!(
        messages
            .iter()
            .any(|m| m["level"] == "fatal" && m["value"].as_str().unwrap().contains("broken.sarif")),
        "{messages:#?}"
    );
    assert_eq!(vulns(&r.secrets).len(), 1, "findings are still reported");
}

#[test]
fn issue15_p1_commit_sha_from_ci_then_git_then_gitlabs_placeholder() {
    let t = mixed_tree();
    // Not a git repository, no CI_COMMIT_SHA: GitLab's own placeholder.
    let r = scan(t.path(), &["scan", "."], None);
    assert_valid(&r);
    assert_eq!(vulns(&r.secrets)[0]["location"]["commit"]["sha"], "0000000");

    // A git repository: its HEAD.
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .current_dir(t.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.com")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.com")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    };
    git(&["init", "-q", "-b", "main"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "init"]);
    let head = git(&["rev-parse", "HEAD"]);
    let r = scan(t.path(), &["scan", "."], None);
    assert_eq!(
        vulns(&r.secrets)[0]["location"]["commit"]["sha"],
        head.as_str()
    );

    // A hostile CI_COMMIT_SHA is never copied: a warning, and git's HEAD.
    for hostile in [
        "\", \"injected\": true, \"x\": \"",
        "4f2d9c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3g",
        "HEAD; rm -rf /",
        "4f2d9c1e",
    ] {
        let r = scan(t.path(), &["scan", "."], Some(hostile));
        assert_valid(&r);
        assert_eq!(
            vulns(&r.secrets)[0]["location"]["commit"]["sha"],
            head.as_str(),
            "{hostile}"
        );
        assert!(!r.raw.contains(hostile), "{hostile} reached a report");
        assert!(
            r.stderr.contains("CI_COMMIT_SHA is not a commit id"),
            "{}",
            r.stderr
        );
        assert!(!r.stderr.contains(hostile), "the value is not echoed");
    }
    // Upper case is a commit id too, written as git writes it.
    let r = scan(t.path(), &["scan", "."], Some(&CI_SHA.to_uppercase()));
    assert_eq!(vulns(&r.secrets)[0]["location"]["commit"]["sha"], CI_SHA);
}

#[test]
fn issue15_p1_secrets_from_history_name_their_own_commit() {
    let t = Tree::new();
    let git = |args: &[&str]| {
        let o = Command::new("git")
            .current_dir(t.path())
            .args(args)
            .env("GIT_AUTHOR_NAME", "Dev")
            .env("GIT_AUTHOR_EMAIL", "dev@example.com")
            .env("GIT_COMMITTER_NAME", "Dev")
            .env("GIT_COMMITTER_EMAIL", "dev@example.com")
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8_lossy(&o.stdout).trim().to_string()
    };
    git(&["init", "-q", "-b", "main"]);
    t.file("old.env", format!("GH_TOKEN={GITHUB_PAT}\n"));
    git(&["add", "-A"]);
    git(&["commit", "-qm", &format!("add token {GITHUB_PAT}")]);
    let leaked_in = git(&["rev-parse", "HEAD"]);
    std::fs::remove_file(t.path().join("old.env")).unwrap();
    git(&["add", "-A"]);
    git(&["commit", "-qm", "remove token"]);
    let r = scan(
        t.path(),
        &["scan", "--git", "--engines", "secrets"],
        Some(CI_SHA),
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_valid(&r);
    let commit = &vulns(&r.secrets)[0]["location"]["commit"];
    assert_eq!(commit["sha"], leaked_in.as_str(), "{commit:#}");
    assert_eq!(commit["author"], "Dev");
    assert!(commit["message"].as_str().unwrap().contains("*****"));
    assert!(!r.raw.contains(GITHUB_PAT));
}

#[test]
fn issue15_p1_imported_sarif_goes_by_what_it_is() {
    let t = mixed_tree();
    let sarif = |tool: &str, rule: &str, line: u32, message: &str| {
        json!({
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": tool, "rules": [{"id": rule,
                    "helpUri": "https://example.com/rules/x y"}]}},
                "results": [{
                    "ruleId": rule, "level": "warning",
                    "message": {"text": message},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": "app/settings.py"},
                        "region": {"startLine": line}}}]
                }]
            }]
        })
        .to_string()
    };
    t.file(
        "ruff.sarif",
        sarif("ruff", "F401", 1, "`os` imported but unused"),
    );
    t.file(
        "gitleaks.sarif",
        sarif("gitleaks", "generic-api-key", 1, "generic API key"),
    );
    t.file(
        "semgrep.sarif",
        sarif(
            "Semgrep OSS",
            "python.lang.security.audit.subprocess-shell-true",
            7,
            "shell=True",
        ),
    );
    let r = scan(
        t.path(),
        &[
            "scan",
            ".",
            "--sarif",
            "ruff.sarif",
            "--sarif",
            "gitleaks.sarif",
            "--sarif",
            "semgrep.sarif",
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_valid(&r);
    // ruff's own rule: SAST, with ruff's id as a second identifier.
    let f401 = by_rule(&r.sast, "F401");
    assert_eq!(f401.len(), 1, "{:#}", r.sast);
    assert!(identifiers(f401[0]).contains(&pair("ruff_rule_id", "F401")));
    // A secret scanner's result: secret detection, not SAST.
    assert_eq!(
        by_rule(&r.secrets, "generic-api-key").len(),
        1,
        "{:#}",
        r.secrets
    );
    assert!(by_rule(&r.sast, "generic-api-key").is_empty());
    // Any other tool: SAST, its name made an identifier type.
    let semgrep = by_rule(&r.sast, "python.lang.security.audit.subprocess-shell-true");
    assert_eq!(semgrep.len(), 1, "{:#}", r.sast);
    assert!(identifiers(semgrep[0]).contains(&pair(
        "semgrep_oss_rule_id",
        "python.lang.security.audit.subprocess-shell-true"
    )));
}

#[test]
fn issue15_p1_reports_snapshot() {
    let t = mixed_tree();
    let r = scan(t.path(), &["scan", "."], Some(CI_SHA));
    let mut s = insta::Settings::clone_current();
    s.add_filter(env!("CARGO_PKG_VERSION"), "[VERSION]");
    s.add_filter(
        r#""(start|end)_time": "\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d""#,
        r#""${1}_time": "[TIME]""#,
    );
    s.bind(|| {
        insta::assert_json_snapshot!("gl_secret_detection", r.secrets);
        insta::assert_json_snapshot!("gl_sast", r.sast);
    });
}

#[test]
fn issue15_p1_hostile_imported_sarif_still_makes_valid_reports() {
    let t = mixed_tree();
    let long = "x".repeat(10_000);
    let doc = json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "\u{1b}[31m\"evil\" tool\n", "rules": [{
                "id": "R\"1\n",
                "shortDescription": {"text": long},
                "fullDescription": {"text": "é".repeat(2_000_000)},
                "helpUri": "javascript:alert(1)"
            }]}},
            "results": [{
                "ruleId": "R\"1\n", "level": "error",
                "message": {"text": "line one\nline two \u{0} </script>"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "app/settings.py"},
                    "region": {"startLine": 4_000_000}}}]
            }]
        }]
    });
    t.file("evil.sarif", doc.to_string());
    let r = scan(t.path(), &["scan", ".", "--sarif", "evil.sarif"], None);
    assert_ne!(r.code, 0, "{}", r.stderr);
    assert_valid(&r);
    let v = vulns(&r.sast)
        .iter()
        .find(|v| v["identifiers"][0]["value"] == "R\"1\n")
        .unwrap_or_else(|| panic!("{:#}", r.sast));
    assert_eq!(v["name"].as_str().unwrap().chars().count(), 255);
    assert!(v.get("links").is_none(), "a javascript: link is not a link");
    assert!(v["identifiers"][0].get("url").is_none());
    let types: Vec<String> = identifiers(v).into_iter().map(|(t, _)| t).collect();
    // The escape and quotes are gone; what is left names the tool.
    assert_eq!(types, ["gate_rule_id", "31m_evil_tool_rule_id"]);
}
