//! B315 `xml_bad_expatreader`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Untrusted XML parsed with xml.sax.expatreader.

## What it does
Flags calls to `xml.sax.expatreader.create_parser`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
The standard library XML parsers resolve entities and DTDs: a crafted document can expand into gigabytes (billion laughs), read local files or reach internal hosts (XXE).

## Example
```python
import xml.sax.expatreader
parser = xml.sax.expatreader.create_parser()
```

## Use instead
```python
import defusedxml.expatreader
parser = defusedxml.expatreader.create_parser()
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B315 (xml_bad_expatreader)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["xml.sax.expatreader.create_parser"],
    message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Replace {name} with its defusedxml equivalent function or make sure defusedxml.defuse_stdlib() is called",
};
