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
Most official base images (`python`, `node`, `debian`) set no user, so the
application runs as root: a code execution bug in it becomes root in the
container, with write access to everything in the image. That the base
image sets a user is worth saying in the Dockerfile, where a reviewer sees
it.

## Example
```dockerfile
FROM node:22-slim
WORKDIR /srv
COPY . .
CMD ["node", "server.js"]
```

## Use instead
```dockerfile
FROM node:22-slim
WORKDIR /srv
COPY --chown=node:node . .
USER node
CMD ["node", "server.js"]
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
