//! Every subcommand under hostile environment variables (issue 11, point
//! 10): tokens with newlines or control characters, values that are not
//! UTF-8 or are huge, event payload paths that are directories, FIFOs,
//! invalid or missing, job summaries that cannot be written, API URLs that
//! are not URLs. Every run ends with 0, 1 or 2 — never a panic, a signal or
//! a hang — and never prints the token.

mod common;
mod github;

use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use wiremock::MockServer;

/// Part of every token the tests use: it must never reach stdout or stderr.
const TOKEN_MARK: &str = "hostileTok3n";
/// A run still going after this long has hung.
const HANG: Duration = Duration::from_secs(60);

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A clean repository, and next to it the runner's files: a valid event
/// payload, and the hostile things a variable may point at.
struct Fixture {
    repo: tempfile::TempDir,
    runner: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let repo = tempfile::tempdir().unwrap();
        let runner = tempfile::tempdir().unwrap();
        git(repo.path(), &["init", "-q", "-b", "main"]);
        std::fs::write(repo.path().join("app.py"), "import os\n\nX = 1\n").unwrap();
        std::fs::write(
            repo.path().join("input.sarif"),
            r#"{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"t"}},"results":[]}]}"#,
        )
        .unwrap();
        git(repo.path(), &["add", "."]);
        git(repo.path(), &["commit", "-qm", "base"]);
        let head = git(repo.path(), &["rev-parse", "HEAD"]);
        let r = runner.path();
        let payload = json!({"pull_request": {"number": 7,
            "head": {"sha": head, "repo": {"full_name": "acme/app"}},
            "base": {"sha": head, "ref": "main", "repo": {"full_name": "acme/app"}}}});
        std::fs::write(r.join("event.json"), payload.to_string()).unwrap();
        std::fs::write(r.join("bad.json"), "{\"pull_request\": ").unwrap();
        std::fs::create_dir(r.join("dir")).unwrap();
        let fifo = r.join("fifo");
        let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
        assert!(made.success());
        Fixture { repo, runner }
    }

    fn runner(&self, name: &str) -> PathBuf {
        self.runner.path().join(name)
    }

    /// The Actions environment of a clean pull request run against `api`.
    fn base_env(&self, api: &str) -> Vec<(String, OsString)> {
        let pairs: Vec<(&str, OsString)> = vec![
            ("PATH", std::env::var_os("PATH").unwrap_or_default()),
            ("HOME", self.runner.path().into()),
            ("CI", "true".into()),
            ("GITHUB_ACTIONS", "true".into()),
            ("GITHUB_EVENT_NAME", "pull_request".into()),
            ("GITHUB_EVENT_PATH", self.runner("event.json").into()),
            ("GITHUB_REPOSITORY", "acme/app".into()),
            ("GITHUB_API_URL", api.into()),
            (
                "GITHUB_SHA",
                "1111111111111111111111111111111111111111".into(),
            ),
            ("GITHUB_STEP_SUMMARY", self.runner("summary.md").into()),
            ("GITHUB_TOKEN", format!("{TOKEN_MARK}Base0").into()),
        ];
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    }
}

