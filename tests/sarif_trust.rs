//! Imported SARIF is input a pull request controls (issue 11).
//!
//! p2: whatever its URIs and `originalUriBaseIds` say, gate reads source only
//! from regular files inside the repository root, never blocks on a FIFO or
//! a device, reads no more than the size limit, and keeps every result.
//! p13: report paths are repo-relative URIs that round-trip byte for byte,
//! and are escaped when printed. p14: a file merged twice is merged once; a
//! byte order mark is accepted.
#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// Text that only the file outside the root holds.
const MARKER: &str = "MARKER_OUTSIDE_THE_ROOT_5e1b7";
/// Text that only gate's environment holds (`/proc/self/environ`).
const ENV_MARKER: &str = "MARKER_IN_THE_ENVIRONMENT_91c3";
/// How long a run may take before it counts as hung (a FIFO opened for reading).
const HANG: Duration = Duration::from_secs(60);

/// One run of the binary, killed if it outlives [`HANG`].
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn gate_with_timeout(dir: &Path, args: &[&str]) -> Run {
    let out_path = dir.join(".gate-test-stdout");
    let err_path = dir.join(".gate-test-stderr");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gate"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .env("GATE_TEST_ENV_MARKER", ENV_MARKER)
        .env_remove("GITHUB_BASE_REF")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap())
        .spawn()
        .expect("gate runs");
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            let _ = child.wait();
            panic!("gate {args:?} hung for {HANG:?} (did it open a FIFO?)");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: std::fs::read_to_string(&out_path).unwrap(),
        stderr: std::fs::read_to_string(&err_path).unwrap(),
    };
    let _ = std::fs::remove_file(out_path);
    let _ = std::fs::remove_file(err_path);
    run
}

/// `base/outside/secret.txt` (the marker) next to `base/repo` (the root),
/// and inside the root every kind of path that must not be read.
struct Attack {
    _dir: tempfile::TempDir,
    base: PathBuf,
    repo: PathBuf,
}

impl Attack {
    fn new() -> Attack {
        let dir = tempfile::tempdir().unwrap();
        // Canonical, so that `file://` URIs built from it name the real place.
        let base = std::fs::canonicalize(dir.path()).unwrap();
        let repo = base.join("repo");
        std::fs::create_dir_all(base.join("outside")).unwrap();
        std::fs::write(
            base.join("outside/secret.txt"),
            format!("{MARKER} line one\n{MARKER} line two\n"),
        )
        .unwrap();
        std::fs::create_dir_all(repo.join("src/dir")).unwrap();
        std::fs::write(repo.join("src/app.py"), "import os\nos.system(cmd)\n").unwrap();
        std::fs::write(
            repo.join("src/big.txt"),
            format!(
                "{MARKER} in a file over the size limit\n{}\n",
                "x".repeat(4000)
            ),
        )
        .unwrap();
        std::os::unix::fs::symlink("../../outside/secret.txt", repo.join("src/link.py")).unwrap();
        std::os::unix::fs::symlink("../../outside", repo.join("src/dirlink")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", repo.join("src/zero.py")).unwrap();
        std::os::unix::fs::symlink("app.py", repo.join("src/inner-link.py")).unwrap();
        let fifo = std::ffi::CString::new(repo.join("src/fifo.py").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo has no other preconditions.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0, "mkfifo");
        // Only gate.toml sets the size limit, so `gate merge` uses it too.
        std::fs::write(repo.join("gate.toml"), "[scan]\nmax_file_size = 1000\n").unwrap();
        Attack {
            _dir: dir,
            base,
            repo,
        }
    }

    fn outside_file(&self) -> String {
        self.base.join("outside/secret.txt").display().to_string()
    }
}

/// One result per URI (rule `R<i>`), each at line 1 or 2, with a base id when given.
fn evil_log(uris: &[(String, Option<&str>)], bases: Value) -> Value {
    let results: Vec<Value> = uris
        .iter()
        .enumerate()
        .map(|(i, (uri, base))| {
            let mut art = json!({ "uri": uri });
            if let Some(b) = base {
                art["uriBaseId"] = json!(b);
            }
            json!({
                "ruleId": format!("R{i}"),
                "level": "note",
                "message": {"text": format!("result {i}")},
                "locations": [{"physicalLocation": {
                    "artifactLocation": art,
                    "region": {"startLine": 1 + (i % 2)}
                }}]
            })
        })
        .collect();
    json!({
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "evil"}},
            "originalUriBaseIds": bases,
            "results": results
        }]
    })
}

