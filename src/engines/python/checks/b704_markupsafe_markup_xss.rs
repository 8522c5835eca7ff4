//! B704 `markupsafe_markup_xss`.

use super::prelude::*;
use crate::python::context::qual_name;

doc!("markupsafe.Markup on non-literal data.

## What it does
Flags `markupsafe.Markup(...)` / `flask.Markup(...)` (plus configured
`extend_markup_names`) whose first argument is not a literal, unless it is a
call to one of the configured `allowed_calls`.

## Why is this bad?
`Markup` declares its argument safe HTML: user data passed to it is rendered
without escaping (XSS).

## Example
```python
from markupsafe import Markup
html = Markup(f\"<b>{username}</b>\")
```

## Use instead
```python
from markupsafe import Markup, escape
html = Markup(\"<b>{}</b>\").format(username)  # format() escapes its arguments
```

## References
- CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting') (https://cwe.mitre.org/data/definitions/79.html)
- bandit B704 (markupsafe_markup_xss)");

/// `Markup(value)` with a non-literal value.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    let q = call.qual;
    if q != "markupsafe.Markup"
        && q != "flask.Markup"
        && !cx.opts.extend_markup_names.iter().any(|n| n == q)
    {
        return;
    }
    let Some(first) = call.args.first().map(|a| unparen(k, *a)) else {
        return;
    };
    if is_constant(k, cx.src, first) {
        return;
    }
    if !cx.opts.allowed_calls.is_empty() && first.kind_id() == k.call {
        if let Some(f) = first.child_by_field_id(crate::python::tree::fields().function) {
            let mut name = String::new();
            qual_name(k, cx.src, cx.imports, f, &mut name);
            if cx.opts.allowed_calls.contains(&name) {
                return;
            }
        }
    }
    out.add(
        Severity::Medium,
        Confidence::High,
        format!(
            "Potential XSS with ``{q}`` detected. Do not use ``{}`` on untrusted data.",
            call.name
        ),
    );
}
