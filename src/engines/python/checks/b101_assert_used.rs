//! B101 `assert_used`.

use tree_sitter::Node;

use super::common::fnmatch;
use super::prelude::*;

doc!("Use of assert.

## What it does
Flags every `assert` statement (except in files matching the `assert_used.skips` globs).

## Why is this bad?
Python removes asserts when it runs with `-O`: a check written as an assert (an
authorization test, input validation) silently disappears in optimised builds.

## Example
```python
def delete(user, item):
    assert user.is_admin
    item.delete()
```

## Use instead
```python
def delete(user, item):
    if not user.is_admin:
        raise PermissionError(user)
    item.delete()
```

## References
- CWE-703: Improper Check or Handling of Exceptional Conditions (https://cwe.mitre.org/data/definitions/703.html)
- bandit B101 (assert_used)");

/// Raise on an assert unless the file is in the configured skips.
pub fn check(cx: &Cx<'_>, _n: Node<'_>, out: &mut Hits) {
    if cx.opts.assert_skips.iter().any(|s| fnmatch(cx.path, s)) {
        return;
    }
    out.add(
        Severity::Low,
        Confidence::High,
        "Use of assert detected. The enclosed code will be removed when compiling to optimised byte code.",
    );
}
