//! The text that JSON strings hold, with their escapes undone: a Jupyter
//! notebook keeps each line of a cell as a string (`"os.environ[\"X_TOKEN\"]
//! = \"…\"\n"`), and a JSON document kept in a string value has every quote
//! escaped, so a key written next to its provider's name does not read as
//! such in the file itself. The view is scanned like a file and every byte of
//! it maps back to the escaped span it came from, so findings, excerpts and
//! masks stay on the file's own bytes.

/// The unescaped contents of a file's JSON strings that hold escapes, one
/// string after another (each ending in a line break), and for each byte of
/// that text the span of the file it came from.
#[derive(Debug, Default)]
pub struct JsonView {
    pub text: Vec<u8>,
    /// Per byte of `text`: start and end offset in the file.
    spans: Vec<(usize, usize)>,
}

/// Files whose strings are worth reading unescaped: notebooks, JSON, and
/// the JSON documents tools write (HTTP archives, Terraform state).
pub fn wants(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    ["ipynb", "json", "jsonl", "ndjson", "har", "tfstate"]
        .iter()
        .any(|e| ext.eq_ignore_ascii_case(e))
}

impl JsonView {
    /// The view of `bytes`, or None when no string in it holds an escape
    /// (then the file reads the same unescaped, and was scanned as it is).
    /// A string is a `"` to the next unescaped `"` on the same line; text
    /// that is not valid JSON is read as far as that goes.
    pub fn of(bytes: &[u8]) -> Option<JsonView> {
        let mut view = JsonView::default();
        let mut at = 0;
        while let Some(q) = memchr::memchr(b'"', &bytes[at..]) {
            let open = at + q;
            match string_end(bytes, open + 1) {
                Some((close, escaped)) => {
                    if escaped {
                        view.push_string(bytes, open + 1, close);
                    }
                    at = close + 1;
                }
                None => at = open + 1,
            }
        }
        (!view.text.is_empty()).then_some(view)
    }

    /// File offsets of the view's `start..end` (empty stays empty).
    pub fn file_range(&self, start: usize, end: usize) -> (usize, usize) {
        let last = self.spans.len() - 1;
        let first = self.spans[start.min(last)].0;
        if end <= start {
            return (first, first);
        }
        (first, self.spans[(end - 1).min(last)].1.max(first))
    }

    fn push(&mut self, b: u8, span: (usize, usize)) {
        self.text.push(b);
        self.spans.push(span);
    }

    /// Unescape the string body `bytes[from..to]` onto the view.
    fn push_string(&mut self, bytes: &[u8], from: usize, to: usize) {
        let mut i = from;
        while i < to {
            if bytes[i] != b'\\' || i + 1 >= to {
                self.push(bytes[i], (i, i + 1));
                i += 1;
                continue;
            }
            let simple = match bytes[i + 1] {
                b'"' => Some(b'"'),
                b'\\' => Some(b'\\'),
                b'/' => Some(b'/'),
                b'n' => Some(b'\n'),
                b'r' => Some(b'\r'),
                b't' => Some(b'\t'),
                b'b' | b'f' => Some(b' '),
                _ => None,
            };
            if let Some(c) = simple {
                self.push(c, (i, i + 2));
                i += 2;
                continue;
            }
            match unicode_escape(bytes, i, to) {
                Some((c, len)) => {
                    let mut buf = [0; 4];
                    for &b in c.encode_utf8(&mut buf).as_bytes() {
                        self.push(b, (i, i + len));
                    }
                    i += len;
                }
                None => {
                    self.push(b'\\', (i, i + 1));
                    i += 1;
                }
            }
        }
        if self.text.last() != Some(&b'\n') {
            self.push(b'\n', (to, to));
        }
    }
}

/// The closing quote of a string whose body starts at `from`, and whether
/// the body holds an escape; None when the line ends first.
fn string_end(bytes: &[u8], from: usize) -> Option<(usize, bool)> {
    let mut i = from;
    let mut escaped = false;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return Some((i, escaped)),
            b'\\' => {
                escaped = true;
                i += 2;
            }
            b'\n' => return None,
            _ => i += 1,
        }
    }
    None
}

