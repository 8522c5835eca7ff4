//! What a check sees: the file, the import table, the node and its AST-like parents.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use tree_sitter::Node;

use super::literal::{arg_value, Lit};
use super::options::Options;
use super::tree::{text, unparen, Kinds};
use crate::finding::{Confidence, Severity};

/// The file-wide import table, filled in source order as bandit's visitor does.
#[derive(Debug, Default)]
pub struct Imports {
    /// Every imported module or `module.name` seen so far.
    pub modules: HashSet<String, FxBuild>,
    /// `asname → qualified name` (and `name → module.name` for `from` imports).
    pub aliases: HashMap<String, String, FxBuild>,
}

/// rustc's FxHash, for tables keyed by short names from one file and looked up
/// on every call (SipHash's flood resistance buys nothing there).
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

/// Builds [`FxHasher`]s.
pub type FxBuild = BuildHasherDefault<FxHasher>;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Imports {
    /// `is_module_imported_exact`.
    pub fn exact(&self, m: &str) -> bool {
        self.modules.contains(m)
    }

    /// `is_module_imported_like`: a substring of any import seen so far.
    pub fn like(&self, m: &str) -> bool {
        self.modules.iter().any(|i| i.contains(m))
    }
}

/// File-level context shared by every check.
pub struct Cx<'a> {
    pub k: &'static Kinds,
    pub src: &'a [u8],
    pub path: &'a str,
    pub opts: &'a Options,
    pub imports: &'a Imports,
}

impl<'a> Cx<'a> {
    /// Source text of a node.
    pub fn text(&self, n: Node<'_>) -> &'a str {
        text(self.src, n)
    }
}

/// One call, with its name resolved through the import table.
pub struct Call<'c, 't> {
    pub node: Node<'t>,
    /// `call_function_name_qual`: `subprocess.Popen`, `.b.c` for `a().b.c()`, `` when unnamable.
    pub qual: &'c str,
    /// `call_function_name`: the last dotted part of `qual`.
    pub name: &'c str,
    /// Positional arguments (starred ones included, as in the AST).
    pub args: &'c [Node<'t>],
    /// Keyword arguments: name (None for `**kw`) and value.
    pub kws: &'c [(Option<&'c str>, Node<'t>)],
}

impl<'t> Call<'_, 't> {
    /// The value node of keyword `name`.
    pub fn kw(&self, name: &str) -> Option<Node<'t>> {
        self.kws
            .iter()
            .find(|(n, _)| *n == Some(name))
            .map(|(_, v)| *v)
    }

    /// `'name' in context.call_keywords`.
    pub fn has_kw(&self, name: &str) -> bool {
        self.kws.iter().any(|(n, _)| *n == Some(name))
    }

    /// `get_call_arg_value(name)`: Python `None` (`Lit::Unknown`) when absent.
    pub fn kw_value(&self, cx: &Cx<'_>, name: &str) -> Lit {
        // The dict keeps the last keyword of a name.
        match self.kws.iter().rev().find(|(n, _)| *n == Some(name)) {
            Some((_, v)) => arg_value(cx.k, cx.src, *v),
            None => Lit::Unknown,
        }
    }

    /// `check_call_arg_value(name, value)` for a str value: Some(equal) when present.
    pub fn kw_is(&self, cx: &Cx<'_>, name: &str, value: &str) -> Option<bool> {
        match self.kw_value(cx, name) {
            Lit::Unknown => None,
            v => Some(v.as_str() == Some(value)),
        }
    }

    /// `get_call_arg_at_position(i)`: attribute name or literal value.
    pub fn arg_value(&self, cx: &Cx<'_>, i: usize) -> Lit {
        match self.args.get(i) {
            Some(a) => arg_value(cx.k, cx.src, *a),
            None => Lit::Unknown,
        }
    }

    /// `get_lineno_for_call_arg(name)`: the line of the keyword's value.
    pub fn kw_line(&self, name: &str) -> Option<u32> {
        self.kw(name).map(super::tree::line)
    }
}

/// The AST parent of a string literal, as bandit's Str checks see it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StrParent {
    /// A whole expression statement (docstrings): never checked.
    Expr,
    /// `targets = "value"`; the outermost assignment of a chain.
    Assign,
    /// A dict display; whether the string is a key.
    Dict {
        key: bool,
    },
    Subscript,
    Compare,
    BinOp,
    /// `"...".attr`.
    Attribute,
    /// A constant part of an f-string; whether it is the first one.
    JoinedStr {
        first: bool,
    },
    Other,
}

/// One string constant the Str checks look at.
pub struct Str<'c, 't> {
    /// The literal node (for an f-string part: the whole f-string).
    pub node: Node<'t>,
    pub value: &'c str,
    pub parent: StrParent,
    /// The parent node as tree-sitter has it (parentheses skipped).
    pub parent_node: Option<Node<'t>>,
    /// Every constant part of the enclosing f-string joined (for f-string parts).
    pub joined: &'c str,
    /// Ancestors of `node`, innermost last (for checks that look further up).
    pub ancestors: &'c [Node<'t>],
}

/// An issue a check raised, before `# nosec` and filters are applied.
#[derive(Debug, Clone)]
pub struct Hit {
    pub check: usize,
    pub severity: Severity,
    pub confidence: Confidence,
    pub message: String,
    /// bandit's `line_number`: usually the node's first line, for some checks a keyword value's.
    pub line: u32,
    /// Byte offsets in the parsed source of the checked node's start and end
    /// (bandit's `col_offset` and `end_col_offset`, on their lines).
    pub span: (usize, usize),
    /// Lines of the checked node (bandit's `line_range`; a string's parent's),
    /// for `# nosec` and the end of the reported region.
    pub scope: (u32, u32),
    /// A credential the message quotes (B105-B107): masked in every report.
    pub secret: Option<String>,
}

