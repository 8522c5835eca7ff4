//! Git-aware scanning on real repositories: the staged index, history ranges,
//! and the pre-commit hook (issue #6).

mod common;

use std::path::Path;
use std::process::Command;

use common::{run_in, Tree, GITHUB_PAT, GITHUB_PAT_2};

fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
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
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn repo() -> Tree {
    let t = Tree::new();
    git(t.path(), &["init", "-q", "-b", "main"]);
    t
}

fn commit_all(t: &Tree, msg: &str) -> String {
    git(t.path(), &["add", "-A"]);
    git(t.path(), &["commit", "-q", "--no-verify", "-m", msg]);
    git(t.path(), &["rev-parse", "HEAD"])
}

fn secret(token: &str) -> String {
    format!("TOKEN = \"{token}\"\n")
}

#[test]
fn staged_secret_is_found_even_when_the_work_tree_no_longer_has_it() {
    let t = repo();
    t.file("README.md", "hi\n");
    commit_all(&t, "init");
    t.file("app.py", format!("import os\n\n{}", secret(GITHUB_PAT)));
    git(t.path(), &["add", "app.py"]);
    t.file("app.py", "import os\n"); // work tree cleaned, index still holds the secret
    let run = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.hits(), vec![("app.py".into(), 3, "github-pat".into())]);
}

#[test]
fn a_secret_only_in_the_work_tree_is_not_reported_by_staged() {
    let t = repo();
    t.file("app.py", "import os\n");
    commit_all(&t, "init");
    t.file("app.py", format!("import os\n{}", secret(GITHUB_PAT)));
    let run = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.hits().is_empty());
    // A plain scan of the same tree does see it.
    assert_eq!(
        t.gate(&["scan", "--engines", "secrets", "-f", "json"]).code,
        1
    );
}

#[test]
fn a_partially_staged_file_reports_the_staged_lines_only() {
    let t = repo();
    let base: String = (1..=20).map(|i| format!("line_{i} = {i}\n")).collect();
    t.file("conf.py", &base);
    commit_all(&t, "init");
    // Work tree: one secret near the top, one near the bottom.
    let mut lines: Vec<String> = base.lines().map(|l| format!("{l}\n")).collect();
    lines.insert(2, secret(GITHUB_PAT));
    lines.insert(18, secret(GITHUB_PAT_2));
    t.file("conf.py", lines.concat());
    // Stage only the bottom hunk, as `git add -p` would.
    let diff = git(t.path(), &["diff", "-U0", "conf.py"]);
    let header: String = diff.lines().take(4).map(|l| format!("{l}\n")).collect();
    let bottom_hunk: String = diff
        .lines()
        .skip_while(|l| !(l.starts_with("@@") && l.contains("+19")))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(!bottom_hunk.is_empty(), "{diff}");
    t.file("bottom.patch", format!("{header}{bottom_hunk}"));
    git(
        t.path(),
        &["apply", "--cached", "--unidiff-zero", "bottom.patch"],
    );
    std::fs::remove_file(t.path().join("bottom.patch")).unwrap();

    let staged = git(t.path(), &["show", ":conf.py"]);
    assert!(!staged.contains(GITHUB_PAT), "the top hunk stays unstaged");
    let staged_line = staged
        .lines()
        .position(|l| l.contains(GITHUB_PAT_2))
        .unwrap() as u64
        + 1;

    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "--staged",
        "-f",
        "json",
        "--no-redact",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.hits(),
        vec![("conf.py".into(), staged_line, "github-pat".into())]
    );
    assert!(!run.stdout.contains(GITHUB_PAT));
}

