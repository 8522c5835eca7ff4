//! B604 `any_other_function_with_shell_equals_true`.

use super::common::has_shell;
use super::prelude::*;

doc!("Function call with shell=True.

## What it does
Flags any call that is not one of the known subprocess functions but passes a
true `shell=`. Reported on the line of the `shell=` value.

## Why is this bad?
A wrapper that takes `shell=True` most likely passes its command to a shell,
with the same injection risk as `subprocess` with `shell=True`.

## Example
```python
run_command(cmd, shell=True)
```

## Use instead
```python
run_command(shlex.split(cmd), shell=False)
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B604 (any_other_function_with_shell_equals_true)");

/// `anything(..., shell=True)` outside the subprocess list.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if !cx.opts.subprocess.iter().any(|s| s == call.qual) && has_shell(cx, call) {
        out.add_at(
            Severity::Medium,
            Confidence::Low,
            "Function call with shell=True parameter identified, possible security issue.",
            call.kw_line("shell"),
        );
    }
}
