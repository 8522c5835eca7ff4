//! Reading unified diffs as git prints them (`git log -p`, `git diff`), one
//! line at a time, without trusting that a line means what it looks like.
//!
//! Two things make this harder than matching prefixes. A hunk's own lines
//! can look like headers: an added line `++ x` is printed `+++ x`, a removed
//! `-- x` is `--- x`; so hunks are read by counting the lines their header
//! announces. And names are printed in three ways: as is; followed by a TAB
//! when they hold a space (for GNU patch); or C-quoted (`"b/a\tb"`) when they
//! hold a control character, `"`, `\` or (by default) a byte over 0x7f.
//! The callers force the `a/` and `b/` prefixes so a name is never ambiguous.

/// The prefix gate asks git to put before new names (`--dst-prefix`).
pub const NEW_PREFIX: &str = "b/";
/// The prefix gate asks git to put before old names (`--src-prefix`).
pub const OLD_PREFIX: &str = "a/";

/// What one line of a patch says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatchLine<'a> {
    /// `diff --git ...`: a new file's section starts.
    FileStart,
    /// `+++ b/NAME`: the file's name after the change, bytes exactly as
    /// stored; `None` for `/dev/null` (a deletion).
    NewPath(Option<Vec<u8>>),
    /// The mode of the new side (`new file mode`, `new mode`, `index ... MODE`).
    NewMode(u32),
    /// `@@ -a,b +START,COUNT @@`: the hunk's lines in the new file.
    Hunk { start: u32, count: u32 },
    /// A line the patch adds (without its `+`), at `line` of the new file.
    Added { line: u32, text: &'a [u8] },
    /// Anything else: removed and context lines, `\ No newline at end of
    /// file`, `--- a/...`, `index` lines without a mode, text between patches.
    Other,
    /// A header that cannot be read; gate must not guess what it means.
    Malformed(String),
}

/// A line-at-a-time reader of unified diffs. Feed it each line without its
/// `\n`; it only remembers where it is inside the current hunk.
#[derive(Debug, Default, Clone)]
pub struct PatchReader {
    /// Lines of the old side the current hunk has yet to show.
    old_left: u32,
    /// Lines of the new side the current hunk has yet to show.
    new_left: u32,
    /// Line number in the new file of the next added or context line.
    next_line: u32,
}

impl PatchReader {
    /// A reader outside any hunk.
    pub fn new() -> Self {
        Self::default()
    }

    /// Leave the current hunk (a caller saw something that ends it, such as
    /// its own commit marker).
    pub fn reset(&mut self) {
        *self = Self::default();
    }

    /// Whether the reader is inside a hunk that still expects lines.
    pub fn in_hunk(&self) -> bool {
        self.old_left > 0 || self.new_left > 0
    }

    /// Classify one line (without its trailing `\n`).
    pub fn line<'a>(&mut self, line: &'a [u8]) -> PatchLine<'a> {
        if self.in_hunk() {
            if let Some(hunk_line) = self.hunk_line(line) {
                return hunk_line;
            }
            // Not a hunk line although the header promised more: git never
            // prints that, so the counts were wrong. Read it as a header.
            self.reset();
        }
        self.header(line)
    }

    fn hunk_line<'a>(&mut self, line: &'a [u8]) -> Option<PatchLine<'a>> {
        match line.first() {
            Some(b'+') if self.new_left > 0 => {
                self.new_left -= 1;
                let at = self.next_line;
                self.next_line = self.next_line.saturating_add(1);
                Some(PatchLine::Added {
                    line: at,
                    text: &line[1..],
                })
            }
            Some(b'-') if self.old_left > 0 => {
                self.old_left -= 1;
                Some(PatchLine::Other)
            }
            Some(b' ') if self.old_left > 0 && self.new_left > 0 => {
                self.old_left -= 1;
                self.new_left -= 1;
                self.next_line = self.next_line.saturating_add(1);
                Some(PatchLine::Other)
            }
            Some(b'\\') => Some(PatchLine::Other),
            _ => None,
        }
    }

    fn header<'a>(&mut self, line: &'a [u8]) -> PatchLine<'a> {
        if line.starts_with(b"diff ") {
            return PatchLine::FileStart;
        }
        if let Some(label) = line.strip_prefix(b"+++ ") {
            return match new_name(label) {
                Ok(p) => PatchLine::NewPath(p),
                Err(e) => PatchLine::Malformed(e),
            };
        }
        if let Some(rest) = line.strip_prefix(b"@@ ") {
            return match hunk_header(rest) {
                Some((old, start, count)) => {
                    self.old_left = old;
                    self.new_left = count;
                    self.next_line = start;
                    PatchLine::Hunk { start, count }
                }
                None => PatchLine::Malformed(format!(
                    "bad hunk header `{}`",
                    String::from_utf8_lossy(line).escape_debug()
                )),
            };
        }
        let mode_text = line
            .strip_prefix(b"new file mode ")
            .or_else(|| line.strip_prefix(b"new mode "))
            .or_else(|| {
                // `index OLD..NEW MODE`: the mode is there when it did not change.
                let rest = line.strip_prefix(b"index ")?;
                let mut parts = rest.split(|&b| b == b' ');
                let _ids = parts.next()?;
                parts.next()
            });
        if let Some(m) = mode_text {
            return match octal_mode(m) {
                Some(m) => PatchLine::NewMode(m),
                None => PatchLine::Malformed(format!(
                    "bad mode in `{}`",
                    String::from_utf8_lossy(line).escape_debug()
                )),
            };
        }
        PatchLine::Other
    }
}