#[test]
fn staged_renames_copies_deletions_binaries_and_big_blobs() {
    let t = repo();
    t.file("old.py", secret(GITHUB_PAT));
    t.file("gone.py", secret(GITHUB_PAT));
    commit_all(&t, "init");
    git(t.path(), &["mv", "old.py", "renamed.py"]);
    git(t.path(), &["rm", "-q", "gone.py"]);
    let mut bin = b"\0\x01\x02".to_vec();
    bin.extend_from_slice(secret(GITHUB_PAT_2).as_bytes());
    t.file("blob.bin", bin);
    t.file(
        "big.txt",
        format!("{}{}", "# pad\n".repeat(400), secret(GITHUB_PAT_2)),
    );
    git(t.path(), &["add", "-A"]);
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "--staged",
        "-f",
        "json",
        "--max-file-size",
        "1KiB",
    ]);
    assert_eq!(run.paths(), vec!["renamed.py"], "{}", run.stderr);
    let kinds: Vec<String> = run.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                d["path"].as_str().unwrap(),
                d["kind"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(kinds, vec!["big.txt too-large", "blob.bin binary"]);
}

#[test]
fn staged_honours_inline_allow_gateignore_and_config() {
    let t = repo();
    t.file(".gateignore", "fixtures/\n");
    t.file("gate.toml", "[scan]\nexclude = [\"docs/**\"]\n");
    t.file("fixtures/a.py", secret(GITHUB_PAT));
    t.file("docs/b.md", secret(GITHUB_PAT));
    t.file("c.py", format!("X = \"{GITHUB_PAT}\"  # gate:allow\n"));
    git(t.path(), &["add", "-A"]);
    let run = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_eq!(run.json()["summary"]["suppressed"], 1);
}

#[test]
fn staged_works_in_an_empty_repository_and_from_a_subdirectory() {
    let t = repo();
    let run = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    t.file("sub/dir/app.py", secret(GITHUB_PAT));
    git(t.path(), &["add", "-A"]);
    let run = run_in(
        &t.path().join("sub"),
        &["scan", "--engines", "secrets", "--staged", "-f", "json"],
    );
    assert_eq!(
        run.hits(),
        vec![("sub/dir/app.py".into(), 1, "github-pat".into())]
    );
}

#[test]
fn staged_outside_a_repository_is_an_error() {
    let t = Tree::new();
    let run = t.gate(&["scan", "--engines", "secrets", "--staged"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("git repository"), "{}", run.stderr);
}

#[test]
fn history_reports_the_commit_that_added_a_secret_even_after_removal() {
    let t = repo();
    t.file("README.md", "hi\n");
    commit_all(&t, "init");
    t.file("settings.py", format!("A = 1\n{}", secret(GITHUB_PAT)));
    let leak = commit_all(&t, "add settings");
    t.file("settings.py", "A = 1\n");
    commit_all(&t, "remove token");

    assert_eq!(
        t.gate(&["scan", "--engines", "secrets", "-f", "json"]).code,
        0
    );
    let run = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.hits(),
        vec![("settings.py".into(), 2, "github-pat".into())]
    );
    let f = &run.json()["findings"][0];
    assert_eq!(f["commit"]["sha"], leak.as_str());
    assert_eq!(f["commit"]["author"], "Ada Lovelace");
    assert_eq!(f["commit"]["message"], "add settings");
    assert!(f["gitleaks_fingerprint"]
        .as_str()
        .unwrap()
        .starts_with(&leak));
}

#[test]
fn history_ranges_select_commits() {
    let t = repo();
    t.file("a.py", "x = 1\n");
    let base = commit_all(&t, "init");
    t.file("a.py", format!("x = 1\n{}", secret(GITHUB_PAT)));
    let first = commit_all(&t, "first");
    t.file("b.py", secret(GITHUB_PAT_2));
    commit_all(&t, "second");

    let all = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(all.hits().len(), 2);
    let since = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "--since",
        &first,
        "-f",
        "json",
    ]);
    assert_eq!(since.paths(), vec!["b.py"]);
    let range = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "--range",
        &format!("{base}..{first}"),
        "-f",
        "json",
    ]);
    assert_eq!(range.paths(), vec!["a.py"]);
    let bad = t.gate(&["scan", "--engines", "secrets", "--range", "nope..HEAD"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("nope"), "{}", bad.stderr);
}

