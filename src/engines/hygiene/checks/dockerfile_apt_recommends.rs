//! `dockerfile-apt-recommends`: `apt-get install` without `--no-install-recommends`.

use super::dockerfile_apt_unpinned::apt_install;
use super::prelude::*;
use crate::hygiene::shell::Script;

doc!(
    "apt-get install pulls recommended packages",
    r#"apt-get install pulls recommended packages.

## What it does
Flags `apt-get install` (or `apt install`) in a Dockerfile `RUN` without
`--no-install-recommends` (or `-o APT::Install-Recommends=false`).
hadolint `DL3015`.

## Why is this bad?
Recommended packages are not needed to run the service but land in the
image: more to download and store, and more code with vulnerabilities for
scanners to report and attackers to use.

## Example
```dockerfile
RUN apt-get install -y git=1:2.39.5-0+deb12u3
```

## Use instead
```dockerfile
RUN apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u3
```

## References
- hadolint DL3015 (https://github.com/hadolint/hadolint/wiki/DL3015)"#
);

/// Every apt install of a `RUN`.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        if apt_install(c).is_none() {
            continue;
        }
        let off = c.args().iter().any(|a| {
            a.text == "--no-install-recommends"
                || a.text.eq_ignore_ascii_case("APT::Install-Recommends=false")
                || a.text.eq_ignore_ascii_case("APT::Install-Recommends=0")
        });
        if !off {
            out.add(
                script.command_span(c),
                "`apt-get install` without `--no-install-recommends` installs packages the service does not need",
            );
        }
    }
}
