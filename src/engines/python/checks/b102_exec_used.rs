//! B102 `exec_used`.

use super::prelude::*;

doc!("Use of exec.

## What it does
Flags calls to the builtin `exec`.

## Why is this bad?
`exec` runs arbitrary Python code; if any part of the string comes from outside,
the author of that input controls the process.

## Example
```python
exec(request.form['code'])
```

## Use instead
```python
# Dispatch to known functions instead of executing text.
HANDLERS[request.form['action']]()
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command (https://cwe.mitre.org/data/definitions/78.html)
- bandit B102 (exec_used)");

/// `exec(...)`.
pub fn check(_cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual == "exec" {
        out.add(Severity::Medium, Confidence::High, "Use of exec detected.");
    }
}
