//! `dockerfile-unpinned-from`: `FROM` an untagged or `:latest` image (or, opt-in, without a digest).

use super::common::ImageRef;
use super::prelude::*;

doc!(
    "Base image not pinned",
    r#"Base image not pinned.

## What it does
Flags `FROM` images with no tag (hadolint `DL3006`) or the `:latest` tag
(`DL3007`, checkov `CKV_DOCKER_7`). `FROM scratch` and `FROM` an earlier
stage are fine; `ARG` values declared before the first `FROM` are expanded
(`FROM python:${PY}`), and an image still built from an unknown variable is
not judged. With `[hygiene] pin_digests = true`, a tagged image without an
`@sha256:` digest is flagged too (LOW), unless its registry is listed in
`trusted_registries`.

## Why is this bad?
Each build takes whatever the tag points to that day: a new major version,
a broken build, or a compromised image pushed under the same name. The
image cannot be rebuilt the same way and its base cannot be reviewed.

## Example
```dockerfile
FROM python
FROM node:latest
```

## Use instead
```dockerfile
FROM python:3.12-slim@sha256:<digest>
```

## References
- hadolint DL3006 (https://github.com/hadolint/hadolint/wiki/DL3006), DL3007 (https://github.com/hadolint/hadolint/wiki/DL3007)
- checkov CKV_DOCKER_7
- CWE-829: Inclusion of Functionality from Untrusted Control Sphere (https://cwe.mitre.org/data/definitions/829.html)"#
);

/// Every `FROM`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    for (s, stage) in d.stages.iter().enumerate() {
        let Some(word) = d.instructions[stage.from].args.first() else {
            continue;
        };
        let raw = word.text.as_str();
        if raw.eq_ignore_ascii_case("scratch") || d.earlier_stage(raw, s).is_some() {
            continue;
        }
        let Some(text) = d.expand_global(raw) else {
            continue;
        };
        let Some(image) = ImageRef::parse(&text) else {
            continue;
        };
        let span = d.index.span(word.range.clone());
        if image.floating() {
            let why = match image.tag {
                Some(_) => "`:latest`",
                None => "no tag (Docker takes `:latest`)",
            };
            out.add_rated(
                Severity::Medium,
                Confidence::High,
                span,
                format!("base image `{text}` has {why}: each build takes whatever it points to that day; pin a version tag and digest"),
            );
        } else if image.lacks_required_digest(cx.opts) {
            out.add_rated(
                Severity::Low,
                Confidence::High,
                span,
                format!("base image `{text}` has a tag but no digest (`pin_digests` is on)"),
            );
        }
    }
}
