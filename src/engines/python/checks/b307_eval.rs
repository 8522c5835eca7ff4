//! B307 `eval`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Use of eval.

## What it does
Flags calls to `eval`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
`eval` runs arbitrary Python; anyone who controls part of the string controls the process.

## Example
```python
value = eval(request.args['v'])
```

## Use instead
```python
import ast
value = ast.literal_eval(request.args['v'])
```

## References
- CWE-78: Improper Neutralization of Special Elements used in an OS Command ('OS Command Injection') (https://cwe.mitre.org/data/definitions/78.html)
- bandit B307 (eval)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["eval"],
    message: "Use of possibly insecure function - consider using safer ast.literal_eval.",
};
