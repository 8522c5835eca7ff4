//! Issue 11, "secrets leave the machine" (point 1) and the reports that must
//! agree with the exit code (points 7, 8, 9): several distinct secrets planted
//! on one line in every kind of file gate reads (Python, YAML, .env, imported
//! SARIF snippets and messages, git history), then every output gate makes is
//! searched for any piece of any of them: every report format, standard
//! output and error, `gate merge`, and everything `gate github` sends to a
//! fake GitHub on 127.0.0.1, the job summary and the workflow commands.

mod common;
mod github;
mod gitlab;

use std::path::Path;
use std::process::{Command, Output};

use common::{parts, Tree};
use github::{happy, requests};
use serde_json::json;
use wiremock::MockServer;

/// Fake credentials of providers whose formats gate's rules know (random,
/// never issued). Each test plants several of them per line.
const GH: &str = "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d";
const GH2: &str = "ghp_Zt3QmV8rYc1NwK5pLs0HdJ2fXa9BeUo7Gi4T";
const AWS: &str = "AKIAZ7Q3LKD2V5XNP4MA";
const STRIPE: &str = "sk_live_4eC39HqLyjWDarjtT1zdp7dc8VbN2Qm";
const GITLAB: &str = "glpat-Xk3v9Qm2Rt7Lp4Wz8Ny1";
const NPM: &str = "npm_a8Kd93LmQz72XcVb41PoRt56YuIo09WeQsZx";
/// Only ever inside an imported SARIF snippet or message: no file in the tree holds it.
const ONLY_IN_SARIF: &str = "ghp_Qw8eRt5yUi2oPa7sDf4gHj1kLz9xCv6bNm3M";
/// Only ever in a notebook cell, as an escaped JSON string next to its
/// provider's name: found only once the cell is read unescaped.
const IN_NOTEBOOK: &str = "8cdad5ad578e853ce60822b6f9e14aeb";
/// Only ever in a commit that a later commit removed.
const ONLY_IN_HISTORY: &str = "glpat-Hq7Wm2Zx9Lc4Vb8Nk3Tp";

const PLANTED: [&str; 9] = [
    GH,
    GH2,
    AWS,
    STRIPE,
    GITLAB,
    NPM,
    ONLY_IN_SARIF,
    ONLY_IN_HISTORY,
    IN_NOTEBOOK,
];

/// Fail naming the output and the secret if any 10-character piece of a
/// planted secret appears in `text` (a partial leak is a leak too).
fn assert_clean(what: &str, text: &str) {
    for secret in PLANTED {
        let chars: Vec<char> = secret.chars().collect();
        for piece in chars.windows(10) {
            let piece: String = piece.iter().collect();
            assert!(
                !text.contains(&piece),
                "{what} leaks `{piece}` of a planted secret:\n{text}"
            );
        }
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {out:?}");
}

/// bandit's and ruff's SARIF about app.py: one result without a snippet
/// (gate reads the line from disk: two tokens on it), one whose snippet and
/// message quote a token that is nowhere in the tree.
fn tool_sarif(tool: &str, rule: &str) -> String {
    json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": tool, "rules": [{"id": rule}]}},
            "results": [
                {
                    "ruleId": rule, "level": "error",
                    "message": {"text": "subprocess call with shell=True identified"},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": "app.py"},
                        "region": {"startLine": 4, "startColumn": 1}}}]
                },
                {
                    "ruleId": rule, "level": "error",
                    "message": {"text": format!("command `deploy --key {ONLY_IN_SARIF}` runs in a shell")},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": {"uri": "app.py"},
                        "region": {"startLine": 5, "startColumn": 1,
                                   "snippet": {"text": format!("os.system('deploy --key {ONLY_IN_SARIF} --aws {AWS}')")}}}}]
                }
            ]
        }]
    })
    .to_string()
}

