//! B501 `request_with_no_cert_validation`.

use super::common::http_client_call;
use super::prelude::*;

doc!(
    "HTTP request with certificate validation disabled.

## What it does
Flags `requests.get/post/...` and `httpx` calls (and clients) with
`verify=False`. Reported on the line of `False`.

## Why is this bad?
Without certificate validation anyone on the network path can impersonate the
server, read the traffic and change the responses.

## Example
```python
import requests
requests.get(url, verify=False)
```

## Use instead
```python
import requests
requests.get(url, verify=\"/etc/ssl/certs/internal-ca.pem\")
```

## References
- CWE-295: Improper Certificate Validation (https://cwe.mitre.org/data/definitions/295.html)
- bandit B501 (request_with_no_cert_validation)"
);

/// `requests.get(url, verify=False)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let Some(module) = http_client_call(call) else {
        return;
    };
    if call.kw_is(cx, "verify", "False") == Some(true) {
        out.add_at(
            Severity::High,
            Confidence::High,
            format!("Call to {module} with verify=False disabling SSL certificate checks, security issue."),
            call.kw_line("verify"),
        );
    }
}
