//! One parse, one iterative walk, dispatch by node kind.

use tree_sitter::{Node, Parser, TreeCursor};

use super::context::{qual_name, Call, Cx, Hits, Imports, Str, StrParent};
use super::literal::{self, constant_value, fstring_parts, kind_of, Prefix, StrLit};
use super::nosec::{self, NosecLines};
use super::registry::{self, Run, CHECKS};
use super::syntax::{self, SyntaxProblem, MAX_BRACKET_DEPTH, MAX_INDENT, MAX_TREE_DEPTH};
use super::tree::{children, end_line, fields, language, line, text, Kinds};
use super::{PythonEngine, PythonVersion};

/// What walking one file produced.
pub struct WalkResult {
    pub hits: Vec<super::context::Hit>,
    pub nosec: NosecLines,
    /// The first reason Python would refuse the file (then hits are meaningless).
    pub syntax: Option<SyntaxProblem>,
}

/// The context a check sees, built from the walker's fields one by one (a
/// method would borrow the whole walker while the check writes to `hits`).
macro_rules! cx {
    ($w:expr, $k:expr, $src:expr) => {
        Cx {
            k: $k,
            src: $src,
            path: $w.path,
            opts: &$w.engine.settings().options,
            imports: &$w.imports,
        }
    };
}

thread_local! {
    static PARSER: std::cell::RefCell<Option<Parser>> = const { std::cell::RefCell::new(None) };
}

/// What the walk does at a node, by kind id: looked up once per node instead
/// of comparing the kind against every kind the engine cares about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Act {
    /// An anonymous token the walk ignores.
    Token,
    /// `(`, `[`, `{` and their closing tokens: Python's bracket depth limit.
    Open,
    Close,
    /// Python 2's `<>`.
    Diamond,
    /// A named node nothing dispatches on.
    Named,
    Comment,
    Call,
    String,
    ConcatenatedString,
    Import,
    FunctionDef,
    ClassDef,
    Except,
    Assert,
    Arguments,
    /// An expression (or simple statement) that may be only names and
    /// operators: then nothing below it matters (see [`plain`]).
    Expr,
}

/// Per kind id: what to do, and whether the node has a syntax check.
struct Dispatch {
    act: Vec<Act>,
    syntax: Vec<bool>,
    named: Vec<bool>,
    async_kw: u16,
}

impl Dispatch {
    fn named(&self, kind: u16) -> bool {
        self.named.get(kind as usize).copied().unwrap_or(true)
    }

    fn get() -> &'static Dispatch {
        static D: std::sync::OnceLock<Dispatch> = std::sync::OnceLock::new();
        D.get_or_init(|| {
            let (lang, k) = language();
            let count = lang.node_kind_count();
            let mut act = Vec::with_capacity(count);
            let mut syntax = Vec::with_capacity(count);
            let id = |name: &str| lang.id_for_node_kind(name, false);
            let (open, close) = ([id("("), id("["), id("{")], [id(")"), id("]"), id("}")]);
            for i in 0..count {
                let kind = i as u16;
                let a = if !lang.node_kind_is_named(kind) {
                    if open.contains(&kind) {
                        Act::Open
                    } else if close.contains(&kind) {
                        Act::Close
                    } else if kind == id("<>") {
                        Act::Diamond
                    } else {
                        Act::Token
                    }
                } else if kind == k.comment {
                    Act::Comment
                } else if kind == k.call {
                    Act::Call
                } else if kind == k.string {
                    Act::String
                } else if kind == k.concatenated_string {
                    Act::ConcatenatedString
                } else if kind == k.import_statement
                    || kind == k.import_from_statement
                    || kind == k.future_import_statement
                {
                    Act::Import
                } else if kind == k.function_definition {
                    Act::FunctionDef
                } else if kind == k.class_definition {
                    Act::ClassDef
                } else if kind == k.except_clause || kind == k.except_group_clause {
                    Act::Except
                } else if kind == k.assert_statement {
                    Act::Assert
                } else if kind == k.argument_list {
                    Act::Arguments
                } else if [
                    k.attribute,
                    k.assignment,
                    k.augmented_assignment,
                    k.keyword_argument,
                    k.comparison_operator,
                    k.boolean_operator,
                    k.not_operator,
                    k.binary_operator,
                    k.return_statement,
                    k.pair,
                    k.expression_list,
                    k.pattern_list,
                    k.conditional_expression,
                    k.parenthesized_expression,
                    k.tuple,
                    k.list,
                    k.set,
                    k.dictionary,
                    k.subscript,
                    k.expression_statement,
                    k.decorator,
                    k.raise_statement,
                    k.global_statement,
                    k.nonlocal_statement,
                    k.delete_statement,
                    k.lambda,
                    k.unary_operator,
                    k.if_clause,
                    k.for_in_clause,
                    k.slice,
                    k.yield_,
                    k.await_,
                    k.list_splat,
                    k.dictionary_splat,
                    k.list_comprehension,
                    k.set_comprehension,
                    k.dictionary_comprehension,
                    k.generator_expression,
                ]
                .contains(&kind)
                {
                    Act::Expr
                } else {
                    Act::Named
                };
                act.push(a);
                syntax.push(lang.node_kind_is_named(kind) && syntax::has_named_check(k, kind));
            }
            Dispatch {
                act,
                syntax,
                named: (0..count)
                    .map(|i| lang.node_kind_is_named(i as u16))
                    .collect(),
                async_kw: id("async"),
            }
        })
    }
}

