//! One small typed YAML model with positions, built from tree-sitter-yaml.
//!
//! Maps keep their pairs in order (duplicates included), scalars carry their
//! decoded value and where each part of it came from, and every node knows
//! its span. Aliases stay aliases: nothing is expanded, so a "billion laughs"
//! file costs what its bytes cost. Anchored nodes are kept by name (up to
//! [`ANCHOR_BUDGET`] bytes per source byte), so a reader that needs an
//! alias's value ([`Yaml::deref`], merge keys in [`Yaml::get`]) finds the
//! node where it is written, with its position. Nesting deeper than [`MAX_DEPTH`] is cut
//! off with a problem report instead of recursing without bound.

use std::borrow::Cow;

use tree_sitter::{Node as TsNode, Parser};

/// Deepest nesting the model follows; real pipeline files nest a dozen levels.
pub const MAX_DEPTH: usize = 256;

/// Problems kept per file: the first ones say what is wrong; thousands would drown the report.
pub const MAX_PROBLEMS: usize = 20;

/// A 1-based position: line and byte column (turned into characters when reported).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub line: u32,
    /// 1-based byte column.
    pub column: u32,
}

/// Where a node is: start and end (end exclusive), with byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: Pos,
    pub end: Pos,
    pub start_byte: usize,
    pub end_byte: usize,
}

impl Span {
    fn of(n: TsNode<'_>) -> Self {
        let (s, e) = (n.start_position(), n.end_position());
        Span {
            start: Pos {
                line: s.row as u32 + 1,
                column: s.column as u32 + 1,
            },
            end: Pos {
                line: e.row as u32 + 1,
                column: e.column as u32 + 1,
            },
            start_byte: n.start_byte(),
            end_byte: n.end_byte(),
        }
    }
}

/// How a scalar was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|` block.
    Literal,
    /// `>` block.
    Folded,
}

/// A scalar: its decoded value and how decoded bytes map back to the source.
#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    pub value: String,
    pub style: Style,
    /// Whether offsets inside the value map back to the source exactly.
    exact: bool,
    /// For each decoded line that starts at a known source place: (offset in
    /// `value`, source position, source byte offset). Exact for single-line
    /// scalars without escapes and for literal blocks; other scalars map to
    /// their start.
    lines: Vec<(usize, Pos, usize)>,
}

impl Scalar {
    /// The source position (and byte offset) of byte `offset` of the decoded value.
    pub fn pos_at(&self, offset: usize) -> (Pos, usize) {
        let i = self.lines.partition_point(|(o, _, _)| *o <= offset);
        match i.checked_sub(1).and_then(|i| self.lines.get(i)) {
            Some((o, p, b)) if self.exact => (
                Pos {
                    line: p.line,
                    column: p.column + (offset - o) as u32,
                },
                b + (offset - o),
            ),
            _ => self
                .lines
                .first()
                .map_or((Pos::default(), 0), |(_, p, b)| (*p, *b)),
        }
    }

    /// The source span of a byte range of the decoded value (the scalar's
    /// start when the decoding does not map back exactly).
    pub fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        let (start, start_byte) = self.pos_at(range.start);
        let (mut end, mut end_byte) = self.pos_at(range.end);
        if !self.exact || end_byte < start_byte {
            (end, end_byte) = (start, start_byte);
        }
        Span {
            start,
            end,
            start_byte,
            end_byte,
        }
    }
}

/// A YAML value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Map(Vec<Pair>),
    Seq(Vec<Node>),
    Scalar(Scalar),
    /// `*name`, never expanded.
    Alias(String),
    /// An empty value (`key:` with nothing after it).
    Null,
}

/// A node: its value and its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub span: Span,
}

/// One `key: value` pair.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub key: Node,
    pub value: Node,
}

impl Pair {
    /// The key as text (`""` for a non-scalar key).
    pub fn key_str(&self) -> &str {
        self.key.as_str().unwrap_or("")
    }
}

