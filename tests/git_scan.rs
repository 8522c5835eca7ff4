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

/// `git diff --cached --raw` status letters, to prove a test sets up what it claims.
fn staged_letters(t: &Tree) -> Vec<String> {
    git(
        t.path(),
        &[
            "diff",
            "--cached",
            "--name-status",
            "-M",
            "-C",
            "--no-abbrev",
        ],
    )
    .lines()
    .map(|l| l.split('\t').next().unwrap().chars().take(1).collect())
    .collect()
}

/// Twenty lines of filler, so that rename and copy detection has content to match.
fn filler(tag: &str) -> String {
    (1..=20).map(|i| format!("{tag}_{i} = {i}\n")).collect()
}

#[cfg(unix)]
#[test]
fn issue11_p4_staged_scans_every_status_letter_that_holds_new_content() {
    let t = repo();
    t.file("modified.py", "x = 1\n");
    t.file("deleted.py", format!("DELETED = \"{GITHUB_PAT_2}\"\n"));
    t.file("old_name.py", filler("r"));
    t.file("source.py", filler("c"));
    t.file("target.txt", "hello\n");
    std::os::unix::fs::symlink("target.txt", t.path().join("was_link.py")).unwrap();
    t.file("now_link.py", "y = 2\n");
    commit_all(&t, "init");

    t.file("added.py", secret(GITHUB_PAT)); // A
    t.file("modified.py", format!("x = 1\n{}", secret(GITHUB_PAT))); // M
    git(t.path(), &["rm", "-q", "deleted.py"]); // D
    git(t.path(), &["mv", "old_name.py", "new_name.py"]); // R
    t.file(
        "new_name.py",
        format!("{}{}", filler("r"), secret(GITHUB_PAT)),
    );
    t.file("source.py", format!("{}z = 0\n", filler("c"))); // C (source modified)
    t.file("copy.py", format!("{}{}", filler("c"), secret(GITHUB_PAT)));
    std::fs::remove_file(t.path().join("was_link.py")).unwrap(); // T: link -> file
    t.file("was_link.py", secret(GITHUB_PAT));
    std::fs::remove_file(t.path().join("now_link.py")).unwrap(); // T: file -> link
    std::os::unix::fs::symlink("added.py", t.path().join("now_link.py")).unwrap();
    git(t.path(), &["add", "-A"]);
    let mut letters = staged_letters(&t);
    letters.sort();
    letters.dedup();
    assert_eq!(letters, ["A", "C", "D", "M", "R", "T"]);

    let run = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    // Deleted files and the link's target path are not content; everything else is.
    assert_eq!(
        run.paths(),
        [
            "added.py",
            "copy.py",
            "modified.py",
            "new_name.py",
            "was_link.py"
        ]
    );
}

#[test]
fn issue11_p4_staged_refuses_unmerged_paths_by_name_and_scans_the_rest() {
    let t = repo();
    t.file("conflict.py", "v = 0\n");
    commit_all(&t, "base");
    git(t.path(), &["checkout", "-q", "-b", "side"]);
    t.file("conflict.py", format!("v = 1\n{}", secret(GITHUB_PAT)));
    commit_all(&t, "side");
    git(t.path(), &["checkout", "-q", "main"]);
    t.file("conflict.py", "v = 2\n");
    commit_all(&t, "main");
    let merge = Command::new("git")
        .args(["merge", "-q", "side"])
        .current_dir(t.path())
        .env("GIT_AUTHOR_NAME", "A")
        .env("GIT_AUTHOR_EMAIL", "a@b")
        .env("GIT_COMMITTER_NAME", "A")
        .env("GIT_COMMITTER_EMAIL", "a@b")
        .output()
        .unwrap();
    assert!(!merge.status.success(), "the merge must conflict");
    t.file("other.py", secret(GITHUB_PAT_2));
    git(t.path(), &["add", "other.py"]);
    assert!(staged_letters(&t).contains(&"U".to_string()));

    let run = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(run.code, 2, "an unmerged path is not silently dropped");
    assert_eq!(run.paths(), ["other.py"]);
    let diags = run.json()["diagnostics"].clone();
    let unmerged: Vec<&serde_json::Value> = diags
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["level"] == "error")
        .collect();
    assert_eq!(unmerged.len(), 1, "{diags}");
    assert_eq!(unmerged[0]["path"], "conflict.py");
    assert!(unmerged[0]["message"]
        .as_str()
        .unwrap()
        .contains("unmerged"));
}

#[cfg(unix)]
#[test]
fn issue11_p4_history_scans_type_changes_renames_and_copies_not_deletions() {
    let t = repo();
    t.file("target.txt", "hello\n");
    std::os::unix::fs::symlink("target.txt", t.path().join("link.py")).unwrap();
    t.file("orig.py", filler("o"));
    t.file("doomed.py", "d = 1\n");
    commit_all(&t, "init");
    std::fs::remove_file(t.path().join("link.py")).unwrap();
    t.file("link.py", secret(GITHUB_PAT));
    git(t.path(), &["add", "-A"]);
    assert_eq!(staged_letters(&t), ["T"]);
    commit_all(&t, "symlink becomes a file");
    git(t.path(), &["mv", "orig.py", "moved.py"]);
    t.file(
        "moved.py",
        format!("{}{}", filler("o"), secret(GITHUB_PAT_2)),
    );
    t.file(
        "copied.py",
        format!("{}{}", filler("o"), secret(GITHUB_PAT_2)),
    );
    git(t.path(), &["rm", "-q", "doomed.py"]);
    commit_all(&t, "rename, copy, delete");

    let run = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(
        run.hits(),
        [
            ("copied.py".into(), 21, "github-pat".into()),
            ("link.py".into(), 1, "github-pat".into()),
            ("moved.py".into(), 21, "github-pat".into()),
        ]
    );
}

