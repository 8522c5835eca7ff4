//! Credentials out of every message the API client prints or returns: an
//! API error body, a proxy's error page or a transport error may echo the
//! token, an `Authorization` (or GitLab `PRIVATE-TOKEN` / `JOB-TOKEN`)
//! header or a URL with credentials in it.

use std::sync::LazyLock;

use regex::{Captures, Regex};

/// What a scrubbed credential is replaced with.
pub const MASK: &str = "***";

/// Credentials recognised by their shape, whoever they belong to: GitHub
/// and GitLab tokens, the value of an `Authorization`, `PRIVATE-TOKEN` or
/// `JOB-TOKEN` header, the user-info part of a URL and token-like query
/// parameters.
static SHAPES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<gh>\b(?:gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,}|v1\.[0-9a-f]{40}|gl(?:pat|ptt|dt|rt|cbt|soat|oas|imt|agent|ft|ffct|wt)-[A-Za-z0-9_.-]{16,})\b)",
        r#"|(?P<auth>(?i:authorization)["']?\s*[:=]\s*["']?(?i:bearer|token|basic)\s+)[^\s"',;]+"#,
        r#"|(?P<header>(?i:private-token|job-token)["']?\s*[:=]\s*["']?)[^\s"',;]+"#,
        r"|(?P<url>(?i:[a-z][a-z0-9+.-]*)://)[^/\s@]+@",
        r#"|(?P<query>[?&](?i:access_token|token|client_secret|password)=)[^&\s"']+"#,
    ))
    .expect("the credential shapes compile")
});

/// Masks one token, in the forms it can take in a message, plus every
/// credential shape in [`SHAPES`].
#[derive(Clone)]
pub struct Scrubber {
    /// The token as sent, percent-encoded and JSON-escaped (each once).
    needles: Vec<String>,
}

impl std::fmt::Debug for Scrubber {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Scrubber(***)")
    }
}

impl Scrubber {
    /// A scrubber for `token` (empty: only the shapes are masked).
    pub fn new(token: &str) -> Scrubber {
        let mut needles: Vec<String> = Vec::new();
        if !token.is_empty() {
            let json = serde_json::to_string(token).unwrap_or_default();
            let json = json.trim_matches('"').to_string();
            for form in [token.to_string(), percent_encode(token), json] {
                if !form.is_empty() && !needles.contains(&form) {
                    needles.push(form);
                }
            }
        }
        // Longest first, so that a form containing another is masked whole.
        needles.sort_by_key(|n| std::cmp::Reverse(n.len()));
        Scrubber { needles }
    }

    /// `text` with the token and every credential shape masked.
    pub fn scrub(&self, text: &str) -> String {
        let mut out = text.to_string();
        for n in &self.needles {
            if out.contains(n.as_str()) {
                out = out.replace(n.as_str(), MASK);
            }
        }
        SHAPES
            .replace_all(&out, |c: &Captures<'_>| {
                if c.name("gh").is_some() {
                    MASK.to_string()
                } else {
                    let keep = ["auth", "header", "url", "query"]
                        .iter()
                        .find_map(|g| c.name(g))
                        .map_or("", |m| m.as_str());
                    let at = if c.name("url").is_some() { "@" } else { "" };
                    format!("{keep}{MASK}{at}")
                }
            })
            .into_owned()
    }
}

/// Percent-encode everything but unreserved characters, as a URL or form
/// body would carry the token.
fn percent_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue11_p3_the_token_is_masked_in_every_form_it_is_echoed() {
        let token = "tok/en+with\"odd\\chars";
        let s = Scrubber::new(token);
        let cases = [
            format!("Bad credentials: {token}"),
            format!("https://api.example/x?token={}", percent_encode(token)),
            format!(
                r#"{{"message":"no","echo":{}}}"#,
                serde_json::to_string(token).unwrap()
            ),
        ];
        for c in cases {
            let out = s.scrub(&c);
            assert!(!out.contains("odd"), "{c} -> {out}");
            assert!(out.contains(MASK), "{c} -> {out}");
        }
    }

    #[test]
    fn issue11_p3_credential_shapes_are_masked_whoever_they_belong_to() {
        let s = Scrubber::new("");
        let cases = [
            (
                "Authorization: Bearer abc.def-123 was refused",
                "Authorization: Bearer *** was refused",
            ),
            (
                r#"{"headers":{"authorization":"token ghx123456"}}"#,
                r#"{"headers":{"authorization":"token ***"}}"#,
            ),
            (
                "fetching https://x-access-token:s3cr3t@github.com/o/r failed",
                "fetching https://***@github.com/o/r failed",
            ),
            (
                "GET /x?access_token=abc&page=2",
                "GET /x?access_token=***&page=2",
            ),
            (
                // A made-up installation token, shaped like a real one.
                "token ghs_16C7e42F292c6912E7710c838347Ae178B4a expired", // gate:allow
                "token *** expired",
            ),
            (
                "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
                "***",
            ),
            (
                // A made-up GitLab personal access token, shaped like a real one.
                "401: token glpat-Xq3vR8sT1uW4yZ6aB9cD was revoked", // gate:allow
                "401: token *** was revoked",
            ),
            (
                "echoed PRIVATE-TOKEN: abc123def and JOB-TOKEN=zzz9",
                "echoed PRIVATE-TOKEN: *** and JOB-TOKEN=***",
            ),
        ];
        for (input, want) in cases {
            assert_eq!(s.scrub(input), want, "{input}");
        }
    }

    #[test]
    fn text_without_credentials_is_unchanged() {
        let s = Scrubber::new("ghs_notInThisText0000000000000000000000");
        let text = "422: Validation Failed [{\"field\":\"head_sha\"}] at /repos/o/r/check-runs";
        assert_eq!(s.scrub(text), text);
    }
}
