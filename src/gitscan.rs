//! Scanning what git holds: the staged index (pre-commit) and the lines each
//! commit added (history). Content comes from [`crate::git`]; the engines are
//! the same as for a work-tree scan.

use std::path::Path;
use std::sync::mpsc::sync_channel;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use rayon::prelude::*;

use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engines::{Engine, SourceFile};
use crate::git::{self, AddedLines, CommitRange, GitError};
use crate::scan::{scan_file_source, scan_source, skipped, ScanResult};
use crate::walk::GATE_IGNORE_FILE;

/// How many commits' fragments may wait for a worker.
const FRAGMENT_QUEUE: usize = 1024;

/// Which repository paths a git scan looks at: `[scan] exclude`, `--exclude`,
/// the root `.gateignore` / `.ignore` path patterns, and PATH arguments.
pub struct PathFilter {
    ignore: Gitignore,
    /// Repository-relative prefixes (empty = everything).
    prefixes: Vec<String>,
}

impl PathFilter {
    /// Build the filter for a repository root.
    pub fn new(
        root: &Path,
        excludes: &[String],
        ignore_files: bool,
        prefixes: Vec<String>,
    ) -> Result<Self, String> {
        let mut b = GitignoreBuilder::new(root);
        if ignore_files {
            for name in [GATE_IGNORE_FILE, ".ignore"] {
                let p = root.join(name);
                if p.is_file() {
                    if let Some(e) = b.add(&p) {
                        return Err(format!("{}: {e}", p.display()));
                    }
                }
            }
        }
        for g in excludes {
            b.add_line(None, g)
                .map_err(|e| format!("invalid exclude pattern `{g}`: {e}"))?;
        }
        let ignore = b.build().map_err(|e| e.to_string())?;
        Ok(PathFilter { ignore, prefixes })
    }

    /// Whether a repository-relative path is scanned.
    pub fn allows(&self, path: &str) -> bool {
        let under = self.prefixes.is_empty()
            || self
                .prefixes
                .iter()
                .any(|p| path == p || path.starts_with(&format!("{}/", p.trim_end_matches('/'))));
        under
            && !self
                .ignore
                .matched_path_or_any_parents(path, false)
                .is_ignore()
    }
}

/// Scan exactly what is staged: the index blobs of added, copied, modified,
/// renamed and type-changed files (see [`git::staged_files`]). Never walks
/// the work tree. A path with conflict stages is an error naming it: the
/// index holds no single version to scan, and reading "ours" or "theirs"
/// would report lines that are in neither the work tree nor the commit.
pub fn scan_staged(
    root: &Path,
    filter: &PathFilter,
    engines: &[Box<dyn Engine>],
    max_size: u64,
) -> Result<ScanResult, GitError> {
    let index = git::staged_files(root)?;
    let unmerged: Vec<Diagnostic> = index
        .unmerged
        .iter()
        .filter(|p| filter.allows(p))
        .map(|p| {
            Diagnostic::file(
                Level::Error,
                Kind::Unreadable,
                p.as_str(),
                "not scanned: unmerged (a merge is in progress); resolve the conflict and `git add` the file, then scan again",
            )
        })
        .collect();
    let files: Vec<_> = index
        .files
        .into_iter()
        .filter(|f| filter.allows(&f.path))
        .collect();
    let ids: Vec<&str> = files.iter().map(|f| f.blob.as_str()).collect();
    let blobs = git::read_blobs(root, &ids, max_size)?;
    Ok(files
        .par_iter()
        .zip(blobs.par_iter())
        .map(|(f, blob)| match blob {
            Ok(bytes) => scan_source(&f.path, bytes, engines),
            Err(size) => skipped(Diagnostic::file(
                Level::Note,
                Kind::TooLarge,
                &f.path,
                format!("skipped: staged blob of {size} bytes is over --max-file-size ({max_size} bytes)"),
            )),
        })
        .reduce(ScanResult::default, ScanResult::merge)
        .merge(ScanResult {
            diagnostics: unmerged,
            ..ScanResult::default()
        }))
}

/// Scan the lines each commit in `range` added, with the commit on every finding.
pub fn scan_history(
    root: &Path,
    range: &CommitRange,
    filter: &PathFilter,
    engines: &[Box<dyn Engine>],
    max_size: u64,
) -> Result<ScanResult, GitError> {
    let (tx, rx) = sync_channel::<AddedLines>(FRAGMENT_QUEUE);
    let (dtx, drx) = std::sync::mpsc::channel::<Diagnostic>();
    let root_owned = root.to_path_buf();
    let range = range.clone();
    let producer = std::thread::spawn(move || {
        git::added_lines(
            &root_owned,
            &range,
            max_size,
            |a| {
                let _ = tx.send(a);
            },
            |c, path, size| {
                let _ = dtx.send(Diagnostic::file(
                    Level::Note,
                    Kind::TooLarge,
                    path,
                    format!(
                        "skipped part of commit {}: {size} bytes added is over --max-file-size ({max_size} bytes)",
                        short(&c.sha)
                    ),
                ));
            },
        )
    });
    let mut result = rx
        .into_iter()
        .par_bridge()
        .filter(|a| filter.allows(&a.path))
        .map(|a| scan_fragment(&a, engines))
        .reduce(ScanResult::default, ScanResult::merge);
    producer.join().expect("git log reader thread")?;
    result.diagnostics.extend(drx.try_iter());
    Ok(result)
}

fn short(sha: &str) -> &str {
    &sha[..sha.len().min(12)]
}

/// Scan one commit's added lines and map positions back to the new file.
fn scan_fragment(a: &AddedLines, engines: &[Box<dyn Engine>]) -> ScanResult {
    let file = SourceFile {
        path: &a.path,
        bytes: a.text.as_bytes(),
        commit: Some(&a.commit.sha),
    };
    let mut r = scan_file_source(&file, engines);
    let map = |line: u32| -> u32 {
        a.lines
            .get(line.saturating_sub(1) as usize)
            .copied()
            .unwrap_or(line)
    };
    for f in &mut r.findings {
        f.region.start_line = map(f.region.start_line);
        f.region.end_line = map(f.region.end_line);
        f.commit = Some(a.commit.clone());
    }
    for d in &mut r.diagnostics {
        d.message = format!("commit {}: {}", short(&a.commit.sha), d.message);
    }
    r
}
