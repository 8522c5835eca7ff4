//! Decoding a rule's secret before it is judged (rules with `decode`), and
//! the judgement of a value of unknown kind: is it shaped like a password?

use super::entropy::shannon;

/// Standard or URL-safe base64, with or without `=` padding; None when the
/// text is not base64 (a character outside both alphabets, a length no
/// encoding has, padding in the middle).
pub fn base64(text: &[u8]) -> Option<Vec<u8>> {
    let body = text
        .strip_suffix(b"==")
        .or_else(|| text.strip_suffix(b"="))
        .unwrap_or(text);
    if body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &c in body {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Text a person or a config file would hold: printable ASCII, tabs and line ends.
pub fn is_printable(bytes: &[u8]) -> bool {
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|&b| (0x20..0x7f).contains(&b) || b == b'\n' || b == b'\r' || b == b'\t')
}

/// The password of `user:password` (None when there is no user or no colon).
pub fn password_of(user_password: &[u8]) -> Option<&[u8]> {
    let colon = memchr::memchr(b':', user_password)?;
    (colon > 0).then(|| &user_password[colon + 1..])
}

/// Values that stand for a password without being one.
const PLACEHOLDERS: [&str; 14] = [
    "password",
    "passw0rd",
    "changeme",
    "change_me",
    "change-me",
    "secret",
    "example",
    "placeholder",
    "redacted",
    "dummy",
    "admin",
    "test",
    "12345",
    "xxxxxx",
];

/// Whether a decoded value looks like a password or a key rather than a
/// name, a number, an address or a placeholder: one line of 8 to 256
/// visible characters that mixes three kinds of character (lower, upper,
/// digit, other), or two kinds over at least 16 random-looking characters.
pub fn is_password_shaped(v: &[u8]) -> bool {
    let v = v.strip_suffix(b"\n").unwrap_or(v);
    let v = v.strip_suffix(b"\r").unwrap_or(v);
    if !(8..=256).contains(&v.len()) || !v.iter().all(|b| b.is_ascii_graphic()) {
        return false;
    }
    let text = String::from_utf8_lossy(v).to_ascii_lowercase();
    if PLACEHOLDERS.iter().any(|p| text.contains(p)) || is_address(v) {
        return false;
    }
    let kinds = [
        v.iter().any(u8::is_ascii_lowercase),
        v.iter().any(u8::is_ascii_uppercase),
        v.iter().any(u8::is_ascii_digit),
        v.iter().any(|b| !b.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|&&k| k)
    .count();
    kinds >= 3 || (kinds == 2 && v.len() >= 16 && shannon(v) >= 3.5)
}

/// A password that is not a placeholder, however simple (the user chose it:
/// `user:hunter22` in a Docker `auth` is a leak even though it is weak).
pub fn is_chosen_password(v: &[u8]) -> bool {
    let text = String::from_utf8_lossy(v).to_ascii_lowercase();
    v.len() >= 6
        && v.iter().all(|b| b.is_ascii_graphic())
        && !PLACEHOLDERS
            .iter()
            .any(|p| text == *p || text.starts_with(p))
        && !text.starts_with("${")
        && !text.starts_with('<')
        && v.iter().any(|&b| b != v[0])
}

/// E-mail addresses, host names, paths and URLs without credentials.
fn is_address(v: &[u8]) -> bool {
    let dotted = |s: &[u8]| {
        s.split(|&b| b == b'.').count() >= 2
            && s.split(|&b| b == b'.')
                .all(|p| !p.is_empty() && p.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'-'))
    };
    match memchr::memchr(b'@', v) {
        Some(at) if memchr::memchr(b':', v).is_none() => dotted(&v[at + 1..]),
        _ => v.starts_with(b"/") || v.starts_with(b"http") || dotted(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_decodes_both_alphabets_with_or_without_padding() {
        assert_eq!(base64(b"dXNlcjpwYXNz").unwrap(), b"user:pass");
        assert_eq!(
            base64(b"cTlsWkJEM0w2cTZVbDRDQTBRYlU=").unwrap(),
            b"q9lZBD3L6q6Ul4CA0QbU"
        );
        assert_eq!(
            base64(b"cTlsWkJEM0w2cTZVbDRDQTBRYlU").unwrap(),
            b"q9lZBD3L6q6Ul4CA0QbU"
        );
        assert_eq!(base64(b"-_-_").unwrap(), base64(b"+/+/").unwrap());
        assert!(base64(b"abcde").is_none());
        assert!(base64(b"ab.d").is_none());
    }

    #[test]
    fn passwords_are_mixed_and_names_are_not() {
        for yes in [
            "N3v4rGu3ss-2024",
            "q9lZBD3L6q6Ul4CA0QbU",
            "k7#Lq2!vR9zW",
            "3f9a8c7d6e5b4a3f2e1d0c9b",
        ] {
            assert!(is_password_shaped(yes.as_bytes()), "{yes}");
        }
        for no in [
            "billing",
            "postgres",
            "production",
            "changeme123",
            "ops@acme.dev",
            "db.acme.internal",
            "/var/run/x",
            "https://acme.dev/a",
            "12345678901",
            "Password1!",
            "my app name",
        ] {
            assert!(!is_password_shaped(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn user_password_pairs() {
        assert_eq!(password_of(b"ci:hunter22"), Some(&b"hunter22"[..]));
        assert_eq!(password_of(b":x"), None);
        assert_eq!(password_of(b"token"), None);
        assert!(is_chosen_password(b"hunter22"));
        assert!(!is_chosen_password(b"password"));
        assert!(!is_chosen_password(b"${REGISTRY_PASSWORD}"));
        assert!(!is_chosen_password(b"aaaaaaaa"));
    }
}
