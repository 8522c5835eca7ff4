//! The Python engine: every bandit 1.9.4 check, natively, on tree-sitter-python.
//!
//! Each file is parsed once and walked once (iteratively, so nesting depth
//! cannot overflow the stack); nodes are dispatched by kind to the enabled
//! checks of [`registry::CHECKS`]. bandit's semantics are kept: one file-wide
//! import alias table filled in source order, literals decoded and merged as
//! Python does, `# nosec` read from real comments, and a file Python 3 cannot
//! parse is skipped with a warning and yields no findings.

mod bandit_config;
pub mod checks;
mod codec_tables;
pub mod codecs;
pub mod context;
pub mod literal;
pub mod nosec;
mod options;
pub mod registry;
pub mod syntax;
pub mod tree;
mod unicode_aliases;
mod unicode_name;
mod walk;

use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engines::{Engine, FileOutput, RuleInfo, SourceFile};
use crate::finding::{Finding, Region, SecretMatch, Suppression, SuppressionKind};

pub use options::{Options, PythonConfigError, PythonVersion, Settings};
pub use registry::{Check, On, CHECKS};

/// The tool name findings carry.
pub const TOOL: &str = "gate-python";

/// The Python engine: settings resolved once, shared by every worker.
#[derive(Debug)]
pub struct PythonEngine {
    settings: Settings,
    /// Enabled check indices per node kind they run on.
    pub(crate) enabled: Enabled,
}

/// Indices into [`CHECKS`] of the enabled checks, grouped by what they look at.
#[derive(Debug, Default)]
pub(crate) struct Enabled {
    pub call: Vec<usize>,
    pub str_: Vec<usize>,
    pub def: Vec<usize>,
    pub import: Vec<usize>,
    pub except: Vec<usize>,
    pub assert: Vec<usize>,
    pub file: Vec<usize>,
    /// Blacklist entries consulted for calls (call and import lists, in id order).
    pub call_blacklist: Vec<usize>,
    /// Blacklist entries consulted for import statements.
    pub import_blacklist: Vec<usize>,
}

impl PythonEngine {
    /// An engine with these settings.
    pub fn new(settings: Settings) -> Self {
        let mut enabled = Enabled::default();
        for (i, c) in CHECKS.iter().enumerate() {
            if !settings.enables(c) {
                continue;
            }
            match c.on {
                On::Call => enabled.call.push(i),
                On::Str => enabled.str_.push(i),
                On::FunctionDef => enabled.def.push(i),
                On::Import => enabled.import.push(i),
                On::ExceptHandler => enabled.except.push(i),
                On::Assert => enabled.assert.push(i),
                On::File => enabled.file.push(i),
                On::BlacklistCall => enabled.call_blacklist.push(i),
                On::BlacklistImport => {
                    enabled.call_blacklist.push(i);
                    enabled.import_blacklist.push(i);
                }
            }
        }
        PythonEngine { settings, enabled }
    }

    /// The settings the engine runs with.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }
}

impl Default for PythonEngine {
    fn default() -> Self {
        PythonEngine::new(Settings::default())
    }
}

/// Whether a path is a Python source bandit would pick up.
pub fn is_python_path(path: &str) -> bool {
    path.ends_with(".py") || path.ends_with(".pyw")
}

