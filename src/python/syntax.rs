//! Source that Python 3.11's `ast.parse` (bandit's parser) rejects but
//! tree-sitter accepts or recovers from. bandit skips such files entirely.

use std::borrow::Cow;

use tree_sitter::{Node, TreeCursor};

use super::tree::{children, text, Kinds};

/// Python's tokenizer refuses more nested brackets than this.
pub const MAX_BRACKET_DEPTH: u32 = 200;
/// bandit's recursive visitor dies (RecursionError, file skipped) on syntax
/// trees nested deeper than about this; gate skips such files the same way.
pub const MAX_TREE_DEPTH: usize = 985;

/// Why a file is not valid Python 3, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxProblem {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

impl SyntaxProblem {
    /// A problem at a node's start.
    pub fn at(n: Node<'_>, message: impl Into<String>) -> Self {
        SyntaxProblem {
            line: n.start_position().row as u32 + 1,
            column: n.start_position().column as u32 + 1,
            message: message.into(),
        }
    }
}

/// Byte-level problems: NUL bytes and undecodable text. Returns the text to parse
/// (a BOM dropped, a latin-1 file declared as such transcoded to UTF-8).
pub fn prepare(bytes: &[u8]) -> Result<Cow<'_, [u8]>, SyntaxProblem> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Some(i) = memchr::memchr(0, bytes) {
        let (line, column) = position(bytes, i);
        return Err(SyntaxProblem {
            line,
            column,
            message: "source code cannot contain null bytes".into(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(_) => Ok(Cow::Borrowed(bytes)),
        Err(e) => {
            if declares_single_byte_encoding(bytes) {
                let s: String = bytes.iter().map(|&b| b as char).collect();
                return Ok(Cow::Owned(s.into_bytes()));
            }
            let at = e.valid_up_to();
            let (line, column) = position(bytes, at);
            Err(SyntaxProblem {
                line,
                column,
                message: format!(
                    "'utf-8' codec can't decode byte 0x{:02x}: not valid UTF-8 and no single-byte coding declared",
                    bytes[at]
                ),
            })
        }
    }
}

fn position(bytes: &[u8], at: usize) -> (u32, u32) {
    let before = &bytes[..at];
    let line = memchr::memchr_iter(b'\n', before).count() as u32 + 1;
    let col = before.len() - memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (line, col as u32 + 1)
}

/// A PEP 263 coding cookie in the first two lines naming a latin-1-like encoding.
fn declares_single_byte_encoding(bytes: &[u8]) -> bool {
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let line = String::from_utf8_lossy(line).to_ascii_lowercase();
        let t = line.trim_start();
        if !t.starts_with('#') {
            continue;
        }
        if let Some(i) = t.find("coding") {
            let rest = t[i + 6..].trim_start_matches([':', '=']).trim_start();
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || "-_.".contains(*c))
                .collect();
            let name = name.replace('_', "-");
            return matches!(
                name.as_str(),
                "latin-1"
                    | "latin1"
                    | "iso-8859-1"
                    | "iso8859-1"
                    | "l1"
                    | "cp1252"
                    | "windows-1252"
                    | "iso-8859-15"
                    | "iso8859-15"
                    | "cp819"
            );
        }
    }
    false
}

/// Node-level problems: Python 2 statements and literals, Python 3.12-only
/// syntax, argument order. Called for every node in the walk.
pub fn check_node<'t>(
    k: &Kinds,
    src: &[u8],
    n: Node<'t>,
    parent: Option<Node<'t>>,
) -> Option<SyntaxProblem> {
    if n.is_error() {
        return Some(SyntaxProblem::at(n, "invalid syntax"));
    }
    if n.is_missing() {
        return Some(SyntaxProblem::at(
            n,
            format!("invalid syntax: expected `{}`", n.kind()),
        ));
    }
    if !n.is_named() {
        return (n.kind() == "<>").then(|| SyntaxProblem::at(n, "invalid syntax: `<>`"));
    }
    check_named(k, src, n, n.kind_id(), parent, &mut n.walk())
}

/// Whether [`check_named`] looks at nodes of this kind (the walk asks once per kind).
pub fn has_named_check(k: &Kinds, kind: u16) -> bool {
    [
        k.print_statement,
        k.exec_statement,
        k.type_alias_statement,
        k.integer,
        k.float,
        k.string_start,
        k.block,
        k.try_statement,
        k.except_clause,
        k.concatenated_string,
        k.interpolation,
        k.argument_list,
        k.parameters,
    ]
    .contains(&kind)
}

