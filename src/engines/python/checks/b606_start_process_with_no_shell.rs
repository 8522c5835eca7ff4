//! B606 `start_process_with_no_shell`.

use super::prelude::*;

doc!("Process started without a shell.

## What it does
Flags `os.exec*`, `os.spawn*` and `os.startfile` (configurable as `no_shell`).

## Why is this bad?
No shell injection is possible, but an untrusted program path or argument can
still run something unintended: a reminder to check what is executed.

## Example
```python
import os
os.execvp(program, [program, arg])
```

## Use instead
```python
import subprocess
if program not in ALLOWED:
    raise ValueError(program)
subprocess.run([program, \"--\", arg])
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B606 (start_process_with_no_shell)");

/// `os.execv(...)`, `os.spawnl(...)`, `os.startfile(...)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if cx.opts.no_shell.iter().any(|s| s == call.qual) {
        out.add(
            Severity::Low,
            Confidence::Medium,
            "Starting a process without a shell.",
        );
    }
}
