//! The walker as a user meets it: what is scanned, what is skipped and said so,
//! and how bad inputs end (issue #2). Trees here put secrets in .py files, so
//! the Python engine (B105) is left out: these tests are about the walker and
//! the secrets engine.

mod common;

use common::{Tree, GITHUB_PAT, GITHUB_PAT_2};

fn secret_line(token: &str) -> String {
    format!("TOKEN = \"{token}\"\n")
}

#[test]
fn a_secret_fails_the_gate_and_a_clean_tree_passes() {
    let t = Tree::new();
    t.file("clean.py", "print('hello')\n");
    let run = t.gate(&["scan", "--engines", "secrets", ".", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.hits().is_empty());

    t.file(
        "app/settings.py",
        format!("DEBUG = True\n{}", secret_line(GITHUB_PAT)),
    );
    let run = t.gate(&["scan", "--engines", "secrets", ".", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.hits(),
        vec![("app/settings.py".into(), 2, "github-pat".into())]
    );
}

#[test]
fn gitignore_ignore_and_gateignore_path_patterns_are_honoured() {
    let t = Tree::new();
    t.file(".gitignore", "build/\n");
    t.file(".ignore", "*.log\n");
    t.file(".gateignore", "fixtures/\n");
    t.file("build/out.py", secret_line(GITHUB_PAT));
    t.file("debug.log", secret_line(GITHUB_PAT));
    t.file("fixtures/fake.env", secret_line(GITHUB_PAT));
    t.file("src/real.py", secret_line(GITHUB_PAT_2));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.paths(), vec!["src/real.py"]);

    let all = t.gate(&["scan", "--engines", "secrets", "-f", "json", "--no-ignore"]);
    assert_eq!(
        all.paths(),
        vec![
            "build/out.py",
            "debug.log",
            "fixtures/fake.env",
            "src/real.py"
        ]
    );
}

#[test]
fn exclude_globs_from_flags_and_config_leave_files_out() {
    let t = Tree::new();
    t.file("a/one.py", secret_line(GITHUB_PAT));
    t.file("b/two.py", secret_line(GITHUB_PAT));
    t.file("c/three.py", secret_line(GITHUB_PAT));
    t.file("gate.toml", "[scan]\nexclude = [\"c/**\"]\n");
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "-f",
        "json",
        "--exclude",
        "a/*.py",
    ]);
    assert_eq!(run.paths(), vec!["b/two.py"]);
}

#[test]
fn the_git_directory_is_never_scanned() {
    let t = Tree::new();
    t.file(".git/config", secret_line(GITHUB_PAT));
    t.file(".git/objects/ab/cdef", secret_line(GITHUB_PAT));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
}

#[test]
fn several_paths_and_a_single_file_work() {
    let t = Tree::new();
    t.file("a/x.py", secret_line(GITHUB_PAT));
    t.file("b/y.py", secret_line(GITHUB_PAT));
    t.file("c/z.py", secret_line(GITHUB_PAT));
    let run = t.gate(&["scan", "--engines", "secrets", "a", "c/z.py", "-f", "json"]);
    assert_eq!(run.paths(), vec!["a/x.py", "c/z.py"]);
}

#[test]
fn a_missing_path_is_an_error_not_a_pass() {
    let t = Tree::new();
    let run = t.gate(&["scan", "--engines", "secrets", "nope"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("nope"), "{}", run.stderr);
}

#[cfg(unix)]
#[test]
fn symlinks_are_not_followed_unless_asked_and_loops_do_not_hang() {
    let t = Tree::new();
    let outside = Tree::new();
    outside.file("secret.env", secret_line(GITHUB_PAT));
    std::os::unix::fs::symlink(outside.path(), t.path().join("linked")).unwrap();
    std::os::unix::fs::symlink(t.path(), t.path().join("loop")).unwrap();
    t.file("ok.py", "x = 1\n");

    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.hits().is_empty());

    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "-f",
        "json",
        "--follow-links",
    ]);
    assert_eq!(run.paths(), vec!["linked/secret.env"]);
    assert!(run.stderr.contains("loop"), "{}", run.stderr);
    assert_eq!(
        run.code, 1,
        "a loop is a warning, the secret decides: {}",
        run.stderr
    );
}

#[test]
fn binary_files_are_skipped_and_counted() {
    let t = Tree::new();
    let mut bin = b"\x7fELF\x02\x01\x01\0\0\0".to_vec();
    bin.extend_from_slice(secret_line(GITHUB_PAT).as_bytes());
    t.file("tool.bin", bin);
    t.file("ok.txt", "fine\n");
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 0);
    assert!(run.hits().is_empty());
    let json = run.json();
    assert_eq!(json["summary"]["files_skipped"], 1);
    assert_eq!(json["diagnostics"][0]["kind"], "binary");
    // Routine: the report counts it; stderr only with --verbose (issue 16).
    assert!(!run.stderr.contains("binary"), "{}", run.stderr);
}