impl Node {
    fn null(span: Span) -> Self {
        Node {
            value: Value::Null,
            span,
        }
    }

    /// The scalar's decoded text.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) => Some(&s.value),
            _ => None,
        }
    }

    /// The scalar itself.
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }

    /// The pairs of a mapping.
    pub fn pairs(&self) -> &[Pair] {
        match &self.value {
            Value::Map(p) => p,
            _ => &[],
        }
    }

    /// The items of a sequence.
    pub fn items(&self) -> &[Node] {
        match &self.value {
            Value::Seq(s) => s,
            _ => &[],
        }
    }

    /// The pair for `key` in a mapping (the first, if written twice).
    pub fn pair(&self, key: &str) -> Option<&Pair> {
        self.pairs().iter().find(|p| p.key_str() == key)
    }

    /// The value for `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.pair(key).map(|p| &p.value)
    }

    /// Whether this is a mapping.
    pub fn is_map(&self) -> bool {
        matches!(self.value, Value::Map(_))
    }

    /// Follow a route like `jobs.build.steps[2].uses` (a leading `.` or
    /// quoted keys are not needed: keys never contain `.` or `[` in routes).
    pub fn route(&self, route: &str) -> Option<&Node> {
        let mut node = self;
        for part in route.split('.').filter(|p| !p.is_empty()) {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if !key.is_empty() {
                node = node.get(key)?;
            }
            while let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']')?;
                let i: usize = r[..end].parse().ok()?;
                node = node.items().get(i)?;
                rest = &r[end + 1..];
            }
        }
        Some(node)
    }
}

/// Bytes of anchored nodes kept per byte of source (plus [`ANCHOR_SLACK`]):
/// anchors nested in anchors are each kept whole, and this bounds the
/// copies to a small multiple of the file.
pub const ANCHOR_BUDGET: usize = 2;
const ANCHOR_SLACK: usize = 64 * 1024;
/// Aliases followed from one another (`*a` naming a node that is `*b`...) and
/// merge keys followed inside merged mappings, at most.
pub const MAX_ALIAS_HOPS: usize = 16;

/// A parsed YAML file: its documents and the problems met.
#[derive(Debug, Default)]
pub struct Yaml {
    pub documents: Vec<Node>,
    /// Syntax errors and cut-offs, with where they start (at most [`MAX_PROBLEMS`]).
    pub problems: Vec<(Span, String)>,
    /// Anchored nodes by name, each with the byte its anchor starts at, in file order.
    anchors: std::collections::HashMap<String, Vec<(usize, Node)>>,
}

impl Yaml {
    /// The first document (workflows and actions have one).
    pub fn root(&self) -> Option<&Node> {
        self.documents.first()
    }

    /// The node an alias names: the last anchor of that name before it
    /// (YAML's rule); any other node is itself. Chains of aliases are
    /// followed [`MAX_ALIAS_HOPS`] times at most.
    pub fn deref<'a>(&'a self, mut n: &'a Node) -> &'a Node {
        for _ in 0..MAX_ALIAS_HOPS {
            let Value::Alias(name) = &n.value else {
                return n;
            };
            let Some(defs) = self.anchors.get(name) else {
                return n;
            };
            let i = defs.partition_point(|(at, _)| *at < n.span.start_byte);
            match i.checked_sub(1) {
                Some(i) => n = &defs[i].1,
                None => return n,
            }
        }
        n
    }

    /// The value of `key` in a mapping, as YAML's merge keys give it: a key
    /// written in the mapping wins, then the mappings of `<<: *a` or
    /// `<<: [*a, *b]` in order (the first that has it). Aliases are followed;
    /// the node returned is where the value is written.
    pub fn get<'a>(&'a self, map: &'a Node, key: &str) -> Option<&'a Node> {
        self.get_at(map, key, 0)
    }

