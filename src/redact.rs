//! Masking secrets before anything is printed, written or sent.

/// What replaces the hidden part of a secret.
const MASK: &str = "*****";
/// Lines of a multi-line secret shorter than this are not masked on their own
/// (they are PEM armour like `-----END`, not secret material).
const MIN_MASKED_FRAGMENT: usize = 8;

/// How much of each secret may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Redactor {
    /// Percentage of the secret hidden: 100 hides it all, 0 shows it all.
    percent: u8,
}

impl Default for Redactor {
    fn default() -> Self {
        Redactor { percent: 100 }
    }
}

impl Redactor {
    /// Hide `percent` (clamped to 0–100) of every secret.
    pub fn new(percent: u8) -> Self {
        Redactor {
            percent: percent.min(100),
        }
    }

    /// Show secrets as they are (`--no-redact`, local use only).
    pub fn off() -> Self {
        Redactor { percent: 0 }
    }

    /// Whether secrets are shown in full.
    pub fn is_off(&self) -> bool {
        self.percent == 0
    }

    /// The secret as it may be shown: its first characters, then a mask.
    pub fn mask(&self, secret: &str) -> String {
        if self.percent == 0 {
            return secret.to_string();
        }
        let chars = secret.chars().count();
        let shown = chars * (100 - self.percent as usize) / 100;
        let prefix: String = secret.chars().take(shown).collect();
        format!("{prefix}{MASK}")
    }

    /// `text` with every occurrence of the secret (and of each long line of a
    /// multi-line secret) masked.
    pub fn redact(&self, text: &str, secret: &str) -> String {
        if self.percent == 0 || secret.is_empty() {
            return text.to_string();
        }
        let mut out = text.replace(secret, &self.mask(secret));
        if secret.contains('\n') {
            for part in secret.lines().map(str::trim) {
                if part.len() >= MIN_MASKED_FRAGMENT && !part.starts_with("-----") {
                    out = out.replace(part, &self.mask(part));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_redaction_hides_everything() {
        let r = Redactor::default();
        assert_eq!(r.mask("ghp_abcdef"), "*****");
        assert_eq!(
            r.redact("token = ghp_abcdef # x", "ghp_abcdef"),
            "token = ***** # x"
        );
    }

    #[test]
    fn partial_redaction_keeps_a_prefix() {
        let r = Redactor::new(60);
        assert_eq!(r.mask("abcdefghij"), "abcd*****");
    }

    #[test]
    fn multiline_secret_lines_are_masked_one_by_one() {
        let secret = "-----BEGIN KEY-----\nMIIEpAIBAAKCAQEA\n-----END KEY-----";
        let r = Redactor::default();
        let out = r.redact("x = \"MIIEpAIBAAKCAQEA\"", secret);
        assert!(!out.contains("MIIEpAIBAAKCAQEA"));
    }

    #[test]
    fn off_shows_the_secret() {
        assert_eq!(Redactor::off().redact("a s3cr3t", "s3cr3t"), "a s3cr3t");
    }
}
