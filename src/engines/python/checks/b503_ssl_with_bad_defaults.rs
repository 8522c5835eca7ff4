//! B503 `ssl_with_bad_defaults`.

use tree_sitter::Node;

use super::common::has_default;
use super::prelude::*;
use crate::python::tree::fields;

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
    let k = cx.k;
    if !has_default(cx, def) {
        return;
    }
    let fx = fields();
    let Some(ps) = def.child_by_field_id(fx.parameters) else {
        return;
    };
    // The positional defaults (`args.defaults`), as `positional` finds them.
    for p in children(k, ps) {
        let pk = p.kind_id();
        if pk == k.list_splat_pattern
            || pk == k.keyword_separator
            || pk == k.dictionary_splat_pattern
        {
            break;
        }
        if pk != k.default_parameter && pk != k.typed_default_parameter {
            continue;
        }
        let Some(d) = p.child_by_field_id(fx.value) else {
            continue;
        };
        // `get_qual_attr(d)`'s last part: the attribute name, or "" for anything else.
        let d = unparen(k, d);
        let last = if d.kind_id() == k.attribute {
            d.child_by_field_id(fx.attribute).map_or("", |a| cx.text(a))
        } else {
            ""
        };
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
