//! `unpinned-images`: job containers and services on untagged or `:latest` images.

use super::common::ImageRef;
use super::prelude::*;

doc!(
    "Job container or service image not pinned",
    r#"Job container or service image not pinned.

## What it does
Flags a job's `container:` and `services.*` images with no tag or the
`:latest` tag (HIGH). With `[hygiene] pin_digests = true`, an image with a
tag but no `@sha256:` digest is flagged too (LOW), unless its registry is
listed in `trusted_registries`. Images built from expressions are not
judged. Same problem as zizmor's `unpinned-images`.

## Why is this bad?
The job runs whatever the tag points to on the day: a new major version, a
broken build, or a compromised image pushed under the same name. The run
cannot be reproduced and its inputs cannot be reviewed.

## Example
```yaml
jobs:
  test:
    container: python:latest
    services:
      db:
        image: postgres
```

## Use instead
```yaml
jobs:
  test:
    container: python:3.12-slim@sha256:<digest>
    services:
      db:
        image: postgres:16.4
```

## References
- zizmor unpinned-images (https://docs.zizmor.sh/audits/#unpinned-images)
- CWE-829: Inclusion of Functionality from Untrusted Control Sphere (https://cwe.mitre.org/data/definitions/829.html)"#
);

fn image_of(node: &Node) -> Option<&Node> {
    match &node.value {
        Value::Scalar(_) => Some(node),
        Value::Map(_) => node.get("image"),
        _ => None,
    }
}

fn judge(cx: &Cx<'_>, what: &str, node: &Node, out: &mut Hits) {
    let Some(text) = node.as_str() else {
        return;
    };
    if text.contains("${{") {
        return;
    }
    let Some(image) = ImageRef::parse(text) else {
        return;
    };
    if image.floating() {
        out.add_rated(
            Severity::High,
            Confidence::High,
            node.span,
            format!("{what} image `{text}` is not pinned: it runs whatever `{}` points to today; pin a version tag or digest", image.tag.unwrap_or("latest")),
        );
    } else if image.lacks_required_digest(cx.opts) {
        out.add_rated(
            Severity::Low,
            Confidence::High,
            node.span,
            format!("{what} image `{text}` has a tag but no digest (`pin_digests` is on)"),
        );
    }
}

/// `container:` and `services:` of a job.
pub fn check(cx: &Cx<'_>, job: &Job<'_>, out: &mut Hits) {
    if let Some(img) = job.node.get("container").and_then(image_of) {
        judge(cx, "container", img, out);
    }
    for svc in job
        .node
        .get("services")
        .map(Node::pairs)
        .unwrap_or_default()
    {
        if let Some(img) = image_of(&svc.value) {
            judge(cx, &format!("service `{}`", svc.key_str()), img, out);
        }
    }
}