/// Parse `src` and run every enabled check over it.
pub fn run(engine: &PythonEngine, path: &str, src: &[u8]) -> WalkResult {
    let (lang, k) = language();
    let tree = PARSER.with(|p| {
        let mut p = p.borrow_mut();
        let parser = p.get_or_insert_with(|| {
            let mut parser = Parser::new();
            parser
                .set_language(lang)
                .expect("tree-sitter-python matches the tree-sitter version");
            parser
        });
        parser.parse(src, None)
    });
    let Some(tree) = tree else {
        return WalkResult {
            hits: Vec::new(),
            nosec: NosecLines::default(),
            syntax: Some(SyntaxProblem {
                line: 1,
                column: 1,
                message: "the parser gave up on this file".into(),
            }),
        };
    };
    let root = tree.root_node();
    let mut w = Walker {
        engine,
        k,
        d: Dispatch::get(),
        src,
        path,
        imports: Imports::default(),
        hits: Hits::default(),
        nosec: NosecLines::default(),
        syntax: None,
        has_error: root.has_error(),
        arguments: None,
        qual: String::new(),
        buf: String::new(),
        brackets: 0,
        target: engine.settings().target_version,
    };
    if w.has_error {
        // Find the first error for the message; still no findings.
        w.syntax = first_error(root).map(|n| SyntaxProblem::at(n, "invalid syntax"));
    }
    if w.syntax.is_none() {
        w.walk(root);
    }
    if w.syntax.is_none() {
        w.file_checks();
    }
    WalkResult {
        hits: w.hits.hits,
        nosec: w.nosec,
        syntax: w.syntax,
    }
}

