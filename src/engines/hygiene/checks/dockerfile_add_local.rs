//! `dockerfile-add-local`: `ADD` of local files where `COPY` does the job.

use super::prelude::*;

doc!(
    "ADD of local files",
    r#"ADD of local files.

## What it does
Flags `ADD` whose sources are local files or directories: not URLs, not
git repositories, not local tar archives (which `ADD` unpacks on purpose).
hadolint `DL3020`.

## Why is this bad?
`ADD` does more than copy: it unpacks any archive it is given and fetches
URLs. A file that turns out to be an archive (or is replaced by one) is
silently extracted into the image. `COPY` does only what it says.

## Example
```dockerfile
ADD app.py /app/
```

## Use instead
```dockerfile
COPY app.py /app/
```

## References
- hadolint DL3020 (https://github.com/hadolint/hadolint/wiki/DL3020)"#
);

fn remote_or_archive(src: &str) -> bool {
    let l = src.to_ascii_lowercase();
    l.contains("://")
        || l.starts_with("git@")
        || [
            ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".gz",
            ".bz2", ".xz",
        ]
        .iter()
        .any(|e| l.ends_with(e))
}

/// Every `ADD`.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    let Some(d) = cx.docker else {
        return;
    };
    for ins in d.instructions.iter().filter(|i| i.keyword == "ADD") {
        if !ins.heredocs.is_empty() || ins.args.len() < 2 {
            continue;
        }
        let sources: Vec<String> = match &ins.json {
            Some(j) => j[..j.len() - 1].to_vec(),
            None => ins.args[..ins.args.len() - 1]
                .iter()
                .map(|w| w.text.clone())
                .collect(),
        };
        if sources.iter().all(|s| !remote_or_archive(s)) {
            out.add(
                d.index.span(ins.keyword_range.clone()),
                format!("`ADD {}` copies local files: use `COPY`, which does not unpack archives or fetch URLs", sources.join(" ")),
            );
        }
    }
}
