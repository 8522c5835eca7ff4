//! Files → engines → findings, on rayon workers fed by the walker.

use std::fs::File;
use std::io::{IsTerminal, Read as _};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::buffer::with_thread_buffer;
use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engines::{Engine, FileOutput, SourceFile};
use crate::finding::Finding;
use crate::walk::{walk, WalkError, WalkOptions, Walked, WalkedFile};

/// How many leading bytes are checked for a NUL to call a file binary (as git does).
const BINARY_SNIFF_LEN: usize = 8000;
/// Files queued for the scan workers before the walker scans some itself.
const MAX_QUEUED: usize = 4096;
/// Scans shorter than this never show a progress bar.
const PROGRESS_DELAY: Duration = Duration::from_millis(800);

/// Everything a scan found, and what it could not look at.
#[derive(Debug, Default)]
pub struct ScanResult {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: ScanStats,
}

/// Counters for the summary line and the benchmarks.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ScanStats {
    /// Files an enabled engine read (files no enabled engine wants are not counted).
    pub files_scanned: u64,
    pub bytes_scanned: u64,
    pub files_skipped: u64,
}

impl ScanResult {
    /// Both results together.
    pub fn merge(mut self, other: ScanResult) -> ScanResult {
        self.absorb(other);
        self
    }

    /// Add another result to this one.
    pub fn absorb(&mut self, other: ScanResult) {
        self.findings.extend(other.findings);
        self.diagnostics.extend(other.diagnostics);
        self.stats.files_scanned += other.stats.files_scanned;
        self.stats.bytes_scanned += other.stats.bytes_scanned;
        self.stats.files_skipped += other.stats.files_skipped;
    }
}

/// Whether to draw a progress bar: only for a person at a terminal.
pub fn progress_wanted() -> bool {
    progress_wanted_in(std::io::stderr().is_terminal(), |name| {
        std::env::var_os(name)
    })
}

/// [`progress_wanted`] with the terminal test and the environment passed in.
/// CI logs (`CI`, or GitHub Actions' own `GITHUB_ACTIONS`) never get a bar,
/// even where a runner hands gate a pseudo-terminal or colour is forced:
/// `FORCE_COLOR` is about the report's colours, not about redrawn lines.
pub fn progress_wanted_in(
    stderr_is_terminal: bool,
    var: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    stderr_is_terminal
        && var("CI").is_none()
        && var("GITHUB_ACTIONS").is_none()
        && var("TERM").is_none_or(|t| t != "dumb")
}

