//! B605 `start_process_with_a_shell`.

use super::common::command_is_literal;
use super::prelude::*;

doc!("Process started with a shell.

## What it does
Flags `os.system`, `os.popen*`, `popen2.*`, `commands.*` and
`subprocess.getoutput/getstatusoutput` (configurable as `shell`) called with a
command. HIGH when the command is not a plain string literal, LOW when it is.

## Why is this bad?
These functions always run their command through `/bin/sh`: any untrusted part
of the string can add commands, redirect output or expand variables.

## Example
```python
import os
os.system(\"rm -rf \" + path)
```

## Use instead
```python
import shutil
shutil.rmtree(path)
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B605 (start_process_with_a_shell)");

/// `os.system(cmd)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.args.is_empty() || !cx.opts.shell.iter().any(|s| s == call.qual) {
        return;
    }
    if command_is_literal(cx, call) {
        out.add(
            Severity::Low,
            Confidence::High,
            "Starting a process with a shell: Seems safe, but may be changed in the future, consider rewriting without shell",
        );
    } else {
        out.add(
            Severity::High,
            Confidence::High,
            "Starting a process with a shell, possible injection detected, security issue.",
        );
    }
}
