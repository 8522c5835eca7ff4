//! Dockerfiles parsed once into instructions with positions, the way
//! BuildKit reads them: parser directives (`# escape=`), line
//! continuations (comment and blank lines inside one are dropped),
//! heredocs (`RUN <<EOF`), leading `--flags`, JSON (exec) form versus shell
//! form, `ARG` before the first `FROM`, and stages (`FROM x AS name`).
//!
//! Dockerfile syntax is line based, so a small hand-written parser is
//! exact enough and costs one pass over the bytes. `RUN` bodies are read as
//! shell by [`super::shell::Script::parse_source`].

use std::ops::Range;

use super::yaml::{Pos, Span};

/// Line starts of a file: byte offset → line/column in O(log lines).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the lines of `src`.
    pub fn new(src: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', src.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and byte column of a byte offset.
    pub fn pos(&self, byte: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= byte).max(1);
        Pos {
            line: line as u32,
            column: (byte - self.starts[line - 1]) as u32 + 1,
        }
    }

    /// The span of a byte range.
    pub fn span(&self, r: Range<usize>) -> Span {
        Span {
            start: self.pos(r.start),
            end: self.pos(r.end.max(r.start)),
            start_byte: r.start,
            end_byte: r.end.max(r.start),
        }
    }
}

/// One word of an instruction's arguments, quotes removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DWord {
    pub text: String,
    /// Byte range in the file (first to last source byte of the word).
    pub range: Range<usize>,
}

/// A heredoc attached to an instruction (`<<EOF` … `EOF`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heredoc {
    pub delimiter: String,
    /// The body's bytes in the file (without the closing delimiter line).
    pub body: Range<usize>,
}

/// One instruction.
#[derive(Debug, Clone)]
pub struct Instruction {
    /// The keyword, uppercased (`RUN`).
    pub keyword: String,
    pub keyword_range: Range<usize>,
    /// Leading `--name=value` flags (`--from=build`, `--mount=type=cache,...`).
    pub flags: Vec<DWord>,
    /// The arguments after the flags, split into words.
    pub args: Vec<DWord>,
    /// The raw source of the arguments after the flags (to the end of the
    /// instruction's last line, heredoc bodies excluded).
    pub rest: Range<usize>,
    /// The arguments as a JSON array of strings (exec form), when they are one.
    pub json: Option<Vec<String>>,
    pub heredocs: Vec<Heredoc>,
    /// The stage (index of its `FROM`) it belongs to; `None` before the first `FROM`.
    pub stage: Option<usize>,
}

impl Instruction {
    /// The value of a flag (`--from=build` → `build`).
    pub fn flag(&self, name: &str) -> Option<&str> {
        self.flags.iter().find_map(|f| {
            let t = f.text.strip_prefix("--")?;
            match t.split_once('=') {
                Some((k, v)) if k == name => Some(v),
                None if t == name => Some(""),
                _ => None,
            }
        })
    }
}

/// A `FROM`: its image and optional stage name.
#[derive(Debug, Clone)]
pub struct Stage {
    /// Index of the `FROM` in [`Dockerfile::instructions`].
    pub from: usize,
    /// `AS name`, lowercased.
    pub name: Option<String>,
}

/// A parsed Dockerfile.
#[derive(Debug, Clone)]
pub struct Dockerfile {
    /// The escape character (`\`, or `` ` `` with `# escape=``).
    pub escape: char,
    pub instructions: Vec<Instruction>,
    pub stages: Vec<Stage>,
    pub index: LineIndex,
    /// Problems worth a diagnostic: (byte range, message).
    pub problems: Vec<(Range<usize>, String)>,
}

/// Instructions BuildKit knows (`MAINTAINER` and `ONBUILD` included).
const KEYWORDS: &[&str] = &[
    "ADD",
    "ARG",
    "CMD",
    "COPY",
    "ENTRYPOINT",
    "ENV",
    "EXPOSE",
    "FROM",
    "HEALTHCHECK",
    "LABEL",
    "MAINTAINER",
    "ONBUILD",
    "RUN",
    "SHELL",
    "STOPSIGNAL",
    "USER",
    "VOLUME",
    "WORKDIR",
];

/// The lines of `src` as byte ranges without their `\n` (and `\r`).
fn lines(src: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', src.as_bytes()) {
        let end = if nl > start && src.as_bytes()[nl - 1] == b'\r' {
            nl - 1
        } else {
            nl
        };
        out.push(start..end);
        start = nl + 1;
    }
    if start < src.len() {
        out.push(start..src.len());
    }
    out
}

