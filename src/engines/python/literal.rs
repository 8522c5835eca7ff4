//! Python literals as bandit sees them: strings escape-decoded and merged
//! across implicit concatenation, and `Context._get_literal_value` (stringly
//! typed: names and attributes become their text, `True`/`None` become words).

use std::borrow::Cow;

use tree_sitter::Node;

use super::tree::{children, text, unparen, Kinds};

/// A string literal: its kind and its merged, decoded value.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct StrLit {
    pub bytes: bool,
    pub fstring: bool,
    /// The decoded value of the literal parts (f-string parts joined without separator).
    pub value: String,
}

/// The prefix letters of one `string` node (`rb`, `f`, ...), lowercased flags.
#[derive(Debug, Clone, Copy, Default)]
pub struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

/// The prefix of a `string` node, read from its `string_start` token.
pub fn prefix(k: &Kinds, src: &[u8], s: Node<'_>) -> Prefix {
    let mut p = Prefix::default();
    if let Some(start) = s.child(0).filter(|c| c.kind_id() == k.string_start) {
        for c in text(src, start).chars() {
            match c {
                'r' | 'R' => p.raw = true,
                'b' | 'B' => p.bytes = true,
                'f' | 'F' => p.fstring = true,
                _ => {}
            }
        }
    }
    p
}

/// The literal text segments of one `string` node, in order, with `None`
/// marking an interpolation; `emit` receives each segment.
pub fn segments<'a>(k: &Kinds, src: &'a [u8], s: Node<'_>, mut emit: impl FnMut(Option<&'a str>)) {
    let count = s.child_count();
    let mut start = None;
    let mut end = s.end_byte();
    for i in 0..count {
        let Some(c) = s.child(i) else { continue };
        let kind = c.kind_id();
        if kind == k.string_start {
            start = Some(c.end_byte());
        } else if kind == k.string_end {
            end = c.start_byte();
        } else if kind == k.interpolation {
            if let Some(st) = start {
                if c.start_byte() > st {
                    emit(Some(slice(src, st, c.start_byte())));
                }
            }
            emit(None);
            start = Some(c.end_byte());
        }
    }
    if let Some(st) = start {
        if end > st {
            emit(Some(slice(src, st, end)));
        }
    }
}

fn slice(src: &[u8], a: usize, b: usize) -> &str {
    std::str::from_utf8(&src[a..b]).unwrap_or("")
}

/// Decode one literal segment into `out` as Python would.
pub fn decode_into(raw_text: &str, p: Prefix, out: &mut String) {
    if p.raw {
        if p.fstring {
            out.push_str(&unbrace(raw_text));
        } else {
            out.push_str(raw_text);
        }
        return;
    }
    let t: Cow<'_, str> = if p.fstring {
        unbrace(raw_text)
    } else {
        Cow::Borrowed(raw_text)
    };
    if !t.contains('\\') {
        out.push_str(&t);
        return;
    }
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            chars.next();
                        }
                        None => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' => push_hex(&mut chars, 2, out, "\\x"),
            'u' if !p.bytes => push_hex(&mut chars, 4, out, "\\u"),
            'U' if !p.bytes => push_hex(&mut chars, 8, out, "\\U"),
            'N' if !p.bytes && chars.peek() == Some(&'{') => {
                // Unicode names are not resolved; the name stands in for the character.
                for n in chars.by_ref() {
                    if n == '}' {
                        break;
                    }
                }
                out.push('\u{fffd}');
            }
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
}

fn push_hex(
    chars: &mut std::iter::Peekable<std::str::Chars<'_>>,
    n: usize,
    out: &mut String,
    lead: &str,
) {
    let mut v: u32 = 0;
    let mut digits = String::new();
    for _ in 0..n {
        match chars.peek().copied().filter(char::is_ascii_hexdigit) {
            Some(d) => {
                digits.push(d);
                v = v * 16 + d.to_digit(16).unwrap_or(0);
                chars.next();
            }
            None => break,
        }
    }
    if digits.len() == n {
        out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
    } else {
        out.push_str(lead);
        out.push_str(&digits);
    }
}

fn unbrace(t: &str) -> Cow<'_, str> {
    if t.contains("{{") || t.contains("}}") {
        Cow::Owned(t.replace("{{", "{").replace("}}", "}"))
    } else {
        Cow::Borrowed(t)
    }
}

/// The parts of a `string` or `concatenated_string` node.
fn parts<'t>(k: &Kinds, n: Node<'t>) -> impl Iterator<Item = Node<'t>> + use<'t> {
    let string = k.string;
    let single = (n.kind_id() == k.string).then_some(n);
    let many = (n.kind_id() == k.concatenated_string).then(|| children(k, n));
    single.into_iter().chain(
        many.into_iter()
            .flatten()
            .filter(move |c| c.kind_id() == string),
    )
}

