//! Merging 200,000 results from 10 SARIF files (must take under a second).
//!
//! The corpus is generated: 200 Python files of 500 lines under a temp root,
//! and 10 SARIF files (bandit-, ruff- and generic-shaped) of 20,000 results
//! each that point into them, many reporting the same problems so that the
//! de-duplication has real work to do. Timed: reading and validating every
//! file (in parallel), normalising, statement lookup with tree-sitter,
//! de-duplication, in-source suppressions, line hashes and fingerprints.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use rayon::prelude::*;
use serde_json::json;

const FILES: usize = 10;
const RESULTS_PER_FILE: usize = 20_000;
const SOURCES: usize = 200;
const LINES: usize = 500;

fn source(i: usize) -> String {
    let mut s = String::from("import subprocess\nimport os\n\n");
    let mut line = 3;
    while line < LINES {
        s.push_str(&format!(
            "def f{line}(cmd):\n    subprocess.call(\n        cmd, shell=True)  # {i}\n    return os.system(cmd)\n\n"
        ));
        line += 5;
    }
    s
}

fn sarif(tool: usize, root: &Path) -> serde_json::Value {
    let (name, rule_prefix, absolute) = match tool % 3 {
        0 => ("bandit", "B", false),
        1 => ("ruff", "S", true),
        _ => ("othertool", "B", false),
    };
    let results: Vec<serde_json::Value> = (0..RESULTS_PER_FILE)
        .map(|k| {
            let file = (k * 7 + tool) % SOURCES;
            let line = 4 + 5 * ((k / SOURCES) % (LINES / 5 - 1)) + (tool % 2);
            let rule = if k % 2 == 0 { "602" } else { "605" };
            let uri = if absolute {
                format!("file://{}/src/m{file}.py", root.display())
            } else {
                format!("src/m{file}.py")
            };
            json!({
                "ruleId": format!("{rule_prefix}{rule}"),
                "level": "error",
                "message": {"text": format!("problem {rule} reported by {name}")},
                "properties": {"issue_severity": "HIGH", "issue_confidence": "HIGH"},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": line, "startColumn": 5, "endLine": line, "endColumn": 20}
                }}]
            })
        })
        .collect();
    json!({
        "version": "2.1.0",
        "runs": [{"tool": {"driver": {"name": name, "rules": []}}, "results": results}]
    })
}

struct Corpus {
    _dir: tempfile::TempDir,
    root: PathBuf,
    inputs: Vec<PathBuf>,
}

fn corpus() -> Corpus {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    std::fs::create_dir_all(root.join("src")).unwrap();
    for i in 0..SOURCES {
        std::fs::write(root.join(format!("src/m{i}.py")), source(i)).unwrap();
    }
    let inputs = (0..FILES)
        .map(|t| {
            let p = root.join(format!("tool{t}.sarif"));
            std::fs::write(&p, serde_json::to_vec(&sarif(t, &root)).unwrap()).unwrap();
            p
        })
        .collect();
    Corpus {
        _dir: dir,
        root,
        inputs,
    }
}

/// CPU seconds this process has used (user + system), from /proc on Linux:
/// on a shared machine the wall clock says more about the neighbours.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the name).
    (ticks(11) + ticks(12)) / 100.0
}

fn merge_all(c: &Corpus) -> usize {
    let t = Instant::now();
    let cpu0 = cpu_seconds();
    let inputs: Vec<_> = c
        .inputs
        .par_iter()
        .map(|p| gate::sarif::read_file(p, &c.root).unwrap())
        .collect();
    assert_eq!(
        inputs.iter().map(|i| i.results.len()).sum::<usize>(),
        FILES * RESULTS_PER_FILE
    );
    let read = t.elapsed();
    let cpu_read = cpu_seconds() - cpu0;
    let mut merged = gate::sarif::merge(Vec::new(), inputs, &BTreeMap::new(), &c.root);
    let merge = t.elapsed() - read;
    let cpu_merge = cpu_seconds() - cpu0 - cpu_read;
    gate::finding::assign_fingerprints(&mut merged.findings);
    if std::env::var_os("GATE_BENCH_PHASES").is_some() {
        eprintln!(
            "wall: read {read:?} merge {merge:?} fingerprints {:?}; cpu: read {cpu_read:.2}s merge {cpu_merge:.2}s total {:.2}s",
            t.elapsed() - read - merge,
            cpu_seconds() - cpu0
        );
    }
    merged.findings.len()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let bytes: u64 = corpus
        .inputs
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    // One timed run first: the claim this bench exists to prove.
    let started = Instant::now();
    let n = merge_all(&corpus);
    let took = started.elapsed();
    eprintln!(
        "merged {} results ({:.1} MB of SARIF) from {FILES} files into {n} findings in {:.3} s",
        FILES * RESULTS_PER_FILE,
        bytes as f64 / 1e6,
        took.as_secs_f64()
    );
    assert!(
        took < Duration::from_secs(1),
        "merging 200,000 results must take under a second"
    );
    let mut g = c.benchmark_group("merge");
    g.sample_size(10);
    g.bench_function("200k results from 10 files", |b| {
        b.iter(|| merge_all(&corpus))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
