//! B312 `telnetlib`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("Telnet connection.

## What it does
Flags calls to `telnetlib.Telnet`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
Telnet sends everything, credentials included, in clear text.

## Example
```python
import telnetlib
tn = telnetlib.Telnet(host)
```

## Use instead
```python
import paramiko
client = paramiko.SSHClient()
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B312 (telnetlib)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["telnetlib.Telnet"],
    message: "Telnet-related functions are being called. Telnet is considered insecure. Use SSH or some other encrypted protocol.",
};
