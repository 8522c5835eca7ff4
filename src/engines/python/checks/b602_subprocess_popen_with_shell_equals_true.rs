//! B602 `subprocess_popen_with_shell_equals_true`.

use super::common::{command_is_literal, has_shell};
use super::prelude::*;

doc!("subprocess call with shell=True.

## What it does
Flags `subprocess.Popen/call/check_call/check_output/run` (configurable as
`subprocess`) called with a command and a true `shell=` (anything but a false
literal). HIGH when the command is not a plain string literal, LOW when it is.
Reported on the line of the `shell=` value.

## Why is this bad?
With a shell, the command string is parsed by `/bin/sh`: any untrusted part of
it can add commands (`; rm -rf ~`), redirect output or expand variables.

## Example
```python
import subprocess
subprocess.run(\"convert \" + upload + \" out.png\", shell=True)
```

## Use instead
```python
import subprocess
subprocess.run([\"convert\", upload, \"out.png\"])
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B602 (subprocess_popen_with_shell_equals_true)");

/// `subprocess.Popen(cmd, shell=True)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if !cx.opts.subprocess.iter().any(|s| s == call.qual)
        || !has_shell(cx, call)
        || call.args.is_empty()
    {
        return;
    }
    let line = call.kw_line("shell");
    if command_is_literal(cx, call) {
        out.add_at(
            Severity::Low,
            Confidence::High,
            "subprocess call with shell=True seems safe, but may be changed in the future, consider rewriting without shell",
            line,
        );
    } else {
        out.add_at(
            Severity::High,
            Confidence::High,
            "subprocess call with shell=True identified, security issue.",
            line,
        );
    }
}