/// Every way of naming a file outside the root.
fn attack_uris(a: &Attack) -> (Vec<(String, Option<&'static str>)>, Value) {
    let base = a.base.display().to_string();
    let outside = a.outside_file();
    let uris = vec![
        ("file:///proc/self/environ".to_string(), None),
        ("/proc/self/environ".to_string(), None),
        ("/etc/passwd".to_string(), None),
        (format!("file://{outside}"), None),
        (outside.clone(), None),
        (format!("file://somehost{outside}"), None),
        ("../outside/secret.txt".to_string(), None),
        ("src/../../outside/secret.txt".to_string(), None),
        ("%2e%2e/outside/secret.txt".to_string(), None),
        ("src/%2E%2E/%2e%2e/outside/secret.txt".to_string(), None),
        ("src%2F..%2F..%2Foutside%2Fsecret.txt".to_string(), None),
        ("..\\outside\\secret.txt".to_string(), None),
        (format!("file://{base}/repo/../outside/secret.txt"), None),
        (format!("file://{base}"), None),
        (format!("file://{base}/repo"), None),
        ("C:/Windows/win.ini".to_string(), None),
        ("file:///C:/Windows/win.ini".to_string(), None),
        ("secret.txt".to_string(), Some("OUT")),
        ("secret.txt".to_string(), Some("CHAIN")),
        ("outside/secret.txt".to_string(), Some("UP")),
        ("secret.txt".to_string(), Some("%SRCROOT%")),
        ("src/link.py".to_string(), None),
        ("src/dirlink/secret.txt".to_string(), None),
    ];
    let bases = json!({
        "OUT": {"uri": format!("file://{base}/outside/")},
        "PARENT": {"uri": format!("file://{base}/")},
        "CHAIN": {"uri": "outside/", "uriBaseId": "PARENT"},
        "UP": {"uri": "../"},
        "%SRCROOT%": {"uri": format!("file://{base}/outside/")}
    });
    (uris, bases)
}

fn assert_no_leak(what: &str, text: &str) {
    assert!(
        !text.contains(MARKER) && !text.contains(ENV_MARKER),
        "{what} holds text read from outside the root:\n{text}"
    );
}

fn rule_ids(doc: &Value) -> Vec<String> {
    let mut ids: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn issue11_p2_sarif_uris_never_make_gate_read_outside_the_root() {
    let a = Attack::new();
    let (uris, bases) = attack_uris(&a);
    let n = uris.len();
    std::fs::write(
        a.base.join("evil.sarif"),
        evil_log(&uris, bases).to_string(),
    )
    .unwrap();
    let run = gate_with_timeout(
        &a.repo,
        &[
            "scan",
            "--root",
            ".",
            "src/app.py",
            "--engines",
            "secrets",
            "--sarif",
            "../evil.sarif",
            "--format",
            "json",
            "--output",
            "sarif=../out.sarif",
            "--output",
            "text=../out.txt",
            "--output",
            "markdown=../out.md",
            "--output",
            "github=../out.github",
        ],
    );
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert_no_leak("stdout", &run.stdout);
    assert_no_leak("stderr", &run.stderr);
    for out in ["out.sarif", "out.txt", "out.md", "out.github"] {
        assert_no_leak(out, &std::fs::read_to_string(a.base.join(out)).unwrap());
    }
    // A finding is never lost: each result is there, just without text from disk.
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let mut expected: Vec<String> = (0..n).map(|i| format!("R{i}")).collect();
    expected.sort();
    assert_eq!(rule_ids(&doc), expected);
    for why in [
        "source not read: outside the repository root",
        "src/link.py: source not read: a symbolic link on its path leads outside the repository root",
        "src/dirlink/secret.txt: source not read: a symbolic link on its path leads outside the repository root",
    ] {
        assert!(run.stderr.contains(why), "no `{why}` in:\n{}", run.stderr);
    }
}

#[test]
fn issue11_p2_fifos_devices_directories_and_huge_files_are_never_opened() {
    let a = Attack::new();
    let uris: Vec<(String, Option<&str>)> = [
        "src/fifo.py",
        "src/zero.py",
        "file:///dev/zero",
        "/dev/zero",
        "src/dir",
        "src/big.txt",
    ]
    .iter()
    .map(|u| (u.to_string(), None))
    .collect();
    let n = uris.len();
    std::fs::write(
        a.base.join("devices.sarif"),
        evil_log(&uris, json!({})).to_string(),
    )
    .unwrap();
    for args in [
        &[
            "scan",
            "--root",
            ".",
            "src/app.py",
            "--engines",
            "secrets",
            "--sarif",
            "../devices.sarif",
            "--format",
            "json",
        ][..],
        &[
            "merge",
            "--root",
            ".",
            "../devices.sarif",
            "-o",
            "../merged.sarif",
        ][..],
    ] {
        let run = gate_with_timeout(&a.repo, args);
        assert_ne!(run.code, 2, "{}", run.stderr);
        // src/big.txt holds the marker too: the size limit kept it unread.
        assert_no_leak("stdout", &run.stdout);
        for why in [
            "src/fifo.py: source not read: not a regular file (a FIFO)",
            "src/zero.py: source not read: a symbolic link on its path leads outside the repository root",
            "/dev/zero: source not read: outside the repository root",
            "src/dir: source not read: not a regular file (a directory)",
            "src/big.txt: source not read: 4061 bytes is over the 1000-byte size limit",
        ] {
            assert!(run.stderr.contains(why), "no `{why}` in:\n{}", run.stderr);
        }
        if args[0] == "scan" {
            let doc: Value = serde_json::from_str(&run.stdout).unwrap();
            assert_eq!(rule_ids(&doc).len(), n, "every result is kept");
        }
    }
    let merged = std::fs::read_to_string(a.base.join("merged.sarif")).unwrap();
    assert_no_leak("merged.sarif", &merged);
    let doc: Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), n);
}

