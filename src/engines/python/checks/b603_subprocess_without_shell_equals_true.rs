//! B603 `subprocess_without_shell_equals_true`.

use super::common::has_shell;
use super::prelude::*;

doc!("subprocess call without a shell.

## What it does
Flags `subprocess.Popen/call/check_call/check_output/run` (configurable as
`subprocess`) called without a true `shell=`: a reminder to check what is run.

## Why is this bad?
Without a shell there is no shell injection, but an untrusted program path or
argument (`--output=/etc/passwd`, a `-o ProxyCommand=...`) can still do harm.

## Example
```python
import subprocess
subprocess.run([tool, user_arg])
```

## Use instead
```python
import subprocess
if tool not in ALLOWED_TOOLS:
    raise ValueError(tool)
subprocess.run([tool, \"--\", user_arg])
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B603 (subprocess_without_shell_equals_true)");

/// `subprocess.run([...])`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if cx.opts.subprocess.iter().any(|s| s == call.qual) && !has_shell(cx, call) {
        out.add_at(
            Severity::Low,
            Confidence::High,
            "subprocess call - check for execution of untrusted input.",
            call.kw_line("shell"),
        );
    }
}
