//! Python engine cost against its floor: tree-sitter parsing alone, then the
//! whole engine (parse + one walk + every check), on the same files.
//!
//! `cargo bench --bench python [DIR...]` (default: corpora/parity, fetched by
//! benches/parity/fetch.sh). Prints CPU seconds per MB for both and the
//! overhead of the checks over parsing.

use std::path::{Path, PathBuf};
use std::time::Instant;

use gate::engine::{Engine, FileOutput, SourceFile};
use gate::python::PythonEngine;

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            python_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "py") {
            out.push(p);
        }
    }
}

/// CPU seconds this thread has used (user + system), from /proc: the machine
/// is shared, so wall time alone would measure the neighbours too.
fn thread_cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // Fields 14 and 15 of stat (utime, stime), counted after the `)`, in clock ticks.
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(PathBuf::from)
        .collect();
    let dirs = if dirs.is_empty() {
        vec![PathBuf::from("corpora/parity")]
    } else {
        dirs
    };
    let mut files = Vec::new();
    for d in &dirs {
        python_files(d, &mut files);
    }
    let sources: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    let bytes: usize = sources.iter().map(|(_, b)| b.len()).sum();
    if sources.is_empty() {
        eprintln!("no Python files under {dirs:?}; run benches/parity/fetch.sh first");
        return;
    }
    let mb = bytes as f64 / 1e6;
    let (lang, _) = gate::python::tree::language();
    let mut parser = tree_sitter::Parser::new();
    parser.set_language(lang).unwrap();
    let engine = PythonEngine::default();
    let rounds = 3;
    let mut best_parse = f64::MAX;
    let mut best_full = f64::MAX;
    let mut cpu_parse = f64::MAX;
    let mut cpu_full = f64::MAX;
    let mut findings = 0;
    for _ in 0..rounds {
        let c = thread_cpu();
        let t = Instant::now();
        let mut nodes = 0usize;
        for (_, b) in &sources {
            if let Some(tree) = parser.parse(b, None) {
                nodes += tree.root_node().child_count() as usize;
            }
        }
        std::hint::black_box(nodes);
        best_parse = best_parse.min(t.elapsed().as_secs_f64());
        cpu_parse = cpu_parse.min(thread_cpu() - c);
        let c = thread_cpu();
        let t = Instant::now();
        findings = 0;
        for (path, b) in &sources {
            let mut out = FileOutput::default();
            engine.scan(&SourceFile { path, bytes: b }, &mut out);
            findings += out.findings.len();
        }
        best_full = best_full.min(t.elapsed().as_secs_f64());
        cpu_full = cpu_full.min(thread_cpu() - c);
    }
    println!(
        "{} files, {:.1} MB, {findings} findings (best of {rounds}, one thread)",
        sources.len(),
        mb
    );
    println!(
        "parse only:   {best_parse:.2} s wall, {cpu_parse:.2} CPU-s  ({:.3} CPU-s/MB)",
        cpu_parse / mb
    );
    println!(
        "whole engine: {best_full:.2} s wall, {cpu_full:.2} CPU-s  ({:.3} CPU-s/MB)",
        cpu_full / mb
    );
    println!(
        "checks add {:.0}% CPU over parsing ({:.0}% wall)",
        (cpu_full / cpu_parse - 1.0) * 100.0,
        (best_full / best_parse - 1.0) * 100.0
    );
}
