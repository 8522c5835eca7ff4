//! `secrets-inherit`: a reusable workflow handed every secret.

use super::prelude::*;

doc!(
    "Reusable workflow gets every secret",
    r#"Reusable workflow gets every secret.

## What it does
Flags jobs calling a reusable workflow with `secrets: inherit`. Same
problem as zizmor's `secrets-inherit`.

## Why is this bad?
`inherit` passes every secret the caller can see (deploy keys, cloud
credentials, publishing tokens) to the called workflow and each action it
runs, whatever it needs. A change to the called workflow, or to an action
it uses, can read all of them.

## Example
```yaml
jobs:
  deploy:
    uses: org/pipelines/.github/workflows/deploy.yml@<sha>
    secrets: inherit
```

## Use instead
```yaml
jobs:
  deploy:
    uses: org/pipelines/.github/workflows/deploy.yml@<sha>
    secrets:
      registry-token: ${{ secrets.REGISTRY_TOKEN }}
```

## References
- zizmor secrets-inherit (https://docs.zizmor.sh/audits/#secrets-inherit)
- CWE-200: Exposure of Sensitive Information to an Unauthorized Actor (https://cwe.mitre.org/data/definitions/200.html)"#
);

/// `secrets: inherit` on a job.
pub fn check(_cx: &Cx<'_>, job: &Job<'_>, out: &mut Hits) {
    if let Some(p) = job.node.pair("secrets") {
        if p.value.as_str().is_some_and(|v| v.trim() == "inherit") {
            out.add(
                Span { end: p.value.span.end, end_byte: p.value.span.end_byte, ..p.key.span },
                format!("job `{}` passes every secret to the reusable workflow; pass only the ones it needs", job.id),
            );
        }
    }
}
