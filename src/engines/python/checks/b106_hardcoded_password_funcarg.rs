//! B106 `hardcoded_password_funcarg`.

use super::common::password_name;
use super::prelude::*;

doc!(
    "Hardcoded password passed as a keyword argument.

## What it does
Flags a call with a string literal passed to a keyword whose name looks like a
password (`password=\"...\"`, `token=\"...\"`, `api_secret=\"...\"`). Reported on
the line of the string.

## Why is this bad?
Credentials in source code end up in every clone, backup, image and log of the
repository and cannot be rotated without a code change.

## Example
```python
conn = connect(user=\"app\", password=\"hunter2\")
```

## Use instead
```python
import os
conn = connect(user=\"app\", password=os.environ[\"DB_PASSWORD\"])
```

## References
- CWE-259: Use of Hard-coded Password (https://cwe.mitre.org/data/definitions/259.html)
- bandit B106 (hardcoded_password_funcarg)"
);

/// `f(password=\"...\")`: the first such keyword.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    for (name, v) in call.kws {
        let Some(name) = name else { continue };
        if is_str_constant(cx.k, cx.src, *v) && password_name(name) {
            let mut buf = String::new();
            let value = constant_value(cx.k, cx.src, unparen(cx.k, *v), &mut buf).value;
            out.add_password(&value, Some(line(unparen(cx.k, *v))));
            return;
        }
    }
}
