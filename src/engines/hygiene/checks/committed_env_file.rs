//! `committed-env-file`: a `.env` file tracked by git or not covered by `.gitignore`.

use super::common::line_span;
use super::prelude::*;
use crate::hygiene::kind::is_env_template;
use crate::hygiene::repo::EnvStatus;

doc!(
    ".env file tracked by git or not ignored",
    r#".env file tracked by git or not ignored.

## What it does
Flags a `.env`, `.env.*` or `*.env` file that git tracks (or that is
staged, with `--staged`), or that sits in the tree with no `.gitignore`
covering it, so the next `git add .` commits it. A tracked file is found
even when `.gitignore` also matches it (ignoring a file does not untrack
it): gate asks the git index once per scan. Outside a git repository only
`.gitignore` coverage is checked. Templates meant to be committed
(`.env.example`, `.env.sample`, `.env.template`, `.env.dist`,
`.env.defaults`, `example.env`...) are not flagged. The finding is on line
1; reports quote only the name of its first variable, never a value.
No other tool has this check.

## Why is this bad?
`.env` files hold database passwords, API keys and cloud credentials.
Once committed they are in every clone, fork and CI cache, and stay in
history after the file is deleted; `COPY . .` then bakes them into the
image too.

## Example
```text
$ git ls-files
.env
app.py
```

## Use instead
```text
$ git rm --cached .env && echo .env >> .gitignore
$ git ls-files
.env.example
.gitignore
app.py
```
Commit a `.env.example` with the names and placeholder values, keep the
real values in the deployment's secret store (ECS `secrets`, GitHub
environment secrets), and rotate any value that was ever committed.

## References
- GitHub Docs: Removing sensitive data from a repository (https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/removing-sensitive-data-from-a-repository)
- CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory (https://cwe.mitre.org/data/definitions/538.html)"#
);

/// One `.env` file, judged by where it stands in the repository.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    if is_env_template(cx.path) {
        return;
    }
    let why = match cx.env {
        Some(EnvStatus::Ignored) => return,
        Some(EnvStatus::Staged) => "is staged for commit",
        Some(EnvStatus::Tracked) => "is tracked by git",
        Some(EnvStatus::NotIgnored) | None => "is not covered by .gitignore",
    };
    let name = cx.path.rsplit('/').next().unwrap_or(cx.path);
    let fix = if matches!(cx.env, Some(EnvStatus::Tracked | EnvStatus::Staged)) {
        format!(
            "`git rm --cached {}`, add it to .gitignore and rotate its values",
            cx.path
        )
    } else {
        format!("add `{name}` to .gitignore")
    };
    out.add(
        line_span(1, 0, 0..0),
        format!(
            "`{}` {why}: {fix}; commit a `.env.example` with placeholders instead",
            cx.path
        ),
    );
}
