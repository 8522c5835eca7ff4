//! B110 `try_except_pass`.

use tree_sitter::Node;

use super::common::except_body_is_only;
use super::prelude::*;

doc!("Try, except, pass.

## What it does
Flags an `except` clause (`except*` too) whose whole body is `pass`, when it
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
        pass
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
- bandit B110 (try_except_pass)");

/// `except: pass`.
pub fn check(cx: &Cx<'_>, n: Node<'_>, out: &mut Hits) {
    if except_body_is_only(cx, n, cx.k.pass_statement, cx.opts.pass_typed) {
        out.add(
            Severity::Low,
            Confidence::High,
            "Try, Except, Pass detected.",
        );
    }
}
