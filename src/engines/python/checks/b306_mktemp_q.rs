//! B306 `mktemp_q`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Insecure tempfile.mktemp.

## What it does
Flags calls to `tempfile.mktemp`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
`mktemp` returns a name without creating the file; another process can create it first (a race) and have you write into its file or symlink.

## Example
```python
import tempfile
path = tempfile.mktemp()
open(path, 'w')
```

## Use instead
```python
import tempfile
with tempfile.NamedTemporaryFile() as f:
    f.write(data)
```

## References
- CWE-377: Insecure Temporary File (https://cwe.mitre.org/data/definitions/377.html)
- bandit B306 (mktemp_q)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["tempfile.mktemp"],
    message: "Use of insecure and deprecated function (mktemp).",
};
