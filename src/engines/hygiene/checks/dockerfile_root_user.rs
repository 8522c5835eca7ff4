//! `dockerfile-root-user`: the last `USER` of the image is root.

use super::prelude::*;
use crate::hygiene::dockerfile::Dockerfile;

doc!(
    "Container switched to root",
    r#"Container switched to root.

## What it does
Looks at the final stage of a Dockerfile (and the earlier stages it is
built `FROM`): a last `USER` of `root`, `0` or `root:…`/`0:…` is flagged.
hadolint's `DL3002` and checkov's `CKV_DOCKER_8` (hadolint 2.15 also flags
it at the end of a build stage that does not ship; gate judges the image
that runs). A final stage with no `USER` at all is
`dockerfile-no-user`'s finding (checkov `CKV_DOCKER_3`).

## Why is this bad?
A process that runs as root inside the container turns any code execution
bug (a deserialisation flaw, a template injection) into root in the
container, one kernel bug away from the host, with write access to
everything in the image.

## Example
```dockerfile
FROM python:3.12-slim
USER root
COPY . /app
CMD ["gunicorn", "app:app"]
```

## Use instead
```dockerfile
FROM python:3.12-slim
RUN useradd --uid 10001 --create-home app
COPY . /app
USER 10001
CMD ["gunicorn", "app:app"]
```

## References
- hadolint DL3002 (https://github.com/hadolint/hadolint/wiki/DL3002)
- checkov CKV_DOCKER_8
- CWE-250: Execution with Unnecessary Privileges (https://cwe.mitre.org/data/definitions/250.html)"#
);

fn is_root(user: &str) -> bool {
    let u = user.split(':').next().unwrap_or(user);
    u == "root" || u == "0"
}

/// The last `USER` of stage `s`, following `FROM <earlier stage>`.
pub(super) fn last_user(d: &Dockerfile, mut s: usize) -> Option<usize> {
    for _ in 0..=d.stages.len() {
        let found = d
            .instructions
            .iter()
            .enumerate()
            .filter(|(_, i)| i.stage == Some(s) && i.keyword == "USER")
            .map(|(n, _)| n)
            .next_back();
        if found.is_some() {
            return found;
        }
        let from = &d.instructions[d.stages[s].from];
        s = d.earlier_stage(&from.args.first()?.text, s)?;
    }
    None
}

/// The final stage's user, when one is set.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    let Some(n) = d.stages.len().checked_sub(1).and_then(|s| last_user(d, s)) else {
        return;
    };
    let Some(user) = d.instructions[n].args.first() else {
        return;
    };
    if is_root(&user.text) {
        out.add(
            d.index.span(user.range.clone()),
            format!(
                "the last USER is `{}`: the container runs as root; switch to an unprivileged user",
                user.text
            ),
        );
    }
}
