//! Pull-request scope: which lines changed since the merge base with a
//! revision (`git merge-base`, `git diff -U0`), so that only findings on
//! added or changed lines count.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use crate::finding::Finding;

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

fn git(root: &Path, args: &[&str], rev: &str) -> Result<String, DiffError> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|e| DiffError {
            rev: rev.to_string(),
            message: format!("cannot run git: {e}"),
        })?;
    if !out.status.success() {
        return Err(DiffError {
            rev: rev.to_string(),
            message: format!(
                "`git {}` failed: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            ),
        });
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

impl ChangedLines {
    /// The lines changed in the work tree at `root` since its merge base with `rev`.
    pub fn since(root: &Path, rev: &str) -> Result<ChangedLines, DiffError> {
        let base = git(root, &["merge-base", rev, "HEAD"], rev)?;
        let base = base.trim();
        let diff = git(
            root,
            &[
                "-c",
                "core.quotePath=false",
                "diff",
                "-U0",
                "--no-color",
                "--no-ext-diff",
                "--relative",
                base,
            ],
            rev,
        )?;
        let mut changed = ChangedLines::parse_diff(&diff);
        let untracked = git(root, &["ls-files", "--others", "--exclude-standard"], rev)?;
        changed.whole = untracked.lines().map(str::to_string).collect();
        Ok(changed)
    }

    /// Parse `git diff -U0` output.
    pub fn parse_diff(diff: &str) -> ChangedLines {
        let mut out = ChangedLines::default();
        let mut current: Option<String> = None;
        for line in diff.lines() {
            if let Some(path) = line.strip_prefix("+++ ") {
                current = if path == "/dev/null" {
                    None
                } else {
                    let p = unquote(path);
                    Some(p.strip_prefix("b/").unwrap_or(&p).to_string())
                };
            } else if let Some(hunk) = line.strip_prefix("@@ ") {
                let Some(path) = &current else { continue };
                if let Some((start, count)) = new_range(hunk) {
                    if count > 0 {
                        out.ranges
                            .entry(path.clone())
                            .or_default()
                            .push((start, start + count - 1));
                    }
                }
            }
        }
        out
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

/// `-a,b +c,d @@` → (c, d); a missing count is 1.
fn new_range(hunk: &str) -> Option<(u32, u32)> {
    let plus = hunk.split_whitespace().find(|p| p.starts_with('+'))?;
    let spec = &plus[1..];
    let (start, count) = match spec.split_once(',') {
        Some((s, c)) => (s.parse().ok()?, c.parse().ok()?),
        None => (spec.parse().ok()?, 1),
    };
    Some((start, count))
}

/// git's C-style quoting of unusual paths (`"b/tab\there"`).
fn unquote(p: &str) -> String {
    let Some(inner) = p.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return p.to_string();
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(b'"') => bytes.push(b'"'),
            Some(b'\\') => bytes.push(b'\\'),
            Some(d @ b'0'..=b'7') => {
                let mut v = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = chars.peek() {
                        v = v * 8 + u32::from(n - b'0');
                        chars.next();
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
--- \"a/sp ace\\tx.py\"
+++ \"b/sp ace\\tx.py\"
@@ -0,0 +1 @@
+y
";

    #[test]
    fn hunks_give_added_and_changed_lines_of_the_new_file() {
        let c = ChangedLines::parse_diff(DIFF);
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
    }
}
