//! What gate's Python engine costs on top of parsing.
//!
//! Three measurements over the same files, one thread:
//! - `parse`: tree-sitter-python parsing alone (the floor, ~0.2 CPU-s per MB),
//! - `parse_walk`: parsing plus one cursor walk over every node,
//! - `engine`: gate's whole Python engine (`scan_source` with `--engines python`):
//!   parse, walk, every check, nosec.
//!
//! The target: all checks together add at most 30 % to `parse`. After
//! the criterion runs, a summary prints thread CPU time per MB for each and the
//! overhead of `engine` over `parse`.
//!
//! The files: `$GATE_BENCH_PYTHON_CORPUS` (a directory), else a sample of
//! `corpora/parity/` (benches/parity/fetch.sh), else generated Python, so that
//! `cargo bench --bench python` always runs. `$GATE_BENCH_PYTHON_BYTES` caps the
//! sample [default: 4 MB].

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser as _;
use criterion::{Criterion, Throughput};
use gate::cli::{build_engines, Cli, ScanSettings};
use gate::engines::Engine;
use gate::scan::scan_source;

const DEFAULT_SAMPLE_BYTES: usize = 4 << 20;
const GENERATED_FILES: usize = 400;
/// The budget for all checks together, relative to parsing alone.
const CHECK_OVERHEAD_TARGET: f64 = 0.30;
/// Interleaved rounds of the summary's CPU measurements.
const ROUNDS: usize = 5;

struct Corpus {
    files: Vec<(String, Vec<u8>)>,
    bytes: usize,
    origin: String,
}

fn main() {
    let corpus = load_corpus();
    let engines = python_engines();
    eprintln!(
        "python bench: {} files, {:.2} MB, from {}",
        corpus.files.len(),
        corpus.bytes as f64 / 1e6,
        corpus.origin
    );

    let mut c = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8));
    let mut group = c.benchmark_group("python");
    group.throughput(Throughput::Bytes(corpus.bytes as u64));
    group.bench_function("parse", |b| b.iter(|| black_box(parse_all(&corpus))));
    group.bench_function("parse_walk", |b| {
        b.iter(|| black_box(parse_and_walk_all(&corpus)))
    });
    if let Some(engines) = &engines {
        group.bench_function("engine", |b| {
            b.iter(|| black_box(engine_all(&corpus, engines)))
        });
    }
    group.finish();
    c.final_summary();

    summary(&corpus, engines.as_deref());
}

/// Thread CPU time of each measurement (best of interleaved rounds, so that a
/// change in the machine's load hits all of them alike), and the check overhead.
fn summary(corpus: &Corpus, engines: Option<&[Box<dyn Engine>]>) {
    let mb = corpus.bytes as f64 / 1e6;
    let (mut parse, mut walk, mut engine) = (Duration::MAX, Duration::MAX, Duration::MAX);
    let mut findings = 0;
    for _ in 0..ROUNDS {
        parse = parse.min(cpu(|| {
            black_box(parse_all(corpus));
        }));
        walk = walk.min(cpu(|| {
            black_box(parse_and_walk_all(corpus));
        }));
        if let Some(engines) = engines {
            engine = engine.min(cpu(|| findings = engine_all(corpus, engines)));
        }
    }
    println!("\npython engine cost over {mb:.2} MB ({}):", corpus.origin);
    println!(
        "  parse only        {:>8.3} CPU-s  {:.3} CPU-s/MB",
        parse.as_secs_f64(),
        parse.as_secs_f64() / mb
    );
    println!(
        "  parse + walk      {:>8.3} CPU-s  {:.3} CPU-s/MB  (+{:.1}% over parse)",
        walk.as_secs_f64(),
        walk.as_secs_f64() / mb,
        overhead(walk, parse) * 100.0
    );
    if engines.is_none() {
        println!("  engine            (no python engine in this build)");
        return;
    }
    let extra = overhead(engine, parse);
    println!(
        "  parse + checks    {:>8.3} CPU-s  {:.3} CPU-s/MB  (+{:.1}% over parse; target <= {:.0}%: {})  {findings} findings",
        engine.as_secs_f64(),
        engine.as_secs_f64() / mb,
        extra * 100.0,
        CHECK_OVERHEAD_TARGET * 100.0,
        if extra <= CHECK_OVERHEAD_TARGET { "met" } else { "NOT met" }
    );
}

fn overhead(x: Duration, base: Duration) -> f64 {
    x.as_secs_f64() / base.as_secs_f64() - 1.0
}

