//! B308 `mark_safe`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Use of django mark_safe.

## What it does
Flags calls to `django.utils.safestring.mark_safe`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
`mark_safe` switches off Django's autoescaping for the value; user data in it becomes live HTML and script.

## Example
```python
from django.utils.safestring import mark_safe
html = mark_safe(user_bio)
```

## Use instead
```python
from django.utils.html import format_html
html = format_html('<p>{}</p>', user_bio)
```

## References
- CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting') (https://cwe.mitre.org/data/definitions/79.html)
- bandit B308 (mark_safe)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["django.utils.safestring.mark_safe"],
    message:
        "Use of mark_safe() may expose cross-site scripting vulnerabilities and should be reviewed.",
};
