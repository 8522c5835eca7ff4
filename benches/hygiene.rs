//! What the hygiene engine costs per file kind, one thread.
//!
//! The files: `$GATE_BENCH_HYGIENE_CORPUS` (a directory), else `corpora/hygiene/`
//! (benches/hygiene/collect.py: real workflows, Dockerfiles and compose files),
//! else the engine's own fixtures (testdata/hygiene), so that
//! `cargo bench --bench hygiene` always runs. Each file is scanned by the
//! engine as the walker would hand it over (its path decides its kind), with
//! every check on. Side by side with zizmor and hadolint:
//! benches/hygiene/speed.sh.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use gate::engines::{Engine, FileOutput, SourceFile};
use gate::hygiene::kind::{by_path, FileKind, PathKind};
use gate::hygiene::HygieneEngine;

fn main() {
    let (files, origin) = load();
    let engine = HygieneEngine::all();
    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let mut group = c.benchmark_group("hygiene");
    for (label, kinds) in [
        ("workflows", &[FileKind::Workflow][..]),
        ("dockerfiles", &[FileKind::Dockerfile][..]),
        ("all", &[][..]),
    ] {
        let chosen: Vec<&(String, Vec<u8>)> = files
            .iter()
            .filter(|(p, _)| kinds.is_empty() || kinds.iter().any(|k| kind(p) == Some(*k)))
            .collect();
        if chosen.is_empty() {
            continue;
        }
        let bytes: usize = chosen.iter().map(|(_, b)| b.len()).sum();
        eprintln!(
            "hygiene bench {label}: {} files, {:.2} MB, from {origin}",
            chosen.len(),
            bytes as f64 / 1e6
        );
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(label, |b| {
            b.iter(|| {
                let mut findings = 0;
                for (path, src) in &chosen {
                    let mut out = FileOutput::default();
                    engine.scan(&SourceFile::new(path, src), &mut out);
                    findings += out.findings.len();
                }
                black_box(findings)
            })
        });
    }
    group.finish();
    c.final_summary();
}

fn kind(path: &str) -> Option<FileKind> {
    match by_path(path)? {
        PathKind::Known(k) => Some(k),
        PathKind::Json => None,
    }
}

/// Every file under the corpus the engine reads, with its report path.
fn load() -> (Vec<(String, Vec<u8>)>, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = std::env::var_os("GATE_BENCH_HYGIENE_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain([
            root.join("corpora/hygiene"),
            root.join("testdata/hygiene/trees"),
        ])
        .collect();
    for dir in candidates {
        let mut files = Vec::new();
        walk(&dir, &dir, &mut files);
        if !files.is_empty() {
            files.sort();
            return (files, dir.display().to_string());
        }
    }
    (Vec::new(), "nowhere".to_string())
}

fn walk(dir: &Path, base: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            walk(&p, base, out);
            continue;
        }
        let rel = p
            .strip_prefix(base)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        if by_path(&rel).is_some() {
            if let Ok(bytes) = std::fs::read(&p) {
                out.push((rel, bytes));
            }
        }
    }
}
