//! Reading what git holds, through the git CLI: the blobs staged in the index
//! and the lines each commit added. Nothing here scans; it only yields content.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::finding::CommitInfo;

pub mod patch;
pub mod raw;

use patch::{PatchLine, PatchReader};
use raw::{EntryKind, Status};

/// A git command that failed, with what it said.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("`git {args}` failed: {stderr}")]
    Failed { args: String, stderr: String },
    #[error("unexpected output from `git {args}`: {detail}")]
    Parse { args: String, detail: String },
    /// A revision the user gave is not a commit here (or is not a revision).
    #[error("{flag} {value}: {reason}")]
    BadRevision {
        flag: &'static str,
        value: String,
        reason: String,
    },
}

/// Options that pin how `git diff` and `git log -p` print a patch, whatever
/// the user's git config says, so that [`patch::PatchReader`] can read it:
/// fixed `a/` `b/` prefixes (`diff.noprefix`, `diff.mnemonicPrefix`), no
/// colour, no external diff or textconv filter rewriting content, and
/// `--text` so that a `.gitattributes` line (`*.py -diff`, `binary`) cannot
/// turn a file into "Binary files differ" and hide what it adds.
pub const PATCH_OPTIONS: &[&str] = &[
    "--no-color",
    "--no-ext-diff",
    "--no-textconv",
    "--text",
    "--src-prefix=a/",
    "--dst-prefix=b/",
    "--submodule=short",
];

fn git(repo: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(repo).env("GIT_TERMINAL_PROMPT", "0");
    c
}

/// Run git to completion; its standard output, or what it said on failure.
pub(crate) fn run(repo: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = git(repo).args(args).output().map_err(GitError::Spawn)?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}

/// One path printed by `git rev-parse`: its bytes up to the one `\n` git
/// adds (a directory may end in a space, or not be UTF-8).
fn path_line(mut out: Vec<u8>) -> PathBuf {
    if out.last() == Some(&b'\n') {
        out.pop();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        PathBuf::from(std::ffi::OsString::from_vec(out))
    }
    #[cfg(not(unix))]
    {
        PathBuf::from(String::from_utf8_lossy(&out).into_owned())
    }
}

/// `git ls-files -z` with these options and pathspecs, run in `dir`: the
/// paths it prints (relative to `dir`), NUL-separated so any name survives.
pub fn ls_files(dir: &Path, options: &[&str], pathspecs: &[&str]) -> Result<Vec<String>, GitError> {
    let mut args = vec!["ls-files", "-z"];
    args.extend_from_slice(options);
    args.push("--");
    args.extend_from_slice(pathspecs);
    let out = run(dir, &args)?;
    Ok(out
        .split(|&b| b == 0)
        .filter(|p| !p.is_empty())
        .map(raw::lossy)
        .collect())
}

/// The full object id of the commit `HEAD` names in the repository holding `dir`.
pub fn head(dir: &Path) -> Result<String, GitError> {
    let args = ["rev-parse", "--verify", "--quiet", "HEAD^{commit}"];
    let out = run(dir, &args)?;
    let id = String::from_utf8_lossy(&out).trim().to_string();
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(GitError::Parse {
            args: args.join(" "),
            detail: format!("`{id}` is not an object id"),
        });
    }
    Ok(id)
}

/// The top of the work tree containing `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    run(dir, &["rev-parse", "--show-toplevel"]).map(path_line)
}

/// Where git looks for hooks (honours `core.hooksPath`), absolute.
pub fn hooks_dir(repo: &Path) -> Result<PathBuf, GitError> {
    run(
        repo,
        &["rev-parse", "--path-format=absolute", "--git-path", "hooks"],
    )
    .map(path_line)
}

/// The commit a user-given revision names, as its full object id. The value
/// reaches git only after `--end-of-options`, so `--output=FILE` is a
/// revision that does not exist, never an option; everything gate later
/// passes to git is the id, never the user's text.
pub fn verify_commit(repo: &Path, flag: &'static str, rev: &str) -> Result<String, GitError> {
    let bad = |reason: String| GitError::BadRevision {
        flag,
        value: rev.to_string(),
        reason,
    };
    if rev.is_empty() {
        return Err(bad("an empty revision".into()));
    }
    let spec = format!("{rev}^{{commit}}");
    let out = git(repo)
        .args([
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &spec,
        ])
        .output()
        .map_err(GitError::Spawn)?;
    if !out.status.success() {
        let said = String::from_utf8_lossy(&out.stderr).trim().to_string();
        let why = if rev.starts_with('-') {
            "not a commit (a value starting with `-` is read as a revision here, never as a git option)"
        } else {
            "not a commit in this repository"
        };
        return Err(bad(if said.is_empty() {
            why.to_string()
        } else {
            format!("{why}: {said}")
        }));
    }
    let oid = String::from_utf8_lossy(&out.stdout)
        .trim_end_matches('\n')
        .to_string();
    if !raw::is_oid(&oid) {
        return Err(bad(format!(
            "git answered `{}`, not an object id",
            oid.escape_debug()
        )));
    }
    Ok(oid)
}

