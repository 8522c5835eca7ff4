//! `gate gitlab` run the way a GitLab CI job runs it (issue 15, point 2): a
//! git checkout, the `CI_*` environment of a merge request pipeline, a fake
//! self-managed GitLab on 127.0.0.1 under `/gitlab/api/v4`; checks the exit
//! code, the job log, the reports and the requests, and that a hostile
//! environment is a named error (exit 2) that never prints the token.

mod common;
mod gitlab;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::Path;
use std::process::{Command, Output};

use common::{GITHUB_PAT, GITHUB_PAT_2};
use gitlab::{assert_no_secrets, happy, requests, sequence, BASE_SHA, START_SHA};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BASE: &str = "/gitlab/api/v4";
const TOKEN: &str = "glpat-e2eTokenThatMustNeverBePrinted";
const JOB_TOKEN: &str = "jobtokenthatmustneverbeprinted";

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

/// A checkout whose merge request adds `settings.py` (with a leaked token
/// on line 3 when `leak`); a token already on the target branch is outside
/// the diff. Returns (diff base, head).
fn checkout(dir: &Path, leak: bool) -> (String, String) {
    git(dir, &["init", "-q", "-b", "main"]);
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
    git(dir, &["add", "."]);
    git(dir, &["commit", "-qm", "feature"]);
    let head = git(dir, &["rev-parse", "HEAD"]);
    (base, head)
}

struct Job {
    repo: tempfile::TempDir,
    base: String,
    head: String,
}

impl Job {
    fn new(leak: bool) -> Job {
        let repo = tempfile::tempdir().unwrap();
        let (base, head) = checkout(repo.path(), leak);
        Job { repo, base, head }
    }

    /// The merge request pipeline's environment, pointing at `server`.
    fn env(&self, server: &str) -> Vec<(String, OsString)> {
        [
            ("PATH", std::env::var("PATH").unwrap_or_default()),
            ("HOME", self.repo.path().display().to_string()),
            ("CI", "true".into()),
            ("GITLAB_CI", "true".into()),
            ("CI_SERVER_URL", "https://gitlab.example".into()),
            ("CI_API_V4_URL", format!("{server}{BASE}")),
            ("CI_PROJECT_ID", "42".into()),
            ("CI_PROJECT_PATH", "acme/app".into()),
            ("CI_MERGE_REQUEST_IID", "7".into()),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", self.base.clone()),
            ("CI_COMMIT_SHA", self.head.clone()),
            ("CI_PIPELINE_ID", "1001".into()),
            (
                "CI_PIPELINE_URL",
                "https://gitlab.example/acme/app/-/pipelines/1001".into(),
            ),
            (
                "CI_JOB_URL",
                "https://gitlab.example/acme/app/-/jobs/5".into(),
            ),
            ("CI_JOB_TOKEN", JOB_TOKEN.into()),
            ("GITLAB_TOKEN", TOKEN.into()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), OsString::from(v)))
        .collect()
    }

    /// Run `gate gitlab ARGS` with exactly `env`.
    async fn run(&self, args: &[&str], env: Vec<(String, OsString)>) -> (i32, String, String) {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gate"));
        cmd.arg("gitlab")
            .args(["--engines", "secrets", "--no-progress"])
            .args(args)
            .current_dir(self.repo.path())
            .env_clear()
            .envs(env);
        let out: Output = tokio::task::spawn_blocking(move || cmd.output().expect("gate runs"))
            .await
            .unwrap();
        let (stdout, stderr) = (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        );
        for t in [TOKEN, JOB_TOKEN, GITHUB_PAT, GITHUB_PAT_2] {
            assert!(
                !stdout.contains(t) && !stderr.contains(t),
                "printed a secret\nstdout:\n{stdout}\nstderr:\n{stderr}"
            );
        }
        (out.status.code().unwrap_or(-1), stdout, stderr)
    }

    /// The merge request's diff_refs point at this checkout's head.
    async fn mount_mr(&self, server: &MockServer) {
        Mock::given(method("GET"))
            .and(path(format!("{BASE}/projects/42/merge_requests/7")))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"iid": 7,
                "diff_refs": {"base_sha": BASE_SHA, "start_sha": START_SHA, "head_sha": self.head}})))
            .with_priority(1)
            .mount(server)
            .await;
    }
}

