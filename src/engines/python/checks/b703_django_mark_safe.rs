//! B703 `django_mark_safe`.

use tree_sitter::Node;

use super::prelude::*;
use crate::python::tree::Kinds;

doc!("Django mark_safe on data that may not be safe.

## What it does
In a file that imports `django.utils.safestring`, flags `mark_safe`,
`SafeText`, `SafeUnicode`, `SafeString` and `SafeBytes` calls whose argument
is not provably built from string literals: a function parameter, a variable
assigned something else before the call, a `.format()` or `%` with such
values, or any other expression.

## Why is this bad?
`mark_safe` switches off Django's autoescaping: user data in the value becomes
live HTML and script (XSS).

## Example
```python
from django.utils.safestring import mark_safe
def greet(name):
    return mark_safe(\"<b>%s</b>\" % name)
```

## Use instead
```python
from django.utils.html import format_html
def greet(name):
    return format_html(\"<b>{}</b>\", name)
```

## References
- CWE-80: Improper Neutralization of Script-Related HTML Tags in a Web Page (Basic XSS) (https://cwe.mitre.org/data/definitions/80.html)
- bandit B703 (django_mark_safe)");

const AFFECTED: [&str; 5] = [
    "mark_safe",
    "SafeText",
    "SafeUnicode",
    "SafeString",
    "SafeBytes",
];

/// What an assignment search found for a variable (bandit's `is_assigned` result).
enum Found<'t> {
    None,
    Value(Node<'t>),
    /// A `with ... as var`: not a value bandit can judge.
    With,
    Many(Vec<Found<'t>>),
}

impl Found<'_> {
    fn truthy(&self) -> bool {
        match self {
            Found::None => false,
            Found::Many(v) => !v.is_empty(),
            _ => true,
        }
    }
}

struct Scope<'c, 'a, 't> {
    cx: &'c Cx<'a>,
    /// The enclosing `def` (None: the module).
    def: Option<Node<'t>>,
    body: Vec<Node<'t>>,
}

fn k<'a>(cx: &Cx<'a>) -> &'static Kinds {
    cx.k
}

/// Statements of a block or module.
fn stmts<'t>(k: &Kinds, n: Node<'t>) -> Vec<Node<'t>> {
    children(k, n).collect()
}

fn param_names(cx: &Cx<'_>, def: Node<'_>) -> Vec<String> {
    let k = k(cx);
    let mut out = Vec::new();
    let Some(ps) = def.child_by_field_id(crate::python::tree::fields().parameters) else {
        return out;
    };
    for p in children(k, ps) {
        let pk = p.kind_id();
        if pk == k.list_splat_pattern
            || pk == k.keyword_separator
            || pk == k.dictionary_splat_pattern
        {
            break;
        }
        if pk == k.identifier {
            out.push(cx.text(p).to_string());
        } else if let Some(n) = p.child_by_field_id(crate::python::tree::fields().name) {
            out.push(cx.text(n).to_string());
        } else if let Some(n) = children(k, p).find(|c| c.kind_id() == k.identifier) {
            out.push(cx.text(n).to_string());
        }
    }
    out
}

impl<'c, 'a, 't> Scope<'c, 'a, 't> {
    /// The enclosing non-async `def` or the module, as bandit climbs to it.
    fn of(cx: &'c Cx<'a>, call: Node<'t>) -> Option<Self> {
        let k = k(cx);
        let mut cur = call.parent();
        while let Some(p) = cur {
            if p.kind_id() == k.module {
                return Some(Scope {
                    cx,
                    def: None,
                    body: stmts(k, p),
                });
            }
            if p.kind_id() == k.function_definition
                && p.child(0).is_some_and(|c| c.kind() != "async")
            {
                let body = p
                    .child_by_field_id(crate::python::tree::fields().body)
                    .map(|b| stmts(k, b))
                    .unwrap_or_default();
                return Some(Scope {
                    cx,
                    def: Some(p),
                    body,
                });
            }
            cur = p.parent();
        }
        None
    }

    fn is_param(&self, name: &str) -> bool {
        self.def
            .is_some_and(|d| param_names(self.cx, d).iter().any(|p| p == name))
    }

