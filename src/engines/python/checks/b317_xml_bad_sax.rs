//! B317 `xml_bad_sax`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Untrusted XML parsed with xml.sax.

## What it does
Flags calls to `xml.sax.parse`, `xml.sax.parseString`, `xml.sax.make_parser`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
The standard library XML parsers resolve entities and DTDs: a crafted document can expand into gigabytes (billion laughs), read local files or reach internal hosts (XXE).

## Example
```python
import xml.sax
xml.sax.parseString(body, handler)
```

## Use instead
```python
import defusedxml.sax
defusedxml.sax.parseString(body, handler)
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B317 (xml_bad_sax)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["xml.sax.parse", "xml.sax.parseString", "xml.sax.make_parser"],
    message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with its defusedxml equivalent function or make sure defusedxml.defuse_stdlib() is called",
};
