//! Inline ignores: gate's own `# gate:ignore[id]` and the anchors' comments,
//! which name gate's checks through their aliases:
//! `# zizmor: ignore[unpinned-uses]`, `# hadolint ignore=DL3007`,
//! `#checkov:skip=CKV_DOCKER_3:reason`.

use super::kind::FileKind;
use super::registry::Anchor;

/// The comment part of a line: from the first `#` that starts a comment
/// (at the line start or after whitespace, as YAML, shell and Dockerfiles
/// read it).
fn comment(line: &str) -> Option<&str> {
    let b = line.as_bytes();
    (0..b.len())
        .find(|&i| b[i] == b'#' && (i == 0 || b[i - 1] == b' ' || b[i - 1] == b'\t'))
        .map(|i| &line[i..])
}

/// The ids inside `[...]` right after `prefix` in a comment.
fn bracket_ids<'a>(comment: &'a str, prefix: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = comment;
    while let Some(i) = rest.find(prefix) {
        rest = &rest[i + prefix.len()..];
        let Some(inner) = rest.strip_prefix('[') else {
            continue;
        };
        let Some(end) = inner.find(']') else {
            break;
        };
        out.extend(
            inner[..end]
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty()),
        );
        rest = &inner[end..];
    }
    out
}

/// Whether a finding of check `id` answering to `anchors` is named by
/// gate's or an anchor's ignore comment on `line`. `same_line` is false for
/// the line above the finding, where only the forms that apply to the next
/// line count.
fn names(id: &str, anchors: &[Anchor], kind: FileKind, line: &str, same_line: bool) -> bool {
    let Some(c) = comment(line) else {
        return false;
    };
    let gate_ok =
        same_line || matches!(kind, FileKind::Dockerfile | FileKind::ShellScript) || kind.is_yaml();
    if gate_ok
        && bracket_ids(c, "gate:ignore")
            .iter()
            .any(|w| *w == id || anchors.iter().any(|a| a.id() == *w))
    {
        return true;
    }
    for a in anchors {
        let hit = match a {
            // zizmor reads its comment on the lines of the finding.
            Anchor::Zizmor(id) => {
                same_line
                    && bracket_ids(c, "zizmor: ignore")
                        .iter()
                        .chain(bracket_ids(c, "zizmor:ignore").iter())
                        .any(|w| w == id)
            }
            // hadolint reads `# hadolint ignore=DL3007,DL3008` on the line above.
            Anchor::Hadolint(id) => {
                !same_line
                    && c.trim_start_matches('#')
                        .trim_start()
                        .strip_prefix("hadolint ignore=")
                        .is_some_and(|ids| {
                            ids.split([',', ' '])
                                .take_while(|t| !t.starts_with('#'))
                                .any(|t| t.trim() == *id)
                        })
            }
            Anchor::Checkov(id) => c.split("checkov:skip=").skip(1).any(|rest| {
                rest.split([':', ' ', ','])
                    .next()
                    .is_some_and(|t| t.trim() == *id)
            }),
        };
        if hit {
            return true;
        }
    }
    false
}

/// The comment that suppresses a finding of check `id` answering to
/// `anchors` on the line starting at byte `line_start`, looking at that
/// line and the one above.
pub fn suppressed_by(
    id: &str,
    anchors: &[Anchor],
    kind: FileKind,
    src: &str,
    line_start: usize,
) -> Option<String> {
    let line_end = src[line_start..]
        .find('\n')
        .map_or(src.len(), |i| line_start + i);
    let this = src[line_start..line_end].trim_end_matches('\r');
    if names(id, anchors, kind, this, true) {
        return comment(this).map(|c| c.trim().to_string());
    }
    if line_start == 0 {
        return None;
    }
    let prev_start = src[..line_start - 1].rfind('\n').map_or(0, |i| i + 1);
    let prev = src[prev_start..line_start - 1].trim_end_matches('\r');
    // Only a line that is nothing but a comment covers the line below it.
    if prev.trim_start().starts_with('#') && names(id, anchors, kind, prev, false) {
        return comment(prev).map(|c| c.trim().to_string());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A finding of `unpinned-uses` answering to `anchors`.
    fn check(anchors: &'static [Anchor]) -> &'static [Anchor] {
        anchors
    }

    fn at(anchors: &[Anchor], kind: FileKind, src: &str, line: usize) -> bool {
        let start: usize = src.split_inclusive('\n').take(line - 1).map(str::len).sum();
        suppressed_by("unpinned-uses", anchors, kind, src, start).is_some()
    }

    #[test]
    fn gate_and_anchor_comments_suppress_by_id_or_alias() {
        let c = check(&[Anchor::Zizmor("unpinned-uses"), Anchor::Hadolint("DL3007")]);
        let w = FileKind::Workflow;
        assert!(at(c, w, "uses: a/b@v1 # gate:ignore[unpinned-uses]\n", 1));
        assert!(at(c, w, "uses: a/b@v1 # gate:ignore[other, DL3007]\n", 1));
        assert!(at(c, w, "# gate:ignore[unpinned-uses]\nuses: a/b@v1\n", 2));
        assert!(!at(c, w, "# gate:ignore[other]\nuses: a/b@v1\n", 2));
        assert!(at(
            c,
            w,
            "uses: a/b@v1 # zizmor: ignore[unpinned-uses]\n",
            1
        ));
        assert!(!at(
            c,
            w,
            "# zizmor: ignore[unpinned-uses]\nuses: a/b@v1\n",
            2
        ));
        assert!(!at(c, w, "uses: 'a#gate:ignore[unpinned-uses]'\n", 1));
        let d = FileKind::Dockerfile;
        assert!(at(
            c,
            d,
            "# hadolint ignore=DL3008,DL3007\nFROM x:latest\n",
            2
        ));
        assert!(!at(c, d, "FROM x:latest # hadolint ignore=DL3007\n", 1));
        let k = check(&[Anchor::Checkov("CKV_DOCKER_3")]);
        assert!(at(
            k,
            d,
            "#checkov:skip=CKV_DOCKER_3:runs as root on purpose\nFROM x\n",
            2
        ));
        assert!(!at(k, d, "#checkov:skip=CKV_DOCKER_30\nFROM x\n", 2));
    }

    #[test]
    fn an_anchor_ignore_covers_only_findings_that_answer_to_it() {
        // An untagged `FROM x` is hadolint's DL3006, not its DL3007: an
        // ignore of DL3007 above it leaves it reported, gate's own id does not.
        let untagged = check(&[Anchor::Hadolint("DL3006"), Anchor::Checkov("CKV_DOCKER_7")]);
        let d = FileKind::Dockerfile;
        assert!(!at(untagged, d, "# hadolint ignore=DL3007\nFROM x\n", 2));
        assert!(at(untagged, d, "# hadolint ignore=DL3006\nFROM x\n", 2));
        assert!(at(untagged, d, "# gate:ignore[unpinned-uses]\nFROM x\n", 2));
        assert!(!at(untagged, d, "# gate:ignore[DL3007]\nFROM x\n", 2));
    }
}
