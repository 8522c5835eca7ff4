//! B302 `marshal`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Deserializing with marshal.

## What it does
Flags calls to `marshal.load`, `marshal.loads`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
`marshal` is not secure against erroneous or maliciously constructed data; it is meant for Python's own .pyc files.

## Example
```python
import marshal
code = marshal.loads(blob)
```

## Use instead
```python
import json
data = json.loads(blob)
```

## References
- CWE-502: Deserialization of Untrusted Data (https://cwe.mitre.org/data/definitions/502.html)
- bandit B302 (marshal)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["marshal.load", "marshal.loads"],
    message: "Deserialization with the marshal module is possibly dangerous.",
};
