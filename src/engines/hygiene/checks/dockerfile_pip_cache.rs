//! `dockerfile-pip-cache`: `pip install` in a `RUN` without `--no-cache-dir`.

use super::prelude::*;
use super::unpinned_pip_install::install_args;
use crate::hygiene::shell::Script;

doc!(
    "pip install keeps its cache in the image",
    r#"pip install keeps its cache in the image.

## What it does
Flags `pip install` (`pip3`, `python -m pip`) in a Dockerfile `RUN`
without `--no-cache-dir`, unless the stage sets `PIP_NO_CACHE_DIR` or the
`RUN` mounts a build cache (`--mount=type=cache`). hadolint `DL3042`.

## Why is this bad?
pip's download and wheel cache ends up in the layer: a bigger image to
store, pull and scan, for files that are never used again.

## Example
```dockerfile
RUN pip install -r requirements.txt
```

## Use instead
```dockerfile
RUN pip install --no-cache-dir -r requirements.txt
```

## References
- hadolint DL3042 (https://github.com/hadolint/hadolint/wiki/DL3042)"#
);

/// pip installs of a `RUN`.
pub fn check(cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    let (Some(d), Some(n)) = (cx.docker, script.instruction) else {
        return;
    };
    let ins = &d.instructions[n];
    if ins.flag("mount").is_some_and(|m| m.contains("type=cache")) {
        return;
    }
    let env_off = ins.stage.is_some_and(|s| {
        d.stage_instructions(s)
            .filter(|i| i.keyword == "ENV" || i.keyword == "ARG")
            .flat_map(|i| i.args.iter())
            .any(|w| w.text.starts_with("PIP_NO_CACHE_DIR"))
    });
    if env_off {
        return;
    }
    for c in &script.commands {
        let Some(args) = install_args(c) else {
            continue;
        };
        if c.program() == "uv" || args.iter().any(|a| a.text == "--no-cache-dir") {
            continue;
        }
        out.add(
            script.command_span(c),
            "`pip install` without `--no-cache-dir` leaves pip's cache in the layer",
        );
    }
}
