//! The parallel walker: enumerates the files to scan, knows nothing about rules.

use std::path::{Path, PathBuf};

use ignore::overrides::OverrideBuilder;
use ignore::{WalkBuilder, WalkState};

use crate::diagnostic::{Diagnostic, Kind, Level};

/// Gate's own ignore file: gitignore-style path patterns (and finding fingerprints).
pub const GATE_IGNORE_FILE: &str = ".gateignore";

/// What to walk and how.
#[derive(Debug, Clone)]
pub struct WalkOptions {
    pub paths: Vec<PathBuf>,
    /// The directory report paths are relative to.
    pub root: PathBuf,
    /// gitignore-style globs to leave out (`--exclude`, `[scan] exclude`).
    pub excludes: Vec<String>,
    pub follow_links: bool,
    /// Honour `.gitignore`, `.ignore` and `.gateignore`.
    pub ignore_files: bool,
    /// Larger files are skipped and reported; the scan workers check it on
    /// the open file, so the walker does not stat every file.
    pub max_file_size: u64,
    pub threads: usize,
    /// Files gate itself reads or writes (SARIF inputs, the baseline,
    /// reports): never scanned as source, or a report would find the secrets
    /// its own excerpts (or another tool's) quote.
    pub own_files: Vec<PathBuf>,
}

/// One entry from the walker: a file to scan, or a problem met while walking.
#[derive(Debug)]
pub enum Walked {
    File(WalkedFile),
    Diagnostic(Diagnostic),
}

/// A regular file that passed the walker's filters.
#[derive(Debug, Clone)]
pub struct WalkedFile {
    pub path: PathBuf,
    /// Path relative to the root, POSIX separators.
    pub report_path: String,
}

/// The walker could not even start (bad glob).
#[derive(Debug, thiserror::Error)]
#[error("invalid exclude pattern `{pattern}`: {message}")]
pub struct WalkError {
    pub pattern: String,
    pub message: String,
}

/// Walk to the end, handing every file and every problem met on the way to
/// `each`, on the walker's own threads; it returns when the walk is done.
pub fn walk(opts: &WalkOptions, each: &(dyn Fn(Walked) + Sync)) -> Result<(), WalkError> {
    let (first, rest) = match opts.paths.split_first() {
        Some((f, r)) => (f.clone(), r.to_vec()),
        None => (PathBuf::from("."), Vec::new()),
    };
    let mut builder = WalkBuilder::new(&first);
    for p in &rest {
        builder.add(p);
    }
    builder
        .follow_links(opts.follow_links)
        .hidden(false)
        .parents(opts.ignore_files)
        .ignore(opts.ignore_files)
        .git_ignore(opts.ignore_files)
        .git_global(false)
        .git_exclude(opts.ignore_files)
        .require_git(false)
        .threads(opts.threads)
        .filter_entry(|e| e.file_name() != ".git");
    if opts.ignore_files {
        builder.add_custom_ignore_filename(GATE_IGNORE_FILE);
    }
    if !opts.excludes.is_empty() {
        let mut ob = OverrideBuilder::new(&opts.root);
        for g in &opts.excludes {
            let pattern = format!("!{g}");
            ob.add(&pattern).map_err(|e| WalkError {
                pattern: g.clone(),
                message: e.to_string(),
            })?;
        }
        let ov = ob.build().map_err(|e| WalkError {
            pattern: opts.excludes.join(", "),
            message: e.to_string(),
        })?;
        builder.overrides(ov);
    }
    let root = opts.root.as_path();
    // Compared as given and as resolved: an output named through a symbolic
    // link is still the same file.
    let mut own: Vec<PathBuf> = opts.own_files.clone();
    own.extend(opts.own_files.iter().filter_map(|p| p.canonicalize().ok()));
    let own = own.as_slice();
    builder.build_parallel().run(|| {
        Box::new(move |entry| {
            let item = match entry {
                Ok(e) if own.iter().any(|o| o == e.path()) => {
                    Some(Walked::Diagnostic(Diagnostic::file(
                        Level::Note,
                        Kind::Input,
                        report_path(e.path(), root),
                        "not scanned as source: gate reads or writes this file itself",
                    )))
                }
                Ok(e) => classify(e, root),
                Err(err) => Some(Walked::Diagnostic(walk_error(&err, root))),
            };
            if let Some(item) = item {
                each(item);
            }
            WalkState::Continue
        })
    });
    Ok(())
}

fn classify(e: ignore::DirEntry, root: &Path) -> Option<Walked> {
    let ft = e.file_type()?;
    if !ft.is_file() {
        // Directories, and symlinks we were told not to follow.
        return None;
    }
    let report_path = report_path(e.path(), root);
    Some(Walked::File(WalkedFile {
        path: e.into_path(),
        report_path,
    }))
}

fn walk_error(err: &ignore::Error, root: &Path) -> Diagnostic {
    let path = error_path(err).map(|p| report_path(p, root));
    let loop_like = err.is_io() && error_io_kind(err) == Some(std::io::ErrorKind::NotFound);
    let (level, message) = if is_loop(err) {
        (
            Level::Warning,
            "symbolic link loop: not followed".to_string(),
        )
    } else if loop_like {
        (
            Level::Warning,
            "broken symbolic link or vanished file: skipped".to_string(),
        )
    } else {
        (Level::Error, format!("cannot read: {}", innermost(err)))
    };
    Diagnostic {
        level,
        kind: Kind::Walk,
        path,
        line: None,
        column: None,
        message,
    }
}

fn is_loop(err: &ignore::Error) -> bool {
    match err {
        ignore::Error::Loop { .. } => true,
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => is_loop(err),
        _ => false,
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::Loop { child, .. } => Some(child),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        _ => None,
    }
}

fn error_io_kind(err: &ignore::Error) -> Option<std::io::ErrorKind> {
    match err {
        ignore::Error::Io(e) => Some(e.kind()),
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => error_io_kind(err),
        _ => None,
    }
}

fn innermost(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => innermost(err),
        other => other.to_string(),
    }
}

/// `path` relative to `root` with POSIX separators; as given when outside it.
pub fn report_path(path: &Path, root: &Path) -> String {
    let rel = path
        .strip_prefix(root)
        .ok()
        .filter(|r| !r.as_os_str().is_empty())
        .or_else(|| path.strip_prefix("./").ok())
        .unwrap_or(path);
    let s = rel.to_string_lossy();
    // Only on Windows is `\\` a separator; elsewhere it is part of a name.
    let s = if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    };
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_paths_are_relative_and_posix() {
        let root = Path::new("/repo");
        assert_eq!(report_path(Path::new("/repo/src/a.py"), root), "src/a.py");
        assert_eq!(
            report_path(Path::new("./src/a.py"), Path::new("/elsewhere")),
            "src/a.py"
        );
        assert_eq!(report_path(Path::new("/other/x"), root), "/other/x");
    }
}
