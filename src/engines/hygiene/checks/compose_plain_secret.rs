//! `compose-plain-secret`: a secret written into a compose service's `environment`.

use super::common::{secret_name, url_with_password};
use super::prelude::*;

doc!(
    "Secret in compose plain environment",
    r#"Secret in compose plain environment.

## What it does
Flags `services.*.environment` entries of a compose file, in both forms
(`KEY: value` and `- KEY=value`), whose name looks like a secret
(`PASSWORD`, `SECRET`, `TOKEN`, `API_KEY`, `PRIVATE_KEY`, `ACCESS_KEY`,
`CREDENTIAL`) and whose value is written out, and any value holding a URL
with a password (`postgres://app:pw@db/app`), whatever its name. Values
taken from the environment or an env file (`${DB_PASSWORD}`,
`$DB_PASSWORD`, `KEY` with no value), names that only refer to a secret
(`*_FILE`, `*_PATH`, `*_ARN`, `*_NAME`) and placeholders (`<...>`) are not
flagged. The finding points at the value, which reports mask. No other
tool checks this: no anchor.

## Why is this bad?
The compose file is committed: everyone who can read the repository, its
forks and its history reads the password, and it stays valid after it is
removed from the file. `docker inspect` shows it to anyone on the host too.

## Example
```yaml
services:
  web:
    environment:
      DATABASE_URL: postgres://app:hunter2@db/app
      SECRET_KEY: 5f2b9c0e
```

## Use instead
```yaml
services:
  web:
    env_file: .env            # kept out of git
    environment:
      SECRET_KEY: ${SECRET_KEY}
    secrets: [db_password]    # read from /run/secrets/db_password
secrets:
  db_password:
    environment: DB_PASSWORD
```

## References
- Docker: Manage secrets securely in Docker Compose (https://docs.docker.com/compose/how-tos/use-secrets/)
- CWE-798: Use of Hard-coded Credentials (https://cwe.mitre.org/data/definitions/798.html)"#
);

/// Whether a value is written out in the file (not interpolated, not a placeholder).
fn literal(value: &str) -> bool {
    let v = value.trim();
    let flag = ["true", "false", "yes", "no", "on", "off", "null", "~"]
        .iter()
        .any(|f| v.eq_ignore_ascii_case(f));
    !v.is_empty() && !flag && !v.contains('$') && !v.starts_with('<')
}

fn judge(service: &str, name: &str, value: &str, span: Span, out: &mut Hits) {
    if !literal(value) || !(secret_name(name) || url_with_password(value)) {
        return;
    }
    out.add_secret(
        span,
        format!("`{name}` of compose service `{service}` is written into the file: pass it from the environment (`${{{name}}}`), an `env_file` kept out of git, or compose `secrets`, and rotate it"),
        value.trim(),
    );
}

/// Every service's `environment`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(services) = cx.root().and_then(|r| r.get("services")) else {
        return;
    };
    for svc in services.pairs() {
        let Some(env) = svc.value.get("environment") else {
            continue;
        };
        let service = svc.key_str();
        for p in env.pairs() {
            if let Some(v) = p.value.as_scalar() {
                judge(service, p.key_str(), &v.value, p.value.span, out);
            }
        }
        for item in env.items() {
            let Some(s) = item.as_scalar() else {
                continue;
            };
            let Some((name, value)) = s.value.split_once('=') else {
                continue;
            };
            let start = name.len() + 1;
            let span = s.span_of(start..s.value.len());
            judge(service, name.trim(), value, span, out);
        }
    }
}
