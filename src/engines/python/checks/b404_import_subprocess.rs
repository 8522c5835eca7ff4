//! B404 `import_subprocess`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of subprocess.

## What it does
Flags imports of `subprocess` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
Running other programs is a common way for untrusted input to become a command; every use deserves a look.

## Example
```python
import subprocess
```

## Use instead
```python
# Prefer a library API over running a program; when you must, pass an argument list without a shell.
import subprocess  # nosec B404
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection') (https://cwe.mitre.org/data/definitions/78.html)
- bandit B404 (import_subprocess)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["subprocess"],
    message: "Consider possible security implications associated with the subprocess module.",
};