/// Walk `opts.paths` and run every engine on every file, `opts.threads` wide.
pub fn scan_paths(
    opts: &WalkOptions,
    engines: &[Box<dyn Engine>],
    progress: bool,
) -> Result<ScanResult, WalkError> {
    let bar = progress.then(|| {
        let bar = ProgressBar::hidden();
        bar.set_style(
            ProgressStyle::with_template("{spinner} scanned {pos} files, {msg} [{elapsed}]")
                .expect("valid template"),
        );
        bar
    });
    let started = Instant::now();
    let bytes_done = AtomicU64::new(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .expect("thread pool");
    // One result per worker (and one for the walker's threads), so workers
    // never wait on each other to record what they found.
    let shards: Vec<Mutex<ScanResult>> = (0..=opts.threads).map(|_| Mutex::default()).collect();
    let queued = AtomicUsize::new(0);
    let handle = |w: Walked| {
        let r = match w {
            Walked::File(f) => scan_file(&f, opts.max_file_size, engines),
            Walked::Diagnostic(d) => skipped(d),
        };
        if let Some(bar) = &bar {
            let bytes = bytes_done.fetch_add(r.stats.bytes_scanned, Ordering::Relaxed);
            tick(
                bar,
                started,
                r.stats.files_scanned,
                bytes + r.stats.bytes_scanned,
            );
        }
        let shard = rayon::current_thread_index().map_or(opts.threads, |i| i.min(opts.threads));
        shards[shard]
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .absorb(r);
    };
    // Each walked file becomes a rayon job. When the workers fall behind,
    // the walker's thread scans the file itself instead of queueing more.
    pool.in_place_scope(|s| {
        walk(opts, &|w| {
            if queued.load(Ordering::Relaxed) >= MAX_QUEUED {
                handle(w);
                return;
            }
            queued.fetch_add(1, Ordering::Relaxed);
            s.spawn(|_| {
                handle(w);
                queued.fetch_sub(1, Ordering::Relaxed);
            });
        })
    })?;
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    Ok(shards
        .into_iter()
        .map(|m| m.into_inner().unwrap_or_else(PoisonError::into_inner))
        .fold(ScanResult::default(), ScanResult::merge))
}

fn tick(bar: &ProgressBar, started: Instant, files: u64, bytes_total: u64) {
    if bar.is_hidden() && started.elapsed() > PROGRESS_DELAY {
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
    }
    bar.inc(files);
    bar.set_message(format!("{:.1} MiB", bytes_total as f64 / (1024.0 * 1024.0)));
}

/// A result that only says a file was skipped.
pub fn skipped(d: Diagnostic) -> ScanResult {
    ScanResult {
        stats: ScanStats {
            files_skipped: 1,
            ..ScanStats::default()
        },
        diagnostics: vec![d],
        ..ScanResult::default()
    }
}

/// Largest read buffer a worker keeps between files; a bigger one (a file
/// allowed by a raised `--max-file-size`) is given back after its scan.
const KEPT_BUFFER: usize = 16 << 20;

fn scan_file(f: &WalkedFile, max_size: u64, engines: &[Box<dyn Engine>]) -> ScanResult {
    // A file no enabled engine looks at (a README when only the Python engine
    // runs) is neither read nor counted, and nothing is said about it.
    if !engines.iter().any(|e| e.wants(&f.report_path)) {
        return ScanResult::default();
    }
    with_thread_buffer(KEPT_BUFFER, |buf| match read_text(&f.path, max_size, buf) {
        Ok(Read::Whole | Read::BinaryPrefix) => scan_source(&f.report_path, buf, engines),
        Ok(Read::TooLarge(size)) => skipped(Diagnostic::file(
            Level::Note,
            Kind::TooLarge,
            &f.report_path,
            format!("skipped: {size} bytes is over --max-file-size ({max_size} bytes)"),
        )),
        Err(e) => skipped(Diagnostic::file(
            Level::Error,
            Kind::Unreadable,
            &f.report_path,
            format!("cannot read file: {e}"),
        )),
    })
}

/// What [`read_text`] put in the buffer.
enum Read {
    /// The whole file.
    Whole,
    /// Only the first bytes, which show the file is binary: enough to skip
    /// it, and its path is all engines judge a binary file by.
    BinaryPrefix,
    /// Nothing: the file is over the size limit (its size).
    TooLarge(u64),
}

/// Read a file into `buf`, unless it is too large; stop after the sniffed
/// prefix when that shows the file is binary.
///
/// The file is read up to the size it had when opened (a file that grows
/// meanwhile is scanned as it was): a file shorter than the sniffed prefix,
/// most files, then costs one `read` call, with no second call to see the
/// end. A file whose size says nothing (0, as in `/proc`) is read to its end.
fn read_text(path: &Path, max_size: u64, buf: &mut Vec<u8>) -> std::io::Result<Read> {
    let mut file = File::open(path)?;
    let size = file.metadata()?.len();
    if size > max_size {
        return Ok(Read::TooLarge(size));
    }
    if size == 0 {
        file.read_to_end(buf)?;
        return Ok(Read::Whole);
    }
    let sniff = size.min(BINARY_SNIFF_LEN as u64);
    buf.reserve(sniff as usize);
    (&mut file).take(sniff).read_to_end(buf)?;
    if buf.len() < BINARY_SNIFF_LEN {
        return Ok(Read::Whole);
    }
    if is_binary(buf) {
        return Ok(Read::BinaryPrefix);
    }
    // Room for the rest only now: a large binary file costs no allocation.
    buf.reserve(usize::try_from(size - sniff).unwrap_or(usize::MAX));
    file.take(size - sniff).read_to_end(buf)?;
    Ok(Read::Whole)
}

/// Whether bytes look binary: a NUL in the first few kilobytes.
pub fn is_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF_LEN)]).is_some()
}

