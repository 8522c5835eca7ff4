//! `unpinned-uses`: an action or reusable workflow not pinned to a commit SHA.

use super::common::{is_full_sha, is_version_ref};
use super::prelude::*;

doc!(
    "Action not pinned to a full commit SHA",
    r#"Action not pinned to a full commit SHA.

## What it does
Flags `uses:` in workflow steps, reusable-workflow jobs and composite actions
whose reference is not a full 40-character commit SHA. A branch (`@main`) or
no reference at all is HIGH: whatever is pushed there next runs in your
pipeline. A tag (`@v4`) is MEDIUM: tags can be moved. Local actions
(`./path`) are not flagged; `docker://` images are flagged without an
`@sha256:` digest (untagged or `:latest` ones are `unpinned-images`'
finding). Owners listed in `[hygiene] allowed_owners` (for example
`actions`) may be pinned by tag.

## Why is this bad?
An action runs with the job's token and secrets. Whoever controls its branch
or tag (the maintainer, or an attacker who took over the repository, as in the
tj-actions/changed-files compromise of March 2025) controls your build and
every credential it holds. A commit SHA cannot be moved.

## Example
```yaml
steps:
  - uses: actions/checkout@v4
  - uses: aws-actions/configure-aws-credentials@main
```

## Use instead
```yaml
steps:
  - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0
  - uses: aws-actions/configure-aws-credentials@7474bc4690e29a8392af63c5b98e7449536d5c3a # v4.3.1
```

## References
- zizmor unpinned-uses (https://docs.zizmor.sh/audits/#unpinned-uses)
- GitHub: Security hardening for GitHub Actions, using third-party actions (https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions)
- CWE-829: Inclusion of Functionality from Untrusted Control Sphere (https://cwe.mitre.org/data/definitions/829.html)"#
);

/// Every `uses:` of the file: steps and reusable-workflow jobs.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let jobs = cx.jobs();
    for job in &jobs {
        if let Some(u) = job.node.get("uses") {
            judge(cx, u, out);
        }
    }
    for step in cx.steps(&jobs) {
        if let Some(u) = step.uses() {
            judge(cx, u, out);
        }
    }
}

fn judge(cx: &Cx<'_>, node: &Node, out: &mut Hits) {
    let Some(uses) = node.as_str().map(str::trim) else {
        return;
    };
    if uses.starts_with("./") || uses.starts_with("../") || uses.is_empty() {
        return;
    }
    if let Some(image) = uses.strip_prefix("docker://") {
        // An untagged or `:latest` image in a workflow or action is
        // unpinned-images' finding (zizmor's split too); a tag without a
        // digest is this one's.
        let floating = super::common::ImageRef::parse(image).is_some_and(|r| r.floating());
        if floating && matches!(cx.kind, FileKind::Workflow | FileKind::Action) {
            return;
        }
        if !image.contains("@sha256:") {
            out.add_rated(
                Severity::Medium,
                Confidence::High,
                node.span,
                format!("`{uses}` is not pinned to an image digest (@sha256:...)"),
            );
        }
        return;
    }
    let (name, git_ref) = match uses.rsplit_once('@') {
        Some((n, r)) => (n, Some(r)),
        None => (uses, None),
    };
    let owner = name.split('/').next().unwrap_or(name).to_ascii_lowercase();
    match git_ref {
        None => out.add_rated(
            Severity::High,
            Confidence::High,
            node.span,
            format!("`{uses}` has no ref: it runs whatever the default branch holds"),
        ),
        Some(r) if is_full_sha(r) => {}
        Some(r) if is_version_ref(r) => {
            if !cx.opts.allowed_owners.contains(&owner) {
                out.add_rated(
                    Severity::Medium,
                    Confidence::High,
                    node.span,
                    format!("`{uses}` is pinned to the tag `{r}`, which can be moved; pin the commit SHA"),
                );
            }
        }
        Some(r) if r.len() >= 7 && r.bytes().all(|b| b.is_ascii_hexdigit()) => out.add_rated(
            Severity::Medium,
            Confidence::Medium,
            node.span,
            format!("`{uses}` is pinned to an abbreviated SHA; use all 40 characters"),
        ),
        Some(r) => {
            if !cx.opts.allowed_owners.contains(&owner) {
                out.add_rated(
                    Severity::High,
                    Confidence::Medium,
                    node.span,
                    format!("`{uses}` follows `{r}`, which looks like a branch: every push to it runs in this pipeline; pin the commit SHA"),
                );
            }
        }
    }
}
