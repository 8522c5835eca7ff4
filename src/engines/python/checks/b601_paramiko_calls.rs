//! B601 `paramiko_calls`.

use super::prelude::*;

doc!("Shell command run through paramiko.

## What it does
In a file that imports paramiko, flags every `exec_command(...)` call.

## Why is this bad?
`exec_command` runs its string through the remote user's shell: any untrusted
part of it can inject further commands on the remote host.

## Example
```python
client.exec_command(\"ls \" + user_dir)
```

## Use instead
```python
import shlex
client.exec_command(\"ls \" + shlex.quote(user_dir))
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B601 (paramiko_calls)");

/// `*.exec_command(...)` with paramiko imported.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.name == "exec_command" && cx.imports.like("paramiko") {
        out.add(
            Severity::Medium,
            Confidence::Medium,
            "Possible shell injection via Paramiko call, check inputs are properly sanitized.",
        );
    }
}
