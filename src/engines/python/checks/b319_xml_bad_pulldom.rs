//! B319 `xml_bad_pulldom`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Untrusted XML parsed with xml.dom.pulldom.

## What it does
Flags calls to `xml.dom.pulldom.parse`, `xml.dom.pulldom.parseString`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
The standard library XML parsers resolve entities and DTDs: a crafted document can expand into gigabytes (billion laughs), read local files or reach internal hosts (XXE).

## Example
```python
from xml.dom import pulldom
events = pulldom.parseString(body)
```

## Use instead
```python
from defusedxml import pulldom
events = pulldom.parseString(body)
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B319 (xml_bad_pulldom)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["xml.dom.pulldom.parse", "xml.dom.pulldom.parseString"],
    message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with its defusedxml equivalent function or make sure defusedxml.defuse_stdlib() is called",
};
