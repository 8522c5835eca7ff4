//! One source file as the merge needs it: lines, the statement each line
//! belongs to and real comments (Python's logical lines, tree-sitter-python
//! for text they cannot follow), columns in characters and GitHub's line
//! hashes.

use std::fs::File;
use std::io::Read as _;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use super::linehash::LineHashes;
use super::pylines::{self, PythonLines};
use super::read::ColumnUnit;
use super::uri::is_absolute;
use crate::diagnostic::Level;

/// Statement-like node kinds: the smallest one containing a line is where a
/// problem "is", whichever line of it a tool reported.
fn is_statement(kind: &str) -> bool {
    kind.ends_with("_statement")
        || matches!(
            kind,
            "function_definition"
                | "class_definition"
                | "decorated_definition"
                | "elif_clause"
                | "else_clause"
                | "except_clause"
                | "except_group_clause"
                | "finally_clause"
                | "case_clause"
        )
}

/// A statement that holds no statements (`x = f(\n  a)`, `return g()`): the
/// walk need not look inside it.
fn is_simple_statement(kind: &str) -> bool {
    kind.ends_with("_statement")
        && !matches!(
            kind,
            "if_statement"
                | "for_statement"
                | "while_statement"
                | "try_statement"
                | "with_statement"
                | "match_statement"
        )
}

/// Whether gate parses a path as Python.
pub fn is_python(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.ends_with(".py") || lower.ends_with(".pyw") || lower.ends_with(".pyi")
}

/// A file's text and what was derived from it.
#[derive(Debug)]
pub struct Source {
    bytes: Vec<u8>,
    /// Byte offset of each line's start.
    line_starts: Vec<usize>,
    /// For Python: statements and comments, parsed on first use (most merges
    /// need neither, and parsing is what a merge would spend its time on).
    index: OnceLock<PythonLines>,
    python: bool,
    /// For a Dockerfile: each line's instruction start line, on first use.
    docker_lines: Option<OnceLock<Vec<u32>>>,
    /// Which suppression words the text holds anywhere.
    words: Words,
    hashes: OnceLock<LineHashes>,
}

/// Which suppression words occur anywhere in a file's text: a comment can
/// only hold a word its file holds.
#[derive(Debug, Clone, Copy)]
pub struct Words {
    /// `gate:allow`.
    pub allow: bool,
    /// `nosec` (bandit reads it case-sensitively).
    pub nosec: bool,
    /// `noqa` in any case (ruff reads `# NOQA` too).
    pub noqa: bool,
}

/// Where source files named by findings may be read from: regular files
/// inside the repository root, no larger than the scan's size limit.
///
/// Imported SARIF names files, and a pull request controls which SARIF is
/// imported: a URI such as `file:///proc/self/environ`, `../../x` or a link
/// in the tree pointing out of it would otherwise put another file's text
/// into snippets that are published. Everything is checked before anything
/// is opened: a FIFO would block the open and `/dev/zero` never ends.
#[derive(Debug, Clone)]
pub struct SourceRoot {
    root: PathBuf,
    /// The root with every link resolved; `None` when it cannot be (then nothing is read).
    canonical: Option<PathBuf>,
    max_bytes: u64,
}

/// Why a source file was not read.
#[derive(Debug, thiserror::Error)]
pub enum NotRead {
    #[error("not read: outside the repository root")]
    Outside,
    #[error("not read: a symbolic link on its path leads outside the repository root")]
    LinkOutside,
    #[error("not read: not a regular file ({0})")]
    NotRegular(&'static str),
    #[error("not read: {size} bytes is over the {limit}-byte size limit (--max-file-size)")]
    TooLarge { size: u64, limit: u64 },
    #[error("not found under the repository root")]
    Missing,
    #[error("cannot be read: {0}")]
    Io(std::io::Error),
}

impl NotRead {
    /// How much it matters: a tool may well report a file outside the
    /// root (ruff given an extra path); anything else was expected to be read.
    pub fn level(&self) -> Level {
        match self {
            NotRead::Outside => Level::Note,
            _ => Level::Warning,
        }
    }
}

impl SourceRoot {
    /// The root `root`, reading at most `max_bytes` of any file.
    pub fn new(root: &Path, max_bytes: u64) -> SourceRoot {
        SourceRoot {
            root: root.to_path_buf(),
            canonical: std::fs::canonicalize(root).ok(),
            max_bytes,
        }
    }