/// `-a[,b] +c[,d] @@...` → (b, c, d); a missing count is 1.
fn hunk_header(rest: &[u8]) -> Option<(u32, u32, u32)> {
    let text = std::str::from_utf8(rest.split(|&b| b == b'@').next()?).ok()?;
    let mut parts = text.split(' ');
    let old = parts.next()?.strip_prefix('-')?;
    let new = parts.next()?.strip_prefix('+')?;
    if parts.next() != Some("") {
        return None;
    }
    let (_, old_count) = range(old)?;
    let (start, count) = range(new)?;
    Some((old_count, start, count))
}

fn range(spec: &str) -> Option<(u32, u32)> {
    let number = |s: &str| -> Option<u32> {
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        s.parse().ok()
    };
    match spec.split_once(',') {
        Some((s, c)) => Some((number(s)?, number(c)?)),
        None => Some((number(spec)?, 1)),
    }
}

fn octal_mode(m: &[u8]) -> Option<u32> {
    if m.len() != 6 || !m.iter().all(|b| (b'0'..=b'7').contains(b)) {
        return None;
    }
    u32::from_str_radix(std::str::from_utf8(m).ok()?, 8).ok()
}

/// The name in a `+++ ` label: `/dev/null`, `b/NAME`, `b/NAME<TAB>` (git adds
/// the TAB when the label holds a space) or `"b/C-QUOTED"` (maybe followed by
/// that TAB). Returns the name's bytes without the prefix.
pub fn new_name(label: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let show = || String::from_utf8_lossy(label).escape_debug().to_string();
    let name = if label.first() == Some(&b'"') {
        let (name, rest) = unquote_c(label).map_err(|e| format!("{e} in `+++ {}`", show()))?;
        if !(rest.is_empty() || rest == b"\t") {
            return Err(format!("text after the quoted name in `+++ {}`", show()));
        }
        name
    } else {
        // An unquoted name holds no TAB (git would have quoted it), so a
        // TAB at the end is the one git appended.
        let label = label.strip_suffix(b"\t").unwrap_or(label);
        if label == b"/dev/null" {
            return Ok(None);
        }
        label.to_vec()
    };
    match name.strip_prefix(NEW_PREFIX.as_bytes()) {
        Some(p) if !p.is_empty() => Ok(Some(p.to_vec())),
        _ => Err(format!(
            "expected `+++ {NEW_PREFIX}NAME`, found `+++ {}`",
            show()
        )),
    }
}

