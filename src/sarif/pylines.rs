//! Statement start lines and comments of a Python file, without a parser.
//!
//! The merge needs two things of a Python file: for each line, the start
//! line of the smallest statement holding it, and the comment on it.
//! tree-sitter gives both, but building the tree was most of a merge's
//! time. Python's logical lines (brackets, strings, backslash
//! continuations) and its indentation carry the same information for a
//! file that is well formed; anything this scan does not follow (an
//! unbalanced bracket, an unterminated string, a dedent to no enclosing
//! level, a stray backslash, a block header without a block) gives `None`
//! and the caller parses with tree-sitter instead.
//!
//! Where a block ends follows tree-sitter-python's scanner, so that both
//! agree on blank and comment lines too: a block ends at its last
//! statement, or at a later comment indented at least as deep as the block
//! (or as the next line of code, which cannot be outside the block either).
//! A test compares both on real code and on tricky fixtures.

/// What the merge reads of a Python file (0-based line indexes).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct PythonLines {
    /// The 1-based start line of the smallest statement holding each line.
    pub statement: Vec<u32>,
    /// The byte range of the comment on each line.
    pub comments: Vec<Option<(usize, usize)>>,
}

/// Statements and comments of `bytes` (`lines` lines, counted by `\n`), or
/// `None` when the text is not Python this scan can follow.
pub(super) fn scan(bytes: &[u8], lines: usize) -> Option<PythonLines> {
    let mut s = Scanner {
        b: bytes,
        i: 0,
        line: 0,
        comments: vec![None; lines],
        items: Vec::new(),
        parts: Vec::new(),
        brackets: Vec::new(),
    };
    s.tokens()?;
    let nodes = structure(&s.items, &s.parts)?;
    let mut statement: Vec<u32> = (1..=lines as u32).collect();
    let last = lines.saturating_sub(1) as u32;
    // Outer statements first, so that the smallest one writes last.
    for &(start, end) in &nodes {
        let end = end.min(last);
        if let Some(slots) = statement.get_mut(start as usize..=end as usize) {
            slots.fill(start + 1);
        }
    }
    Some(PythonLines {
        statement,
        comments: s.comments,
    })
}

/// How a logical line starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// `@decorator`.
    Decorator,
    /// `elif`, `else`, `except`, `finally`: part of the statement before it.
    Clause,
    /// `if`, `for`, `while`, `try` (and `async`): statements clauses may follow.
    Clausable,
    /// `def`, `class`, `with`, `match`, `case`.
    Compound,
    /// Anything else.
    Simple,
}

/// A logical line, or a line holding only a comment.
#[derive(Debug)]
enum Item {
    Logical {
        start: u32,
        end: u32,
        indent: u32,
        kind: Kind,
        /// Ends with `:`: a block follows.
        opens: bool,
        /// Statements after the first one on this line (after `;`, or
        /// after a compound header's `:`), as a range of `parts`.
        parts: std::ops::Range<usize>,
    },
    Comment {
        line: u32,
        indent: u32,
    },
}

struct Scanner<'a> {
    b: &'a [u8],
    i: usize,
    /// 0-based line of `i`.
    line: u32,
    comments: Vec<Option<(usize, usize)>>,
    items: Vec<Item>,
    /// (start, end) lines of the statements `Item::Logical::parts` refers to.
    parts: Vec<(u32, u32)>,
    brackets: Vec<u8>,
}

fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80
}

/// String prefix flags `(f-string, raw)`, if `word` is a string prefix.
fn string_prefix(word: &[u8]) -> Option<(bool, bool)> {
    if word.len() > 2 {
        return None;
    }
    let mut f = false;
    let mut raw = false;
    let mut other = false;
    for &c in word {
        match c.to_ascii_lowercase() {
            b'f' | b't' => f = true,
            b'r' => raw = true,
            b'b' | b'u' => other = true,
            _ => return None,
        }
    }
    let ok = match word.len() {
        1 => true,
        // rb, br, fr, rf, tr, rt; never fb, ub, ur.
        _ => {
            raw && (f || other)
                && !word.eq_ignore_ascii_case(b"ur")
                && !word.eq_ignore_ascii_case(b"ru")
        }
    };
    ok.then_some((f, raw))
}

