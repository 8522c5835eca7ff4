//! Shell scripts (`run:`, Dockerfile `RUN`, GitLab `script:`, `*.sh` files) parsed
//! with tree-sitter-bash into simple commands, so a check asks "which
//! program, which arguments" instead of grepping text.
//!
//! GitHub expressions (`${{ ... }}`) are replaced by same-length
//! placeholders before parsing: offsets stay the same, bash sees one word,
//! and a word that held one is marked dynamic.

use tree_sitter::{Node as TsNode, Parser};

use super::dockerfile::LineIndex;
use super::yaml::{Scalar, Span};

/// One word of a command, unquoted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word with quotes removed (expansions kept as written).
    pub text: String,
    /// Byte range in the script.
    pub start: usize,
    pub end: usize,
    /// Whether its value is only known at run time (`$VAR`, `${{ ... }}`, `$(...)`).
    pub dynamic: bool,
}

/// A simple command: its words, program first (after `sudo`, `env X=y`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    pub words: Vec<Word>,
    /// The start byte of the pipeline it is part of (`curl … | sh`), if any.
    pub pipeline: Option<usize>,
}

impl Command {
    /// The program's base name (`/usr/bin/docker` → `docker`).
    pub fn program(&self) -> &str {
        self.words
            .first()
            .map_or("", |w| w.text.rsplit('/').next().unwrap_or(&w.text))
    }

    /// The arguments after the program.
    pub fn args(&self) -> &[Word] {
        self.words.get(1..).unwrap_or(&[])
    }
}

/// Where a script's text lies in its file.
#[derive(Debug, Clone, Copy)]
enum Origin<'a> {
    /// The decoded value of a YAML scalar.
    Scalar(&'a Scalar),
    /// A byte range of the file itself (a Dockerfile `RUN`), starting at `base`.
    Source { index: &'a LineIndex, base: usize },
}

/// A script and where it came from.
#[derive(Debug)]
pub struct Script<'a> {
    /// The script as the shell sees it (expressions kept).
    pub text: &'a str,
    pub commands: Vec<Command>,
    origin: Origin<'a>,
    /// Whether bash could not parse all of it (commands found are still checked).
    pub partial: bool,
    /// For a Dockerfile `RUN`: the index of its instruction.
    pub instruction: Option<usize>,
}

impl<'a> Script<'a> {
    /// Parse the decoded value of a `run:` scalar.
    pub fn parse(origin: &'a Scalar) -> Script<'a> {
        let text = origin.value.as_str();
        Script::parse_masked(text, mask_expressions(text), Origin::Scalar(origin))
    }

    /// Parse a stretch of a file read as shell as it stands (a Dockerfile
    /// `RUN` body or heredoc starting at byte `base`). `masked` is the same
    /// text, byte for byte the same length, with what the shell must not see
    /// blanked (comment lines inside a continuation, which the Dockerfile
    /// parser drops).
    pub fn parse_source(
        text: &'a str,
        masked: String,
        index: &'a LineIndex,
        base: usize,
        instruction: usize,
    ) -> Script<'a> {
        debug_assert_eq!(text.len(), masked.len());
        let mut s = Script::parse_masked(text, masked, Origin::Source { index, base });
        s.instruction = Some(instruction);
        s
    }

    /// Parse a whole shell script file (`deploy.sh`), indexed by `index`.
    pub fn parse_file(text: &'a str, index: &'a LineIndex) -> Script<'a> {
        Script::parse_masked(text, text.to_string(), Origin::Source { index, base: 0 })
    }

    fn parse_masked(text: &'a str, masked: String, origin: Origin<'a>) -> Script<'a> {
        let mut parser = Parser::new();
        let mut script = Script {
            text,
            commands: Vec::new(),
            origin,
            partial: false,
            instruction: None,
        };
        if parser
            .set_language(&tree_sitter_bash::LANGUAGE.into())
            .is_err()
        {
            script.partial = true;
            return script;
        }
        let Some(tree) = parser.parse(&masked, None) else {
            script.partial = true;
            return script;
        };
        script.partial = tree.root_node().has_error();
        let mut cursor = tree.walk();
        // Iterative pre-order walk: deep nesting cannot overflow the stack.
        loop {
            let n = cursor.node();
            if n.kind() == "command" {
                if let Some(c) = command(n, text) {
                    script.commands.push(c);
                }
            }
            if cursor.goto_first_child() {
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    return script;
                }
            }
        }
    }

    /// The source span of a word.
    pub fn span(&self, w: &Word) -> Span {
        self.span_of(w.start..w.end)
    }

    /// The source span of a whole command.
    pub fn command_span(&self, c: &Command) -> Span {
        match (c.words.first(), c.words.last()) {
            (Some(a), Some(b)) => self.span_of(a.start..b.end),
            _ => self.span_of(0..0),
        }
    }

    fn span_of(&self, r: std::ops::Range<usize>) -> Span {
        match self.origin {
            Origin::Scalar(s) => s.span_of(r),
            Origin::Source { index, base } => index.span(base + r.start..base + r.end),
        }
    }
}

/// Programs the shell checks read; a script naming none of them has nothing to check.
const CHECKED_PROGRAMS: &[&[u8]] = &[
    b"pip", b"docker", b"podman", b"buildah", b"nerdctl", b"skopeo", b"curl", b"wget", b"aws",
];

