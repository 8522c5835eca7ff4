//! Source that Python 3.11's `ast.parse` (bandit's parser) rejects but
//! tree-sitter accepts or recovers from. bandit skips such files entirely.

use std::borrow::Cow;

use tree_sitter::{Node, TreeCursor};

use super::codecs::{self, Codec};
use super::options::PythonVersion;
use super::tree::{children, text, Kinds};
use super::unicode_name;

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

/// Why [`prepare`] gave no text to parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unprepared {
    /// Python refuses the file too.
    Invalid(SyntaxProblem),
    /// Python decodes the file; gate has no decoder for its codec.
    Undecodable(SyntaxProblem),
}

impl Unprepared {
    /// What is wrong, and where.
    pub fn problem(&self) -> &SyntaxProblem {
        match self {
            Unprepared::Invalid(p) | Unprepared::Undecodable(p) => p,
        }
    }
}

/// Byte-level problems: NUL bytes, the coding cookie, undecodable text. Returns
/// the text to parse as Python's tokenizer sees it, in UTF-8: a BOM dropped, a
/// lone `\r` turned into `\n` (a line break for Python; same length, so every
/// offset holds), a file in another codec than UTF-8 decoded as its cookie says.
pub fn prepare(bytes: &[u8]) -> Result<Cow<'_, [u8]>, Unprepared> {
    let (bytes, bom) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    if let Some(i) = memchr::memchr(0, bytes) {
        let (line, column) = position(bytes, i);
        return Err(Unprepared::Invalid(SyntaxProblem {
            line,
            column,
            message: "source code cannot contain null bytes".into(),
        }));
    }
    let bytes = lone_cr_to_lf(bytes);
    let Some((name, cookie_line)) = coding_cookie(&bytes) else {
        return match std::str::from_utf8(&bytes) {
            Ok(_) => Ok(bytes),
            Err(e) => {
                let at = e.valid_up_to();
                let (line, column) = position(&bytes, at);
                Err(Unprepared::Invalid(SyntaxProblem {
                    line,
                    column,
                    message: format!(
                        "'utf-8' codec can't decode byte 0x{:02x}: not valid UTF-8 and no coding declared",
                        bytes[at]
                    ),
                }))
            }
        };
    };
    let at_cookie = |message: String| {
        Unprepared::Invalid(SyntaxProblem {
            line: cookie_line,
            column: 1,
            message,
        })
    };
    if bom && !codecs::is_tokenizer_utf8(&name) {
        return Err(at_cookie(format!("encoding problem: {name} with BOM")));
    }
    let Some(found) = codecs::lookup(&name) else {
        return Err(at_cookie(format!("unknown encoding: {name}")));
    };
    if let Codec::GarblesAscii = found.codec {
        return Err(at_cookie(format!(
            "the coding cookie declares {name}, which does not read this ASCII text as itself"
        )));
    }
    match codecs::decode(&found, &bytes) {
        Ok(Cow::Borrowed(_)) => Ok(bytes),
        Ok(Cow::Owned(text)) => Ok(Cow::Owned(text)),
        Err(e) => {
            let (line, column) = position(&bytes, e.offset);
            let problem = SyntaxProblem {
                line,
                column,
                message: e.message,
            };
            Err(if e.unsupported {
                Unprepared::Undecodable(problem)
            } else {
                Unprepared::Invalid(problem)
            })
        }
    }
}

/// Python reads `\r\n` and a lone `\r` as one line break each.
fn lone_cr_to_lf(bytes: &[u8]) -> Cow<'_, [u8]> {
    let lone = |i: usize| bytes.get(i + 1) != Some(&b'\n');
    if !memchr::memchr_iter(b'\r', bytes).any(lone) {
        return Cow::Borrowed(bytes);
    }
    let mut out = bytes.to_vec();
    for i in memchr::memchr_iter(b'\r', bytes) {
        if lone(i) {
            out[i] = b'\n';
        }
    }
    Cow::Owned(out)
}

fn position(bytes: &[u8], at: usize) -> (u32, u32) {
    let before = &bytes[..at];
    let line = memchr::memchr_iter(b'\n', before).count() as u32 + 1;
    let col = before.len() - memchr::memrchr(b'\n', before).map_or(0, |i| i + 1);
    (line, col as u32 + 1)
}

