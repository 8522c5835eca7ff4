//! B105 `hardcoded_password_string`.

use tree_sitter::Node;

use super::common::password_name;
use super::prelude::*;

doc!(
    "Hardcoded password string.

## What it does
Flags a string literal assigned to, stored under, or compared with a name that
looks like a password (`password`, `pwd`, `token`, `secret`, `passphrase`, as a
whole name or an `_`-separated part): `password = \"...\"`, `d[\"token\"] = \"...\"`,
`{\"password\": \"...\"}`, `if pwd == \"...\"`.

## Why is this bad?
Credentials in source code end up in every clone, backup, image and log of the
repository and cannot be rotated without a code change.

## Example
```python
DB_PASSWORD = \"hunter2\"
```

## Use instead
```python
import os
DB_PASSWORD = os.environ[\"DB_PASSWORD\"]
```

## References
- CWE-259: Use of Hard-coded Password (https://cwe.mitre.org/data/definitions/259.html)
- bandit B105 (hardcoded_password_string)"
);

fn report(out: &mut Hits, value: &str) {
    out.add_password(value, None);
}

/// The name an assignment target binds, if it is a name or an attribute.
fn target_name<'a>(cx: &Cx<'a>, t: Node<'_>) -> Option<&'a str> {
    let t = unparen(cx.k, t);
    if t.kind_id() == cx.k.identifier {
        return Some(cx.text(t));
    }
    if t.kind_id() == cx.k.attribute {
        return t
            .child_by_field_id(crate::python::tree::fields().attribute)
            .map(|a| cx.text(a));
    }
    None
}

/// Every target of the assignment chain `a = b = value` whose value node is
/// `inner`; `parents` are `inner`'s ancestors, innermost last.
fn assign_targets<'t>(
    k: &crate::python::tree::Kinds,
    inner: Node<'t>,
    parents: &[Node<'t>],
) -> Vec<Node<'t>> {
    let right = crate::python::tree::fields().right;
    let mut outer = inner;
    // `Node::parent` searches down from the root; the walk's ancestors are at hand.
    for &p in parents.iter().rev() {
        if p.kind_id() == k.assignment
            && p.child_by_field_id(right).map(|r| r.id()) == Some(outer.id())
        {
            outer = p;
        } else {
            break;
        }
    }
    let mut targets = Vec::new();
    let mut cur = Some(outer);
    while let Some(a) = cur.filter(|a| a.kind_id() == k.assignment) {
        if let Some(l) = a.child_by_field_id(crate::python::tree::fields().left) {
            targets.push(l);
        }
        cur = a.child_by_field_id(crate::python::tree::fields().right);
    }
    targets
}

/// The value of the AST Assign holding `n` (a subscript target), if it is a str constant.
fn assigned_str(cx: &Cx<'_>, n: Node<'_>) -> Option<String> {
    let k = cx.k;
    let mut cur = n;
    while let Some(p) = cur.parent() {
        if p.kind_id() == k.parenthesized_expression {
            cur = p;
            continue;
        }
        if p.kind_id() != k.assignment
            || p.child_by_field_id(crate::python::tree::fields().type_)
                .is_some()
        {
            return None;
        }
        // The chain's value is the innermost right-hand side.
        let mut value = p.child_by_field_id(crate::python::tree::fields().right)?;
        while value.kind_id() == k.assignment {
            value = value.child_by_field_id(crate::python::tree::fields().right)?;
        }
        if is_str_constant(k, cx.src, value) {
            let mut buf = String::new();
            return Some(constant_value(k, cx.src, unparen(k, value), &mut buf).value);
        }
        return None;
    }
    None
}

/// The string is an assignment's value, a dict key, a subscript, or in a comparison.
pub fn check(cx: &Cx<'_>, s: &Str<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    let Some(p) = s.parent_node else { return };
    match s.parent {
        StrParent::Assign => {
            let anc = s.ancestors;
            let parents = anc
                .iter()
                .rposition(|a| a.id() == p.id())
                .map_or(&anc[..0], |i| &anc[..i]);
            for t in assign_targets(k, p, parents) {
                if target_name(cx, t).is_some_and(password_name) {
                    report(out, s.value);
                    return;
                }
            }
        }
        StrParent::Dict { key: true } => {
            if !password_name_search(s.value) {
                return;
            }
            if let Some(v) = p.child_by_field_id(crate::python::tree::fields().value) {
                if is_constant(k, cx.src, v) {
                    report(out, &literal(k, cx.src, v).py_str());
                }
            }
        }
        StrParent::Subscript => {
            if !password_name_search(s.value) {
                return;
            }
            if let Some(v) = assigned_str(cx, p) {
                report(out, &v);
            }
        }
        StrParent::Compare => {
            let mut it = children(k, p);
            let Some(left) = it.next().map(|l| unparen(k, l)) else {
                return;
            };
            let Some(first) = it.next() else { return };
            if let Some(name) = target_name(cx, left) {
                if password_name(name) && is_str_constant(k, cx.src, first) {
                    let mut buf = String::new();
                    let v = constant_value(k, cx.src, unparen(k, first), &mut buf).value;
                    report(out, &v);
                }
            }
        }
        _ => {}
    }
}

fn password_name_search(v: &str) -> bool {
    password_name(v)
}
