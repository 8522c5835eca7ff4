//! `dockerfile-root-user`: the image runs as root (no `USER`, or the last one is root).

use super::prelude::*;
use crate::hygiene::dockerfile::Dockerfile;

doc!(
    "Container runs as root",
    r#"Container runs as root.

## What it does
Looks at the final stage of a Dockerfile (and the earlier stages it is
built `FROM`): with no `USER` instruction the container runs as root
(MEDIUM confidence: the base image may set a user); a last `USER` of
`root`, `0` or `root:…`/`0:…` is flagged with HIGH confidence. checkov's
`CKV_DOCKER_3` (no user) and `CKV_DOCKER_8` (last user root), hadolint's
`DL3002` (an explicit `USER root` only; hadolint 2.15 also flags it at the
end of a build stage that does not ship, gate judges the image that runs).

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
- hadolint DL3002 (https://github.com/hadolint/hadolint/wiki/DL3002)
- checkov CKV_DOCKER_3, CKV_DOCKER_8
- CWE-250: Execution with Unnecessary Privileges (https://cwe.mitre.org/data/definitions/250.html)"#
);

fn is_root(user: &str) -> bool {
    let u = user.split(':').next().unwrap_or(user);
    u == "root" || u == "0"
}

/// The last `USER` of stage `s`, following `FROM <earlier stage>`.
fn last_user(d: &Dockerfile, mut s: usize) -> Option<usize> {
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

/// The final stage's user.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    let Some(last) = d.stages.len().checked_sub(1) else {
        return;
    };
    match last_user(d, last) {
        Some(n) => {
            let ins = &d.instructions[n];
            let Some(user) = ins.args.first() else {
                return;
            };
            if is_root(&user.text) {
                out.add_rated(
                    Severity::Medium,
                    Confidence::High,
                    d.index.span(user.range.clone()),
                    format!("the last USER is `{}`: the container runs as root; switch to an unprivileged user", user.text),
                );
            }
        }
        None => {
            let from = &d.instructions[d.stages[last].from];
            out.add_rated(
                Severity::Medium,
                Confidence::Medium,
                d.index.span(from.keyword_range.clone()),
                "the final stage sets no USER: the container runs as root unless its base image sets a user; add `USER <uid>`",
            );
        }
    }
}
