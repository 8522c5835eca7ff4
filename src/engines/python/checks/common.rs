//! Pieces several checks share, each as bandit defines it.

use std::sync::OnceLock;

use regex::Regex;
use tree_sitter::Node;

use super::prelude::*;

/// B110/B112: an `except` clause whose whole body is one statement of kind
/// `only`, when it catches everything (bare `except:` or `except Exception:`),
/// or catches anything at all when `typed` (bandit's `check_typed_exception`).
pub fn except_body_is_only(cx: &Cx<'_>, n: Node<'_>, only: u16, typed: bool) -> bool {
    let k = cx.k;
    if !typed {
        if let Some(t) = crate::python::tree::except_type(k, n) {
            if !(t.kind_id() == k.identifier && cx.text(t) == "Exception") {
                return false;
            }
        }
    }
    let Some(body) = children(k, n).find(|c| c.kind_id() == k.block) else {
        return false;
    };
    let mut stmts = children(k, body);
    matches!((stmts.next(), stmts.next()), (Some(s), None) if s.kind_id() == only)
}

/// B107/B503: whether a function's parameters may have a default value (an
/// `=` anywhere in them); most have none, and then there is nothing to look at.
pub fn has_default(cx: &Cx<'_>, def: Node<'_>) -> bool {
    def.child_by_field_id(crate::python::tree::fields().parameters)
        .is_some_and(|ps| cx.text(ps).contains('='))
}

/// B105-B107: names that look like they hold a password.
pub fn password_name(name: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let w = "(pas+wo?r?d|pass(phrase)?|pwd|token|secrete?)";
        Regex::new(&format!("(?i)(^{w}$|_{w}_|^{w}_|_{w}$)")).expect("valid regex")
    })
    .is_match(name)
}

/// B602-B604: bandit's `has_shell`: the truthiness of the `shell=` keyword,
/// where anything that is not a literal counts as true.
pub fn has_shell(cx: &Cx<'_>, call: &Call<'_, '_>) -> bool {
    let mut result = false;
    for (name, v) in call.kws {
        if *name == Some("shell") {
            result = shell_value(cx, *v);
        }
    }
    result
}

fn shell_value(cx: &Cx<'_>, v: Node<'_>) -> bool {
    let k = cx.k;
    let v = unparen(k, v);
    let kind = v.kind_id();
    if kind == k.integer || kind == k.float {
        return Lit::truthy(&literal(k, cx.src, v));
    }
    if kind == k.true_ || kind == k.ellipsis {
        return true;
    }
    if kind == k.false_ || kind == k.none {
        return false;
    }
    if kind == k.list || kind == k.dictionary {
        return children(k, v).next().is_some();
    }
    if is_string(k, v) {
        let (f, _) = kind_of(k, cx.src, v);
        if f {
            return true;
        }
        let mut buf = String::new();
        return !constant_value(k, cx.src, v, &mut buf).value.is_empty();
    }
    true
}

/// B602/B605: LOW when the command is a plain string literal, HIGH otherwise.
pub fn command_is_literal(cx: &Cx<'_>, call: &Call<'_, '_>) -> bool {
    call.args
        .first()
        .is_some_and(|a| is_str_constant(cx.k, cx.src, *a))
}

/// HTTP verbs of `requests` (B113, B501).
pub const HTTP_VERBS: [&str; 7] = ["get", "options", "head", "post", "put", "patch", "delete"];
/// Extra `httpx` entry points (B113, B501).
pub const HTTPX_EXTRA: [&str; 4] = ["request", "stream", "Client", "AsyncClient"];

/// `requests.<verb>` or `httpx.<verb|request|stream|Client|AsyncClient>`; returns the module.
pub fn http_client_call<'c>(call: &Call<'c, '_>) -> Option<&'c str> {
    let verb = HTTP_VERBS.contains(&call.name);
    if !verb && !HTTPX_EXTRA.contains(&call.name) {
        return None;
    }
    let module = call.qual.split('.').next().unwrap_or("");
    if module == "requests" && verb {
        return Some(module);
    }
    if module == "httpx" && (verb || HTTPX_EXTRA.contains(&call.name)) {
        return Some(module);
    }
    None
}

/// Whether a qualified name has `part` as one of its dotted components.
pub fn has_part(qual: &str, part: &str) -> bool {
    qual.split('.').any(|p| p == part)
}

/// Python's `fnmatch.fnmatch` on POSIX: `*` matches any run (slashes included), `?` one character.
pub fn fnmatch(name: &str, pattern: &str) -> bool {
    let n: Vec<char> = name.chars().collect();
    let p: Vec<char> = pattern.chars().collect();
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while i < n.len() {
        if j < p.len() && (p[j] == '?' || p[j] == n[i]) {
            i += 1;
            j += 1;
        } else if j < p.len() && p[j] == '*' {
            star = Some((j, i));
            j += 1;
        } else if let Some((sj, si)) = star {
            j = sj + 1;
            i = si + 1;
            star = Some((sj, si + 1));
        } else {
            return false;
        }
    }
    while j < p.len() && p[j] == '*' {
        j += 1;
    }
    j == p.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_names_follow_bandit() {
        for yes in [
            "password",
            "PASSWORD",
            "db_password",
            "pwd",
            "token_",
            "my_secret",
            "passphrase",
            "passwd",
            "user_pass_x",
        ] {
            assert!(password_name(yes), "{yes}");
        }
        for no in ["passwords", "tokenizer", "mypassword", "passport"] {
            assert!(!password_name(no), "{no}");
        }
    }

    #[test]
    fn fnmatch_like_python() {
        assert!(fnmatch("tests/test_a.py", "*/test_*.py"));
        assert!(fnmatch("a/b/c_test.py", "*_test.py"));
        assert!(!fnmatch("src/a.py", "*/test_*.py"));
        assert!(fnmatch("x.py", "?.py"));
    }
}
