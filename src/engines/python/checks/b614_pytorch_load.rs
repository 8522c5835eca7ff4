//! B614 `pytorch_load`.

use super::prelude::*;

doc!(
    "Unsafe torch.load.

## What it does
In a file that does `import torch`, flags `torch.load(...)` and
`torch.serialization.load(...)` unless `weights_only=True`.

## Why is this bad?
`torch.load` unpickles the file: a malicious checkpoint runs arbitrary code
when it is loaded.

## Example
```python
import torch
model = torch.load(\"model.pt\")
```

## Use instead
```python
import torch
state = torch.load(\"model.pt\", weights_only=True)
```

## References
- CWE-502: Deserialization of Untrusted Data (https://cwe.mitre.org/data/definitions/502.html)
- bandit B614 (pytorch_load)"
);

/// `torch.load(f)` without `weights_only=True`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    if call.qual != "torch.load" && call.qual != "torch.serialization.load" {
        return;
    }
    if !cx.imports.exact("torch") {
        return;
    }
    if call.kw_value(cx, "weights_only").as_str() == Some("True") {
        return;
    }
    out.add(
        Severity::Medium,
        Confidence::High,
        "Use of unsafe PyTorch load",
    );
}