    /// The root as given.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The bytes of the file at report path `path`, if it is a regular file
    /// inside the root (after `..`, links and the size are checked).
    pub fn read(&self, path: &str) -> Result<Vec<u8>, NotRead> {
        let rel = Path::new(path);
        // Report paths are already folded; anything else (`..`, an absolute
        // or drive path) is refused rather than interpreted.
        let plain = !path.is_empty()
            && !is_absolute(path)
            && rel.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain {
            return Err(NotRead::Outside);
        }
        let root = self.canonical.as_deref().ok_or(NotRead::Missing)?;
        let real = match std::fs::canonicalize(root.join(rel)) {
            Ok(real) => real,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(NotRead::Missing),
            Err(e) => return Err(NotRead::Io(e)),
        };
        if !real.starts_with(root) {
            return Err(NotRead::LinkOutside);
        }
        // `real` holds no link any more: this is the file's own type.
        let meta = std::fs::symlink_metadata(&real).map_err(NotRead::Io)?;
        self.check(&meta)?;
        let file = open_nonblocking(&real).map_err(NotRead::Io)?;
        // What was opened is what was checked (the tree may change meanwhile).
        let opened = file.metadata().map_err(NotRead::Io)?;
        self.check(&opened)?;
        let mut bytes = Vec::with_capacity(opened.len() as usize);
        file.take(self.max_bytes + 1)
            .read_to_end(&mut bytes)
            .map_err(NotRead::Io)?;
        if bytes.len() as u64 > self.max_bytes {
            return Err(NotRead::TooLarge {
                size: bytes.len() as u64,
                limit: self.max_bytes,
            });
        }
        Ok(bytes)
    }

    fn check(&self, meta: &std::fs::Metadata) -> Result<(), NotRead> {
        if !meta.is_file() {
            return Err(NotRead::NotRegular(file_kind(meta)));
        }
        if meta.len() > self.max_bytes {
            return Err(NotRead::TooLarge {
                size: meta.len(),
                limit: self.max_bytes,
            });
        }
        Ok(())
    }
}

/// What a file that is not a regular file is, for a message.
fn file_kind(meta: &std::fs::Metadata) -> &'static str {
    let t = meta.file_type();
    if t.is_dir() {
        return "a directory";
    }
    if t.is_symlink() {
        return "a symbolic link";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return "a FIFO";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    "an unknown kind of file"
}

/// Open for reading without following a last link and without waiting for
/// a writer: should a FIFO take the checked file's place, the open returns
/// at once and the type check after it refuses the file.
fn open_nonblocking(path: &Path) -> std::io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    options.open(path)
}

impl Source {
    /// Read report path `path` through `root`'s checks.
    pub fn load(root: &SourceRoot, path: &str) -> Result<Source, NotRead> {
        Ok(Source::new(path, root.read(path)?))
    }

    /// A source from bytes already in memory.
    pub fn new(path: &str, bytes: Vec<u8>) -> Source {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', &bytes).map(|i| i + 1));
        let words = Words {
            allow: memchr::memmem::find(&bytes, b"gate:allow").is_some(),
            nosec: memchr::memmem::find(&bytes, b"nosec").is_some(),
            noqa: has_noqa(&bytes),
        };
        Source {
            bytes,
            line_starts,
            index: OnceLock::new(),
            python: is_python(path),
            docker_lines: matches!(
                crate::hygiene::kind::by_path(path),
                Some(crate::hygiene::kind::PathKind::Known(
                    crate::hygiene::kind::FileKind::Dockerfile
                ))
            )
            .then(OnceLock::new),
            words,
            hashes: OnceLock::new(),
        }
    }

    /// Which suppression words occur in the text: the others need no
    /// comments read (and a Python file no parse).
    pub fn words(&self) -> Words {
        self.words
    }

    fn index(&self) -> &PythonLines {
        self.index.get_or_init(|| {
            pylines::scan(&self.bytes, self.line_starts.len())
                .unwrap_or_else(|| self.parse_python())
        })
    }