/// Whether any part of a string literal is an f-string, and whether any is bytes.
pub fn kind_of(k: &Kinds, src: &[u8], n: Node<'_>) -> (bool, bool) {
    let mut f = false;
    let mut b = false;
    for p in parts(k, n) {
        let pre = prefix(k, src, p);
        f |= pre.fstring;
        b |= pre.bytes;
    }
    (f, b)
}

/// The merged value of a string literal that has no f-string part (an AST `Constant`).
pub fn constant_value(k: &Kinds, src: &[u8], n: Node<'_>, out: &mut String) -> StrLit {
    out.clear();
    let mut lit = StrLit::default();
    for p in parts(k, n) {
        let pre = prefix(k, src, p);
        lit.bytes |= pre.bytes;
        lit.fstring |= pre.fstring;
        segments(k, src, p, |seg| {
            if let Some(seg) = seg {
                decode_into(seg, pre, out);
            }
        });
    }
    lit.value = std::mem::take(out);
    lit
}

/// The literal (constant) parts of an f-string literal, merged the way Python
/// builds a `JoinedStr`: adjacent literal text joins, interpolations split.
pub fn fstring_parts(k: &Kinds, src: &[u8], n: Node<'_>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for p in parts(k, n) {
        let pre = prefix(k, src, p);
        segments(k, src, p, |seg| match seg {
            Some(seg) => decode_into(seg, pre, &mut cur),
            None => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
        });
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A value as `Context._get_literal_value` returns it.
#[derive(Debug, Clone, PartialEq)]
pub enum Lit {
    /// Python `None`: not a literal bandit understands.
    Unknown,
    /// A str: string literals, names, `True`/`False`/`None`, attribute names in keyword values.
    Str(String),
    Bytes(Vec<u8>),
    Int(i128),
    Float(f64),
    Complex,
    Ellipsis,
    List(Vec<Lit>),
    Tuple(Vec<Lit>),
    Set(Vec<Lit>),
    /// A dict literal (bandit keeps its nodes; only its presence matters).
    Dict,
}

impl Lit {
    /// The value as a str, if it is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Lit::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Python truthiness of the value (`Unknown` is Python `None`: false).
    pub fn truthy(&self) -> bool {
        match self {
            Lit::Unknown => false,
            Lit::Str(s) => !s.is_empty(),
            Lit::Bytes(b) => !b.is_empty(),
            Lit::Int(i) => *i != 0,
            Lit::Float(f) => *f != 0.0,
            Lit::Complex | Lit::Ellipsis | Lit::Dict => true,
            Lit::List(v) | Lit::Tuple(v) | Lit::Set(v) => !v.is_empty(),
        }
    }

    /// Python `==` against an int.
    pub fn eq_int(&self, n: i128) -> bool {
        match self {
            Lit::Int(i) => *i == n,
            Lit::Float(f) => *f == n as f64,
            _ => false,
        }
    }

    /// Python `str()` of the value, as an f-string would format it.
    pub fn py_str(&self) -> String {
        match self {
            Lit::Unknown => "None".into(),
            Lit::Str(s) => s.clone(),
            Lit::Bytes(b) => format!("b'{}'", String::from_utf8_lossy(b)),
            Lit::Int(i) => i.to_string(),
            Lit::Float(f) => format!("{f:?}"),
            Lit::Complex => "0j".into(),
            Lit::Ellipsis => "Ellipsis".into(),
            Lit::List(v) => format!("[{}]", join_repr(v)),
            Lit::Tuple(v) if v.len() == 1 => format!("({},)", join_repr(v)),
            Lit::Tuple(v) => format!("({})", join_repr(v)),
            Lit::Set(v) => format!("{{{}}}", join_repr(v)),
            Lit::Dict => "{...}".into(),
        }
    }

    /// Python `repr()` of the value.
    pub fn py_repr(&self) -> String {
        match self {
            Lit::Str(s) => format!("'{s}'"),
            other => other.py_str(),
        }
    }
}

fn join_repr(v: &[Lit]) -> String {
    v.iter().map(Lit::py_repr).collect::<Vec<_>>().join(", ")
}

/// Parse a Python int literal (`0x1f`, `0o755`, `1_000`).
pub fn parse_int(t: &str) -> Option<i128> {
    let t = t.replace('_', "");
    let t = t.trim_end_matches(['l', 'L']);
    let (digits, radix) = match t.get(..2) {
        Some("0x" | "0X") => (&t[2..], 16),
        Some("0o" | "0O") => (&t[2..], 8),
        Some("0b" | "0B") => (&t[2..], 2),
        _ => (t, 10),
    };
    i128::from_str_radix(digits, radix).ok()
}

/// `_get_literal_value(node)`.
pub fn literal(k: &Kinds, src: &[u8], node: Node<'_>) -> Lit {
    let n = unparen(k, node);
    let kind = n.kind_id();
    if kind == k.string || kind == k.concatenated_string {
        let (f, _) = kind_of(k, src, n);
        if f {
            return Lit::Unknown;
        }
        let mut buf = String::new();
        let s = constant_value(k, src, n, &mut buf);
        if s.bytes {
            return Lit::Bytes(s.value.into_bytes());
        }
        return Lit::Str(s.value);
    }
    if kind == k.integer {
        let t = text(src, n);
        if t.ends_with(['j', 'J']) {
            return Lit::Complex;
        }
        return parse_int(t).map_or(Lit::Float(f64::INFINITY), Lit::Int);
    }
    if kind == k.float {
        let t = text(src, n).replace('_', "");
        if t.ends_with(['j', 'J']) {
            return Lit::Complex;
        }
        return Lit::Float(t.parse().unwrap_or(0.0));
    }
    if kind == k.true_ {
        return Lit::Str("True".into());
    }
    if kind == k.false_ {
        return Lit::Str("False".into());
    }
    if kind == k.none {
        return Lit::Str("None".into());
    }
    if kind == k.ellipsis {
        return Lit::Ellipsis;
    }
    if kind == k.identifier {
        return Lit::Str(text(src, n).to_string());
    }
    if kind == k.list || kind == k.tuple || kind == k.set {
        let items: Vec<Lit> = children(k, n).map(|c| literal(k, src, c)).collect();
        return if kind == k.list {
            Lit::List(items)
        } else if kind == k.tuple {
            Lit::Tuple(items)
        } else {
            Lit::Set(items)
        };
    }
    if kind == k.dictionary {
        return Lit::Dict;
    }
    Lit::Unknown
}

/// A call argument's value as bandit's `call_args` / `call_keywords` see it:
/// an attribute becomes its attribute name, anything else its literal value.
pub fn arg_value(k: &Kinds, src: &[u8], node: Node<'_>) -> Lit {
    let n = unparen(k, node);
    if n.kind_id() == k.attribute {
        if let Some(a) = n.child_by_field_id(crate::python::tree::fields().attribute) {
            return Lit::Str(text(src, a).to_string());
        }
    }
    literal(k, src, n)
}

/// Whether a node is an AST `Constant` (any literal value: str, bytes, number, True, None, ...).
pub fn is_constant(k: &Kinds, src: &[u8], node: Node<'_>) -> bool {
    let n = unparen(k, node);
    let kind = n.kind_id();
    if kind == k.string || kind == k.concatenated_string {
        return !kind_of(k, src, n).0;
    }
    kind == k.integer
        || kind == k.float
        || kind == k.true_
        || kind == k.false_
        || kind == k.none
        || kind == k.ellipsis
}

/// Whether a node is a str `Constant` (not bytes, not an f-string).
pub fn is_str_constant(k: &Kinds, src: &[u8], node: Node<'_>) -> bool {
    let n = unparen(k, node);
    if !(n.kind_id() == k.string || n.kind_id() == k.concatenated_string) {
        return false;
    }
    let (f, b) = kind_of(k, src, n);
    !f && !b
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(t: &str, raw: bool, bytes: bool) -> String {
        let mut out = String::new();
        decode_into(
            t,
            Prefix {
                raw,
                bytes,
                fstring: false,
            },
            &mut out,
        );
        out
    }

    #[test]
    fn escapes_decode_like_python() {
        assert_eq!(dec(r"\x2ftmp", false, false), "/tmp");
        assert_eq!(dec(r"\057tmp", false, false), "/tmp");
        assert_eq!(dec(r"a\tb\\c\q", false, false), "a\tb\\c\\q");
        assert_eq!(dec(r"\u0030.0", false, false), "0.0");
        assert_eq!(dec(r"\u0030", false, true), "\\u0030");
        assert_eq!(dec(r"\x2f", true, false), r"\x2f");
        assert_eq!(dec("a\\\nb", false, false), "ab");
    }

    #[test]
    fn ints_parse_in_every_base() {
        assert_eq!(parse_int("0o777"), Some(0o777));
        assert_eq!(parse_int("0x1_F"), Some(31));
        assert_eq!(parse_int("511"), Some(511));
    }
}
