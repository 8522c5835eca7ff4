//! B608 `hardcoded_sql_expressions`.

use std::sync::OnceLock;

use regex::Regex;
use tree_sitter::Node;

use super::prelude::*;
use crate::python::walk::ast_parent_index;

doc!("SQL built from strings.

## What it does
Flags a string literal that looks like SQL (`SELECT ... FROM`, `DELETE FROM`,
`INSERT INTO ... VALUES`, `UPDATE ... SET`) and is being combined with other
values: an operand of `+` or `%` (together with the other literals of the
expression), the receiver of `.format()` / `.replace()`, or the text of an
f-string. MEDIUM confidence when the result goes straight into
`execute()`/`executemany()` (not for `.replace`), LOW otherwise. Reported on
the string's line.

## Why is this bad?
Values pasted into SQL text can change the query: an attacker who controls one
can read or modify any data the connection can reach (SQL injection).

## Example
```python
cur.execute(\"SELECT * FROM users WHERE name = '%s'\" % name)
```

## Use instead
```python
cur.execute(\"SELECT * FROM users WHERE name = %s\", (name,))
```

## References
- CWE-89: Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection') (https://cwe.mitre.org/data/definitions/89.html)
- bandit B608 (hardcoded_sql_expressions)");

fn sql_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?is)(select\s.*from\s|delete\s+from\s|insert\s+into\s.*values[\s(]|update\s.*set\s)",
        )
        .expect("valid regex")
    })
}

/// Whether the call node is `*.execute(...)` / `execute(...)` (or executemany).
fn is_execute(cx: &Cx<'_>, call: Node<'_>) -> bool {
    let k = cx.k;
    if call.kind_id() != k.call {
        return false;
    }
    let Some(f) = call
        .child_by_field_id(crate::python::tree::fields().function)
        .map(|f| unparen(k, f))
    else {
        return false;
    };
    let name = if f.kind_id() == k.attribute {
        f.child_by_field_id(crate::python::tree::fields().attribute)
            .map_or("", |a| cx.text(a))
    } else if f.kind_id() == k.identifier {
        cx.text(f)
    } else {
        ""
    };
    name == "execute" || name == "executemany"
}

/// `concat_string`: the string, then every other str literal of the whole `+`/`%`
/// expression (left to right) outside the string's own operator, joined with spaces.
fn concat(cx: &Cx<'_>, s: &Str<'_, '_>, own: Node<'_>, top: Node<'_>) -> String {
    let k = cx.k;
    let mut statement = s.value.to_string();
    let mut todo = vec![top];
    let mut buf = String::new();
    while let Some(n) = todo.pop() {
        if n.kind_id() == k.binary_operator {
            if n.id() == own.id() {
                continue;
            }
            // Right first on the stack, so the left operand is taken first.
            for side in [
                n.child_by_field_id(crate::python::tree::fields().right),
                n.child_by_field_id(crate::python::tree::fields().left),
            ]
            .into_iter()
            .flatten()
            {
                todo.push(unparen(k, side));
            }
        } else if is_str_constant(k, cx.src, n) {
            statement.push(' ');
            statement.push_str(&constant_value(k, cx.src, n, &mut buf).value);
        }
    }
    statement
}

/// The SQL-looking string and how it is used.
pub fn check(cx: &Cx<'_>, s: &Str<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    let anc = s.ancestors;
    let (execute, statement, replace) = match s.parent {
        StrParent::BinOp => {
            let Some(mut i) = ast_parent_index(k, anc) else {
                return;
            };
            let own = anc[i];
            let mut wrapper = None;
            loop {
                match ast_parent_index(k, &anc[..i]) {
                    Some(j) if anc[j].kind_id() == k.binary_operator => i = j,
                    Some(j) => {
                        wrapper = Some(anc[j]);
                        break;
                    }
                    None => break,
                }
            }
            let top = anc[i];
            let statement = concat(cx, s, own, top);
            (wrapper.is_some_and(|w| is_execute(cx, w)), statement, false)
        }
        StrParent::Attribute => {
            let Some(i) = ast_parent_index(k, anc) else {
                return;
            };
            let attr = anc[i];
            let name = attr
                .child_by_field_id(crate::python::tree::fields().attribute)
                .map_or("", |a| cx.text(a));
            if name != "format" && name != "replace" {
                return;
            }
            // attribute -> its parent (the call) -> that call's parent.
            let wrapper = ast_parent_index(k, &anc[..i])
                .and_then(|j| ast_parent_index(k, &anc[..j]))
                .map(|j| anc[j]);
            (
                wrapper.is_some_and(|w| is_execute(cx, w)),
                s.value.to_string(),
                name == "replace",
            )
        }
        StrParent::JoinedStr { first: true } => {
            let wrapper = ast_parent_index(k, anc).map(|j| anc[j]);
            (
                wrapper.is_some_and(|w| is_execute(cx, w)),
                s.joined.to_string(),
                false,
            )
        }
        _ => return,
    };
    if sql_re().is_match(&statement) {
        let confidence = if execute && !replace {
            Confidence::Medium
        } else {
            Confidence::Low
        };
        out.add(
            Severity::Medium,
            confidence,
            "Possible SQL injection vector through string-based query construction.",
        );
    }
}
