//! `dockerfile-copy-secrets`: `COPY .` while `.dockerignore` lets `.env`, `.git` or keys in.

use std::io::Read;
use std::path::Path;

use super::prelude::*;

doc!(
    "COPY of the whole context without a .dockerignore for secrets",
    r#"COPY of the whole context without a .dockerignore for secrets.

## What it does
Flags `COPY .` / `ADD .` (also `./`, `*`) from the build context when the
`.dockerignore` next to the Dockerfile does not exclude `.env`, `.git` and
private keys (`id_rsa`, `*.pem`, `*.key`); no `.dockerignore` at all
excludes nothing. The `.dockerignore` is read from the work tree (a plain
file of at most 1 MiB; symlinks are not followed), so files scanned from
git history are not judged. No anchor: none.

## Why is this bad?
Everything in the directory goes into the image: a developer's `.env` with
production credentials, the `.git` directory with the whole history (and
any secret ever committed), deploy keys. Anyone who can pull the image
can read them.

## Example
```dockerfile
COPY . /app
```
with no `.dockerignore`.

## Use instead
A `.dockerignore` beside the Dockerfile:
```text
.git
.env
*.env
*.pem
*.key
id_rsa*
```
or copy only what the image needs (`COPY app/ /app/app/`).

## References
- Docker: .dockerignore files (https://docs.docker.com/build/concepts/context/#dockerignore-files)
- CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory (https://cwe.mitre.org/data/definitions/538.html)"#
);

/// Paths every `.dockerignore` should keep out of the context.
const PROBES: &[&str] = &[".env", ".git", "id_rsa", "server.key", "server.pem"];
const MAX_IGNORE: u64 = 1 << 20;

/// The `.dockerignore` beside `path` under `root`: `Ok(None)` when there is none,
/// `Err` when it cannot be read as a plain file (then nothing is claimed).
fn read_ignore(root: &Path, report_path: &str) -> Result<Option<String>, ()> {
    let dir = report_path.rfind('/').map_or("", |i| &report_path[..i]);
    let p = root.join(dir).join(".dockerignore");
    let meta = match std::fs::symlink_metadata(&p) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(()),
    };
    if !meta.is_file() {
        return Err(());
    }
    let mut buf = Vec::new();
    std::fs::File::open(&p)
        .and_then(|f| f.take(MAX_IGNORE).read_to_end(&mut buf))
        .map_err(|_| ())?;
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// Go's `filepath.Match` plus `**`, on `/`-separated paths.
fn glob(p: &[u8], s: &[u8]) -> bool {
    match p.first() {
        None => s.is_empty(),
        Some(b'*') if p.get(1) == Some(&b'*') => {
            let rest = p[2..].strip_prefix(b"/").unwrap_or(&p[2..]);
            (0..=s.len())
                .any(|i| (i == 0 || s[i - 1] == b'/' || rest.is_empty()) && glob(rest, &s[i..]))
        }
        Some(b'*') => (0..=s.len())
            .take_while(|&i| i == 0 || s[i - 1] != b'/')
            .any(|i| glob(&p[1..], &s[i..])),
        Some(b'?') => s.first().is_some_and(|&c| c != b'/') && glob(&p[1..], &s[1..]),
        Some(b'\\') if p.len() > 1 => s.first() == Some(&p[1]) && glob(&p[2..], &s[1..]),
        Some(&c) => s.first() == Some(&c) && glob(&p[1..], &s[1..]),
    }
}

/// Whether `.dockerignore` rules (last match wins, `!` re-includes) exclude `path`.
fn excluded(rules: &str, path: &str) -> bool {
    let mut out = false;
    for line in rules.lines() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        let (neg, pat) = match l.strip_prefix('!') {
            Some(p) => (true, p.trim()),
            None => (false, l),
        };
        let pat = pat.trim_start_matches('/').trim_end_matches('/');
        let pat = pat.strip_prefix("./").unwrap_or(pat);
        // Bound the work a hostile pattern can cause.
        if pat.len() > 256 {
            continue;
        }
        if glob(pat.as_bytes(), path.as_bytes()) {
            out = !neg;
        }
    }
    out
}

fn whole_context(src: &str) -> bool {
    matches!(src, "." | "./" | "*" | "./*" | "/")
}

/// `COPY .` / `ADD .` from the context.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    if cx.from_commit {
        return;
    }
    let Some(root) = &cx.opts.root else {
        return;
    };
    let mut ignore: Option<Result<Option<String>, ()>> = None;
    for ins in &d.instructions {
        if !matches!(ins.keyword.as_str(), "COPY" | "ADD")
            || ins.flag("from").is_some()
            || !ins.heredocs.is_empty()
            || ins.args.len() < 2
        {
            continue;
        }
        let Some(src) = ins.args[..ins.args.len() - 1]
            .iter()
            .find(|w| whole_context(&w.text))
        else {
            continue;
        };
        let rules = ignore.get_or_insert_with(|| read_ignore(root, cx.path));
        let Ok(rules) = rules else {
            return;
        };
        let missing: Vec<&str> = PROBES
            .iter()
            .copied()
            .filter(|p| !rules.as_deref().is_some_and(|r| excluded(r, p)))
            .collect();
        if missing.is_empty() {
            continue;
        }
        let why = match rules {
            None => "there is no .dockerignore beside the Dockerfile".to_string(),
            Some(_) => format!("the .dockerignore does not exclude {}", missing.join(", ")),
        };
        out.add(
            d.index.span(src.range.clone()),
            format!("`{} {}` copies the whole build context and {why}: `.env`, `.git` and keys end up in the image", ins.keyword, src.text),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dockerignore_rules() {
        let r = ".git\n**/.env\n*.pem\n*.key\nid_rsa*\n";
        for p in PROBES {
            assert!(excluded(r, p), "{p}");
        }
        assert!(excluded("*\n!src\n", ".env"));
        assert!(!excluded("*\n!.env\n", ".env"));
        assert!(!excluded("node_modules\n", ".git"));
        assert!(excluded("/.git/\n", ".git"));
        assert!(!excluded(".env.example\n", ".env"));
    }
}