/// A file as it is staged in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedFile {
    /// Path relative to the repository root (lossy only where the name is not UTF-8).
    pub path: String,
    /// The index blob's id.
    pub blob: String,
}

/// What `--staged` has to look at in the index.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StagedIndex {
    /// Regular files whose staged blob is new content.
    pub files: Vec<StagedFile>,
    /// Paths with conflict stages (a merge in progress): no single staged
    /// version exists, and git itself refuses to commit them.
    pub unmerged: Vec<String>,
}

/// The index relative to HEAD, one decision per status letter:
/// added (A), copied (C), modified (M, also a rewrite B), renamed (R) and
/// type-changed (T) entries are scanned at their new path when the new side
/// is a regular file (a symlink's blob is a path, a submodule's a commit);
/// deleted (D) ones are not; unmerged (U) ones are returned apart so the
/// caller can refuse them loudly; an unknown letter (X) is an error.
pub fn staged_files(repo: &Path) -> Result<StagedIndex, GitError> {
    let args = [
        "diff",
        "--cached",
        "--raw",
        "-z",
        "--no-abbrev",
        "-M",
        "-C",
        "--no-ext-diff",
        "--ignore-submodules=none",
    ];
    let out = run(repo, &args)?;
    let entries = raw::parse_raw(&out).map_err(|e| GitError::Parse {
        args: args.join(" "),
        detail: e.to_string(),
    })?;
    Ok(staged_index(entries))
}

fn staged_index(entries: Vec<raw::RawEntry>) -> StagedIndex {
    let mut index = StagedIndex::default();
    for e in entries {
        match e.status {
            Status::Deleted => {}
            Status::Unmerged => index.unmerged.push(raw::lossy(&e.path)),
            Status::Added
            | Status::Copied(_)
            | Status::Modified
            | Status::Renamed(_)
            | Status::TypeChanged
            | Status::Broken => {
                if EntryKind::of_mode(e.new_mode) == EntryKind::File {
                    index.files.push(StagedFile {
                        path: raw::lossy(&e.path),
                        blob: e.new_oid,
                    });
                }
            }
        }
    }
    index
}

/// Read blobs with one `git cat-file --batch` process. A blob larger than
/// `max_size` is not read: `None` with its size.
pub fn read_blobs(
    repo: &Path,
    blobs: &[&str],
    max_size: u64,
) -> Result<Vec<Result<Vec<u8>, u64>>, GitError> {
    let args = "cat-file --batch";
    let mut child = git(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(GitError::Spawn)?;
    let mut stdin = child.stdin.take().expect("piped stdin");
    let request: String = blobs.iter().map(|b| format!("{b}\n")).collect();
    // Write from a thread: git answers while we are still asking.
    let writer = std::thread::spawn(move || stdin.write_all(request.as_bytes()));
    let mut reader = BufReader::new(child.stdout.take().expect("piped stdout"));
    let mut out = Vec::with_capacity(blobs.len());
    let parse_err = |detail: String| GitError::Parse {
        args: args.into(),
        detail,
    };
    for blob in blobs {
        let mut header = String::new();
        reader
            .read_line(&mut header)
            .map_err(|e| parse_err(e.to_string()))?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size: u64 = match fields[..] {
            [_, "blob", size] => size.parse().map_err(|_| parse_err(header.clone()))?,
            _ => return Err(parse_err(format!("blob {blob}: {}", header.trim()))),
        };
        if size > max_size {
            std::io::copy(&mut (&mut reader).take(size + 1), &mut std::io::sink())
                .map_err(|e| parse_err(e.to_string()))?;
            out.push(Err(size));
            continue;
        }
        let mut content = vec![0; size as usize + 1];
        reader
            .read_exact(&mut content)
            .map_err(|e| parse_err(e.to_string()))?;
        content.pop();
        out.push(Ok(content));
    }
    let _ = writer.join();
    finish(child, args)?;
    Ok(out)
}

fn finish(mut child: Child, args: &str) -> Result<(), GitError> {
    let status = child.wait().map_err(GitError::Spawn)?;
    if status.success() {
        return Ok(());
    }
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = e.read_to_string(&mut stderr);
    }
    Err(GitError::Failed {
        args: args.into(),
        stderr: stderr.trim().to_string(),
    })
}

