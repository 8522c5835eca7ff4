//! `dangerous-triggers`: pull_request_target / workflow_run checking out the PR's code.

use super::prelude::*;

doc!(
    "Privileged trigger runs the pull request's code",
    r#"Privileged trigger runs the pull request's code.

## What it does
Flags workflows triggered by `pull_request_target` or `workflow_run` that
check out the pull request's head (`ref:` or `repository:` naming
`github.event.pull_request.head.*`, `github.head_ref`,
`github.event.workflow_run.head_*` or `refs/pull/...`). Reported at the
checkout's `ref:`. The trigger alone is not flagged (zizmor's
`dangerous-triggers` flags every use of it); together with the checkout
it is the "pwn request" pattern.

## Why is this bad?
These triggers run with the base repository's secrets and a write token,
even for a pull request from a fork. Checking out the fork's code and then
building or testing it lets the fork's author run anything with those
secrets.

## Example
```yaml
on: pull_request_target
jobs:
  test:
    steps:
      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
        with:
          ref: ${{ github.event.pull_request.head.sha }}
      - run: make test
```

## Use instead
```yaml
on: pull_request
jobs:
  test:
    permissions:
      contents: read
    steps:
      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
        with:
          persist-credentials: false
      - run: make test
```

## References
- zizmor dangerous-triggers (https://docs.zizmor.sh/audits/#dangerous-triggers)
- GitHub Security Lab: Preventing pwn requests (https://securitylab.github.com/resources/github-actions-preventing-pwn-requests/)
- CWE-829: Inclusion of Functionality from Untrusted Control Sphere (https://cwe.mitre.org/data/definitions/829.html)"#
);

const TRIGGERS: &[&str] = &["pull_request_target", "workflow_run"];

fn triggers(on: &Node) -> Vec<&str> {
    match &on.value {
        Value::Scalar(s) => vec![s.value.as_str()],
        Value::Seq(items) => items.iter().filter_map(Node::as_str).collect(),
        Value::Map(pairs) => pairs.iter().map(Pair::key_str).collect(),
        _ => Vec::new(),
    }
}

fn names_pr_head(v: &str) -> bool {
    let v = v.replace(' ', "");
    v.contains("github.event.pull_request.head.")
        || v.contains("github.head_ref")
        || v.contains("github.event.workflow_run.head_")
        || v.contains("refs/pull/")
}

/// A checkout of the PR head under a privileged trigger.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(on) = cx
        .root()
        .and_then(|r| r.get("on").or_else(|| r.get("true")))
    else {
        return;
    };
    let Some(trigger) = triggers(on).into_iter().find(|t| TRIGGERS.contains(t)) else {
        return;
    };
    let jobs = cx.jobs();
    for step in cx.steps(&jobs) {
        if step.action().as_deref() != Some("actions/checkout") {
            continue;
        }
        for key in ["ref", "repository"] {
            let Some(v) = step.with(key) else {
                continue;
            };
            if v.as_str().is_some_and(names_pr_head) {
                out.add(
                    v.span,
                    format!("`{trigger}` runs with secrets and a write token, and this step checks out the pull request's code: anything it builds or runs is the PR author's"),
                );
                break;
            }
        }
    }
}
