//! B610 `django_extra_used`.

use tree_sitter::Node;

use super::prelude::*;

doc!("Django QuerySet.extra with non-literal SQL.

## What it does
Flags `.extra(...)` calls whose `where` or `tables` are not lists of string
literals, or whose `select` is not a dict of string literals.

## Why is this bad?
`extra()` pastes its arguments into the SQL statement; anything not a constant
may carry user input into the query (SQL injection).

## Example
```python
User.objects.extra(where=[\"name = '%s'\" % name])
```

## Use instead
```python
User.objects.extra(where=[\"name = %s\"], params=[name])
# or better: User.objects.filter(name=name)
```

## References
- CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection') (https://cwe.mitre.org/data/definitions/89.html)
- bandit B610 (django_extra_used)");

const POSITIONS: [&str; 6] = [
    "select",
    "where",
    "params",
    "tables",
    "order_by",
    "select_params",
];

/// `qs.extra(where=[...])` with something other than literals.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    if call.name != "extra" {
        return;
    }
    let get = |key: &str| -> Option<Node<'_>> {
        let pos = POSITIONS.iter().position(|p| *p == key)?;
        call.args
            .get(pos)
            .copied()
            .or_else(|| {
                call.kws
                    .iter()
                    .rev()
                    .find(|(n, _)| *n == Some(key))
                    .map(|(_, v)| *v)
            })
            .map(|n| unparen(k, n))
    };
    let str_lit = |n: Node<'_>| is_str_constant(k, cx.src, n);
    let mut insecure = false;
    for key in ["where", "tables"] {
        if let Some(v) = get(key) {
            if v.kind_id() == k.list {
                if children(k, v).any(|e| !str_lit(e)) {
                    insecure = true;
                }
            } else {
                insecure = true;
                break;
            }
        }
    }
    if !insecure {
        if let Some(sel) = get("select") {
            if sel.kind_id() == k.dictionary {
                for p in children(k, sel) {
                    if p.kind_id() != k.pair {
                        insecure = true;
                        break;
                    }
                    let key_ok = p
                        .child_by_field_id(crate::python::tree::fields().key)
                        .is_some_and(str_lit);
                    let val_ok = p
                        .child_by_field_id(crate::python::tree::fields().value)
                        .is_some_and(str_lit);
                    if !key_ok || !val_ok {
                        insecure = true;
                        break;
                    }
                }
            } else {
                insecure = true;
            }
        }
    }
    if insecure {
        out.add(
            Severity::Medium,
            Confidence::Medium,
            "Use of extra potential SQL attack vector.",
        );
    }
}
