//! B311 `random`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Non-cryptographic random generator.

## What it does
Flags calls to `random.Random`, `random.random`, `random.randrange`, `random.randint`, `random.choice`, `random.choices`, `random.uniform`, `random.triangular`, `random.randbytes`, `random.sample`, `random.randrange`, `random.getrandbits`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
The `random` module is a Mersenne Twister: its output is predictable after observing a few values, so tokens, passwords or nonces made with it can be guessed.

## Example
```python
import random
token = ''.join(random.choice(ALPHABET) for _ in range(32))
```

## Use instead
```python
import secrets
token = secrets.token_urlsafe(32)
```

## References
- CWE-330: Use of Insufficiently Random Values (https://cwe.mitre.org/data/definitions/330.html)
- bandit B311 (random)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &[
        "random.Random",
        "random.random",
        "random.randrange",
        "random.randint",
        "random.choice",
        "random.choices",
        "random.uniform",
        "random.triangular",
        "random.randbytes",
        "random.sample",
        "random.randrange",
        "random.getrandbits",
    ],
    message:
        "Standard pseudo-random generators are not suitable for security/cryptographic purposes.",
};