/// Run the engines that want it on one file's contents (from disk or a git blob).
pub fn scan_source(path: &str, bytes: &[u8], engines: &[Box<dyn Engine>]) -> ScanResult {
    scan_file_source(&SourceFile::new(path, bytes), engines)
}

/// Run the engines that want it on one file (or fragment) with its commit.
pub fn scan_file_source(file: &SourceFile<'_>, engines: &[Box<dyn Engine>]) -> ScanResult {
    let (path, bytes) = (file.path, file.bytes);
    if !engines.iter().any(|e| e.wants(path)) {
        return ScanResult::default();
    }
    if is_binary(bytes) {
        // Engines may still judge a binary file by its path (a `.p12` key
        // store) or say it should not be binary (a `.py` file).
        let mut out = FileOutput::default();
        for engine in engines.iter().filter(|e| e.wants(path)) {
            engine.scan_binary(file, &mut out);
        }
        if out.diagnostics.is_empty() {
            out.diagnostics.push(Diagnostic::file(
                Level::Note,
                Kind::Binary,
                path,
                "skipped: binary file",
            ));
        }
        return ScanResult {
            findings: out.findings,
            diagnostics: out.diagnostics,
            stats: ScanStats {
                files_skipped: 1,
                ..ScanStats::default()
            },
        };
    }
    let mut out = FileOutput::default();
    for engine in engines.iter().filter(|e| e.wants(path)) {
        let mut engine_out = FileOutput::default();
        let run = catch_unwind(AssertUnwindSafe(|| engine.scan(file, &mut engine_out)));
        if run.is_err() {
            engine_out.diagnostics.push(Diagnostic::file(
                Level::Error,
                Kind::Unparsable,
                path,
                format!("internal error in the {} engine; this file was not fully scanned (please report it)", engine.name()),
            ));
        }
        out.findings.append(&mut engine_out.findings);
        out.diagnostics.append(&mut engine_out.diagnostics);
    }
    ScanResult {
        findings: out.findings,
        diagnostics: out.diagnostics,
        stats: ScanStats {
            files_scanned: 1,
            bytes_scanned: bytes.len() as u64,
            files_skipped: 0,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Short, long, binary and empty files come back whole (or as their
    /// binary prefix) through the reused buffer.
    #[test]
    fn read_text_reads_whole_files_and_stops_at_a_binary_prefix() {
        let dir = tempfile::tempdir().unwrap();
        let text = |n: usize| -> Vec<u8> { b"abc\n".iter().copied().cycle().take(n).collect() };
        let mut buf = Vec::new();
        for n in [
            0,
            1,
            BINARY_SNIFF_LEN - 1,
            BINARY_SNIFF_LEN,
            BINARY_SNIFF_LEN + 1,
            300_000,
        ] {
            let path = dir.path().join(format!("t{n}"));
            std::fs::write(&path, text(n)).unwrap();
            buf.clear();
            assert!(matches!(
                read_text(&path, u64::MAX, &mut buf),
                Ok(Read::Whole)
            ));
            assert_eq!(buf, text(n), "{n} bytes");
        }
        let mut binary = text(3 * BINARY_SNIFF_LEN);
        binary[10] = 0;
        let path = dir.path().join("bin");
        std::fs::write(&path, &binary).unwrap();
        buf.clear();
        assert!(matches!(
            read_text(&path, u64::MAX, &mut buf),
            Ok(Read::BinaryPrefix)
        ));
        assert_eq!(buf, binary[..BINARY_SNIFF_LEN]);
        buf.clear();
        assert!(matches!(
            read_text(&path, 100, &mut buf),
            Ok(Read::TooLarge(n)) if n == binary.len() as u64
        ));
        assert!(buf.is_empty());
    }
}