/// Parse a Dockerfile. Never fails: what cannot be read is a problem and skipped.
pub fn parse(src: &str) -> Dockerfile {
    let index = LineIndex::new(src);
    let lines = lines(src);
    let mut d = Dockerfile {
        escape: '\\',
        instructions: Vec::new(),
        stages: Vec::new(),
        index,
        problems: Vec::new(),
    };
    let mut i = 0;
    // Parser directives: only at the very top, before any other line.
    while let Some(r) = lines.get(i) {
        let Some((k, v)) = directive(&src[r.clone()]) else {
            break;
        };
        if k == "escape" {
            match v {
                "\\" => d.escape = '\\',
                "`" => d.escape = '`',
                _ => d
                    .problems
                    .push((r.clone(), format!("invalid escape directive `{v}`"))),
            }
        }
        i += 1;
    }
    while i < lines.len() {
        let line = &src[lines[i].clone()];
        // A byte-order mark is not part of the first instruction.
        let trimmed = line.trim_start_matches('\u{feff}').trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            i += 1;
            continue;
        }
        // The instruction's physical segments: each line's content without
        // its trailing escape; comment and blank lines inside are dropped.
        let mut segments: Vec<Range<usize>> = Vec::with_capacity(1);
        segments.push(lines[i].start + (line.len() - trimmed.len())..lines[i].end);
        let mut last = i;
        while let Some(seg) = segments.last_mut() {
            let text = src[seg.clone()].trim_end();
            if !text.ends_with(d.escape) {
                break;
            }
            seg.end = seg.start + text.len() - d.escape.len_utf8();
            let mut j = last + 1;
            while j < lines.len() {
                let t = src[lines[j].clone()].trim_start();
                if t.is_empty() || t.starts_with('#') {
                    j += 1;
                } else {
                    break;
                }
            }
            if j >= lines.len() {
                break;
            }
            segments.push(lines[j].clone());
            last = j;
        }
        i = last + 1;
        let first = segments[0].clone();
        let kw_len = src[first.clone()]
            .find(|c: char| c.is_whitespace())
            .unwrap_or(first.len());
        let keyword_range = first.start..first.start + kw_len;
        let keyword = src[keyword_range.clone()].to_ascii_uppercase();
        segments[0].start = keyword_range.end;
        if !KEYWORDS.contains(&keyword.as_str()) {
            d.problems.push((
                keyword_range.clone(),
                format!(
                    "unknown instruction `{}`{}; it is not checked",
                    &src[keyword_range.clone()],
                    crate::suggest::did_you_mean(&keyword, KEYWORDS.iter().copied())
                ),
            ));
            continue;
        }
        let words = split_words(src, &segments, d.escape);
        let takes_flags = matches!(
            keyword.as_str(),
            "FROM" | "RUN" | "COPY" | "ADD" | "HEALTHCHECK"
        );
        let n_flags = if takes_flags {
            words
                .iter()
                .take_while(|w| w.text.starts_with("--"))
                .count()
        } else {
            0
        };
        let mut words = words;
        let args = words.split_off(n_flags);
        let flags = words;
        let rest_start = args.first().map_or(segments[0].end, |w| w.range.start);
        let rest = rest_start
            ..segments
                .last()
                .map_or(rest_start, |s| s.end.max(rest_start));
        let json = if matches!(
            keyword.as_str(),
            "RUN" | "CMD" | "ENTRYPOINT" | "SHELL" | "VOLUME" | "ADD" | "COPY"
        ) {
            let logical: String = segments
                .iter()
                .map(|s| &src[s.start.max(rest_start).min(s.end)..s.end])
                .collect();
            let t = logical.trim();
            t.starts_with('[')
                .then(|| serde_json::from_str::<Vec<String>>(t).ok())
                .flatten()
        } else {
            None
        };
        // Heredocs: bodies follow the instruction's last line, in order.
        let mut heredocs = Vec::new();
        if matches!(keyword.as_str(), "RUN" | "COPY" | "ADD") && json.is_none() {
            for w in &args {
                let Some(delim) = heredoc_delimiter(&w.text) else {
                    continue;
                };
                let (strip, delim) = match delim.strip_prefix('-') {
                    Some(d) => (true, d),
                    None => (false, delim),
                };
                let delim = delim.trim_matches(['"', '\'']).to_string();
                let body_start = lines.get(i).map_or(src.len(), |r| r.start);
                let mut j = i;
                while j < lines.len() {
                    let l = &src[lines[j].clone()];
                    let l = if strip { l.trim_start_matches('\t') } else { l };
                    if l == delim {
                        break;
                    }
                    j += 1;
                }
                if j >= lines.len() {
                    d.problems.push((
                        w.range.clone(),
                        format!(
                            "heredoc `{delim}` is never closed; it runs to the end of the file"
                        ),
                    ));
                    heredocs.push(Heredoc {
                        delimiter: delim,
                        body: body_start..src.len(),
                    });
                    i = lines.len();
                    break;
                }
                heredocs.push(Heredoc {
                    delimiter: delim,
                    body: body_start..lines[j].start,
                });
                i = j + 1;
            }
        }
        let stage = if keyword == "FROM" {
            let name = match args.as_slice() {
                [_, as_kw, name, ..] if as_kw.text.eq_ignore_ascii_case("as") => {
                    Some(name.text.to_ascii_lowercase())
                }
                _ => None,
            };
            d.stages.push(Stage {
                from: d.instructions.len(),
                name,
            });
            Some(d.stages.len() - 1)
        } else {
            d.stages.len().checked_sub(1)
        };
        d.instructions.push(Instruction {
            keyword,
            keyword_range,
            flags,
            args,
            rest,
            json,
            heredocs,
            stage,
        });
    }
    d
}