#[test]
fn issue11_p2_gate_merge_never_reads_outside_the_root_either() {
    let a = Attack::new();
    let (uris, bases) = attack_uris(&a);
    let n = uris.len();
    std::fs::write(
        a.base.join("evil.sarif"),
        evil_log(&uris, bases).to_string(),
    )
    .unwrap();
    let run = gate_with_timeout(
        &a.repo,
        &[
            "merge",
            "--root",
            ".",
            "../evil.sarif",
            "-o",
            "../merged.sarif",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_no_leak("stderr", &run.stderr);
    let merged = std::fs::read_to_string(a.base.join("merged.sarif")).unwrap();
    assert_no_leak("merged.sarif", &merged);
    let doc: Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(doc["runs"][0]["results"].as_array().unwrap().len(), n);
}

#[test]
fn issue11_p2_files_inside_the_root_are_still_read_through_links_and_a_linked_root() {
    let a = Attack::new();
    let uris = vec![
        ("src/app.py".to_string(), None),
        ("src/inner-link.py".to_string(), None),
        (format!("file://{}/src/app.py", a.repo.display()), None),
    ];
    std::fs::write(
        a.base.join("ok.sarif"),
        evil_log(&uris, json!({})).to_string(),
    )
    .unwrap();
    // The root named through a link: both sides are resolved before comparing.
    std::os::unix::fs::symlink(&a.repo, a.base.join("linked-root")).unwrap();
    let run = gate_with_timeout(
        &a.base,
        &[
            "scan",
            "--root",
            "linked-root",
            "linked-root/src/app.py",
            "--engines",
            "secrets",
            "--sarif",
            "ok.sarif",
            "--format",
            "json",
        ],
    );
    assert_ne!(run.code, 2, "{}", run.stderr);
    let doc: Value = serde_json::from_str(&run.stdout).unwrap();
    let snippets: Vec<&str> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["snippet"].as_str().unwrap_or("<none>"))
        .collect();
    // R0 and R2 at line 1, R1 (through the in-tree link) at line 2.
    assert_eq!(snippets.len(), 3, "{snippets:?}\n{}", run.stderr);
    for s in &snippets {
        assert!(
            *s == "import os" || *s == "os.system(cmd)",
            "{snippets:?}\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("not read"), "{}", run.stderr);
}

/// Names that used to lose bytes on the way through SARIF, or to reach the
/// terminal raw.
const ODD_NAMES: [&str; 6] = [
    "a:b.txt",
    "back\\slash.txt",
    "sp ace é.txt",
    "C:/drive.txt",
    "new\nline.txt",
    "esc\x1b[31mred.txt",
];

fn odd_tree() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ODD_NAMES {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, format!("token = \"{}\"\n", common::GITHUB_PAT)).unwrap();
    }
    dir
}

fn sarif_uris(doc: &Value) -> Vec<(String, String)> {
    let mut uris: Vec<(String, String)> = doc["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let art = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            (
                art["uri"].as_str().unwrap().to_string(),
                art["uriBaseId"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    uris.sort();
    uris.dedup();
    uris
}

fn json_paths(stdout: &str) -> Vec<String> {
    let doc: Value = serde_json::from_str(stdout).unwrap();
    let mut paths: Vec<String> = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths.dedup();
    paths
}

#[test]
fn issue11_p13_odd_file_names_are_relative_uris_that_round_trip_byte_exact() {
    let dir = odd_tree();
    let root = dir.path();
    let run = common::run_in(
        root,
        &[
            "scan",
            "--root",
            ".",
            "--engines",
            "secrets",
            "--format",
            "json",
            "--output",
            "sarif=first.sarif",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut names: Vec<String> = ODD_NAMES.iter().map(|s| s.to_string()).collect();
    names.sort();
    assert_eq!(json_paths(&run.stdout), names);
    let first: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("first.sarif")).unwrap()).unwrap();
    let mut expected: Vec<(String, String)> = [
        "C%3A/drive.txt",
        "a%3Ab.txt",
        "back%5Cslash.txt",
        "esc%1B%5B31mred.txt",
        "new%0Aline.txt",
        "sp%20ace%20%C3%A9.txt",
    ]
    .iter()
    .map(|u| (u.to_string(), "%SRCROOT%".to_string()))
    .collect();
    expected.sort();
    assert_eq!(sarif_uris(&first), expected);
    assert!(
        common::schema_errors(&first).is_empty(),
        "{:?}",
        common::schema_errors(&first)
    );

    // Read back: gate's own output names the same files, byte for byte.
    let merged = common::run_in(root, &["merge", "first.sarif", "-o", "second.sarif"]);
    assert_eq!(merged.code, 0, "{}", merged.stderr);
    let second: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("second.sarif")).unwrap()).unwrap();
    assert_eq!(sarif_uris(&second), expected);
    std::fs::create_dir_all(root.join("empty")).unwrap();
    let imported = common::run_in(
        root,
        &[
            "scan",
            "--root",
            ".",
            "--engines",
            "secrets",
            "empty",
            "--sarif",
            "second.sarif",
            "--format",
            "json",
        ],
    );
    assert!(
        !imported.stderr.contains("not found under"),
        "{}",
        imported.stderr
    );
    assert_eq!(json_paths(&imported.stdout), names, "{}", imported.stderr);
}

#[test]
fn issue11_p13_text_output_escapes_control_characters_in_paths() {
    let dir = odd_tree();
    let run = common::run_in(
        dir.path(),
        &[
            "scan",
            "--root",
            ".",
            "--engines",
            "secrets",
            "--format",
            "text",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        !run.stdout.contains('\x1b') && !run.stderr.contains('\x1b'),
        "a raw escape reached the terminal:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> new\\nline.txt:1:"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("--> esc\\x1b[31mred.txt:1:"),
        "{}",
        run.stdout
    );
    // No line of the report starts with what followed a newline in a name.
    assert!(
        !run.stdout.lines().any(|l| l.starts_with("line.txt")),
        "{}",
        run.stdout
    );
}

/// One bandit-like result on `a.py`, line `line`.
fn one_result(line: u32) -> Value {
    json!({
        "ruleId": "B602",
        "level": "error",
        "message": {"text": "subprocess call with shell=True"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": "a.py"},
            "region": {"startLine": line, "startColumn": 1}
        }}]
    })
}