    /// What tree-sitter-python says, for text the logical-line scan cannot follow.
    fn parse_python(&self) -> PythonLines {
        let mut parser = tree_sitter::Parser::new();
        if parser
            .set_language(&tree_sitter_python::LANGUAGE.into())
            .is_err()
        {
            return PythonLines::default();
        }
        let Some(tree) = parser.parse(&self.bytes, None) else {
            return PythonLines::default();
        };
        // Compare kind ids, not kind names: this walk visits many nodes.
        let language = tree.language();
        let comment_kind = language.id_for_node_kind("comment", true);
        let statement_kinds: Vec<bool> = (0..language.node_kind_count())
            .map(|id| {
                language
                    .node_kind_for_id(id as u16)
                    .is_some_and(is_statement)
            })
            .collect();
        let simple_kinds: Vec<bool> = (0..language.node_kind_count())
            .map(|id| {
                language
                    .node_kind_for_id(id as u16)
                    .is_some_and(is_simple_statement)
            })
            .collect();
        let lines = self.line_starts.len();
        let mut statement: Vec<u32> = (1..=lines as u32).collect();
        let mut comments = vec![None; lines];
        let mut cursor = tree.walk();
        // Pre-order: parents before children, so the smallest statement writes last.
        'walk: loop {
            let node = cursor.node();
            let kind = node.kind_id();
            let start = node.start_position().row;
            let end = node.end_position().row.min(lines.saturating_sub(1));
            if kind == comment_kind {
                if let Some(slot) = comments.get_mut(start) {
                    slot.get_or_insert((node.start_byte(), node.end_byte()));
                }
            } else if statement_kinds.get(kind as usize).copied().unwrap_or(false) {
                for slot in statement.iter_mut().take(end + 1).skip(start) {
                    *slot = start as u32 + 1;
                }
            }
            // A well-formed simple statement on one line holds no statement
            // and no comment (a comment ends its line, and tree-sitter leaves
            // trailing comments to the parent): skip its tokens.
            let leaf_statement = simple_kinds.get(kind as usize).copied().unwrap_or(false)
                && start == end
                && !node.has_error();
            if !leaf_statement && cursor.goto_first_child() {
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    continue 'walk;
                }
                if !cursor.goto_parent() {
                    break 'walk;
                }
            }
        }
        PythonLines {
            statement,
            comments,
        }
    }

    /// The text of a 1-based line, without its line break.
    pub fn line(&self, line: u32) -> Option<&str> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(i)?;
        let end = self
            .line_starts
            .get(i + 1)
            .copied()
            .unwrap_or(self.bytes.len());
        let raw = &self.bytes[start..end];
        let raw = raw.strip_suffix(b"\n").unwrap_or(raw);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        std::str::from_utf8(raw).ok()
    }

    /// The start line of the smallest statement holding `line`: a Python
    /// statement, a Dockerfile instruction; the line itself for other files
    /// and lines outside the file.
    pub fn statement_line(&self, line: u32) -> u32 {
        if let Some(lines) = &self.docker_lines {
            // A Dockerfile's statement is its instruction (hadolint reports there).
            let lines = lines.get_or_init(|| {
                let text = String::from_utf8_lossy(&self.bytes);
                crate::hygiene::dockerfile::parse(&text).instruction_lines(text.len())
            });
            let i = (line as usize).wrapping_sub(1);
            return lines.get(i).copied().unwrap_or(line);
        }
        if !self.python {
            return line;
        }
        let i = (line as usize).wrapping_sub(1);
        self.index().statement.get(i).copied().unwrap_or(line)
    }

    /// The comment on a line, if it has one (a line has at most one: a
    /// comment runs to the end of its line): a real comment for Python, else
    /// the text from the first `#` or `//` (good enough for `gate:allow`).
    pub fn comment(&self, line: u32) -> Option<&str> {
        if self.python {
            let i = (line as usize).checked_sub(1)?;
            let (start, end) = (*self.index().comments.get(i)?)?;
            return std::str::from_utf8(&self.bytes[start..end]).ok();
        }
        let text = self.line(line)?;
        let i = [text.find('#'), text.find("//")]
            .into_iter()
            .flatten()
            .min()?;
        Some(&text[i..])
    }

    /// A 1-based column in `unit` as a 1-based character column.
    pub fn char_column(&self, line: u32, column: u32, unit: ColumnUnit) -> u32 {
        let Some(text) = self.line(line) else {
            return column;
        };
        let target = column.saturating_sub(1) as usize;
        let chars = match unit {
            ColumnUnit::Chars => return column,
            ColumnUnit::Bytes => {
                let mut cut = target.min(text.len());
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text[..cut].chars().count()
            }
            ColumnUnit::Utf16 => {
                let mut units = 0;
                let mut chars = 0;
                for c in text.chars() {
                    if units >= target {
                        break;
                    }
                    units += c.len_utf16();
                    chars += 1;
                }
                chars + target.saturating_sub(units)
            }
        };
        chars as u32 + 1
    }

    /// GitHub's `primaryLocationLineHash` for a line.
    pub fn line_hash(&self, line: u32) -> Option<String> {
        self.hashes
            .get_or_init(|| LineHashes::compute(&self.bytes))
            .line(line)
    }
}

