//! Parsing git's NUL-separated listings (`git diff --raw -z`, `git ls-files
//! -z`). With `-z` git never quotes a name, so every path comes back as the
//! exact bytes stored in the repository: spaces, tabs, newlines, quotes,
//! backslashes, UTF-8 and bytes that are not UTF-8 alike.

use std::fmt;

/// What git says happened to a path (the status letter of `--raw`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `A`: the path is new.
    Added,
    /// `C<score>`: the path is a copy of another (similarity in percent).
    Copied(u8),
    /// `D`: the path is gone.
    Deleted,
    /// `M[<score>]`: content or mode changed (a score only for rewrites).
    Modified,
    /// `R<score>`: the path was renamed from another (similarity in percent).
    Renamed(u8),
    /// `T`: the kind of entry changed (symlink, file, submodule).
    TypeChanged,
    /// `U`: unmerged; the index holds conflict stages, not one version.
    Unmerged,
    /// `B`: a pair broken by `-B` (a rewrite); the new side is a whole new file.
    Broken,
}

/// The kind of tree entry a mode stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    /// No entry on this side (`000000`): added, deleted or unmerged.
    Absent,
    /// A regular file, executable or not: the only kind whose blob is content.
    File,
    /// A symbolic link: its blob is the target path.
    Symlink,
    /// A gitlink: a commit of another repository, nothing to read here.
    Submodule,
    /// A directory (only with `-t`) or a mode git should never print.
    Other,
}

impl EntryKind {
    /// The kind of an octal git mode (`100644`, `120000`, `160000`...).
    pub fn of_mode(mode: u32) -> EntryKind {
        match mode & 0o170000 {
            0 if mode == 0 => EntryKind::Absent,
            0o100000 => EntryKind::File,
            0o120000 => EntryKind::Symlink,
            0o160000 => EntryKind::Submodule,
            _ => EntryKind::Other,
        }
    }
}

/// One line of `git diff --raw -z`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawEntry {
    /// Mode before (`0` when absent).
    pub old_mode: u32,
    /// Mode after (`0` when absent).
    pub new_mode: u32,
    /// Object id before (all zeros when absent).
    pub old_oid: String,
    /// Object id after (all zeros when absent or not in the object store).
    pub new_oid: String,
    /// What happened to the path.
    pub status: Status,
    /// The path after the change (for renames and copies, the destination).
    pub path: Vec<u8>,
    /// For renames and copies: the path the content came from.
    pub source: Option<Vec<u8>>,
}

/// Why a listing could not be read: what was expected, and at which byte.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawError {
    pub offset: usize,
    pub detail: String,
}

impl fmt::Display for RawError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at byte {}: {}", self.offset, self.detail)
    }
}

/// A cursor over NUL-terminated fields.
struct Fields<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Fields<'a> {
    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    /// The next field, which must be terminated by a NUL.
    fn next(&mut self, what: &str) -> Result<&'a [u8], RawError> {
        let rest = &self.bytes[self.pos..];
        let Some(len) = memchr::memchr(0, rest) else {
            return Err(RawError {
                offset: self.pos,
                detail: format!("{what} is not NUL-terminated"),
            });
        };
        self.pos += len + 1;
        Ok(&rest[..len])
    }

    /// The next field as a path: never empty.
    fn path(&mut self, what: &str) -> Result<Vec<u8>, RawError> {
        let at = self.pos;
        let p = self.next(what)?;
        if p.is_empty() {
            return Err(RawError {
                offset: at,
                detail: format!("{what} is empty"),
            });
        }
        Ok(p.to_vec())
    }
}

