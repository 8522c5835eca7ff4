//! B305 `cipher_modes`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Insecure ECB cipher mode.

## What it does
Flags calls to `cryptography.hazmat.primitives.ciphers.modes.ECB`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
ECB encrypts equal blocks to equal ciphertext: patterns in the plaintext show through and blocks can be reordered.

## Example
```python
from cryptography.hazmat.primitives.ciphers import modes
mode = modes.ECB()
```

## Use instead
```python
from cryptography.hazmat.primitives.ciphers import modes
mode = modes.GCM(iv)
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B305 (cipher_modes)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["cryptography.hazmat.primitives.ciphers.modes.ECB"],
    message: "Use of insecure cipher mode {name}.",
};