impl Engine for PythonEngine {
    fn name(&self) -> &'static str {
        "python"
    }

    fn wants(&self, path: &str) -> bool {
        is_python_path(path) && !self.settings.excluded(path)
    }

    fn scan_binary(&self, file: &SourceFile<'_>, out: &mut FileOutput) {
        // A .py file with NUL bytes is not Python: say so as loudly as a syntax error.
        out.diagnostics.push(Diagnostic::file(
            Level::Warning,
            Kind::Unparsable,
            file.path,
            "skipped: binary content (NUL bytes) in a Python file; not valid Python",
        ));
    }

    fn scan(&self, file: &SourceFile<'_>, out: &mut FileOutput) {
        let src = match syntax::prepare(file.bytes) {
            Ok(s) => s,
            Err(syntax::Unprepared::Invalid(p)) => {
                out.diagnostics.push(unparsable(file.path, &p));
                return;
            }
            Err(syntax::Unprepared::Undecodable(p)) => {
                out.diagnostics.push(undecodable(file.path, &p));
                return;
            }
        };
        if let Some(p) = syntax::tab_problem(&src) {
            out.diagnostics.push(unparsable(file.path, &p));
            return;
        }
        let result = walk::run(self, file.path, &src);
        if let Some(p) = result.syntax {
            out.diagnostics.push(unparsable(file.path, &p));
            return;
        }
        if result.hits.is_empty() {
            return;
        }
        let lines = Snippets::new(&src, result.hits.iter().map(|h| h.line));
        out.findings.reserve(result.hits.len());
        for hit in result.hits {
            let check = &CHECKS[hit.check];
            if self.settings.min_severity.is_some_and(|m| hit.severity < m)
                || self
                    .settings
                    .min_confidence
                    .is_some_and(|m| hit.confidence < m)
            {
                continue;
            }
            let mut f = Finding::new(
                check.id,
                TOOL,
                hit.severity,
                hit.confidence,
                file.path,
                region(&src, &hit),
                hit.message,
            );
            f.cwe = (check.cwe != 0).then_some(check.cwe);
            f.secret = hit.secret.filter(|s| !s.is_empty()).map(|s| SecretMatch {
                entropy: crate::secrets::shannon(s.as_bytes()),
                matched: s.clone(),
                value: s,
            });
            f.snippet = lines.line(hit.line);
            f.tags = vec![check.name.to_string()];
            let nosec = (!self.settings.ignore_nosec)
                .then(|| result.nosec.suppresses(check.id, hit.line, hit.scope))
                .flatten();
            if let Some(n) = nosec {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::InSource,
                    justification: n.comment.clone(),
                });
            }
            out.findings.push(f);
        }
    }

    fn rules(&self) -> Vec<RuleInfo> {
        CHECKS.iter().map(registry::rule_info).collect()
    }
}

/// bandit's `line_number`, `col_offset`, last of `line_range` and
/// `end_col_offset` as a region in characters. bandit's start column belongs
/// to the node's first line, which is not the reported line when a check
/// reports a keyword's line; where that would put the start after the end on
/// one line, the region starts at the line's start instead.
fn region(src: &[u8], hit: &context::Hit) -> Region {
    let end_line = hit.scope.1.max(hit.line);
    let start_column = char_column(src, hit.span.0);
    let end_column = char_column(src, hit.span.1);
    let start_column = if end_line == hit.line && start_column > end_column {
        1
    } else {
        start_column
    };
    Region {
        start_line: hit.line,
        start_column,
        end_line,
        end_column,
    }
}

/// The 1-based character column of byte offset `at` in UTF-8 `src`.
fn char_column(src: &[u8], at: usize) -> u32 {
    let at = at.min(src.len());
    let line_start = memchr::memrchr(b'\n', &src[..at]).map_or(0, |i| i + 1);
    // Every character has exactly one byte that is not a continuation byte.
    let chars = src[line_start..at]
        .iter()
        .filter(|&&b| (b & 0xc0) != 0x80)
        .count();
    chars as u32 + 1
}

fn unparsable(path: &str, p: &syntax::SyntaxProblem) -> Diagnostic {
    Diagnostic::file(
        Level::Warning,
        Kind::Unparsable,
        path,
        format!(
            "skipped by the python engine: not valid Python 3 ({}); bandit skips it too",
            p.message
        ),
    )
    .at(p.line, Some(p.column))
}

