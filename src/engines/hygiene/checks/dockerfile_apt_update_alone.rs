//! `dockerfile-apt-update-alone`: `apt-get update` in a `RUN` that installs nothing.

use super::prelude::*;
use crate::hygiene::shell::{Command, Script};

doc!(
    "apt-get update in its own layer",
    r#"apt-get update in its own layer.

## What it does
Flags a Dockerfile `RUN` that runs `apt-get update` (or `apt update`) but
no `apt-get install` / `upgrade` in the same `RUN`. checkov
`CKV_DOCKER_5`.

## Why is this bad?
Docker caches the layer of `RUN apt-get update` on its text alone: later
builds reuse package lists from the day it first ran, and the `apt-get
install` in the next `RUN` installs outdated packages (missing security
fixes) or fails when the mirror has dropped them.

## Example
```dockerfile
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
```

## Use instead
```dockerfile
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 \
 && rm -rf /var/lib/apt/lists/*
```

## References
- checkov CKV_DOCKER_5
- Docker: Best practices, apt-get (https://docs.docker.com/build/building/best-practices/#apt-get)"#
);

/// The apt subcommand (`update`, `install`...) of an apt command.
fn apt_sub(c: &Command) -> Option<&str> {
    if !matches!(c.program(), "apt-get" | "apt") {
        return None;
    }
    c.args()
        .iter()
        .find(|a| !a.text.starts_with('-'))
        .map(|a| a.text.as_str())
}

/// One `RUN`.
pub fn check(cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    if script.instruction.is_none() || cx.docker.is_none() {
        return;
    }
    let installs = script.commands.iter().any(|c| {
        matches!(
            apt_sub(c),
            Some("install" | "upgrade" | "dist-upgrade" | "full-upgrade" | "build-dep")
        )
    });
    if installs {
        return;
    }
    for c in &script.commands {
        if apt_sub(c) == Some("update") {
            out.add(
                script.command_span(c),
                "`apt-get update` alone in a RUN: its cached layer keeps stale lists for the installs after it; update and install in one RUN",
            );
        }
    }
}