/// The CPU time this thread spent on `f` (wall time where the kernel does not say).
fn cpu(f: impl FnOnce()) -> Duration {
    let (c0, w0) = (thread_cpu(), Instant::now());
    f();
    match (c0, thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => w0.elapsed(),
    }
}

/// CPU time of the calling thread, from /proc (Linux).
fn thread_cpu() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn new_parser() -> tree_sitter::Parser {
    let mut p = tree_sitter::Parser::new();
    p.set_language(&tree_sitter_python::LANGUAGE.into())
        .expect("tree-sitter-python loads");
    p
}

fn parse_all(corpus: &Corpus) -> usize {
    let mut parser = new_parser();
    corpus
        .files
        .iter()
        .filter_map(|(_, bytes)| parser.parse(bytes, None))
        .map(|t| t.root_node().child_count() as usize)
        .sum()
}

fn parse_and_walk_all(corpus: &Corpus) -> usize {
    let mut parser = new_parser();
    let mut nodes = 0;
    for (_, bytes) in &corpus.files {
        let Some(tree) = parser.parse(bytes, None) else {
            continue;
        };
        let mut cursor = tree.walk();
        'walk: loop {
            nodes += 1;
            if cursor.goto_first_child() || cursor.goto_next_sibling() {
                continue;
            }
            loop {
                if !cursor.goto_parent() {
                    break 'walk;
                }
                if cursor.goto_next_sibling() {
                    break;
                }
            }
        }
    }
    nodes
}

fn engine_all(corpus: &Corpus, engines: &[Box<dyn Engine>]) -> usize {
    corpus
        .files
        .iter()
        .map(|(path, bytes)| scan_source(path, bytes, engines).findings.len())
        .sum()
}

/// The python engine exactly as `gate scan --engines python` builds it, or
/// None (with a note) when this build has none yet.
fn python_engines() -> Option<Vec<Box<dyn Engine>>> {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let dir = tmp.path();
    let cli = Cli::try_parse_from([
        "gate",
        "scan",
        "--engines",
        "python",
        "--root",
        &dir.to_string_lossy(),
        &dir.to_string_lossy(),
    ])
    .expect("bench's own arguments parse");
    let gate::cli::args::Command::Scan(args) = cli.command else {
        unreachable!("parsed a scan command")
    };
    let built = ScanSettings::resolve(&args).and_then(|s| build_engines(&s));
    match built {
        Ok(engines) => Some(engines),
        Err(e) => {
            eprintln!("python bench: no python engine ({e:#}); measuring parsing only");
            None
        }
    }
}

fn load_corpus() -> Corpus {
    let budget = std::env::var("GATE_BENCH_PYTHON_BYTES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_SAMPLE_BYTES);
    let dir = std::env::var_os("GATE_BENCH_PYTHON_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora/parity"));
    let mut paths = Vec::new();
    collect_python(&dir, &mut paths);
    if paths.is_empty() {
        return generated();
    }
    paths.sort();
    // Every k-th file, so a sample smaller than the corpus still spans all of
    // its projects.
    let total: u64 = paths
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let step = ((total as f64 / budget as f64).ceil() as usize).max(1);
    let mut files = Vec::new();
    let mut bytes = 0;
    for p in paths.iter().step_by(step) {
        if bytes >= budget {
            break;
        }
        if let Ok(b) = std::fs::read(p) {
            bytes += b.len();
            let name = p
                .strip_prefix(&dir)
                .unwrap_or(p)
                .to_string_lossy()
                .into_owned();
            files.push((name, b));
        }
    }
    Corpus {
        files,
        bytes,
        origin: format!("every {step}th file of {}", dir.display()),
    }
}

fn collect_python(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        let Ok(t) = e.file_type() else { continue };
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if t.is_dir() && !hidden {
            collect_python(&p, out);
        } else if t.is_file() && p.extension().is_some_and(|x| x == "py" || x == "pyw") {
            out.push(p);
        }
    }
}

fn generated() -> Corpus {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let files: Vec<(String, Vec<u8>)> = (0..GENERATED_FILES)
        .map(|i| {
            (
                format!("pkg{}/mod_{i}.py", i % 20),
                module(&mut rng, i).into_bytes(),
            )
        })
        .collect();
    let bytes = files.iter().map(|(_, b)| b.len()).sum();
    Corpus {
        files,
        bytes,
        origin: "generated Python (no corpora/parity; run benches/parity/fetch.sh for real code)"
            .to_string(),
    }
}

