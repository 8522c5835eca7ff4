//! `gate github` run the way a workflow runs it (issue #5): a git checkout,
//! an event payload file, the Actions environment, a fake API on 127.0.0.1;
//! checks the exit code, the job summary file, the SARIF file and the requests.

mod common;
mod github;

use std::path::Path;
use std::process::{Command, Output};

use common::{GITHUB_PAT, GITHUB_PAT_2};
use github::{assert_no_secrets, happy, requests, sequence};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A repository whose pull request adds a leaked token; returns (base, head).
fn checkout(dir: &Path, leak: bool) -> (String, String) {
    git(dir, &["init", "-q", "-b", "main"]);
    // A token already on the base branch: outside the PR's diff, it does not count.
    std::fs::write(
        dir.join("app.py"),
        format!("import os\n\nOLD_TOKEN = \"{GITHUB_PAT_2}\"\n"),
    )
    .unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-qm", "base"]);
    let base = git(dir, &["rev-parse", "HEAD"]);
    let settings = if leak {
        format!("import os\n\nGITHUB_TOKEN = \"{GITHUB_PAT}\"\n")
    } else {
        "import os\n\nGITHUB_TOKEN = os.environ['GITHUB_TOKEN']\n".to_string()
    };
    std::fs::write(dir.join("settings.py"), settings).unwrap();
    std::fs::write(dir.join("bandit.sarif"), BANDIT_SARIF).unwrap();
    git(dir, &["add", "."]);
    git(dir, &["commit", "-qm", "feature"]);
    let head = git(dir, &["rev-parse", "HEAD"]);
    (base, head)
}

/// What `bandit -f sarif` says about settings.py (one LOW finding on line 1).
const BANDIT_SARIF: &str = r#"{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Bandit", "rules": [{"id": "B404", "name": "blacklist"}]}},
  "results": [{"ruleId": "B404", "level": "note",
    "message": {"text": "Consider possible security implications associated with the os module."},
    "locations": [{"physicalLocation": {"artifactLocation": {"uri": "settings.py"}, "region": {"startLine": 1, "startColumn": 1}}}],
    "properties": {"issue_severity": "LOW", "issue_confidence": "HIGH"}}]}]}"#;

struct Workflow {
    repo: tempfile::TempDir,
    runner: tempfile::TempDir,
    head: String,
    event: String,
}

impl Workflow {
    fn new(leak: bool) -> Workflow {
        let repo = tempfile::tempdir().unwrap();
        let runner = tempfile::tempdir().unwrap();
        let (base, head) = checkout(repo.path(), leak);
        let payload = json!({
            "action": "synchronize",
            "number": 7,
            "pull_request": {
                "number": 7,
                "head": {"sha": head, "ref": "feature", "repo": {"full_name": "acme/app"}},
                "base": {"sha": base, "ref": "main", "repo": {"full_name": "acme/app"}}
            },
            "repository": {"full_name": "acme/app"}
        });
        std::fs::write(runner.path().join("event.json"), payload.to_string()).unwrap();
        Workflow {
            repo,
            runner,
            head,
            event: "pull_request".into(),
        }
    }

    /// The same checkout, triggered by a push of its head.
    fn push(leak: bool) -> Workflow {
        let mut w = Workflow::new(leak);
        w.event = "push".into();
        let payload = json!({"ref": "refs/heads/main", "after": w.head, "repository": {"full_name": "acme/app"}});
        std::fs::write(w.runner.path().join("event.json"), payload.to_string()).unwrap();
        w
    }

    fn summary(&self) -> String {
        std::fs::read_to_string(self.runner.path().join("summary.md")).unwrap_or_default()
    }

    /// Run `gate github ARGS` with the Actions environment pointing at `api`.
    async fn run(&self, api: String, args: &[&str]) -> Output {
        self.run_with(api, args, &[]).await
    }

    /// Write the event payload (the event name stays `self.event`).
    fn payload(&self, payload: &Value) {
        std::fs::write(self.runner.path().join("event.json"), payload.to_string()).unwrap();
    }

