//! Artifact URIs as tools write them → report paths (root-relative POSIX).
//!
//! ruff writes absolute `file:///` URIs of the machine it ran on, bandit the
//! relative paths it was given, others `%SRCROOT%`-based URIs with
//! `originalUriBaseIds`. An absolute path under the root is made relative; an
//! absolute path from another machine (a CI runner's checkout) is re-rooted
//! on the longest suffix that names a file under the root; anything else
//! stays absolute (and is written back as a `file://` URI).
//!
//! A report path is relative unless [`is_absolute`] says otherwise, and it is
//! the file's name byte for byte: `a:b.txt` and `a\b.txt` (a backslash in a
//! POSIX name) are relative names, written as `a%3Ab.txt` and `a%5Cb.txt` and
//! read back as the same names. Resolving never reads a file; which files may
//! be read is [`super::source::SourceRoot`]'s decision.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};

/// The base id gate writes and reads as "the repository root".
pub const SRCROOT: &str = "%SRCROOT%";
/// How deep `originalUriBaseIds` may refer to each other before we call it a cycle.
const MAX_BASE_DEPTH: usize = 8;

/// A report path, or why a URI has none.
type Resolved = Result<String, String>;

/// Resolves one run's URIs against the root.
#[derive(Debug)]
pub struct Resolver<'a> {
    root: &'a Path,
    /// `originalUriBaseIds`: id → (uri, its own base id).
    bases: HashMap<String, (String, Option<String>)>,
    /// Absolute prefixes found to correspond to the root (re-rooting cache).
    prefixes: Vec<String>,
    /// Every URI resolved so far (by base id): a run names each file many
    /// times, and re-rooting asks the file system.
    memo: HashMap<String, Vec<(Option<String>, Resolved)>>,
}

/// Whether a report path is absolute (outside the root). On Windows a
/// drive path (`C:/x`) is too; elsewhere `C:/x` is a relative name and an
/// absolute Windows path is kept as `/C:/x` (see [`Resolver`]).
pub fn is_absolute(path: &str) -> bool {
    path.starts_with('/') || (cfg!(windows) && has_drive(path))
}

/// `C:/…` or `C:\…`: a Windows drive path, as a URI or a report path.
fn has_drive(path: &str) -> bool {
    let b = path.as_bytes();
    b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'/' | b'\\')
}

