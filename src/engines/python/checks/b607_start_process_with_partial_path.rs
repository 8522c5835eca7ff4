//! B607 `start_process_with_partial_path`.

use super::prelude::*;

doc!("Process started with a partial executable path.

## What it does
Flags process-starting calls (the `subprocess`, `shell` and `no_shell` lists)
whose command, or the first element of a command list, is a string literal that
is not an absolute path (no leading `/`, `\\\\`, `.` or drive letter).

## Why is this bad?
The program is looked up in `PATH`; whoever controls `PATH` or a directory on
it decides which binary actually runs.

## Example
```python
import subprocess
subprocess.run([\"git\", \"status\"])
```

## Use instead
```python
import shutil, subprocess
subprocess.run([shutil.which(\"git\") or \"/usr/bin/git\", \"status\"])
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B607 (start_process_with_partial_path)");

/// bandit's `full_path_match`: a drive letter, or a leading `/`, `\\` or `.`.
fn full_path(s: &str) -> bool {
    let mut c = s.chars();
    match (c.next(), c.next()) {
        (Some(a), Some(':')) if a.is_ascii_alphabetic() => true,
        (Some('\\' | '/' | '.'), _) => true,
        _ => false,
    }
}

/// `subprocess.run([\"git\", ...])`, `os.system(\"ls\")`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    let Some(first) = call.args.first() else {
        return;
    };
    let o = cx.opts;
    let q = call.qual;
    if !(o.subprocess.iter().any(|s| s == q)
        || o.shell.iter().any(|s| s == q)
        || o.no_shell.iter().any(|s| s == q))
    {
        return;
    }
    let mut node = unparen(k, *first);
    if node.kind_id() == k.list {
        if let Some(e) = children(k, node).next() {
            node = unparen(k, e);
        }
    }
    if !is_str_constant(k, cx.src, node) {
        return;
    }
    let mut buf = String::new();
    let value = constant_value(k, cx.src, node, &mut buf).value;
    if !full_path(&value) {
        out.add(
            Severity::Low,
            Confidence::High,
            "Starting a process with a partial executable path",
        );
    }
}
