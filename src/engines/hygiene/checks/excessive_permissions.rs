//! `excessive-permissions`: no top-level `permissions:`, or write scopes granted to every job.

use super::prelude::*;

doc!(
    "Workflow token permissions not least-privilege",
    r#"Workflow token permissions not least-privilege.

## What it does
Flags a workflow with no top-level `permissions:` while some job sets none
either (MEDIUM: the repository's default token permissions apply, often
read-write), `permissions: write-all` at the top (HIGH), and write scopes
or `id-token: write` granted at workflow level instead of to the one job
that needs them (MEDIUM; HIGH for `id-token`, `contents`, `packages`,
`actions`). Same problem as zizmor's `excessive-permissions` and checkov's
`CKV2_GHA_1`.

## Why is this bad?
Every job, and every action each job runs, gets the workflow's token. A
write scope at the top hands push rights, package publishing or cloud
credentials (`id-token: write` mints OIDC tokens) to the lint job and to
each third-party action in it; one compromised action is then enough.

## Example
```yaml
on: push
permissions:
  contents: write
  id-token: write
jobs:
  test: ...
  deploy: ...
```

## Use instead
```yaml
on: push
permissions:
  contents: read
jobs:
  test: ...
  deploy:
    permissions:
      contents: read
      id-token: write
```

## References
- zizmor excessive-permissions (https://docs.zizmor.sh/audits/#excessive-permissions)
- checkov CKV2_GHA_1: top-level permissions are not write-all
- GitHub: Controlling permissions for GITHUB_TOKEN (https://docs.github.com/en/actions/writing-workflows/choosing-what-your-workflow-does/controlling-permissions-for-github_token)
- CWE-250: Execution with Unnecessary Privileges (https://cwe.mitre.org/data/definitions/250.html)"#
);

/// Scopes whose write access gives away the most.
const SENSITIVE: &[&str] = &["id-token", "contents", "packages", "actions"];

/// The workflow's top-level `permissions:`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(root) = cx.root() else {
        return;
    };
    let Some(perms) = root.pair("permissions") else {
        let jobs = cx.jobs();
        if jobs.iter().all(|j| j.node.get("permissions").is_some()) {
            return;
        }
        // At the document's start, where zizmor reports it too.
        let mut span = root.span;
        span.end = span.start;
        span.end_byte = span.start_byte;
        out.add_rated(
            Severity::Medium,
            Confidence::High,
            span,
            "no top-level `permissions:`: jobs without their own get the repository's default token permissions; set `permissions: {}` or `contents: read` at the top and grant more per job",
        );
        return;
    };
    match &perms.value.value {
        Value::Scalar(s) if s.value.trim() == "write-all" => out.add_rated(
            Severity::High,
            Confidence::High,
            perms.value.span,
            "`permissions: write-all` gives every job and every action in this workflow write access to everything",
        ),
        Value::Map(scopes) => {
            for p in scopes {
                let level = p.value.as_str().unwrap_or("").trim();
                if level != "write" {
                    continue;
                }
                let scope = p.key_str();
                let sev = if SENSITIVE.contains(&scope) {
                    Severity::High
                } else {
                    Severity::Medium
                };
                out.add_rated(
                    sev,
                    Confidence::High,
                    Span { end: p.value.span.end, end_byte: p.value.span.end_byte, ..p.key.span },
                    format!("`{scope}: write` is granted to every job of the workflow; grant it only to the job that needs it"),
                );
            }
        }
        _ => {}
    }
}