/// The PEP 263 coding cookie as CPython's tokenizer finds it: in a comment on
/// the first line, or on the second when the first holds nothing but a
/// comment; `coding:` or `coding=`, then the name. Returns (name, line).
pub fn coding_cookie(bytes: &[u8]) -> Option<(String, u32)> {
    let mut lines = bytes.split(|&b| b == b'\n');
    for n in 1..=2u32 {
        let line = lines.next()?;
        let body = line
            .iter()
            .position(|&c| !matches!(c, b' ' | b'\t' | b'\x0c'))
            .map_or(&[][..], |i| &line[i..]);
        match body.first() {
            Some(b'#') => {}
            // A blank line: the cookie may still be on the next one.
            None | Some(b'\r') => continue,
            // Code on the first line: no cookie after it.
            _ => return None,
        }
        let mut at = 0;
        while let Some(i) = memchr::memmem::find(&body[at..], b"coding") {
            let after = &body[at + i + 6..];
            at += i + 6;
            if !matches!(after.first(), Some(b':' | b'=')) {
                continue;
            }
            let rest = &after[1..];
            let rest = &rest[rest
                .iter()
                .take_while(|c| matches!(c, b' ' | b'\t'))
                .count()..];
            let len = rest
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'))
                .count();
            if len > 0 {
                return Some((String::from_utf8_lossy(&rest[..len]).into_owned(), n));
            }
        }
    }
    None
}

/// Node-level problems: Python 2 statements and literals, Python 3.12-only
/// syntax, argument order. Called for every node in the walk.
pub fn check_node<'t>(
    k: &Kinds,
    v: PythonVersion,
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
    check_named(k, v, src, n, n.kind_id(), parent, &mut n.walk())
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
        k.lambda_parameters,
        k.identifier,
        k.raise_statement,
        k.delete_statement,
        k.as_pattern_target,
        k.string_content,
        k.match_statement,
    ]
    .contains(&kind)
}

