//! B303 `md5`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Insecure MD2/MD4/MD5/SHA1 hash (pycrypto, cryptography).

## What it does
Flags calls to `Crypto.Hash.MD2.new`, `Crypto.Hash.MD4.new`, `Crypto.Hash.MD5.new`, `Crypto.Hash.SHA.new`, `Cryptodome.Hash.MD2.new`, `Cryptodome.Hash.MD4.new`, `Cryptodome.Hash.MD5.new`, `Cryptodome.Hash.SHA.new`, `cryptography.hazmat.primitives.hashes.MD5`, `cryptography.hazmat.primitives.hashes.SHA1`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
MD2, MD4, MD5 and SHA1 have practical collision attacks; signatures, integrity checks and password hashes built on them can be forged.

## Example
```python
from Crypto.Hash import MD5
h = MD5.new(data)
```

## Use instead
```python
from cryptography.hazmat.primitives import hashes
h = hashes.Hash(hashes.SHA256())
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B303 (md5)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &[
        "Crypto.Hash.MD2.new",
        "Crypto.Hash.MD4.new",
        "Crypto.Hash.MD5.new",
        "Crypto.Hash.SHA.new",
        "Cryptodome.Hash.MD2.new",
        "Cryptodome.Hash.MD4.new",
        "Cryptodome.Hash.MD5.new",
        "Cryptodome.Hash.SHA.new",
        "cryptography.hazmat.primitives.hashes.MD5",
        "cryptography.hazmat.primitives.hashes.SHA1",
    ],
    message: "Use of insecure MD2, MD4, MD5, or SHA1 hash function.",
};