#[test]
fn only_the_first_kilobytes_decide_binary_and_long_text_is_read_to_the_end() {
    let t = Tree::new();
    // A NUL past the sniffed prefix does not make a file binary.
    let mut text = "x = 1\n".repeat(3000).into_bytes();
    text.extend_from_slice(secret_line(GITHUB_PAT).as_bytes());
    text.push(0);
    t.file("long.txt", text);
    let mut bin = vec![0u8; 4];
    bin.extend_from_slice("y = 2\n".repeat(3000).as_bytes());
    bin.extend_from_slice(secret_line(GITHUB_PAT_2).as_bytes());
    t.file("big.bin", bin);
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.hits(),
        vec![("long.txt".to_string(), 3001, "github-pat".to_string())]
    );
    assert_eq!(run.json()["summary"]["files_skipped"], 1);
}

#[test]
fn a_huge_sparse_file_is_skipped_and_reported_without_being_read() {
    let t = Tree::new();
    let f = std::fs::File::create(t.path().join("huge.dat")).unwrap();
    f.set_len(2 << 30).unwrap();
    t.file("small.py", secret_line(GITHUB_PAT));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.paths(), vec!["small.py"]);
    assert!(run.stderr.contains("huge.dat"), "{}", run.stderr);
    assert!(run.stderr.contains("max-file-size"), "{}", run.stderr);
    let json = run.json();
    assert_eq!(json["diagnostics"][0]["kind"], "too-large");
}

#[test]
fn max_file_size_is_configurable() {
    let t = Tree::new();
    t.file(
        "big.py",
        format!("{}{}", "#\n".repeat(600), secret_line(GITHUB_PAT)),
    );
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "-f",
        "json",
        "--max-file-size",
        "1KiB",
    ]);
    assert_eq!(run.code, 0);
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "-f",
        "json",
        "--max-file-size",
        "1MiB",
    ]);
    assert_eq!(run.code, 1);
}

#[test]
fn invalid_utf8_is_scanned_not_skipped() {
    let t = Tree::new();
    let mut bytes = b"caf\xe9 = 1\n\xff\xfe junk\n".to_vec();
    bytes.extend_from_slice(secret_line(GITHUB_PAT).as_bytes());
    t.file("latin1.py", bytes);
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(
        run.hits(),
        vec![("latin1.py".into(), 3, "github-pat".into())]
    );
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_exits_2_and_keeps_what_was_found() {
    let t = Tree::new();
    t.file("found.py", secret_line(GITHUB_PAT));
    // Root reads files whatever their mode, so make one that fails to read
    // for everybody: a link to this process's own memory (EIO at offset 0).
    std::os::unix::fs::symlink("/proc/self/mem", t.path().join("broken.txt")).unwrap();
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "-f",
        "json",
        "--follow-links",
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.paths(), vec!["found.py"]);
    assert!(run.stderr.contains("broken.txt"), "{}", run.stderr);
    assert!(run.stderr.contains("fails closed"), "{}", run.stderr);
}

#[test]
fn threads_flag_gives_the_same_findings() {
    let t = Tree::new();
    for i in 0..40 {
        t.file(&format!("d{i}/f.py"), secret_line(GITHUB_PAT));
    }
    let one = t.gate(&["scan", "--engines", "secrets", "-f", "json", "-j", "1"]);
    let many = t.gate(&["scan", "--engines", "secrets", "-f", "json", "-j", "4"]);
    assert_eq!(one.hits().len(), 40);
    assert_eq!(one.hits(), many.hits());
}

#[test]
fn issue16_p3_only_files_an_enabled_engine_wants_are_read_counted_or_mentioned() {
    let t = Tree::new();
    t.file("app.py", "import pickle\n");
    t.file("README.md", "# hello\n");
    t.file("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice());
    t.file("huge.txt", "x".repeat(2048));
    let run = t.gate(&[
        "scan",
        ".",
        "--engines",
        "python",
        "-f",
        "json",
        "--max-file-size",
        "1024",
    ]);
    let doc = run.json();
    assert_eq!(doc["summary"]["files_scanned"], 1, "{doc}");
    assert_eq!(doc["summary"]["files_skipped"], 0, "{doc}");
    // Nothing is said about files the Python engine never looks at.
    assert_eq!(doc["diagnostics"], serde_json::json!([]), "{doc}");
    assert!(!run.stderr.contains("binary"), "{}", run.stderr);
    assert!(!run.stderr.contains("huge.txt"), "{}", run.stderr);
}

#[test]
fn issue16_p3_skipped_binaries_are_counted_on_stderr_only_with_verbose() {
    let t = Tree::new();
    t.file("logo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".as_slice());
    t.file("clean.txt", "nothing here\n");
    let run = t.gate(&["scan", ".", "--engines", "secrets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains("binary"), "{}", run.stderr);
    let run = t.gate(&["scan", ".", "--engines", "secrets", "--verbose"]);
    assert!(
        run.stderr.contains("skipped 1 binary file(s)"),
        "{}",
        run.stderr
    );
}