/// Parse `git diff --raw -z` (one tree-to-tree or index diff, not `--cc`):
/// `:OLDMODE NEWMODE OLDOID NEWOID STATUS\0PATH\0`, with a second path for
/// renames and copies. Anything else is an error, never a silent skip.
pub fn parse_raw(bytes: &[u8]) -> Result<Vec<RawEntry>, RawError> {
    let mut fields = Fields { bytes, pos: 0 };
    let mut out = Vec::new();
    while !fields.at_end() {
        let at = fields.pos;
        let meta = fields.next("an entry's header")?;
        let bad = |detail: String| RawError { offset: at, detail };
        let meta =
            std::str::from_utf8(meta).map_err(|_| bad("the entry header is not ASCII".into()))?;
        let rest = meta.strip_prefix(':').ok_or_else(|| {
            bad(format!(
                "expected `:` to start an entry, found `{}`",
                meta.escape_debug()
            ))
        })?;
        let parts: Vec<&str> = rest.split(' ').collect();
        let [old_mode, new_mode, old_oid, new_oid, status] = parts[..] else {
            return Err(bad(format!(
                "expected `:MODE MODE OID OID STATUS`, found `:{}`",
                rest.escape_debug()
            )));
        };
        let old_mode = mode(old_mode).ok_or_else(|| bad(format!("bad mode `{old_mode}`")))?;
        let new_mode = mode(new_mode).ok_or_else(|| bad(format!("bad mode `{new_mode}`")))?;
        for oid in [old_oid, new_oid] {
            if !is_oid(oid) {
                return Err(bad(format!("bad object id `{}`", oid.escape_debug())));
            }
        }
        let status = parse_status(status).map_err(bad)?;
        let (source, path) = match status {
            Status::Renamed(_) | Status::Copied(_) => {
                let from = fields.path("the source path")?;
                (Some(from), fields.path("the destination path")?)
            }
            _ => (None, fields.path("the path")?),
        };
        out.push(RawEntry {
            old_mode,
            new_mode,
            old_oid: old_oid.to_string(),
            new_oid: new_oid.to_string(),
            status,
            path,
            source,
        });
    }
    Ok(out)
}

/// A status letter with its optional score. `X` (git's "unknown change
/// type, most probably a bug") is an error: gate cannot tell what to scan.
fn parse_status(s: &str) -> Result<Status, String> {
    let mut chars = s.chars();
    let letter = chars.next().ok_or("empty status")?;
    let digits = chars.as_str();
    let score = if digits.is_empty() {
        None
    } else {
        match digits.parse::<u8>() {
            Ok(n) if n <= 100 && digits.bytes().all(|b| b.is_ascii_digit()) => Some(n),
            _ => return Err(format!("bad score in status `{}`", s.escape_debug())),
        }
    };
    let status = match (letter, score) {
        ('A', None) => Status::Added,
        ('C', Some(n)) => Status::Copied(n),
        ('D', None) => Status::Deleted,
        // A rewrite (`-B`) carries its dissimilarity: still a modification.
        ('M', _) => Status::Modified,
        ('R', Some(n)) => Status::Renamed(n),
        ('T', None) => Status::TypeChanged,
        ('U', None) => Status::Unmerged,
        ('B', _) => Status::Broken,
        ('X', _) => return Err("git reports an unknown change type (X)".into()),
        _ => return Err(format!("unknown status `{}`", s.escape_debug())),
    };
    Ok(status)
}

/// An octal mode of exactly six digits.
fn mode(s: &str) -> Option<u32> {
    if s.len() != 6 || !s.bytes().all(|b| (b'0'..=b'7').contains(&b)) {
        return None;
    }
    u32::from_str_radix(s, 8).ok()
}