fn kind_of(word: &[u8]) -> Kind {
    match word {
        b"if" | b"for" | b"while" | b"try" | b"async" => Kind::Clausable,
        b"def" | b"class" | b"with" | b"match" | b"case" => Kind::Compound,
        b"elif" | b"else" | b"except" | b"finally" => Kind::Clause,
        _ => Kind::Simple,
    }
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn at(&self, k: usize) -> Option<u8> {
        self.b.get(self.i + k).copied()
    }

    fn newline(&mut self) {
        self.i += 1;
        self.line += 1;
    }

    /// tree-sitter-python's indentation: a tab is 8, a form feed restarts.
    fn indent(&mut self) -> u32 {
        let mut n = 0;
        while let Some(c) = self.peek() {
            match c {
                b' ' => n += 1,
                b'\t' => n += 8,
                b'\x0c' => n = 0,
                _ => break,
            }
            self.i += 1;
        }
        n
    }

    /// A comment from `#` to the end of its line.
    fn comment(&mut self) {
        let start = self.i;
        let end = memchr::memchr(b'\n', &self.b[start..]).map_or(self.b.len(), |n| start + n);
        if let Some(slot) = self.comments.get_mut(self.line as usize) {
            slot.get_or_insert((start, end));
        }
        self.i = end;
    }

    /// Line break after a comment or at the end of a logical line.
    fn end_of_line(&mut self) -> Option<()> {
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.newline();
                Some(())
            }
            Some(b'\r') if self.at(1) == Some(b'\n') => {
                self.i += 1;
                self.newline();
                Some(())
            }
            _ => None,
        }
    }

    fn tokens(&mut self) -> Option<()> {
        if self.b.starts_with("\u{feff}".as_bytes()) {
            self.i = 3;
        }
        loop {
            let indent = self.indent();
            match self.peek() {
                None => return Some(()),
                Some(b'\n' | b'\r') => self.end_of_line()?,
                Some(b'#') => {
                    let line = self.line;
                    self.comment();
                    self.items.push(Item::Comment { line, indent });
                    self.end_of_line()?;
                }
                Some(b'\\') => return None,
                Some(_) => {
                    self.logical(indent)?;
                    self.end_of_line()?;
                }
            }
        }
    }

    /// One logical line, up to (not past) the line break that ends it.
    fn logical(&mut self, indent: u32) -> Option<()> {
        let start = self.line;
        let kind = if self.peek() == Some(b'@') {
            Kind::Decorator
        } else {
            let n = self.b[self.i..]
                .iter()
                .take_while(|&&c| is_ident_byte(c))
                .count();
            kind_of(&self.b[self.i..self.i + n])
        };
        let first_part = self.parts.len();
        let mut last = start;
        let mut opens = false;
        let mut header_done = false;
        // The statement being read after a split (`;` or a header's `:`):
        // `None` until its first token.
        let mut part: Option<u32> = None;
        let mut split = false;
        let mut tail = None;
        self.brackets.clear();
        while let Some(c) = self.peek() {
            let line = self.line;
            match c {
                b'\n' => {
                    if self.brackets.is_empty() {
                        break;
                    }
                    self.newline();
                    continue;
                }
                b'\r' => {
                    if self.at(1) != Some(b'\n') {
                        return None;
                    }
                    if self.brackets.is_empty() {
                        break;
                    }
                    self.i += 1;
                    continue;
                }
                b' ' | b'\t' | b'\x0c' => {
                    self.i += 1;
                    continue;
                }
                b'#' => {
                    if self.brackets.is_empty() && line > last {
                        // After a backslash continuation: a comment line of
                        // the block, not of the statement.
                        tail = Some(line);
                    }
                    self.comment();
                    continue;
                }
                b'\\' => {
                    self.i += 1;
                    if self.peek() == Some(b'\r') {
                        self.i += 1;
                    }
                    if self.peek() != Some(b'\n') {
                        return None;
                    }
                    self.newline();
                    continue;
                }
                _ => {}
            }
            // A token starts here, on `line`.
            if split {
                split = false;
                part = Some(line);
            }
            let mut colon = false;
            match c {
                b'\'' | b'"' => self.string(false, false)?,
                b'(' | b'[' | b'{' => {
                    self.brackets.push(c);
                    self.i += 1;
                }
                b')' | b']' | b'}' => {
                    let open = match c {
                        b')' => b'(',
                        b']' => b'[',
                        _ => b'{',
                    };
                    if self.brackets.pop() != Some(open) {
                        return None;
                    }
                    self.i += 1;
                }
                b':' if self.brackets.is_empty() && self.at(1) != Some(b'=') => {
                    self.i += 1;
                    colon = true;
                    if kind != Kind::Simple && kind != Kind::Decorator && !header_done {
                        header_done = true;
                        split = true;
                    }
                }
                b';' if self.brackets.is_empty() => {
                    self.i += 1;
                    if let Some(s) = part.take() {
                        self.parts.push((s, last));
                    }
                    split = true;
                    // `;` is not a token that ends a statement's lines.
                    continue;
                }
                c if is_ident_byte(c) => {
                    self.word()?;
                }
                _ => self.i += 1,
            }
            opens = colon;
            // The token's last line (a string may span lines).
            last = self.line;
        }
        if !self.brackets.is_empty() {
            return None;
        }
        if let Some(s) = part {
            self.parts.push((s, last));
        }
        if opens && matches!(kind, Kind::Simple | Kind::Decorator) {
            return None;
        }
        self.items.push(Item::Logical {
            start,
            end: last,
            indent,
            kind,
            opens,
            parts: first_part..self.parts.len(),
        });
        if let Some(line) = tail {
            self.items.push(Item::Comment { line, indent });
        }
        Some(())
    }

    /// A name, keyword or number; a string when it is a string's prefix.
    fn word(&mut self) -> Option<()> {
        let n = self.b[self.i..]
            .iter()
            .take_while(|&&c| is_ident_byte(c))
            .count();
        let word = &self.b[self.i..self.i + n];
        self.i += n;
        if let Some(b'\'' | b'"') = self.peek() {
            let (f, raw) = string_prefix(word)?;
            self.string(f, raw)?;
        }
        Some(())
    }

    /// A string literal from its opening quote (the prefix already read).
    fn string(&mut self, f: bool, raw: bool) -> Option<()> {
        let q = self.peek()?;
        let triple = self.at(1) == Some(q) && self.at(2) == Some(q);
        self.i += if triple { 3 } else { 1 };
        loop {
            let c = self.peek()?;
            match c {
                b'\\' => {
                    if f && !raw && self.at(1) == Some(b'N') && self.at(2) == Some(b'{') {
                        // `\N{NAME}` is a character, not a replacement field.
                        let close = memchr::memchr(b'}', &self.b[self.i..])?;
                        if self.b[self.i..self.i + close].contains(&b'\n') {
                            return None;
                        }
                        self.i += close + 1;
                        continue;
                    }
                    self.i += 1;
                    match self.peek()? {
                        b'\n' => self.newline(),
                        b'\r' if self.at(1) == Some(b'\n') => {
                            self.i += 1;
                            self.newline();
                        }
                        _ => self.i += 1,
                    }
                }
                b'\n' => {
                    if !triple {
                        return None;
                    }
                    self.newline();
                }
                _ if c == q => {
                    if !triple {
                        self.i += 1;
                        return Some(());
                    }
                    if self.at(1) == Some(q) && self.at(2) == Some(q) {
                        self.i += 3;
                        return Some(());
                    }
                    self.i += 1;
                }
                b'{' if f => {
                    if self.at(1) == Some(b'{') {
                        self.i += 2;
                    } else {
                        self.i += 1;
                        self.field()?;
                    }
                }
                _ => self.i += 1,
            }
        }
    }

    /// An f-string's replacement field, after its `{`, through its `}`.
    fn field(&mut self) -> Option<()> {
        let mut depth = 0u32;
        loop {
            let c = self.peek()?;
            match c {
                b'\n' => self.newline(),
                b'\'' | b'"' => self.string(false, false)?,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.i += 1;
                }
                b')' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.i += 1;
                }
                b'}' => {
                    self.i += 1;
                    if depth == 0 {
                        return Some(());
                    }
                    depth -= 1;
                }
                b'!' if depth == 0 && self.at(1) != Some(b'=') => self.i += 1,
                b':' if depth == 0 => {
                    self.i += 1;
                    return self.format_spec();
                }
                b'#' | b'\\' => return None,
                c if is_ident_byte(c) => self.word()?,
                _ => self.i += 1,
            }
        }
    }

    /// A replacement field's format spec, after its `:`, through the field's `}`.
    fn format_spec(&mut self) -> Option<()> {
        loop {
            let c = self.peek()?;
            match c {
                b'{' => {
                    self.i += 1;
                    self.field()?;
                }
                b'}' => {
                    self.i += 1;
                    return Some(());
                }
                b'\n' => self.newline(),
                _ => self.i += 1,
            }
        }
    }
}

