//! B503 `ssl_with_bad_defaults`.

use tree_sitter::Node;

use super::b107_hardcoded_password_default::positional;
use super::prelude::*;
use crate::python::context::qual_attr;

doc!("Function with an insecure SSL/TLS protocol version as a default.

## What it does
Flags a function (`def`, not `async def`) whose positional parameter default is
an attribute naming a bad protocol version (`ssl.PROTOCOL_SSLv3`, ...).

## Why is this bad?
Callers that do not pass the argument get a protocol with known attacks
(DROWN, POODLE, BEAST) that let a network attacker decrypt or tamper with traffic.

## Example
```python
import ssl
def connect(sock, version=ssl.PROTOCOL_TLSv1):
    ...
```

## Use instead
```python
import ssl
def connect(sock, version=ssl.PROTOCOL_TLS_CLIENT):
    ...
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B503 (ssl_with_bad_defaults)");

/// `def f(v=ssl.PROTOCOL_SSLv2)`.
pub fn check(cx: &Cx<'_>, def: Node<'_>, out: &mut Hits) {
    let (_, defaults) = positional(cx, def);
    for d in defaults {
        let q = qual_attr(cx.k, cx.src, cx.imports, d);
        let last = q.rsplit('.').next().unwrap_or("");
        if cx.opts.bad_protocol_versions.iter().any(|b| b == last) {
            out.add(
                Severity::Medium,
                Confidence::Medium,
                "Function definition identified with insecure SSL/TLS protocol version by default, possible security issue.",
            );
            return;
        }
    }
}
