//! B508 `snmp_insecure_version_check`.

use super::prelude::*;

doc!("SNMPv1/v2 in use.

## What it does
Flags `pysnmp.hlapi.CommunityData(..., mpModel=0)` or `mpModel=1`.

## Why is this bad?
SNMPv1 and v2c authenticate with a community string sent in clear text and do
not encrypt: anyone on the path can read and forge management traffic.

## Example
```python
from pysnmp.hlapi import CommunityData
auth = CommunityData('public', mpModel=0)
```

## Use instead
```python
from pysnmp.hlapi import UsmUserData, usmHMACSHAAuthProtocol, usmAesCfb128Protocol
auth = UsmUserData('user', auth_key, priv_key,
                   authProtocol=usmHMACSHAAuthProtocol, privProtocol=usmAesCfb128Protocol)
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B508 (snmp_insecure_version_check)");

/// `CommunityData(..., mpModel=0|1)`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual != "pysnmp.hlapi.CommunityData" {
        return;
    }
    let v = call.kw_value(cx, "mpModel");
    if v.eq_int(0) || v.eq_int(1) {
        out.add(
            Severity::Medium,
            Confidence::High,
            "The use of SNMPv1 and SNMPv2 is insecure. You should use SNMPv3 if able.",
        );
    }
}
