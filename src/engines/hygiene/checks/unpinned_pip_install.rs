//! `unpinned-pip-install`: `pip install` of packages without `==` versions.

use super::prelude::*;
use crate::hygiene::shell::{Command, Script, Word};

doc!(
    "pip install of unpinned packages",
    r#"pip install of unpinned packages.

## What it does
Reads each workflow `run:` script and Dockerfile `RUN` as shell and flags packages given to `pip install`
(`pip3`, `python -m pip`, `uv pip`) without an exact `==` version: each
such package is one finding. Requirement files (`-r`), constraints (`-c`),
local paths, archives, VCS URLs pinned to a commit and `--require-hashes`
installs are not flagged; `pip`, `setuptools` and `wheel` themselves are
LOW. hadolint's `DL3013` is the same check for Dockerfiles.
In a Dockerfile:
```dockerfile
RUN pip install --no-cache-dir flask
```

## Why is this bad?
Every run installs whatever is newest on PyPI that day: builds stop being
reproducible, a breaking release fails the pipeline at random, and a
hijacked or typo-squatted release runs in your pipeline with its secrets.

## Example
```yaml
- run: pip install flask gunicorn>=21
```

## Use instead
```yaml
- run: pip install --require-hashes -r requirements.txt
```
or at least `pip install flask==3.0.3 gunicorn==22.0.0`.

## References
- hadolint DL3013 (https://github.com/hadolint/hadolint/wiki/DL3013)
- pip: Secure installs (https://pip.pypa.io/en/stable/topics/secure-installs/)
- CWE-1357: Reliance on Insufficiently Trustworthy Component (https://cwe.mitre.org/data/definitions/1357.html)"#
);

/// Options of `pip install` that take a value (the value is not a package).
const VALUE_OPTS: &[&str] = &[
    "-r",
    "--requirement",
    "-c",
    "--constraint",
    "-e",
    "--editable",
    "-i",
    "--index-url",
    "--extra-index-url",
    "-f",
    "--find-links",
    "-t",
    "--target",
    "--prefix",
    "--root",
    "--platform",
    "--python-version",
    "--implementation",
    "--abi",
    "--trusted-host",
    "--cache-dir",
    "--src",
    "--upgrade-strategy",
    "--progress-bar",
    "--log",
    "--proxy",
    "--retries",
    "--timeout",
    "--exists-action",
    "--cert",
    "--client-cert",
    "--no-binary",
    "--only-binary",
    "-C",
    "--config-settings",
    "--global-option",
    "--report",
    "--python",
    "--root-user-action",
    "--group",
    "--build-constraint",
];

/// The words after `install` when the command is a pip install.
pub(crate) fn install_args(c: &Command) -> Option<&[Word]> {
    let args = c.args();
    let prog = c.program();
    let rest = if prog == "pip" || prog.starts_with("pip3") || prog == "pip2" {
        args
    } else if prog.starts_with("python") {
        let i = args.iter().position(|a| a.text == "-m")?;
        if args.get(i + 1)?.text != "pip" {
            return None;
        }
        &args[i + 2..]
    } else if prog == "uv" {
        if args.first()?.text != "pip" {
            return None;
        }
        &args[1..]
    } else {
        return None;
    };
    let (sub, rest) = rest.split_first()?;
    (sub.text == "install").then_some(rest)
}

/// Whether a requirement is fixed: `==`/`===`, a local path or archive, a
/// VCS URL at a commit, a URL with a hash.
pub(crate) fn pinned(spec: &str) -> bool {
    let s = spec.split(';').next().unwrap_or(spec).trim();
    if s.contains("===") || s.contains("==") && !s.contains(".*") && !s.contains(',') {
        return true;
    }
    if s.starts_with('.') || s.starts_with('/') || s.starts_with('~') {
        return true;
    }
    let lower = s.to_ascii_lowercase();
    if [".whl", ".tar.gz", ".zip", ".tar.bz2"]
        .iter()
        .any(|e| lower.ends_with(e))
        && !lower.contains("://")
    {
        return true;
    }
    if lower.contains("#sha256=") || lower.contains("#sha384=") || lower.contains("#sha512=") {
        return true;
    }
    if let Some((_, r)) = lower.rsplit_once('@') {
        let r = r.split('#').next().unwrap_or(r);
        if lower.contains("git+") && r.len() == 40 && r.bytes().all(|b| b.is_ascii_hexdigit()) {
            return true;
        }
    }
    false
}

/// Every pip install of a script.
pub fn check(_cx: &Cx<'_>, script: &Script<'_>, out: &mut Hits) {
    for c in &script.commands {
        let Some(args) = install_args(c) else {
            continue;
        };
        if args.iter().any(|a| a.text == "--require-hashes") {
            continue;
        }
        let mut skip = false;
        for a in args {
            if skip {
                skip = false;
                continue;
            }
            let t = a.text.as_str();
            if t.starts_with('-') {
                skip = VALUE_OPTS.contains(&t);
                continue;
            }
            if a.dynamic || t.is_empty() || pinned(t) {
                continue;
            }
            let name = t
                .split(|ch: char| !(ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.')))
                .next()
                .unwrap_or(t)
                .to_ascii_lowercase();
            let sev = if matches!(name.as_str(), "pip" | "setuptools" | "wheel") {
                Severity::Low
            } else {
                Severity::Medium
            };
            out.add_rated(
                sev,
                Confidence::High,
                script.span(a),
                format!("`pip install {t}` is not pinned to an exact version: pin it (`{name}==X.Y.Z`) or install from a hashed requirements file"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_specs() {
        assert!(pinned("flask==3.0.3"));
        assert!(pinned("flask[async]==3.0.3; python_version>'3.8'"));
        assert!(pinned("./dist/app-1.0.whl"));
        assert!(pinned("."));
        assert!(pinned(
            "git+https://github.com/a/b@8e5e7e5ab8b370d6c329ec480221332ada57f0ab"
        ));
        assert!(pinned("https://x/y.tar.gz#sha256=abc"));
        assert!(!pinned("flask"));
        assert!(!pinned("flask>=2"));
        assert!(!pinned("flask==2.*"));
        assert!(!pinned("git+https://github.com/a/b@main"));
    }
}