    /// `run`, with some variables changed after the Actions ones are set.
    async fn run_with(&self, api: String, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gate"));
        // The repositories hold secrets in .py files plus bandit's SARIF: the
        // native Python engine would add its own B105s, so it stays off here.
        cmd.arg("github")
            .args(["--engines", "secrets"])
            .args(args)
            .current_dir(self.repo.path())
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.runner.path())
            .env("CI", "true")
            .env("GITHUB_ACTIONS", "true")
            .env("GITHUB_EVENT_NAME", &self.event)
            .env("GITHUB_EVENT_PATH", self.runner.path().join("event.json"))
            .env("GITHUB_REPOSITORY", "acme/app")
            .env("GITHUB_API_URL", api)
            .env("GITHUB_SERVER_URL", "https://github.com")
            .env("GITHUB_RUN_ID", "4242")
            // The test merge commit, which must never be annotated.
            .env("GITHUB_SHA", "1111111111111111111111111111111111111111")
            .env("GITHUB_BASE_REF", "main")
            .env("GITHUB_TOKEN", "ghs_fakeInstallationTokenForTests000000")
            .env("GITHUB_STEP_SUMMARY", self.runner.path().join("summary.md"))
            .envs(env.iter().copied());
        tokio::task::spawn_blocking(move || cmd.output().expect("gate runs"))
            .await
            .unwrap()
    }
}