/// One hostile environment: variables set (Some) or removed (None) on top
/// of the base, and what `gate github` must answer under it.
struct Scenario {
    name: &'static str,
    vars: Vec<(&'static str, Option<OsString>)>,
    github_code: i32,
    github_says: &'static str,
}

fn bytes(b: &[u8]) -> Option<OsString> {
    Some(OsString::from_vec(b.to_vec()))
}

fn text(s: &str) -> Option<OsString> {
    Some(s.into())
}

fn scenarios(f: &Fixture) -> Vec<Scenario> {
    let path = |name: &str| Some(OsString::from(f.runner(name)));
    // Linux caps one variable at 128 KiB (MAX_ARG_STRLEN).
    let huge = |prefix: &str| Some(OsString::from(format!("{prefix}{}", "a".repeat(120_000))));
    let s = |name, vars, github_code, github_says| Scenario {
        name,
        vars,
        github_code,
        github_says,
    };
    vec![
        s(
            "token with a trailing newline",
            vec![("GITHUB_TOKEN", text(&format!("{TOKEN_MARK}\n")))],
            0,
            "",
        ),
        s(
            "token with a newline inside",
            vec![("GITHUB_TOKEN", text(&format!("x\n{TOKEN_MARK}")))],
            2,
            "$GITHUB_TOKEN: the token holds whitespace",
        ),
        s(
            "token with a control character",
            vec![("GITHUB_TOKEN", text(&format!("x\u{1b}{TOKEN_MARK}")))],
            2,
            "$GITHUB_TOKEN: the token holds a control character",
        ),
        s(
            "token that is not UTF-8",
            vec![(
                "GITHUB_TOKEN",
                bytes(&[TOKEN_MARK.as_bytes(), b"\xff\xfe"].concat()),
            )],
            2,
            "$GITHUB_TOKEN is not valid UTF-8",
        ),
        s(
            "token of a megabyte",
            vec![("GITHUB_TOKEN", huge(TOKEN_MARK))],
            2,
            "characters long",
        ),
        s(
            "unrelated variables huge or not UTF-8",
            vec![
                ("LANG", bytes(b"en_US.\xff")),
                ("NO_COLOR", bytes(b"\xff")),
                ("HUGE", huge("x")),
            ],
            0,
            "",
        ),
        s(
            "event path is a directory",
            vec![("GITHUB_EVENT_PATH", path("dir"))],
            2,
            "is not a regular file",
        ),
        s(
            "event path is a FIFO",
            vec![("GITHUB_EVENT_PATH", path("fifo"))],
            2,
            "is not a regular file",
        ),
        s(
            "event path holds invalid JSON",
            vec![("GITHUB_EVENT_PATH", path("bad.json"))],
            2,
            "is not JSON",
        ),
        s(
            "event path is missing",
            vec![("GITHUB_EVENT_PATH", path("missing.json"))],
            2,
            "cannot read the event payload",
        ),
        s(
            "event path is not UTF-8",
            vec![("GITHUB_EVENT_PATH", bytes(b"/nonexistent/\xff.json"))],
            2,
            "cannot read the event payload",
        ),
        s(
            "job summary is a directory",
            vec![("GITHUB_STEP_SUMMARY", path("dir"))],
            0,
            "cannot write the job summary",
        ),
        s(
            "job summary is a FIFO",
            vec![("GITHUB_STEP_SUMMARY", path("fifo"))],
            0,
            "cannot write the job summary",
        ),
        s(
            "API URL `http://[::1`",
            vec![("GITHUB_API_URL", text("http://[::1"))],
            2,
            "API URL `http://[::1`",
        ),
        s(
            "API URL `ftp://x`",
            vec![("GITHUB_API_URL", text("ftp://x"))],
            2,
            "scheme `ftp` is not http or https",
        ),
        s(
            "API URL with a control character",
            vec![("GITHUB_API_URL", text("http://127.0.0.1:9/\u{7}"))],
            2,
            "API URL",
        ),
        s(
            "API URL empty (no token: nothing is sent)",
            vec![("GITHUB_API_URL", text("")), ("GITHUB_TOKEN", None)],
            0,
            "no token in $GITHUB_TOKEN",
        ),
        s(
            "repository of a megabyte",
            vec![("GITHUB_REPOSITORY", huge("acme/"))],
            2,
            "is not OWNER/NAME",
        ),
        s(
            "repository with a newline",
            vec![("GITHUB_REPOSITORY", text("acme/app\n"))],
            2,
            "is not OWNER/NAME",
        ),
        s(
            "repository that is not UTF-8",
            vec![("GITHUB_REPOSITORY", bytes(b"acme/\xff"))],
            2,
            "$GITHUB_REPOSITORY is not valid UTF-8",
        ),
        s(
            "SHA that walks up the API path",
            vec![
                ("GITHUB_EVENT_PATH", None),
                ("GITHUB_SHA", text("../../../user")),
            ],
            2,
            "is not a SHA",
        ),
        s(
            "event name with escape sequences",
            vec![("GITHUB_EVENT_NAME", text("pull_request\u{1b}[31m"))],
            0,
            "",
        ),
        s(
            "base ref that is not UTF-8",
            vec![("GITHUB_BASE_REF", bytes(b"main\xff"))],
            2,
            "$GITHUB_BASE_REF is not valid UTF-8",
        ),
    ]
}

/// The subcommands `gate --help` lists (but `help`).
fn listed_commands() -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .arg("--help")
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

/// Every invocation run under each environment, by subcommand.
fn invocations(f: &Fixture) -> Vec<(&'static str, Vec<String>)> {
    let out = |name: &str| f.runner(name).display().to_string();
    let v = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    vec![
        ("scan", v(&["scan", "--no-progress", "."])),
        ("scan", v(&["scan", "--no-progress", "--staged"])),
        ("scan", v(&["scan", "--no-progress", "--git"])),
        ("install-hook", v(&["install-hook", "--force"])),
        ("rules", v(&["rules", "list"])),
        ("rules", v(&["rules", "check"])),
        ("rules", v(&["rules", "explain", "B602"])),
        (
            "merge",
            v(&["merge", "input.sarif", "-o", &out("merged.sarif")]),
        ),
        ("baseline", v(&["baseline", "-o", &out("base.sarif"), "."])),
        (
            "github",
            v(&[
                "github",
                "--no-progress",
                "--publish-timeout",
                "20",
                "--sarif-output",
                &out("gate.sarif"),
            ]),
        ), // Outside GitLab CI (no CI_PROJECT_ID) it stops before any request.
        (
            "gitlab",
            v(&["gitlab", "--no-progress", "--publish-timeout", "20"]),
        ),
    ]
}

/// Run gate with exactly `env`; a run still going after [`HANG`] is killed
/// and fails the test.
fn run(dir: &Path, args: &[String], env: &[(String, OsString)]) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("gate runs");
    let (mut so, mut se) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let so = std::thread::spawn(move || std::io::read_to_string(&mut so).unwrap_or_default());
    let se = std::thread::spawn(move || std::io::read_to_string(&mut se).unwrap_or_default());
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if started.elapsed() > HANG {
            child.kill().unwrap();
            panic!("gate {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (status.code(), so.join().unwrap(), se.join().unwrap())
}

/// `base` with `vars` set (Some) or removed (None).
fn with(base: &[(String, OsString)], vars: &[(&str, Option<OsString>)]) -> Vec<(String, OsString)> {
    let mut env = base.to_vec();
    for (k, v) in vars {
        env.retain(|(name, _)| name != k);
        if let Some(v) = v {
            env.push((k.to_string(), v.clone()));
        }
    }
    env
}

/// The scenarios folded into as few environments as hold every hostile
/// value: the k-th environment gives each variable its k-th hostile value
/// (cycling). Other subcommands stop at none of them, so one run each
/// covers many.
fn combined(scenarios: &[Scenario]) -> Vec<Vec<(&'static str, Option<OsString>)>> {
    let mut by_var: Vec<(&'static str, Vec<Option<OsString>>)> = Vec::new();
    for sc in scenarios {
        for (k, v) in &sc.vars {
            match by_var.iter_mut().find(|(name, _)| name == k) {
                Some((_, values)) => values.push(v.clone()),
                None => by_var.push((k, vec![v.clone()])),
            }
        }
    }
    let n = by_var.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    (0..n)
        .map(|i| {
            by_var
                .iter()
                .map(|(k, values)| (*k, values[i % values.len()].clone()))
                .collect()
        })
        .collect()
}

/// What is wrong with one run: exit code outside 0–2 (a panic is 101, a
/// signal none), a panic message, or the token in the output.
fn check_run(what: &str, code: Option<i32>, stdout: &str, stderr: &str) -> Vec<String> {
    let mut wrong = Vec::new();
    if !matches!(code, Some(0..=2)) || stderr.contains("panicked") {
        wrong.push(format!("{what}: exit {code:?}\n{}", tail(stderr)));
    }
    if stdout.contains(TOKEN_MARK) || stderr.contains(TOKEN_MARK) {
        wrong.push(format!("{what}: the token was printed"));
    }
    wrong
}

fn tail(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    chars[chars.len().saturating_sub(600)..].iter().collect()
}

fn fake_github() -> (tokio::runtime::Runtime, MockServer) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let server = rt.block_on(async {
        let s = MockServer::start().await;
        github::happy(&s, "").await;
        s
    });
    (rt, server)
}

#[test]
fn issue11_p10_every_subcommand_survives_hostile_environment_variables() {
    let (_rt, server) = fake_github();
    let f = Fixture::new();
    let calls = invocations(&f);
    let mut covered: Vec<String> = calls.iter().map(|(c, _)| c.to_string()).collect();
    covered.dedup();
    assert_eq!(
        listed_commands(),
        covered,
        "every subcommand `gate --help` lists is run here"
    );
    let base = f.base_env(&server.uri());
    let scenarios = scenarios(&f);
    let mut failures = Vec::new();
    // `gate github` reads these variables: each one alone, with the answer it must give.
    let github = &calls.iter().find(|(c, _)| *c == "github").unwrap().1;
    for sc in &scenarios {
        let (code, stdout, stderr) = run(f.repo.path(), github, &with(&base, &sc.vars));
        let what = format!("github under `{}`", sc.name);
        failures.extend(check_run(&what, code, &stdout, &stderr));
        if code != Some(sc.github_code) {
            failures.push(format!(
                "{what}: exit {code:?}, want {}\n{}",
                sc.github_code,
                tail(&stderr)
            ));
        }
        if !stderr.contains(sc.github_says) {
            failures.push(format!(
                "{what}: stderr lacks {:?}\n{}",
                sc.github_says,
                tail(&stderr)
            ));
        }
    }
    // Every subcommand under environments holding every hostile value.
    // `gate github` is pinned to the fake server here: a combination of an
    // empty GITHUB_API_URL and a valid token must never reach the real API.
    for (i, vars) in combined(&scenarios).iter().enumerate() {
        let env = with(&base, vars);
        for (command, args) in &calls {
            let mut args = args.clone();
            if *command == "github" {
                args.extend(["--api-url".to_string(), server.uri()]);
            }
            let (code, stdout, stderr) = run(f.repo.path(), &args, &env);
            let what = format!("{} under combined environment {i}", args.join(" "));
            failures.extend(check_run(&what, code, &stdout, &stderr));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The usual mistake (`echo $TOKEN > file` adds a newline): the token is
/// trimmed and used, not refused and not a panic (it was exit 101).
#[test]
fn issue11_p10_a_token_with_a_trailing_newline_is_trimmed_and_used() {
    let (rt, server) = fake_github();
    let f = Fixture::new();
    let mut env = f.base_env(&server.uri());
    env.retain(|(k, _)| k != "GITHUB_TOKEN");
    env.push(("GITHUB_TOKEN".into(), format!("{TOKEN_MARK}\r\n").into()));
    let args: Vec<String> = ["github", "--no-progress"].map(String::from).to_vec();
    let (code, _, stderr) = run(f.repo.path(), &args, &env);
    assert_eq!(code, Some(0), "{stderr}");
    let seen = rt.block_on(server.received_requests()).unwrap();
    assert!(!seen.is_empty());
    for r in seen {
        let auth = r.headers.get("authorization").unwrap().to_str().unwrap();
        assert_eq!(auth, format!("Bearer {TOKEN_MARK}"));
    }
}
