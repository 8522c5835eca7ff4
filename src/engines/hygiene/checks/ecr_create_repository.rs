//! `ecr-create-repository`: `aws ecr create-repository` without scan on push and immutable tags.

use super::prelude::*;
use crate::hygiene::shell::{Script, Word};

doc!(
    "ECR repository created without scan on push or immutable tags",
    r#"ECR repository created without scan on push or immutable tags.

## What it does
Reads every shell the engine reads (workflow `run:`, Dockerfile `RUN`,
GitLab CI `script:`, `*.sh` files) and flags `aws ecr create-repository`
that does not ask for both `--image-scanning-configuration scanOnPush=true`
and `--image-tag-mutability IMMUTABLE` (or `IMMUTABLE_WITH_EXCLUSION`):
one finding naming what is missing. A command that takes its settings from
`--cli-input-json`/`--cli-input-yaml` is not judged. Terraform and
CloudFormation scanners check the same settings on their resources; no
tool checks the CLI call, so there is no anchor.

## Why is this bad?
With mutable tags, anyone who may push can replace the image behind a tag
that a task definition already names: the next deployment or restart runs
it, and nothing records the change. Without scan on push, a vulnerable base
image reaches production without a finding (unless enhanced scanning is on
for the whole registry).

## Example
```sh
aws ecr create-repository --repository-name app
```

## Use instead
```sh
aws ecr create-repository --repository-name app \
  --image-scanning-configuration scanOnPush=true \
  --image-tag-mutability IMMUTABLE
```

## References
- Amazon ECR: Image tag mutability (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html)
- Amazon ECR: Scan images for software vulnerabilities (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-scanning.html)
- CWE-1357: Reliance on Insufficiently Trustworthy Component (https://cwe.mitre.org/data/definitions/1357.html)"#
);

/// The value of option `name` (`--opt value` or `--opt=value`).
fn option<'w>(args: &'w [Word], name: &str) -> Option<&'w str> {
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a.text == name {
            return it.next().map(|v| v.text.as_str());
        }
        if let Some(v) = a.text.strip_prefix(name).and_then(|r| r.strip_prefix('=')) {
            return Some(v);
        }
    }
    None
}

/// Every `aws ecr create-repository` of a script.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        let args = c.args();
        if c.program() != "aws" {
            continue;
        }
        let Some(i) = args.iter().position(|a| a.text == "ecr") else {
            continue;
        };
        if args
            .get(i + 1)
            .is_none_or(|a| a.text != "create-repository")
        {
            continue;
        }
        let rest = &args[i + 2..];
        if rest.iter().any(|a| a.text.starts_with("--cli-input-")) {
            continue;
        }
        let known = |v: Option<&str>| v.is_some_and(|v| v.contains('$'));
        let scan = option(rest, "--image-scanning-configuration");
        let scan_ok = known(scan)
            || scan.is_some_and(|v| {
                let v = v.replace(' ', "").to_ascii_lowercase();
                v.contains("scanonpush=true") || v.contains("\"scanonpush\":true")
            });
        let tags = option(rest, "--image-tag-mutability");
        let tags_ok = known(tags) || tags.is_some_and(|v| v.starts_with("IMMUTABLE"));
        let missing = match (scan_ok, tags_ok) {
            (true, true) => continue,
            (false, true) => "scan on push (`--image-scanning-configuration scanOnPush=true`)",
            (true, false) => "immutable tags (`--image-tag-mutability IMMUTABLE`)",
            (false, false) => "scan on push (`--image-scanning-configuration scanOnPush=true`) and immutable tags (`--image-tag-mutability IMMUTABLE`)",
        };
        out.add(
            script.command_span(c),
            format!("`aws ecr create-repository` without {missing}: pushed tags can be replaced under running deployments and images go unscanned"),
        );
    }
}