/// Decode git's C-style quoting (`quote_c_style`): `"` ... `"` with `\a \b
/// \f \n \r \t \v \\ \"` and three-digit octal escapes. Returns the decoded
/// bytes and what follows the closing quote.
pub fn unquote_c(quoted: &[u8]) -> Result<(Vec<u8>, &[u8]), String> {
    let Some(body) = quoted.strip_prefix(b"\"") else {
        return Err("a quoted name must start with `\"`".into());
    };
    let mut out = Vec::with_capacity(body.len());
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        i += 1;
        match b {
            b'"' => return Ok((out, &body[i..])),
            b'\\' => {
                let Some(&e) = body.get(i) else { break };
                i += 1;
                out.push(match e {
                    b'a' => 0x07,
                    b'b' => 0x08,
                    b'f' => 0x0c,
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'v' => 0x0b,
                    b'\\' | b'"' => e,
                    b'0'..=b'3' => {
                        let digits = body.get(i..i + 2).ok_or("a cut-off octal escape")?;
                        if !digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
                            return Err("a bad octal escape".into());
                        }
                        i += 2;
                        ((e - b'0') << 6) | ((digits[0] - b'0') << 3) | (digits[1] - b'0')
                    }
                    other => {
                        return Err(format!(
                            "an unknown escape `\\{}`",
                            char::from(other).escape_debug()
                        ))
                    }
                });
            }
            _ => out.push(b),
        }
    }
    Err("an unterminated quoted name".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(patch: &str) -> Vec<PatchLine<'_>> {
        let mut r = PatchReader::new();
        patch.split('\n').map(|l| r.line(l.as_bytes())).collect()
    }

    fn added(lines: &[PatchLine<'_>]) -> Vec<(u32, String)> {
        lines
            .iter()
            .filter_map(|l| match l {
                PatchLine::Added { line, text } => {
                    Some((*line, String::from_utf8_lossy(text).into_owned()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn added_lines_carry_their_new_line_numbers() {
        let lines = read(
            "diff --git a/c.py b/c.py\nindex 1..2 100644\n--- a/c.py\n+++ b/c.py\n@@ -3,0 +4,2 @@\n+A = 1\n+B = 2\n@@ -10 +12 @@ def f():\n-old\n+C = 3",
        );
        assert_eq!(lines[1], PatchLine::NewMode(0o100644));
        assert_eq!(lines[3], PatchLine::NewPath(Some(b"c.py".to_vec())));
        assert_eq!(lines[4], PatchLine::Hunk { start: 4, count: 2 });
        assert_eq!(
            added(&lines),
            vec![
                (4, "A = 1".into()),
                (5, "B = 2".into()),
                (12, "C = 3".into())
            ]
        );
    }

    #[test]
    fn issue11_p4_hunk_lines_that_look_like_headers_stay_content() {
        // `++ TOKEN` added is printed `+++ TOKEN`; `-- x` removed is `--- x`.
        let lines = read(
            "diff --git a/n.md b/n.md\n--- a/n.md\n+++ b/n.md\n@@ -1,2 +1,3 @@\n--- x\n-diff y\n+++ TOKEN\n+@@ -1 +1 @@\n+last",
        );
        assert_eq!(
            added(&lines),
            vec![
                (1, "++ TOKEN".into()),
                (2, "@@ -1 +1 @@".into()),
                (3, "last".into())
            ]
        );
        assert!(!lines.iter().any(|l| matches!(l, PatchLine::Malformed(_))));
    }

    #[test]
    fn context_lines_advance_the_new_line_number() {
        let lines = read("+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n+not in the hunk");
        assert_eq!(added(&lines), vec![(2, "B".into())]);
        assert_eq!(lines.last(), Some(&PatchLine::Other));
    }

    #[test]
    fn issue11_p4_names_with_spaces_lose_the_tab_git_appends() {
        assert_eq!(
            new_name(b"b/my config.txt\t").unwrap(),
            Some(b"my config.txt".to_vec())
        );
        assert_eq!(new_name(b"b/plain.py").unwrap(), Some(b"plain.py".to_vec()));
        assert_eq!(new_name(b"/dev/null").unwrap(), None);
        assert_eq!(new_name(b"b/dev/null").unwrap(), Some(b"dev/null".to_vec()));
    }

    #[test]
    fn issue11_p4_quoted_names_are_decoded_byte_exact() {
        assert_eq!(
            new_name(b"\"b/caf\\303\\251 \\\"q\\\"\\tx\\\\y.py\"\t").unwrap(),
            Some("café \"q\"\tx\\y.py".as_bytes().to_vec())
        );
        assert_eq!(
            new_name(b"\"b/a\\nb\\377\\a\\b\\f\\r\\v\"").unwrap(),
            Some(b"a\nb\xff\x07\x08\x0c\r\x0b".to_vec())
        );
    }

    #[test]
    fn bad_names_are_errors_not_guesses() {
        for label in [
            &b"\"b/unterminated"[..],
            b"\"b/bad\\q\"",
            b"\"b/short\\30\"",
            b"\"b/x\" trailing",
            b"c/no-prefix",
            b"b/",
            b"",
        ] {
            assert!(
                new_name(label).is_err(),
                "{:?}",
                String::from_utf8_lossy(label)
            );
        }
    }

    #[test]
    fn malformed_hunk_headers_and_modes_are_reported() {
        let mut r = PatchReader::new();
        assert!(matches!(r.line(b"@@ -1 +x @@"), PatchLine::Malformed(_)));
        assert!(matches!(r.line(b"@@ -1 @@"), PatchLine::Malformed(_)));
        assert!(matches!(
            r.line(b"new file mode 10064"),
            PatchLine::Malformed(_)
        ));
        assert!(matches!(
            r.line(b"@@ -1 +99999999999 @@"),
            PatchLine::Malformed(_)
        ));
        assert_eq!(r.line(b"index abc..def"), PatchLine::Other);
        assert_eq!(r.line(b"index abc160000..def"), PatchLine::Other);
    }

    #[test]
    fn a_line_the_hunk_did_not_announce_ends_it() {
        let lines =
            read("+++ b/f\n@@ -0,0 +1,5 @@\n+a\ndiff --git a/g b/g\n+++ b/g\n@@ -0,0 +1 @@\n+b");
        assert_eq!(lines[3], PatchLine::FileStart);
        assert_eq!(lines[4], PatchLine::NewPath(Some(b"g".to_vec())));
        assert_eq!(added(&lines), vec![(1, "a".into()), (1, "b".into())]);
    }
}
