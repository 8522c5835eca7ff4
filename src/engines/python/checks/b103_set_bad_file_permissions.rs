//! B103 `set_bad_file_permissions`.

use super::prelude::*;

doc!("Permissive file permissions set with chmod.

## What it does
Flags `chmod` calls (any function whose name contains `chmod`, with two
arguments) whose literal mode gives group or others write or execute permission.

## Why is this bad?
A file writable by others can be replaced or altered by any local user; an
executable one can be run by them. Secrets and code should be owner-only.

## Example
```python
import os
os.chmod('/etc/app/key.pem', 0o777)
```

## Use instead
```python
import os
os.chmod('/etc/app/key.pem', 0o600)
```

## References
- CWE-732: Incorrect Permission Assignment for Critical Resource (https://cwe.mitre.org/data/definitions/732.html)
- bandit B103 (set_bad_file_permissions)");

const S_IWOTH: i128 = 0o2;
const S_IXOTH: i128 = 0o1;
const S_IWGRP: i128 = 0o20;
const S_IXGRP: i128 = 0o10;

/// `os.chmod(path, 0o7x7)`: HIGH when others may write, MEDIUM otherwise.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if !call.name.contains("chmod") || call.args.len() != 2 {
        return;
    }
    let Lit::Int(mode) = call.arg_value(cx, 1) else {
        return;
    };
    if mode & (S_IWOTH | S_IWGRP | S_IXGRP | S_IXOTH) == 0 {
        return;
    }
    let severity = if mode & S_IWOTH != 0 {
        Severity::High
    } else {
        Severity::Medium
    };
    let file = match call.arg_value(cx, 0) {
        Lit::Unknown => "NOT PARSED".to_string(),
        v => v.py_str(),
    };
    let oct = if mode < 0 {
        format!("-0o{:o}", -mode)
    } else {
        format!("0o{mode:o}")
    };
    out.add(
        severity,
        Confidence::High,
        format!("Chmod setting a permissive mask {oct} on file ({file})."),
    );
}
