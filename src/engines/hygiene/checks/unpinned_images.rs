//! `unpinned-images`: job containers, services and compose services on
//! untagged or `:latest` images.

use super::common::ImageRef;
use super::prelude::*;

doc!(
    "Job container or service image not pinned",
    r#"Job container or service image not pinned.

## What it does
Flags images with no tag or the `:latest` tag (HIGH): a GitHub workflow
job's `container:` and `services.*` and a step's `uses: docker://...`
(in workflows and composite actions), a Docker container action's
`runs.image: docker://...`; a GitLab CI job's `image:` and
`services:` (and those of `default:` or the top level); a compose file's
`services.*.image` (a service that also has `build:` names the image it
builds, and is not judged). With `[hygiene] pin_digests = true`, an image
with a tag but no `@sha256:` digest is flagged too (LOW), unless its
registry is listed in `trusted_registries`. Images built from expressions
or variables (`${{ ... }}`, `$CI_REGISTRY_IMAGE`, `${TAG}`) are not
judged. Same problem as zizmor's `unpinned-images` (workflows only; no
other tool checks GitLab CI or compose images).

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

```yaml
# .gitlab-ci.yml
test:
  image: python:latest
# compose.yaml
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
and `image: python:3.12-slim`, `image: postgres:16.4` in GitLab CI and compose.

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
    if text.contains('$') {
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

/// `container:` and `services:` of a workflow job, and the `docker://`
/// images its steps run.
fn workflow_job(cx: &Cx<'_>, job: &Job<'_>, out: &mut Hits) {
    for step in job.node.get("steps").map(Node::items).unwrap_or_default() {
        if let Some(uses) = step.get("uses").filter(|u| {
            u.as_str()
                .is_some_and(|s| s.trim_start().starts_with("docker://"))
        }) {
            docker_step(cx, uses, out);
        }
    }
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

/// A step's `uses: docker://IMAGE`.
fn docker_step(cx: &Cx<'_>, uses: &Node, out: &mut Hits) {
    let Some(s) = uses.as_scalar() else {
        return;
    };
    let text = s.value.trim_start();
    let image = &text["docker://".len()..];
    let Some(r) = ImageRef::parse(image) else {
        return;
    };
    if image.contains('$') {
        return;
    }
    if r.floating() {
        out.add_rated(
            Severity::High,
            Confidence::High,
            uses.span,
            format!("step image `{image}` is not pinned: it runs whatever `{}` points to today; pin a version tag or digest", r.tag.unwrap_or("latest")),
        );
    } else if r.lacks_required_digest(cx.opts) {
        out.add_rated(
            Severity::Low,
            Confidence::High,
            uses.span,
            format!("step image `{image}` has a tag but no digest (`pin_digests` is on)"),
        );
    }
}

/// A composite action's `uses: docker://` steps, and the image a Docker
/// container action runs (`runs.image: docker://...`; a `Dockerfile` there
/// is built, and its `FROM` is checked in the Dockerfile).
fn action(cx: &Cx<'_>, out: &mut Hits) {
    for step in cx.steps(&[]) {
        if let Some(uses) = step.uses().filter(|u| {
            u.as_str()
                .is_some_and(|s| s.trim_start().starts_with("docker://"))
        }) {
            docker_step(cx, uses, out);
        }
    }
    if let Some(image) = cx.root().and_then(|r| r.route("runs.image")).filter(|i| {
        i.as_str()
            .is_some_and(|s| s.trim_start().starts_with("docker://"))
    }) {
        docker_step(cx, image, out);
    }
}

/// A GitLab `image:` or services entry: a string, or a map with `name:`
/// (through aliases and merge keys).
fn gitlab_image<'a>(cx: &Cx<'a>, node: &'a Node) -> Option<&'a Node> {
    let node = cx.deref(node);
    match &node.value {
        Value::Scalar(_) => Some(node),
        Value::Map(_) => cx.get(node, "name"),
        _ => None,
    }
}

/// `image:` and `services:` where GitLab reads them, through aliases and
/// merge keys (`<<: *defaults`): each judged once, where it is written.
fn gitlab(cx: &Cx<'_>, out: &mut Hits) {
    let mut seen = std::collections::HashSet::new();
    for (what, scope) in cx.gitlab_scopes() {
        if let Some(img) = cx.get(scope, "image").and_then(|i| gitlab_image(cx, i)) {
            if seen.insert(img.span.start_byte) {
                judge(cx, &what, img, out);
            }
        }
        let services = cx.get(scope, "services").map(|s| cx.deref(s).items());
        for svc in services.unwrap_or_default() {
            if let Some(img) = gitlab_image(cx, svc) {
                if seen.insert(img.span.start_byte) {
                    judge(cx, &format!("{what} service"), img, out);
                }
            }
        }
    }
}

/// `services.*.image` of a compose file; a service with `build:` names
/// what it builds.
fn compose(cx: &Cx<'_>, out: &mut Hits) {
    let Some(services) = cx.root().and_then(|r| r.get("services")) else {
        return;
    };
    for svc in services.pairs() {
        if svc.value.get("build").is_some() {
            continue;
        }
        if let Some(img) = svc.value.get("image") {
            judge(
                cx,
                &format!("compose service `{}`", svc.key_str()),
                img,
                out,
            );
        }
    }
}

/// Every image a workflow's jobs, a GitLab pipeline or a compose file runs.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    match cx.kind {
        FileKind::Workflow => cx.jobs().iter().for_each(|j| workflow_job(cx, j, out)),
        FileKind::Action => action(cx, out),
        FileKind::GitlabCi => gitlab(cx, out),
        FileKind::Compose => compose(cx, out),
        _ => {}
    }
}