    fn get_at<'a>(&'a self, map: &'a Node, key: &str, depth: usize) -> Option<&'a Node> {
        let map = self.deref(map);
        if let Some(v) = map.get(key) {
            return Some(self.deref(v));
        }
        if depth >= MAX_ALIAS_HOPS {
            return None;
        }
        for p in map.pairs().iter().filter(|p| p.key_str() == "<<") {
            let merged = self.deref(&p.value);
            let sources: Vec<&Node> = match &merged.value {
                Value::Seq(items) => items.iter().collect(),
                _ => vec![merged],
            };
            for m in sources {
                if let Some(v) = self.get_at(m, key, depth + 1) {
                    return Some(v);
                }
            }
        }
        None
    }
}

/// tree-sitter-yaml's scanner keeps rows and columns in 16-bit integers:
/// past this many lines (or columns) its positions wrap and parsing fails.
pub const MAX_LINES: usize = i16::MAX as usize;

/// Where a text goes past what the grammar can track: (line, column), 1-based.
fn beyond_grammar(src: &str) -> Option<(usize, usize)> {
    let mut start = 0;
    for (line, nl) in memchr::memchr_iter(b'\n', src.as_bytes())
        .chain(std::iter::once(src.len()))
        .enumerate()
    {
        if line >= MAX_LINES {
            return Some((line + 1, 1));
        }
        if nl - start > MAX_LINES {
            return Some((line + 1, MAX_LINES + 1));
        }
        start = nl + 1;
    }
    None
}

/// Parse YAML text. Never fails: what cannot be read becomes a problem.
pub fn parse(src: &str) -> Yaml {
    let mut out = Yaml::default();
    if let Some((line, column)) = beyond_grammar(src) {
        let pos = Pos {
            line: line as u32,
            column: column as u32,
        };
        let at = src
            .split_inclusive('\n')
            .take(line - 1)
            .map(str::len)
            .sum::<usize>()
            + column
            - 1;
        out.problems.push((
            Span {
                start: pos,
                end: pos,
                start_byte: at.min(src.len()),
                end_byte: at.min(src.len()),
            },
            format!(
                "not checked: the YAML grammar tracks at most {MAX_LINES} lines of at most \
                 {MAX_LINES} characters"
            ),
        ));
        return out;
    }
    let mut parser = Parser::new();
    if parser
        .set_language(&tree_sitter_yaml::LANGUAGE.into())
        .is_err()
    {
        out.problems
            .push((Span::default(), "YAML grammar failed to load".into()));
        return out;
    }
    let Some(tree) = parser.parse(src, None) else {
        out.problems
            .push((Span::default(), "the YAML parser gave up".into()));
        return out;
    };
    let root = tree.root_node();
    if root.has_error() {
        if let Some((pos, what)) = first_error(root) {
            out.problems.push((pos, what));
        }
    }
    let mut b = Builder {
        src,
        problems: &mut out.problems,
        anchors: &mut out.anchors,
        anchor_budget: src.len().saturating_mul(ANCHOR_BUDGET) + ANCHOR_SLACK,
    };
    let mut cursor = root.walk();
    for doc in root.named_children(&mut cursor) {
        if doc.kind() != "document" {
            continue;
        }
        let mut c2 = doc.walk();
        let body = doc
            .named_children(&mut c2)
            .find(|n| matches!(n.kind(), "block_node" | "flow_node"));
        if let Some(body) = body {
            out.documents.push(b.node(body, 0));
        }
    }
    out
}

/// The first ERROR or MISSING node, in source order (iteratively: no recursion on deep trees).
fn first_error(root: TsNode<'_>) -> Option<(Span, String)> {
    let mut cursor = root.walk();
    loop {
        let n = cursor.node();
        if n.is_error() || n.is_missing() {
            let span = Span::of(n);
            let what = if n.is_missing() {
                format!("invalid YAML: missing `{}`", n.kind())
            } else {
                "invalid YAML: this part cannot be parsed; findings come only from the parts that do".to_string()
            };
            return Some((span, what));
        }
        if n.has_error() && cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return None;
            }
        }
    }
}

