//! B310 `urllib_urlopen`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("urlopen with unchecked schemes.

## What it does
Flags calls to `urllib.request.urlopen`, `urllib.request.urlretrieve`, `urllib.request.URLopener`, `urllib.request.FancyURLopener`, `six.moves.urllib.request.urlopen`, `six.moves.urllib.request.urlretrieve`, `six.moves.urllib.request.URLopener`, `six.moves.urllib.request.FancyURLopener`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
`urlopen` accepts `file:` and custom schemes: a user-supplied URL can read local files.

## Example
```python
import urllib.request
urllib.request.urlopen(url)
```

## Use instead
```python
if not url.startswith(('http://', 'https://')):
    raise ValueError(url)
urllib.request.urlopen(url)
```

## References
- CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal') (https://cwe.mitre.org/data/definitions/22.html)
- bandit B310 (urllib_urlopen)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["urllib.request.urlopen", "urllib.request.urlretrieve", "urllib.request.URLopener", "urllib.request.FancyURLopener", "six.moves.urllib.request.urlopen", "six.moves.urllib.request.urlretrieve", "six.moves.urllib.request.URLopener", "six.moves.urllib.request.FancyURLopener"],
    message: "Audit url open for permitted schemes. Allowing use of file:/ or custom schemes is often unexpected.",
};
