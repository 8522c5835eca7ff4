//! `unpinned-requirements`: requirements file lines without an exact `==` version.

use super::common::line_span;
use super::prelude::*;
use super::unpinned_pip_install::pinned;

doc!(
    "Requirement not pinned to an exact version",
    r#"Requirement not pinned to an exact version.

## What it does
Reads `requirements*.txt` files as pip does (line continuations joined,
comments dropped) and flags each requirement that is not pinned with `==`
or `===`: no version, a range (`>=`, `~=`, `<`), a wildcard (`==2.*`), or a
URL without a `#sha256=` hash. Environment markers (`; python_version <
"3.12"`) and extras (`flask[async]==3.0.3`) are read, not flagged. Hashes
(`--hash=`) do not replace `==`: pip's hash-checking mode refuses an
unpinned line anyway. Option lines (`-r`/`-c` includes, `--index-url`...)
are not requirements: an included file is checked as a file of its own.
An editable install (`-e`) of a VCS URL is flagged unless it names a full
commit SHA; editable local paths (`-e .`) are not. The finding points at
the requirement's name. No other tool has this check (hadolint's `DL3013`
covers `pip install` in Dockerfiles only).

## Why is this bad?
Every build installs whatever is newest on PyPI that day: the image you
tested is not the image you ship, a breaking release fails a deploy at
random, and a hijacked or typo-squatted release runs inside your service.

## Example
```text
flask>=2
gunicorn
requests~=2.31
mylib @ https://example.com/mylib-1.0.tar.gz
-e git+https://github.com/org/lib@main#egg=lib
```

## Use instead
```text
flask==3.0.3 \
    --hash=sha256:34e815dfaa43340d1d15a5c3a02b8476004037eb4840b34910c6e21679d288f3
gunicorn==22.0.0
requests==2.32.3
mylib @ https://example.com/mylib-1.0.tar.gz#sha256=<hash>
-e git+https://github.com/org/lib@8e5e7e5ab8b370d6c329ec480221332ada57f0ab#egg=lib
```
Tools such as `pip-compile --generate-hashes` or `uv pip compile` write
such a file from a short list of direct dependencies.

