//! B413 `import_pycrypto`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of the unmaintained pyCrypto.

## What it does
Flags imports of `Crypto.Cipher`, `Crypto.Hash`, `Crypto.IO`, `Crypto.Protocol`, `Crypto.PublicKey`, `Crypto.Random`, `Crypto.Signature`, `Crypto.Util` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
pyCrypto is unmaintained and has known vulnerabilities (e.g. a heap overflow in AES.new).

## Example
```python
from Crypto.Cipher import AES
```

## Use instead
```python
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B413 (import_pycrypto)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["Crypto.Cipher", "Crypto.Hash", "Crypto.IO", "Crypto.Protocol", "Crypto.PublicKey", "Crypto.Random", "Crypto.Signature", "Crypto.Util"],
    message: "The pyCrypto library and its module {name} are no longer actively maintained and have been deprecated. Consider using pyca/cryptography library.",
};
