//! The text that JSON strings hold, with their escapes undone: a Jupyter
//! notebook keeps each line of a cell as a string (`"os.environ[\"X_TOKEN\"]
//! = \"…\"\n"`), and a JSON document kept in a string value has every quote
//! escaped, so a key written next to its provider's name does not read as
//! such in the file itself. The view is scanned like a file and every byte of
//! it maps back to the escaped span it came from, so findings, excerpts and
//! masks stay on the file's own bytes.

/// Files larger than this are scanned only as they are: a view keeps a
/// record per escape, which for a file made of escapes is several times its
/// size.
const MAX_INPUT: usize = 16 << 20;

/// The unescaped contents of a file's JSON strings that hold escapes, one
/// string after another (each ending in a line break), and where in the file
/// each byte of that text came from.
#[derive(Debug, Default)]
pub struct JsonView {
    pub text: Vec<u8>,
    /// In order of `view`; the first starts at 0.
    pieces: Vec<Piece>,
}

/// Bytes of the view from `view` up to the next piece, and their origin: a
/// verbatim run (view byte `view + k` is file byte `file + k`), or the text
/// of one escape (each of its bytes comes from the file's `file..file + len`).
#[derive(Debug, Clone, Copy)]
struct Piece {
    view: usize,
    file: usize,
    escape_len: Option<usize>,
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
        if bytes.len() > MAX_INPUT {
            return None;
        }
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
        let last = self.text.len() - 1;
        let first = self.origin(start.min(last)).0;
        if end <= start {
            return (first, first);
        }
        (first, self.origin((end - 1).min(last)).1.max(first))
    }

    /// The file span view byte `v` came from.
    fn origin(&self, v: usize) -> (usize, usize) {
        let p = self.pieces[self.pieces.partition_point(|p| p.view <= v) - 1];
        match p.escape_len {
            None => (p.file + v - p.view, p.file + v - p.view + 1),
            Some(len) => (p.file, p.file + len),
        }
    }

    /// File byte `at`, as it is.
    fn push_verbatim(&mut self, b: u8, at: usize) {
        let extends = self
            .pieces
            .last()
            .is_some_and(|p| p.escape_len.is_none() && p.file + (self.text.len() - p.view) == at);
        if !extends {
            self.pieces.push(Piece {
                view: self.text.len(),
                file: at,
                escape_len: None,
            });
        }
        self.text.push(b);
    }

    /// The text of the escape at `at`, `len` bytes of the file.
    fn push_escape(&mut self, text: &[u8], at: usize, len: usize) {
        self.pieces.push(Piece {
            view: self.text.len(),
            file: at,
            escape_len: Some(len),
        });
        self.text.extend_from_slice(text);
    }

    /// Unescape the string body `bytes[from..to]` onto the view.
    fn push_string(&mut self, bytes: &[u8], from: usize, to: usize) {
        let mut i = from;
        while i < to {
            if bytes[i] != b'\\' || i + 1 >= to {
                self.push_verbatim(bytes[i], i);
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
                self.push_escape(&[c], i, 2);
                i += 2;
                continue;
            }
            match unicode_escape(bytes, i, to) {
                Some((c, len)) => {
                    let mut buf = [0; 4];
                    self.push_escape(c.encode_utf8(&mut buf).as_bytes(), i, len);
                    i += len;
                }
                None => {
                    self.push_verbatim(b'\\', i);
                    i += 1;
                }
            }
        }
        if self.text.last() != Some(&b'\n') {
            self.push_escape(b"\n", to, 0);
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
    /// whose every byte maps back inside the file, in order, and a byte
    /// taken as it is maps to itself.
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
                    if e == s + 1 {
                        prop_assert_eq!(v.text[i], bytes[s], "view byte {} from file byte {}", i, s);
                    }
                    last = s;
                }
            }
        });
    }

    #[test]
    fn files_beyond_the_limit_are_not_viewed() {
        let escapes = br#""\n""#.repeat(MAX_INPUT / 4);
        assert!(JsonView::of(&escapes).is_some());
        let more = [escapes.as_slice(), br#""\n""#].concat();
        assert!(JsonView::of(&more).is_none());
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