/// A git repository with two or more secrets on one line in Python, YAML and
/// .env files, bandit's and ruff's SARIF, and a secret only in history.
fn leaky_repo() -> Tree {
    let t = Tree::new();
    let dir = t.path();
    git(dir, &["init", "-q", "-b", "main"]);
    t.file("old.txt", format!("token = \"{ONLY_IN_HISTORY}\"\n"));
    git(dir, &["add", "."]);
    git(dir, &["commit", "-qm", "first"]);
    std::fs::remove_file(dir.join("old.txt")).unwrap();
    t.file(
        "app.py",
        format!(
            "import os\nimport subprocess\n\n\
             subprocess.call(\"deploy --token {GH} --aws {AWS}\", shell=True)\n\
             os.system(cmd)\n\
             API = {{\"github\": \"{GH2}\", \"stripe\": \"{STRIPE}\"}}  # B105 bait: password = \"{NPM}\"\n"
        ),
    );
    t.file(
        "deploy/config.yml",
        format!("tokens: {{github: {GH}, gitlab: {GITLAB}, npm: {NPM}}}\n"),
    );
    t.file(".env", format!("GH={GH2} STRIPE={STRIPE} AWS={AWS}\n"));
    // The GitHub token is found in the file as it is; the Braintree key only
    // in the unescaped cell, and must be masked in the token's excerpt too.
    t.file(
        "analysis.ipynb",
        format!(
            "{{\"cells\": [{{\"cell_type\": \"code\", \"source\": [\n\
             \x20 \"import os\\n\",\n\
             \x20 \"os.environ[\\\"BRAINTREE_PRIVATE_KEY\\\"] = \\\"{IN_NOTEBOOK}\\\"; gh = \\\"{GH}\\\"\\n\"\n\
             ]}}]}}\n"
        ),
    );
    t.file("bandit.sarif", tool_sarif("Bandit", "B602"));
    t.file("ruff.sarif", tool_sarif("ruff", "S602"));
    git(dir, &["add", "-A"]);
    git(dir, &["commit", "-qm", "second"]);
    t
}

const FORMATS: [&str; 9] = [
    "text",
    "json",
    "sarif",
    "github",
    "gitlab",
    "gitlab-secret-detection",
    "gitlab-sast",
    "junit",
    "markdown",
];

