//! B401 `import_telnetlib`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of telnetlib.

## What it does
Flags imports of `telnetlib` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
Telnet sends everything, credentials included, in clear text.

## Example
```python
import telnetlib
```

## Use instead
```python
import paramiko
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B401 (import_telnetlib)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["telnetlib"],
    message: "A telnet-related module is being imported.  Telnet is considered insecure. Use SSH or some other encrypted protocol.",
};