/// `# key=value` at the top of the file.
fn directive(line: &str) -> Option<(String, &str)> {
    let body = line.trim().strip_prefix('#')?;
    let (k, v) = body.split_once('=')?;
    let k = k.trim();
    if k.is_empty() || !k.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    Some((k.to_ascii_lowercase(), v.trim()))
}

/// The delimiter of a heredoc word (`<<EOF`, `<<-"EOF"`), if it is one.
fn heredoc_delimiter(word: &str) -> Option<&str> {
    let d = word.strip_prefix("<<")?;
    let name = d.trim_start_matches('-').trim_matches(['"', '\'']);
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')).then_some(d)
}

/// Split an instruction's segments into words: whitespace separates, quotes
/// group (and are removed), the escape character escapes the next one.
/// Segments join without a separator, as BuildKit joins continued lines.
fn split_words(src: &str, segments: &[Range<usize>], escape: char) -> Vec<DWord> {
    let mut out = Vec::new();
    let mut cur: Option<DWord> = None;
    let mut quote: Option<char> = None;
    for seg in segments {
        let mut chars = src[seg.clone()].char_indices().peekable();
        while let Some((off, c)) = chars.next() {
            let at = seg.start + off;
            let end = at + c.len_utf8();
            if quote.is_none() && c.is_whitespace() {
                if let Some(w) = cur.take() {
                    out.push(w);
                }
                continue;
            }
            let w = cur.get_or_insert_with(|| DWord {
                text: String::new(),
                range: at..at,
            });
            w.range.end = end;
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (None, '"' | '\'') => quote = Some(c),
                (q, c) if c == escape && q != Some('\'') => {
                    if let Some((o2, n)) = chars.next() {
                        w.text.push(n);
                        w.range.end = seg.start + o2 + n.len_utf8();
                    }
                }
                _ => w.text.push(c),
            }
        }
    }
    if let Some(w) = cur {
        out.push(w);
    }
    out
}

impl Dockerfile {
    /// For each line of the file (0-based index), the 1-based line of the
    /// instruction it belongs to (continuations and heredoc bodies
    /// included); lines outside instructions map to themselves. hadolint
    /// reports every problem at its instruction's first line: SARIF merging
    /// groups by this.
    pub fn instruction_lines(&self, src_len: usize) -> Vec<u32> {
        let n = self.index.starts.len();
        let mut out: Vec<u32> = (1..=n as u32).collect();
        for ins in &self.instructions {
            let end = ins
                .heredocs
                .last()
                .map_or(ins.rest.end, |h| h.body.end)
                .max(ins.rest.end)
                .min(src_len);
            let first = self.index.pos(ins.keyword_range.start).line;
            let last = self.index.pos(end).line;
            for l in first..=last {
                if let Some(slot) = out.get_mut(l as usize - 1) {
                    *slot = first;
                }
            }
        }
        out
    }

    /// The instructions of one stage.
    pub fn stage_instructions(&self, stage: usize) -> impl Iterator<Item = &Instruction> {
        self.instructions
            .iter()
            .filter(move |i| i.stage == Some(stage))
    }

    /// The stage a `FROM` image names, when it is an earlier stage (by name or index).
    pub fn earlier_stage(&self, image: &str, before: usize) -> Option<usize> {
        let lower = image.to_ascii_lowercase();
        (0..before.min(self.stages.len())).rev().find(|&s| {
            self.stages[s].name.as_deref() == Some(lower.as_str()) || lower == s.to_string()
        })
    }

