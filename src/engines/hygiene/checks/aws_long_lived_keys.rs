//! `aws-long-lived-keys`: configure-aws-credentials given access keys instead of OIDC.

use super::prelude::*;

doc!(
    "AWS credentials from long-lived access keys instead of OIDC",
    r#"AWS credentials from long-lived access keys instead of OIDC.

## What it does
Flags `aws-actions/configure-aws-credentials` steps given
`aws-access-key-id` / `aws-secret-access-key` (HIGH; CRITICAL when the key is
written in the file rather than taken from `${{ secrets.* }}`). No other
tool checks this.

## Why is this bad?
An IAM user's access key never expires: it sits in repository secrets, is
readable by every workflow that can reach them (and by any action those
workflows run), and keeps working after it leaks until someone rotates it.
GitHub's OIDC provider gives each job short-lived credentials for one role,
scoped by a trust policy to this repository and branch.

## Example
```yaml
- uses: aws-actions/configure-aws-credentials@7474bc4690e29a8392af63c5b98e7449536d5c3a
  with:
    aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
    aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
    aws-region: eu-west-1
```

## Use instead
```yaml
permissions:
  id-token: write
  contents: read
steps:
  - uses: aws-actions/configure-aws-credentials@7474bc4690e29a8392af63c5b98e7449536d5c3a
    with:
      role-to-assume: arn:aws:iam::123456789012:role/deploy
      aws-region: eu-west-1
```

## References
- configure-aws-credentials: OIDC (https://github.com/aws-actions/configure-aws-credentials#oidc)
- GitHub: Configuring OpenID Connect in Amazon Web Services (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services)
- CWE-522: Insufficiently Protected Credentials (https://cwe.mitre.org/data/definitions/522.html)"#
);

/// A configure-aws-credentials step with access-key inputs.
pub fn check(_cx: &Cx<'_>, _jobs: &[Job<'_>], step: &Step<'_>, out: &mut Hits) {
    if step.action().as_deref() != Some("aws-actions/configure-aws-credentials") {
        return;
    }
    let Some(with) = step.node.get("with") else {
        return;
    };
    for key in ["aws-access-key-id", "aws-secret-access-key"] {
        let Some(pair) = with.pair(key) else {
            continue;
        };
        let value = pair.value.as_str().unwrap_or("");
        let literal = !value.is_empty() && !value.contains("${{");
        let (sev, what) = if literal {
            (Severity::Critical, "is written in the workflow")
        } else {
            (Severity::High, "comes from a long-lived secret")
        };
        out.add_rated(
            sev,
            Confidence::High,
            pair.key.span,
            format!("`{key}` {what}: use `role-to-assume` with GitHub OIDC (`id-token: write`) instead of IAM user keys"),
        );
        // One finding per step: the secret key is the same problem.
        return;
    }
}