/// Names git quotes in patches (or marks with a TAB), each holding a secret.
const ODD_NAMES: &[&str] = &[
    "café.py",
    "my config.txt",
    "tab\there.py",
    "new\nline.py",
    "quo\"te.py",
    "back\\slash.py",
    " lead and trail .py ",
    "dir with space/ünï cödé.env",
];

#[cfg(unix)]
#[test]
fn issue11_p4_git_modes_keep_every_name_byte_exact() {
    let t = repo();
    t.file("README.md", "hi\n");
    let base = commit_all(&t, "init");
    for name in ODD_NAMES {
        t.file(name, secret(GITHUB_PAT));
    }
    git(t.path(), &["add", "-A"]);
    let mut want: Vec<String> = ODD_NAMES.iter().map(|n| n.to_string()).collect();
    want.sort();

    let staged = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(staged.paths(), want, "--staged: {}", staged.stderr);
    let head = commit_all(&t, "odd names");
    for args in [
        &["--git"][..],
        &["--range", &format!("{base}..{head}")],
        &["--since", &base],
        &["--git", "--all"],
    ] {
        let mut cmd = vec!["scan", "--engines", "secrets", "-f", "json"];
        cmd.extend_from_slice(args);
        let run = t.gate(&cmd);
        assert_eq!(run.paths(), want, "{args:?}: {}", run.stderr);
        assert!(
            !run.stderr.contains("source not found"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn issue11_p4_history_keeps_lines_after_an_added_line_that_looks_like_a_header() {
    let t = repo();
    t.file("notes.md", "# notes\n");
    commit_all(&t, "init");
    // `++ x` is printed `+++ x` in the patch: it is content, not a file name.
    t.file(
        "notes.md",
        format!("# notes\n++ b/elsewhere\n--- a/x\n{}", secret(GITHUB_PAT)),
    );
    commit_all(&t, "notes");
    let run = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(
        run.hits(),
        [("notes.md".into(), 4, "github-pat".into())],
        "{}",
        run.stderr
    );
}

#[test]
fn issue11_p4_gitattributes_cannot_hide_what_history_added() {
    let t = repo();
    t.file(".gitattributes", "*.py -diff\nsecret.cfg binary\n");
    t.file("app.py", secret(GITHUB_PAT));
    t.file("secret.cfg", secret(GITHUB_PAT_2));
    commit_all(&t, "hidden as binary");
    let run = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(run.paths(), ["app.py", "secret.cfg"], "{}", run.stderr);
}

#[test]
fn issue11_p5_revisions_that_look_like_options_never_reach_git() {
    let t = repo();
    t.file("a.py", secret(GITHUB_PAT));
    commit_all(&t, "init");
    let out = t.path().join("written-by-git");
    let out_arg = format!("--output={}", out.display());
    for (flag, value) in [
        ("--range", out_arg.as_str()),
        ("--range", "--max-count=0"),
        ("--range", &format!("HEAD..{out_arg}")),
        ("--range", &format!("{out_arg}...HEAD")),
        ("--since", "-x"),
        ("--since", &out_arg),
        ("--since", "--all"),
        ("--diff-base", &out_arg),
        ("--diff-base", "--max-count=0"),
    ] {
        let arg = format!("{flag}={value}");
        let run = t.gate(&["scan", "--engines", "secrets", &arg]);
        assert_eq!(run.code, 2, "{arg}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains(&format!("{flag} {value}")),
            "{arg}: the message names the flag and value: {}",
            run.stderr
        );
        assert!(!out.exists(), "{arg}: git wrote {}", out.display());
    }
}

#[test]
fn issue11_p5_bad_revisions_are_exit_2_naming_the_flag() {
    let t = repo();
    t.file("a.py", "x = 1\n");
    commit_all(&t, "init");
    let blob = git(t.path(), &["rev-parse", "HEAD:a.py"]);
    for (flag, value) in [
        ("--range", "nope..HEAD"),
        ("--range", "HEAD..nope"),
        ("--range", "HEAD..HEAD..HEAD"),
        ("--since", "nope"),
        ("--since", blob.as_str()),
        ("--range", ""),
        ("--diff-base", "nope"),
    ] {
        let arg = format!("{flag}={value}");
        let run = t.gate(&["scan", "--engines", "secrets", &arg]);
        assert_eq!(run.code, 2, "{arg}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("{flag} {value}")),
            "{arg}: {}",
            run.stderr
        );
    }
}

#[test]
fn issue11_p5_ranges_keep_their_git_meaning_after_verification() {
    let t = repo();
    t.file("a.py", "x = 1\n");
    let base = commit_all(&t, "init");
    git(t.path(), &["checkout", "-q", "-b", "feature"]);
    t.file("f.py", secret(GITHUB_PAT));
    commit_all(&t, "feature");
    git(t.path(), &["checkout", "-q", "main"]);
    t.file("m.py", secret(GITHUB_PAT_2));
    commit_all(&t, "main");
    let scan = |range: &str| {
        let run = t.gate(&[
            "scan",
            "--engines",
            "secrets",
            "--range",
            range,
            "-f",
            "json",
        ]);
        assert_ne!(run.code, 2, "{range}: {}", run.stderr);
        run.paths()
    };
    assert_eq!(scan("main..feature"), ["f.py"]);
    assert_eq!(scan("main...feature"), ["f.py", "m.py"]);
    assert_eq!(
        scan(&format!("{base}..")),
        ["m.py"],
        "an empty side is HEAD"
    );
    assert_eq!(scan("..feature"), ["f.py"]);
    assert_eq!(scan("feature"), ["f.py"]);
    assert_eq!(scan("HEAD~1"), Vec::<String>::new());
}