fn first_error(root: Node<'_>) -> Option<Node<'_>> {
    let mut cursor = root.walk();
    loop {
        let n = cursor.node();
        if n.is_error() || n.is_missing() {
            return Some(n);
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

/// Scratch space reused across nodes: no allocation per call node.
struct Scratch<'a, 't> {
    args: Vec<Node<'t>>,
    kws: Vec<(Option<&'a str>, Node<'t>)>,
    /// A call's arguments (comments left out), as (kind id, node).
    kids: Vec<(u16, Node<'t>)>,
    /// For iterating a node's children (`Node::child(i)` is linear in `i`).
    cursor: TreeCursor<'t>,
}

struct Walker<'a> {
    engine: &'a PythonEngine,
    k: &'static Kinds,
    d: &'static Dispatch,
    src: &'a [u8],
    path: &'a str,
    imports: Imports,
    hits: Hits,
    nosec: NosecLines,
    syntax: Option<SyntaxProblem>,
    /// Whether tree-sitter recovered from an error anywhere (else no node is an error or missing).
    has_error: bool,
    /// The syntax verdict on the argument list of the call visited last, by node id.
    arguments: Option<(usize, Option<SyntaxProblem>)>,
    qual: String,
    buf: String,
    brackets: u32,
    /// Whose grammar decides validity.
    target: PythonVersion,
}

impl<'a> Walker<'a> {
    fn walk<'t>(&mut self, root: Node<'t>) {
        let mut cursor = root.walk();
        let mut stack: Vec<Node<'t>> = Vec::new();
        let mut scratch = Scratch {
            args: Vec::new(),
            kws: Vec::new(),
            kids: Vec::new(),
            cursor: root.walk(),
        };
        // The kinds of `stack`, so that parents' kinds cost no call into tree-sitter.
        let mut kinds: Vec<u16> = Vec::new();
        // How many siblings are still to come after the current node, per level of
        // `stack`: tree-sitter's `goto_next_sibling` is costly, most of all when it
        // fails, so the walk knows from the child count when a level is done.
        let mut left: Vec<u32> = Vec::new();
        // Depths in `stack` of the blocks that open an indentation level.
        let mut indents: Vec<usize> = Vec::new();
        loop {
            let node = cursor.node();
            let kind = node.kind_id();
            let parent_kind = kinds.last().copied();
            let descend = self.visit(node, kind, parent_kind, &stack, &mut scratch);
            if self.syntax.is_some() {
                return;
            }
            let count = if descend { node.child_count() } else { 0 };
            if count > 0 && cursor.goto_first_child() {
                if kind == self.k.block && indented(node) {
                    indents.push(stack.len());
                    if indents.len() >= MAX_INDENT {
                        self.syntax = Some(SyntaxProblem::at(
                            node,
                            "IndentationError: too many levels of indentation",
                        ));
                        return;
                    }
                }
                stack.push(node);
                kinds.push(kind);
                left.push(count - 1);
                if stack.len() > MAX_TREE_DEPTH {
                    self.syntax = Some(SyntaxProblem::at(
                        node,
                        format!("nested more than {MAX_TREE_DEPTH} levels deep (bandit fails on it with RecursionError)"),
                    ));
                    return;
                }
                continue;
            }
            loop {
                let Some(l) = left.last_mut() else {
                    return;
                };
                if *l > 0 {
                    *l -= 1;
                    if cursor.goto_next_sibling() {
                        break;
                    }
                }
                debug_assert!(
                    !cursor.clone().goto_next_sibling(),
                    "a {} node has more children than child_count says",
                    kinds.last().map_or("?", |&k| self.k_name(k))
                );
                cursor.goto_parent();
                left.pop();
                stack.pop();
                kinds.pop();
                if indents.last() == Some(&stack.len()) {
                    indents.pop();
                }
            }
        }
    }

    fn k_name(&self, kind: u16) -> &'static str {
        language().0.node_kind_for_id(kind).unwrap_or("?")
    }

    fn set_scope(&mut self, check: usize, n: Node<'_>, scope: (u32, u32)) {
        self.hits.check = check;
        self.hits.line = line(n);
        self.hits.span = (n.start_byte(), n.end_byte());
        self.hits.scope = scope;
    }

    /// Give the hits raised on `n` since index `from` the end of `n` as
    /// Python's AST has it: a block's trailing comments are not part of it.
    fn end_hits_at_ast_end(&mut self, from: usize, n: Node<'_>) {
        if self.hits.hits.len() == from {
            return;
        }
        let end = ast_end(self.k, n);
        let end_line = end.end_position().row as u32 + 1;
        for h in &mut self.hits.hits[from..] {
            h.span.1 = end.end_byte();
            h.scope.1 = end_line;
        }
    }

    /// Run what applies to node `n` of kind `kind`; whether the walk goes into its children.
    fn visit<'t>(
        &mut self,
        n: Node<'t>,
        kind: u16,
        parent_kind: Option<u16>,
        stack: &[Node<'t>],
        scratch: &mut Scratch<'a, 't>,
    ) -> bool {
        let k = self.k;
        if self.has_error && (n.is_error() || n.is_missing()) {
            self.syntax = syntax::check_node(k, self.target, self.src, n, stack.last().copied());
            return true;
        }
        let act = self.d.act.get(kind as usize).copied().unwrap_or(Act::Named);
        match act {
            // Anonymous tokens are leaves (but for aliases like `not in`).
            Act::Token => return n.child_count() > 0,
            Act::Open | Act::Close => {
                if parent_kind == Some(k.interpolation) {
                    return n.child_count() > 0;
                }
                if act == Act::Open {
                    self.brackets += 1;
                    if self.brackets > MAX_BRACKET_DEPTH {
                        self.syntax = Some(SyntaxProblem::at(n, "too many nested parentheses"));
                    }
                } else {
                    self.brackets = self.brackets.saturating_sub(1);
                }
                return n.child_count() > 0;
            }
            Act::Diamond => {
                self.syntax = Some(SyntaxProblem::at(n, "invalid syntax: `<>`"));
                return true;
            }
            _ => {}
        }
        let has_syntax_check = self.d.syntax.get(kind as usize).copied().unwrap_or(false);
        if act == Act::Expr {
            // Its own syntax first: a skipped node is not checked later.
            if has_syntax_check {
                if let Some(p) = syntax::check_named(
                    k,
                    self.target,
                    self.src,
                    n,
                    kind,
                    stack.last().copied(),
                    &mut scratch.cursor,
                ) {
                    self.syntax = Some(p);
                    return true;
                }
            }
            if self.skippable(n, stack.len()) {
                return false;
            }
        }
        if act == Act::Arguments {
            if let Some((id, problem)) = self.arguments.take() {
                if id == n.id() {
                    self.syntax = problem;
                    // The call has checked the list's own syntax.
                    return self.syntax.is_some() || !self.skippable(n, stack.len());
                }
            }
        }
        if has_syntax_check && act != Act::Expr {
            if let Some(p) = syntax::check_named(
                k,
                self.target,
                self.src,
                n,
                kind,
                stack.last().copied(),
                &mut scratch.cursor,
            ) {
                self.syntax = Some(p);
                return true;
            }
        }
        match act {
            Act::Comment => {
                let t = text(self.src, n);
                if t.contains("nosec") {
                    if let Some(ns) = nosec::parse(t, registry::lookup) {
                        self.nosec.insert(line(n), ns);
                    }
                }
            }
            Act::Call => self.call(n, scratch),
            Act::String => {
                if let Some((pre, u, content)) = self.simple_string(n, stack.len()) {
                    // Python 3 has no `ur''` (`u` only alone).
                    if u {
                        self.syntax = Some(SyntaxProblem::at(n, "invalid string prefix"));
                        return true;
                    }
                    if let Some(m) = syntax::escape_problem(content.as_bytes(), pre.raw, pre.bytes)
                    {
                        self.syntax = Some(SyntaxProblem::at(n, m));
                        return true;
                    }
                    if parent_kind != Some(k.concatenated_string) {
                        self.string(n, stack, Some((false, pre.bytes)), Some((pre, content)));
                    }
                    return false;
                }
                let pre = literal::prefix(k, self.src, n);
                if parent_kind != Some(k.concatenated_string) {
                    self.string(n, stack, Some((pre.fstring, pre.bytes)), None);
                }
                return pre.fstring || self.descend_string(n, stack, scratch);
            }
            Act::ConcatenatedString => self.string(n, stack, None, None),
            Act::Import => self.import(n),
            Act::FunctionDef | Act::ClassDef => {
                if self.target < PythonVersion::Py312
                    && n.child_by_field_id(fields().type_parameters).is_some()
                {
                    self.syntax = Some(SyntaxProblem::at(
                        n,
                        format!(
                            "invalid syntax (type parameters need Python 3.12; target_version is {})",
                            self.target
                        ),
                    ));
                }
                if act == Act::FunctionDef {
                    self.function_def(n);
                }
            }
            Act::Except => self.node_checks(n, true),
            Act::Assert => self.node_checks(n, false),
            _ => {}
        }
        true
    }

    /// Whether nothing below `n`, at depth `depth`, can concern the walk (see [`plain`]).
    fn skippable(&self, n: Node<'_>, depth: usize) -> bool {
        if self.has_error {
            return false;
        }
        let t = &self.src[n.start_byte()..n.end_byte()];
        // Its subtree is at most a few levels per byte deep: leave the walk's
        // own depth limit to the walk when it could matter.
        depth + 3 * t.len() + 3 < MAX_TREE_DEPTH && plain(t, self.brackets)
    }

    /// Whether the walk must go into the children of a string that is not an
    /// f-string. Only an f-string has any that matter (interpolations); for the
    /// others the prefix's syntax check runs here, and skipping their tokens
    /// saves a good part of the walk.
    fn descend_string<'t>(
        &mut self,
        n: Node<'t>,
        stack: &[Node<'t>],
        scratch: &mut Scratch<'a, 't>,
    ) -> bool {
        let k = self.k;
        if self.has_error {
            return true;
        }
        if stack.len() + 1 > MAX_TREE_DEPTH {
            // Its children are one level deeper: the walk's own depth check.
            return true;
        }
        if let Some(start) = n.child(0).filter(|c| c.kind_id() == k.string_start) {
            self.syntax = syntax::check_named(
                k,
                self.target,
                self.src,
                start,
                k.string_start,
                Some(n),
                &mut scratch.cursor,
            );
        }
        if self.syntax.is_none() {
            let pre = literal::prefix(k, self.src, n);
            for c in children(k, n).filter(|c| c.kind_id() == k.string_content) {
                if let Some(m) = syntax::escape_problem(
                    &self.src[c.start_byte()..c.end_byte()],
                    pre.raw,
                    pre.bytes,
                ) {
                    self.syntax = Some(SyntaxProblem::at(c, m));
                    break;
                }
            }
        }
        false
    }

    fn function_def(&mut self, n: Node<'_>) {
        let is_async = n.child(0).is_some_and(|c| c.kind_id() == self.d.async_kw);
        if is_async {
            return;
        }
        let scope = (line(n), end_line(n));
        let from = self.hits.hits.len();
        for i in 0..self.engine.enabled.def.len() {
            let c = self.engine.enabled.def[i];
            self.set_scope(c, n, scope);
            if let Run::Node(f) = CHECKS[c].run {
                let cx = cx!(self, self.k, self.src);
                f(&cx, n, &mut self.hits);
            }
        }
        self.end_hits_at_ast_end(from, n);
    }

    fn node_checks(&mut self, n: Node<'_>, except: bool) {
        let list = if except {
            &self.engine.enabled.except
        } else {
            &self.engine.enabled.assert
        };
        let scope = (line(n), end_line(n));
        let from = self.hits.hits.len();
        for &c in list {
            self.hits.check = c;
            self.hits.line = line(n);
            self.hits.span = (n.start_byte(), n.end_byte());
            self.hits.scope = scope;
            if let Run::Node(f) = CHECKS[c].run {
                let cx = cx!(self, self.k, self.src);
                f(&cx, n, &mut self.hits);
            }
        }
        self.end_hits_at_ast_end(from, n);
    }

    fn call<'t>(&mut self, n: Node<'t>, bufs: &mut Scratch<'a, 't>) {
        let k = self.k;
        let enabled = &self.engine.enabled;
        if enabled.call.is_empty() && enabled.call_blacklist.is_empty() {
            return;
        }
        let fx = fields();
        let Some(func) = n.child_by_field_id(fx.function) else {
            return;
        };
        let mut qual = std::mem::take(&mut self.qual);
        qual_name(k, self.src, &self.imports, func, &mut qual);
        let name = qual.rsplit('.').next().unwrap_or("");
        let args = &mut bufs.args;
        let kws = &mut bufs.kws;
        args.clear();
        kws.clear();
        if let Some(al) = n.child_by_field_id(fx.arguments) {
            if al.kind_id() == k.argument_list {
                let kids = &mut bufs.kids;
                kids.clear();
                let cursor = &mut bufs.cursor;
                cursor.reset(al);
                // Its children, counted (a failing `goto_next_sibling` costs more).
                let mut left = al.child_count();
                if left > 0 && cursor.goto_first_child() {
                    loop {
                        let c = cursor.node();
                        let ck = c.kind_id();
                        if ck != k.comment && self.d.named(ck) {
                            kids.push((ck, c));
                        }
                        left -= 1;
                        if left == 0 || !cursor.goto_next_sibling() {
                            break;
                        }
                    }
                }
                // The argument list is visited next: its syntax check reuses this pass.
                self.arguments = Some((al.id(), syntax::arguments_problem(k, kids)));
                for &(ck, c) in kids.iter() {
                    if ck == k.keyword_argument {
                        if let (Some(name), Some(value)) =
                            (c.child_by_field_id(fx.name), c.child_by_field_id(fx.value))
                        {
                            kws.push((Some(text(self.src, name)), value));
                        }
                    } else if ck == k.dictionary_splat {
                        if let Some(v) = c.named_child(0) {
                            kws.push((None, v));
                        }
                    } else {
                        args.push(c);
                    }
                }
            } else {
                args.push(al);
            }
        }
        let call = Call {
            node: n,
            qual: &qual,
            name,
            args,
            kws,
        };
        let cx = cx!(self, k, self.src);
        let scope = (line(n), end_line(n));
        let (l, span) = (line(n), (n.start_byte(), n.end_byte()));
        for &c in &enabled.call {
            self.hits.check = c;
            self.hits.line = l;
            self.hits.span = span;
            self.hits.scope = scope;
            if let Run::Call(f) = CHECKS[c].run {
                f(&cx, &call, &mut self.hits);
            }
        }
        if !enabled.call_blacklist.is_empty() {
            if let Some((c, name)) = registry::blacklist_call(&cx, &call, &enabled.call_blacklist) {
                self.hits.check = c;
                self.hits.line = l;
                self.hits.span = span;
                self.hits.scope = scope;
                registry::report_blacklist(c, &name, &mut self.hits);
            }
        }
        self.qual = qual;
    }

    fn import(&mut self, n: Node<'_>) {
        let k = self.k;
        let src = self.src;
        let kind = n.kind_id();
        // (full name for blacklists, name as written) per imported name.
        let mut names: Vec<(String, String)> = Vec::new();
        if kind == k.import_statement {
            for c in n.children_by_field_name("name", &mut n.walk()) {
                let (dotted, alias) = split_alias(k, src, c);
                if let Some(a) = alias {
                    self.imports
                        .aliases
                        .insert(a.to_string(), dotted.to_string());
                }
                self.imports.modules.insert(dotted.to_string());
                names.push((dotted.to_string(), dotted.to_string()));
            }
        } else {
            let module = if kind == k.future_import_statement {
                Some("__future__".to_string())
            } else {
                n.child_by_field_id(crate::python::tree::fields().module_name)
                    .and_then(|m| {
                        if m.kind_id() == k.relative_import {
                            // Relative levels are dropped; `from . import x` has no module.
                            children(k, m)
                                .find(|c| c.kind_id() == k.dotted_name)
                                .map(|d| text(src, d).to_string())
                        } else {
                            Some(text(src, m).to_string())
                        }
                    })
            };
            let wildcard = children(k, n).any(|c| c.kind_id() == k.wildcard_import);
            let mut imported: Vec<(&str, Option<&str>)> = n
                .children_by_field_name("name", &mut n.walk())
                .map(|c| split_alias(k, src, c))
                .collect();
            if wildcard {
                imported.push(("*", None));
            }
            for (name, alias) in imported {
                match &module {
                    Some(m) => {
                        let full = format!("{m}.{name}");
                        let key = alias.unwrap_or(name);
                        self.imports.aliases.insert(key.to_string(), full.clone());
                        self.imports.modules.insert(full.clone());
                        names.push((full, name.to_string()));
                    }
                    None => {
                        if let Some(a) = alias {
                            self.imports.aliases.insert(a.to_string(), name.to_string());
                        }
                        self.imports.modules.insert(name.to_string());
                        names.push((name.to_string(), name.to_string()));
                    }
                }
            }
        }
        let enabled = &self.engine.enabled;
        let scope = (line(n), end_line(n));
        if let Some((c, name)) = registry::blacklist_import(&names, &enabled.import_blacklist) {
            self.set_scope(c, n, scope);
            registry::report_blacklist(c, &name, &mut self.hits);
        }
        for i in 0..enabled.import.len() {
            let c = enabled.import[i];
            self.set_scope(c, n, scope);
            if let Run::Node(f) = CHECKS[c].run {
                let cx = cx!(self, k, src);
                f(&cx, n, &mut self.hits);
            }
        }
    }

    /// A `string` node that is not an f-string, read from its text alone (no
    /// child nodes): its prefix, whether that prefix wrongly combines `u` with
    /// another letter, and the text between its quotes. None for f-strings,
    /// unknown prefixes and when the walk must go into the string's children.
    fn simple_string(&self, n: Node<'_>, depth: usize) -> Option<(Prefix, bool, &'a str)> {
        if self.has_error || depth + 1 > MAX_TREE_DEPTH {
            return None;
        }
        let t = &self.src[n.start_byte()..n.end_byte()];
        let mut pre = Prefix::default();
        let mut u = false;
        let mut len = 0;
        for &c in t {
            match c {
                b'r' | b'R' => pre.raw = true,
                b'b' | b'B' => pre.bytes = true,
                b'u' | b'U' => u = true,
                b'\'' | b'"' => break,
                _ => return None,
            }
            len += 1;
        }
        let q = *t.get(len)?;
        let rest = &t[len..];
        let quotes = if rest.len() >= 6 && rest[1] == q && rest[2] == q {
            3
        } else {
            1
        };
        if rest.len() < 2 * quotes || rest[rest.len() - quotes..].iter().any(|&c| c != q) {
            return None;
        }
        let content = std::str::from_utf8(&rest[quotes..rest.len() - quotes]).ok()?;
        Some((pre, u && len > 1, content))
    }

    /// `kind`: (f-string, bytes) when the caller already read the prefix;
    /// `simple`: the prefix and quoted text of a `string` node [`Self::simple_string`] read.
    fn string<'t>(
        &mut self,
        n: Node<'t>,
        stack: &[Node<'t>],
        kind: Option<(bool, bool)>,
        simple: Option<(Prefix, &str)>,
    ) {
        let k = self.k;
        if self.engine.enabled.str_.is_empty() {
            return;
        }
        let (f, b) = kind.unwrap_or_else(|| kind_of(k, self.src, n));
        if b && !f {
            return;
        }
        if f {
            let parts = fstring_parts(k, self.src, n);
            if parts.is_empty() {
                return;
            }
            let joined: String = parts.concat();
            let scope = (line(n), end_line(n));
            for (i, part) in parts.iter().enumerate() {
                let s = Str {
                    node: n,
                    value: part,
                    parent: StrParent::JoinedStr { first: i == 0 },
                    parent_node: Some(n),
                    joined: &joined,
                    ancestors: stack,
                };
                self.run_str(&s, scope);
            }
            return;
        }
        let (parent, parent_node) = classify(k, n, stack);
        // Docstrings and other expression statements are never checked: skip decoding them.
        if parent == StrParent::Expr {
            return;
        }
        let mut buf = std::mem::take(&mut self.buf);
        let lit = match simple {
            Some((pre, content)) => {
                buf.clear();
                literal::decode_into(content, pre, &mut buf);
                StrLit {
                    bytes: pre.bytes,
                    fstring: false,
                    value: buf,
                }
            }
            None => constant_value(k, self.src, n, &mut buf),
        };
        let scope = parent_node.map_or((line(n), end_line(n)), |p| scope_lines(k, p, stack));
        let s = Str {
            node: n,
            value: &lit.value,
            parent,
            parent_node,
            joined: "",
            ancestors: stack,
        };
        self.run_str(&s, scope);
        self.buf = lit.value;
    }

    fn run_str(&mut self, s: &Str<'_, '_>, scope: (u32, u32)) {
        let cx = cx!(self, self.k, self.src);
        let start = s.node.start_position();
        for &c in &self.engine.enabled.str_ {
            self.hits.check = c;
            self.hits.line = start.row as u32 + 1;
            self.hits.span = (s.node.start_byte(), s.node.end_byte());
            self.hits.scope = scope;
            if let Run::Str(f) = CHECKS[c].run {
                f(&cx, s, &mut self.hits);
            }
        }
    }

    fn file_checks(&mut self) {
        for i in 0..self.engine.enabled.file.len() {
            let c = self.engine.enabled.file[i];
            self.hits.check = c;
            self.hits.line = 0;
            self.hits.span = (0, 0);
            self.hits.scope = (0, 1);
            if let Run::File(f) = CHECKS[c].run {
                let cx = cx!(self, self.k, self.src);
                f(&cx, &mut self.hits);
            }
        }
    }
}

/// Whether an expression's text shows that nothing below it concerns the walk:
/// ASCII names, operators, spaces and brackets only, so no call, literal,
/// number, comment, line continuation or `<>`; and its brackets, opened on top
/// of `brackets` already open, stay within Python's nesting limit.
fn plain(t: &[u8], brackets: u32) -> bool {
    let mut in_word = false;
    // Whether an opening parenthesis here would make a call (or could: `not (`).
    let mut callee = false;
    let mut depth = brackets;
    for &c in t {
        match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                in_word = true;
                callee = true;
            }
            // A digit starting a token is a number.
            b'0'..=b'9' if in_word => {}
            b' ' | b'\t' | b'\n' | b'\r' => in_word = false,
            b'(' | b'[' | b'{' => {
                if c == b'(' && callee {
                    return false;
                }
                depth += 1;
                if depth > MAX_BRACKET_DEPTH {
                    return false;
                }
                in_word = false;
                callee = false;
            }
            b')' | b']' | b'}' => {
                depth = depth.saturating_sub(1);
                in_word = false;
                callee = true;
            }
            b'.' | b'=' | b'!' | b'>' | b'+' | b'-' | b'*' | b'/' | b'%' | b'&' | b'|' | b'^'
            | b'~' | b'@' | b',' | b':' => {
                in_word = false;
                callee = false;
            }
            _ => return false,
        }
    }
    // Words with syntax of their own to check below: Python 2 tuple
    // parameters in a lambda, `async` / `await` misused as names.
    memchr::memmem::find(t, b"lambda").is_none()
        && memchr::memmem::find(t, b"async").is_none()
        && memchr::memmem::find(t, b"await").is_none()
}

