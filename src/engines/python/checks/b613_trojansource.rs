//! B613 `trojansource`.

use super::prelude::*;

doc!("Bidirectional control characters in source (Trojan Source).

## What it does
Flags the first line of a file that contains a Unicode bidirectional control
character (U+202A-U+202E, U+2066-U+2069, U+200F).

## Why is this bad?
These characters reorder how code is displayed: a reviewer sees one program
while the interpreter runs another (CVE-2021-42574).

## Example
```python
access_level = \"user\"
if access_level != \"none\u{202e}\u{2066}\": # check if admin \u{2069}\u{2066}
    grant()
```

## Use instead
```python
access_level = \"user\"
if access_level != \"none\":  # check if admin
    grant()
```

## References
- CWE-838: Inappropriate Encoding for Output Context (https://cwe.mitre.org/data/definitions/838.html)
- bandit B613 (trojansource)");

const BIDI: [char; 10] = [
    '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}', '\u{200f}',
];

/// Python's `str.splitlines` boundaries.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0b}'
            | '\u{0c}'
            | '\u{1c}'
            | '\u{1d}'
            | '\u{1e}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// The first line holding a bidi control character.
pub fn check(cx: &Cx<'_>, out: &mut Hits) {
    // Every bidi control character is encoded with a 0xE2 lead byte: most files have none.
    if memchr::memchr(0xe2, cx.src).is_none() {
        return;
    }
    let Ok(text) = std::str::from_utf8(cx.src) else {
        return;
    };
    if !text.contains(BIDI) {
        return;
    }
    let mut lines: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut prev_cr = false;
    for (i, c) in text.char_indices() {
        if c == '\n' && prev_cr {
            start = i + 1;
            prev_cr = false;
            continue;
        }
        if is_line_break(c) {
            lines.push(&text[start..i]);
            start = i + c.len_utf8();
        }
        prev_cr = c == '\r';
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    for (n, l) in lines.iter().enumerate() {
        for b in BIDI {
            if let Some(pos) = l.find(b) {
                let lineno = n as u32 + 1;
                // The character itself (bandit gives only its column).
                let at = l.as_ptr() as usize - text.as_ptr() as usize + pos;
                out.span = (at, at + b.len_utf8());
                out.scope = (0, 1);
                out.add_at(
                    Severity::High,
                    Confidence::Medium,
                    format!(
                        "A Python source file contains bidirectional control characters ('\\u{:04x}').",
                        b as u32
                    ),
                    Some(lineno),
                );
                return;
            }
        }
    }
}