/// Which commits a history scan covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CommitRange {
    /// Everything reachable from HEAD.
    Head,
    /// Commits after REV up to HEAD (`REV..HEAD`).
    Since(String),
    /// A commit range: `A..B`, `A...B` (either side may be empty: HEAD), or
    /// one revision (it and its ancestors).
    Range(String),
    /// Every ref (`--all`).
    All,
}

impl CommitRange {
    /// The `git log` revision arguments, each side verified as a commit and
    /// given as its object id. `--all` is the one option, added by gate.
    pub fn resolve(&self, repo: &Path) -> Result<Vec<String>, GitError> {
        Ok(match self {
            CommitRange::Head => vec!["HEAD".into()],
            CommitRange::All => vec!["--all".into()],
            CommitRange::Since(rev) => {
                vec![format!("{}..HEAD", verify_commit(repo, "--since", rev)?)]
            }
            CommitRange::Range(spec) => {
                // A ref name never holds `..`, so the first `...` or `..`
                // separates the sides.
                let split = spec
                    .split_once("...")
                    .map(|(a, b)| (a, "...", b))
                    .or_else(|| spec.split_once("..").map(|(a, b)| (a, "..", b)));
                let side = |rev: &str| -> Result<String, GitError> {
                    match rev {
                        "" => verify_commit(repo, "--range", "HEAD"),
                        r => verify_commit(repo, "--range", r).map_err(|e| match e {
                            GitError::BadRevision { reason, .. } => GitError::BadRevision {
                                flag: "--range",
                                value: spec.clone(),
                                reason: format!("`{r}`: {reason}"),
                            },
                            other => other,
                        }),
                    }
                };
                match split {
                    Some((a, dots, b)) => vec![format!("{}{dots}{}", side(a)?, side(b)?)],
                    None => vec![verify_commit(repo, "--range", spec)?],
                }
            }
        })
    }
}

/// The lines one commit added to one file, ready to scan.
#[derive(Debug, Clone, PartialEq)]
pub struct AddedLines {
    pub commit: CommitInfo,
    pub path: String,
    /// The added lines joined with `\n`.
    pub text: String,
    /// For each line of `text`, its line number in the new file.
    pub lines: Vec<u32>,
}

/// Marker that starts each commit's header in our `git log` format. It
/// starts with a control character, which no patch line can.
const COMMIT_MARK: &str = "\u{1}gate-commit\u{1}";

/// Stream the lines each commit in `range` added, file by file, newest first.
/// `sink` receives each file's added lines; oversize fragments are skipped
/// and reported through `on_oversize`. Every status but D is read (a type
/// change shows as the old entry deleted and the new one added); renames
/// are off, so a renamed file's lines count as added at its new path.
pub fn added_lines(
    repo: &Path,
    range: &CommitRange,
    max_size: u64,
    mut sink: impl FnMut(AddedLines),
    mut on_oversize: impl FnMut(&CommitInfo, &str, u64),
) -> Result<(), GitError> {
    let revisions = range.resolve(repo)?;
    let format = format!("--format={COMMIT_MARK}%H%x00%an%x00%ae%x00%aI%x00%s");
    let mut args: Vec<String> = vec![
        "log".into(),
        "-p".into(),
        "-U0".into(),
        "--no-renames".into(),
        "--no-show-signature".into(),
        "--diff-filter=d".into(),
        format,
    ];
    args.extend(PATCH_OPTIONS.iter().map(|o| o.to_string()));
    if revisions == ["--all"] {
        args.push("--all".into());
        args.push("--end-of-options".into());
    } else {
        args.push("--end-of-options".into());
        args.extend(revisions);
    }
    args.push("--".into());
    let printable = args.join(" ");
    let mut child = git(repo)
        .args(&args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(GitError::Spawn)?;
    let reader = BufReader::with_capacity(1 << 16, child.stdout.take().expect("piped stdout"));
    let mut parser = HistoryParser::new(max_size);
    let mut failed = None;
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| GitError::Parse {
            args: printable.clone(),
            detail: e.to_string(),
        })?;
        if let Err(detail) = parser.line(&line, &mut sink, &mut on_oversize) {
            failed = Some(detail);
            break;
        }
    }
    if let Some(detail) = failed {
        let _ = child.kill();
        let _ = child.wait();
        return Err(GitError::Parse {
            args: printable,
            detail,
        });
    }
    parser.flush(&mut sink, &mut on_oversize);
    finish(child, &printable)
}

