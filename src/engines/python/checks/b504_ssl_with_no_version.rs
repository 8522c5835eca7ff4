//! B504 `ssl_with_no_version`.

use super::prelude::*;

doc!("ssl.wrap_socket without a protocol version.

## What it does
Flags `ssl.wrap_socket(...)` without a literal `ssl_version=`.

## Why is this bad?
The default (SSLv23 on old Pythons) negotiates the best version both sides
support, which can include broken SSL/TLS versions.

## Example
```python
import ssl
ssl.wrap_socket(sock)
```

## Use instead
```python
import ssl
ctx = ssl.create_default_context()
ctx.wrap_socket(sock, server_hostname=host)
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B504 (ssl_with_no_version)");

/// `ssl.wrap_socket(sock)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual == "ssl.wrap_socket" && call.kw_value(cx, "ssl_version") == Lit::Unknown {
        out.add_at(
            Severity::Low,
            Confidence::Medium,
            "ssl.wrap_socket call with no SSL/TLS protocol version specified, the default SSLv23 could be insecure, possible security issue.",
            call.kw_line("ssl_version"),
        );
    }
}
