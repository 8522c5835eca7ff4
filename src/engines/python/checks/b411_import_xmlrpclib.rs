//! B411 `import_xmlrpclib`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of xmlrpc.

## What it does
Flags imports of `xmlrpc` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
XML-RPC parses XML from the network with the standard parsers and their entity expansion.

## Example
```python
import xmlrpc.client
```

## Use instead
```python
import defusedxml.xmlrpc
defusedxml.xmlrpc.monkey_patch()
import xmlrpc.client
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B411 (import_xmlrpclib)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["xmlrpc"],
    message: "Using {name} to parse untrusted XML data is known to be vulnerable to XML attacks. Use defusedxml.xmlrpc.monkey_patch() function to monkey-patch xmlrpclib and mitigate XML vulnerabilities.",
};
