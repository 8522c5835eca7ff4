//! B402 `import_ftplib`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of ftplib.

## What it does
Flags imports of `ftplib` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
FTP sends credentials and data in clear text.

## Example
```python
import ftplib
```

## Use instead
```python
import paramiko
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B402 (import_ftplib)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["ftplib"],
    message: "A FTP-related module is being imported.  FTP is considered insecure. Use SSH/SFTP/SCP or some other encrypted protocol.",
};
