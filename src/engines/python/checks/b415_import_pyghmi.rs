//! B415 `import_pyghmi`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of pyghmi (IPMI).

## What it does
Flags imports of `pyghmi` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
IPMI's authentication is weak (password hashes can be requested by anyone) and its traffic is easy to intercept.

## Example
```python
from pyghmi.ipmi import command
```

## Use instead
```python
# Manage hardware over Redfish/HTTPS or another encrypted protocol.
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B415 (import_pyghmi)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["pyghmi"],
    message: "An IPMI-related module is being imported. IPMI is considered insecure. Use an encrypted protocol.",
};
