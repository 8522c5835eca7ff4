//! Small facts several checks share.

/// Whether `s` is a full 40-hex-digit commit SHA.
pub fn is_full_sha(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether a git ref looks like a version tag (`v4`, `v1.2.3`, `2.0`, `release-1.4`).
pub fn is_version_ref(r: &str) -> bool {
    let r = r
        .strip_prefix('v')
        .or_else(|| r.strip_prefix('V'))
        .unwrap_or(r);
    let digits_first = r.bytes().next().is_some_and(|b| b.is_ascii_digit());
    digits_first
        || r.rsplit(['-', '/']).next().is_some_and(|t| {
            let t = t.strip_prefix('v').unwrap_or(t);
            t.bytes().next().is_some_and(|b| b.is_ascii_digit()) && t.contains('.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shas_and_version_refs() {
        assert!(is_full_sha("8e5e7e5ab8b370d6c329ec480221332ada57f0ab"));
        assert!(!is_full_sha("8e5e7e5"));
        assert!(is_version_ref("v4"));
        assert!(is_version_ref("v1.2.3"));
        assert!(is_version_ref("2.0"));
        assert!(is_version_ref("release-1.4"));
        assert!(!is_version_ref("main"));
        assert!(!is_version_ref("master"));
    }
}

/// A container image reference, split (`ghcr.io/org/app:1.2@sha256:...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef<'a> {
    /// Everything before the tag and digest.
    pub name: &'a str,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

impl<'a> ImageRef<'a> {
    /// Split an image reference; `None` for an empty one.
    pub fn parse(s: &'a str) -> Option<ImageRef<'a>> {
        let s = s.trim();
        if s.is_empty() {
            return None;
        }
        let (rest, digest) = match s.split_once('@') {
            Some((r, d)) => (r, Some(d)),
            None => (s, None),
        };
        let slash = rest.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match rest[slash..].rfind(':') {
            Some(i) => (&rest[..slash + i], Some(&rest[slash + i + 1..])),
            None => (rest, None),
        };
        Some(ImageRef { name, tag, digest })
    }

    /// Whether it names no fixed image: no tag and no digest, or `:latest`.
    pub fn floating(&self) -> bool {
        self.digest.is_none() && self.tag.is_none_or(|t| t.eq_ignore_ascii_case("latest"))
    }

    /// The registry host, when the name starts with one (`ghcr.io`, `localhost:5000`).
    pub fn registry(&self) -> Option<&'a str> {
        let first = self.name.split('/').next()?;
        (self.name.contains('/')
            && (first.contains('.') || first.contains(':') || first == "localhost"))
            .then_some(first)
    }
    /// Whether `[hygiene] pin_digests` asks this (tagged) image for a digest
    /// it lacks: images from a trusted registry are exempt.
    pub fn lacks_required_digest(&self, opts: &crate::hygiene::Options) -> bool {
        opts.pin_digests
            && self.digest.is_none()
            && !self.registry().is_some_and(|r| {
                opts.trusted_registries
                    .iter()
                    .any(|t| t == &r.to_ascii_lowercase())
            })
    }
}

/// Every scalar of a YAML tree, depth first (the model's depth is bounded).
pub fn scalars<'a>(
    node: &'a crate::hygiene::yaml::Node,
    out: &mut Vec<&'a crate::hygiene::yaml::Node>,
) {
    use crate::hygiene::yaml::Value;
    match &node.value {
        Value::Scalar(_) => out.push(node),
        Value::Map(pairs) => {
            for p in pairs {
                scalars(&p.key, out);
                scalars(&p.value, out);
            }
        }
        Value::Seq(items) => {
            for i in items {
                scalars(i, out);
            }
        }
        Value::Alias(_) | Value::Null => {}
    }
}

/// The `${{ ... }}` expressions in a string: (byte range, inner text trimmed).
pub fn expressions(s: &str) -> Vec<(std::ops::Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find("${{") {
        let start = from + i;
        let Some(j) = s[start + 3..].find("}}") else {
            break;
        };
        let end = start + 3 + j + 2;
        out.push((start..end, s[start + 3..end - 2].trim()));
        from = end;
    }
    out
}

#[cfg(test)]
mod image_tests {
    use super::*;

    #[test]
    fn image_refs_split_into_name_tag_digest() {
        let r = ImageRef::parse("localhost:5000/app:1.2@sha256:abc").unwrap();
        assert_eq!(
            (r.name, r.tag, r.digest),
            ("localhost:5000/app", Some("1.2"), Some("sha256:abc"))
        );
        assert_eq!(r.registry(), Some("localhost:5000"));
        assert!(ImageRef::parse("python").unwrap().floating());
        assert!(ImageRef::parse("python:latest").unwrap().floating());
        assert!(!ImageRef::parse("python:3.12-slim").unwrap().floating());
        assert_eq!(
            ImageRef::parse("library/python:3").unwrap().registry(),
            None
        );
        assert_eq!(
            expressions("a ${{ x.y }} b ${{z}}")
                .iter()
                .map(|e| e.1)
                .collect::<Vec<_>>(),
            vec!["x.y", "z"]
        );
    }
}

/// The span of a byte range of one line of `src`: `line` is the 1-based line
/// that starts at byte `line_start` (text checks walk lines and know both).
pub fn line_span(
    line: u32,
    line_start: usize,
    range: std::ops::Range<usize>,
) -> crate::hygiene::yaml::Span {
    use crate::hygiene::yaml::{Pos, Span};
    Span {
        start: Pos {
            line,
            column: (range.start - line_start) as u32 + 1,
        },
        end: Pos {
            line,
            column: (range.end - line_start) as u32 + 1,
        },
        start_byte: range.start,
        end_byte: range.end,
    }
}