/// A full or abbreviated hexadecimal object id (SHA-1 or SHA-256).
pub fn is_oid(s: &str) -> bool {
    (4..=64).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Split NUL-terminated names (`git ls-files -z`, `--name-only -z`). A last
/// name without its NUL is kept: git always ends with one, but a cut-off
/// listing must not lose a name.
pub fn split_names(bytes: &[u8]) -> Vec<Vec<u8>> {
    let body = bytes.strip_suffix(&[0]).unwrap_or(bytes);
    if body.is_empty() {
        return Vec::new();
    }
    body.split(|&b| b == 0).map(<[u8]>::to_vec).collect()
}

/// Bytes from git as text for reports. Names that are not UTF-8 keep every
/// valid part; each invalid byte becomes U+FFFD.
pub fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const Z40: &str = "0000000000000000000000000000000000000000";
    const A40: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";

    fn entry(status: &str, paths: &[&[u8]]) -> Vec<u8> {
        let mut v = format!(":100644 100644 {Z40} {A40} {status}\0").into_bytes();
        for p in paths {
            v.extend_from_slice(p);
            v.push(0);
        }
        v
    }

    #[test]
    fn every_status_letter_is_read_with_its_score() {
        let cases: &[(&str, Status)] = &[
            ("A", Status::Added),
            ("C075", Status::Copied(75)),
            ("D", Status::Deleted),
            ("M", Status::Modified),
            ("M092", Status::Modified),
            ("R100", Status::Renamed(100)),
            ("T", Status::TypeChanged),
            ("U", Status::Unmerged),
            ("B", Status::Broken),
        ];
        for (letter, want) in cases {
            let two = matches!(want, Status::Renamed(_) | Status::Copied(_));
            let paths: &[&[u8]] = if two { &[b"from", b"to"] } else { &[b"p"] };
            let got = parse_raw(&entry(letter, paths)).unwrap();
            assert_eq!(got.len(), 1, "{letter}");
            assert_eq!(got[0].status, *want, "{letter}");
            assert_eq!(
                got[0].path,
                if two { b"to".to_vec() } else { b"p".to_vec() }
            );
        }
    }

    #[test]
    fn unknown_and_malformed_statuses_are_errors() {
        for s in ["X", "Q", "R", "C", "R101", "R-1", "A1", "", "R+50"] {
            assert!(parse_raw(&entry(s, &[b"a", b"b"])).is_err(), "{s:?}");
        }
    }

    #[test]
    fn names_are_bytes_exactly_as_stored() {
        let odd: &[u8] = b"dir/my \"con\tfig\"\n\\x \xff\xfe caf\xc3\xa9.py";
        let got = parse_raw(&entry("A", &[odd])).unwrap();
        assert_eq!(got[0].path, odd);
    }

    #[test]
    fn truncated_or_empty_paths_are_errors() {
        let mut cut = entry("A", &[b"file"]);
        cut.pop();
        assert!(parse_raw(&cut).is_err());
        assert!(parse_raw(&entry("A", &[b""])).is_err());
        assert!(parse_raw(&entry("R100", &[b"only-one"])).is_err());
        assert!(parse_raw(b":100644 100644 abc").is_err());
        assert!(parse_raw(&format!(":100644 100644 {Z40} xyz A\0p\0").into_bytes()).is_err());
        assert!(parse_raw(&format!(":100648 100644 {Z40} {A40} A\0p\0").into_bytes()).is_err());
        assert_eq!(parse_raw(b"").unwrap(), vec![]);
    }

    #[test]
    fn modes_name_their_kind() {
        assert_eq!(EntryKind::of_mode(0), EntryKind::Absent);
        assert_eq!(EntryKind::of_mode(0o100644), EntryKind::File);
        assert_eq!(EntryKind::of_mode(0o100755), EntryKind::File);
        assert_eq!(EntryKind::of_mode(0o120000), EntryKind::Symlink);
        assert_eq!(EntryKind::of_mode(0o160000), EntryKind::Submodule);
        assert_eq!(EntryKind::of_mode(0o040000), EntryKind::Other);
    }

    #[test]
    fn names_split_on_nul_only() {
        assert_eq!(
            split_names(b"a b\0c\nd\0\"e\"\0"),
            vec![b"a b".to_vec(), b"c\nd".to_vec(), b"\"e\"".to_vec()]
        );
        assert_eq!(split_names(b"last"), vec![b"last".to_vec()]);
        assert!(split_names(b"").is_empty());
    }
}