fn text(o: &Output) -> (i32, String, String) {
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leaking_pull_request_fails_with_check_run_summary_and_sarif() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let w = Workflow::new(true);
    let out = w
        .run(
            server.uri(),
            &[
                "--sarif",
                "bandit.sarif",
                "--sarif-output",
                "gate.sarif",
                "--status-context",
                "security/gate",
                "--no-progress",
            ],
        )
        .await;
    let (code, stdout, stderr) = text(&out);
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(!stdout.contains(GITHUB_PAT) && !stderr.contains(GITHUB_PAT));
    assert!(
        !stderr.contains("ghs_fakeInstallationTokenForTests"),
        "the token is never logged"
    );
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            format!("GET /repos/acme/app/commits/{}/check-runs", w.head),
            "POST /repos/acme/app/check-runs".to_string(),
            format!("POST /repos/acme/app/statuses/{}", w.head),
            "PATCH /repos/acme/app/check-runs/42".to_string(),
            format!("POST /repos/acme/app/statuses/{}", w.head),
        ]
    );
    assert_no_secrets(&seen);
    let create = seen[1].body.as_ref().unwrap();
    assert_eq!(
        create["head_sha"],
        w.head.as_str(),
        "the PR head, not GITHUB_SHA"
    );
    assert_eq!(
        create["details_url"],
        "https://github.com/acme/app/actions/runs/4242"
    );
    let done = seen[3].body.as_ref().unwrap();
    assert_eq!(done["conclusion"], "failure");
    // The new token fails; bandit's note is shown; the base branch's token is not.
    let anns = done["output"]["annotations"].as_array().unwrap();
    let got: Vec<(&str, u64, &str)> = anns
        .iter()
        .map(|a| {
            (
                a["path"].as_str().unwrap(),
                a["start_line"].as_u64().unwrap(),
                a["annotation_level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("settings.py", 3, "failure"), ("settings.py", 1, "notice")],
        "{stderr}\n{}",
        w.summary()
    );
    assert!(seen.iter().all(|s| !s.raw.contains(GITHUB_PAT_2)));
    // Job summary and SARIF for code scanning.
    let summary = w.summary();
    assert!(summary.contains("gate failed"), "{summary}");
    assert!(summary.contains("| gate-secrets | 2 | 1 |"), "{summary}");
    assert!(summary.contains("| bandit | 1 | 0 |"), "{summary}");
    assert!(
        summary.contains("1 on lines this change did not touch"),
        "{summary}"
    );
    assert!(!summary.contains(GITHUB_PAT));
    let sarif_text = std::fs::read_to_string(w.repo.path().join("gate.sarif")).unwrap();
    assert!(!sarif_text.contains(GITHUB_PAT));
    let sarif: Value = serde_json::from_str(&sarif_text).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(
        results.len(),
        3,
        "every finding is in the SARIF, counted or not"
    );
    assert!(common::schema_errors(&sarif).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_fork_without_write_access_falls_back_to_workflow_commands() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"message": "Resource not accessible by integration"})),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let w = Workflow::new(true);
    let out = w.run(server.uri(), &["--no-progress", "-q"]).await;
    let (code, stdout, stderr) = text(&out);
    assert_eq!(code, 1, "the policy's verdict stands\n{stderr}");
    assert!(
        stderr.contains("falling back to workflow-command annotations"),
        "{stderr}"
    );
    let errors: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 1, "{stdout}");
    assert!(
        errors[0].starts_with("::error file=settings.py,line=3,endLine=3,"),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].contains("title=github-pat (critical)"),
        "{}",
        errors[0]
    );
    assert!(!stdout.contains(GITHUB_PAT));
    assert!(w.summary().contains("gate failed"));
    // Nothing after the refused create: no PATCH of a run that does not exist.
    let seen = requests(&server, "").await;
    assert_eq!(seen.len(), 2, "{:?}", sequence(&seen));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_clean_pull_request_passes_and_recovers_from_a_500() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(ResponseTemplate::new(500))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    // The lookup after the 500 reads the run: no annotations arrived yet.
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"id": 42, "output": {"annotations_count": 0}})),
        )
        .mount(&server)
        .await;
    happy(&server, "").await;
    let w = Workflow::new(false);
    let out = w.run(server.uri(), &["--no-progress"]).await;
    let (code, stdout, stderr) = text(&out);
    assert_eq!(code, 0, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            format!("GET /repos/acme/app/commits/{}/check-runs", w.head),
            "POST /repos/acme/app/check-runs".to_string(),
            "PATCH /repos/acme/app/check-runs/42".to_string(),
            "GET /repos/acme/app/check-runs/42".to_string(),
            "PATCH /repos/acme/app/check-runs/42".to_string(),
        ]
    );
    assert_eq!(seen[4].body.as_ref().unwrap()["conclusion"], "success");
    assert!(w.summary().contains("gate passed"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_that_keeps_failing_turns_a_pass_into_exit_2() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(
            ResponseTemplate::new(422).set_body_json(json!({"message": "Validation Failed"})),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let w = Workflow::new(false);
    let out = w.run(server.uri(), &["--no-progress"]).await;
    let (code, _, stderr) = text(&out);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("422"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_push_to_github_enterprise_gates_every_finding() {
    let server = MockServer::start().await;
    happy(&server, "/api/v3").await;
    let w = Workflow::push(true);
    let out = w
        .run(
            format!("{}/api/v3", server.uri()),
            &["--no-progress", "-q", "--review"],
        )
        .await;
    let (code, _, stderr) = text(&out);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("not a pull request, no review posted"),
        "{stderr}"
    );
    let seen = requests(&server, "/api/v3").await;
    assert_eq!(
        sequence(&seen),
        [
            format!("GET /repos/acme/app/commits/{}/check-runs", w.head),
            "POST /repos/acme/app/check-runs".to_string(),
            "PATCH /repos/acme/app/check-runs/42".to_string(),
        ]
    );
    assert_eq!(seen[1].body.as_ref().unwrap()["head_sha"], w.head.as_str());
    // No diff base on a push: the base branch's token counts too.
    let anns = seen[2].body.as_ref().unwrap()["output"]["annotations"]
        .as_array()
        .unwrap()
        .clone();
    let mut paths: Vec<&str> = anns.iter().map(|a| a["path"].as_str().unwrap()).collect();
    paths.sort();
    assert_eq!(paths, ["app.py", "settings.py"]);
    assert_no_secrets(&seen);
    assert!(seen.iter().all(|s| !s.raw.contains(GITHUB_PAT_2)));
}

/// A token that looks like no known credential: only the token itself can
/// be scrubbed, not its shape.
const PLAIN_TOKEN: &str = "Zq8vNw3kTj5pLm2xRc7yHb4dGf6sKa9u";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p3_error_bodies_that_echo_the_token_are_scrubbed_from_all_output() {
    let echo = format!(
        "token {PLAIN_TOKEN} rejected; Authorization: Bearer {PLAIN_TOKEN}; see https://x-access-token:{PLAIN_TOKEN}@github.com/acme/app"
    );
    // A 500 (retried, its reason printed), then a 422 (fatal, printed), each
    // echoing the token in a JSON body.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"message": echo})))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(ResponseTemplate::new(422).set_body_json(
            json!({"message": echo, "errors": [{"value": PLAIN_TOKEN, "url": format!("https://api.github.com/?access_token={PLAIN_TOKEN}")}]}),
        ))
        .with_priority(2)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let w = Workflow::new(false);
    let token = &[("GITHUB_TOKEN", PLAIN_TOKEN)];
    let out = w.run_with(server.uri(), &["--no-progress"], token).await;
    let (code, stdout, stderr) = text(&out);
    assert_eq!(code, 2, "publishing failed: fail closed\n{stderr}");
    assert!(
        stderr.contains("422"),
        "the error is still reported:\n{stderr}"
    );
    assert!(
        stderr.contains("500"),
        "the retry is still reported:\n{stderr}"
    );
    for (name, text) in [
        ("stdout", &stdout),
        ("stderr", &stderr),
        ("summary", &w.summary()),
    ] {
        assert!(
            !text.contains(PLAIN_TOKEN),
            "{name} holds the token:\n{text}"
        );
    }

    // A 403 whose plain-text body (a proxy's page) echoes the token: the
    // permission fallback message is scrubbed too.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(
            ResponseTemplate::new(403).set_body_string(format!("denied for {PLAIN_TOKEN}")),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let out = w.run_with(server.uri(), &["--no-progress"], token).await;
    let (code, stdout, stderr) = text(&out);
    assert_eq!(
        code, 0,
        "a permission fallback keeps the policy's verdict\n{stderr}"
    );
    assert!(stderr.contains("denied for ***"), "{stderr}");
    assert!(!stdout.contains(PLAIN_TOKEN) && !stderr.contains(PLAIN_TOKEN));
}

/// A server on 127.0.0.1 that answers GETs with an empty list of check runs
/// and reads every other request without ever answering.
fn silent_on_writes() -> (String, std::thread::JoinHandle<()>) {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let handle = std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            if buf[..n].starts_with(b"GET ") {
                let body = r#"{"total_count":0,"check_runs":[]}"#;
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
            } else {
                // Keep the connection open and say nothing.
                held.push(stream);
            }
        }
    });
    (url, handle)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p12_a_server_that_never_answers_costs_the_publish_timeout_and_is_named() {
    let (url, _server) = silent_on_writes();
    let w = Workflow::new(false);
    let started = std::time::Instant::now();
    let out = w
        .run(url, &["--no-progress", "--publish-timeout", "3"])
        .await;
    let took = started.elapsed();
    let (code, _, stderr) = text(&out);
    assert!(
        took < std::time::Duration::from_secs(10),
        "took {took:?}\n{stderr}"
    );
    assert_eq!(code, 2, "the check run was lost: fail closed\n{stderr}");
    assert!(
        stderr.contains("POST /repos/acme/app/check-runs timed out after"),
        "{stderr}"
    );
    assert!(stderr.contains("publishing deadline"), "{stderr}");
    assert!(!stderr.contains("SendRequest"), "{stderr}");
    assert!(
        w.summary().contains("gate passed"),
        "the job summary is still written"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p14_a_pull_request_payload_without_head_sha_warns_of_the_merge_commit() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let w = Workflow::new(false);
    w.payload(&json!({"pull_request": {"number": 7, "head": {"ref": "feature"}}}));
    let out = w.run(server.uri(), &["--no-progress"]).await;
    let (code, _, stderr) = text(&out);
    // No base in the payload: the base branch's token counts too.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("warning: the pull_request event payload has no pull_request.head.sha; reporting on GITHUB_SHA (1111111111111111111111111111111111111111)"),
        "{stderr}"
    );
    let seen = requests(&server, "").await;
    assert_eq!(
        seen[1].body.as_ref().unwrap()["head_sha"],
        "1111111111111111111111111111111111111111"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p14_a_merge_group_event_annotates_the_groups_head_sha() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let mut w = Workflow::new(false);
    w.event = "merge_group".into();
    w.payload(&json!({"action": "checks_requested", "merge_group": {
        "head_sha": w.head, "head_ref": "refs/heads/gh-readonly-queue/main/pr-7",
        "base_sha": "0000000000000000000000000000000000000001", "base_ref": "refs/heads/main"},
        "repository": {"full_name": "acme/app"}}));
    let out = w.run(server.uri(), &["--no-progress"]).await;
    let (code, _, stderr) = text(&out);
    // Not a pull request: every finding counts, the base branch's token too.
    assert_eq!(code, 1, "{stderr}");
    assert!(!stderr.contains("GITHUB_SHA"), "{stderr}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen)[0],
        format!("GET /repos/acme/app/commits/{}/check-runs", w.head)
    );
    assert_eq!(seen[1].body.as_ref().unwrap()["head_sha"], w.head.as_str());
}
