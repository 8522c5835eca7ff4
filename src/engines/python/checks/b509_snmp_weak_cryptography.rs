//! B509 `snmp_crypto_check`.

use super::prelude::*;

doc!("SNMPv3 without encryption.

## What it does
Flags `pysnmp.hlapi.UsmUserData(...)` with fewer than three positional
arguments (no privacy key: noAuthNoPriv or authNoPriv).

## Why is this bad?
Without the privacy protocol SNMPv3 traffic is sent unencrypted and can be read
by anyone on the path.

## Example
```python
from pysnmp.hlapi import UsmUserData
auth = UsmUserData('user', auth_key)
```

## Use instead
```python
from pysnmp.hlapi import UsmUserData
auth = UsmUserData('user', auth_key, priv_key)
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B509 (snmp_crypto_check)");

/// `UsmUserData(user)` / `UsmUserData(user, auth)`.
pub fn check(_cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual == "pysnmp.hlapi.UsmUserData" && call.args.len() < 3 {
        out.add(
            Severity::Medium,
            Confidence::High,
            "You should not use SNMPv3 without encryption. noAuthNoPriv & authNoPriv is insecure",
        );
    }
}