/// Collects one file's added lines at a time out of `git log -p -U0`.
struct HistoryParser {
    max_size: u64,
    patch: PatchReader,
    commit: Option<CommitInfo>,
    /// The current file's new name; `None` before `+++` and for deletions.
    path: Option<String>,
    /// The new side is not a regular file (symlink target, submodule commit).
    not_a_file: bool,
    text: String,
    lines: Vec<u32>,
    oversize: u64,
}

impl HistoryParser {
    fn new(max_size: u64) -> Self {
        HistoryParser {
            max_size,
            patch: PatchReader::new(),
            commit: None,
            path: None,
            not_a_file: false,
            text: String::new(),
            lines: Vec::new(),
            oversize: 0,
        }
    }

    /// Take one line of `git log` output; an error names what could not be read.
    fn line(
        &mut self,
        raw: &[u8],
        sink: &mut impl FnMut(AddedLines),
        on_oversize: &mut impl FnMut(&CommitInfo, &str, u64),
    ) -> Result<(), String> {
        if let Some(header) = raw.strip_prefix(COMMIT_MARK.as_bytes()) {
            self.flush(sink, on_oversize);
            self.patch.reset();
            self.path = None;
            self.not_a_file = false;
            let header = String::from_utf8_lossy(header);
            let f: Vec<&str> = header.split('\0').collect();
            let field = |i: usize| f.get(i).copied().unwrap_or("").to_string();
            self.commit = Some(CommitInfo {
                sha: field(0),
                author: field(1),
                email: field(2),
                date: field(3),
                message: field(4),
            });
            return Ok(());
        }
        match self.patch.line(raw) {
            PatchLine::FileStart => {
                self.flush(sink, on_oversize);
                self.path = None;
                self.not_a_file = false;
            }
            PatchLine::NewPath(p) => self.path = p.as_deref().map(raw::lossy),
            PatchLine::NewMode(m) => self.not_a_file = EntryKind::of_mode(m) != EntryKind::File,
            PatchLine::Added { line, text } => {
                if self.commit.is_none() || self.path.is_none() {
                    return Err("added lines before a commit and a file name".into());
                }
                if !self.not_a_file {
                    self.push(line, text);
                }
            }
            PatchLine::Malformed(detail) => return Err(detail),
            PatchLine::Hunk { .. } | PatchLine::Other => {}
        }
        Ok(())
    }

    fn push(&mut self, line: u32, added: &[u8]) {
        let added = String::from_utf8_lossy(added);
        if (self.text.len() + added.len()) as u64 > self.max_size {
            self.oversize += added.len() as u64 + 1;
            return;
        }
        if !self.lines.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(&added);
        self.lines.push(line);
    }

