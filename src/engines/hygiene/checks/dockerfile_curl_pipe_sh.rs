//! `dockerfile-curl-pipe-sh`: a download piped straight into a shell.

use super::prelude::*;
use crate::hygiene::shell::Script;

doc!(
    "Download piped into a shell",
    r#"Download piped into a shell.

## What it does
Flags `curl …` or `wget …` in a Dockerfile `RUN` whose output is piped
into a shell (`| sh`, `| bash`, `| sudo sh`). No anchor (hadolint's
`DL4006` is about `pipefail`, not this: none).

## Why is this bad?
The build runs whatever the server (or anyone between it and the builder)
returns that day, as root, with no checksum: a compromised install script
is baked into every image built after it.

## Example
```dockerfile
RUN curl -fsSL https://example.com/install.sh | sh
```

## Use instead
```dockerfile
ADD --checksum=sha256:<digest> https://example.com/install.sh /tmp/install.sh
RUN sh /tmp/install.sh
```

## References
- CWE-494: Download of Code Without Integrity Check (https://cwe.mitre.org/data/definitions/494.html)"#
);

const SHELLS: &[&str] = &["sh", "bash", "dash", "zsh", "ash", "ksh"];

/// Every pipeline from curl/wget into a shell.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for (i, c) in script.commands.iter().enumerate() {
        let Some(p) = c.pipeline else {
            continue;
        };
        if !matches!(c.program(), "curl" | "wget") {
            continue;
        }
        let into = script.commands[i + 1..]
            .iter()
            .take_while(|n| n.pipeline == Some(p))
            .find(|n| SHELLS.contains(&n.program()));
        if let Some(sh) = into {
            out.add(
                script.command_span(c),
                format!(
                    "`{} … | {}` runs a download without checking it; fetch it with a checksum first",
                    c.program(),
                    sh.program()
                ),
            );
        }
    }
}
