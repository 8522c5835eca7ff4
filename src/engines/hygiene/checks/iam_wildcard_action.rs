//! `iam-wildcard-action`: an `Allow` statement granting every action, or every action of a service.

use super::prelude::*;

doc!(
    "IAM policy allows every action",
    r#"IAM policy allows every action.

## What it does
Reads IAM policy JSON (any JSON file with `Statement`/`Effect`, also when
wrapped as `PolicyDocument` / `AssumeRolePolicyDocument`) and flags `Allow`
statements whose `Action` is `"*"` (HIGH) or a whole service such as
`"s3:*"` (MEDIUM), and `Allow` statements with `NotAction` (everything but
the listed actions, including every action AWS adds later). `Action` may be
a string or a list; `Statement` an object or a list. The finding points at
the wildcard. checkov's `CKV_AWS_1`/`CKV_AWS_62`-style checks read
Terraform and CloudFormation, not policy JSON files, so there is no anchor.

## Why is this bad?
The role the deploy pipeline assumes (or the task role the service runs
as) can then do far more than it needs: delete repositories, read every
bucket, change IAM. A leaked token or a compromised dependency gets all
of it.

## Example
```json
{"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow", "Action": "ecr:*", "Resource": "*"}]}
```

## Use instead
```json
{"Version": "2012-10-17",
 "Statement": [{"Effect": "Allow",
   "Action": ["ecr:BatchCheckLayerAvailability", "ecr:InitiateLayerUpload",
              "ecr:UploadLayerPart", "ecr:CompleteLayerUpload", "ecr:PutImage"],
   "Resource": "arn:aws:ecr:eu-west-1:123456789012:repository/app"}]}
```

## References
- AWS IAM: Security best practices, apply least-privilege permissions (https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html)
- AWS IAM: NotAction (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html)
- CWE-269: Improper Privilege Management (https://cwe.mitre.org/data/definitions/269.html)"#
);

/// Every `Allow` statement's actions.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    for st in cx.allow_statements() {
        if let Some(p) = st.pair("NotAction") {
            out.add_rated(
                Severity::High,
                Confidence::High,
                p.key_span,
                "`Allow` with `NotAction` grants every other action, including ones AWS adds later: list the actions needed",
            );
        }
        for a in st.get("Action").map(|a| a.strings()).unwrap_or_default() {
            let action = a.as_str().unwrap_or_default().trim();
            if action == "*" {
                out.add_rated(
                    Severity::High,
                    Confidence::High,
                    a.span,
                    "`Allow` of every action (`\"*\"`): list the actions the role needs",
                );
            } else if let Some(service) = action.strip_suffix(":*") {
                out.add_rated(
                    Severity::Medium,
                    Confidence::High,
                    a.span,
                    format!("`Allow` of every `{service}` action (`{action}`): list the actions the role needs"),
                );
            }
        }
    }
}
