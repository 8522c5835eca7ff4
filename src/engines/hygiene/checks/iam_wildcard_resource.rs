//! `iam-wildcard-resource`: `Resource: "*"` on actions that can be scoped to resources.

use super::prelude::*;

doc!(
    "IAM policy grants scopable actions on every resource",
    r#"IAM policy grants scopable actions on every resource.

## What it does
Flags `Allow` statements of IAM policy JSON whose `Resource` is `"*"`
while some of their actions support resource-level permissions: the
statement could name ARNs and does not. `iam:PassRole` on `"*"` is HIGH
(it lets the holder hand any role, admin included, to a service it
starts); other actions are MEDIUM. Actions that cannot be scoped (the
Service Authorization Reference lists no resource type for them) are
known and not flagged: `ecr:GetAuthorizationToken`,
`sts:GetCallerIdentity`, `ecs:RegisterTaskDefinition`,
`ecs:DescribeTaskDefinition`, `ec2:Describe*`, `cloudwatch:PutMetricData`,
`logs:DescribeLogGroups`... That table is partial: an unscopable action
gate does not know is reported, and a `gate:ignore[iam-wildcard-resource]`
review note (or moving it into a statement of its own) settles it. A
statement with a `Condition` is reported at LOW confidence, as the
condition may scope it. checkov's `CKV_AWS_355` is the same check for
Terraform and CloudFormation, not for policy JSON, so it is no anchor.

## Why is this bad?
`"Resource": "*"` turns "push to the app's repository" into "push to,
or delete images from, every repository in the account"; a deploy role
that may update one service may update all of them.

## Example
```json
{"Effect": "Allow",
 "Action": ["ecr:GetAuthorizationToken", "ecr:PutImage", "iam:PassRole"],
 "Resource": "*"}
```

## Use instead
```json
[{"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
 {"Effect": "Allow", "Action": "ecr:PutImage",
  "Resource": "arn:aws:ecr:eu-west-1:123456789012:repository/app"},
 {"Effect": "Allow", "Action": "iam:PassRole",
  "Resource": "arn:aws:iam::123456789012:role/app-task"}]
```

## References
- AWS Service Authorization Reference: Actions, resources, and condition keys (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html)
- AWS IAM: Granting a user permissions to pass a role (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)
- CWE-732: Incorrect Permission Assignment for Critical Resource (https://cwe.mitre.org/data/definitions/732.html)"#
);

/// Actions whose Service Authorization Reference entry lists no resource
/// type: they only work with `"Resource": "*"`. Partial (lowercase).
const UNSCOPABLE: &[&str] = &[
    "cloudwatch:getmetricdata",
    "cloudwatch:listmetrics",
    "cloudwatch:putmetricdata",
    "ecr:getauthorizationtoken",
    "ecr-public:getauthorizationtoken",
    "ecs:createcluster",
    "ecs:deregistertaskdefinition",
    "ecs:describetaskdefinition",
    "ecs:listclusters",
    "ecs:listtaskdefinitions",
    "ecs:registertaskdefinition",
    "iam:listroles",
    "kms:createkey",
    "kms:listaliases",
    "kms:listkeys",
    "logs:describeloggroups",
    "s3:listallmybuckets",
    "secretsmanager:getrandompassword",
    "secretsmanager:listsecrets",
    "ssm:describeparameters",
    "sts:getcalleridentity",
    "sts:getservicebearertoken",
    "xray:puttelemetryrecords",
    "xray:puttracesegments",
];

/// Action prefixes (after the lowercase service) that never take resources.
const UNSCOPABLE_PREFIXES: &[&str] = &["ec2:describe"];

/// Whether an action (possibly a wildcard pattern) only works on `"*"`.
fn unscopable(action: &str) -> bool {
    let a = action.trim().to_ascii_lowercase();
    if let Some(stem) = a.strip_suffix('*') {
        // `ec2:Describe*` is unscopable; `s3:Get*` covers scopable actions.
        return UNSCOPABLE_PREFIXES.iter().any(|p| stem.starts_with(p));
    }
    UNSCOPABLE.contains(&a.as_str()) || UNSCOPABLE_PREFIXES.iter().any(|p| a.starts_with(p))
}

/// Every `Allow` statement's resources.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    for st in cx.allow_statements() {
        let Some(star) = st
            .get("Resource")
            .map(|r| r.strings())
            .unwrap_or_default()
            .into_iter()
            .find(|r| r.as_str().is_some_and(|s| s.trim() == "*"))
        else {
            continue;
        };
        let actions: Vec<&str> = st
            .get("Action")
            .map(|a| a.strings())
            .unwrap_or_default()
            .into_iter()
            .filter_map(|a| a.as_str())
            .collect();
        let conditional = st.get("Condition").is_some();
        let confidence = if conditional {
            Confidence::Low
        } else {
            Confidence::High
        };
        let pass_role = actions.iter().any(|a| {
            let a = a.trim().to_ascii_lowercase();
            a == "iam:passrole" || a == "iam:pass*" || a == "iam:*" || a == "*"
        });
        let scopable: Vec<&str> = actions.iter().copied().filter(|a| !unscopable(a)).collect();
        if pass_role {
            out.add_rated(
                Severity::High,
                confidence,
                star.span,
                "`iam:PassRole` on every role (`\"Resource\": \"*\"`): name the roles the services may be given",
            );
        } else if !scopable.is_empty() {
            let shown: Vec<String> = scopable.iter().take(3).map(|a| format!("`{a}`")).collect();
            let more = if scopable.len() > 3 {
                format!(" and {} more", scopable.len() - 3)
            } else {
                String::new()
            };
            out.add_rated(
                Severity::Medium,
                confidence,
                star.span,
                format!(
                    "`\"Resource\": \"*\"` for {}{more}, which can be scoped to resource ARNs: name the resources (keep `*` only for actions that cannot be scoped, in a statement of their own)",
                    shown.join(", ")
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unscopable_actions_are_known_case_insensitively() {
        assert!(unscopable("ecr:GetAuthorizationToken"));
        assert!(unscopable("ec2:DescribeInstances"));
        assert!(unscopable("ec2:Describe*"));
        assert!(!unscopable("ecr:PutImage"));
        assert!(!unscopable("s3:Get*"));
        assert!(!unscopable("*"));
    }
}
