//! B304 `ciphers`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Insecure cipher (ARC2, ARC4, Blowfish, DES, XOR, CAST5, IDEA, SEED, 3DES).

## What it does
Flags calls to `Crypto.Cipher.ARC2.new`, `Crypto.Cipher.ARC4.new`, `Crypto.Cipher.Blowfish.new`, `Crypto.Cipher.DES.new`, `Crypto.Cipher.XOR.new`, `Cryptodome.Cipher.ARC2.new`, `Cryptodome.Cipher.ARC4.new`, `Cryptodome.Cipher.Blowfish.new`, `Cryptodome.Cipher.DES.new`, `Cryptodome.Cipher.XOR.new`, `cryptography.hazmat.primitives.ciphers.algorithms.ARC4`, `cryptography.hazmat.primitives.ciphers.algorithms.Blowfish`, `cryptography.hazmat.primitives.ciphers.algorithms.CAST5`, `cryptography.hazmat.primitives.ciphers.algorithms.IDEA`, `cryptography.hazmat.primitives.ciphers.algorithms.SEED`, `cryptography.hazmat.primitives.ciphers.algorithms.TripleDES`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
These ciphers have small keys or blocks or known breaks; data encrypted with them can be recovered.

## Example
```python
from Crypto.Cipher import DES
c = DES.new(key, DES.MODE_CBC, iv)
```

## Use instead
```python
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
c = AESGCM(key)
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B304 (ciphers)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &[
        "Crypto.Cipher.ARC2.new",
        "Crypto.Cipher.ARC4.new",
        "Crypto.Cipher.Blowfish.new",
        "Crypto.Cipher.DES.new",
        "Crypto.Cipher.XOR.new",
        "Cryptodome.Cipher.ARC2.new",
        "Cryptodome.Cipher.ARC4.new",
        "Cryptodome.Cipher.Blowfish.new",
        "Cryptodome.Cipher.DES.new",
        "Cryptodome.Cipher.XOR.new",
        "cryptography.hazmat.primitives.ciphers.algorithms.ARC4",
        "cryptography.hazmat.primitives.ciphers.algorithms.Blowfish",
        "cryptography.hazmat.primitives.ciphers.algorithms.CAST5",
        "cryptography.hazmat.primitives.ciphers.algorithms.IDEA",
        "cryptography.hazmat.primitives.ciphers.algorithms.SEED",
        "cryptography.hazmat.primitives.ciphers.algorithms.TripleDES",
    ],
    message: "Use of insecure cipher {name}. Replace with a known secure cipher such as AES.",
};