/// A `\uXXXX` escape at `i` (a surrogate pair is two of them): the character
/// and how many bytes of the file it takes. A lone surrogate reads as U+FFFD.
fn unicode_escape(bytes: &[u8], i: usize, to: usize) -> Option<(char, usize)> {
    let unit = |at: usize| -> Option<u32> {
        if at + 6 > to || bytes[at] != b'\\' || bytes[at + 1] != b'u' {
            return None;
        }
        let hex = std::str::from_utf8(&bytes[at + 2..at + 6]).ok()?;
        u32::from_str_radix(hex, 16).ok()
    };
    let hi = unit(i)?;
    if (0xD800..0xDC00).contains(&hi) {
        if let Some(lo) = unit(i + 6).filter(|lo| (0xDC00..0xE000).contains(lo)) {
            let c = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
            return Some((char::from_u32(c)?, 12));
        }
    }
    Some((char::from_u32(hi).unwrap_or('\u{FFFD}'), 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(v: &JsonView) -> &str {
        std::str::from_utf8(&v.text).unwrap()
    }

    #[test]
    fn notebook_cell_lines_read_as_code() {
        let nb = br#"{"cells": [{"source": ["import os\n", "os.environ[\"X_TOKEN\"] = \"abc\"\n", "plain"]}]}"#;
        let v = JsonView::of(nb).unwrap();
        assert_eq!(text(&v), "import os\nos.environ[\"X_TOKEN\"] = \"abc\"\n");
        let abc = text(&v).find("abc").unwrap();
        let (s, e) = v.file_range(abc, abc + 3);
        assert_eq!(&nb[s..e], b"abc");
        // An escaped quote maps back to both of its bytes.
        let q = text(&v).find("\"X").unwrap();
        assert_eq!(v.file_range(q, q + 1), {
            let f = nb.windows(2).position(|w| w == br#"\""#).unwrap();
            (f, f + 2)
        });
    }

    #[test]
    fn strings_without_escapes_give_no_view() {
        assert!(JsonView::of(br#"{"token": "abc", "n": 1}"#).is_none());
        assert!(JsonView::of(b"no strings at all").is_none());
    }

    #[test]
    fn unicode_escapes_and_broken_text_never_panic() {
        let v = JsonView::of(br#"["caf\u00e9 \ud83d\ude00 \ud800 \u12 \q \"#).is_none();
        assert!(v, "an unterminated string is not read");
        let v = JsonView::of(br#"["caf\u00e9 \ud83d\ude00 \ud800 \u12 \q"]"#).unwrap();
        assert_eq!(text(&v), "café 😀 \u{FFFD} \\u12 \\q\n");
    }

    /// Any bytes (escapes cut anywhere, lone quotes, line ends) give a view
    /// whose every byte maps back inside the file, in order.
    #[test]
    fn any_bytes_map_back_inside_the_file_in_order() {
        use proptest::prelude::*;
        let alphabet = prop::sample::select(b"\"\\un/d8e0aZ\n{}:".to_vec());
        proptest!(|(bytes in prop::collection::vec(alphabet, 0..80))| {
            if let Some(v) = JsonView::of(&bytes) {
                let mut last = 0;
                for i in 0..v.text.len() {
                    let (s, e) = v.file_range(i, i + 1);
                    prop_assert!(s <= e && e <= bytes.len(), "{s}..{e} of {}", bytes.len());
                    prop_assert!(s >= last);
                    last = s;
                }
            }
        });
    }

    #[test]
    fn only_notebooks_and_json_are_read() {
        assert!(wants("nb/Analysis.ipynb"));
        assert!(wants("conf/app.JSON"));
        assert!(wants("captures/login.har"));
        assert!(!wants("app.py"));
        assert!(!wants("json"));
    }
}