struct Builder<'s, 'p> {
    src: &'s str,
    problems: &'p mut Vec<(Span, String)>,
    anchors: &'p mut std::collections::HashMap<String, Vec<(usize, Node)>>,
    /// Bytes of anchored nodes that may still be kept.
    anchor_budget: usize,
}

impl Builder<'_, '_> {
    fn text(&self, n: TsNode<'_>) -> &str {
        self.src.get(n.byte_range()).unwrap_or("")
    }

    /// Keep `node` under the name of `anchor` (`&name`) while the budget
    /// lasts (past it, aliases to it stay unresolved and the file says so once).
    fn keep_anchor(&mut self, anchor: TsNode<'_>, node: &Node) {
        let cost = node
            .span
            .end_byte
            .saturating_sub(node.span.start_byte)
            .max(1);
        if cost > self.anchor_budget {
            if self.anchor_budget != 0 && self.problems.len() < MAX_PROBLEMS {
                self.problems.push((
                    Span::of(anchor),
                    "YAML anchors nest too deeply to follow: aliases to this one and later ones are not resolved".into(),
                ));
            }
            self.anchor_budget = 0;
            return;
        }
        self.anchor_budget -= cost;
        let name = self.text(anchor).trim_start_matches('&').to_string();
        self.anchors
            .entry(name)
            .or_default()
            .push((anchor.start_byte(), node.clone()));
    }

    /// A block_node / flow_node (or anything under them) → a model node.
    fn node(&mut self, n: TsNode<'_>, depth: usize) -> Node {
        let span = Span::of(n);
        if depth > MAX_DEPTH {
            if self.problems.len() < MAX_PROBLEMS {
                self.problems.push((
                    span,
                    format!("YAML nested deeper than {MAX_DEPTH} levels: the rest is not checked"),
                ));
            }
            return Node::null(span);
        }
        match n.kind() {
            "block_node" | "flow_node" | "plain_scalar" => {
                // Skip anchors and tags: the content is the last named child
                // that is neither (a plain scalar wraps a typed scalar).
                let mut cursor = n.walk();
                let (mut inner, mut anchor) = (None, None);
                for c in n.named_children(&mut cursor) {
                    match c.kind() {
                        "anchor" => anchor = Some(c),
                        "tag" | "comment" => {}
                        _ => inner = Some(c),
                    }
                }
                let node = match (n.kind(), inner) {
                    ("plain_scalar", _) => self.plain(n),
                    (_, Some(c)) => {
                        let mut node = self.node(c, depth + 1);
                        // The span of a decorated node is its content's.
                        node.span = Span::of(c);
                        node
                    }
                    (_, None) => Node::null(span),
                };
                if let Some(a) = anchor.filter(|_| n.kind() != "plain_scalar") {
                    self.keep_anchor(a, &node);
                }
                node
            }
            "block_mapping" | "flow_mapping" => {
                let mut pairs = Vec::new();
                let mut cursor = n.walk();
                for c in n.named_children(&mut cursor) {
                    match c.kind() {
                        "block_mapping_pair" | "flow_pair" => {
                            let key = c.child_by_field_name("key").map_or_else(
                                || Node::null(Span::of(c)),
                                |k| self.node(k, depth + 1),
                            );
                            let value = c.child_by_field_name("value").map_or_else(
                                || {
                                    // `key:` with no value: a null right after the key.
                                    let mut s = key.span;
                                    s.start = s.end;
                                    s.start_byte = s.end_byte;
                                    Node::null(s)
                                },
                                |v| self.node(v, depth + 1),
                            );
                            pairs.push(Pair { key, value });
                        }
                        "flow_node" => {
                            // `{a}` is `{a: null}`.
                            let key = self.node(c, depth + 1);
                            let value = Node::null(key.span);
                            pairs.push(Pair { key, value });
                        }
                        _ => {}
                    }
                }
                Node {
                    value: Value::Map(pairs),
                    span,
                }
            }
            "block_sequence" | "flow_sequence" => {
                let mut items = Vec::new();
                let mut cursor = n.walk();
                for c in n.named_children(&mut cursor) {
                    match c.kind() {
                        "block_sequence_item" => {
                            let mut c2 = c.walk();
                            let inner = c
                                .named_children(&mut c2)
                                .find(|x| matches!(x.kind(), "block_node" | "flow_node"));
                            items.push(match inner {
                                Some(x) => self.node(x, depth + 1),
                                None => Node::null(Span::of(c)),
                            });
                        }
                        "flow_node" => items.push(self.node(c, depth + 1)),
                        "flow_pair" => {
                            let key = c.child_by_field_name("key").map_or_else(
                                || Node::null(Span::of(c)),
                                |k| self.node(k, depth + 1),
                            );
                            let value = c.child_by_field_name("value").map_or_else(
                                || Node::null(Span::of(c)),
                                |v| self.node(v, depth + 1),
                            );
                            items.push(Node {
                                value: Value::Map(vec![Pair { key, value }]),
                                span: Span::of(c),
                            });
                        }
                        _ => {}
                    }
                }
                Node {
                    value: Value::Seq(items),
                    span,
                }
            }
            "alias" => {
                let name = self.text(n).trim_start_matches('*').to_string();
                Node {
                    value: Value::Alias(name),
                    span,
                }
            }
            "single_quote_scalar" => self.quoted(n, Style::SingleQuoted),
            "double_quote_scalar" => self.quoted(n, Style::DoubleQuoted),
            "block_scalar" => self.block(n),
            _ => Node::null(span),
        }
    }