/// [`check_node`] for a named node that is neither an error nor missing, of
/// kind `kind`; `cursor` is scratch space for walking its children.
pub fn check_named<'t>(
    k: &Kinds,
    src: &[u8],
    n: Node<'t>,
    kind: u16,
    parent: Option<Node<'t>>,
    cursor: &mut TreeCursor<'t>,
) -> Option<SyntaxProblem> {
    if kind == k.print_statement {
        return Some(SyntaxProblem::at(
            n,
            "Missing parentheses in call to 'print' (Python 2 syntax)",
        ));
    }
    if kind == k.exec_statement {
        return Some(SyntaxProblem::at(
            n,
            "Missing parentheses in call to 'exec' (Python 2 syntax)",
        ));
    }
    // tree-sitter also reads `type(x).attr = v` as a type alias; a real one names an identifier.
    if kind == k.type_alias_statement
        && text(src, n).strip_prefix("type").is_some_and(|rest| {
            rest.starts_with([' ', '\t'])
                && rest
                    .trim_start()
                    .starts_with(|c: char| c.is_alphabetic() || c == '_')
        })
    {
        return Some(SyntaxProblem::at(
            n,
            "invalid syntax (type parameters and `type` statements need Python 3.12)",
        ));
    }
    if kind == k.integer {
        let t = text(src, n);
        if t.ends_with(['l', 'L']) {
            return Some(SyntaxProblem::at(
                n,
                "invalid decimal literal (Python 2 long)",
            ));
        }
        let b = t.as_bytes();
        if b.len() > 1
            && b[0] == b'0'
            && b[1..].iter().all(|c| c.is_ascii_digit() || *c == b'_')
            && b.iter().any(|c| (b'1'..=b'9').contains(c))
        {
            return Some(SyntaxProblem::at(
                n,
                "leading zeros in decimal integer literals are not permitted",
            ));
        }
        return number_suffix(src, n);
    }
    if kind == k.float {
        return number_suffix(src, n);
    }
    if kind == k.string_start {
        let t = text(src, n);
        let prefix = t.trim_end_matches(['"', '\'']);
        if prefix.contains(['u', 'U']) && prefix.len() > 1 {
            return Some(SyntaxProblem::at(n, "invalid string prefix"));
        }
        return None;
    }
    if kind == k.block && block_is_empty(k, src, n) {
        return Some(SyntaxProblem::at(n, "expected an indented block"));
    }
    if kind == k.try_statement {
        let (mut star, mut plain) = (false, false);
        for c in children(k, n).filter(|c| c.kind_id() == k.except_clause) {
            let is_star = (0..c.child_count()).any(|i| c.child(i).is_some_and(|t| t.kind() == "*"));
            star |= is_star;
            plain |= !is_star;
        }
        if star && plain {
            return Some(SyntaxProblem::at(
                n,
                "cannot have both 'except' and 'except*' on the same 'try'",
            ));
        }
        return None;
    }
    if kind == k.except_clause {
        let values = n.children_by_field_name("value", &mut n.walk()).count();
        if values > 1 {
            return Some(SyntaxProblem::at(
                n,
                "multiple exception types must be parenthesized (Python 2 syntax)",
            ));
        }
        return None;
    }
    if kind == k.concatenated_string {
        let mut bytes = false;
        let mut text_part = false;
        for c in children(k, n).filter(|c| c.kind_id() == k.string) {
            let p = super::literal::prefix(k, src, c);
            bytes |= p.bytes;
            text_part |= !p.bytes;
        }
        if bytes && text_part {
            return Some(SyntaxProblem::at(
                n,
                "cannot mix bytes and nonbytes literals",
            ));
        }
        return None;
    }
    if kind == k.interpolation {
        return parent.and_then(|p| fstring_expression(k, src, n, p));
    }
    if kind == k.argument_list {
        let kids: Vec<(u16, Node<'t>)> = n
            .named_children(cursor)
            .map(|c| (c.kind_id(), c))
            .filter(|(ck, _)| *ck != k.comment)
            .collect();
        return arguments_problem(k, &kids);
    }
    if kind == k.parameters {
        let mut default = false;
        for c in n
            .named_children(cursor)
            .filter(|c| c.kind_id() != k.comment)
        {
            let ck = c.kind_id();
            if ck == k.default_parameter || ck == k.typed_default_parameter {
                default = true;
            } else if ck == k.list_splat_pattern
                || ck == k.keyword_separator
                || ck == k.dictionary_splat_pattern
                || (ck == k.typed_parameter
                    && c.named_child(0).is_some_and(|x| {
                        x.kind_id() == k.list_splat_pattern
                            || x.kind_id() == k.dictionary_splat_pattern
                    }))
            {
                break;
            } else if (ck == k.identifier || ck == k.typed_parameter) && default {
                return Some(SyntaxProblem::at(
                    c,
                    "non-default argument follows default argument",
                ));
            }
        }
        return None;
    }
    None
}

/// Whether a block holds no statement (comments aside).
fn block_is_empty(k: &Kinds, src: &[u8], n: Node<'_>) -> bool {
    if n.named_child_count() == 0 {
        return true;
    }
    // A block starting with anything but a comment starts with a statement.
    let first = src[n.start_byte()..n.end_byte()]
        .iter()
        .find(|c| !c.is_ascii_whitespace());
    if first.is_some_and(|&c| c != b'#' && c != b'\\') {
        return false;
    }
    children(k, n).next().is_none()
}

/// The problem with an argument list whose arguments (comments left out) are
/// `kids`, as (kind id, node): argument order, unparenthesised generators.
pub fn arguments_problem(k: &Kinds, kids: &[(u16, Node<'_>)]) -> Option<SyntaxProblem> {
    let mut keyword = false;
    let mut kw_unpack = false;
    for &(ck, c) in kids {
        if ck == k.keyword_argument {
            keyword = true;
        } else if ck == k.dictionary_splat {
            kw_unpack = true;
        } else if ck == k.list_splat {
            if kw_unpack {
                return Some(SyntaxProblem::at(
                    c,
                    "iterable argument unpacking follows keyword argument unpacking",
                ));
            }
        } else if keyword || kw_unpack {
            return Some(SyntaxProblem::at(
                c,
                "positional argument follows keyword argument",
            ));
        } else if ck == k.generator_expression
            && kids.len() > 1
            && c.child(0).is_some_and(|t| t.kind() != "(")
        {
            return Some(SyntaxProblem::at(
                c,
                "Generator expression must be parenthesized",
            ));
        }
    }
    None
}

/// `1abc`: a number running into a name (a keyword right after is only deprecated).
fn number_suffix(src: &[u8], n: Node<'_>) -> Option<SyntaxProblem> {
    let rest = &src[n.end_byte()..];
    let word: Vec<u8> = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b >= 0x80)
        .copied()
        .collect();
    if word.is_empty() {
        return None;
    }
    const KEYWORDS: [&[u8]; 8] = [b"and", b"or", b"if", b"else", b"for", b"in", b"is", b"not"];
    if KEYWORDS.contains(&word.as_slice()) {
        return None;
    }
    Some(SyntaxProblem::at(n, "invalid decimal literal"))
}

/// Python 3.11 f-strings cannot reuse their quote or hold a backslash inside `{...}`.
fn fstring_expression(k: &Kinds, src: &[u8], n: Node<'_>, s: Node<'_>) -> Option<SyntaxProblem> {
    let start = s.child(0).filter(|c| c.kind_id() == k.string_start)?;
    let st = text(src, start);
    let quote = st.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let inner = text(src, n);
    let quote_char = &quote[..1.min(quote.len())];
    let clash = if quote.len() == 3 {
        inner.contains(quote)
    } else {
        !quote_char.is_empty() && inner.contains(quote_char)
    };
    if clash || inner.contains('\\') {
        return Some(SyntaxProblem::at(
            n,
            "f-string expression reuses the enclosing quote or holds a backslash (needs Python 3.12)",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_and_bad_utf8_are_problems_with_positions() {
        let e = prepare(b"x = 1\ny = '\0'\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        let e = prepare(b"x = 1\n\n  '\xff'\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 4));
        assert!(e.message.contains("0xff"));
    }

    #[test]
    fn declared_latin1_is_transcoded() {
        let out = prepare(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap();
        assert!(std::str::from_utf8(&out).unwrap().contains('\u{e9}'));
        assert_eq!(&*prepare(b"\xef\xbb\xbfx = 1").unwrap(), b"x = 1");
    }
}
