//! B108 `hardcoded_tmp_directory`.

use super::prelude::*;

doc!(
    "Hardcoded shared temp directory.

## What it does
Flags string literals starting with a shared temporary directory (by default
`/tmp`, `/var/tmp`, `/dev/shm`; configurable as `tmp_dirs`).

## Why is this bad?
Other local users can create or symlink a predictable path in a world-writable
directory first, making the program write into their file or read their data.

## Example
```python
with open(\"/tmp/report.csv\", \"w\") as f:
    f.write(data)
```

## Use instead
```python
import tempfile
with tempfile.NamedTemporaryFile(\"w\", suffix=\".csv\") as f:
    f.write(data)
```

## References
- CWE-377: Insecure Temporary File (https://cwe.mitre.org/data/definitions/377.html)
- bandit B108 (hardcoded_tmp_directory)"
);

/// A string starting with a temp dir.
pub fn check(cx: &Cx<'_>, s: &Str<'_, '_>, out: &mut Hits) {
    if cx
        .opts
        .tmp_dirs
        .iter()
        .any(|d| s.value.starts_with(d.as_str()))
    {
        out.add(
            Severity::Medium,
            Confidence::Medium,
            "Probable insecure usage of temp file/directory.",
        );
    }
}
