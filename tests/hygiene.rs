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
    // Other audits gate has merge the same way; those it has not keep zizmor's id.
    let all = found(&report);
    for (rule, line) in [("artipacked", 6), ("excessive-permissions", 1)] {
        let at: Vec<_> = all
            .iter()
            .filter(|(r, l, _)| r == rule && *l == line)
            .collect();
        assert_eq!(at.len(), 1, "{rule}:{line}: {at:?}");
        assert_eq!(at[0].2, ["gate-hygiene", "zizmor"], "{rule}:{line}");
    }
    assert!(all
        .iter()
        .any(|(r, _, t)| r == "zizmor/self-repository" && t == &["zizmor"]));
}

fn scan_lib(path: &str, src: &[u8]) -> gate::engines::FileOutput {
    use gate::engines::{Engine, SourceFile};
    let mut out = gate::engines::FileOutput::default();
    gate::hygiene::HygieneEngine::all().scan(&SourceFile::new(path, src), &mut out);
    out
}

#[test]
fn issue12_p5_malformed_yaml_is_a_diagnostic_with_a_line() {
    let src = "on: push\npermissions: {}\njobs:\n  build:\n    steps:\n      - uses: a/b@main\n      - run: [unclosed\n  other: {\n";
    let out = scan_lib(".github/workflows/bad.yml", src.as_bytes());
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.message.contains("invalid YAML"))
        .expect("a diagnostic");
    assert_eq!(d.path.as_deref(), Some(".github/workflows/bad.yml"));
    assert!(d.line.is_some_and(|l| l >= 1));
}

#[test]
fn issue12_p5_unknown_keys_are_diagnostics_naming_the_line() {
    let src = "on: push\npermissions: {}\njobs:\n  build:\n    runs-on: x\n    step:\n      - run: make\n";
    let out = scan_lib(".github/workflows/typo.yml", src.as_bytes());
    let d = &out.diagnostics[0];
    assert_eq!(d.line, Some(6), "{d:?}");
    assert!(
        d.message
            .contains("unknown job key `step` (did you mean `steps`?)"),
        "{d:?}"
    );
}

#[test]
fn issue12_p5_billion_laughs_costs_nothing() {
    let mut src = String::from(
        "on: push\npermissions: {}\nx0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for i in 1..40 {
        let prev = format!("*a{}", i - 1);
        src.push_str(&format!("x{i}: &a{i} [{}]\n", vec![prev; 9].join(", ")));
    }
    src.push_str("jobs:\n  b:\n    runs-on: x\n    steps:\n      - uses: a/b@main\n");
    let started = std::time::Instant::now();
    let out = scan_lib(".github/workflows/lol.yml", src.as_bytes());
    assert!(started.elapsed().as_secs() < 5);
    assert!(out.findings.iter().any(|f| f.rule_id == "unpinned-uses"));
}

#[test]
fn issue12_p5_a_50_mb_workflow_is_a_diagnostic_in_linear_time() {
    let step = "      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: pip install flask==3.0.3 && echo ${{ github.sha }}\n";
    let head =
        "on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n";
    let n = 50_000_000 / step.len();
    let mut src = String::with_capacity(head.len() + n * step.len());
    src.push_str(head);
    for _ in 0..n {
        src.push_str(step);
    }
    let started = std::time::Instant::now();
    let out = scan_lib(".github/workflows/huge.yml", src.as_bytes());
    let took = started.elapsed();
    // tree-sitter-yaml tracks 16-bit lines: past 32,767 the file is reported
    // as not checked (at the first line it cannot track), never parsed wrongly.
    assert!(out.findings.is_empty());
    let d = &out.diagnostics[0];
    assert_eq!(d.line, Some(32_768), "{d:?}");
    assert!(d.message.contains("not checked"), "{d:?}");
    assert!(took.as_secs() < 20, "{took:?}");
    // Just under the limit, the file is parsed and every problem found.
    let lines_per_step = step.lines().count();
    let k = (32_767 - head.lines().count()) / lines_per_step;
    let mut src = String::from(head);
    for _ in 0..k {
        src.push_str(step);
    }
    let out = scan_lib(".github/workflows/big.yml", src.as_bytes());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics.first());
    assert_eq!(out.findings.len(), k);
}

