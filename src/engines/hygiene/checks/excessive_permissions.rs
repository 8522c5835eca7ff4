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
`actions`). A workflow whose only trigger is `workflow_call` runs with its
caller's token and is not flagged for a missing block; workflow-level write
scopes that reach at most one job (the only job without its own
`permissions:`) are that job's own and are not flagged. Same problem as
zizmor's `excessive-permissions` and checkov's `CKV2_GHA_1`.

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

/// Whether the workflow only runs when another workflow calls it: the
/// caller's token (which it can only narrow) is the one it gets.
fn only_called(root: &Node) -> bool {
    let Some(on) = root.get("on").or_else(|| root.get("true")) else {
        return false;
    };
    match &on.value {
        Value::Scalar(s) => s.value.trim() == "workflow_call",
        Value::Seq(items) => {
            !items.is_empty() && items.iter().all(|i| i.as_str() == Some("workflow_call"))
        }
        Value::Map(pairs) => {
            !pairs.is_empty() && pairs.iter().all(|p| p.key_str() == "workflow_call")
        }
        _ => false,
    }
}

/// The workflow's top-level `permissions:`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(root) = cx.root() else {
        return;
    };
    let jobs = cx.jobs();
    let inheriting = jobs
        .iter()
        .filter(|j| j.node.get("permissions").is_none())
        .count();
    let Some(perms) = root.pair("permissions") else {
        if inheriting == 0 || only_called(root) {
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
        // One job gets them: they are that job's permissions, written at the top.
        Value::Map(_) if inheriting <= 1 => {}
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
