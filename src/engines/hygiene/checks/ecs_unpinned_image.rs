//! `ecs-unpinned-image`: an ECS container definition running an untagged or `:latest` image.

use super::common::ImageRef;
use super::prelude::*;
use crate::hygiene::json::{container_definitions, Node};

doc!(
    "ECS container image untagged or :latest",
    r#"ECS container image untagged or :latest.

## What it does
Reads ECS task definitions (any `.json` with `containerDefinitions`, also
`describe-task-definition` output) and flags a container whose `image` has
no tag, or the tag `latest`, and no digest. With `pin_digests = true` in
`[hygiene]`, a tag without an `@sha256:` digest is reported too (LOW),
except for images from `trusted_registries`. Placeholders filled in at
deploy time (`<IMAGE>`, `${IMAGE}`, `{{image}}`, as
amazon-ecs-render-task-definition uses) are not judged. checkov's ECS
checks read Terraform and CloudFormation, not task definition JSON: no
anchor.

## Why is this bad?
Each new task (a scale-out, a replaced host, a restart) pulls whatever
`:latest` points to at that moment: tasks of one service run different
code, a rollback redeploys the same moving tag, and nobody can say which
image is in production.

## Example
```json
{"family": "app",
 "containerDefinitions": [{"name": "app", "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:latest"}]}
```

## Use instead
```json
{"family": "app",
 "containerDefinitions": [{"name": "app",
   "image": "123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:3f2c1ab@sha256:<digest>"}]}
```
with the ECR repository's tags immutable, so a tag can never be moved.

## References
- Amazon ECS: Task definition parameters, image (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_image)
- Amazon ECR: Image tag mutability (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html)
- CWE-1357: Reliance on Insufficiently Trustworthy Component (https://cwe.mitre.org/data/definitions/1357.html)"#
);

/// Every container definition's image.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(root) = cx.json.and_then(|j| j.root.as_ref()) else {
        return;
    };
    for c in container_definitions(root) {
        let Some(node) = c.get("image") else {
            continue;
        };
        let Some(text) = node.as_str() else {
            continue;
        };
        if text.contains(['<', '$', '{']) {
            continue;
        }
        let Some(image) = ImageRef::parse(text) else {
            continue;
        };
        let name = c.get("name").and_then(Node::as_str).unwrap_or("?");
        if image.floating() {
            out.add_rated(
                Severity::High,
                Confidence::High,
                node.span,
                format!(
                    "container `{name}` runs `{text}`: every new task pulls whatever `{}` points to then; pin a version tag (immutable in ECR) or a digest",
                    image.tag.unwrap_or("latest")
                ),
            );
        } else if image.lacks_required_digest(cx.opts) {
            out.add_rated(
                Severity::Low,
                Confidence::High,
                node.span,
                format!("container `{name}` image `{text}` has a tag but no digest (`pin_digests` is on)"),
            );
        }
    }
}
