//! `ecs-plain-secret`: a secret in an ECS container's plain `environment`.

use super::prelude::*;
use crate::hygiene::json::{container_definitions, Node};

doc!(
    "Secret in ECS plain environment",
    r#"Secret in ECS plain environment.

## What it does
Flags `environment` entries of ECS container definitions whose name looks
like a secret (`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY`,
`ACCESS_KEY`, `CREDENTIAL`) and whose value is set, and any value holding
a URL with a password (`postgres://app:pw@db/app`), whatever its name.
Names that only refer to a secret (`*_ARN`, `*_NAME`, `*_PATH`, `*_FILE`)
and placeholders (`${...}`, `<...>`) are not flagged. The finding points at
the value. No other tool reads task definition JSON for this: no anchor.

## Why is this bad?
Plain `environment` values are stored in the task definition: anyone who
may `ecs:DescribeTaskDefinition` reads them, every revision keeps them,
and here the file in the repository holds them too. `secrets` with
`valueFrom` keeps only a reference; ECS fetches the value from Secrets
Manager or SSM Parameter Store when the task starts.

## Example
```json
"environment": [{"name": "DATABASE_PASSWORD", "value": "hunter2"}]
```

## Use instead
```json
"secrets": [{"name": "DATABASE_PASSWORD",
  "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/db-AbCdEf"}]
```

## References
- Amazon ECS: Pass sensitive data to a container (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
- CWE-798: Use of Hard-coded Credentials (https://cwe.mitre.org/data/definitions/798.html)"#
);

const SECRET_WORDS: &[&str] = &[
    "PASSWORD",
    "PASSWD",
    "SECRET",
    "TOKEN",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
    "CREDENTIAL",
];

/// Suffixes of names that point at a secret rather than hold it.
const REFERENCE_SUFFIXES: &[&str] = &["_ARN", "_NAME", "_PATH", "_FILE", "_ID_ARN"];

fn secret_name(name: &str) -> bool {
    let n = name.to_ascii_uppercase();
    SECRET_WORDS.iter().any(|w| n.contains(w)) && !REFERENCE_SUFFIXES.iter().any(|s| n.ends_with(s))
}

/// Whether a value holds a URL with a password (`scheme://user:pw@host`).
fn url_with_password(value: &str) -> bool {
    let Some((_, rest)) = value.split_once("://") else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    authority.rsplit_once('@').is_some_and(|(userinfo, _)| {
        userinfo
            .split_once(':')
            .is_some_and(|(_, pw)| !pw.is_empty())
    })
}

/// Every container definition's `environment`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(root) = cx.json.and_then(|j| j.root.as_ref()) else {
        return;
    };
    for c in container_definitions(root) {
        for e in c.get("environment").map(Node::objects).unwrap_or_default() {
            let (Some(name), Some(value_node)) =
                (e.get("name").and_then(Node::as_str), e.get("value"))
            else {
                continue;
            };
            let value = value_node.as_str().unwrap_or_default().trim();
            if value.is_empty() || value.starts_with("${") || value.starts_with('<') {
                continue;
            }
            if secret_name(name) || url_with_password(value) {
                out.add(
                    value_node.span,
                    format!("`{name}` is a plain environment value, readable by anyone who can describe the task definition: move it to `secrets` with `valueFrom` (Secrets Manager or SSM) and rotate it"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names_and_urls() {
        assert!(secret_name("DATABASE_PASSWORD"));
        assert!(secret_name("stripe_api_key"));
        assert!(!secret_name("DB_PASSWORD_SECRET_ARN"));
        assert!(!secret_name("LOG_LEVEL"));
        assert!(url_with_password("postgres://app:pw@db:5432/app"));
        assert!(!url_with_password("postgres://app@db/app"));
        assert!(!url_with_password("https://example.com/a:b@c"));
    }
}
