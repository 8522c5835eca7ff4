//! B506 `yaml_load`.

use super::common::has_part;
use super::prelude::*;

doc!(
    "Unsafe yaml.load.

## What it does
In a file that does `import yaml`, flags `yaml.load(...)` unless the loader is
`SafeLoader` or `CSafeLoader` (as `Loader=` or the second argument).

## Why is this bad?
The default and full loaders construct arbitrary Python objects from tags in
the document: loading untrusted YAML can run code.

## Example
```python
import yaml
config = yaml.load(text, Loader=yaml.Loader)
```

## Use instead
```python
import yaml
config = yaml.safe_load(text)
```

## References
- CWE-20: Improper Input Validation (https://cwe.mitre.org/data/definitions/20.html)
- bandit B506 (yaml_load)"
);

/// `yaml.load(...)` without a safe loader.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.name != "load" || !cx.imports.exact("yaml") || !has_part(call.qual, "yaml") {
        return;
    }
    let safe = ["SafeLoader", "CSafeLoader"];
    if let Lit::Str(l) = call.kw_value(cx, "Loader") {
        if safe.contains(&l.as_str()) {
            return;
        }
    }
    if let Lit::Str(l) = call.arg_value(cx, 1) {
        if safe.contains(&l.as_str()) {
            return;
        }
    }
    out.add(
        Severity::Medium,
        Confidence::High,
        "Use of unsafe yaml load. Allows instantiation of arbitrary objects. Consider yaml.safe_load().",
    );
}
