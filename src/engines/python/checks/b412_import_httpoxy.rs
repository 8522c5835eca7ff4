//! B412 `import_httpoxy`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Import of a CGI handler open to httpoxy.

## What it does
Flags imports of `wsgiref.handlers.CGIHandler`, `twisted.web.twcgi.CGIScript`, `twisted.web.twcgi.CGIDirectory` (and anything under them), and `__import__` / `importlib.import_module` calls naming them. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
CGI handlers map the `Proxy:` request header to `HTTP_PROXY`; a client can then redirect the application's outgoing HTTP requests (httpoxy).

## Example
```python
from wsgiref.handlers import CGIHandler
```

## Use instead
```python
# Serve WSGI apps with a WSGI server (gunicorn, uwsgi) instead of CGI.
```

## References
- CWE-284: Improper Access Control (https://cwe.mitre.org/data/definitions/284.html)
- bandit B412 (import_httpoxy)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &[
        "wsgiref.handlers.CGIHandler",
        "twisted.web.twcgi.CGIScript",
        "twisted.web.twcgi.CGIDirectory",
    ],
    message: "Consider possible security implications associated with {name} module.",
};