    /// bandit's `is_assigned` for one statement.
    fn assigned(&self, var: &str, n: Node<'t>) -> Found<'t> {
        let cx = self.cx;
        let k = k(cx);
        let kind = n.kind_id();
        let many = |nodes: Vec<Node<'t>>| -> Found<'t> {
            let mut out = Vec::new();
            for s in nodes {
                match self.assigned(var, s) {
                    Found::Many(v) => out.extend(v),
                    f if f.truthy() => out.push(f),
                    _ => {}
                }
            }
            Found::Many(out)
        };
        let block_of = |n: Node<'t>| -> Vec<Node<'t>> {
            children(k, n)
                .filter(|c| c.kind_id() == k.block)
                .flat_map(|b| stmts(k, b))
                .collect()
        };
        if kind == k.decorated_definition {
            return match n.child_by_field_id(crate::python::tree::fields().definition) {
                Some(d) => self.assigned(var, d),
                None => Found::None,
            };
        }
        if kind == k.function_definition {
            return many(
                n.child_by_field_id(crate::python::tree::fields().body)
                    .map(|b| stmts(k, b))
                    .unwrap_or_default(),
            );
        }
        if kind == k.with_statement {
            let items: Vec<Node<'t>> = children(k, n)
                .filter(|c| c.kind_id() == k.with_clause)
                .flat_map(|c| {
                    children(k, c)
                        .filter(|i| i.kind_id() == k.with_item)
                        .collect::<Vec<_>>()
                })
                .collect();
            let mut found = Found::None;
            for item in items {
                let alias = item
                    .child_by_field_id(crate::python::tree::fields().value)
                    .filter(|v| v.kind_id() == k.as_pattern)
                    .and_then(|v| children(k, v).find(|c| c.kind_id() == k.as_pattern_target))
                    .and_then(|t| children(k, t).next())
                    .filter(|t| t.kind_id() == k.identifier);
                found = if alias.is_some_and(|a| cx.text(a) == var) {
                    Found::With
                } else {
                    many(block_of(n))
                };
            }
            return found;
        }
        if kind == k.try_statement {
            let mut nodes = block_of(n);
            for c in children(k, n) {
                if c.kind_id() == k.except_clause {
                    nodes.push(c);
                } else if c.kind_id() == k.else_clause || c.kind_id() == k.finally_clause {
                    nodes.extend(block_of(c));
                }
            }
            return many(nodes);
        }
        if kind == k.except_clause {
            return many(block_of(n));
        }
        if kind == k.if_statement
            || kind == k.for_statement
            || kind == k.while_statement
            || kind == k.elif_clause
        {
            let mut nodes = block_of(n);
            for c in children(k, n) {
                if c.kind_id() == k.else_clause {
                    nodes.extend(block_of(c));
                } else if c.kind_id() == k.elif_clause {
                    nodes.push(c);
                }
            }
            return many(nodes);
        }
        if kind == k.expression_statement {
            let mut it = children(k, n);
            let (Some(e), None) = (it.next(), it.next()) else {
                return Found::None;
            };
            if e.kind_id() == k.augmented_assignment {
                let target = e
                    .child_by_field_id(crate::python::tree::fields().left)
                    .map(|l| unparen(k, l));
                if target.is_some_and(|t| t.kind_id() == k.identifier && cx.text(t) == var) {
                    return e
                        .child_by_field_id(crate::python::tree::fields().right)
                        .map_or(Found::None, Found::Value);
                }
                return Found::None;
            }
            if e.kind_id() != k.assignment
                || e.child_by_field_id(crate::python::tree::fields().type_)
                    .is_some()
            {
                return Found::None;
            }
            let Some(target) = e.child_by_field_id(crate::python::tree::fields().left) else {
                return Found::None;
            };
            let mut value = e.child_by_field_id(crate::python::tree::fields().right);
            while let Some(v) = value.filter(|v| v.kind_id() == k.assignment) {
                value = v.child_by_field_id(crate::python::tree::fields().right);
            }
            let Some(value) = value else {
                return Found::None;
            };
            let target = unparen(k, target);
            if target.kind_id() == k.identifier {
                if cx.text(target) == var {
                    return Found::Value(value);
                }
            } else if (target.kind_id() == k.pattern_list || target.kind_id() == k.tuple_pattern)
                && (value.kind_id() == k.expression_list || value.kind_id() == k.tuple)
            {
                let values: Vec<Node<'t>> = children(k, value).collect();
                for (pos, name) in children(k, target).enumerate() {
                    if name.kind_id() == k.identifier && cx.text(name) == var {
                        return values.get(pos).map_or(Found::None, |v| Found::Value(*v));
                    }
                }
            }
        }
        Found::None
    }

    /// bandit's `evaluate_var`: whether every assignment before `until` is a safe string.
    fn var_secure(&self, var: &str, until: u32, depth: u32) -> bool {
        let cx = self.cx;
        let k = k(cx);
        if depth > 50 || self.is_param(var) {
            return false;
        }
        let mut secure = false;
        for s in &self.body {
            if line(*s) >= until {
                break;
            }
            let to = self.assigned(var, *s);
            if !to.truthy() {
                continue;
            }
            match to {
                Found::Value(v) => {
                    let v = unparen(k, v);
                    if is_str_constant(k, cx.src, v) {
                        secure = true;
                    } else if v.kind_id() == k.identifier {
                        secure = self.var_secure(cx.text(v), line(v), depth + 1);
                    } else if v.kind_id() == k.call {
                        secure = self.call_secure(v, depth + 1);
                    } else {
                        return false;
                    }
                }
                Found::Many(items) => {
                    let total = items.len();
                    let mut ok = 0;
                    for item in items {
                        match item {
                            Found::Value(v) => {
                                let v = unparen(k, v);
                                if is_str_constant(k, cx.src, v)
                                    || (v.kind_id() == k.identifier
                                        && self.var_secure(cx.text(v), line(*s), depth + 1))
                                {
                                    ok += 1;
                                } else {
                                    break;
                                }
                            }
                            _ => break,
                        }
                    }
                    if ok != total {
                        return false;
                    }
                    secure = true;
                }
                _ => return false,
            }
        }
        secure
    }

    /// bandit's `evaluate_call`: `\"...\".format(args)` where every argument is safe.
    fn call_secure(&self, call: Node<'t>, depth: u32) -> bool {
        let cx = self.cx;
        let k = k(cx);
        let Some(f) = call
            .child_by_field_id(crate::python::tree::fields().function)
            .map(|f| unparen(k, f))
        else {
            return false;
        };
        if f.kind_id() != k.attribute
            || f.child_by_field_id(crate::python::tree::fields().attribute)
                .map(|a| cx.text(a))
                != Some("format")
            || !f
                .child_by_field_id(crate::python::tree::fields().object)
                .is_some_and(|o| is_constant(k, cx.src, o))
        {
            return false;
        }
        let Some(al) = call.child_by_field_id(crate::python::tree::fields().arguments) else {
            return false;
        };
        let args: Vec<Node<'t>> = children(k, al).collect();
        if args
            .iter()
            .any(|a| a.kind_id() == k.keyword_argument || a.kind_id() == k.dictionary_splat)
        {
            return false;
        }
        self.args_secure(args, line(call), depth)
    }

    fn args_secure(&self, mut args: Vec<Node<'t>>, call_line: u32, depth: u32) -> bool {
        let cx = self.cx;
        let k = k(cx);
        let mut ok = 0;
        let mut i = 0;
        while i < args.len() {
            let a = unparen(k, args[i]);
            i += 1;
            if is_str_constant(k, cx.src, a) {
                ok += 1;
            } else if a.kind_id() == k.identifier {
                if self.var_secure(cx.text(a), call_line, depth + 1) {
                    ok += 1;
                } else {
                    break;
                }
            } else if a.kind_id() == k.call {
                if self.call_secure(a, depth + 1) {
                    ok += 1;
                } else {
                    break;
                }
            } else if a.kind_id() == k.list_splat {
                match a.named_child(0).map(|v| unparen(k, v)) {
                    Some(v) if v.kind_id() == k.list || v.kind_id() == k.tuple => {
                        args.extend(children(k, v));
                        ok += 1;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        ok == args.len()
    }
}

/// `mark_safe(x)` where `x` is not provably a literal.
pub fn check(cx: &Cx<'_>, call: &Call<'_, '_>, out: &mut Hits) {
    let k = cx.k;
    if !AFFECTED.contains(&call.name) || !cx.imports.like("django.utils.safestring") {
        return;
    }
    let Some(first) = call.args.first().map(|a| unparen(k, *a)) else {
        return;
    };
    if is_str_constant(k, cx.src, first) {
        return;
    }
    let secure = match Scope::of(cx, call.node) {
        None => false,
        Some(scope) => {
            if first.kind_id() == k.identifier {
                let name = cx.text(first);
                !scope.is_param(name) && scope.var_secure(name, line(call.node), 0)
            } else if first.kind_id() == k.call {
                scope.call_secure(first, 0)
            } else if first.kind_id() == k.binary_operator
                && first
                    .child_by_field_id(crate::python::tree::fields().operator)
                    .is_some_and(|o| o.kind() == "%")
                && first
                    .child_by_field_id(crate::python::tree::fields().left)
                    .is_some_and(|l| is_str_constant(k, cx.src, l))
            {
                let right = first
                    .child_by_field_id(crate::python::tree::fields().right)
                    .map(|r| unparen(k, r));
                let args = match right {
                    Some(r) if r.kind_id() == k.tuple => children(k, r).collect(),
                    Some(r) => vec![r],
                    None => Vec::new(),
                };
                scope.args_secure(args, line(first), 0)
            } else {
                false
            }
        }
    };
    if !secure {
        out.add(
            Severity::Medium,
            Confidence::High,
            "Potential XSS on mark_safe function.",
        );
    }
}