/// xorshift64: deterministic, good enough to vary generated code.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const IMPORTS: &[&str] = &[
    "import os",
    "import sys",
    "import json",
    "import logging",
    "import re",
    "import subprocess",
    "import subprocess as sp",
    "import hashlib",
    "import pickle",
    "import yaml",
    "import requests",
    "import tempfile",
    "from os import path",
    "from collections import defaultdict, OrderedDict",
    "from typing import Any, Dict, List, Optional",
    "from . import utils",
    "from .models import Record, Session",
    "from ..core import exceptions as exc",
    "from django.db import connection",
    "import xml.etree.ElementTree as ET",
];

const NAMES: &[&str] = &[
    "value", "item", "record", "path", "name", "data", "result", "config", "user", "request",
    "response", "key", "node", "payload", "count", "offset", "options", "session",
];

const STATEMENTS: &[&str] = &[
    "{a} = {b}.get(\"{a}\", None)",
    "if {a} is None:\n{i}    return {b}",
    "for {a} in {b}:\n{i}    self.{a}s.append({a})",
    "{a} = [x.strip() for x in {b}.split(\",\") if x]",
    "{a} = {k: v for k, v in {b}.items() if v is not None}",
    "logger.debug(\"processing %s (%d)\", {a}, len({b}))",
    "{a} = f\"{{b}}/{self.name}-{len({a})}\"",
    "with open({a}, \"rb\") as fh:\n{i}    {b} = fh.read()",
    "try:\n{i}    {a} = int({b})\n{i}except (TypeError, ValueError):\n{i}    {a} = 0",
    "{a} = os.path.join(self.base, {b})",
    "return {\"{a}\": {a}, \"{b}\": {b}, \"ok\": True}",
    "self.{a} = {b} or {}",
    "{a} = sorted({b}, key=lambda x: (x.priority, x.name))",
    "while {a} and not {b}:\n{i}    {a} = {a}.parent",
    "raise ValueError(\"invalid {a}: %r\" % ({b},))",
    "{a} = json.loads({b}) if isinstance({b}, str) else {b}",
    "{a}: Optional[int] = None",
    "yield from ({a} for {a} in {b} if {a})",
];

const RISKY: &[&str] = &[
    "assert {a} is not None, \"{a} required\"",
    "subprocess.call(\"ls -l \" + {a}, shell=True)",
    "sp.Popen([\"git\", \"status\"], cwd={a})",
    "os.system(\"rm -rf %s\" % {a})",
    "{a} = hashlib.md5({b}.encode()).hexdigest()",
    "{a} = pickle.loads({b})",
    "{a} = yaml.load({b})",
    "cursor.execute(\"SELECT * FROM users WHERE name = '%s'\" % {a})",
    "{a} = requests.get({b}, verify=False)",
    "password = \"hunter2\"",
    "{a} = tempfile.mktemp()",
    "try:\n{i}    {a}.close()\n{i}except Exception:\n{i}    pass",
    "{a} = eval({b})",
    "{a} = open(\"/tmp/{a}.log\", \"w\")",
];

fn module(rng: &mut Rng, n: usize) -> String {
    let mut s = format!(
        "\"\"\"Module {n}: helpers for the {} pipeline.\"\"\"\n\n",
        rng.pick(NAMES)
    );
    for _ in 0..6 + rng.below(6) {
        s.push_str(rng.pick(IMPORTS));
        s.push('\n');
    }
    s.push_str("\nlogger = logging.getLogger(__name__)\n");
    s.push_str(&format!("DEFAULT_TIMEOUT = {}\n\n", 5 + rng.below(60)));
    for c in 0..2 + rng.below(3) {
        s.push_str(&format!(
            "\nclass {}Handler{c}(object):\n    \"\"\"Handles {} objects.\"\"\"\n\n    def __init__(self, base, **options):\n        self.base = base\n        self.options = options\n",
            capitalise(rng.pick(NAMES)),
            rng.pick(NAMES)
        ));
        for m in 0..3 + rng.below(5) {
            if rng.below(6) == 0 {
                s.push_str("\n    @property");
            }
            s.push_str(&format!(
                "\n    def {}_{m}(self, {}, {}=None):\n",
                rng.pick(NAMES),
                rng.pick(NAMES),
                rng.pick(NAMES)
            ));
            for _ in 0..4 + rng.below(10) {
                // About one risky statement in thirty.
                let template = if rng.below(30) == 0 {
                    rng.pick(RISKY)
                } else {
                    rng.pick(STATEMENTS)
                };
                let stmt = template
                    .replace("{a}", rng.pick(NAMES))
                    .replace("{b}", rng.pick(NAMES))
                    .replace("{i}", "        ");
                s.push_str("        ");
                s.push_str(&stmt);
                s.push('\n');
            }
            s.push_str("        return None\n");
        }
    }
    s
}

fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
