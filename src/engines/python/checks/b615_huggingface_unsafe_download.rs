//! B615 `huggingface_unsafe_download`.

use super::common::has_part;
use super::prelude::*;

doc!("Hugging Face Hub download without a pinned revision.

## What it does
In a file that imports `transformers`, `datasets` or `huggingface_hub`, flags
`from_pretrained`, `load_dataset`, `hf_hub_download`, `snapshot_download` calls
that do not pin `revision=` / `commit_id=` to a commit hash (7+ hex digits) and
do not load from a local path.

## Why is this bad?
Without a pinned commit the model or dataset can change under you: a
compromised or updated repository ships new code or pickles into your process.

## Example
```python
from transformers import AutoModel
model = AutoModel.from_pretrained(\"org/model\")
```

## Use instead
```python
from transformers import AutoModel
model = AutoModel.from_pretrained(\"org/model\", revision=\"5d0f2e8a7f1b\")
```

## References
- CWE-494: Download of Code Without Integrity Check (https://cwe.mitre.org/data/definitions/494.html)
- bandit B615 (huggingface_unsafe_download)");

/// `AutoModel.from_pretrained(\"org/model\")`.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let func = call.name;
    let required = match func {
        "from_pretrained" => "transformers",
        "load_dataset" => "datasets",
        "hf_hub_download" | "snapshot_download" | "repository_id" => "huggingface_hub",
        _ => return,
    };
    if !["transformers", "datasets", "huggingface_hub"]
        .iter()
        .any(|m| cx.imports.like(m))
    {
        return;
    }
    if !has_part(call.qual, required) {
        return;
    }
    for (name, v) in call.kws {
        if matches!(name, Some("revision" | "commit_id")) && !is_constant(cx.k, cx.src, *v) {
            return;
        }
    }
    let revision = call.kw_value(cx, "revision");
    let pinned = if revision.truthy() {
        revision
    } else {
        call.kw_value(cx, "commit_id")
    };
    if let Lit::Str(r) = pinned {
        let r = r.trim_matches(|c| c == '"' || c == '\'');
        if r.len() >= 7 && r.chars().all(|c| c.is_ascii_hexdigit()) {
            return;
        }
    }
    if let Lit::Str(first) = call.arg_value(cx, 0) {
        if first.starts_with("./") || first.starts_with('/') || first.starts_with("../") {
            return;
        }
    }
    out.add(
        Severity::Medium,
        Confidence::High,
        format!("Unsafe Hugging Face Hub download without revision pinning in {func}()"),
    );
}
