//! B107 `hardcoded_password_default`.

use tree_sitter::Node;

use super::common::{has_default, password_name};
use super::prelude::*;

doc!(
    "Hardcoded password as a default argument.

## What it does
Flags a function (`def`, not `async def` or lambda) whose positional parameter
with a password-like name has a string literal default. Reported on the `def` line.

## Why is this bad?
A default password is a credential in source code, and callers that forget the
argument silently use it.

## Example
```python
def connect(user, password=\"hunter2\"):
    ...
```

## Use instead
```python
def connect(user, password):
    ...
```

## References
- CWE-259: Use of Hard-coded Password (https://cwe.mitre.org/data/definitions/259.html)
- bandit B107 (hardcoded_password_default)"
);

/// Positional parameters (`args.args`) and positional defaults (`args.defaults`) as the AST has them.
pub fn positional<'t>(cx: &Cx<'_>, def: Node<'t>) -> (Vec<Node<'t>>, Vec<Node<'t>>) {
    let k = cx.k;
    let mut params = Vec::new();
    let mut defaults = Vec::new();
    let Some(ps) = def.child_by_field_id(crate::python::tree::fields().parameters) else {
        return (params, defaults);
    };
    for p in children(k, ps) {
        let pk = p.kind_id();
        if pk == k.positional_separator {
            // Parameters before `/` are positional-only: not in `args.args`.
            params.clear();
            continue;
        }
        if pk == k.list_splat_pattern
            || pk == k.keyword_separator
            || pk == k.dictionary_splat_pattern
        {
            break;
        }
        if pk == k.default_parameter || pk == k.typed_default_parameter {
            params.push(p);
            if let Some(v) = p.child_by_field_id(crate::python::tree::fields().value) {
                defaults.push(v);
            }
        } else {
            params.push(p);
        }
    }
    (params, defaults)
}

fn param_name<'a>(cx: &Cx<'a>, p: Node<'_>) -> &'a str {
    let k = cx.k;
    if p.kind_id() == k.identifier {
        return cx.text(p);
    }
    if let Some(n) = p.child_by_field_id(crate::python::tree::fields().name) {
        return cx.text(n);
    }
    children(k, p)
        .find(|c| c.kind_id() == k.identifier)
        .map_or("", |c| cx.text(c))
}

/// `def f(password=\"...\")`: the first such parameter.
pub fn check(cx: &Cx<'_>, def: Node<'_>, out: &mut Hits) {
    let k = cx.k;
    if !has_default(cx, def) {
        return;
    }
    let (params, defaults) = positional(cx, def);
    let missing = params.len().saturating_sub(defaults.len());
    for (i, p) in params.iter().enumerate() {
        let Some(v) = i.checked_sub(missing).and_then(|j| defaults.get(j)) else {
            continue;
        };
        let v = unparen(k, *v);
        if v.kind_id() == k.none {
            continue;
        }
        if is_str_constant(k, cx.src, v) && password_name(param_name(cx, *p)) {
            let mut buf = String::new();
            let value = constant_value(k, cx.src, v, &mut buf).value;
            out.add_password(&value, None);
            return;
        }
    }
}
