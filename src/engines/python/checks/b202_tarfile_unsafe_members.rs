//! B202 `tarfile_unsafe_members`.

use super::prelude::*;

doc!("tarfile.extractall without member validation.

## What it does
In a file that does `import tarfile`, flags `extractall` calls without
`filter=\"data\"`: HIGH without `members=`, MEDIUM with members of unknown
origin, LOW when members come from a function call.

## Why is this bad?
Archive members can have absolute paths, `..` components or links pointing
outside the target directory: extracting them overwrites arbitrary files.

## Example
```python
import tarfile
with tarfile.open(path) as tar:
    tar.extractall(dest)
```

## Use instead
```python
import tarfile
with tarfile.open(path) as tar:
    tar.extractall(dest, filter=\"data\")
```

## References
- CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal') (https://cwe.mitre.org/data/definitions/22.html)
- bandit B202 (tarfile_unsafe_members)");

/// `tar.extractall(...)` with tarfile imported.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    if !call.name.contains("extractall") || !cx.imports.exact("tarfile") {
        return;
    }
    if let Some(f) = call.kw("filter") {
        let f = unparen(k, f);
        if is_str_constant(k, cx.src, f) && literal(k, cx.src, f).as_str() == Some("data") {
            return;
        }
    }
    if let Some(m) = call.kw("members") {
        let m = unparen(k, m);
        if m.kind_id() == k.call {
            let Some(func) = m
                .child_by_field_id(crate::python::tree::fields().function)
                .map(|f| unparen(k, f))
            else {
                return;
            };
            // bandit reads `func.id`: a method call here raises inside bandit and reports nothing.
            if func.kind_id() != k.identifier {
                return;
            }
            out.add(
                Severity::Low,
                Confidence::Low,
                format!(
                    "Usage of tarfile.extractall(members=function(tarfile)). Make sure your function properly discards dangerous members {{'Function': '{}'}}).",
                    cx.text(func)
                ),
            );
        } else {
            let what = if m.kind_id() == k.identifier {
                format!("'{}'", cx.text(m))
            } else {
                format!("<{}>", m.kind())
            };
            out.add(
                Severity::Medium,
                Confidence::Medium,
                format!(
                    "Found tarfile.extractall(members=?) but couldn't identify the type of members. Check if the members were properly validated {{'Other': {what}}})."
                ),
            );
        }
        return;
    }
    out.add(
        Severity::High,
        Confidence::High,
        "tarfile.extractall used without any validation. Please check and discard dangerous members.",
    );
}
