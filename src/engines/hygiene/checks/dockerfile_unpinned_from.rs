//! `dockerfile-unpinned-from`: `FROM` an untagged or `:latest` image (or, opt-in, without a digest).

use super::common::ImageRef;
use super::prelude::*;

doc!(
    "Base image not pinned",
    r#"Base image not pinned.

## What it does
Flags `FROM` images with no tag (hadolint `DL3006`) or the `:latest` tag
(`DL3007`); checkov's `CKV_DOCKER_7` covers both. Each finding carries the
one hadolint id that names it, so `# hadolint ignore=DL3007` silences a
`:latest` image and leaves an untagged one reported. `FROM scratch` and
`FROM` an earlier stage are fine; `ARG` values declared before the first
`FROM` are expanded (`FROM python:${PY}`), and an image still built from an
unknown variable is not judged. With `[hygiene] pin_digests = true`, a
tagged image without an `@sha256:` digest is flagged too (LOW, no anchor),
unless its registry is listed in `trusted_registries`.

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

/// What an untagged `FROM` answers to: hadolint DL3006, checkov CKV_DOCKER_7.
const UNTAGGED: &[Anchor] = &[Anchor::Hadolint("DL3006"), Anchor::Checkov("CKV_DOCKER_7")];
/// What a `:latest` `FROM` answers to: hadolint DL3007, checkov CKV_DOCKER_7.
const LATEST: &[Anchor] = &[Anchor::Hadolint("DL3007"), Anchor::Checkov("CKV_DOCKER_7")];

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
            let (why, anchors) = match image.tag {
                Some(_) => ("`:latest`", LATEST),
                None => ("no tag (Docker takes `:latest`)", UNTAGGED),
            };
            out.add_rated(
                Severity::Medium,
                Confidence::High,
                span,
                format!("base image `{text}` has {why}: each build takes whatever it points to that day; pin a version tag and digest"),
            );
            out.anchored(anchors);
        } else if image.lacks_required_digest(cx.opts) {
            out.add_rated(
                Severity::Low,
                Confidence::High,
                span,
                format!("base image `{text}` has a tag but no digest (`pin_digests` is on)"),
            );
            // No other tool asks for digests by default: no anchor names this.
            out.anchored(&[]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hygiene::registry::by_id;

    #[test]
    fn per_finding_anchors_are_the_checks_own() {
        let all = by_id("dockerfile-unpinned-from").unwrap().anchors;
        for a in UNTAGGED.iter().chain(LATEST) {
            assert!(all.contains(a), "{a:?} is not an anchor of the check");
        }
    }
}