/// A file Python reads but gate cannot decode: bandit scans it, gate does not.
fn undecodable(path: &str, p: &syntax::SyntaxProblem) -> Diagnostic {
    Diagnostic::file(
        Level::Warning,
        Kind::Unparsable,
        path,
        format!(
            "skipped by the python engine: {}; Python reads it, so bandit scans it",
            p.message
        ),
    )
    .at(p.line, Some(p.column))
}

/// The source lines findings are on, read in one pass (no table of every line).
struct Snippets(Vec<(u32, String)>);

impl Snippets {
    fn new(src: &[u8], lines: impl Iterator<Item = u32>) -> Self {
        let mut wanted: Vec<u32> = lines.filter(|&l| l > 0).collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut out = Vec::with_capacity(wanted.len());
        let mut want = wanted.into_iter().peekable();
        let (mut line, mut start) = (1u32, 0usize);
        let mut newlines = memchr::memchr_iter(b'\n', src);
        while let Some(&w) = want.peek() {
            // Move `start` to the beginning of line `w`.
            while line < w {
                match newlines.next() {
                    Some(i) => {
                        start = i + 1;
                        line += 1;
                    }
                    None => return Snippets(out),
                }
            }
            let end = memchr::memchr(b'\n', &src[start..]).map_or(src.len(), |i| start + i);
            let text = String::from_utf8_lossy(&src[start..end]);
            out.push((w, text.trim_end_matches('\r').to_string()));
            want.next();
        }
        Snippets(out)
    }