#[test]
fn issue11_p1_no_planted_secret_reaches_any_report_format() {
    let t = leaky_repo();
    let out = tempfile::tempdir().unwrap();
    let outputs: Vec<String> = FORMATS
        .iter()
        .map(|f| format!("{f}={}", out.path().join(format!("report.{f}")).display()))
        .collect();
    for stdout_format in FORMATS {
        let mut args = vec![
            "scan",
            ".",
            "--sarif",
            "bandit.sarif",
            "--sarif",
            "ruff.sarif",
            "-f",
            stdout_format,
        ];
        for o in &outputs {
            args.extend(["-o", o.as_str()]);
        }
        let run = t.gate(&args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_clean(&format!("stdout ({stdout_format})"), &run.stdout);
        assert_clean("stderr", &run.stderr);
        for f in FORMATS {
            let path = out.path().join(format!("report.{f}"));
            assert_clean(f, &std::fs::read_to_string(path).unwrap());
        }
    }
    // The masking is not vacuous: both tokens on the B602 line were found and masked.
    let json = t
        .gate(&["scan", ".", "--sarif", "bandit.sarif", "-f", "json"])
        .json();
    let b602: Vec<&serde_json::Value> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule_id"] == "B602" && f["start_line"] == 4)
        .collect();
    assert!(!b602.is_empty(), "{json:#}");
    for f in b602 {
        let snippet = f["snippet"].as_str().unwrap();
        assert_eq!(snippet.matches("*****").count(), 2, "{snippet}");
    }
}

#[test]
fn issue11_p1_partial_redaction_shows_no_more_than_asked() {
    let t = leaky_repo();
    let run = t.gate(&["scan", ".", "-f", "json", "--redact=50"]);
    // Half of a 40-character token may show: 20 characters, never all of it.
    for secret in [GH, GH2, STRIPE, NPM] {
        assert!(!run.stdout.contains(secret), "{secret} in\n{}", run.stdout);
    }
}

#[test]
fn issue11_p1_git_history_and_merge_leak_nothing() {
    let t = leaky_repo();
    let out = tempfile::tempdir().unwrap();
    for format in FORMATS {
        let run = t.gate(&[
            "scan",
            "--git",
            "--all",
            "--engines",
            "secrets",
            "-f",
            format,
        ]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_clean(&format!("--git --all ({format})"), &run.stdout);
        assert_clean("stderr", &run.stderr);
    }
    let merged = out.path().join("merged.sarif");
    let run = t.gate(&[
        "merge",
        "bandit.sarif",
        "ruff.sarif",
        "-o",
        merged.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_clean("gate merge", &std::fs::read_to_string(&merged).unwrap());
    assert_clean("gate merge stderr", &run.stderr);
}

#[test]
fn issue11_p1_python_engine_alone_still_masks_tokens_on_its_lines() {
    // With the secrets engine off, the built-in rules still look through
    // every excerpt before it is shown.
    let t = leaky_repo();
    for format in FORMATS {
        let run = t.gate(&["scan", ".", "--engines", "python", "-f", format]);
        assert_clean(&format!("--engines python ({format})"), &run.stdout);
    }
}

fn rev(t: &Tree, name: &str) -> String {
    let out = Command::new("git")
        .args(["rev-parse", name])
        .current_dir(t.path())
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// `gate github` on a pull request from the first commit to the second.
async fn gate_github(t: &Tree, runner: &Path, api: String, extra: &[&str]) -> Output {
    let (base, head) = (rev(t, "HEAD~1"), rev(t, "HEAD"));
    let payload = json!({
        "pull_request": {"number": 7, "head": {"sha": head}, "base": {"sha": base}},
        "repository": {"full_name": "acme/app"}
    });
    std::fs::write(runner.join("event.json"), payload.to_string()).unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gate"));
    cmd.args([
        "github",
        "--sarif",
        "bandit.sarif",
        "--sarif",
        "ruff.sarif",
        "--review",
    ])
    .args(["--sarif-output", "gate.sarif", "--no-progress"])
    .args(extra)
    .current_dir(t.path())
    .env_clear()
    .env("PATH", std::env::var("PATH").unwrap_or_default())
    .env("HOME", runner)
    .env("CI", "true")
    .env("GITHUB_ACTIONS", "true")
    .env("GITHUB_EVENT_NAME", "pull_request")
    .env("GITHUB_EVENT_PATH", runner.join("event.json"))
    .env("GITHUB_REPOSITORY", "acme/app")
    .env("GITHUB_API_URL", api)
    .env("GITHUB_TOKEN", "ghs_fakeInstallationTokenForTests000000")
    .env("GITHUB_STEP_SUMMARY", runner.join("summary.md"));
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

/// Every request to `server` answered 403 with `message`, as a forge does to
/// a token that may not write.
async fn refuse_every_request(server: &MockServer, message: &str) {
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(
            wiremock::ResponseTemplate::new(403).set_body_json(json!({ "message": message })),
        )
        .mount(server)
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p1_gate_github_sends_and_writes_no_planted_secret() {
    let t = leaky_repo();
    let runner = tempfile::tempdir().unwrap();
    // Once through the API, once with every write denied (the fallback:
    // workflow commands on stdout).
    for denied in [false, true] {
        let server = MockServer::start().await;
        if denied {
            refuse_every_request(&server, "Resource not accessible by integration").await;
        } else {
            happy(&server, "").await;
        }
        let out = gate_github(&t, runner.path(), server.uri(), &[]).await;
        let (code, stdout, stderr) = parts(&out);
        assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
        assert_clean("stdout", &stdout);
        assert_clean("stderr", &stderr);
        if denied {
            assert!(
                stdout.contains("::error"),
                "fallback annotations:\n{stdout}"
            );
        }
        let seen = requests(&server, "").await;
        assert!(!seen.is_empty());
        for s in &seen {
            assert_clean(&format!("{} {}", s.method, s.path), &s.raw);
        }
        let summary = std::fs::read_to_string(runner.path().join("summary.md")).unwrap();
        assert!(summary.contains("gate failed"), "{summary}");
        assert_clean("the job summary", &summary);
        assert_clean(
            "gate.sarif",
            &std::fs::read_to_string(t.path().join("gate.sarif")).unwrap(),
        );
    }
}

/// `gate gitlab` in a merge request pipeline on `t` (the last commit is
/// the merge request), talking to the fake GitLab at `api`.
async fn gate_gitlab(t: &Tree, runner: &Path, api: String) -> Output {
    let (base, head) = (rev(t, "HEAD~1"), rev(t, "HEAD"));
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_gate"));
    cmd.args(["gitlab", "--sarif", "bandit.sarif", "--sarif", "ruff.sarif"])
        .args([
            "--no-progress",
            "-o",
            "gitlab-secret-detection=gl-secret-detection-report.json",
        ])
        .args(["-o", "gitlab-sast=gl-sast-report.json"])
        .args(["-o", "gitlab-codequality=gl-code-quality-report.json"])
        .current_dir(t.path())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("HOME", runner)
        .env("CI", "true")
        .env("GITLAB_CI", "true")
        .env("CI_API_V4_URL", api)
        .env("CI_PROJECT_ID", "42")
        .env("CI_MERGE_REQUEST_IID", "7")
        .env("CI_MERGE_REQUEST_DIFF_BASE_SHA", base)
        .env("CI_COMMIT_SHA", head)
        .env("GITLAB_TOKEN", "glpat-fakeProjectTokenForTests00");
    tokio::task::spawn_blocking(move || cmd.output().unwrap())
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p1_gate_gitlab_sends_and_writes_no_planted_secret() {
    let t = leaky_repo();
    let runner = tempfile::tempdir().unwrap();
    // Once through the API, once with every write refused (the fallback:
    // the failing findings in the job log).
    for denied in [false, true] {
        let server = MockServer::start().await;
        if denied {
            refuse_every_request(&server, "403 Forbidden").await;
        } else {
            gitlab::happy(&server, "", "42").await;
        }
        let out = gate_gitlab(&t, runner.path(), server.uri()).await;
        let (code, stdout, stderr) = parts(&out);
        assert_eq!(code, 1, "stdout:\n{stdout}\nstderr:\n{stderr}");
        assert_clean("stdout", &stdout);
        assert_clean("stderr", &stderr);
        let seen = gitlab::requests(&server, "").await;
        assert!(!seen.is_empty());
        for s in &seen {
            assert_clean(&format!("{} {}", s.method, s.path), &s.raw);
        }
        if !denied {
            assert!(
                seen.iter()
                    .any(|s| s.method == "POST" && s.path.ends_with("/notes")),
                "the summary note is posted: {seen:?}"
            );
        }
        for report in [
            "gl-secret-detection-report.json",
            "gl-sast-report.json",
            "gl-code-quality-report.json",
        ] {
            assert_clean(
                report,
                &std::fs::read_to_string(t.path().join(report)).unwrap(),
            );
        }
    }
}

#[test]
fn issue11_p9_gate_does_not_scan_its_own_inputs_and_outputs() {
    let t = leaky_repo();
    // Run twice: the second run finds the first run's reports in the tree.
    for _ in 0..2 {
        let run = t.gate(&[
            "scan",
            ".",
            "--sarif",
            "bandit.sarif",
            "--sarif",
            "ruff.sarif",
            "-f",
            "json",
            "-o",
            "sarif=gate.sarif",
            "-o",
            "json=gate.json",
        ]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let paths = run.paths();
        for own in ["bandit.sarif", "ruff.sarif", "gate.sarif", "gate.json"] {
            assert!(
                !paths.contains(&own.to_string()),
                "{own} scanned: {paths:?}"
            );
        }
        assert!(
            run.stderr.contains("bandit.sarif: not scanned as source"),
            "{}",
            run.stderr
        );
    }
    // Without --sarif, the same file is an ordinary file of the tree.
    let run = t.gate(&["scan", ".", "-f", "json"]);
    assert!(run.paths().contains(&"bandit.sarif".to_string()));
}

/// A tree with one unreadable input (a SARIF file that is not SARIF).
fn broken_tree() -> Tree {
    let t = Tree::new();
    t.file("app.py", "print('hello')\n");
    t.file("broken.sarif", "{ not json");
    t
}

#[test]
fn issue11_p7_every_report_says_the_gate_could_not_complete() {
    let t = broken_tree();
    for format in FORMATS {
        let run = t.gate(&["scan", ".", "--sarif", "broken.sarif", "-f", format]);
        assert_eq!(run.code, 2, "{format}: {}", run.stderr);
        let out = &run.stdout;
        match format {
            "json" => {
                let v = &run.json()["verdict"];
                assert_eq!(v["passed"], false, "{v}");
                assert_eq!(v["status"], "error", "{v}");
                assert!(v["incomplete"][0]
                    .as_str()
                    .unwrap()
                    .contains("broken.sarif"));
            }
            "junit" => {
                assert!(
                    out.contains("errors=\"1\"") && out.contains("gate could not complete"),
                    "{out}"
                );
            }
            "sarif" => {
                let v: serde_json::Value = serde_json::from_str(out).unwrap();
                assert_eq!(
                    v["runs"][0]["invocations"][0]["executionSuccessful"], false,
                    "{out}"
                );
            }
            "text" | "markdown" => {
                assert!(out.contains("gate could not complete"), "{format}:\n{out}");
                assert!(!out.contains("gate passed"), "{format}:\n{out}");
            }
            "gitlab-secret-detection" | "gitlab-sast" => {
                let v: serde_json::Value = serde_json::from_str(out).unwrap();
                assert_eq!(v["scan"]["status"], "failure", "{out}");
                assert!(out.contains("gate could not complete"), "{out}");
            }
            _ => {}
        }
    }
}

#[test]
#[cfg(target_os = "linux")]
fn issue11_p8_a_report_to_a_full_stdout_exits_2() {
    let t = Tree::new();
    t.file("app.py", "print('hello')\n");
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args(["scan", "."])
        .current_dir(t.path())
        .stdout(full)
        .output()
        .unwrap();
    let (code, _, stderr) = parts(&out);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("cannot write the report to standard output"),
        "{stderr}"
    );
    // And -o to the same device, with the stdout report saying so.
    let run = t.gate(&["scan", ".", "-o", "json=/dev/full", "-f", "json"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.json()["verdict"]["status"], "error");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p1_the_last_guard_masks_a_secret_in_any_request_body() {
    use gate::github::client::{Client, RetryPolicy};
    use gate::redact::SecretSpans;
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(wiremock::ResponseTemplate::new(201).set_body_json(json!({"id": 1})))
        .mount(&server)
        .await;
    let mut client = Client::new(&server.uri(), "ghs_test", RetryPolicy::default()).unwrap();
    client.set_guard(SecretSpans::new([GH, STRIPE]));
    // A body that escaped the redaction point (a gate bug): the guard masks it.
    let body = json!({"output": {"summary": format!("a {GH} b"), "text": [STRIPE, "ok"]}});
    let sent = client
        .send(
            http::Method::POST,
            "/repos/o/r/check-runs",
            Some(&body),
            None,
        )
        .await
        .unwrap();
    assert_eq!(sent["id"], 1);
    let received = server.received_requests().await.unwrap();
    let raw = String::from_utf8_lossy(&received[0].body).into_owned();
    assert_clean("the guarded body", &raw);
    let masked: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(masked["output"]["summary"], "a ***** b");
    assert_eq!(masked["output"]["text"][1], "ok");
}

#[test]
fn issue11_p1_an_imported_sarif_cannot_smuggle_a_secret_through_rule_or_tool_texts() {
    let t = Tree::new();
    t.file("app.py", "print('hello')\n");
    let sarif = json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": format!("tool {GH}"), "version": STRIPE,
                "informationUri": format!("https://x.example/{NPM}"),
                "rules": [{
                    "id": format!("R-{GITLAB}"),
                    "name": format!("name {GH2}"),
                    "shortDescription": {"text": format!("short {GH2}")},
                    "fullDescription": {"text": format!("full {AWS} {GH}")},
                    "help": {"text": format!("help {STRIPE}"), "markdown": format!("help {STRIPE}")}
                }]
            }},
            "results": [{
                "ruleId": format!("R-{GITLAB}"), "level": "error",
                "message": {"text": "imported"},
                "suppressions": [{"kind": "external", "justification": format!("ok {ONLY_IN_SARIF}")}],
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": "app.py"}, "region": {"startLine": 1}}}]
            }]
        }]
    });
    t.file("evil.sarif", sarif.to_string());
    for format in FORMATS {
        let run = t.gate(&["scan", ".", "--sarif", "evil.sarif", "-f", format]);
        assert_clean(&format!("{format} of a hostile SARIF"), &run.stdout);
        assert_clean("stderr", &run.stderr);
        assert!(!run.stderr.contains("gate bug"), "{}", run.stderr);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn issue11_p7_the_check_run_fails_when_the_gate_could_not_complete() {
    let t = leaky_repo();
    t.file("broken.sarif", "{ not json");
    let runner = tempfile::tempdir().unwrap();
    let server = MockServer::start().await;
    happy(&server, "").await;
    let out = gate_github(
        &t,
        runner.path(),
        server.uri(),
        &["--sarif", "broken.sarif"],
    )
    .await;
    let (code, stdout, stderr) = parts(&out);
    assert_eq!(code, 2, "stdout:\n{stdout}\nstderr:\n{stderr}");
    let seen = requests(&server, "").await;
    let done = seen
        .iter()
        .filter_map(|s| s.body.as_ref())
        .find(|b| b.get("conclusion").is_some())
        .expect("the check run is completed");
    assert_eq!(done["conclusion"], "failure", "{done:#}");
    let title = done["output"]["title"].as_str().unwrap();
    assert!(title.starts_with("gate could not complete"), "{title}");
    let summary = std::fs::read_to_string(runner.path().join("summary.md")).unwrap();
    assert!(summary.contains("gate could not complete"), "{summary}");
}

#[test]
fn issue11_p1_a_python_finding_in_a_path_the_secrets_engine_skips_is_still_masked() {
    // The secrets engine never reads `vendor/` (a global allowlist), so the
    // redaction point must look through the Python finding's line itself.
    let t = Tree::new();
    t.file(
        ".gitleaks.toml",
        "[extend]\nuseDefault = true\n\n[[allowlists]]\npaths = ['''^vendor/''']\n",
    );
    t.file(
        "vendor/deploy.py",
        format!("import subprocess\nsubprocess.call(\"deploy --token {GH} --key {STRIPE}\", shell=True)\n"),
    );
    for format in FORMATS {
        let run = t.gate(&["scan", ".", "-f", format]);
        // The secret-detection report holds secrets only, never a B602.
        let shown = format == "gitlab-secret-detection" || run.stdout.contains("B602");
        assert!(shown, "{format}: {}", run.stdout);
        assert_clean(&format!("{format} of an allowlisted path"), &run.stdout);
        assert!(!run.stderr.contains("gate bug"), "{}", run.stderr);
    }
}
