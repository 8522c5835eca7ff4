//! `artipacked`: actions/checkout leaving the token in `.git/config`.

use super::common::is_full_sha;
use super::prelude::*;

doc!(
    "checkout persists the job token in .git/config",
    r#"checkout persists the job token in .git/config.

## What it does
Flags `actions/checkout` steps without `persist-credentials: false`. MEDIUM;
LOW for checkout v6 and later, which keeps the token outside `.git/config`
(as zizmor rates it). Same problem as zizmor's `artipacked`.

## Why is this bad?
By default checkout writes the job's `GITHUB_TOKEN` into `.git/config`. Any
later step that uploads the workspace (an artifact, a cache, a Docker build
context with `COPY .`) ships the token with it, and every later step in the
job (each third-party action) can read it.

## Example
```yaml
- uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
```

## Use instead
```yaml
- uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
  with:
    persist-credentials: false
```

## References
- zizmor artipacked (https://docs.zizmor.sh/audits/#artipacked)
- ArtiPACKED: Hacking Giants Through a Race Condition in GitHub Actions Artifacts (https://unit42.paloaltonetworks.com/github-repo-artifacts-leak-tokens/)
- CWE-522: Insufficiently Protected Credentials (https://cwe.mitre.org/data/definitions/522.html)"#
);

/// A checkout step without `persist-credentials: false`.
pub fn check(_cx: &Cx<'_>, _jobs: &[Job<'_>], step: &Step<'_>, out: &mut Hits) {
    if step.action().as_deref() != Some("actions/checkout") {
        return;
    }
    let persist = step.with("persist-credentials").and_then(Node::as_str);
    if persist.is_some_and(|v| v.trim().eq_ignore_ascii_case("false")) {
        return;
    }
    let r = step
        .uses()
        .and_then(Node::as_str)
        .and_then(|u| u.rsplit_once('@'))
        .map_or("", |(_, r)| r);
    let major: Option<u32> = r
        .strip_prefix('v')
        .and_then(|v| v.split('.').next())
        .and_then(|m| m.parse().ok());
    let sev = if major.is_some_and(|m| m >= 6) {
        Severity::Low
    } else {
        Severity::Medium
    };
    let conf = if major.is_some() || is_full_sha(r) {
        Confidence::High
    } else {
        Confidence::Medium
    };
    // Reported at the step, as zizmor does, so imported results line up.
    let mut span = step.node.span;
    span.end = span.start;
    span.end_byte = span.start_byte;
    if let Some(u) = step.uses() {
        span = Span {
            end: u.span.end,
            end_byte: u.span.end_byte,
            ..span
        };
    }
    out.add_rated(
        sev,
        conf,
        span,
        "checkout does not set `persist-credentials: false`: the job token stays in .git/config for every later step and upload",
    );
}
