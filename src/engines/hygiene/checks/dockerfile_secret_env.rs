//! `dockerfile-secret-env`: a secret-looking `ENV` or `ARG` given a value.

use super::prelude::*;

doc!(
    "Secret in ENV or ARG",
    r#"Secret in ENV or ARG.

## What it does
Flags `ENV` and `ARG` whose name says it holds a credential (`*PASSWORD*`,
`*PASSWD*`, `*TOKEN*`, `*SECRET*`, `*API_KEY*`, `*PRIVATE_KEY*`,
`*ACCESS_KEY*`, `AWS_SECRET_ACCESS_KEY`...) and that is given a value:
a literal is HIGH, a value taken from a build argument (`ENV TOKEN=$TOKEN`)
MEDIUM. A secret-looking `ARG` without a default (`ARG GITHUB_TOKEN`,
`ARG API_KEY=""`) is MEDIUM too: the value passed with `--build-arg` is
recorded in the history of every `RUN` after it. Names that point at a file
(`*_FILE`, `*_PATH`, `*_DIR`) and an `ENV` set to nothing are not flagged.
hadolint `DL3064` is the same problem; it also flags `*_FILE` names and
names such as `USERNAME`, which hold no secret.

## Why is this bad?
`ENV` values are stored in the image config and `ARG` values (defaults or
passed with `--build-arg`) in its history: anyone who can pull the image (a registry reader, a leaked
image) reads them with `docker inspect` or `docker history`.

## Example
```dockerfile
ARG GITHUB_TOKEN=ghp_xxx
ENV DB_PASSWORD=hunter2
```

## Use instead
```dockerfile
RUN --mount=type=secret,id=github_token \
    GITHUB_TOKEN="$(cat /run/secrets/github_token)" ./fetch-deps.sh
```
and pass runtime secrets from the orchestrator (ECS `secrets`/`valueFrom`).

## References
- hadolint DL3064 (https://github.com/hadolint/hadolint/wiki/DL3064)
- Docker: Build secrets (https://docs.docker.com/build/building/secrets/)
- CWE-798: Use of Hard-coded Credentials (https://cwe.mitre.org/data/definitions/798.html)"#
);

const MARKERS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "TOKEN",
    "SECRET",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "CREDENTIAL",
];

fn secret_name(name: &str) -> bool {
    let u = name.to_ascii_uppercase();
    MARKERS.iter().any(|m| u.contains(m))
        && !["_FILE", "_PATH", "_DIR", "_URL", "_ID", "_NAME"]
            .iter()
            .any(|s| u.ends_with(s))
}

/// Every `ENV` and `ARG`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    for ins in &d.instructions {
        let pairs: Vec<(&str, &str, std::ops::Range<usize>)> = match ins.keyword.as_str() {
            // Legacy `ENV NAME value with spaces`.
            "ENV" if ins.args.first().is_some_and(|w| !w.text.contains('=')) => {
                match ins.args.as_slice() {
                    [k, v, ..] => {
                        vec![(k.text.as_str(), v.text.as_str(), k.range.start..v.range.end)]
                    }
                    _ => Vec::new(),
                }
            }
            "ENV" => ins
                .args
                .iter()
                .filter_map(|w| {
                    let (k, v) = w.text.split_once('=')?;
                    Some((k, v, w.range.clone()))
                })
                .collect(),
            // `ARG NAME` has no default: its value comes with `--build-arg`.
            "ARG" => ins
                .args
                .iter()
                .map(|w| {
                    let (k, v) = w.text.split_once('=').unwrap_or((&w.text, ""));
                    (k, v, w.range.clone())
                })
                .collect(),
            _ => continue,
        };
        for (name, value, range) in pairs {
            if !secret_name(name) {
                continue;
            }
            let value = value.trim_matches(['"', '\'']);
            if value.is_empty() {
                if ins.keyword == "ARG" {
                    out.add_rated(
                        Severity::Medium,
                        Confidence::Medium,
                        d.index.span(range),
                        format!("`ARG {name}` takes a secret as a build argument: the value given with `--build-arg` is recorded in the image history (`docker history`) of every RUN after it; use a build secret (`RUN --mount=type=secret`)"),
                    );
                }
                continue;
            }
            let from_var = value.starts_with('$');
            let (sev, what) = if from_var {
                (Severity::Medium, "copies a build argument into")
            } else {
                (Severity::High, "stores a literal value in")
            };
            out.add_rated(
                sev,
                Confidence::Medium,
                d.index.span(range),
                format!("`{} {name}` {what} the image, where `docker inspect`/`docker history` shows it; use a build secret (`RUN --mount=type=secret`) or a runtime secret", ins.keyword),
            );
        }
    }
}