    fn plain(&mut self, n: TsNode<'_>) -> Node {
        let span = Span::of(n);
        let raw = self.text(n);
        let value = if raw.contains('\n') {
            fold(raw.lines().map(str::trim))
        } else {
            raw.to_string()
        };
        // A folded multi-line plain scalar maps to its start; one line is exact.
        let exact = !raw.contains('\n');
        let lines = vec![(0, span.start, span.start_byte)];
        let null = !raw.contains('\n') && matches!(raw, "~" | "null" | "Null" | "NULL");
        Node {
            value: if null {
                Value::Null
            } else {
                Value::Scalar(Scalar {
                    value,
                    style: Style::Plain,
                    exact,
                    lines,
                })
            },
            span,
        }
    }

    fn quoted(&mut self, n: TsNode<'_>, style: Style) -> Node {
        let span = Span::of(n);
        let raw = self.text(n);
        let inner = raw.get(1..raw.len().saturating_sub(1).max(1)).unwrap_or("");
        let decoded: Cow<'_, str> = match style {
            Style::SingleQuoted => {
                let folded = if inner.contains('\n') {
                    Cow::Owned(fold(inner.lines().map(str::trim)))
                } else {
                    Cow::Borrowed(inner)
                };
                if folded.contains("''") {
                    Cow::Owned(folded.replace("''", "'"))
                } else {
                    folded
                }
            }
            _ => Cow::Owned(unescape_double(inner)),
        };
        // Positions inside are exact when decoding changed nothing.
        let start = Pos {
            line: span.start.line,
            column: span.start.column + 1,
        };
        let exact = decoded == inner && !inner.contains('\n');
        let lines = if exact {
            vec![(0, start, span.start_byte + 1)]
        } else {
            vec![(0, span.start, span.start_byte)]
        };
        Node {
            value: Value::Scalar(Scalar {
                value: decoded.into_owned(),
                style,
                exact,
                lines,
            }),
            span,
        }
    }

    fn block(&mut self, n: TsNode<'_>) -> Node {
        let span = Span::of(n);
        let raw = self.text(n);
        let (header, body) = raw.split_once('\n').unwrap_or((raw, ""));
        let header = header.split('#').next().unwrap_or("").trim();
        let literal = header.starts_with('|');
        let chomp = if header.contains('-') {
            '-'
        } else if header.contains('+') {
            '+'
        } else {
            ' '
        };
        let explicit: Option<usize> = header
            .chars()
            .find(|c| c.is_ascii_digit())
            .and_then(|c| c.to_digit(10))
            .map(|d| d as usize);
        // The indentation of the line the header is on, for an explicit indicator.
        let line_start = self.src[..span.start_byte].rfind('\n').map_or(0, |i| i + 1);
        let parent_indent = self.src[line_start..span.start_byte]
            .bytes()
            .take_while(|b| *b == b' ')
            .count();
        let src_lines: Vec<&str> = if body.is_empty() {
            Vec::new()
        } else {
            body.split('\n').collect()
        };
        let indent = explicit.map(|d| parent_indent + d).unwrap_or_else(|| {
            src_lines
                .iter()
                .find(|l| !l.trim().is_empty())
                .map_or(0, |l| l.len() - l.trim_start_matches(' ').len())
        });
        let mut value = String::with_capacity(body.len());
        let mut lines = Vec::with_capacity(src_lines.len());
        let first_line = span.start.line + 1;
        let mut prev_more_indented = false;
        let mut pending_newlines = 0usize;
        let mut line_byte = span.start_byte + raw.find('\n').map_or(raw.len(), |i| i + 1);
        for (i, l) in src_lines.iter().enumerate() {
            let this_line_byte = line_byte;
            line_byte += l.len() + 1;
            let l = l.strip_suffix('\r').unwrap_or(l);
            let content = l.get(indent.min(l.len())..).unwrap_or("");
            let blank = l.trim().is_empty();
            if blank {
                pending_newlines += 1;
                continue;
            }
            if literal {
                // Each line ends with a break; each blank line before this one adds one.
                if !lines.is_empty() {
                    value.push('\n');
                }
                for _ in 0..pending_newlines {
                    value.push('\n');
                }
            } else {
                let more = content.starts_with([' ', '\t']);
                if value.is_empty() {
                    for _ in 0..pending_newlines {
                        value.push('\n');
                    }
                } else if more || prev_more_indented {
                    // Around more-indented lines, line breaks are kept.
                    for _ in 0..=pending_newlines {
                        value.push('\n');
                    }
                } else if pending_newlines == 0 {
                    value.push(' ');
                } else {
                    // The break folds away; each blank line is one newline.
                    for _ in 0..pending_newlines {
                        value.push('\n');
                    }
                }
                prev_more_indented = more;
            }
            pending_newlines = 0;
            lines.push((
                value.len(),
                Pos {
                    line: first_line + i as u32,
                    column: indent.min(l.len()) as u32 + 1,
                },
                this_line_byte + indent.min(l.len()),
            ));
            value.push_str(content);
        }
        match chomp {
            '-' => {}
            '+' => {
                value.push('\n');
                for _ in 0..pending_newlines {
                    value.push('\n');
                }
            }
            _ => {
                if !value.is_empty() {
                    value.push('\n');
                }
            }
        }
        if lines.is_empty() {
            lines.push((0, span.start, span.start_byte));
        }
        Node {
            value: Value::Scalar(Scalar {
                value,
                style: if literal {
                    Style::Literal
                } else {
                    Style::Folded
                },
                // Folded lines join: only the start of each source line maps back.
                exact: literal,
                lines,
            }),
            span,
        }
    }
}

