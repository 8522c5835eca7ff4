//! B113 `request_without_timeout`.

use super::common::{http_client_call, HTTPX_EXTRA, HTTP_VERBS};
use super::prelude::*;

doc!(
    "HTTP request without a timeout.

## What it does
Flags `requests.get/post/...` calls without a literal `timeout=`, and
`requests`/`httpx` calls with `timeout=None`.

## Why is this bad?
Without a timeout a request to an unresponsive server blocks forever, tying up
workers until the service stops answering (denial of service).

## Example
```python
import requests
r = requests.get(url)
```

## Use instead
```python
import requests
r = requests.get(url, timeout=10)
```

## References
- CWE-400: Uncontrolled Resource Consumption (https://cwe.mitre.org/data/definitions/400.html)
- bandit B113 (request_without_timeout)"
);

/// `requests.get(url)` / `httpx.get(url, timeout=None)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    // Both cases need one of these names: most calls stop here.
    if !HTTP_VERBS.contains(&call.name) && !HTTPX_EXTRA.contains(&call.name) {
        return;
    }
    let module = call.qual.split('.').next().unwrap_or("");
    if module == "requests"
        && HTTP_VERBS.contains(&call.name)
        && call.kw_value(cx, "timeout") == Lit::Unknown
    {
        out.add(
            Severity::Medium,
            Confidence::Low,
            format!("Call to {module} without timeout"),
        );
        return;
    }
    if http_client_call(call).is_some() && call.kw_is(cx, "timeout", "None") == Some(true) {
        out.add(
            Severity::Medium,
            Confidence::Low,
            format!("Call to {module} with timeout set to None"),
        );
    }
}