fn with(mut env: Vec<(String, OsString)>, k: &str, v: Option<OsString>) -> Vec<(String, OsString)> {
    env.retain(|(name, _)| name != k);
    if let Some(v) = v {
        env.push((k.to_string(), v));
    }
    env
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leaking_merge_request_fails_with_note_discussion_status_and_reports() {
    let server = MockServer::start().await;
    let job = Job::new(true);
    job.mount_mr(&server).await;
    happy(&server, BASE, "42").await;
    // The README template's reports.
    let reports = [
        "gitlab-secret-detection=gl-secret-detection-report.json",
        "gitlab-sast=gl-sast-report.json",
        "gitlab-codequality=gl-code-quality-report.json",
    ];
    let mut args = vec!["-o", "json=gate-report.json"];
    for r in &reports {
        args.extend(["-o", r]);
    }
    let (code, stdout, stderr) = job.run(&args, job.env(&server.uri())).await;
    assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(
        stderr.contains(&format!(
            "gating the merge request's changes since {}",
            job.base
        )),
        "{stderr}"
    );
    let seen = requests(&server, BASE).await;
    let mr = "/projects/42/merge_requests/7";
    let status = format!("POST /projects/42/statuses/{}", job.head);
    assert_eq!(
        sequence(&seen),
        [
            status.clone(),
            format!("GET {mr}/notes"),
            format!("POST {mr}/notes"),
            format!("GET {mr}"),
            format!("GET {mr}/discussions"),
            format!("POST {mr}/discussions"),
            status,
        ]
    );
    assert_no_secrets(&seen);
    assert!(seen.iter().all(|s| !s.raw.contains(GITHUB_PAT_2)));
    // Only the token this merge request adds fails; the target branch's is not counted.
    let d = seen[5].body.as_ref().unwrap();
    assert_eq!(d["position"]["new_path"], "settings.py");
    assert_eq!(d["position"]["new_line"], 3);
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(note.contains("gate failed: 1 finding blocks"), "{note}");
    assert!(
        note.contains("1 on lines this change did not touch"),
        "{note}"
    );
    let last = seen[6].body.as_ref().unwrap();
    assert_eq!(last["state"], "failed");
    assert_eq!(last["pipeline_id"], 1001);
    assert_eq!(
        last["target_url"],
        "https://gitlab.example/acme/app/-/jobs/5"
    );
    let report = std::fs::read_to_string(job.repo.path().join("gate-report.json")).unwrap();
    assert!(!report.contains(GITHUB_PAT));
    for r in reports {
        let file = r.split_once('=').unwrap().1;
        let text = std::fs::read_to_string(job.repo.path().join(file)).unwrap();
        assert!(!text.contains(GITHUB_PAT), "{file}");
        serde_json::from_str::<serde_json::Value>(&text).expect(file);
    }
    let secrets =
        std::fs::read_to_string(job.repo.path().join("gl-secret-detection-report.json")).unwrap();
    assert!(secrets.contains("settings.py"), "{secrets}");
    // A re-run of the job edits what the first run posted.
    let note_id = 900;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}{mr}/notes")))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"id": note_id, "body": note, "system": false}])),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{BASE}{mr}/discussions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "abc123", "notes": [{"id": 1, "body": d["body"]}]}
        ])))
        .with_priority(1)
        .mount(&server)
        .await;
    let before = seen.len();
    let (code, _, stderr) = job.run(&[], job.env(&server.uri())).await;
    assert_eq!(code, 1, "{stderr}");
    let again = requests(&server, BASE).await.split_off(before);
    assert!(
        again
            .iter()
            .all(|s| s.method != "POST" || s.path.contains("/statuses/")),
        "a re-run creates nothing: {:?}",
        sequence(&again)
    );
    assert!(stderr.contains("already says this"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_job_token_falls_back_to_the_log_and_keeps_the_policy_exit_code() {
    let server = MockServer::start().await;
    happy(&server, BASE, "42").await;
    let job = Job::new(true);
    let env = with(job.env(&server.uri()), "GITLAB_TOKEN", None);
    let (code, _, stderr) = job.run(&[], env).await;
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("no token in $GITLAB_TOKEN, only CI_JOB_TOKEN"),
        "{stderr}"
    );
    assert!(
        stderr.contains("gate: gitlab:   settings.py:3: github-pat (critical): "),
        "{stderr}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
    // The job token copied into GITLAB_TOKEN is recognised, not sent.
    let env = with(
        job.env(&server.uri()),
        "GITLAB_TOKEN",
        Some(JOB_TOKEN.into()),
    );
    let (code, _, stderr) = job.run(&[], env).await;
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("$GITLAB_TOKEN holds the job token"),
        "{stderr}"
    );
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_commit_message_that_is_not_utf8_is_none_of_gates_business() {
    let server = MockServer::start().await;
    happy(&server, BASE, "42").await;
    let job = Job::new(false);
    let env = with(
        job.env(&server.uri()),
        "CI_COMMIT_MESSAGE",
        Some(OsString::from_vec(b"fix \xff\xfe encoding".to_vec())),
    );
    let (code, _, stderr) = job.run(&[], env).await;
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rejected_token_falls_back_and_the_exit_code_stays_the_policys() {
    let server = MockServer::start().await;
    let job = Job::new(false);
    Mock::given(method("POST"))
        .and(path(format!("{BASE}/projects/42/statuses/{}", job.head)))
        .respond_with(
            ResponseTemplate::new(401)
                .set_body_json(json!({"message": format!("401 Unauthorized {TOKEN}")})),
        )
        .mount(&server)
        .await;
    let (code, _, stderr) = job.run(&[], job.env(&server.uri())).await;
    assert_eq!(code, 0, "{stderr}");
    assert!(stderr.contains("the token cannot write here"), "{stderr}");
    assert!(stderr.contains("401 Unauthorized ***"), "{stderr}");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_pass_that_cannot_be_published_fails_closed() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    happy(&server, BASE, "42").await;
    let job = Job::new(false);
    let (code, _, stderr) = job
        .run(&["--publish-timeout", "2"], job.env(&server.uri()))
        .await;
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("failing closed (exit 2)"), "{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_environment_is_a_named_error_that_reaches_no_server() {
    let server = MockServer::start().await;
    happy(&server, BASE, "42").await;
    let job = Job::new(true);
    let text = |s: &str| Some(OsString::from(s));
    let cases: Vec<(&str, Option<OsString>, &str)> = vec![
        (
            "CI_API_V4_URL",
            text("https://root:hunter2@gitlab.example/api/v4"),
            "holds credentials",
        ),
        (
            "CI_API_V4_URL",
            text("ftp://gitlab.example/api/v4"),
            "is not http or https",
        ),
        ("CI_API_V4_URL", text("file:///etc/passwd"), "not a URL"),
        ("CI_API_V4_URL", text("http://[::1"), "not a URL"),
        ("CI_PROJECT_ID", text("../../admin"), "neither a numeric id"),
        ("CI_PROJECT_ID", None, "CI_PROJECT_ID is not set"),
        (
            "CI_MERGE_REQUEST_IID",
            text("7 OR 1=1"),
            "CI_MERGE_REQUEST_IID",
        ),
        (
            "CI_MERGE_REQUEST_DIFF_BASE_SHA",
            text("--output=/tmp/x"),
            "not a commit SHA",
        ),
        ("CI_COMMIT_SHA", text("HEAD~1"), "is not a SHA"),
        ("CI_PIPELINE_ID", text("12a"), "not a pipeline id"),
        (
            "CI_COMMIT_SHA",
            Some(OsString::from_vec(b"abc\xffdef".to_vec())),
            "$CI_COMMIT_SHA is not valid UTF-8",
        ),
        (
            "GITLAB_TOKEN",
            Some(OsString::from_vec(b"glpat-\xff".to_vec())),
            "$GITLAB_TOKEN is not valid UTF-8",
        ),
        (
            "GITLAB_TOKEN",
            text(&format!("{TOKEN}\nX-Injected: 1")),
            "$GITLAB_TOKEN: the token holds whitespace",
        ),
    ];
    let mut wrong = Vec::new();
    for (k, v, says) in cases {
        let (code, _, stderr) = job
            .run(&[], with(job.env(&server.uri()), k, v.clone()))
            .await;
        if code != 2 || !stderr.contains(says) || stderr.contains("panicked") {
            wrong.push(format!(
                "{k}={v:?}: exit {code}, want 2 and {says:?}\n{stderr}"
            ));
        }
        if stderr.contains("hunter2") {
            wrong.push(format!("{k}={v:?}: printed the URL's password"));
        }
    }
    let (code, _, stderr) = job
        .run(&["--status-name", " "], job.env(&server.uri()))
        .await;
    if code != 2 || !stderr.contains("--status-name must be 1 to 255 characters") {
        wrong.push(format!("--status-name ' ': exit {code}\n{stderr}"));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n\n"));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gate_that_cannot_run_says_why_in_the_note_and_fails_the_status() {
    let server = MockServer::start().await;
    happy(&server, BASE, "42").await;
    let job = Job::new(false);
    let (code, _, stderr) = job
        .run(&["--config", "missing.toml"], job.env(&server.uri()))
        .await;
    assert_eq!(code, 2, "{stderr}");
    let seen = requests(&server, BASE).await;
    let mr = "/projects/42/merge_requests/7";
    let status = format!("POST /projects/42/statuses/{}", job.head);
    assert_eq!(
        sequence(&seen),
        [
            status.clone(),
            format!("GET {mr}/notes"),
            format!("POST {mr}/notes"),
            status,
        ]
    );
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(note.contains("gate could not run"), "{note}");
    assert!(note.contains("missing.toml"), "{note}");
    assert_eq!(seen[3].body.as_ref().unwrap()["state"], "failed");
}
