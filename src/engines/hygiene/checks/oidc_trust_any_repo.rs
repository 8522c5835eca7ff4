//! `oidc-trust-any-repo`: a GitHub OIDC trust policy any repository can assume.

use super::prelude::*;
use crate::hygiene::json::Node;

doc!(
    "GitHub OIDC trust policy admits any repository",
    r#"GitHub OIDC trust policy admits any repository.

## What it does
Reads IAM trust policies (JSON with `Statement`/`Effect`) and flags an
`Allow` statement whose `Principal.Federated` is GitHub's OIDC provider
(`token.actions.githubusercontent.com`) when no condition checks the
`token.actions.githubusercontent.com:sub` claim (HIGH, at the principal),
or when a `StringLike` condition on it admits any repository: `*`,
`repo:*`, `repo:*/...` (HIGH) or every repository of an owner,
`repo:org/*` (MEDIUM). `repo:org/app:*` (any ref of one repository) is
not flagged. checkov's `CKV_AWS_358` checks the same in Terraform, not in
policy JSON, so it is no anchor.

## Why is this bad?
Every GitHub repository can request a token from the same OIDC provider.
Without a `sub` condition (checking only `aud` is not enough, its value
`sts.amazonaws.com` is the same for everyone), any workflow in any
repository on GitHub, an attacker's included, can assume the role and
deploy with it.

## Example
```json
{"Effect": "Allow",
 "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
 "Action": "sts:AssumeRoleWithWebIdentity",
 "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}}
```

## Use instead
```json
"Condition": {
  "StringEquals": {
    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
    "token.actions.githubusercontent.com:sub": "repo:octo-org/app:environment:production"}}
```

## References
- GitHub Docs: Configuring OpenID Connect in Amazon Web Services (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services)
- AWS IAM: Configuring a role for GitHub OIDC identity provider (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-idp_oidc.html#idp_oidc_Create_GitHub)
- CWE-863: Incorrect Authorization (https://cwe.mitre.org/data/definitions/863.html)"#
);

const PROVIDER: &str = "token.actions.githubusercontent.com";

/// How broad a `sub` pattern under a `*Like` operator is: `Some(true)` any
/// repository on GitHub, `Some(false)` any repository of one owner.
fn breadth(pattern: &str) -> Option<bool> {
    let p = pattern.trim();
    if p == "*" || p.starts_with("repo:*") {
        return Some(true);
    }
    let repo = p.strip_prefix("repo:")?;
    let (_owner, rest) = repo.split_once('/')?;
    let name = rest.split(':').next().unwrap_or(rest);
    name.starts_with('*').then_some(false)
}

/// Every `Allow` statement that trusts GitHub's OIDC provider.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    for st in cx.allow_statements() {
        let Some(principal) = st
            .get("Principal")
            .and_then(|p| p.get("Federated"))
            .map(Node::strings)
            .unwrap_or_default()
            .into_iter()
            .find(|f| f.as_str().is_some_and(|s| s.contains(PROVIDER)))
        else {
            continue;
        };
        let mut subs = Vec::new();
        for op in st.get("Condition").map(Node::pairs).unwrap_or_default() {
            let like = op.key.to_ascii_lowercase().contains("like");
            for cond in op.value.pairs() {
                if cond.key.eq_ignore_ascii_case(&format!("{PROVIDER}:sub")) {
                    for v in cond.value.strings() {
                        subs.push((like, v));
                    }
                }
            }
        }
        if subs.is_empty() {
            out.add_rated(
                Severity::High,
                Confidence::High,
                principal.span,
                format!("trust policy for GitHub OIDC has no `{PROVIDER}:sub` condition: any repository on GitHub can assume this role; require `repo:ORG/REPO:...`"),
            );
            continue;
        }
        for (like, v) in subs {
            let value = v.as_str().unwrap_or_default();
            match (like, breadth(value)) {
                (true, Some(true)) => out.add_rated(
                    Severity::High,
                    Confidence::High,
                    v.span,
                    format!("`{value}` admits any repository on GitHub: name the repository (`repo:ORG/REPO:...`)"),
                ),
                (true, Some(false)) => out.add_rated(
                    Severity::Medium,
                    Confidence::High,
                    v.span,
                    format!("`{value}` admits every repository of the owner: name the repository (and branch or environment)"),
                ),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sub_patterns_by_breadth() {
        assert_eq!(breadth("*"), Some(true));
        assert_eq!(breadth("repo:*"), Some(true));
        assert_eq!(breadth("repo:*/app:*"), Some(true));
        assert_eq!(breadth("repo:org/*"), Some(false));
        assert_eq!(breadth("repo:org/*:ref:refs/heads/main"), Some(false));
        assert_eq!(breadth("repo:org/app:*"), None);
        assert_eq!(breadth("repo:org/app:environment:prod"), None);
    }
}
