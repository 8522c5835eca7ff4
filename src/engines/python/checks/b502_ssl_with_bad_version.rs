//! B502 `ssl_with_bad_version`.

use super::prelude::*;

doc!("SSL/TLS with an insecure protocol version.

## What it does
Flags `ssl.wrap_socket(ssl_version=...)`, `pyOpenSSL.SSL.Context(method=...)` and
any call with a `method=` or `ssl_version=` keyword naming SSLv2, SSLv3, TLSv1 or
TLSv1.1 (the list is configurable as `bad_protocol_versions`). Reported on the
keyword's line.

## Why is this bad?
These protocol versions have known attacks (DROWN, POODLE, BEAST) that let a
network attacker decrypt or tamper with the traffic.

## Example
```python
import ssl
ssl.wrap_socket(sock, ssl_version=ssl.PROTOCOL_SSLv3)
```

## Use instead
```python
import ssl
ctx = ssl.create_default_context()
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
ctx.wrap_socket(sock, server_hostname=host)
```

## References
- CWE-327: Use of a Broken or Risky Cryptographic Algorithm (https://cwe.mitre.org/data/definitions/327.html)
- bandit B502 (ssl_with_bad_version)");

fn is_bad(cx: &Cx<'_>, call: &Call<'_, '_>, kw: &str) -> bool {
    match call.kw_value(cx, kw) {
        Lit::Str(s) => cx.opts.bad_protocol_versions.contains(&s),
        _ => false,
    }
}

/// A bad protocol constant passed as `ssl_version=` or `method=`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual == "ssl.wrap_socket" {
        if is_bad(cx, call, "ssl_version") {
            out.add_at(
                Severity::High,
                Confidence::High,
                "ssl.wrap_socket call with insecure SSL/TLS protocol version identified, security issue.",
                call.kw_line("ssl_version"),
            );
        }
    } else if call.qual == "pyOpenSSL.SSL.Context" {
        if is_bad(cx, call, "method") {
            out.add_at(
                Severity::High,
                Confidence::High,
                "SSL.Context call with insecure SSL/TLS protocol version identified, security issue.",
                call.kw_line("method"),
            );
        }
    } else if is_bad(cx, call, "method") || is_bad(cx, call, "ssl_version") {
        out.add_at(
            Severity::Medium,
            Confidence::Medium,
            "Function call with insecure SSL/TLS protocol identified, possible security issue.",
            call.kw_line("method")
                .or_else(|| call.kw_line("ssl_version")),
        );
    }
}