    fn line(&self, line: u32) -> Option<String> {
        let i = self.0.binary_search_by_key(&line, |(l, _)| *l).ok()?;
        Some(self.0[i].1.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (line, id) of every unsuppressed finding.
    fn found(src: &str) -> Vec<(u32, String)> {
        let mut out = FileOutput::default();
        PythonEngine::default().scan(&SourceFile::new("t.py", src.as_bytes()), &mut out);
        assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
        let mut v: Vec<(u32, String)> = out
            .findings
            .iter()
            .filter(|f| f.suppression.is_none())
            .map(|f| (f.region.start_line, f.rule_id.clone()))
            .collect();
        v.sort();
        v
    }

    fn has(src: &str, line: u32, id: &str) -> bool {
        found(src).contains(&(line, id.to_string()))
    }

    #[test]
    fn aliases_resolve_through_import_as_and_from_import() {
        assert!(has(
            "import subprocess as sp\nsp.call('x', shell=True)\n",
            2,
            "B602"
        ));
        assert!(has("from os import system as run\nrun(cmd)\n", 2, "B605"));
        assert!(has(
            "from subprocess import Popen\nPopen(c, shell=True)\n",
            2,
            "B602"
        ));
        assert!(has(
            "import os.path as p\nimport pickle as pk\npk.loads(b)\n",
            3,
            "B301"
        ));
    }

    #[test]
    fn aliases_are_file_wide_in_source_order() {
        // A call before the import is not resolved.
        assert!(!has("s(cmd)\nfrom os import system as s\n", 1, "B605"));
        // An import inside a function counts for the rest of the file.
        assert!(has(
            "def f():\n    import pickle as p\np.loads(x)\n",
            3,
            "B301"
        ));
        // Rebinding the name does not undo the alias.
        assert!(has(
            "from os import system as s\ns = print\ns(cmd)\n",
            3,
            "B605"
        ));
    }

    #[test]
    fn star_imports_and_relative_imports() {
        assert!(!has("from os import *\nsystem(cmd)\n", 2, "B605"));
        assert!(has("from .pickle import loads\n", 1, "B403"));
        assert!(has("from . import subprocess\n", 1, "B404"));
        assert!(has(
            "import importlib\nimportlib.import_module('pickle')\n",
            2,
            "B403"
        ));
        assert!(has("__import__('telnetlib')\n", 1, "B401"));
    }

    #[test]
    fn literals_merge_decode_and_skip_bytes_and_docstrings() {
        assert!(has("x = ('/t' 'mp/a')\n", 1, "B108"));
        assert!(has("x = '\\x2ftmp/a'\n", 1, "B108"));
        assert!(!has("x = b'/tmp/a'\n", 1, "B108"));
        assert!(!has("'/tmp/a'\n", 1, "B108"));
        assert!(has("f('/tmp/a')\n", 1, "B108"));
        assert!(has("x = f'/tmp/{a}'\n", 1, "B108"));
        assert!(!has("x = r'\\x2ftmp'\n", 1, "B108"));
    }

    #[test]
    fn nosec_only_in_comments_and_by_id() {
        assert!(!has("assert x  # nosec\n", 1, "B101"));
        assert!(has("x = '# nosec'; assert x\n", 1, "B101"));
        assert!(has("assert x  # nosec B602\n", 1, "B101"));
        assert!(!has("assert x  # nosec B602, B101\n", 1, "B101"));
        assert!(has("assert x  # nosec B101,B602\n", 1, "B101"));
        // The scope is every line of the checked node.
        assert!(!has(
            "subprocess.call(\n    cmd,\n    shell=True,  # nosec\n)\nimport subprocess\n",
            3,
            "B604"
        ));
    }

    /// (start line, start column, end line, end column) of the first finding of `id`.
    fn range_of(src: &str, id: &str) -> (u32, u32, u32, u32) {
        let mut out = FileOutput::default();
        PythonEngine::default().scan(&SourceFile::new("t.py", src.as_bytes()), &mut out);
        let f = out
            .findings
            .iter()
            .find(|f| f.rule_id == id)
            .unwrap_or_else(|| panic!("no {id} in {:?}", out.findings));
        let r = f.region;
        (r.start_line, r.start_column, r.end_line, r.end_column)
    }

    #[test]
    fn issue16_p1_ranges_are_bandits_node_ranges_in_characters() {
        // A call over several lines: bandit's line (the keyword's), the call's
        // column, the last line of its line_range and its end_col_offset.
        let src = "import subprocess\nsubprocess.call(\n    cmd,\n    shell=True,\n)\n";
        assert_eq!(range_of(src, "B602"), (4, 1, 5, 2));
        // Columns count characters, not UTF-8 bytes.
        let src = "import subprocess\nx = 'é'; subprocess.call(c, shell=True)\n";
        assert_eq!(range_of(src, "B602"), (2, 10, 2, 40));
        // A string's line_range is its parent's (here the dict); its columns are its own.
        let src = "d = {\n  'password': 'hunter2',\n}\n";
        assert_eq!(range_of(src, "B105"), (2, 3, 3, 13));
        // A block ends at its last statement, not at trailing comments.
        let src = "try:\n    f()\nexcept Exception:\n    pass\n    # done\n\n# end\n";
        assert_eq!(range_of(src, "B110"), (3, 1, 4, 9));
        // B613: bandit gives the character's column only; the region covers it.
        let src = "x = 1\ns = 'a\u{202e}b'\n";
        assert_eq!(range_of(src, "B613"), (2, 7, 2, 8));
        // The keyword's line when the call starts further right on an earlier
        // line: bandit's start column would lie after the end; gate starts at 1.
        let src = "import subprocess\nresult_of_the_call = subprocess.call(c,\n  shell=True)\n";
        assert_eq!(range_of(src, "B602"), (3, 1, 3, 14));
    }

    #[test]
    fn reported_lines_follow_bandit() {
        let src = "import subprocess\nsubprocess.call(\n    cmd,\n    shell=True,\n)\n";
        assert!(has(src, 4, "B602"));
        let src = "@deco\ndef f(\n    password='x',\n):\n    pass\n";
        assert!(has(src, 2, "B107"));
        let src = "q = (\n    'SELECT a FROM t WHERE b = %s'\n    % b\n)\n";
        assert!(has(src, 2, "B608"));
    }
}
