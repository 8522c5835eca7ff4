//! Text that came from a repository or a tool (file names, messages, source
//! lines) made safe to print on a terminal.
//!
//! A file may be named `x.py\n✗ critical …` or hold `\x1b]8;;…` in its name:
//! printed raw, it starts a line that looks like gate's own or drives the
//! terminal. Control characters and bidirectional formatting characters are
//! written as escapes instead; everything else, non-ASCII included, is shown
//! as it is.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `s` with every control character (C0, DEL, C1) and every bidirectional
/// formatting character written as an escape (`\n`, `\x1b`, `\u{202e}`).
pub fn for_terminal(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// [`for_terminal`] for a source excerpt: tabs, which indent code, stay.
pub fn excerpt_for_terminal(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, keep_tabs: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| needs_escape(c) && !(keep_tabs && c == '\t');
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if !unsafe_char(c) {
            out.push(c);
            continue;
        }
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x80 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
        }
    }
    Cow::Owned(out)
}

/// Control characters and the characters that reorder text (Unicode's
/// bidirectional embeddings, overrides, isolates and marks).
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_and_bidi_characters_are_escaped_and_the_rest_is_kept() {
        assert_eq!(for_terminal("src/a b é😀.py"), "src/a b é😀.py");
        assert!(matches!(for_terminal("plain"), Cow::Borrowed(_)));
        assert_eq!(
            for_terminal("a\nb\r\tc\x1b[31md\x7f\u{9b}"),
            "a\\nb\\r\\tc\\x1b[31md\\x7f\\u{9b}"
        );
        assert_eq!(for_terminal("x\u{202e}yp.exe"), "x\\u{202e}yp.exe");
        assert_eq!(excerpt_for_terminal("\tif x:\x1b"), "\tif x:\\x1b");
    }
}
