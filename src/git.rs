//! Reading what git holds, through the git CLI: the blobs staged in the index
//! and the lines each commit added. Nothing here scans; it only yields content.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::finding::CommitInfo;

/// A git command that failed, with what it said.
#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("cannot run git: {0}")]
    Spawn(#[source] std::io::Error),
    #[error("`git {args}` failed: {stderr}")]
    Failed { args: String, stderr: String },
    #[error("unexpected output from `git {args}`: {detail}")]
    Parse { args: String, detail: String },
}

/// Mode of a gitlink (submodule) entry: not a file, never read.
const MODE_SUBMODULE: &str = "160000";
/// Mode of a symbolic link: its blob is a path, not content.
const MODE_SYMLINK: &str = "120000";

fn git(repo: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("-C").arg(repo).env("GIT_TERMINAL_PROMPT", "0");
    c
}

fn run(repo: &Path, args: &[&str]) -> Result<Vec<u8>, GitError> {
    let out = git(repo).args(args).output().map_err(GitError::Spawn)?;
    if !out.status.success() {
        return Err(GitError::Failed {
            args: args.join(" "),
            stderr: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(out.stdout)
}

/// The top of the work tree containing `dir`.
pub fn toplevel(dir: &Path) -> Result<PathBuf, GitError> {
    let out = run(dir, &["rev-parse", "--show-toplevel"])?;
    Ok(PathBuf::from(String::from_utf8_lossy(&out).trim()))
}

/// Where git looks for hooks (honours `core.hooksPath`), absolute.
pub fn hooks_dir(repo: &Path) -> Result<PathBuf, GitError> {
    let out = run(
        repo,
        &["rev-parse", "--path-format=absolute", "--git-path", "hooks"],
    )?;
    Ok(PathBuf::from(String::from_utf8_lossy(&out).trim()))
}

/// A file as it is staged in the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StagedFile {
    /// Path relative to the repository root.
    pub path: String,
    /// The index blob's id.
    pub blob: String,
}

/// Files added, copied, modified or renamed in the index relative to HEAD
/// (deleted ones are left out; submodules and symlinks too).
pub fn staged_files(repo: &Path) -> Result<Vec<StagedFile>, GitError> {
    let args = [
        "diff",
        "--cached",
        "--raw",
        "-z",
        "--no-abbrev",
        "-M",
        "-C",
        "--diff-filter=ACMR",
        "--no-ext-diff",
    ];
    let out = run(repo, &args)?;
    parse_raw_diff(&out).map_err(|detail| GitError::Parse {
        args: args.join(" "),
        detail,
    })
}

/// Parse `git diff --raw -z` output: `:old new oldsha newsha STATUS\0path\0[newpath\0]`.
fn parse_raw_diff(out: &[u8]) -> Result<Vec<StagedFile>, String> {
    let mut fields = out.split(|&b| b == 0).filter(|f| !f.is_empty());
    let mut files = Vec::new();
    while let Some(meta) = fields.next() {
        let meta = String::from_utf8_lossy(meta);
        let parts: Vec<&str> = meta.trim_start_matches(':').split(' ').collect();
        let [_, new_mode, _, new_sha, status] = parts[..] else {
            return Err(format!("bad entry `{meta}`"));
        };
        let mut path = fields.next().ok_or("missing path")?;
        if status.starts_with('R') || status.starts_with('C') {
            path = fields.next().ok_or("missing new path")?;
        }
        if new_mode == MODE_SUBMODULE || new_mode == MODE_SYMLINK {
            continue;
        }
        files.push(StagedFile {
            path: String::from_utf8_lossy(path).into_owned(),
            blob: new_sha.to_string(),
        });
    }
    Ok(files)
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
    /// A `git log` range as given (`A..B`, `A...B`).
    Range(String),
    /// Every ref (`--all`).
    All,
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

/// Marker that starts each commit's header in our `git log` format.
const COMMIT_MARK: &str = "\u{1}gate-commit\u{1}";

/// Stream the lines each commit in `range` added, file by file, newest first.
/// `sink` receives each file's added lines; oversize fragments are skipped
/// and reported through `on_oversize`.
pub fn added_lines(
    repo: &Path,
    range: &CommitRange,
    max_size: u64,
    mut sink: impl FnMut(AddedLines),
    mut on_oversize: impl FnMut(&CommitInfo, &str, u64),
) -> Result<(), GitError> {
    let format = format!("--format={COMMIT_MARK}%H%x00%an%x00%ae%x00%aI%x00%s");
    let mut args: Vec<String> = vec![
        "log".into(),
        "-p".into(),
        "-U0".into(),
        "--no-color".into(),
        "--no-ext-diff".into(),
        "--no-renames".into(),
        "--diff-filter=AM".into(),
        format,
    ];
    match range {
        CommitRange::Head => args.push("HEAD".into()),
        CommitRange::Since(rev) => args.push(format!("{rev}..HEAD")),
        CommitRange::Range(r) => args.push(r.clone()),
        CommitRange::All => args.push("--all".into()),
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
    let mut parser = PatchParser::new(max_size);
    for line in reader.split(b'\n') {
        let line = line.map_err(|e| GitError::Parse {
            args: printable.clone(),
            detail: e.to_string(),
        })?;
        parser.line(&line, &mut sink, &mut on_oversize);
    }
    parser.flush(&mut sink, &mut on_oversize);
    finish(child, &printable)
}

/// State machine over `git log -p -U0` output.
struct PatchParser {
    max_size: u64,
    commit: Option<CommitInfo>,
    path: Option<String>,
    submodule: bool,
    text: String,
    lines: Vec<u32>,
    next_line: u32,
    oversize: u64,
}

impl PatchParser {
    fn new(max_size: u64) -> Self {
        PatchParser {
            max_size,
            commit: None,
            path: None,
            submodule: false,
            text: String::new(),
            lines: Vec::new(),
            next_line: 0,
            oversize: 0,
        }
    }

    fn line(
        &mut self,
        raw: &[u8],
        sink: &mut impl FnMut(AddedLines),
        on_oversize: &mut impl FnMut(&CommitInfo, &str, u64),
    ) {
        let line = String::from_utf8_lossy(raw);
        if let Some(header) = line.strip_prefix(COMMIT_MARK) {
            self.flush(sink, on_oversize);
            let f: Vec<&str> = header.split('\0').collect();
            self.commit = Some(CommitInfo {
                sha: f.first().unwrap_or(&"").to_string(),
                author: f.get(1).unwrap_or(&"").to_string(),
                email: f.get(2).unwrap_or(&"").to_string(),
                date: f.get(3).unwrap_or(&"").to_string(),
                message: f.get(4).unwrap_or(&"").to_string(),
            });
            return;
        }
        if line.starts_with("diff --git ") {
            self.flush(sink, on_oversize);
            self.path = None;
            self.submodule = false;
            return;
        }
        if line.starts_with("new file mode ") || line.starts_with("index ") {
            self.submodule |= line.contains(MODE_SUBMODULE) || line.contains(MODE_SYMLINK);
            return;
        }
        if let Some(p) = line.strip_prefix("+++ ") {
            self.path = p.strip_prefix("b/").map(unquote);
            return;
        }
        if let Some(h) = line.strip_prefix("@@ ") {
            // `@@ -a,b +c,d @@`: added lines start at c.
            self.next_line = h
                .split(' ')
                .find_map(|t| t.strip_prefix('+'))
                .and_then(|t| t.split(',').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or(1);
            return;
        }
        if self.path.is_none() || self.submodule {
            return;
        }
        if let Some(added) = line.strip_prefix('+') {
            if (self.text.len() + added.len()) as u64 > self.max_size {
                self.oversize += added.len() as u64 + 1;
            } else {
                if !self.lines.is_empty() {
                    self.text.push('\n');
                }
                self.text.push_str(added);
                self.lines.push(self.next_line);
            }
            self.next_line += 1;
        }
    }

    fn flush(
        &mut self,
        sink: &mut impl FnMut(AddedLines),
        on_oversize: &mut impl FnMut(&CommitInfo, &str, u64),
    ) {
        let (Some(commit), Some(path)) = (&self.commit, &self.path) else {
            self.text.clear();
            self.lines.clear();
            self.oversize = 0;
            return;
        };
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
        self.text.clear();
        self.lines.clear();
        self.oversize = 0;
        self.path = None;
    }
}

/// Paths git quotes (`"a\tb"`) come back unquoted, C escapes decoded.
fn unquote(p: &str) -> String {
    let Some(inner) = p.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return p.to_string();
    };
    let mut bytes = Vec::new();
    let mut it = inner.bytes().peekable();
    while let Some(b) = it.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match it.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut v = (d - b'0') as u32;
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = it.peek() {
                        v = v * 8 + (n - b'0') as u32;
                        it.next();
                    }
                }
                bytes.push(v as u8);
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_diff_keeps_new_paths_and_drops_submodules() {
        let raw = b":000000 100644 0000 aaaa A\0new.py\0:100644 100644 bbbb cccc R087\0old.py\0moved.py\0:000000 160000 0000 dddd A\0sub\0";
        let files = parse_raw_diff(raw).unwrap();
        assert_eq!(
            files,
            vec![
                StagedFile {
                    path: "new.py".into(),
                    blob: "aaaa".into()
                },
                StagedFile {
                    path: "moved.py".into(),
                    blob: "cccc".into()
                },
            ]
        );
    }

    #[test]
    fn patch_parser_maps_added_lines_to_new_line_numbers() {
        let log = format!(
            "{COMMIT_MARK}abc\0Ann\0ann@x\02026-01-01T00:00:00Z\0add config\n\ndiff --git a/c.py b/c.py\nindex 1..2 100644\n--- a/c.py\n+++ b/c.py\n@@ -3,0 +4,2 @@\n+A = 1\n+B = 2\n@@ -10 +12 @@\n-old\n+C = 3\n"
        );
        let mut got = Vec::new();
        let mut p = PatchParser::new(1 << 20);
        for l in log.split('\n') {
            p.line(l.as_bytes(), &mut |a| got.push(a), &mut |_, _, _| {});
        }
        p.flush(&mut |a| got.push(a), &mut |_, _, _| {});
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].path, "c.py");
        assert_eq!(got[0].text, "A = 1\nB = 2\nC = 3");
        assert_eq!(got[0].lines, vec![4, 5, 12]);
        assert_eq!(got[0].commit.sha, "abc");
    }

    #[test]
    fn quoted_paths_are_decoded() {
        assert_eq!(unquote("\"a\\tb\""), "a\tb");
        assert_eq!(unquote("\"caf\\303\\251.py\""), "café.py");
        assert_eq!(unquote("plain.py"), "plain.py");
    }
}