/// `noqa` in any case (ruff reads `# NOQA` too).
fn has_noqa(bytes: &[u8]) -> bool {
    memchr::memchr2_iter(b'n', b'N', bytes).any(|i| {
        bytes
            .get(i..i + 4)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"noqa"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PY: &str = "import subprocess\n\n\ndef multi(cmd):\n    subprocess.run(\n        cmd,\n        shell=True,  # nosec B602\n    )\n    return 1\n";

    #[test]
    fn lines_map_to_their_smallest_enclosing_statement() {
        let s = Source::new("m.py", PY.as_bytes().to_vec());
        assert_eq!(
            s.statement_line(7),
            5,
            "shell=True belongs to the call statement"
        );
        assert_eq!(s.statement_line(5), 5);
        assert_eq!(s.statement_line(9), 9);
        assert_eq!(
            s.statement_line(4),
            4,
            "the def line is the function definition"
        );
        assert_eq!(s.statement_line(1), 1);
        assert_eq!(s.statement_line(99), 99);
        assert_eq!(s.comment(7), Some("# nosec B602"));
        assert_eq!(s.comment(5), None);
    }

    #[test]
    fn comments_after_and_inside_statements_are_found_but_not_in_strings() {
        let s = Source::new(
            "c.py",
            b"x = eval(y)  # nosec\ns = \"# not a comment\"\nf(a,  # inside\n  b)  # after\nif x:  # head\n    pass\n".to_vec(),
        );
        assert_eq!(s.comment(1), Some("# nosec"));
        assert_eq!(s.comment(2), None);
        assert_eq!(s.comment(3), Some("# inside"));
        assert_eq!(s.comment(4), Some("# after"));
        assert_eq!(s.comment(5), Some("# head"));
        assert_eq!(s.comment(6), None);
        assert_eq!(s.statement_line(4), 3);
    }

    #[test]
    fn words_say_which_suppressions_a_file_can_hold() {
        let w = Source::new("a.py", b"x = 1  # NOQA: S101\n".to_vec()).words();
        assert!(w.noqa && !w.nosec && !w.allow);
        let w = Source::new("b.py", b"y = 2  # nosec\nz = 3  # gate:allow\n".to_vec()).words();
        assert!(!w.noqa && w.nosec && w.allow);
        let w = Source::new("c.py", b"# NOSEC is not bandit's\n".to_vec()).words();
        assert!(!w.nosec);
    }

    #[test]
    fn other_files_fall_back_to_the_line() {
        let s = Source::new("a.js", b"x = 1\ny = 2 // gate:allow\n".to_vec());
        assert_eq!(s.statement_line(2), 2);
        assert_eq!(s.comment(2), Some("// gate:allow"));
    }

    #[test]
    fn columns_convert_from_bytes_and_utf16_to_characters() {
        let s = Source::new("u.py", "s = \"é😀\" + x\n".as_bytes().to_vec());
        // `x` is character 12 (1-based); bytes: é=2, 😀=4 → byte column 16; UTF-16: 😀=2 → 13.
        assert_eq!(s.char_column(1, 16, ColumnUnit::Bytes), 12);
        assert_eq!(s.char_column(1, 13, ColumnUnit::Utf16), 12);
        assert_eq!(s.char_column(1, 12, ColumnUnit::Chars), 12);
        assert_eq!(s.char_column(1, 5, ColumnUnit::Bytes), 5);
    }

    /// The logical-line scan and tree-sitter on one text: `Ok(true)` when
    /// they agree, `Ok(false)` when the scan leaves the text to tree-sitter,
    /// `Err` naming the first line they disagree on.
    fn compare(name: &str, text: &[u8]) -> Result<bool, String> {
        let s = Source::new(name, text.to_vec());
        let Some(fast) = pylines::scan(&s.bytes, s.line_starts.len()) else {
            return Ok(false);
        };
        let slow = s.parse_python();
        let lines = fast.statement.len().max(slow.statement.len());
        for i in 0..lines {
            let (a, b) = (fast.statement.get(i), slow.statement.get(i));
            if a != b {
                return Err(format!(
                    "{name}:{}: statement starts at {a:?}, tree-sitter says {b:?}",
                    i + 1
                ));
            }
            let (a, b) = (fast.comments.get(i), slow.comments.get(i));
            if a != b {
                return Err(format!(
                    "{name}:{}: comment {a:?}, tree-sitter says {b:?}",
                    i + 1
                ));
            }
        }
        Ok(true)
    }

    fn has_syntax_error(text: &[u8]) -> bool {
        let mut parser = tree_sitter::Parser::new();
        parser
            .set_language(&tree_sitter_python::LANGUAGE.into())
            .unwrap();
        parser.parse(text, None).unwrap().root_node().has_error()
    }

    #[test]
    fn logical_lines_give_tree_sitters_statements_on_tricky_python() {
        let text = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/sarif/statements.py"),
        )
        .unwrap();
        assert!(!has_syntax_error(&text));
        assert_eq!(compare("statements.py", &text), Ok(true));
        let crlf = String::from_utf8(text.clone())
            .unwrap()
            .replace('\n', "\r\n");
        assert_eq!(compare("crlf.py", crlf.as_bytes()), Ok(true));
        let tabs = String::from_utf8(text).unwrap().replace("    ", "\t");
        assert_eq!(compare("tabs.py", tabs.as_bytes()), Ok(true));
        // What the scan cannot follow goes to tree-sitter.
        for bad in [
            "def f(:\n    eval(x)\n",
            "x = 'unterminated\n",
            "x = (1]\n",
            "if x:\ny = 1\n",
            "if x:\n        a\n    b\n",
            "@decorator\n",
            "x = 1 \\ y\n",
            "s = '''never closed\n",
        ] {
            assert_eq!(compare("bad.py", bad.as_bytes()), Ok(false), "{bad:?}");
        }
    }

    /// Every Python file under `corpora/` (downloaded real projects, when
    /// present): the scan gives tree-sitter's answers for every line of
    /// every file tree-sitter parses without error. Run it by name with
    /// `--ignored` after `benches/fetch-corpora.sh`.
    #[test]
    #[ignore = "needs the downloaded corpora (benches/fetch-corpora.sh)"]
    fn logical_lines_give_tree_sitters_statements_on_real_code() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpora");
        assert!(root.is_dir(), "no corpora/: run benches/fetch-corpora.sh");
        let mut files = Vec::new();
        for entry in ignore::WalkBuilder::new(&root)
            .standard_filters(false)
            .follow_links(true)
            .build()
            .flatten()
        {
            if entry.path().extension().is_some_and(|e| e == "py") {
                files.push(entry.into_path());
            }
        }
        let (mut agreed, mut deferred, mut invalid) = (0, 0, 0);
        let mut wrong = Vec::new();
        for path in &files {
            let Ok(text) = std::fs::read(path) else {
                continue;
            };
            match compare(&path.display().to_string(), &text) {
                Ok(true) => agreed += 1,
                Ok(false) => deferred += 1,
                Err(_) if has_syntax_error(&text) => invalid += 1,
                Err(e) => wrong.push(e),
            }
        }
        eprintln!(
            "{} Python files: {agreed} agree, {deferred} left to tree-sitter, {invalid} invalid Python read differently, {} wrong",
            files.len(),
            wrong.len()
        );
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[cfg(unix)]
    #[test]
    fn issue11_p2_only_plain_paths_to_regular_files_inside_the_root_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("repo");
        std::fs::create_dir_all(root.join("d")).unwrap();
        std::fs::write(dir.path().join("outside.txt"), "outside").unwrap();
        std::fs::write(root.join("a.py"), "x = 1\n").unwrap();
        std::os::unix::fs::symlink("../outside.txt", root.join("out.py")).unwrap();
        std::os::unix::fs::symlink("a.py", root.join("in.py")).unwrap();
        let sources = SourceRoot::new(&root, 1 << 20);
        assert_eq!(sources.read("a.py").unwrap(), b"x = 1\n");
        assert_eq!(sources.read("in.py").unwrap(), b"x = 1\n");
        let refused = |path: &str| sources.read(path).unwrap_err().to_string();
        // Not folded, absolute or empty: refused as written, never interpreted.
        for path in ["../outside.txt", "d/../a.py", "./a.py", "", "/etc/passwd"] {
            assert_eq!(
                refused(path),
                "not read: outside the repository root",
                "{path}"
            );
        }
        assert!(refused("out.py").contains("symbolic link"));
        assert!(refused("d").contains("a directory"));
        assert_eq!(refused("missing.py"), "not found under the repository root");
        let small = SourceRoot::new(&root, 3);
        assert!(small
            .read("a.py")
            .unwrap_err()
            .to_string()
            .contains("size limit"));
    }

    #[test]
    fn syntax_errors_still_give_statements() {
        let s = Source::new("bad.py", b"def f(:\n    eval(x)\n".to_vec());
        assert_eq!(s.statement_line(2), 2);
    }
}
