//! B313 `xml_bad_cElementTree`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Untrusted XML parsed with xml.etree.cElementTree.

## What it does
Flags calls to `xml.etree.cElementTree.parse`, `xml.etree.cElementTree.iterparse`, `xml.etree.cElementTree.fromstring`, `xml.etree.cElementTree.XMLParser`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
The standard library XML parsers resolve entities and DTDs: a crafted document can expand into gigabytes (billion laughs), read local files or reach internal hosts (XXE).

## Example
```python
import xml.etree.cElementTree as ET
root = ET.fromstring(body)
```

## Use instead
```python
import defusedxml.ElementTree as ET
root = ET.fromstring(body)
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B313 (xml_bad_cElementTree)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["xml.etree.cElementTree.parse", "xml.etree.cElementTree.iterparse", "xml.etree.cElementTree.fromstring", "xml.etree.cElementTree.XMLParser"],
    message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with its defusedxml equivalent function or make sure defusedxml.defuse_stdlib() is called",
};