fn log_of(results: Vec<Value>) -> String {
    json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": "bandit"}}, "results": results}]
    })
    .to_string()
}

fn merged_results(root: &Path, inputs: &[&str]) -> Vec<Value> {
    let mut args = vec!["merge"];
    args.extend_from_slice(inputs);
    args.extend_from_slice(&["-o", "out.sarif"]);
    let run = common::run_in(root, &args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("out.sarif")).unwrap()).unwrap();
    doc["runs"][0]["results"].as_array().unwrap().clone()
}

#[test]
fn issue11_p14_merging_the_same_file_twice_keeps_each_result_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("a.py"),
        "import subprocess\nsubprocess.call(a, shell=True)\nsubprocess.call(b, shell=True)\n",
    )
    .unwrap();
    std::fs::write(
        root.join("b.sarif"),
        log_of(vec![one_result(2), one_result(3)]),
    )
    .unwrap();
    std::fs::copy(root.join("b.sarif"), root.join("copy.sarif")).unwrap();
    let once = merged_results(root, &["b.sarif"]);
    assert_eq!(once.len(), 2);
    assert_eq!(merged_results(root, &["b.sarif", "b.sarif"]), once);
    assert_eq!(merged_results(root, &["b.sarif", "copy.sarif"]), once);
    // The same result twice in one file is one result; two lines stay two.
    std::fs::write(
        root.join("twice.sarif"),
        log_of(vec![one_result(2), one_result(2), one_result(3)]),
    )
    .unwrap();
    assert_eq!(merged_results(root, &["twice.sarif"]), once);
}

