//! B323 `unverified_context`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Unverified SSL context.

## What it does
Flags calls to `ssl._create_unverified_context`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
An unverified context accepts any certificate for any host: anyone on the network path can impersonate the server.

## Example
```python
import ssl
ctx = ssl._create_unverified_context()
```

## Use instead
```python
import ssl
ctx = ssl.create_default_context()
```

## References
- CWE-295: Improper Certificate Validation (https://cwe.mitre.org/data/definitions/295.html)
- bandit B323 (unverified_context)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["ssl._create_unverified_context"],
    message: "By default, Python will create a secure, verified ssl context for use in such classes as HTTPSConnection. However, it still allows using an insecure context via the _create_unverified_context that  reverts to the previous behavior that does not validate certificates or perform hostname checks.",
};
