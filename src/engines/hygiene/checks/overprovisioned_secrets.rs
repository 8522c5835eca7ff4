//! `overprovisioned-secrets`: `toJSON(secrets)` hands out every secret at once.

use super::common::{expressions, scalars};
use super::prelude::*;

doc!(
    "Every secret serialised with toJSON(secrets)",
    r#"Every secret serialised with toJSON(secrets).

## What it does
Flags `${{ toJSON(secrets) }}` (any case, any spacing) anywhere in a
workflow or action. Same problem as zizmor's `overprovisioned-secrets`.

## Why is this bad?
It puts every secret the workflow can see into one value: an environment
variable, an input or a log line. Whatever reads it (a script, an action, an
error message) gets all of them, not the one it needs, and GitHub's log
masking does not cover the JSON form reliably.

## Example
```yaml
env:
  ALL_SECRETS: ${{ toJSON(secrets) }}
```

## Use instead
```yaml
env:
  REGISTRY_TOKEN: ${{ secrets.REGISTRY_TOKEN }}
```

## References
- zizmor overprovisioned-secrets (https://docs.zizmor.sh/audits/#overprovisioned-secrets)
- CWE-200: Exposure of Sensitive Information to an Unauthorized Actor (https://cwe.mitre.org/data/definitions/200.html)"#
);

/// Every scalar of the file.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(root) = cx.root() else {
        return;
    };
    let mut all = Vec::new();
    scalars(root, &mut all);
    for node in all {
        let Some(s) = node.as_scalar() else {
            continue;
        };
        if !s.value.contains("${{") {
            continue;
        }
        for (range, expr) in expressions(&s.value) {
            let squashed: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
            if squashed.to_ascii_lowercase().contains("tojson(secrets)") {
                out.add(
                    s.span_of(range),
                    "`toJSON(secrets)` exposes every secret at once; pass the ones needed by name",
                );
            }
        }
    }
}
