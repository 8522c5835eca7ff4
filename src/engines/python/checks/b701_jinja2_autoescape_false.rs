//! B701 `jinja2_autoescape_false`.

use std::collections::VecDeque;

use super::common::has_part;
use super::prelude::*;

doc!("jinja2 Environment without autoescaping.

## What it does
Flags `jinja2.Environment(...)` without `autoescape=`, with `autoescape=False`,
or with an `autoescape=` value other than `True` or a `select_autoescape(...)` call.

## Why is this bad?
Without autoescaping, values rendered into HTML templates are inserted raw: any
user-controlled value can inject script (XSS).

## Example
```python
import jinja2
env = jinja2.Environment(loader=jinja2.FileSystemLoader(\"templates\"))
```

## Use instead
```python
import jinja2
env = jinja2.Environment(
    loader=jinja2.FileSystemLoader(\"templates\"),
    autoescape=jinja2.select_autoescape(),
)
```

## References
- CWE-94: Improper Control of Generation of Code ('Code Injection') (https://cwe.mitre.org/data/definitions/94.html)
- bandit B701 (jinja2_autoescape_false)");

/// `jinja2.Environment(...)`: the first `autoescape=` keyword found breadth-first decides.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    if call.name != "Environment" || !has_part(call.qual, "jinja2") {
        return;
    }
    let mut queue = VecDeque::from([call.node]);
    while let Some(n) = queue.pop_front() {
        if n.kind_id() == k.keyword_argument
            && n.child_by_field_id(crate::python::tree::fields().name)
                .map(|x| cx.text(x))
                == Some("autoescape")
        {
            let Some(v) = n
                .child_by_field_id(crate::python::tree::fields().value)
                .map(|v| unparen(k, v))
            else {
                continue;
            };
            if v.kind_id() == k.false_ {
                out.add(
                    Severity::High,
                    Confidence::High,
                    "Using jinja2 templates with autoescape=False is dangerous and can lead to XSS. Use autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.",
                );
                return;
            }
            if v.kind_id() == k.true_ {
                return;
            }
            if v.kind_id() == k.call {
                let f = v
                    .child_by_field_id(crate::python::tree::fields().function)
                    .map(|f| unparen(k, f));
                let name = f.map_or("", |f| {
                    if f.kind_id() == k.attribute {
                        f.child_by_field_id(crate::python::tree::fields().attribute)
                            .map_or("", |a| cx.text(a))
                    } else if f.kind_id() == k.identifier {
                        cx.text(f)
                    } else {
                        ""
                    }
                });
                if name == "select_autoescape" {
                    return;
                }
            }
            out.add(
                Severity::High,
                Confidence::Medium,
                "Using jinja2 templates with autoescape=False is dangerous and can lead to XSS. Ensure autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.",
            );
            return;
        }
        for c in children(k, n) {
            queue.push_back(c);
        }
    }
    out.add(
        Severity::High,
        Confidence::High,
        "By default, jinja2 sets autoescape to False. Consider using autoescape=True or use the select_autoescape function to mitigate XSS vulnerabilities.",
    );
}
