//! `dockerfile-no-user`: the image never sets a `USER`, so it runs as its base image's user (root by default).

use super::dockerfile_root_user::last_user;
use super::prelude::*;

doc!(
    "No USER: container runs as root",
    r#"No USER: container runs as root.

## What it does
Flags the final stage of a Dockerfile when neither it nor the earlier
stages it is built `FROM` set a `USER`: the container runs as whatever
user the base image sets, root unless it sets one (MEDIUM confidence for
that reason). checkov's `CKV_DOCKER_3`. hadolint has no such rule (its
`DL3002` fires only on an explicit `USER root`, which is
`dockerfile-root-user`'s finding).

## Why is this bad?
A process that runs as root inside the container turns any code execution
bug (a deserialisation flaw, a template injection) into root in the
container, one kernel bug away from the host, with write access to
everything in the image.

## Example
```dockerfile
FROM python:3.12-slim
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
- checkov CKV_DOCKER_3 (https://www.checkov.io/5.Policy%20Index/dockerfile.html)
- CWE-250: Execution with Unnecessary Privileges (https://cwe.mitre.org/data/definitions/250.html)"#
);

/// The final stage, when it sets no user.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    let Some(last) = d.stages.len().checked_sub(1) else {
        return;
    };
    if last_user(d, last).is_none() {
        let from = &d.instructions[d.stages[last].from];
        out.add(
            d.index.span(from.keyword_range.clone()),
            "the final stage sets no USER: the container runs as root unless its base image sets a user; add `USER <uid>`",
        );
    }
}