## References
- pip: Requirements File Format (https://pip.pypa.io/en/stable/reference/requirements-file-format/)
- pip: Secure installs (https://pip.pypa.io/en/stable/topics/secure-installs/)
- CWE-1357: Reliance on Insufficiently Trustworthy Component (https://cwe.mitre.org/data/definitions/1357.html)"#
);

/// A logical line: physical lines joined at a trailing `\`, with where each
/// piece came from.
struct Logical {
    text: String,
    /// (offset in `text`, source byte offset, 1-based line, the line's start byte).
    pieces: Vec<(usize, usize, u32, usize)>,
}

impl Logical {
    /// The source line, line start and byte of an offset in `text`.
    fn at(&self, offset: usize) -> (u32, usize, usize) {
        let i = self
            .pieces
            .partition_point(|p| p.0 <= offset)
            .saturating_sub(1);
        let (lo, src, line, line_start) = self.pieces[i];
        (line, line_start, src + (offset - lo))
    }
}

/// The file's logical lines, continuations joined as pip joins them.
fn logical_lines(src: &str) -> Vec<Logical> {
    let mut out = Vec::new();
    let mut cur: Option<Logical> = None;
    let mut start = 0;
    for (n, raw) in src.split_inclusive('\n').enumerate() {
        let line_start = start;
        start += raw.len();
        let body = raw.trim_end_matches(['\n', '\r']);
        let (body, continues) = match body.strip_suffix('\\') {
            Some(b) => (b, true),
            None => (body, false),
        };
        let l = cur.get_or_insert_with(|| Logical {
            text: String::new(),
            pieces: Vec::new(),
        });
        l.pieces
            .push((l.text.len(), line_start, n as u32 + 1, line_start));
        l.text.push_str(body);
        if !continues {
            out.extend(cur.take());
        }
    }
    out.extend(cur);
    out
}

/// The line without its comment: pip drops `#` at the start or after whitespace.
fn strip_comment(s: &str) -> &str {
    let b = s.as_bytes();
    match (0..b.len()).find(|&i| b[i] == b'#' && (i == 0 || b[i - 1].is_ascii_whitespace())) {
        Some(i) => &s[..i],
        None => s,
    }
}

/// Whether an editable target is fixed: a local path, or a VCS URL at a full commit.
fn editable_pinned(target: &str) -> bool {
    let t = target.trim();
    let lower = t.to_ascii_lowercase();
    if !lower.contains("://") || lower.starts_with("file:") {
        return true;
    }
    let url = lower.split('#').next().unwrap_or(&lower);
    url.rsplit_once('@')
        .is_some_and(|(_, r)| super::common::is_full_sha(r))
}

/// Every requirement of a requirements file.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    for l in logical_lines(cx.src) {
        let text = strip_comment(&l.text);
        let lead = text.len() - text.trim_start().len();
        let body = text.trim();
        if body.is_empty() {
            continue;
        }
        let report = |out: &mut Hits, from: usize, len: usize, msg: String| {
            let (line, line_start, s) = l.at(from);
            let line_end = cx.src[line_start..]
                .find(['\r', '\n'])
                .map_or(cx.src.len(), |i| line_start + i);
            out.add(line_span(line, line_start, s..(s + len).min(line_end)), msg);
        };
        if body.starts_with('-') {
            let opt_end = body
                .find(|c: char| c.is_whitespace() || c == '=')
                .unwrap_or(body.len());
            if matches!(&body[..opt_end], "-e" | "--editable") {
                let target =
                    body[opt_end..].trim_start_matches(|c: char| c.is_whitespace() || c == '=');
                if !target.is_empty() && !editable_pinned(target) {
                    let at = lead + body.len() - target.len();
                    let len = target.find(char::is_whitespace).unwrap_or(target.len());
                    report(
                        out,
                        at,
                        len,
                        format!("editable install `{}` is not pinned to a commit: name a full commit SHA after `@`", &target[..len]),
                    );
                }
            }
            // `-r`/`-c` includes and other options are not requirements.
            continue;
        }
        // Per-requirement options (`--hash=...`) start at a whitespace-preceded `-`.
        let spec_end = body
            .char_indices()
            .find(|&(i, c)| c == '-' && i > 0 && body[..i].ends_with(char::is_whitespace))
            .map_or(body.len(), |(i, _)| i);
        let spec = body[..spec_end].trim_end();
        let local_url = spec
            .split_once('@')
            .is_some_and(|(_, u)| u.trim_start().to_ascii_lowercase().starts_with("file:"));
        if pinned(spec) || local_url {
            continue;
        }
        let req = spec.split(';').next().unwrap_or(spec).trim_end();
        let name_len = req
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
            .unwrap_or(req.len());
        let name = &req[..name_len];
        let hint = if req.contains("://") {
            "add `#sha256=<hash>` to the URL (or pin a VCS URL to a commit)".to_string()
        } else if name.is_empty() {
            "pin it with `==`".to_string()
        } else {
            format!("pin it (`{name}==X.Y.Z`), with `--hash` for every line")
        };
        report(
            out,
            lead,
            req.len(),
            format!("`{req}` is not pinned to an exact version: {hint}"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuations_join_and_keep_positions() {
        let src = "a==1 \\\n  --hash=sha256:x\nb>=2\n";
        let lines = logical_lines(src);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text, "a==1   --hash=sha256:x");
        let b = &lines[1];
        assert_eq!(b.at(0), (3, 25, 25));
        assert_eq!(strip_comment("x==1 # c"), "x==1 ");
        assert_eq!(
            strip_comment("x @ https://h/x.whl#sha256=1"),
            "x @ https://h/x.whl#sha256=1"
        );
        assert!(editable_pinned("."));
        assert!(!editable_pinned("git+https://github.com/a/b@main#egg=b"));
    }
}
