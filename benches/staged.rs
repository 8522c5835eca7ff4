//! Pre-commit latency: `gate scan --staged` on a commit touching 10 files in
//! a repository of 50,000 files (issue #6: under 100 ms, no walk of the tree).
//!
//! The repository is built once under target/bench-repos/ and reused.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion};

const FILES: usize = 50_000;
const TOUCHED: usize = 10;

fn git(dir: &Path, args: &[&str]) {
    let ok = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "bench")
        .env("GIT_AUTHOR_EMAIL", "bench@localhost")
        .env("GIT_COMMITTER_NAME", "bench")
        .env("GIT_COMMITTER_EMAIL", "bench@localhost")
        .status()
        .expect("git")
        .success();
    assert!(ok, "git {args:?}");
}

fn repo() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-repos/staged-50k");
    if dir.join(".git/gate-bench-ready").exists() {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    git(&dir, &["init", "-q", "-b", "main"]);
    for i in 0..FILES {
        let sub = dir.join(format!("pkg{:03}/mod{:02}", i % 500, (i / 500) % 100));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(
            sub.join(format!("f{i}.py")),
            format!("def handler_{i}(request):\n    return {{'id': {i}, 'ok': True}}\n"),
        )
        .unwrap();
    }
    git(&dir, &["add", "-A"]);
    git(&dir, &["commit", "-q", "-m", "base"]);
    std::fs::write(dir.join(".git/gate-bench-ready"), "").unwrap();
    dir
}

fn bench(c: &mut Criterion) {
    let dir = repo();
    // Stage changes to 10 files (one of them with a token) on top of HEAD.
    for i in 0..TOUCHED {
        let p = dir.join(format!("pkg{:03}/mod00/f{i}.py", i % 500));
        let extra = if i == 0 {
            "TOKEN = 'ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d'\n".to_string()
        } else {
            format!("X_{i} = {i}\n")
        };
        std::fs::write(&p, format!("def changed():\n    pass\n{extra}")).unwrap();
    }
    git(&dir, &["add", "-A"]);
    let gate = env!("CARGO_BIN_EXE_gate");
    let mut g = c.benchmark_group("pre-commit");
    g.sample_size(20);
    g.bench_function("scan --staged, 10 of 50k files", |b| {
        b.iter(|| {
            let out = Command::new(gate)
                .args(["scan", "--staged", "-q"])
                .current_dir(&dir)
                .output()
                .expect("gate runs");
            assert_eq!(out.status.code(), Some(1), "the staged token is found");
        })
    });
    g.finish();
    git(&dir, &["reset", "-q", "--hard"]);
}

criterion_group!(benches, bench);
criterion_main!(benches);