#[test]
fn history_sees_branches_merges_and_detached_heads() {
    let t = repo();
    t.file("a.py", "x = 1\n");
    commit_all(&t, "init");
    git(t.path(), &["checkout", "-q", "-b", "feature"]);
    t.file("f.py", secret(GITHUB_PAT));
    commit_all(&t, "feature work");
    git(t.path(), &["checkout", "-q", "main"]);
    t.file("m.py", "y = 2\n");
    commit_all(&t, "main work");
    git(t.path(), &["merge", "-q", "--no-edit", "feature"]);
    let run = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(
        run.hits(),
        vec![("f.py".into(), 1, "github-pat".into())],
        "found once, not per merge"
    );

    git(t.path(), &["checkout", "-q", "--detach", "HEAD~1"]);
    let detached = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(
        detached.code, 0,
        "HEAD~1 is main's side: {}",
        detached.stderr
    );
    assert!(detached.hits().is_empty());
    assert_eq!(
        t.gate(&[
            "scan",
            "--engines",
            "secrets",
            "--git",
            "--all",
            "-f",
            "json"
        ])
        .hits()
        .len(),
        1
    );
}

#[test]
fn history_of_a_shallow_clone_and_a_repo_with_a_submodule() {
    let origin = repo();
    origin.file("a.py", secret(GITHUB_PAT));
    commit_all(&origin, "one");
    origin.file("b.py", secret(GITHUB_PAT_2));
    commit_all(&origin, "two");

    let dest = Tree::new();
    let url = format!("file://{}", origin.path().display());
    git(
        dest.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let run = run_in(
        &dest.path().join("shallow"),
        &["scan", "--git", "-f", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The shallow boundary commit shows as adding every file it has.
    assert_eq!(run.paths(), vec!["a.py", "b.py"]);

    let sup = repo();
    sup.file("main.py", "print(1)\n");
    commit_all(&sup, "init");
    git(
        sup.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            &url,
            "vendor/lib",
        ],
    );
    commit_all(&sup, "add submodule");
    let run = sup.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(
        run.code, 0,
        "the submodule's history is not ours: {}",
        run.stdout
    );
    let run = sup.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn history_runs_the_secrets_engine_and_refuses_whole_file_engines() {
    let t = repo();
    t.file("a.py", "import pickle\nTOKEN_PASSWORD = 'hunter2hunter2'\n");
    commit_all(&t, "init");
    // By default only the engines that can read fragments run.
    let run = t.gate(&["scan", "--git"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = t.gate(&["scan", "--git", "--engines", "secrets,python"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("python engine needs whole files"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn install_hook_blocks_a_commit_with_a_secret() {
    let t = repo();
    t.file("a.py", "x = 1\n");
    commit_all(&t, "init");
    let run = t.gate(&["install-hook"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let hook = std::fs::read_to_string(t.path().join(".git/hooks/pre-commit")).unwrap();
    assert!(hook.contains("scan --staged"));

    t.file("leak.py", secret(GITHUB_PAT));
    git(t.path(), &["add", "leak.py"]);
    let status = Command::new("git")
        .args(["commit", "-q", "-m", "leak"])
        .current_dir(t.path())
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@b")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@b")
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap();
    assert!(!status.status.success(), "the hook must block the commit");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&status.stdout),
        String::from_utf8_lossy(&status.stderr)
    );
    assert!(said.contains("github-pat"), "{said}");

    // A hook gate did not write is not replaced without --force.
    std::fs::write(
        t.path().join(".git/hooks/pre-commit"),
        "#!/bin/sh\nexit 0\n",
    )
    .unwrap();
    assert_eq!(t.gate(&["install-hook"]).code, 2);
    assert_eq!(t.gate(&["install-hook", "--force"]).code, 0);
}
