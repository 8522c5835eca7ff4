//! B321 `ftplib`: a bandit blacklist entry (matched by the shared blacklist test, B001).

use crate::python::registry::Blacklist;

doc!("FTP connection.

## What it does
Flags calls to `ftplib.FTP`. Names are resolved through the file's imports, so aliases (`import x as y`, `from x import y`) are followed.

## Why is this bad?
FTP sends credentials and data in clear text.

## Example
```python
import ftplib
ftp = ftplib.FTP(host)
```

## Use instead
```python
import paramiko
sftp = paramiko.SFTPClient.from_transport(transport)
```

## References
- CWE-319: Cleartext Transmission of Sensitive Information (https://cwe.mitre.org/data/definitions/319.html)
- bandit B321 (ftplib)");

/// The blacklisted names and bandit's message.
pub static BLACKLIST: Blacklist = Blacklist {
    qualnames: &["ftplib.FTP"],
    message: "FTP-related functions are being called. FTP is considered insecure. Use SSH/SFTP/SCP or some other encrypted protocol.",
};
