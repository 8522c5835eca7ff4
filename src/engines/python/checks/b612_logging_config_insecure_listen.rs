//! B612 `logging_config_insecure_listen`.

use super::prelude::*;

doc!("logging.config.listen without verification.

## What it does
Flags `logging.config.listen(...)` without a `verify=` argument.

## Why is this bad?
The listener accepts logging configurations from the network and applies them;
configurations can name arbitrary callables, so anyone who can connect can run code.

## Example
```python
import logging.config
t = logging.config.listen(9999)
```

## Use instead
```python
import logging.config
t = logging.config.listen(9999, verify=check_signature)
```

## References
- CWE-94: Improper Control of Generation of Code ('Code Injection') (https://cwe.mitre.org/data/definitions/94.html)
- bandit B612 (logging_config_insecure_listen)");

/// `logging.config.listen(port)`.
pub fn check(_cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual == "logging.config.listen" && !call.has_kw("verify") {
        out.add(
            Severity::Medium,
            Confidence::High,
            "Use of insecure logging.config.listen detected.",
        );
    }
}