/// A block being read: its indentation and the statements it belongs to.
struct Block {
    indent: u32,
    /// Statements whose range grows with the block (the compound statement,
    /// and the clause or decorated definition around it).
    owners: Option<(usize, usize)>,
    /// The last statement at this level that a clause may continue.
    clausable: Option<usize>,
    /// A decorated definition whose `def` or `class` has not come yet.
    decorated: Option<usize>,
}

/// Every statement's (start, end) lines, outer ones first.
fn structure(items: &[Item], parts: &[(u32, u32)]) -> Option<Vec<(u32, u32)>> {
    // The indentation of the next line of code after each item (a comment
    // before a dedent stays in the block it is indented into, but never
    // deeper than the code that follows).
    let mut next_code = vec![0u32; items.len()];
    let mut next = 0;
    for (k, item) in items.iter().enumerate().rev() {
        next_code[k] = next;
        if let Item::Logical { indent, .. } = item {
            next = *indent;
        }
    }
    let mut nodes: Vec<(u32, u32)> = Vec::new();
    let mut stack = vec![Block {
        indent: 0,
        owners: None,
        clausable: None,
        decorated: None,
    }];
    // A block header waiting for its block: its owners and indentation.
    let mut header: Option<((usize, usize), u32)> = None;
    let extend = |stack: &[Block], nodes: &mut [(u32, u32)], end: u32| {
        for (a, b) in stack.iter().filter_map(|b| b.owners) {
            nodes[a].1 = nodes[a].1.max(end);
            nodes[b].1 = nodes[b].1.max(end);
        }
    };
    let pop = |stack: &mut Vec<Block>, to: u32| -> Option<()> {
        while stack.last().is_some_and(|b| b.indent > to) {
            if stack.pop()?.decorated.is_some() {
                return None;
            }
        }
        Some(())
    };
    for (k, item) in items.iter().enumerate() {
        match item {
            Item::Comment { line, indent } => {
                if header.is_some() {
                    // Before a block's first statement: inside its header's statement.
                    continue;
                }
                pop(&mut stack, (*indent).max(next_code[k]))?;
                extend(&stack, &mut nodes, *line);
            }
            Item::Logical {
                start,
                end,
                indent,
                kind,
                opens,
                parts: range,
            } => {
                let (start, end, indent) = (*start, *end, *indent);
                match header.take() {
                    Some((owners, outer)) => {
                        if indent <= outer {
                            return None;
                        }
                        stack.push(Block {
                            indent,
                            owners: Some(owners),
                            clausable: None,
                            decorated: None,
                        });
                    }
                    None => {
                        pop(&mut stack, indent)?;
                        if stack.last()?.indent != indent {
                            return None;
                        }
                    }
                }
                extend(&stack, &mut nodes, end);
                let n = nodes.len();
                nodes.push((start, end));
                let top = stack.last_mut()?;
                let owners = match kind {
                    Kind::Decorator => {
                        match top.decorated {
                            Some(d) => {
                                // Only the first decorator starts the statement.
                                nodes.pop();
                                nodes[d].1 = nodes[d].1.max(end);
                            }
                            None => top.decorated = Some(n),
                        }
                        top.clausable = None;
                        continue;
                    }
                    Kind::Clause => {
                        let c = top.clausable?;
                        if top.decorated.is_some() {
                            return None;
                        }
                        nodes[c].1 = nodes[c].1.max(end);
                        (c, n)
                    }
                    Kind::Clausable | Kind::Compound | Kind::Simple => {
                        top.clausable = (*kind == Kind::Clausable).then_some(n);
                        match top.decorated.take() {
                            Some(d) => {
                                nodes[d].1 = nodes[d].1.max(end);
                                (d, n)
                            }
                            None => (n, n),
                        }
                    }
                };
                nodes.extend_from_slice(&parts[range.clone()]);
                if *opens {
                    header = Some((owners, indent));
                }
            }
        }
    }
    if header.is_some() {
        return None;
    }
    pop(&mut stack, 0)?;
    if stack.first()?.decorated.is_some() {
        return None;
    }
    Some(nodes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text, however broken: no panic, and every line maps to a
        /// statement starting at or before it.
        #[test]
        fn any_text_scans_without_panicking(text in "[ \\t\\n\\r#:;@()\\[\\]{}'\"\\\\fbrxify=elsN]{0,200}") {
            let lines = text.bytes().filter(|&b| b == b'\n').count() + 1;
            if let Some(p) = scan(text.as_bytes(), lines) {
                prop_assert_eq!(p.statement.len(), lines);
                for (i, &s) in p.statement.iter().enumerate() {
                    prop_assert!(s >= 1 && s as usize <= i + 1);
                }
            }
        }
    }
}