/// [`check_node`] for a named node that is neither an error nor missing, of
/// kind `kind`; `cursor` is scratch space for walking its children.
#[allow(clippy::too_many_arguments)]
pub fn check_named<'t>(
    k: &Kinds,
    v: PythonVersion,
    src: &[u8],
    n: Node<'t>,
    kind: u16,
    parent: Option<Node<'t>>,
    cursor: &mut TreeCursor<'t>,
) -> Option<SyntaxProblem> {
    if kind == k.identifier {
        // Keywords since Python 3.7 that tree-sitter still reads as names.
        let t = &src[n.start_byte()..n.end_byte()];
        return (t == b"async" || t == b"await")
            .then(|| SyntaxProblem::at(n, "invalid syntax (`async` and `await` are keywords)"));
    }
    if kind == k.print_statement {
        // `print >>f, x` is a valid Python 3 expression: a tuple whose first
        // item shifts the name `print`.
        if children(k, n).any(|c| c.kind_id() == k.chevron) {
            return None;
        }
        return Some(SyntaxProblem::at(
            n,
            "Missing parentheses in call to 'print' (Python 2 syntax)",
        ));
    }
    if kind == k.raise_statement {
        // `raise E, "message"` (Python 2); a parenthesised tuple is fine.
        return children(k, n)
            .next()
            .filter(|c| c.kind_id() == k.expression_list)
            .map(|c| SyntaxProblem::at(c, "invalid syntax (Python 2 `raise E, V`)"));
    }
    if kind == k.delete_statement {
        for c in children(k, n) {
            if let Some(p) = bad_target(k, c, true) {
                return Some(p);
            }
        }
        return None;
    }
    if kind == k.as_pattern_target {
        // Only `with ... as <target>` takes any expression in tree-sitter.
        let in_with = parent
            .and_then(|p| p.parent())
            .is_some_and(|g| g.kind_id() == k.with_item);
        return if in_with {
            children(k, n).find_map(|c| bad_target(k, c, false))
        } else {
            None
        };
    }
    if kind == k.string_content {
        // An f-string's literal part (other strings are read whole by the walk).
        let p = parent.map(|p| super::literal::prefix(k, src, p))?;
        return escape_problem(&src[n.start_byte()..n.end_byte()], p.raw, p.bytes)
            .map(|m| SyntaxProblem::at(n, m));
    }
    if kind == k.match_statement {
        return (v < PythonVersion::Py310).then(|| {
            SyntaxProblem::at(
                n,
                format!("invalid syntax (`match` needs Python 3.10; target_version is {v})"),
            )
        });
    }
    if kind == k.exec_statement {
        return Some(SyntaxProblem::at(
            n,
            "Missing parentheses in call to 'exec' (Python 2 syntax)",
        ));
    }
    // tree-sitter also reads `type(x).attr = v` as a type alias; a real one names an identifier.
    if kind == k.type_alias_statement
        && v < PythonVersion::Py312
        && text(src, n).strip_prefix("type").is_some_and(|rest| {
            rest.starts_with([' ', '\t'])
                && rest
                    .trim_start()
                    .starts_with(|c: char| c.is_alphabetic() || c == '_')
        })
    {
        return Some(SyntaxProblem::at(
            n,
            format!("invalid syntax (type parameters and `type` statements need Python 3.12; target_version is {v})"),
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
        return underscores(t.as_bytes())
            .map(|m| SyntaxProblem::at(n, m))
            .or_else(|| number_suffix(src, n));
    }
    if kind == k.float {
        return underscores(text(src, n).as_bytes())
            .map(|m| SyntaxProblem::at(n, m))
            .or_else(|| number_suffix(src, n));
    }
    if kind == k.string_start {
        let t = text(src, n);
        if t.starts_with('`') {
            return Some(SyntaxProblem::at(n, "invalid syntax (Python 2 backticks)"));
        }
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
        if star && v < PythonVersion::Py311 {
            return Some(SyntaxProblem::at(
                n,
                format!("invalid syntax (`except*` needs Python 3.11; target_version is {v})"),
            ));
        }
        return None;
    }
    if kind == k.except_clause {
        let values = n.children_by_field_name("value", &mut n.walk()).count();
        // Python 3.14 takes `except A, B:` without parentheses (PEP 758).
        if values > 1 && v < PythonVersion::Py314 {
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
        if v >= PythonVersion::Py312 {
            return None;
        }
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
    if kind == k.parameters || kind == k.lambda_parameters {
        let mut default = false;
        // A bare `*` waiting for the keyword-only parameter it must introduce.
        let mut bare_star: Option<Node<'t>> = None;
        let mut starred = false;
        for c in n
            .named_children(cursor)
            .filter(|c| c.kind_id() != k.comment)
        {
            let ck = c.kind_id();
            if ck == k.tuple_pattern || ck == k.list_pattern {
                return Some(SyntaxProblem::at(
                    c,
                    if kind == k.parameters {
                        "Function parameters cannot be parenthesized (Python 2 tuple parameters)"
                    } else {
                        "Lambda expression parameters cannot be parenthesized (Python 2 tuple parameters)"
                    },
                ));
            }
            if ck == k.keyword_separator {
                bare_star = Some(c);
                starred = true;
            } else if ck == k.dictionary_splat_pattern
                || (ck == k.typed_parameter
                    && c.named_child(0)
                        .is_some_and(|x| x.kind_id() == k.dictionary_splat_pattern))
            {
                break;
            } else if ck == k.list_splat_pattern
                || (ck == k.typed_parameter
                    && c.named_child(0)
                        .is_some_and(|x| x.kind_id() == k.list_splat_pattern))
            {
                starred = true;
            } else if ck == k.positional_separator {
            } else {
                bare_star = None;
                if ck == k.default_parameter || ck == k.typed_default_parameter {
                    default = true;
                } else if (ck == k.identifier || ck == k.typed_parameter) && default && !starred {
                    return Some(SyntaxProblem::at(
                        c,
                        "non-default argument follows default argument",
                    ));
                }
            }
        }
        return bare_star.map(|c| SyntaxProblem::at(c, "named arguments must follow bare *"));
    }
    None
}

/// Why `n` cannot be assigned to (or, `delete`, deleted), if it cannot.
fn bad_target(k: &Kinds, n: Node<'_>, delete: bool) -> Option<SyntaxProblem> {
    let kind = n.kind_id();
    if kind == k.identifier || kind == k.attribute || kind == k.subscript || kind == k.comment {
        return None;
    }
    if kind == k.tuple
        || kind == k.list
        || kind == k.parenthesized_expression
        || kind == k.expression_list
        || kind == k.pattern_list
        || kind == k.tuple_pattern
        || kind == k.list_pattern
    {
        return children(k, n).find_map(|c| bad_target(k, c, delete));
    }
    if !delete && (kind == k.list_splat || kind == k.list_splat_pattern) {
        return children(k, n).find_map(|c| bad_target(k, c, delete));
    }
    let what = if kind == k.call {
        "function call"
    } else if kind == k.integer
        || kind == k.float
        || kind == k.string
        || kind == k.concatenated_string
        || kind == k.true_
        || kind == k.false_
        || kind == k.none
        || kind == k.ellipsis
    {
        "literal"
    } else {
        "expression"
    };
    let verb = if delete { "delete" } else { "assign to" };
    Some(SyntaxProblem::at(n, format!("cannot {verb} {what}")))
}

/// Python's rule for `_` in numbers: only between two digits (or right after
/// a base prefix such as `0x`).
fn underscores(t: &[u8]) -> Option<&'static str> {
    memchr::memchr(b'_', t)?;
    let hex = t.len() > 1 && t[0] == b'0' && matches!(t[1], b'x' | b'X');
    let based =
        t.len() > 1 && t[0] == b'0' && matches!(t[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B');
    let digit = |c: u8| {
        if hex {
            c.is_ascii_hexdigit()
        } else {
            c.is_ascii_digit()
        }
    };
    for (i, &c) in t.iter().enumerate() {
        if c != b'_' {
            continue;
        }
        let prev_ok = i > 0 && (digit(t[i - 1]) || (based && i == 2));
        let next_ok = t.get(i + 1).is_some_and(|&c| digit(c));
        if !prev_ok || !next_ok {
            return Some("invalid decimal literal (misplaced `_`)");
        }
    }
    None
}

/// The escape Python refuses in a string literal's text between its quotes
/// (or an f-string's literal part): `\x` without two hex digits, `\u` / `\U`
/// without four / eight, a code point past U+10FFFF, a malformed `\N{...}`.
/// Raw strings have no escapes; bytes have no `\u`, `\U` or `\N`. A
/// `\N{NAME}` must name a character Python knows.
pub fn escape_problem(content: &[u8], raw: bool, bytes: bool) -> Option<&'static str> {
    if raw {
        return None;
    }
    let mut i = 0;
    while let Some(j) = memchr::memchr(b'\\', &content[i..]) {
        let at = i + j;
        let &e = content.get(at + 1)?;
        let hex = |n: usize| {
            content.len() >= at + 2 + n
                && content[at + 2..at + 2 + n]
                    .iter()
                    .all(u8::is_ascii_hexdigit)
        };
        match e {
            b'x' if !hex(2) => return Some("(unicode error) truncated \\xXX escape"),
            b'u' if !bytes && !hex(4) => return Some("(unicode error) truncated \\uXXXX escape"),
            b'U' if !bytes => {
                if !hex(8) {
                    return Some("(unicode error) truncated \\UXXXXXXXX escape");
                }
                let v = std::str::from_utf8(&content[at + 2..at + 10])
                    .ok()
                    .and_then(|h| u32::from_str_radix(h, 16).ok());
                if v.is_none_or(|v| v > 0x10ffff) {
                    return Some("(unicode error) illegal Unicode character");
                }
            }
            b'N' if !bytes => {
                let rest = &content[at + 2..];
                let close = (rest.first() == Some(&b'{'))
                    .then(|| memchr::memchr(b'}', rest))
                    .flatten()
                    .filter(|&close| close > 1);
                let Some(close) = close else {
                    return Some("(unicode error) malformed \\N character escape");
                };
                if !unicode_name::is_known(&rest[1..close]) {
                    return Some("(unicode error) unknown Unicode character name");
                }
            }
            _ => {}
        }
        i = at + 2;
    }
    None
}

/// Python's tokenizer stops at this many indentation levels ("too many levels
/// of indentation"); the 100th is refused.
pub const MAX_INDENT: usize = 100;

/// Python's tokenizer's indentation rules where tabs or form feeds indent a
/// line: each indentation must compare the same way with tabs as 8 columns
/// and as 1 (else TabError), and a dedent must return to an earlier level.
/// Files without a tab or form feed cannot break these rules (gate's parse
/// has checked that the indentation nests), so they cost one `memchr`.
pub fn tab_problem(src: &[u8]) -> Option<SyntaxProblem> {
    memchr::memchr2(b'\t', b'\x0c', src)?;
    let mut levels: Vec<(u32, u32)> = vec![(0, 0)];
    let mut brackets = 0u32;
    // Inside a string: its quote byte and whether it is triple-quoted.
    let mut string: Option<(u8, bool)> = None;
    let mut continued = false;
    let (mut i, mut line) = (0usize, 1u32);
    while i < src.len() {
        if brackets == 0 && string.is_none() && !continued {
            let (mut col, mut alt) = (0u32, 0u32);
            while let Some(&c) = src.get(i) {
                match c {
                    b' ' => {
                        col += 1;
                        alt += 1;
                    }
                    b'\t' => {
                        col = (col / 8 + 1) * 8;
                        alt += 1;
                    }
                    b'\x0c' => {
                        col = 0;
                        alt = 0;
                    }
                    _ => break,
                }
                i += 1;
            }
            let blank = matches!(src.get(i), None | Some(b'\n' | b'\r' | b'#'));
            if !blank {
                let tab_error = || SyntaxProblem {
                    line,
                    column: 1,
                    message: "TabError: inconsistent use of tabs and spaces in indentation".into(),
                };
                let &(top, top_alt) = levels.last().expect("level 0 is never popped");
                if col == top {
                    if alt != top_alt {
                        return Some(tab_error());
                    }
                } else if col > top {
                    if alt <= top_alt {
                        return Some(tab_error());
                    }
                    levels.push((col, alt));
                } else {
                    while levels.len() > 1 && col < levels.last().map_or(0, |l| l.0) {
                        levels.pop();
                    }
                    let &(top, top_alt) = levels.last().expect("level 0 is never popped");
                    if col != top {
                        return Some(SyntaxProblem {
                            line,
                            column: 1,
                            message: "IndentationError: unindent does not match any outer indentation level".into(),
                        });
                    }
                    if alt != top_alt {
                        return Some(tab_error());
                    }
                }
            }
        }
        continued = false;
        // The rest of the physical line: strings, comments, brackets, `\`.
        while i < src.len() {
            let c = src[i];
            if let Some((q, triple)) = string {
                match c {
                    b'\\' => {
                        if src.get(i + 1) == Some(&b'\n') {
                            line += 1;
                        }
                        i += 2;
                        continue;
                    }
                    b'\n' if triple => line += 1,
                    // An unterminated one-line string: the parse reports it.
                    b'\n' => {
                        string = None;
                        break;
                    }
                    _ if c == q => {
                        if !triple {
                            string = None;
                        } else if src[i..].starts_with(&[q, q, q]) {
                            string = None;
                            i += 3;
                            continue;
                        }
                    }
                    _ => {}
                }
                i += 1;
                continue;
            }
            match c {
                b'\n' => break,
                b'#' => {
                    i += memchr::memchr(b'\n', &src[i..]).unwrap_or(src.len() - i);
                    break;
                }
                b'\'' | b'"' => {
                    let triple = src[i..].starts_with(&[c, c, c]);
                    string = Some((c, triple));
                    i += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => brackets += 1,
                b')' | b']' | b'}' => brackets = brackets.saturating_sub(1),
                b'\\' if matches!(src.get(i + 1), Some(b'\n')) => continued = true,
                b'\\' if src[i + 1..].starts_with(b"\r\n") => {
                    continued = true;
                    i += 1;
                }
                _ => {}
            }
            i += 1;
        }
        // Past the newline.
        if i < src.len() {
            i += 1;
            line += 1;
        }
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
        let e = e.problem();
        assert_eq!((e.line, e.column), (2, 6));
        let e = prepare(b"x = 1\n\n  '\xff'\n").unwrap_err();
        let e = e.problem();
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
