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
