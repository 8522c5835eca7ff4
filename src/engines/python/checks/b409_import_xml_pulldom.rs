//! B409 `import_xml_pulldom`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of xml.dom.pulldom.

## What it does
Flags imports of `xml.dom.pulldom` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
The standard library XML parsers resolve entities and DTDs: a crafted document can expand into gigabytes (billion laughs), read local files or reach internal hosts (XXE).

## Example
```python
from xml.dom import pulldom
```

## Use instead
```python
from defusedxml import pulldom
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B409 (import_xml_pulldom)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["xml.dom.pulldom"],
    message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with the equivalent defusedxml package, or make sure defusedxml.defuse_stdlib() is called.",
};
