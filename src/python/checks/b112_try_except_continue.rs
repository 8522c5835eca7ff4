//! B112 `try_except_continue`.

use tree_sitter::Node;

use super::prelude::*;

doc!("Try, except, continue.

## What it does
Flags an `except` clause (`except*` too) whose whole body is `continue`, when it
catches everything (bare `except:` or `except Exception:`; any type with
`check_typed_exception`).

## Why is this bad?
Swallowing every exception hides failures, including security-relevant ones
(a failed permission check, a tampered input), and makes incidents invisible.

## Example
```python
for item in items:
    try:
        process(item)
    except Exception:
        continue
```

## Use instead
```python
for item in items:
    try:
        process(item)
    except ValueError:
        log.warning(\"skipping bad item %r\", item)
```

## References
- CWE-703: Improper Check or Handling of Exceptional Conditions (https://cwe.mitre.org/data/definitions/703.html)
- bandit B112 (try_except_continue)");

/// `except: continue`.
pub fn check(cx: &Cx<'_>, n: Node<'_>, out: &mut Hits) {
    let k = cx.k;
    if !cx.opts.continue_typed {
        if let Some(t) = crate::python::tree::except_type(k, n) {
            if !(t.kind_id() == k.identifier && cx.text(t) == "Exception") {
                return;
            }
        }
    }
    let Some(body) = children(k, n).find(|c| c.kind_id() == k.block) else {
        return;
    };
    let mut stmts = children(k, body);
    if let (Some(only), None) = (stmts.next(), stmts.next()) {
        if only.kind_id() == k.continue_statement {
            out.add(
                Severity::Low,
                Confidence::High,
                "Try, Except, Continue detected.",
            );
        }
    }
}