#[test]
fn issue11_p14_real_tool_sarif_merged_twice_is_the_same_as_once() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let samples = Path::new(common::SAMPLES);
    for f in ["bandit.sarif", "ruff.sarif"] {
        std::fs::copy(samples.join(f), root.join(f)).unwrap();
    }
    let once = merged_results(root, &["bandit.sarif", "ruff.sarif"]);
    let twice = merged_results(
        root,
        &["bandit.sarif", "ruff.sarif", "ruff.sarif", "bandit.sarif"],
    );
    assert!(!once.is_empty());
    assert_eq!(twice, once);
}

#[test]
fn issue11_p14_a_sarif_file_with_a_byte_order_mark_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("a.py"),
        "import subprocess\nsubprocess.call(a, shell=True)\n",
    )
    .unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(log_of(vec![one_result(2)]).as_bytes());
    std::fs::write(root.join("bom.sarif"), bytes).unwrap();
    assert_eq!(merged_results(root, &["bom.sarif"]).len(), 1);
    let run = common::run_in(
        root,
        &[
            "scan",
            "--root",
            ".",
            "--engines",
            "secrets",
            "--sarif",
            "bom.sarif",
            "--format",
            "json",
        ],
    );
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("imported 1 result from"),
        "{}",
        run.stderr
    );
}
