//! `docker-push-latest`: a pipeline that publishes `:latest` (or no tag).

use super::common::ImageRef;
use super::prelude::*;
use crate::hygiene::shell::{Command, Script, Word};

doc!(
    "Image pushed or tagged as :latest",
    r#"Image pushed or tagged as :latest.

## What it does
Reads each `run:` script as shell and flags `docker push` / `podman push`
of an image with no tag or `:latest`, `docker tag SRC DST` with such a
DST, and `docker build`/`buildx build --push` with a `-t` of that kind.
Tags built from variables or expressions (`$GITHUB_SHA`, `${{ github.sha }}`)
are not flagged; neither is `push --all-tags`. No other tool checks this.

## Why is this bad?
`:latest` names whatever was pushed last. A deployment that pulls it cannot
tell which build it runs, cannot be rolled back to a known image, and picks
up a half-tested build the moment someone pushes. Immutable tags (the
commit SHA, a version) make every deployment traceable; ECR can then
enforce tag immutability.

## Example
```yaml
- run: |
    docker build -t $ECR_REPO:latest .
    docker push $ECR_REPO:latest
```

## Use instead
```yaml
- run: |
    docker build -t "$ECR_REPO:$GITHUB_SHA" .
    docker push "$ECR_REPO:$GITHUB_SHA"
```

## References
- AWS: Image tag mutability in Amazon ECR (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html)
- CWE-1357: Reliance on Insufficiently Trustworthy Component (https://cwe.mitre.org/data/definitions/1357.html)"#
);

/// The tag of an image word when it is `latest` or missing; `None` when
/// fixed or dynamic.
fn floating_tag(w: &Word) -> Option<&'static str> {
    // `$REPO:latest` is dynamic in its name, but its tag is written out.
    let text = w.text.as_str();
    let slash = text.rfind('/').map_or(0, |i| i + 1);
    let tail = &text[slash..];
    match tail.rfind(':') {
        Some(i) if tail[i + 1..].eq_ignore_ascii_case("latest") => Some("`:latest`"),
        Some(_) => None,
        None if w.dynamic => None,
        None => ImageRef::parse(text)
            .filter(|r| r.digest.is_none())
            .map(|_| "no tag (docker uses `:latest`)"),
    }
}

/// Options of `docker push` / `build` that take a value.
const VALUE_OPTS: &[&str] = &[
    "--platform",
    "-f",
    "--file",
    "--build-arg",
    "--target",
    "--label",
    "--cache-from",
    "--cache-to",
    "--secret",
    "--ssh",
    "--network",
    "--progress",
    "--output",
    "-o",
    "--builder",
    "--iidfile",
    "--metadata-file",
    "--add-host",
    "--provenance",
    "--sbom",
];

fn positional(args: &[Word]) -> Vec<&Word> {
    let mut out = Vec::new();
    let mut skip = false;
    for a in args {
        if skip {
            skip = false;
            continue;
        }
        if a.text.starts_with('-') {
            skip = VALUE_OPTS.contains(&a.text.as_str());
            continue;
        }
        out.push(a);
    }
    out
}

fn report(script: &Script<'_>, w: &Word, verb: &str, why: &str, out: &mut Hits) {
    out.add(
        script.span(w),
        format!("{verb} `{}` with {why}: deployments cannot tell which build they run; tag with the commit SHA or a version", w.text),
    );
}

fn docker(script: &Script<'_>, c: &Command, out: &mut Hits) {
    let mut args = c.args();
    if args
        .first()
        .is_some_and(|a| a.text == "image" || a.text == "buildx")
    {
        args = &args[1..];
    }
    let Some((sub, rest)) = args.split_first() else {
        return;
    };
    match sub.text.as_str() {
        "push" => {
            if rest
                .iter()
                .any(|a| a.text == "--all-tags" || a.text == "-a")
            {
                return;
            }
            if let Some(img) = positional(rest).first() {
                if let Some(why) = floating_tag(img) {
                    report(script, img, "pushes", why, out);
                }
            }
        }
        "tag" => {
            if let Some(dst) = positional(rest).get(1) {
                if let Some(why) = floating_tag(dst) {
                    report(script, dst, "tags", why, out);
                }
            }
        }
        "build" => {
            if !rest
                .iter()
                .any(|a| a.text == "--push" || a.text.starts_with("--output=type=registry"))
            {
                return;
            }
            let mut it = rest.iter();
            while let Some(a) = it.next() {
                let tag = if a.text == "-t" || a.text == "--tag" {
                    it.next()
                } else {
                    None
                };
                if let Some(t) = tag {
                    if let Some(why) = floating_tag(t) {
                        report(script, t, "builds and pushes", why, out);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Every docker/podman command of a script.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        if matches!(c.program(), "docker" | "podman") {
            docker(script, c, out);
        }
    }
}
