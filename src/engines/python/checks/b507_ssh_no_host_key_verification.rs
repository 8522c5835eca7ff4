//! B507 `ssh_no_host_key_verification`.

use super::prelude::*;

doc!(
    "SSH without host key verification.

## What it does
In a file that imports paramiko, flags `set_missing_host_key_policy` with
`AutoAddPolicy` or `WarningPolicy`.

## Why is this bad?
Accepting unknown host keys lets anyone on the network path impersonate the
server and capture the credentials and commands sent to it.

## Example
```python
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
```

## Use instead
```python
client.load_system_host_keys()
client.set_missing_host_key_policy(paramiko.RejectPolicy())
```

## References
- CWE-295: Improper Certificate Validation (https://cwe.mitre.org/data/definitions/295.html)
- bandit B507 (ssh_no_host_key_verification)"
);

/// `client.set_missing_host_key_policy(AutoAddPolicy())`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    if call.name != "set_missing_host_key_policy" || !cx.imports.like("paramiko") {
        return;
    }
    let Some(a) = call.args.first().map(|a| unparen(k, *a)) else {
        return;
    };
    let name_of = |n: tree_sitter::Node<'_>| -> Option<&str> {
        if n.kind_id() == k.attribute {
            n.child_by_field_id(crate::python::tree::fields().attribute)
                .map(|x| cx.text(x))
        } else if n.kind_id() == k.identifier {
            Some(cx.text(n))
        } else {
            None
        }
    };
    let policy = if a.kind_id() == k.call {
        a.child_by_field_id(crate::python::tree::fields().function)
            .map(|f| unparen(k, f))
            .and_then(name_of)
    } else {
        name_of(a)
    };
    if matches!(policy, Some("AutoAddPolicy" | "WarningPolicy")) {
        out.add(
            Severity::High,
            Confidence::Medium,
            "Paramiko call with policy set to automatically trust the unknown host key.",
        );
    }
}