    fn flush(
        &mut self,
        sink: &mut impl FnMut(AddedLines),
        on_oversize: &mut impl FnMut(&CommitInfo, &str, u64),
    ) {
        if let (Some(commit), Some(path)) = (&self.commit, &self.path) {
            if self.oversize > 0 {
                on_oversize(commit, path, self.oversize + self.text.len() as u64);
            }
            if !self.lines.is_empty() {
                sink(AddedLines {
                    commit: commit.clone(),
                    path: path.clone(),
                    text: std::mem::take(&mut self.text),
                    lines: std::mem::take(&mut self.lines),
                });
            }
        }
        self.text.clear();
        self.lines.clear();
        self.oversize = 0;
        self.path = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const Z40: &str = "0000000000000000000000000000000000000000";

    fn raw_entry(old: &str, new: &str, oid: &str, status: &str, paths: &[&[u8]]) -> Vec<u8> {
        let mut v = format!(":{old} {new} {Z40} {oid} {status}\0").into_bytes();
        for p in paths {
            v.extend_from_slice(p);
            v.push(0);
        }
        v
    }

    #[test]
    fn issue11_p4_each_status_letter_has_a_staged_decision() {
        let b = "b".repeat(40);
        let mut raw = Vec::new();
        for (old, new, status, paths) in [
            ("000000", "100644", "A", &[&b"added"[..]][..]),
            ("100644", "100644", "C075", &[b"src", b"copied"]),
            ("100644", "000000", "D", &[b"deleted"]),
            ("100644", "100755", "M", &[b"modified"]),
            ("100644", "100644", "R100", &[b"old", b"renamed"]),
            ("120000", "100644", "T", &[b"link-now-file"]),
            ("100644", "120000", "T", &[b"file-now-link"]),
            ("100644", "000000", "U", &[b"conflicted"]),
            ("100644", "100644", "B", &[b"rewritten"]),
            ("000000", "160000", "A", &[b"submodule"]),
            ("000000", "120000", "A", &[b"new-link"]),
        ] {
            raw.extend(raw_entry(old, new, &b, status, paths));
        }
        let index = staged_index(raw::parse_raw(&raw).unwrap());
        let paths: Vec<&str> = index.files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "added",
                "copied",
                "modified",
                "renamed",
                "link-now-file",
                "rewritten"
            ]
        );
        assert_eq!(index.unmerged, ["conflicted"]);
        assert!(index.files.iter().all(|f| f.blob == b));
    }

    fn history(log: &[u8]) -> Result<Vec<AddedLines>, String> {
        let mut got = Vec::new();
        let mut p = HistoryParser::new(1 << 20);
        for l in log.split(|&b| b == b'\n') {
            p.line(l, &mut |a| got.push(a), &mut |_, _, _| {})?;
        }
        p.flush(&mut |a| got.push(a), &mut |_, _, _| {});
        Ok(got)
    }

    #[test]
    fn history_maps_added_lines_to_new_line_numbers() {
        let log = format!(
            "{COMMIT_MARK}abc\0Ann\0ann@x\02026-01-01T00:00:00Z\0add config\n\ndiff --git a/c.py b/c.py\nindex 1..2 100644\n--- a/c.py\n+++ b/c.py\n@@ -3,0 +4,2 @@\n+A = 1\n+B = 2\n@@ -10 +12 @@\n-old\n+C = 3\n"
        );
        let got = history(log.as_bytes()).unwrap();
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].path, "c.py");
        assert_eq!(got[0].text, "A = 1\nB = 2\nC = 3");
        assert_eq!(got[0].lines, vec![4, 5, 12]);
        assert_eq!(got[0].commit.sha, "abc");
    }

    #[test]
    fn issue11_p4_history_reads_symlink_to_file_and_skips_links_and_submodules() {
        let log = format!(
            "{COMMIT_MARK}c1\0A\0a@x\0d\0t\n\ndiff --git a/l b/l\ndeleted file mode 120000\nindex 1..0\n--- a/l\n+++ /dev/null\n@@ -1 +0,0 @@\n-target\n\\ No newline at end of file\ndiff --git a/l b/l\nnew file mode 100644\nindex 0..2\n--- /dev/null\n+++ b/l\n@@ -0,0 +1 @@\n+SECRET\ndiff --git a/n b/n\nnew file mode 120000\nindex 0..3\n--- /dev/null\n+++ b/n\n@@ -0,0 +1 @@\n+../elsewhere\ndiff --git a/s b/s\nnew file mode 160000\nindex 0..4\n--- /dev/null\n+++ b/s\n@@ -0,0 +1 @@\n+Subproject commit 4444\n"
        );
        let got = history(log.as_bytes()).unwrap();
        let files: Vec<(&str, &str)> = got
            .iter()
            .map(|a| (a.path.as_str(), a.text.as_str()))
            .collect();
        assert_eq!(files, [("l", "SECRET")]);
    }

    #[test]
    fn issue11_p4_an_index_line_whose_ids_hold_a_mode_is_still_a_file() {
        // The old reader looked for "160000" anywhere in the line.
        let log = format!(
            "{COMMIT_MARK}c1\0A\0a@x\0d\0t\ndiff --git a/f b/f\nindex 1600001..1200002 100644\n--- a/f\n+++ b/f\n@@ -0,0 +1 @@\n+kept\n"
        );
        assert_eq!(history(log.as_bytes()).unwrap()[0].text, "kept");
    }

    #[test]
    fn history_errors_on_what_it_cannot_read() {
        let log = format!("{COMMIT_MARK}c1\0A\0a@x\0d\0t\n+++ \"b/unterminated\n");
        assert!(history(log.as_bytes()).is_err());
        assert!(history(b"+++ b/f\n@@ -0,0 +1 @@\n+no commit\n").is_err());
    }
}