/// Every file of a fixture tree, as report paths.
fn tree_files(rel: &str) -> Vec<String> {
    fn walk(from: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, out);
            } else {
                out.push(p.strip_prefix(base).unwrap().to_string_lossy().into_owned());
            }
        }
    }
    let base = std::path::PathBuf::from(format!("{DATA}/{rel}"));
    let mut out = Vec::new();
    walk(&base, &base, &mut out);
    out.sort();
    out
}

/// Copy a fixture tree into a temp tree.
fn copy_tree(rel: &str) -> Tree {
    fn walk(from: &std::path::Path, base: &std::path::Path, t: &Tree) {
        for e in std::fs::read_dir(from).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, base, t);
            } else {
                let r = p.strip_prefix(base).unwrap().to_string_lossy().into_owned();
                t.file(&r, std::fs::read(&p).unwrap());
            }
        }
    }
    let t = Tree::new();
    let base = std::path::PathBuf::from(format!("{DATA}/{rel}"));
    walk(&base, &base, &t);
    t
}

#[test]
fn issue12_must_show_bad_pipeline_reports_every_planted_practice_at_its_line() {
    let t = copy_tree("trees/bad");
    let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let got: std::collections::BTreeSet<(String, u64, String)> = run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                f["rule_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut want = std::collections::BTreeSet::new();
    let ids = |rest: &str| -> Vec<String> {
        rest.split(|c: char| c.is_whitespace() || matches!(c, '"' | ',' | '}'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for path in tree_files("trees/bad") {
        let src = std::fs::read_to_string(t.path().join(&path)).unwrap();
        for (i, line) in src.lines().enumerate() {
            // In a Dockerfile a trailing `#` is not a comment: the marker sits above.
            if let Some(at) = line.find("expect-next:") {
                for id in ids(&line[at + 12..]) {
                    want.insert((path.to_string(), i as u64 + 2, id));
                }
            } else if let Some(at) = line.find("expect:") {
                for id in ids(&line[at + 7..]) {
                    want.insert((path.to_string(), i as u64 + 1, id));
                }
            }
        }
    }
    let missing: Vec<_> = want.difference(&got).collect();
    let extra: Vec<_> = got.difference(&want).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:?}\nextra {extra:?}"
    );
}

#[test]
fn issue12_must_show_best_practice_twin_reports_nothing() {
    let t = copy_tree("trees/good");
    let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", "json"]);
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    assert_eq!(
        run.json()["findings"],
        serde_json::json!([]),
        "{}",
        run.stdout
    );
    assert_eq!(
        run.json()["diagnostics"],
        serde_json::json!([]),
        "{}",
        run.stdout
    );
}

fn git(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.org")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// (path, line, message) of the unsuppressed committed-env-file findings.
fn env_findings(run: &common::Run) -> Vec<(String, u64, String)> {
    run.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "committed-env-file")
        .map(|f| {
            (
                f["path"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn issue12_env_tracked_env_is_reported_even_when_gitignore_hides_it_from_the_walker() {
    let t = Tree::new();
    git(t.path(), &["init", "-q", "-b", "main"]);
    t.file(".env", "DATABASE_URL=postgres://app:hunter2@db/app\n");
    t.file("app/.env.production", "SECRET_KEY=x\n");
    t.file(".env.example", "DATABASE_URL=\n");
    git(t.path(), &["add", "-A"]);
    git(t.path(), &["commit", "-q", "--no-verify", "-m", "oops"]);
    // Ignoring a file afterwards does not untrack it: the walker skips it,
    // every clone still gets it.
    t.file(".gitignore", ".env\n.env.*\n!.env.example\n");
    let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", "json"]);
    let got = env_findings(&run);
    let paths: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(paths, [".env", "app/.env.production"], "{}", run.stdout);
    assert!(
        got.iter()
            .all(|g| g.1 == 1 && g.2.contains("tracked by git")),
        "{got:?}"
    );
    // Reports never quote the file: its lines are the secrets' values.
    assert!(!run.stdout.contains("hunter2"), "{}", run.stdout);
    // Out of the scan's scope (an exclude), out of the report.
    let run = t.gate(&[
        "scan",
        ".",
        "--engines",
        "hygiene",
        "--format",
        "json",
        "--exclude",
        "app/",
    ]);
    assert_eq!(env_findings(&run).len(), 1, "{}", run.stdout);
}

#[test]
fn issue12_env_untracked_env_is_reported_only_when_no_gitignore_covers_it() {
    let t = Tree::new();
    git(t.path(), &["init", "-q", "-b", "main"]);
    t.file(".gitignore", "/.env\n");
    t.file(".env", "A=1\n");
    t.file("svc/.env", "B=2\n");
    t.file("svc/prod.env", "C=3\n");
    t.file("svc/.gitignore", "prod.env\n");
    t.file("deploy/.env.sample", "B=\n");
    let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", "json"]);
    let got = env_findings(&run);
    assert_eq!(got.len(), 1, "{}", run.stdout);
    assert_eq!(got[0].0, "svc/.env");
    assert!(got[0].2.contains("not covered by .gitignore"), "{got:?}");
    // With --no-ignore the walker hands every file over; the check still
    // reads .gitignore itself.
    let run = t.gate(&[
        "scan",
        ".",
        "--engines",
        "hygiene",
        "--format",
        "json",
        "--no-ignore",
    ]);
    assert_eq!(env_findings(&run).len(), 1, "{}", run.stdout);
}

#[test]
fn issue12_env_staged_env_is_reported_even_when_force_added() {
    let t = Tree::new();
    git(t.path(), &["init", "-q", "-b", "main"]);
    t.file(".gitignore", ".env\n");
    t.file("README.md", "x\n");
    git(t.path(), &["add", "-A"]);
    git(t.path(), &["commit", "-q", "--no-verify", "-m", "init"]);
    t.file(".env", "TOKEN=abc\n");
    git(t.path(), &["add", "-f", ".env"]);
    let run = t.gate(&[
        "scan",
        "--staged",
        "--engines",
        "hygiene",
        "--format",
        "json",
    ]);
    let got = env_findings(&run);
    assert_eq!(got.len(), 1, "{}\n{}", run.stdout, run.stderr);
    assert!(got[0].2.contains("staged for commit"), "{got:?}");
}

#[test]
fn issue12_p5_malformed_iam_json_is_a_diagnostic_with_a_line() {
    let src = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\"Effect\": \"Allow\", \"Action\": \"*\",, \"Resource\": \"*\"}\n  ]\n}\n";
    let out = scan_lib("infra/policy.json", src.as_bytes());
    assert!(out.findings.is_empty(), "{:?}", out.findings);
    let d = &out.diagnostics[0];
    assert_eq!(d.path.as_deref(), Some("infra/policy.json"));
    assert_eq!(d.line, Some(4), "{d:?}");
    assert!(d.message.contains("invalid JSON"), "{d:?}");
    // Nesting far past any policy's is a diagnostic, not a stack overflow.
    let deep = format!(
        "{{\"Statement\": {}, \"Effect\": 1}}",
        "[".repeat(1_000_000)
    );
    let out = scan_lib("infra/deep.json", deep.as_bytes());
    assert!(
        out.diagnostics[0].message.contains("deeper"),
        "{:?}",
        out.diagnostics
    );
}

#[test]
fn issue12_p5_dockerfile_bad_input_is_a_diagnostic_and_the_scan_goes_on() {
    let src = "# escape=`\nFORM python:latest\nFROM python:3.12-slim\nRUN apt-get update `\n    && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 `\n    && rm -rf /var/lib/apt/lists/*\nUSER 10001\nRUN <<OPEN\nchmod 777 /app\n";
    let out = scan_lib("Dockerfile", src.as_bytes());
    let diags: Vec<(Option<u32>, String)> = out
        .diagnostics
        .iter()
        .map(|d| (d.line, d.message.clone()))
        .collect();
    assert_eq!(diags.len(), 2, "{diags:?}");
    assert_eq!(diags[0].0, Some(2));
    assert!(
        diags[0].1.contains("unknown instruction `FORM`"),
        "{diags:?}"
    );
    assert_eq!(diags[1].0, Some(8));
    assert!(
        diags[1].1.contains("heredoc `OPEN` is never closed"),
        "{diags:?}"
    );
    let ids: Vec<(u32, &str)> = out
        .findings
        .iter()
        .map(|f| (f.region.start_line, f.rule_id.as_str()))
        .collect();
    // The backtick continuation is one RUN: the lists are removed in it.
    assert_eq!(ids, vec![(9, "dockerfile-chmod-777")]);
}

#[test]
fn issue12_p4_dockerfile_digests_are_opt_in_and_trusted_registries_are_exempt() {
    use gate::engines::{Engine, FileOutput, SourceFile};
    use gate::hygiene::{HygieneEngine, Settings};
    let src = b"FROM python:3.12-slim AS a\nFROM registry.internal:5000/base:1.0\nFROM python:3.12-slim@sha256:3783cc01769c7b2b1b83a5c5ad96c815348e28ed7da68e2e3687004faa906251\nUSER 10001\n";
    assert!(scan_lib("Dockerfile", src).findings.is_empty());
    let mut s = Settings::default();
    s.options.pin_digests = true;
    s.options.trusted_registries = vec!["registry.internal:5000".into()];
    let mut out = FileOutput::default();
    HygieneEngine::new(s).scan(&SourceFile::new("Dockerfile", src), &mut out);
    let lines: Vec<u32> = out.findings.iter().map(|f| f.region.start_line).collect();
    assert_eq!(lines, vec![1]);
}

#[test]
fn issue12_p4_hadolint_sarif_merges_with_gate_findings_at_the_instruction() {
    // hadolint 2.15.1's real SARIF for the bad tree's Dockerfile
    // (`hadolint -f sarif Dockerfile`). hadolint reports at an instruction's
    // first line, gate at the package or command inside a multi-line RUN:
    // both are grouped by instruction.
    let t = Tree::new();
    t.file("Dockerfile", read("trees/bad/Dockerfile"));
    t.file("hadolint.sarif", read("sarif/hadolint-2.15.sarif"));
    let run = t.gate(&[
        "scan",
        ".",
        "--engines",
        "hygiene",
        "--sarif",
        "hadolint.sarif",
        "--format",
        "json",
    ]);
    let all = found(&run.json());
    let both = ["gate-hygiene", "hadolint"];
    for (rule, line) in [
        ("dockerfile-unpinned-from", 2),
        ("dockerfile-secret-env", 4),
        ("dockerfile-apt-unpinned", 7),
        ("dockerfile-apt-recommends", 6),
        ("dockerfile-apt-lists", 6),
        ("unpinned-pip-install", 12),
        ("dockerfile-pip-cache", 12),
        ("dockerfile-add-local", 15),
        ("dockerfile-shell-form-cmd", 17),
    ] {
        let at: Vec<_> = all.iter().filter(|(r, _, _)| r == rule).collect();
        assert_eq!(at.len(), 1, "{rule}: {at:?}\n{}", run.stdout);
        assert_eq!(at[0].1, line, "{rule}");
        assert_eq!(at[0].2, both, "{rule}");
    }
    // hadolint checks gate does not have keep their ids.
    assert!(all
        .iter()
        .any(|(r, l, t)| r == "DL4006" && *l == 8 && t == &["hadolint"]));
}

#[test]
fn issue12_deploy_files_plain_secrets_are_masked_in_every_report() {
    // Readable passwords no secret rule would call random: the hygiene
    // finding quotes them as its secret, so the redaction point masks them.
    let t = Tree::new();
    t.file(
        "docker-compose.yml",
        "services:\n  db:\n    image: postgres:16.4\n    environment:\n      POSTGRES_PASSWORD: hunter2-compose\n",
    );
    t.file(
        ".gitlab-ci.yml",
        "deploy:\n  image: curlimages/curl:8.10.1\n  script:\n    - curl -u deploy:hunter2-nexus https://nexus.example.com/upload\n",
    );
    for format in ["json", "sarif", "text"] {
        let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", format]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        for secret in ["hunter2-compose", "hunter2-nexus"] {
            assert!(
                !run.stdout.contains(secret) && !run.stderr.contains(secret),
                "{format} shows {secret}:\n{}",
                run.stdout
            );
        }
        for id in ["compose-plain-secret", "curl-literal-token"] {
            assert!(
                run.stdout.contains(id),
                "{format} lacks {id}:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn issue12_p5_big_gitlab_pipelines_and_scripts_are_read_in_linear_time() {
    // 6,000 jobs of three script lines each (30,000 lines, within what the
    // YAML grammar tracks): every unpinned install found, nothing else said,
    // and no quadratic walk over the jobs.
    let mut src = String::from("image: python:3.12-slim\nstages: [test]\n");
    let n = 6_000;
    for i in 0..n {
        src.push_str(&format!(
            "job{i}:\n  script:\n    - pip install -r requirements.txt\n    - pip install tool{i}\n    - pytest\n"
        ));
    }
    let started = std::time::Instant::now();
    let out = scan_lib(".gitlab-ci.yml", src.as_bytes());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics.first());
    assert_eq!(out.findings.len(), n);
    assert_eq!(out.findings[n - 1].region.start_line, 2 + 5 * n as u32 - 1);
    // 50,000 such commands as one shell script (no line limit there).
    let mut sh = String::from("#!/bin/sh\nset -eu\n");
    let n = 50_000;
    for i in 0..n {
        sh.push_str(&format!("pip install tool{i}  # line {i}\n"));
    }
    let out = scan_lib("scripts/setup.sh", sh.as_bytes());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics.first());
    assert_eq!(out.findings.len(), n);
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    // Malformed compose YAML is a diagnostic with its line, like a workflow's.
    let out = scan_lib(
        "docker-compose.yml",
        b"services:\n  db:\n    image: postgres\n    environment: [unclosed\n",
    );
    let d = out
        .diagnostics
        .iter()
        .find(|d| d.message.contains("invalid YAML"))
        .expect("a diagnostic");
    assert_eq!(d.path.as_deref(), Some("docker-compose.yml"));
    assert!(d.line.is_some_and(|l| l >= 1), "{d:?}");
}

/// (path, line, message) of every diagnostic of a JSON report.
fn diagnostics(report: &Value) -> Vec<(String, u64, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap_or("").to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

#[test]
fn issue12_p2_gitlab_local_includes_extends_and_anchors_are_followed_never_fetched() {
    let t = Tree::new();
    t.file(
        ".gitlab-ci.yml",
        "\
include:
  - local: /ci/templates.yml
  - 'ci/missing.yml'
  - remote: https://example.com/ci.yml
  - template: Jobs/SAST.gitlab-ci.yml
  - project: group/shared
    file: /ci.yml
test:
  extends: .python
  script:
    - pytest
deploy:
  extends: [.docker, .nowhere]
  script:
    - make deploy
loop-a:
  extends: loop-b
loop-b:
  extends: loop-a
",
    );
    t.file(
        "ci/templates.yml",
        "\
include: ci/nested.yml
.python:
  image: python:latest
.docker:
  image: docker:27.3
  before_script:
    - pip install awscli
",
    );
    t.file(
        "ci/nested.yml",
        "\
include: ci/templates.yml
.services:
  services: [redis]
",
    );
    let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", "json"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    let mut got: Vec<(String, u64, String)> = run.hits();
    got.sort();
    assert_eq!(
        got,
        [
            (
                "ci/nested.yml".to_string(),
                3,
                "unpinned-images".to_string()
            ),
            (
                "ci/templates.yml".to_string(),
                3,
                "unpinned-images".to_string()
            ),
            (
                "ci/templates.yml".to_string(),
                7,
                "unpinned-pip-install".to_string()
            ),
        ],
        "each finding in the file that holds it, once: {}",
        run.stdout
    );
    let d = diagnostics(&run.json());
    let at = |path: &str, line: u64, words: &[&str]| {
        assert!(
            d.iter()
                .any(|(p, l, m)| p == path && *l == line && words.iter().all(|w| m.contains(w))),
            "no diagnostic {path}:{line} {words:?} in {d:#?}"
        );
    };
    at(".gitlab-ci.yml", 3, &["ci/missing.yml", "not found"]);
    at(".gitlab-ci.yml", 4, &["remote", "not followed"]);
    at(".gitlab-ci.yml", 5, &["template", "not followed"]);
    at(".gitlab-ci.yml", 6, &["project", "not followed"]);
    at(".gitlab-ci.yml", 13, &["`.nowhere`"]);
    at(".gitlab-ci.yml", 17, &["cycle"]);
    at("ci/nested.yml", 1, &["ci/templates.yml", "again"]);
    assert!(
        !d.iter()
            .any(|(_, _, m)| m.contains("`.python`") || m.contains("`.docker`")),
        "templates from the include are known: {d:#?}"
    );
}

#[test]
fn issue12_p3_a_token_sent_with_curl_is_one_finding_across_engines_and_masked() {
    // Built at run time: the repository holds no whole token.
    let token = format!("glpat-{}", "Xk3v9Qm2Rt7Lp4Wz8Ny1");
    let t = Tree::new();
    t.file(
        ".gitlab-ci.yml",
        format!(
            "deploy:\n  image: alpine:3.20\n  script:\n    - 'curl --fail --header \"PRIVATE-TOKEN: {token}\" \"$CI_API_V4_URL/projects\"'\n    - curl -u deploy:hunter2 https://nexus.example.com/upload\n"
        ),
    );
    for format in ["json", "text", "sarif"] {
        let run = t.gate(&["scan", ".", "--format", format]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            !run.stdout.contains(&token) && !run.stderr.contains(&token),
            "{format} shows the token: {}",
            run.stdout
        );
    }
    let run = t.gate(&["scan", ".", "--format", "json"]);
    let report = run.json();
    let line4: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["start_line"] == 4)
        .collect();
    assert_eq!(line4.len(), 1, "one finding for one token: {line4:#?}");
    let f = &line4[0];
    assert_eq!(f["tool"], "gate-secrets", "{f:#}");
    let tools: Vec<&str> = f["tools"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(tools.contains(&"gate-hygiene"), "{tools:?}");
    // A password no secrets rule calls a secret stays hygiene's finding.
    let line5: Vec<(String, u64, String)> =
        run.hits().into_iter().filter(|(_, l, _)| *l == 5).collect();
    assert_eq!(
        line5,
        [(
            ".gitlab-ci.yml".to_string(),
            5,
            "curl-literal-token".to_string()
        )]
    );
    // With the secrets engine off, hygiene reports the token itself.
    let run = t.gate(&["scan", ".", "--engines", "hygiene", "--format", "json"]);
    assert!(run
        .hits()
        .contains(&(".gitlab-ci.yml".into(), 4, "curl-literal-token".into())));
    assert!(!run.stdout.contains(&token));
}

/// (path, line, rule, tools, tags) of a finding.
type Merged = (String, u64, String, Vec<String>, Vec<String>);

/// A minimal SARIF file of one tool: (rule, path, line) results.
fn sarif(tool: &str, results: &[(&str, &str, u32)]) -> String {
    let results: Vec<Value> = results
        .iter()
        .map(|(rule, path, line)| {
            serde_json::json!({
                "ruleId": rule,
                "level": "warning",
                "message": {"text": format!("{rule} says so")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": path},
                    "region": {"startLine": line}
                }}]
            })
        })
        .collect();
    serde_json::json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": tool}}, "results": results}]
    })
    .to_string()
}

#[test]
fn issue12_p1_per_finding_anchors_merge_imported_sarif_and_name_the_right_ids() {
    let t = Tree::new();
    t.file("a/Dockerfile", "FROM python\nRUN echo hi\n");
    t.file("b/Dockerfile", "FROM node:latest\nUSER root\n");
    let hadolint: &[(&str, &str, u32)] = &[
        ("DL3006", "a/Dockerfile", 1),
        ("DL3007", "b/Dockerfile", 1),
        ("DL3002", "b/Dockerfile", 2),
    ];
    let checkov: &[(&str, &str, u32)] = &[
        ("CKV_DOCKER_3", "a/Dockerfile", 1),
        ("CKV_DOCKER_8", "b/Dockerfile", 2),
    ];
    t.file("hadolint.sarif", sarif("Hadolint", hadolint));
    t.file("checkov.sarif", sarif("checkov", checkov));
    let args =
        "scan . --engines hygiene --sarif hadolint.sarif --sarif checkov.sarif --format json";
    let run = t.gate(&args.split(' ').collect::<Vec<_>>());
    let report = run.json();
    let mut got: Vec<Merged> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let list = |k: &str| -> Vec<String> {
                f[k].as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect()
            };
            (
                f["path"].as_str().unwrap().to_string(),
                f["start_line"].as_u64().unwrap(),
                f["rule_id"].as_str().unwrap().to_string(),
                list("tools"),
                list("tags"),
            )
        })
        .collect();
    got.sort();
    let s = |v: &[&str]| -> Vec<String> { v.iter().map(|x| x.to_string()).collect() };
    assert_eq!(
        got,
        [
            (
                "a/Dockerfile".into(),
                1,
                "dockerfile-no-user".into(),
                s(&["gate-hygiene", "checkov"]),
                s(&["checkov:CKV_DOCKER_3"])
            ),
            (
                "a/Dockerfile".into(),
                1,
                "dockerfile-unpinned-from".into(),
                s(&["gate-hygiene", "hadolint"]),
                s(&["hadolint:DL3006", "checkov:CKV_DOCKER_7"])
            ),
            (
                "b/Dockerfile".into(),
                1,
                "dockerfile-unpinned-from".into(),
                s(&["gate-hygiene", "hadolint"]),
                s(&["hadolint:DL3007", "checkov:CKV_DOCKER_7"])
            ),
            (
                "b/Dockerfile".into(),
                2,
                "dockerfile-root-user".into(),
                s(&["gate-hygiene", "checkov", "hadolint"]),
                s(&["hadolint:DL3002", "checkov:CKV_DOCKER_8"])
            ),
        ],
        "one finding per problem, each naming its own anchor ids: {}",
        run.stdout
    );
    for (alias, check) in [
        ("DL3002", "dockerfile-root-user"),
        ("CKV_DOCKER_8", "dockerfile-root-user"),
        ("CKV_DOCKER_3", "dockerfile-no-user"),
        ("DL3006", "dockerfile-unpinned-from"),
    ] {
        let run = t.gate(&["rules", "explain", alias]);
        assert_eq!(run.code, 0, "{alias}: {}", run.stderr);
        assert!(run.stdout.contains(check), "{alias}: {}", run.stdout);
    }
}
