//! B104 `hardcoded_bind_all_interfaces`.

use super::prelude::*;

doc!(
    "Binding to all network interfaces.

## What it does
Flags the string `\"0.0.0.0\"` anywhere in code (not in docstrings).

## Why is this bad?
A service bound to 0.0.0.0 listens on every interface, including public ones,
which is often more exposure than intended (debug servers, admin ports).

## Example
```python
app.run(host=\"0.0.0.0\")
```

## Use instead
```python
app.run(host=\"127.0.0.1\")  # or the one interface the service should serve
```

## References
- CWE-605: Multiple Binds to the Same Port (https://cwe.mitre.org/data/definitions/605.html)
- bandit B104 (hardcoded_bind_all_interfaces)"
);

/// `\"0.0.0.0\"`.
pub fn check(_cx: &Cx<'_>, s: &Str<'_, '_>, out: &mut Hits) {
    if s.value == "0.0.0.0" {
        out.add(
            Severity::Medium,
            Confidence::Medium,
            "Possible binding to all interfaces.",
        );
    }
}
