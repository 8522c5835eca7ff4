//! `dockerfile-apt-unpinned`: `apt-get install` of packages without `=version`.

use super::prelude::*;
use crate::hygiene::shell::{Command, Script, Word};

doc!(
    "apt-get install without version pins",
    r#"apt-get install without version pins.

## What it does
Flags each package given to `apt-get install` (or `apt install`) in a
Dockerfile `RUN` without a `=version` pin; local `.deb` files are not
flagged. hadolint `DL3008`.

## Why is this bad?
Each build installs whatever the mirror has that day: two builds of the
same commit differ, and an update that breaks the service arrives without
a change to review.

## Example
```dockerfile
RUN apt-get install -y --no-install-recommends curl
```

## Use instead
```dockerfile
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
```

## References
- hadolint DL3008 (https://github.com/hadolint/hadolint/wiki/DL3008)
- CWE-1357: Reliance on Insufficiently Trustworthy Component (https://cwe.mitre.org/data/definitions/1357.html)"#
);

/// Options of apt-get that take a separate value.
const VALUE_OPTS: &[&str] = &[
    "-o",
    "-c",
    "-t",
    "--option",
    "--config-file",
    "--target-release",
];

/// The words after `install` when the command is `apt-get install` / `apt install`.
pub(crate) fn apt_install(c: &Command) -> Option<&[Word]> {
    if !matches!(c.program(), "apt-get" | "apt") {
        return None;
    }
    let args = c.args();
    let i = args.iter().position(|a| !a.text.starts_with('-'))?;
    (args[i].text == "install").then(|| &args[i + 1..])
}

/// Every apt install of a `RUN`.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        let Some(args) = apt_install(c) else {
            continue;
        };
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            let t = a.text.as_str();
            if t.starts_with('-') {
                skip = VALUE_OPTS.contains(&t);
                continue;
            }
            if a.dynamic || t.contains('=') || t.ends_with(".deb") || t.is_empty() {
                continue;
            }
            out.add(
                script.span(a),
                format!("`apt-get install {t}` is not pinned: pin it (`{t}=<version>`)"),
            );
        }
    }
}
