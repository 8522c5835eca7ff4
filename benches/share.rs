//! What each engine costs on the same files, in memory, on one thread: the
//! secrets engine, the hygiene engine, and both, as a scan runs them
//! (`gate::scan::scan_source`: each engine's `wants`, then its scan). No
//! walk, no reads, no other process: the hygiene engine's share of
//! `benches/compare-secrets.sh`'s scan (issue 12: at most 5%) comes out as a
//! ratio that does not swing with the machine's load the way timings of
//! whole scans do.
//!
//! Files: `$GATE_BENCH_CORPUS` (a directory), else `corpora/speed/`
//! (benches/fetch-corpora.sh: django, ansible-core and typescript, the corpus
//! of compare-secrets.sh), else the fixtures under `testdata/`, so that the
//! bench always runs. Binary files are left out (a scan judges them by their
//! first bytes only). Regexes are compiled in a first, unmeasured pass: a
//! scan pays that once, whatever the hygiene engine does.
//!
//! After criterion's figures, `RUNS` (default 15) interleaved passes of each
//! configuration, timed in this thread's CPU time, print the min and median
//! of each and the ratios:
//!
//! ```text
//! cargo bench --bench share
//! RUNS=31 GATE_BENCH_CORPUS=/path/to/tree cargo bench --bench share -- --noplot
//! ```

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, Throughput};
use gate::cli::secrets_rule_set;
use gate::engines::Engine;
use gate::hygiene::HygieneEngine;
use gate::secrets::SecretsEngine;

/// The configurations compared, by name.
const CONFIGS: [&str; 3] = ["secrets", "hygiene", "secrets+hygiene"];

fn main() {
    let (files, origin) = load();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "share bench: {} files, {:.1} MB, from {origin}",
        files.len(),
        bytes as f64 / 1e6
    );
    let configs: Vec<Vec<Box<dyn Engine>>> = CONFIGS
        .iter()
        .map(|name| {
            name.split('+')
                .map(|e| match e {
                    "secrets" => Box::new(SecretsEngine::new(
                        secrets_rule_set(None, None, None, &[]).expect("catalogue compiles"),
                    )) as Box<dyn Engine>,
                    _ => Box::new(HygieneEngine::all()) as Box<dyn Engine>,
                })
                .collect()
        })
        .collect();
    // Compile every regex a keyword wakes on these files before timing.
    for engines in &configs {
        black_box(scan_all(&files, engines));
    }

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    let mut group = c.benchmark_group("share");
    group.throughput(Throughput::Bytes(bytes as u64));
    for (name, engines) in CONFIGS.iter().zip(&configs) {
        group.bench_function(*name, |b| b.iter(|| scan_all(&files, engines)));
    }
    group.finish();
    c.final_summary();

    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(15);
    let mut cpu: Vec<Vec<f64>> = vec![Vec::with_capacity(runs); CONFIGS.len()];
    for _ in 0..runs {
        for (i, engines) in configs.iter().enumerate() {
            let start = thread_cpu_seconds();
            black_box(scan_all(&files, engines));
            cpu[i].push(thread_cpu_seconds() - start);
        }
    }
    let stats: Vec<(f64, f64)> = cpu.iter_mut().map(|v| min_median(v)).collect();
    eprintln!("{runs} interleaved passes, CPU seconds of this thread:");
    for (name, (min, median)) in CONFIGS.iter().zip(&stats) {
        eprintln!("  {name:<16} min {min:.4}  median {median:.4}");
    }
    let (secrets, hygiene, both) = (stats[0], stats[1], stats[2]);
    eprintln!(
        "  hygiene / secrets: min {:.2}%  median {:.2}%",
        100.0 * hygiene.0 / secrets.0,
        100.0 * hygiene.1 / secrets.1
    );
    eprintln!(
        "  secrets+hygiene / secrets: min {:+.2}%  median {:+.2}%",
        100.0 * (both.0 / secrets.0 - 1.0),
        100.0 * (both.1 / secrets.1 - 1.0)
    );
}

/// Every file through the engines, as a scan hands it over; the number of findings.
fn scan_all(files: &[(String, Vec<u8>)], engines: &[Box<dyn Engine>]) -> usize {
    files
        .iter()
        .map(|(path, bytes)| gate::scan::scan_source(path, bytes, engines).findings.len())
        .sum()
}

fn min_median(v: &mut [f64]) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2])
}

/// CPU time this thread has used, in seconds (wall time where there is no
/// such clock).
fn thread_cpu_seconds() -> f64 {
    #[cfg(unix)]
    {
        let mut ts = libc::timespec {
            tv_sec: 0,
            tv_nsec: 0,
        };
        // SAFETY: `ts` is a valid, writable timespec.
        if unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) } == 0 {
            return ts.tv_sec as f64 + ts.tv_nsec as f64 * 1e-9;
        }
    }
    use std::sync::OnceLock;
    static START: OnceLock<std::time::Instant> = OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
}

/// The corpus's text files with their report paths, sorted.
fn load() -> (Vec<(String, Vec<u8>)>, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let candidates: Vec<PathBuf> = std::env::var_os("GATE_BENCH_CORPUS")
        .map(PathBuf::from)
        .into_iter()
        .chain([root.join("corpora/speed"), root.join("testdata")])
        .collect();
    for dir in candidates {
        let mut files = Vec::new();
        for entry in ignore::WalkBuilder::new(&dir)
            .standard_filters(false)
            .build()
            .flatten()
        {
            if !entry.file_type().is_some_and(|t| t.is_file()) {
                continue;
            }
            let Ok(bytes) = std::fs::read(entry.path()) else {
                continue;
            };
            if gate::scan::is_binary(&bytes) {
                continue;
            }
            let rel = gate::walk::report_path(entry.path(), &dir);
            files.push((rel, bytes));
        }
        if !files.is_empty() {
            files.sort();
            return (files, dir.display().to_string());
        }
    }
    (Vec::new(), "nowhere".to_string())
}
