//! `docker-login-password-arg`: a registry password given on the `docker login` command line.

use super::prelude::*;
use crate::hygiene::shell::{Command, Script, Word};

doc!(
    "Registry password on the docker login command line",
    r#"Registry password on the docker login command line.

## What it does
Reads every shell the engine reads (workflow `run:`, Dockerfile `RUN`,
GitLab CI `script:`, `*.sh` files) and flags `docker login` (`podman`,
`buildah`, `nerdctl`, `helm registry`) given the password as an argument:
`-p X`, `-pX`, `--password X`, `--password=X`. A password written out in
the file is HIGH (reports mask it; the secrets engine's
`docker-login-password` rule reports the leaked credential itself when it
looks like one); one from a variable (`-p "$CI_REGISTRY_PASSWORD"`) is
MEDIUM. `--password-stdin` is the fix and is never flagged. No other tool
checks this: no anchor.

## Why is this bad?
An argument is visible to every process on the runner (`ps`, `/proc/*/cmdline`)
while the command runs, lands in shell history and `set -x` traces, and
Docker itself warns `Using --password via the CLI is insecure`. Written out
in the file, the password is also readable by everyone who can read the
repository.

## Example
```yaml
script:
  - docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" "$CI_REGISTRY"
```

## Use instead
```yaml
script:
  - echo "$CI_REGISTRY_PASSWORD" | docker login -u "$CI_REGISTRY_USER" --password-stdin "$CI_REGISTRY"
```

## References
- Docker: docker login, --password-stdin (https://docs.docker.com/reference/cli/docker/login/)
- CWE-214: Invocation of Process Using Visible Sensitive Information (https://cwe.mitre.org/data/definitions/214.html)"#
);

/// Whether a command is a registry login: `docker login`, `helm registry login`...
fn login_args(c: &Command) -> Option<&[Word]> {
    let args = c.args();
    match c.program() {
        "docker" | "podman" | "buildah" | "nerdctl" | "skopeo" => {
            (args.first()?.text == "login").then(|| &args[1..])
        }
        "helm" | "oras" => {
            let i = args.iter().position(|a| a.text == "login")?;
            Some(&args[i + 1..])
        }
        _ => None,
    }
}

/// Every registry login of a script.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        let Some(args) = login_args(c) else {
            continue;
        };
        let mut it = args.iter();
        while let Some(a) = it.next() {
            let t = a.text.as_str();
            let (value, at) = if t == "-p" || t == "--password" {
                match it.next() {
                    Some(v) => (v.text.as_str(), v),
                    None => continue,
                }
            } else if let Some(v) = t.strip_prefix("--password=") {
                (v, a)
            } else if let Some(v) = t
                .strip_prefix("-p")
                .filter(|v| !v.is_empty() && !t.starts_with("--"))
            {
                (v, a)
            } else {
                continue;
            };
            if value.is_empty() {
                continue;
            }
            let program = c.program();
            if value.contains('$') || at.dynamic {
                out.add_rated(
                    Severity::Medium,
                    Confidence::High,
                    script.span(at),
                    format!("`{program} login` gets the password as an argument: every process on the runner can read it while it runs; pipe it to `--password-stdin`"),
                );
            } else {
                out.add_rated(
                    Severity::High,
                    Confidence::High,
                    script.span(at),
                    format!("`{program} login` gets a password written out in the file: anyone who reads the repository can log in to the registry; rotate it, keep it in a CI secret and pipe it to `--password-stdin`"),
                );
                out.quotes_secret(value);
            }
        }
    }
}