/// Whether a block starts on a line after its header's colon (so opens an
/// indentation level) rather than on the colon's line.
fn indented(block: Node<'_>) -> bool {
    block
        .prev_sibling()
        .is_some_and(|colon| colon.end_position().row < block.start_position().row)
}

/// The node whose end is `n`'s end in Python's AST: the last token that is
/// not a comment (tree-sitter lets a block run on over trailing comments).
fn ast_end<'t>(k: &Kinds, n: Node<'t>) -> Node<'t> {
    let mut n = n;
    loop {
        let mut cursor = n.walk();
        let mut last = None;
        if cursor.goto_first_child() {
            loop {
                let c = cursor.node();
                if c.kind_id() != k.comment {
                    last = Some(c);
                }
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        match last {
            Some(c) => n = c,
            None => return n,
        }
    }
}

/// `a.b as c` → ("a.b", Some("c")); `a.b` → ("a.b", None).
fn split_alias<'s>(k: &Kinds, src: &'s [u8], n: Node<'_>) -> (&'s str, Option<&'s str>) {
    if n.kind_id() == k.aliased_import {
        let name = n
            .child_by_field_id(crate::python::tree::fields().name)
            .map_or("", |x| text(src, x));
        let alias = n
            .child_by_field_id(crate::python::tree::fields().alias)
            .map(|x| text(src, x));
        (name, alias)
    } else {
        (text(src, n), None)
    }
}

