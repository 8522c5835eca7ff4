//! B609 `linux_commands_wildcard_injection`.

use super::prelude::*;

doc!("Wildcard in a shell command running chown, chmod, tar or rsync.

## What it does
Flags shell-running calls (the `shell` list, or a `subprocess` function with
`shell=True`) whose literal command mentions `chown`, `chmod`, `tar` or `rsync`
together with a `*`.

## Why is this bad?
The shell expands `*` to file names; a file named `--checkpoint-action=exec=sh x.sh`
or `--reference=evil` becomes an option of the command (wildcard injection).

## Example
```python
import os
os.system(\"tar cf backup.tar *\")
```

## Use instead
```python
import subprocess
subprocess.run([\"tar\", \"cf\", \"backup.tar\", \"--\", *os.listdir(\".\")])
```

## References
- CWE-155: Improper Neutralization of Wildcards or Matching Symbols (https://cwe.mitre.org/data/definitions/155.html)
- bandit B609 (linux_commands_wildcard_injection)");

/// `os.system(\"chmod 777 *\")`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let o = cx.opts;
    let shell = o.shell.iter().any(|s| s == call.qual);
    let sub = o.subprocess.iter().any(|s| s == call.qual);
    if !(shell || (sub && call.kw_is(cx, "shell", "True") == Some(true))) || call.args.is_empty() {
        return;
    }
    let text = match call.arg_value(cx, 0) {
        Lit::List(items) => items.iter().map(|i| format!(" {}", i.py_str())).collect(),
        Lit::Str(s) => s,
        _ => String::new(),
    };
    if text.is_empty() || !text.contains('*') {
        return;
    }
    if ["chown", "chmod", "tar", "rsync"]
        .iter()
        .any(|f| text.contains(f))
    {
        out.add_at(
            Severity::High,
            Confidence::Medium,
            format!("Possible wildcard injection in call: {}", call.qual),
            call.kw_line("shell"),
        );
    }
}