/// Decode `%XX` escapes (invalid escapes are kept as written).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3])
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok());
            if let Some(v) = hex {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encode a path for a relative URI reference: unreserved
/// characters and `/` stay, everything else is `%XX` (a `:` too, so that no
/// first segment reads as a scheme, RFC 3986 §4.2; a `\` too, so that it is
/// never taken for a Windows separator).
pub fn percent_encode(path: &str) -> String {
    encode(path, b"-._~/")
}

fn encode(path: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(path.len());
    for &b in path.as_bytes() {
        if b.is_ascii_alphanumeric() || keep.contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The URI gate writes for a report path: relative (with `%SRCROOT%`) or `file://`.
pub fn to_uri(path: &str) -> (String, Option<&'static str>) {
    if is_absolute(path) {
        let p = if path.starts_with('/') {
            path.to_string()
        } else {
            format!("/{path}")
        };
        // A `:` is a path character after `file://` (`file:///C:/x`).
        (format!("file://{}", encode(&p, b"-._~/:")), None)
    } else {
        (percent_encode(path), Some(SRCROOT))
    }
}

/// `.` and `..` folded, separators made `/`. `None` when `..` climbs above the start.
fn fold(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// A path as a POSIX string: only on Windows is `\\` a separator.
fn posix(p: &Path) -> String {
    let s = p.to_string_lossy();
    if cfg!(windows) {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    }
}

fn fold_abs(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

impl<'a> Resolver<'a> {
    /// A resolver for one run, given its `originalUriBaseIds`.
    pub fn new(root: &'a Path, bases: HashMap<String, (String, Option<String>)>) -> Self {
        Resolver {
            root,
            bases,
            prefixes: Vec::new(),
            memo: HashMap::new(),
        }
    }

    /// The report path for an artifact location's `uri` and `uriBaseId`.
    pub fn resolve(&mut self, uri: &str, base_id: Option<&str>) -> Result<String, String> {
        let known = self.memo.get(uri).and_then(|v| {
            v.iter()
                .find(|(b, _)| b.as_deref() == base_id)
                .map(|(_, r)| r.clone())
        });
        if let Some(r) = known {
            return r;
        }
        let r = self.resolve_uncached(uri, base_id);
        self.memo
            .entry(uri.to_string())
            .or_default()
            .push((base_id.map(str::to_string), r.clone()));
        r
    }

    fn resolve_uncached(&mut self, uri: &str, base_id: Option<&str>) -> Result<String, String> {
        // A raw `\` is a Windows tool's separator; a `\` in a name arrives as `%5C`.
        let uri = uri.replace('\\', "/");
        if let Some(path) = file_uri_path(&uri)? {
            return Ok(self.absolute_path(&path));
        }
        if has_drive(&uri) {
            // `C:/x` as a Windows tool writes it (decoded, `C%3A/x` is gate's
            // spelling of a relative name).
            return Ok(self.absolute_path(&uri));
        }
        let rel = percent_decode(&uri);
        if rel.starts_with('/') {
            return Ok(self.absolute_path(&rel));
        }
        let base = match base_id {
            Some(id) => self.base_path(id, 0)?,
            None => None,
        };
        match base {
            Some(Base::Absolute(dir)) => Ok(self.absolute_path(&format!("{dir}/{rel}"))),
            Some(Base::Relative(dir)) => self.relative_path(&format!("{dir}/{rel}")),
            None => self.relative_path(&rel),
        }
    }

    fn base_path(&self, id: &str, depth: usize) -> Result<Option<Base>, String> {
        if depth > MAX_BASE_DEPTH {
            return Err(format!(
                "originalUriBaseIds `{id}` refer to each other in a cycle"
            ));
        }
        let Some((uri, parent)) = self.bases.get(id) else {
            // `%SRCROOT%` (or any id the run does not define) means "the root".
            return Ok(None);
        };
        let uri = uri.replace('\\', "/");
        let uri = uri.trim_end_matches('/');
        if let Some(path) = file_uri_path(uri)? {
            return Ok(Some(Base::Absolute(path)));
        }
        if has_drive(uri) {
            return Ok(Some(Base::Absolute(uri.to_string())));
        }
        let rel = percent_decode(uri);
        if rel.starts_with('/') {
            return Ok(Some(Base::Absolute(rel)));
        }
        Ok(Some(match parent {
            Some(p) => match self.base_path(p, depth + 1)? {
                Some(Base::Absolute(dir)) => Base::Absolute(format!("{dir}/{rel}")),
                Some(Base::Relative(dir)) => Base::Relative(format!("{dir}/{rel}")),
                None => Base::Relative(rel),
            },
            None => Base::Relative(rel),
        }))
    }

    fn relative_path(&mut self, rel: &str) -> Result<String, String> {
        match fold(rel) {
            Some(p) if !p.is_empty() => Ok(p),
            Some(_) => Err(format!("`{rel}` names the root, not a file")),
            None => Ok(self.absolute_path(&posix(&self.root.join(rel)))),
        }
    }

    /// An absolute path: under the root → relative; from another checkout →
    /// re-rooted on the longest suffix that exists under the root; else kept.
    fn absolute_path(&mut self, abs: &str) -> String {
        let abs = posix(&fold_abs(Path::new(abs)));
        // A Windows path read elsewhere names nothing here: it stays absolute as `/C:/x`.
        let abs = if is_absolute(&abs) {
            abs
        } else {
            format!("/{abs}")
        };
        let root = posix(self.root);
        let root = root.trim_end_matches('/');
        if let Some(rest) = abs.strip_prefix(root).and_then(|r| r.strip_prefix('/')) {
            return rest.to_string();
        }
        for prefix in &self.prefixes {
            if let Some(rest) = abs.strip_prefix(prefix.as_str()) {
                if self.root.join(rest).exists() {
                    return rest.to_string();
                }
            }
        }
        let parts: Vec<&str> = abs.split('/').filter(|p| !p.is_empty()).collect();
        for i in 1..parts.len() {
            let candidate = parts[i..].join("/");
            if self.root.join(&candidate).is_file() {
                let prefix = format!("/{}/", parts[..i].join("/"));
                self.prefixes.push(prefix);
                return candidate;
            }
        }
        abs
    }
}

enum Base {
    Absolute(String),
    Relative(String),
}

/// The path of a `file:` URI, `None` for a relative reference, an error for other schemes.
fn file_uri_path(uri: &str) -> Result<Option<String>, String> {
    let Some(colon) = uri.find(':') else {
        return Ok(None);
    };
    let scheme = &uri[..colon];
    let is_scheme = colon > 1
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    if !is_scheme {
        // `C:/x` (a Windows drive) or `a/b:c` (a colon in a path) is not a scheme.
        return Ok(None);
    }
    if !scheme.eq_ignore_ascii_case("file") {
        return Err(format!(
            "URI `{uri}` has scheme `{scheme}`; only file paths can be gated"
        ));
    }
    let rest = &uri[colon + 1..];
    let path = match rest.strip_prefix("//") {
        Some(after) => match after.find('/') {
            Some(slash) => &after[slash..],
            None => return Err(format!("URI `{uri}` names a host but no path")),
        },
        None => rest,
    };
    let mut path = percent_decode(path);
    // `file:///C:/x` → `C:/x` where that is a path.
    if cfg!(windows) && path.starts_with('/') && has_drive(&path[1..]) {
        path.remove(0);
    }
    Ok(Some(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("src/pkg")).unwrap();
        std::fs::write(dir.path().join("src/app.py"), "x").unwrap();
        std::fs::write(dir.path().join("src/pkg/util.py"), "x").unwrap();
        dir
    }

    #[test]
    fn relative_uris_are_folded() {
        let t = tree();
        let mut r = Resolver::new(t.path(), HashMap::new());
        assert_eq!(r.resolve("src/app.py", None).unwrap(), "src/app.py");
        assert_eq!(
            r.resolve("./src/./pkg/../app.py", None).unwrap(),
            "src/app.py"
        );
        assert_eq!(
            r.resolve("src\\pkg\\util.py", None).unwrap(),
            "src/pkg/util.py"
        );
        assert_eq!(
            r.resolve("src/my%20file.py", None).unwrap(),
            "src/my file.py"
        );
    }

    #[test]
    fn file_uris_under_the_root_become_relative() {
        let t = tree();
        let mut r = Resolver::new(t.path(), HashMap::new());
        let uri = format!("file://{}/src/app.py", t.path().display());
        assert_eq!(r.resolve(&uri, None).unwrap(), "src/app.py");
    }

    #[test]
    fn another_machines_checkout_is_rerooted_on_the_longest_existing_suffix() {
        let t = tree();
        let mut r = Resolver::new(t.path(), HashMap::new());
        let uri = "file:///home/runner/work/app/app/src/pkg/util.py";
        assert_eq!(r.resolve(uri, None).unwrap(), "src/pkg/util.py");
        assert_eq!(
            r.resolve("file:///home/runner/work/app/app/src/app.py", None)
                .unwrap(),
            "src/app.py"
        );
        assert_eq!(
            r.resolve("file:///elsewhere/lib.py", None).unwrap(),
            "/elsewhere/lib.py",
            "a file that is not under the root stays absolute"
        );
    }

    #[test]
    fn uri_base_ids_resolve_through_original_uri_base_ids() {
        let t = tree();
        let mut bases = HashMap::new();
        bases.insert(
            "SRC".to_string(),
            ("src/".to_string(), Some("REPO".to_string())),
        );
        bases.insert(
            "REPO".to_string(),
            (format!("file://{}/", t.path().display()), None),
        );
        let mut r = Resolver::new(t.path(), bases);
        assert_eq!(r.resolve("app.py", Some("SRC")).unwrap(), "src/app.py");
        assert_eq!(
            r.resolve("src/app.py", Some(SRCROOT)).unwrap(),
            "src/app.py"
        );
    }

    #[test]
    fn other_schemes_are_errors_and_outside_paths_round_trip() {
        let t = tree();
        let mut r = Resolver::new(t.path(), HashMap::new());
        assert!(r.resolve("https://example.com/a.py", None).is_err());
        assert_eq!(
            to_uri("/opt/x y.py"),
            ("file:///opt/x%20y.py".to_string(), None)
        );
        assert_eq!(to_uri("src/a.py"), ("src/a.py".to_string(), Some(SRCROOT)));
        let outside = r.resolve("../outside.py", None).unwrap();
        assert!(is_absolute(&outside), "{outside}");
    }

    #[test]
    fn issue11_p13_colons_and_backslashes_in_names_stay_in_the_name() {
        let t = tree();
        let mut r = Resolver::new(t.path(), HashMap::new());
        assert!(!is_absolute("a:b.txt"));
        assert_eq!(to_uri("a:b.txt"), ("a%3Ab.txt".to_string(), Some(SRCROOT)));
        assert_eq!(r.resolve("a%3Ab.txt", Some(SRCROOT)).unwrap(), "a:b.txt");
        assert_eq!(
            r.resolve("a:b.txt", None).unwrap(),
            "a:b.txt",
            "bandit writes names raw"
        );
        assert_eq!(to_uri("x\\y.py").0, "x%5Cy.py");
        assert_eq!(r.resolve("x%5Cy.py", None).unwrap(), "x\\y.py");
        assert_eq!(to_uri("C:/x.py").0, "C%3A/x.py", "a directory named `C:`");
        assert_eq!(r.resolve("C%3A/x.py", None).unwrap(), "C:/x.py");
    }

    #[cfg(unix)]
    #[test]
    fn issue11_p13_windows_paths_stay_absolute_elsewhere() {
        let t = tree();
        let mut r = Resolver::new(t.path(), HashMap::new());
        assert_eq!(
            r.resolve("C:/Windows/win.ini", None).unwrap(),
            "/C:/Windows/win.ini"
        );
        assert_eq!(
            r.resolve("C:\\Windows\\win.ini", None).unwrap(),
            "/C:/Windows/win.ini"
        );
        assert_eq!(
            r.resolve("file:///C:/Windows/win.ini", None).unwrap(),
            "/C:/Windows/win.ini"
        );
        assert_eq!(
            to_uri("/C:/Windows/win.ini").0,
            "file:///C:/Windows/win.ini"
        );
        // A Windows checkout's file is still found under the root.
        assert_eq!(
            r.resolve("file:///D:/a/app/src/app.py", None).unwrap(),
            "src/app.py"
        );
    }
}