/// Index in `stack` of the AST parent of the node just above `stack` (parentheses
/// skipped, an argument list standing for its call).
pub fn ast_parent_index(k: &Kinds, stack: &[Node<'_>]) -> Option<usize> {
    let mut i = stack.len();
    while i > 0 {
        i -= 1;
        let p = stack[i];
        let pk = p.kind_id();
        if pk == k.parenthesized_expression {
            continue;
        }
        if pk == k.argument_list && i > 0 && stack[i - 1].kind_id() == k.call {
            return Some(i - 1);
        }
        return Some(i);
    }
    None
}

/// The AST parent of a string constant, as bandit's Str checks classify it.
fn classify<'t>(k: &Kinds, n: Node<'t>, stack: &[Node<'t>]) -> (StrParent, Option<Node<'t>>) {
    let Some(i) = ast_parent_index(k, stack) else {
        return (StrParent::Other, None);
    };
    let fx = fields();
    let p = stack[i];
    let pk = p.kind_id();
    // The node as its parent holds it (possibly wrapped in parentheses).
    let child = stack.get(i + 1).copied().unwrap_or(n);
    let parent = if pk == k.expression_statement {
        if children(k, p).count() == 1 {
            StrParent::Expr
        } else {
            StrParent::Other
        }
    } else if pk == k.assignment {
        let is_right = p.child_by_field_id(fx.right).map(|r| r.id()) == Some(child.id());
        if p.child_by_field_id(fx.type_).is_none() && is_right {
            StrParent::Assign
        } else {
            StrParent::Other
        }
    } else if pk == k.pair {
        StrParent::Dict {
            key: p.child_by_field_id(fx.key).map(|r| r.id()) == Some(child.id()),
        }
    } else if pk == k.subscript {
        StrParent::Subscript
    } else if pk == k.comparison_operator {
        StrParent::Compare
    } else if pk == k.binary_operator {
        StrParent::BinOp
    } else if pk == k.attribute {
        StrParent::Attribute
    } else {
        StrParent::Other
    };
    (parent, Some(p))
}

/// The lines that bound `# nosec` for a string with this AST parent (bandit's
/// `line_range` of the parent).
fn scope_lines<'t>(k: &Kinds, p: Node<'t>, stack: &[Node<'t>]) -> (u32, u32) {
    let pk = p.kind_id();
    if pk == k.pair {
        if let Some(d) = stack.iter().rev().find(|s| s.kind_id() == k.dictionary) {
            return (line(*d), end_line(*d));
        }
    }
    // A parameter's default: Python's AST parent is the whole parameter list
    // (`arguments`, which has no position of its own: bandit spans the lines
    // of everything in it).
    if pk == k.default_parameter || pk == k.typed_default_parameter {
        if let Some(ps) = stack
            .iter()
            .rev()
            .find(|s| s.kind_id() == k.parameters || s.kind_id() == k.lambda_parameters)
        {
            let mut named = children(k, *ps).filter(|c| c.kind_id() != k.comment);
            if let Some(first) = named.next() {
                let last = named.last().unwrap_or(first);
                return (line(first), end_line(last));
            }
        }
    }
    (line(p), end_line(p))
}
