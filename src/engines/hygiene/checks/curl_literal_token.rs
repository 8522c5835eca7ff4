//! `curl-literal-token`: a token or password written into a `curl`/`wget` command.

use super::prelude::*;
use crate::hygiene::shell::{Script, Word};

doc!(
    "Token written into a curl or wget command",
    r#"Token written into a curl or wget command.

## What it does
Reads every shell the engine reads (workflow `run:`, Dockerfile `RUN`,
GitLab CI `script:`, `*.sh` files) and flags credentials written out in a
`curl` or `wget` command: an authentication header with a literal value
(`-H "PRIVATE-TOKEN: glpat-…"`, `JOB-TOKEN`, `Authorization: Bearer …`,
`X-API-Key`, any header whose name says token, key, secret or password),
and `-u user:password` / `--user` / `wget --password=…` with a literal
password. Values from variables (`$CI_JOB_TOKEN`, `${{ secrets.TOKEN }}`)
are the fix and are not flagged. Reports mask the value. The secrets
engine's `curl-auth-header` and `curl-auth-user` rules report the same
lines when the value looks random enough to be a real credential; this
check also catches short and readable ones (`-u deploy:hunter2`). checkov's
`CKV_GITLABCI_1` looks at curl for another reason (sending CI variables
out), so it is not an anchor.

## Why is this bad?
The token is readable by everyone who can read the repository, its forks
and its history, and it stays valid after the line is deleted. GitLab and
GitHub tokens in a pipeline usually carry API or registry write access.

## Example
```yaml
script:
  - 'curl --header "PRIVATE-TOKEN: glpat-0123456789abcdef" "$CI_API_V4_URL/projects"'
  - curl -u deploy:hunter2 https://nexus.example.com/upload
```

## Use instead
```yaml
script:
  - 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects"'
  - curl -u "deploy:$NEXUS_PASSWORD" https://nexus.example.com/upload
```

## References
- GitLab: CI/CD job token (https://docs.gitlab.com/ci/jobs/ci_job_token/)
- CWE-798: Use of Hard-coded Credentials (https://cwe.mitre.org/data/definitions/798.html)"#
);

/// Header names that carry a credential as their whole value.
const AUTH_HEADERS: &[&str] = &[
    "authorization",
    "proxy-authorization",
    "private-token",
    "job-token",
    "deploy-token",
    "x-api-key",
    "api-key",
    "x-auth-token",
    "x-access-token",
];

/// Words in a header name that say it carries a credential.
const AUTH_WORDS: &[&str] = &[
    "token", "secret", "password", "api-key", "apikey", "api_key",
];

/// The credential a header carries, if its name says it carries one.
fn header_secret(header: &str) -> Option<&str> {
    let (name, value) = header.split_once(':')?;
    let name = name.trim().to_ascii_lowercase();
    if !(AUTH_HEADERS.contains(&name.as_str()) || AUTH_WORDS.iter().any(|w| name.contains(w))) {
        return None;
    }
    let value = value.trim();
    // `Authorization: Bearer X` / `Basic X` / `token X`: the credential is X.
    let value = match value.split_once(' ') {
        Some((scheme, rest))
            if ["bearer", "basic", "token", "digest"]
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s)) =>
        {
            rest.trim()
        }
        _ => value,
    };
    Some(value)
}

/// Whether a credential is written out (not a variable, not empty, not a placeholder).
fn literal(value: &str) -> bool {
    !value.is_empty() && !value.contains('$') && !value.contains('`') && !value.starts_with('<')
}

/// Options of curl/wget and the credential each carries.
fn credential<'w>(opt: &str, value: &'w str) -> Option<&'w str> {
    match opt {
        "-H" | "--header" => header_secret(value),
        "-u" | "--user" | "--proxy-user" | "-U" => value.split_once(':').map(|(_, pw)| pw),
        "--password" | "--http-password" | "--proxy-password" | "--ftp-password" => Some(value),
        _ => None,
    }
}

fn report(script: &Script<'_>, program: &str, at: &Word, secret: &str, out: &mut Hits) {
    out.add_secret(
        script.span(at),
        format!("`{program}` sends a credential written out in the file: anyone who reads the repository can use it; rotate it and pass it from a CI secret variable"),
        secret,
    );
}

/// Every curl/wget command of a script.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        let program = c.program();
        if !matches!(program, "curl" | "wget") {
            continue;
        }
        let mut it = c.args().iter();
        while let Some(a) = it.next() {
            let t = a.text.as_str();
            if !t.starts_with('-') {
                continue;
            }
            // `--header=X`, `--user=X`, `-HX`, `-uX`, or the option then its value.
            let (opt, value, at) = if let Some((o, v)) =
                t.split_once('=').filter(|_| t.starts_with("--"))
            {
                (o, v.to_string(), a)
            } else if t.len() > 2 && !t.starts_with("--") && matches!(&t[..2], "-H" | "-u" | "-U") {
                (&t[..2], t[2..].to_string(), a)
            } else if credential(t, "x:y").is_some() || t == "-H" || t == "--header" {
                match it.next() {
                    Some(v) => (t, v.text.clone(), v),
                    None => continue,
                }
            } else {
                continue;
            };
            if let Some(secret) = credential(opt, &value).map(str::trim) {
                if literal(secret) {
                    report(script, program, at, secret, out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_that_carry_credentials() {
        assert_eq!(header_secret("PRIVATE-TOKEN: abc"), Some("abc"));
        assert_eq!(header_secret("Authorization: Bearer abc"), Some("abc"));
        assert_eq!(header_secret("X-Vault-Token: abc"), Some("abc"));
        assert_eq!(header_secret("Content-Type: application/json"), None);
        assert!(!literal("$CI_JOB_TOKEN"));
        assert!(literal("glpat-abc"));
        assert_eq!(credential("-u", "deploy:pw"), Some("pw"));
        assert_eq!(credential("-u", "deploy"), None);
    }
}