/// Where checks put their issues; the engine sets the defaults per node and check.
#[derive(Debug, Default)]
pub struct Hits {
    pub hits: Vec<Hit>,
    pub(crate) check: usize,
    pub(crate) line: u32,
    pub(crate) span: (usize, usize),
    pub(crate) scope: (u32, u32),
}

impl Hits {
    /// Raise an issue on the checked node's line.
    pub fn add(&mut self, severity: Severity, confidence: Confidence, message: impl Into<String>) {
        self.add_at(severity, confidence, message, None);
    }

    /// Raise a hardcoded-password issue quoting `secret`, on `line` (None: the
    /// checked node's line); reports mask the value like any secret's.
    pub fn add_password(&mut self, secret: &str, line: Option<u32>) {
        self.add_at(
            Severity::Low,
            Confidence::Medium,
            format!("Possible hardcoded password: '{secret}'"),
            line,
        );
        if let Some(hit) = self.hits.last_mut() {
            hit.secret = Some(secret.to_string());
        }
    }

    /// Raise an issue on `line` (None: the checked node's line).
    pub fn add_at(
        &mut self,
        severity: Severity,
        confidence: Confidence,
        message: impl Into<String>,
        line: Option<u32>,
    ) {
        self.hits.push(Hit {
            check: self.check,
            severity,
            confidence,
            message: message.into(),
            line: line.unwrap_or(self.line),
            span: self.span,
            scope: self.scope,
            secret: None,
        });
    }
}

/// `_get_attr_qual_name` / `get_call_name`: the dotted name of a callee, with
/// the leftmost name replaced through the alias table. Written into `out`.
pub fn qual_name(k: &Kinds, src: &[u8], imports: &Imports, func: Node<'_>, out: &mut String) {
    out.clear();
    let f = unparen(k, func);
    if f.kind_id() == k.identifier {
        let id = text(src, f);
        out.push_str(imports.aliases.get(id).map_or(id, String::as_str));
        return;
    }
    if f.kind_id() != k.attribute {
        return;
    }
    // The usual `a.b.c`: written without spaces, parentheses or comments, its
    // text is the dotted name; only the leftmost name goes through the table.
    let t = text(src, f);
    let (first, rest) = t.split_at(t.find('.').unwrap_or(t.len()));
    // `None.x` and the like have a constant, not a name, on the left.
    if is_plain_dotted(t) && !matches!(first, "None" | "True" | "False") {
        out.push_str(imports.aliases.get(first).map_or(first, String::as_str));
        out.push_str(rest);
        return;
    }
    // Walk down the object chain iteratively (a.b.c.d() may nest deeply),
    // keeping attribute byte ranges on the stack for the usual short chains.
    let fx = super::tree::fields();
    let mut short = [(0usize, 0usize); 16];
    let mut long: Vec<(usize, usize)> = Vec::new();
    let mut count = 0;
    let mut cur = f;
    loop {
        let c = unparen(k, cur);
        if c.kind_id() == k.attribute {
            if let Some(a) = c.child_by_field_id(fx.attribute) {
                let range = (a.start_byte(), a.end_byte());
                if count < short.len() {
                    short[count] = range;
                } else {
                    if long.is_empty() {
                        long.extend_from_slice(&short);
                    }
                    long.push(range);
                }
                count += 1;
            }
            match c.child_by_field_id(fx.object) {
                Some(o) => cur = o,
                None => break,
            }
        } else {
            if c.kind_id() == k.identifier {
                let id = text(src, c);
                out.push_str(imports.aliases.get(id).map_or(id, String::as_str));
            }
            break;
        }
    }
    let ranges: &[(usize, usize)] = if long.is_empty() {
        &short[..count]
    } else {
        &long
    };
    for &(s, e) in ranges.iter().rev() {
        out.push('.');
        out.push_str(std::str::from_utf8(&src[s..e]).unwrap_or(""));
    }
}

/// ASCII names joined by single dots, none starting with a digit (so no
/// number literal hides in it): `a.b_2.C`.
fn is_plain_dotted(t: &str) -> bool {
    let b = t.as_bytes();
    let mut at_start = true;
    for &c in b {
        match c {
            b'.' if !at_start => at_start = true,
            b'0'..=b'9' if !at_start => {}
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => at_start = false,
            _ => return false,
        }
    }
    !at_start
}

/// `get_qual_attr` (B503's defaults): `prefix.attr` for an attribute whose object is a name.
pub fn qual_attr(k: &Kinds, src: &[u8], imports: &Imports, n: Node<'_>) -> String {
    let n = unparen(k, n);
    if n.kind_id() != k.attribute {
        return String::new();
    }
    let attr = n
        .child_by_field_id(crate::python::tree::fields().attribute)
        .map_or("", |a| text(src, a));
    let prefix = match n
        .child_by_field_id(crate::python::tree::fields().object)
        .map(|o| unparen(k, o))
    {
        Some(o) if o.kind_id() == k.identifier => {
            let id = text(src, o);
            imports
                .aliases
                .get(id)
                .map_or(id, String::as_str)
                .to_string()
        }
        _ => String::new(),
    };
    format!("{prefix}.{attr}")
}
