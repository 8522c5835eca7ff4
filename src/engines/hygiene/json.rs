//! A small JSON reader that keeps positions: every key and value knows its
//! span, so IAM and ECS checks point at the offending key or value.
//!
//! Strict JSON (RFC 8259), one pass, no recursion deeper than
//! [`MAX_DEPTH`]; a syntax error stops the parse with a problem naming the
//! line and column, and the file is then not checked (a half-read policy
//! would hide a wildcard behind the error).

use super::yaml::{Pos, Span};

/// Deepest nesting followed; IAM policies and task definitions nest a few levels.
pub const MAX_DEPTH: usize = 256;

/// A JSON value with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

/// What a JSON value holds (numbers, booleans and null are all one: no check reads them).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Object(Vec<Pair>),
    Array(Vec<Node>),
    Str(String),
    Other,
}

/// One member of an object, in file order (duplicates kept).
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The members of an object (none for other values).
    pub fn pairs(&self) -> &[Pair] {
        match &self.value {
            Value::Object(p) => p,
            _ => &[],
        }
    }

    /// The member named `key` (exact case; the last one when repeated, as AWS reads it).
    pub fn pair(&self, key: &str) -> Option<&Pair> {
        self.pairs().iter().rev().find(|p| p.key == key)
    }

    /// The value of the member named `key`.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.pair(key).map(|p| &p.value)
    }

    /// The string, for a string value.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// A string or a list of values: the strings of either (IAM's "string or
    /// array" elements), with their nodes.
    pub fn strings(&self) -> Vec<&Node> {
        match &self.value {
            Value::Str(_) => vec![self],
            Value::Array(items) => items
                .iter()
                .filter(|i| matches!(i.value, Value::Str(_)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// An object or a list of values: the objects of either (`Statement`).
    pub fn objects(&self) -> Vec<&Node> {
        match &self.value {
            Value::Object(_) => vec![self],
            Value::Array(items) => items
                .iter()
                .filter(|i| matches!(i.value, Value::Object(_)))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// A parsed file: the root value, or the problem that stopped the parse.
#[derive(Debug, Default)]
pub struct Json {
    pub root: Option<Node>,
    pub problem: Option<(Pos, usize, String)>,
}

struct Parser<'a> {
    src: &'a [u8],
    at: usize,
    /// Byte offsets where lines start.
    lines: Vec<usize>,
}

type Res<T> = Result<T, (usize, String)>;

/// Parse a JSON text.
pub fn parse(src: &str) -> Json {
    let mut lines = vec![0];
    lines.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
    let mut p = Parser {
        src: src.as_bytes(),
        at: 0,
        lines,
    };
    if src.starts_with('\u{feff}') {
        p.at = 3;
    }
    let result = p.value(0).and_then(|n| {
        p.ws();
        if p.at < p.src.len() {
            Err((p.at, "unexpected text after the JSON value".to_string()))
        } else {
            Ok(n)
        }
    });
    match result {
        Ok(n) => Json {
            root: Some(n),
            problem: None,
        },
        Err((at, msg)) => Json {
            root: None,
            problem: Some((
                p.pos(at),
                at,
                format!("invalid JSON: {msg}; the file is not checked"),
            )),
        },
    }
}

impl Parser<'_> {
    fn pos(&self, at: usize) -> Pos {
        let line = self.lines.partition_point(|&s| s <= at);
        Pos {
            line: line as u32,
            column: (at - self.lines[line - 1]) as u32 + 1,
        }
    }

    fn span(&self, start: usize, end: usize) -> Span {
        Span {
            start: self.pos(start),
            end: self.pos(end),
            start_byte: start,
            end_byte: end,
        }
    }

    fn ws(&mut self) {
        while self.at < self.src.len() && matches!(self.src[self.at], b' ' | b'\t' | b'\n' | b'\r')
        {
            self.at += 1;
        }
    }

    fn expect(&mut self, b: u8, what: &str) -> Res<()> {
        self.ws();
        if self.src.get(self.at) == Some(&b) {
            self.at += 1;
            Ok(())
        } else {
            Err((self.at, format!("expected {what}")))
        }
    }

    fn value(&mut self, depth: usize) -> Res<Node> {
        if depth > MAX_DEPTH {
            return Err((self.at, format!("nested deeper than {MAX_DEPTH} levels")));
        }
        self.ws();
        let start = self.at;
        let value = match self.src.get(self.at) {
            None => return Err((self.at, "unexpected end of file".to_string())),
            Some(b'{') => {
                self.at += 1;
                let mut pairs = Vec::new();
                self.ws();
                if self.src.get(self.at) == Some(&b'}') {
                    self.at += 1;
                } else {
                    loop {
                        self.ws();
                        let key_start = self.at;
                        if self.src.get(self.at) != Some(&b'"') {
                            return Err((self.at, "expected a string key".to_string()));
                        }
                        let key = self.string()?;
                        let key_span = self.span(key_start, self.at);
                        self.expect(b':', "`:` after the key")?;
                        let value = self.value(depth + 1)?;
                        pairs.push(Pair {
                            key,
                            key_span,
                            value,
                        });
                        self.ws();
                        match self.src.get(self.at) {
                            Some(b',') => self.at += 1,
                            Some(b'}') => {
                                self.at += 1;
                                break;
                            }
                            _ => return Err((self.at, "expected `,` or `}`".to_string())),
                        }
                    }
                }
                Value::Object(pairs)
            }
            Some(b'[') => {
                self.at += 1;
                let mut items = Vec::new();
                self.ws();
                if self.src.get(self.at) == Some(&b']') {
                    self.at += 1;
                } else {
                    loop {
                        items.push(self.value(depth + 1)?);
                        self.ws();
                        match self.src.get(self.at) {
                            Some(b',') => self.at += 1,
                            Some(b']') => {
                                self.at += 1;
                                break;
                            }
                            _ => return Err((self.at, "expected `,` or `]`".to_string())),
                        }
                    }
                }
                Value::Array(items)
            }
            Some(b'"') => Value::Str(self.string()?),
            Some(_) => {
                self.scalar()?;
                Value::Other
            }
        };
        Ok(Node {
            value,
            span: self.span(start, self.at),
        })
    }

    /// `true`, `false`, `null` or a number.
    fn scalar(&mut self) -> Res<()> {
        let start = self.at;
        while self.at < self.src.len()
            && matches!(self.src[self.at], b'a'..=b'z' | b'0'..=b'9' | b'-' | b'+' | b'.' | b'E')
        {
            self.at += 1;
        }
        let word = &self.src[start..self.at];
        let number = !word.is_empty()
            && word
                .iter()
                .all(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
            && word.iter().any(u8::is_ascii_digit);
        if matches!(word, b"true" | b"false" | b"null") || number {
            Ok(())
        } else {
            Err((start, "expected a value".to_string()))
        }
    }

    /// A string starting at `"`, decoded.
    fn string(&mut self) -> Res<String> {
        let open = self.at;
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&b) = self.src.get(self.at) else {
                return Err((open, "unterminated string".to_string()));
            };
            self.at += 1;
            match b {
                b'"' => break,
                b'\\' => {
                    let Some(&e) = self.src.get(self.at) else {
                        return Err((open, "unterminated string".to_string()));
                    };
                    self.at += 1;
                    match e {
                        b'"' | b'\\' | b'/' => out.push(e),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'u' => {
                            let mut c = self.hex4()?;
                            if (0xD800..0xDC00).contains(&c)
                                && self.src.get(self.at..self.at + 2) == Some(b"\\u")
                            {
                                self.at += 2;
                                let lo = self.hex4()?;
                                if (0xDC00..0xE000).contains(&lo) {
                                    c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                                }
                            }
                            let ch = char::from_u32(c).unwrap_or('\u{fffd}');
                            out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                        }
                        _ => return Err((self.at - 2, "invalid escape in string".to_string())),
                    }
                }
                b'\n' => return Err((self.at - 1, "line break inside a string".to_string())),
                _ => out.push(b),
            }
        }
        Ok(String::from_utf8_lossy(&out).into_owned())
    }

    fn hex4(&mut self) -> Res<u32> {
        let digits = self
            .src
            .get(self.at..self.at + 4)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .ok_or((self.at, "invalid \\u escape".to_string()))?;
        self.at += 4;
        Ok(digits)
    }
}

/// Every object holding a `Statement` key, anywhere in the tree (a policy
/// file, or one wrapped as `PolicyDocument` / `AssumeRolePolicyDocument`).
pub fn policies(root: &Node) -> Vec<&Node> {
    fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
        match &n.value {
            Value::Object(pairs) => {
                if pairs.iter().any(|p| p.key == "Statement") {
                    out.push(n);
                }
                for p in pairs {
                    walk(&p.value, out);
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

/// The container definitions of every ECS task definition in the tree (a
/// file for `register-task-definition`, or `describe-task-definition`
/// output wrapping it as `taskDefinition`).
pub fn container_definitions(root: &Node) -> Vec<&Node> {
    fn walk<'a>(n: &'a Node, out: &mut Vec<&'a Node>) {
        match &n.value {
            Value::Object(pairs) => {
                for p in pairs {
                    if p.key == "containerDefinitions" {
                        out.extend(p.value.objects());
                    } else {
                        walk(&p.value, out);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(root, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_keep_positions_and_errors_name_their_place() {
        let j = parse("{\n  \"A\": [\"x\\u00e9\", 1.5e3, true],\n  \"B\": {}\n}");
        let root = j.root.unwrap();
        let a = root.pair("A").unwrap();
        assert_eq!(a.key_span.start, Pos { line: 2, column: 3 });
        let items = a.value.strings();
        assert_eq!(items[0].as_str(), Some("xé"));
        assert_eq!(items[0].span.start, Pos { line: 2, column: 9 });
        let bad = parse("{\n  \"A\": [1,,2]\n}");
        let (pos, _, msg) = bad.problem.unwrap();
        assert_eq!(pos.line, 2);
        assert!(msg.contains("invalid JSON"), "{msg}");
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).problem.unwrap().2.contains("deeper"));
        assert!(parse("{\"a\": tru}").problem.is_some());
        assert!(parse("{} x").problem.is_some());
    }
}