/// YAML line folding of flow scalars: one line break is a space, each blank line a newline.
fn fold<'a>(lines: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::new();
    let mut blanks = 0;
    let mut first = true;
    for l in lines {
        if l.is_empty() {
            blanks += 1;
            continue;
        }
        if !first {
            if blanks == 0 {
                out.push(' ');
            } else {
                for _ in 0..blanks {
                    out.push('\n');
                }
            }
        }
        blanks = 0;
        first = false;
        out.push_str(l);
    }
    out
}

/// Decode a double-quoted scalar's escapes and fold its lines.
fn unescape_double(inner: &str) -> String {
    // Escaped line breaks join lines without a space; fold the rest.
    let mut joined = String::with_capacity(inner.len());
    let mut lines = inner.split('\n').peekable();
    let mut parts: Vec<String> = Vec::new();
    while let Some(l) = lines.next() {
        let l = if parts.is_empty() { l } else { l.trim_start() };
        let l = if lines.peek().is_some() {
            l.trim_end()
        } else {
            l
        };
        if let Some(stripped) = l.strip_suffix('\\') {
            if !stripped.ends_with('\\') || stripped.ends_with("\\\\\\") {
                joined.push_str(stripped);
                continue;
            }
        }
        joined.push_str(l);
        parts.push(std::mem::take(&mut joined));
    }
    if !joined.is_empty() {
        parts.push(joined);
    }
    let folded = if parts.len() > 1 {
        fold(parts.iter().map(String::as_str))
    } else {
        parts.pop().unwrap_or_default()
    };
    let mut out = String::with_capacity(folded.len());
    let mut chars = folded.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(e) = chars.next() else {
            out.push('\\');
            break;
        };
        let hex = |chars: &mut std::str::Chars<'_>, n: usize| -> Option<char> {
            let s: String = chars.by_ref().take(n).collect();
            u32::from_str_radix(&s, 16).ok().and_then(char::from_u32)
        };
        match e {
            '0' => out.push('\0'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            't' | '\t' => out.push('\t'),
            'n' => out.push('\n'),
            'v' => out.push('\x0b'),
            'f' => out.push('\x0c'),
            'r' => out.push('\r'),
            'e' => out.push('\x1b'),
            ' ' => out.push(' '),
            '"' => out.push('"'),
            '/' => out.push('/'),
            '\\' => out.push('\\'),
            'N' => out.push('\u{85}'),
            '_' => out.push('\u{a0}'),
            'L' => out.push('\u{2028}'),
            'P' => out.push('\u{2029}'),
            'x' => out.push(hex(&mut chars, 2).unwrap_or('\u{fffd}')),
            'u' => out.push(hex(&mut chars, 4).unwrap_or('\u{fffd}')),
            'U' => out.push(hex(&mut chars, 8).unwrap_or('\u{fffd}')),
            other => {
                out.push('\\');
                out.push(other);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(src: &str) -> Node {
        let y = parse(src);
        assert!(y.problems.is_empty(), "{:?}", y.problems);
        y.documents.into_iter().next().unwrap()
    }

    #[test]
    fn routes_find_nodes_with_their_spans() {
        let r = root("on: push\njobs:\n  build:\n    steps:\n      - run: a\n      - uses: actions/checkout@v4\n");
        let n = r.route("jobs.build.steps[1].uses").unwrap();
        assert_eq!(n.as_str(), Some("actions/checkout@v4"));
        assert_eq!(
            n.span.start,
            Pos {
                line: 6,
                column: 15
            }
        );
        assert!(r.route("jobs.build.steps[2]").is_none());
        assert!(r.route("jobs.nope").is_none());
    }

    #[test]
    fn scalars_are_decoded_in_every_style() {
        let r = root(concat!(
            "a: 'it''s'\n",
            "b: \"tab\\there \\u00e9\"\n",
            "c: |\n  line1\n    more\n\n  line3\n",
            "d: >-\n  folded\n  text\n\n  para\n",
            "e: plain\n  continued\n",
            "f: ~\n",
            "g:\n",
        ));
        assert_eq!(r.get("a").unwrap().as_str(), Some("it's"));
        assert_eq!(r.get("b").unwrap().as_str(), Some("tab\there é"));
        assert_eq!(
            r.get("c").unwrap().as_str(),
            Some("line1\n  more\n\nline3\n")
        );
        assert_eq!(r.get("d").unwrap().as_str(), Some("folded text\npara"));
        assert_eq!(r.get("e").unwrap().as_str(), Some("plain continued"));
        assert_eq!(r.get("f").unwrap().value, Value::Null);
        assert_eq!(r.get("g").unwrap().value, Value::Null);
    }

    #[test]
    fn literal_block_positions_are_exact() {
        let r = root("run: |\n  echo a\n  echo ${{ x }}\n");
        let s = r.get("run").unwrap().as_scalar().unwrap();
        let off = s.value.find("${{").unwrap();
        let src = "run: |\n  echo a\n  echo ${{ x }}\n";
        let (pos, byte) = s.pos_at(off);
        assert_eq!(pos, Pos { line: 3, column: 8 });
        assert_eq!(&src[byte..byte + 3], "${{");
    }

    #[test]
    fn aliases_are_not_expanded() {
        let src = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b]\n";
        let r = root(src);
        let c = r.get("c").unwrap();
        assert_eq!(c.items().len(), 3);
        assert_eq!(c.items()[0].value, Value::Alias("b".into()));
    }

    #[test]
    fn aliases_and_merge_keys_resolve_to_where_the_value_is_written() {
        let src = "\
.img: &img python:latest
.base: &base
  image: *img
  tags: [a]
.more: &more
  services: [redis]
  tags: [b]
job:
  <<: [*base, *more]
  tags: [c]
other:
  <<: *more
";
        let y = parse(src);
        let r = y.root().unwrap();
        let job = r.get("job").unwrap();
        let image = y.get(job, "image").unwrap();
        assert_eq!(image.as_str(), Some("python:latest"));
        assert_eq!(
            image.span.start.line, 1,
            "the anchored scalar, where it is written"
        );
        assert_eq!(y.get(job, "tags").unwrap().span.start.line, 10);
        assert_eq!(y.get(job, "services").unwrap().span.start.line, 6);
        let other = r.get("other").unwrap();
        assert_eq!(y.get(other, "tags").unwrap().span.start.line, 7);
        assert!(y.get(other, "image").is_none());
    }

    #[test]
    fn an_alias_names_the_last_anchor_before_it_and_loops_end() {
        let y = parse("a: &x 1\nb: *x\nc: &x 2\nd: *x\ne: *nothing\n");
        let r = y.root().unwrap();
        assert_eq!(y.deref(r.get("b").unwrap()).as_str(), Some("1"));
        assert_eq!(y.deref(r.get("d").unwrap()).as_str(), Some("2"));
        assert!(matches!(
            y.deref(r.get("e").unwrap()).value,
            Value::Alias(_)
        ));
        // A merge key that merges itself ends.
        let y = parse("a: &a\n  <<: *a\n  k: v\nb:\n  <<: *a\n");
        let b = y.root().unwrap().get("b").unwrap();
        assert_eq!(y.get(b, "k").unwrap().as_str(), Some("v"));
        assert!(y.get(b, "missing").is_none());
    }

    #[test]
    fn billion_laughs_anchors_cost_a_multiple_of_the_file() {
        let mut src = String::from("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for i in 1..10 {
            let p = i - 1;
            src.push_str(&format!(
                "l{i}: &l{i} [*l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}, *l{p}]\n"
            ));
        }
        src.push_str("job:\n  <<: {script: *l9}\n");
        let y = parse(&src);
        let kept: usize = y
            .anchors
            .values()
            .flatten()
            .map(|(_, n)| n.span.end_byte - n.span.start_byte)
            .sum();
        assert!(kept <= src.len() * ANCHOR_BUDGET + ANCHOR_SLACK);
        let job = y.root().unwrap().get("job").unwrap();
        assert_eq!(y.get(job, "script").unwrap().items().len(), 9);
    }

    #[test]
    fn malformed_yaml_is_a_problem_with_a_line() {
        let y = parse("jobs:\n  build:\n    steps: [a, b\n  other: {\n");
        assert!(!y.problems.is_empty());
        assert!(y.problems[0].0.start.line >= 1);
    }

    #[test]
    fn deep_nesting_is_cut_off_not_a_stack_overflow() {
        let src = format!("a: {}{}\n", "[".repeat(5000), "]".repeat(5000));
        let y = parse(&src);
        assert!(y.problems.iter().any(|(_, m)| m.contains("nested deeper")));
    }
}
