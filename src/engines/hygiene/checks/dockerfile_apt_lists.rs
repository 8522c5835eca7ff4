//! `dockerfile-apt-lists`: `apt-get update` whose package lists stay in the image.

use super::prelude::*;
use crate::hygiene::shell::Script;

doc!(
    "apt lists left in the image",
    r#"apt lists left in the image.

## What it does
Flags `apt-get update` in a `RUN` of the final stage when the same `RUN`
does not remove `/var/lib/apt/lists` (`rm -rf /var/lib/apt/lists/*`) and
does not mount a cache there. hadolint `DL3009` (which also looks at the
final stage only).

## Why is this bad?
The package lists (tens of MB) stay in the layer: a removal in a later
`RUN` does not shrink the image, and stale lists make a later `apt-get
install` in a derived image install outdated versions.

## Example
```dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
```

## Use instead
```dockerfile
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*
```

## References
- hadolint DL3009 (https://github.com/hadolint/hadolint/wiki/DL3009)"#
);

/// `apt-get update` in a `RUN` of the final stage.
pub fn check(cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    let (Some(d), Some(n)) = (cx.docker, script.instruction) else {
        return;
    };
    let ins = &d.instructions[n];
    if ins.stage.map(|s| s + 1) != Some(d.stages.len())
        || ins
            .flag("mount")
            .is_some_and(|m| m.contains("/var/lib/apt"))
    {
        return;
    }
    let cleaned = script.commands.iter().any(|c| {
        c.program() == "rm"
            && c.args()
                .iter()
                .any(|a| a.text.starts_with("/var/lib/apt/lists"))
    });
    if cleaned {
        return;
    }
    for c in &script.commands {
        if matches!(c.program(), "apt-get" | "apt")
            && c.args()
                .iter()
                .find(|a| !a.text.starts_with('-'))
                .is_some_and(|a| a.text == "update")
        {
            out.add(
                script.command_span(c),
                "`apt-get update` without `rm -rf /var/lib/apt/lists/*` in the same RUN leaves the lists in the image",
            );
        }
    }
}
