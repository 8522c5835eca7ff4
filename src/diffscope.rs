//! Pull-request scope: which lines changed since the merge base with a
//! revision (`git merge-base`, `git diff -U0`), so that only findings on
//! added or changed lines count.

use std::collections::HashMap;
use std::path::Path;

use crate::finding::Finding;
use crate::git::patch::{PatchLine, PatchReader};
use crate::git::{self, raw, GitError};

/// Lines added or changed per root-relative path; untracked files count whole.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ChangedLines {
    /// Path → inclusive 1-based line ranges in the new file.
    ranges: HashMap<String, Vec<(u32, u32)>>,
    /// Files git does not track yet: every line is new.
    whole: Vec<String>,
}

/// Why the diff could not be computed (the gate then fails closed).
#[derive(Debug, thiserror::Error)]
#[error("--diff-base {rev}: {message}")]
pub struct DiffError {
    pub rev: String,
    pub message: String,
}

impl ChangedLines {
    /// The lines changed in the work tree at `root` since its merge base with
    /// `rev`. Only the verified commit id reaches `git diff`, never `rev`.
    pub fn since(root: &Path, rev: &str) -> Result<ChangedLines, DiffError> {
        let fail = |e: GitError| DiffError {
            rev: rev.to_string(),
            message: match e {
                GitError::BadRevision { reason, .. } => reason,
                other => other.to_string(),
            },
        };
        let commit = git::verify_commit(root, "--diff-base", rev).map_err(fail)?;
        let base =
            git::run(root, &["merge-base", "--end-of-options", &commit, "HEAD"]).map_err(fail)?;
        let base = String::from_utf8_lossy(&base).trim_end().to_string();
        if !raw::is_oid(&base) {
            return Err(fail(GitError::Parse {
                args: "merge-base".into(),
                detail: format!("`{}` is not an object id", base.escape_debug()),
            }));
        }
        let mut args = vec!["diff", "-U0", "-M", "--relative"];
        args.extend_from_slice(git::PATCH_OPTIONS);
        args.extend(["--end-of-options", &base, "--"]);
        let diff = git::run(root, &args).map_err(fail)?;
        let mut changed = ChangedLines::parse_diff(&diff).map_err(|detail| {
            fail(GitError::Parse {
                args: args.join(" "),
                detail,
            })
        })?;
        let untracked =
            git::run(root, &["ls-files", "-z", "--others", "--exclude-standard"]).map_err(fail)?;
        changed.whole = raw::split_names(&untracked)
            .iter()
            .map(|p| raw::lossy(p))
            .collect();
        Ok(changed)
    }

    /// Parse `git diff -U0` output printed with [`git::PATCH_OPTIONS`].
    pub fn parse_diff(diff: &[u8]) -> Result<ChangedLines, String> {
        let mut out = ChangedLines::default();
        let mut current: Option<String> = None;
        let mut reader = PatchReader::new();
        for line in diff.split(|&b| b == b'\n') {
            match reader.line(line) {
                PatchLine::FileStart => current = None,
                PatchLine::NewPath(p) => current = p.as_deref().map(raw::lossy),
                PatchLine::Hunk { start, count } if count > 0 => {
                    let Some(path) = &current else {
                        return Err("a hunk adds lines before the file's name".into());
                    };
                    out.ranges
                        .entry(path.clone())
                        .or_default()
                        .push((start, start.saturating_add(count - 1)));
                }
                PatchLine::Malformed(detail) => return Err(detail),
                _ => {}
            }
        }
        Ok(out)
    }

    /// Whether lines `start..=end` of `path` touch an added or changed line.
    pub fn touches(&self, path: &str, start: u32, end: u32) -> bool {
        if self.whole.iter().any(|p| p == path) {
            return true;
        }
        self.ranges
            .get(path)
            .is_some_and(|r| r.iter().any(|&(a, b)| a <= end.max(start) && start <= b))
    }

    /// Mark every finding as on a changed line or not.
    pub fn apply(&self, findings: &mut [Finding]) {
        for f in findings {
            f.changed = Some(self.touches(&f.path, f.region.start_line, f.region.end_line));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "diff --git a/src/app.py b/src/app.py
index 1..2 100644
--- a/src/app.py
+++ b/src/app.py
@@ -3,0 +4,2 @@ import x
+import pickle
+import yaml
@@ -10 +12 @@ def f():
-    old()
+    new()
@@ -20,3 +22,0 @@
-gone
diff --git a/old.py b/old.py
deleted file mode 100644
--- a/old.py
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git \"a/sp ace\\tx.py\" \"b/sp ace\\tx.py\"
--- \"a/sp ace\\tx.py\"\t
+++ \"b/sp ace\\tx.py\"\t
@@ -0,0 +1 @@
+y
diff --git a/my config.txt b/my config.txt
--- a/my config.txt\t
+++ b/my config.txt\t
@@ -1,0 +2 @@
+z
";

    #[test]
    fn hunks_give_added_and_changed_lines_of_the_new_file() {
        let c = ChangedLines::parse_diff(DIFF.as_bytes()).unwrap();
        assert!(c.touches("src/app.py", 4, 4));
        assert!(c.touches("src/app.py", 5, 5));
        assert!(!c.touches("src/app.py", 6, 6));
        assert!(c.touches("src/app.py", 12, 12));
        assert!(
            c.touches("src/app.py", 10, 13),
            "a multi-line finding touching a change"
        );
        assert!(
            !c.touches("src/app.py", 22, 22),
            "a pure deletion adds no line"
        );
        assert!(!c.touches("old.py", 1, 1));
        assert!(c.touches("sp ace\tx.py", 1, 1));
        assert!(c.touches("my config.txt", 2, 2));
    }
}