    /// `ARG`s declared before the first `FROM`, with their defaults.
    pub fn global_args(&self) -> Vec<(&str, Option<&str>)> {
        self.instructions
            .iter()
            .take_while(|i| i.stage.is_none())
            .filter(|i| i.keyword == "ARG")
            .flat_map(|i| i.args.iter())
            .map(|w| match w.text.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (w.text.as_str(), None),
            })
            .collect()
    }

    /// Expand `$X`, `${X}`, `${X:-default}` with global `ARG` defaults;
    /// `None` when a variable has no known value.
    pub fn expand_global(&self, s: &str) -> Option<String> {
        if !s.contains('$') {
            return Some(s.to_string());
        }
        let args = self.global_args();
        let value = |name: &str| {
            args.iter()
                .rev()
                .find(|(k, _)| *k == name)
                .and_then(|(_, v)| *v)
        };
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let (name, default, len) = if let Some(b) = after.strip_prefix('{') {
                let end = b.find('}')?;
                let inner = &b[..end];
                match inner.split_once(":-").or_else(|| inner.split_once('-')) {
                    Some((n, d)) => (n, Some(d), end + 2),
                    None => (inner, None, end + 2),
                }
            } else {
                let end = after
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(after.len());
                (&after[..end], None, end)
            };
            if name.is_empty() {
                return None;
            }
            out.push_str(value(name).filter(|v| !v.is_empty()).or(default)?);
            rest = &after[len..];
        }
        out.push_str(rest);
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(i: &Instruction) -> Vec<&str> {
        i.args.iter().map(|w| w.text.as_str()).collect()
    }

    #[test]
    fn continuations_comments_flags_and_stages() {
        let src = "# syntax=docker/dockerfile:1\nARG PY=3.12\nFROM python:${PY} AS build\nRUN --mount=type=cache,target=/root/.cache apt-get update \\\n    # a comment inside\n\n    && apt-get install -y \"curl\" \\\n    git\nfrom build\nCMD [\"app\", \"--port\", \"80\"]\n";
        let d = parse(src);
        assert!(d.problems.is_empty(), "{:?}", d.problems);
        let k: Vec<&str> = d.instructions.iter().map(|i| i.keyword.as_str()).collect();
        assert_eq!(k, ["ARG", "FROM", "RUN", "FROM", "CMD"]);
        assert_eq!(d.instructions[0].stage, None);
        let run = &d.instructions[2];
        assert_eq!(run.flag("mount"), Some("type=cache,target=/root/.cache"));
        assert_eq!(
            words(run),
            ["apt-get", "update", "&&", "apt-get", "install", "-y", "curl", "git"]
        );
        let git = run.args.last().unwrap();
        assert_eq!(d.index.pos(git.range.start).line, 8);
        let lines = d.instruction_lines(src.len());
        assert_eq!(&lines[3..9], &[4, 4, 4, 4, 4, 9]);
        assert_eq!(d.stages[0].name.as_deref(), Some("build"));
        assert_eq!(d.earlier_stage("BUILD", 1), Some(0));
        assert_eq!(
            d.expand_global("python:${PY}").as_deref(),
            Some("python:3.12")
        );
        assert_eq!(d.expand_global("x:$NOPE"), None);
        assert_eq!(
            d.instructions[4].json.as_deref(),
            Some(&["app".to_string(), "--port".into(), "80".into()][..])
        );
    }

    #[test]
    fn escape_directive_heredocs_and_unknown_instructions() {
        let src = "# escape=`\nFROM mcr.microsoft.com/windows:ltsc2022\nRUN echo a `\n  b\nRUN <<EOF\napt-get update\nEOF\nCOPY <<-A <<B /x\n\tone\n\tA\ntwo\nB\nFORM x\nRUN <<OPEN\nnever closed\n";
        let d = parse(src);
        assert_eq!(d.escape, '`');
        assert_eq!(words(&d.instructions[1]), ["echo", "a", "b"]);
        let h = &d.instructions[2].heredocs;
        assert_eq!(&src[h[0].body.clone()], "apt-get update\n");
        let c = &d.instructions[3].heredocs;
        assert_eq!(c.len(), 2);
        assert_eq!(&src[c[0].body.clone()], "\tone\n");
        assert_eq!(&src[c[1].body.clone()], "two\n");
        let msgs: Vec<&str> = d.problems.iter().map(|p| p.1.as_str()).collect();
        assert!(
            msgs[0].starts_with("unknown instruction `FORM` (did you mean `FROM`?)"),
            "{msgs:?}"
        );
        assert!(
            msgs[1].contains("heredoc `OPEN` is never closed"),
            "{msgs:?}"
        );
        assert_eq!(d.index.pos(d.problems[0].0.start).line, 13);
    }

    #[test]
    fn bad_input_never_panics() {
        for src in [
            "\\",
            "RUN \\",
            "RUN \"unclosed",
            "FROM\n",
            "RUN <<",
            "\u{feff}FROM x",
            "ENV a=\"b\\",
            "RUN [\"a\"",
            "\r\n\r\nRUN x\r\n",
        ] {
            let _ = parse(src);
        }
    }
}