/// Whether a script's bytes name any program a shell check reads, as a word
/// of its own (`pip`, `pip3`, `/usr/bin/curl`, `uv pip`; not `pipefail`,
/// `laws` or `curly`): a cheap prefilter for `*.sh` files. Most scripts
/// that only mention `set -o pipefail` are then not parsed.
pub fn names_checked_program(bytes: &[u8]) -> bool {
    CHECKED_PROGRAMS.iter().any(|p| {
        memchr::memmem::find_iter(bytes, p).any(|i| {
            let before = i.checked_sub(1).map(|j| bytes[j]);
            let after = bytes.get(i + p.len()).copied();
            !before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
                && !after.is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        })
    })
}

/// `${{ ... }}` → `_` of the same length (UTF-8 inside is kept byte for byte).
fn mask_expressions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("${{") {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after.find("}}").map_or(after.len(), |j| j + 2);
        for ch in after[..end].chars() {
            for _ in 0..ch.len_utf8() {
                out.push('_');
            }
        }
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn command(n: TsNode<'_>, text: &str) -> Option<Command> {
    let mut words = Vec::new();
    let mut cursor = n.walk();
    for c in n.named_children(&mut cursor) {
        match c.kind() {
            "command_name" => {
                let inner = c.named_child(0).unwrap_or(c);
                words.push(word(inner, text));
            }
            "variable_assignment"
            | "file_redirect"
            | "heredoc_redirect"
            | "herestring_redirect" => {}
            _ if words.is_empty() => {}
            _ => words.push(word(c, text)),
        }
    }
    // Wrappers that run the command that follows them.
    loop {
        match words.first().map(|w| w.text.as_str()) {
            Some("sudo") | Some("exec") | Some("time") | Some("nohup") | Some("command") => {
                words.remove(0);
                while words.first().is_some_and(|w| w.text.starts_with('-')) {
                    words.remove(0);
                }
            }
            Some("env") => {
                words.remove(0);
                while words
                    .first()
                    .is_some_and(|w| w.text.starts_with('-') || w.text.contains('='))
                {
                    words.remove(0);
                }
            }
            _ => break,
        }
    }
    let mut pipeline = None;
    let mut up = n.parent();
    while let Some(p) = up {
        if p.kind() == "pipeline" {
            pipeline = Some(p.start_byte());
            break;
        }
        up = p.parent();
    }
    (!words.is_empty()).then_some(Command { words, pipeline })
}

fn word(n: TsNode<'_>, text: &str) -> Word {
    let range = n.byte_range();
    let raw = text.get(range.clone()).unwrap_or("");
    let dynamic = raw.contains('$') || raw.contains('`');
    let text_out = match n.kind() {
        "raw_string" => raw.trim_matches('\'').to_string(),
        "string" => raw
            .strip_prefix('"')
            .and_then(|r| r.strip_suffix('"'))
            .unwrap_or(raw)
            .to_string(),
        "word" | "number" => unescape(raw),
        "concatenation" => {
            let mut s = String::new();
            let mut cursor = n.walk();
            for c in n.children(&mut cursor) {
                s.push_str(&word(c, text).text);
            }
            s
        }
        _ => raw.to_string(),
    };
    Word {
        text: text_out,
        start: range.start,
        end: range.end,
        dynamic,
    }
}

/// Backslash escapes of an unquoted word.
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(n) = chars.next() {
                out.push(n);
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hygiene::yaml;

    #[test]
    fn checked_programs_are_named_as_words() {
        for script in [
            "pip install flask",
            "python3 -m pip install x",
            "/usr/local/bin/pip3.11 install y",
            "uv pip install z",
            "x=$(curl -s https://e.x)",
            "set -e\naws ecr create-repository --repository-name r",
            "docker-compose up",
            "skopeo login --password p r.io",
        ] {
            assert!(names_checked_program(script.as_bytes()), "{script}");
        }
        for script in [
            "set -euo pipefail\necho done",
            "# the laws of physics\nmake pipeline",
            "echo curly braces",
            "my_pip=1; pipx run black",
        ] {
            assert!(!names_checked_program(script.as_bytes()), "{script}");
        }
    }

    fn commands(run: &str) -> Vec<Vec<String>> {
        let y = yaml::parse(run);
        let s = y.root().unwrap().get("run").unwrap().as_scalar().unwrap();
        Script::parse(s)
            .commands
            .iter()
            .map(|c| c.words.iter().map(|w| w.text.clone()).collect())
            .collect()
    }

    #[test]
    fn commands_are_found_in_pipelines_lists_and_continuations() {
        let cmds = commands(
            "run: |\n  set -e\n  sudo -E pip install \\\n    'flask' \"requests==2.0\"\n  if true; then docker push \"$IMG:latest\"; fi | tee x\n  echo ${{ github.event.issue.title }} && env A=b docker tag a b:latest\n",
        );
        assert_eq!(
            cmds,
            vec![
                vec!["set", "-e"],
                vec!["pip", "install", "flask", "requests==2.0"],
                vec!["true"],
                vec!["docker", "push", "$IMG:latest"],
                vec!["tee", "x"],
                vec!["echo", "${{ github.event.issue.title }}"],
                vec!["docker", "tag", "a", "b:latest"],
            ]
        );
    }

    #[test]
    fn word_spans_point_into_the_file() {
        let src = "run: |\n  echo a\n  pip install flask\n";
        let y = yaml::parse(src);
        let s = y.root().unwrap().get("run").unwrap().as_scalar().unwrap();
        let script = Script::parse(s);
        let w = &script.commands[1].words[2];
        let span = script.span(w);
        assert_eq!(&src[span.start_byte..span.end_byte], "flask");
        assert_eq!((span.start.line, span.start.column), (3, 15));
    }
}
