//! The detection pipeline, one stage per function:
//! path allowlist → keyword prefilter → regex (only near keyword hits; a
//! provider's name also looks at a key on the next lines) → secret group →
//! entropy → rule and global allowlists → inline allow.

use std::cell::RefCell;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use memchr::{memchr, memrchr};

use super::compile::{duplicate_names, Allowlist, Candidate, CompileError, Rule};
use super::decode;
use super::entropy::shannon;
use super::json_view::{self, JsonView};
use super::syntax::Decode;

/// How far either side of a keyword hit a single-line rule looks, at most,
/// on very long (minified) lines.
const LINE_WINDOW: usize = 2048;

/// How many lines after a provider's name [`RuleSet::next_line_detections`]
/// looks for its key.
const NEXT_LINES: usize = 2;
/// The longest such line it reads (longer ones are data, not a log line).
const NEXT_LINE_MAX: usize = 1024;

/// A value after a word that names a key: `Using Key=…`, `API_KEY: …`,
/// `token=…`, an `Authorization: Bearer …` header (group 1, without quotes).
static NAMED_VALUE: std::sync::LazyLock<regex::bytes::Regex> = std::sync::LazyLock::new(|| {
    regex::bytes::Regex::new(
        r#"(?i)(?:^|[^a-z0-9])(?:(?:api[ _-]?)?(?:key|token|secret)|authorization)[ \t]*[=:][ \t]*["'`]?(?:(?:bearer|token|basic)[ \t]+)?([^\s"'`,;)\]}>]{8,512})"#,
    )
    .expect("a fixed pattern")
});

/// How many encodings deep decoding rules look (base64 in base64).
const MAX_DECODE_DEPTH: usize = 2;

/// Comments that mark a line as a reviewed false positive.
const INLINE_ALLOW_MARKERS: [&[u8]; 2] = [b"gate:allow", b"gitleaks:allow"];

/// Rules compiled together with their shared prefilter and global allowlists.
#[derive(Debug)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub global_allowlists: Vec<Allowlist>,
    prefilter: Option<Keywords>,
    /// For each prefilter pattern, the rules that listed it as a keyword.
    keyword_rules: Vec<Vec<usize>>,
    /// For each prefilter pattern that is all letters and listed by a rule
    /// with `keyword_boundary`, its length: a hit of it inside a longer word
    /// wakes no such rule (other patterns' hits are not tested).
    word_keyword_len: Vec<Option<usize>>,
    /// Rules with no keywords: they run on every file they apply to.
    unkeyed_rules: Vec<usize>,
    /// Rules whose `path` or allowlists depend on the file path.
    path_sensitive: Vec<usize>,
    /// Rules with a `path` and no regex: they flag a file by its name.
    path_only_rules: Vec<usize>,
}

/// A candidate that survived every stage. Offsets are into the scanned bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Detection {
    pub rule: usize,
    pub start: usize,
    pub end: usize,
    pub secret_start: usize,
    pub secret_end: usize,
    pub entropy: f32,
    /// The inline marker that allows it, when the line carries one.
    pub inline_allow: Option<&'static str>,
}

impl RuleSet {
    /// Build the prefilter over every rule's keywords. Rule ids (and
    /// aliases) are unique in a rule set: two rules with one id are an error.
    pub fn new(
        rules: Vec<Rule>,
        global_allowlists: Vec<Allowlist>,
    ) -> Result<Self, Vec<CompileError>> {
        let duplicates = duplicate_names(&rules);
        if !duplicates.is_empty() {
            return Err(duplicates);
        }
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        let mut unkeyed_rules = Vec::new();
        for (i, rule) in rules.iter().enumerate() {
            if rule.keywords.is_empty() {
                unkeyed_rules.push(i);
            }
            for k in &rule.keywords {
                match keywords.iter().position(|x| x == k) {
                    Some(p) => keyword_rules[p].push(i),
                    None => {
                        keywords.push(k.clone());
                        keyword_rules.push(vec![i]);
                    }
                }
            }
        }
        let path_sensitive = rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.path.is_some() || r.allowlists.iter().any(|a| !a.paths.is_empty()))
            .map(|(i, _)| i)
            .collect();
        let word_keyword_len = keywords
            .iter()
            .zip(&keyword_rules)
            .map(|(k, rs)| {
                let tested = k.bytes().all(|b| b.is_ascii_alphabetic())
                    && rs.iter().any(|&r| rules[r].keyword_boundary);
                tested.then_some(k.len())
            })
            .collect();
        let path_only_rules = (0..rules.len())
            .filter(|&i| rules[i].regex.is_none())
            .collect();
        let prefilter = (!keywords.is_empty()).then(|| Keywords::new(&keywords));
        Ok(RuleSet {
            rules,
            global_allowlists,
            prefilter,
            keyword_rules,
            word_keyword_len,
            unkeyed_rules,
            path_sensitive,
            path_only_rules,
        })
    }

    /// Run the whole pipeline over one file's bytes.
    pub fn detect(&self, path: &str, bytes: &[u8], commit: Option<&str>) -> Vec<Detection> {
        if self.path_allowed_globally(path) {
            return Vec::new();
        }
        let applicable = self.applicable(path);
        let mut out = SCRATCH.with_borrow_mut(|windows| {
            self.regex_detections(path, bytes, commit, &applicable, windows)
        });
        let decoded = self.decoded(bytes, &mut out);
        out.extend(decoded);
        if json_view::wants(path) {
            let escaped = self.escaped_detections(path, bytes, commit, &applicable, &out);
            out.extend(escaped);
        }
        // A file named like a key store is reported by its name only when its
        // content showed nothing (a PEM `id_rsa` is the private-key rule's).
        if out.is_empty() {
            out.extend(self.path_only_detections(path, &applicable));
        }
        out.sort_by_key(|d| (d.start, d.rule));
        out
    }

    /// Stages 2–7 for every regex rule that applies (decoding rules' detections
    /// are judged afterwards by [`RuleSet::decoded`]).
    fn regex_detections(
        &self,
        path: &str,
        bytes: &[u8],
        commit: Option<&str>,
        applicable: &[bool],
        windows: &mut Windows,
    ) -> Vec<Detection> {
        let mut out = Vec::new();
        self.prefilter_windows(bytes, applicable, windows);
        for (rule_idx, rule_windows) in windows.in_rule_order() {
            let rule = &self.rules[rule_idx];
            for &(ws, we) in rule_windows {
                for cand in regex_candidates(rule, bytes, ws, we) {
                    if let Some(d) = self.finish(rule_idx, path, bytes, commit, cand) {
                        out.push(d);
                    }
                }
            }
        }
        self.next_line_detections(path, bytes, commit, &mut windows.named_lines, &mut out);
        out
    }

    /// Stage 3b: a provider named on one line and a key printed or assigned
    /// on one of the next [`NEXT_LINES`] lines, the way logs write it:
    ///
    /// ```text
    /// [INFO] Sending request to the Heroku API
    /// [DEBUG] Using Key=<a UUID>
    /// ```
    ///
    /// The value after `key`/`token`/`secret` `=`/`:` must be, whole, what the
    /// rule's secret group describes (a wrong length or alphabet is not that
    /// provider's key); entropy, allowlists and inline allows then judge it
    /// as any other candidate. A value some rule already found is left alone.
    fn next_line_detections(
        &self,
        path: &str,
        bytes: &[u8],
        commit: Option<&str>,
        named: &mut Vec<(usize, usize, usize)>,
        out: &mut Vec<Detection>,
    ) {
        if named.is_empty() {
            return;
        }
        named.sort_unstable();
        named.dedup();
        let mut values: Vec<(usize, usize)> = Vec::new();
        let mut values_of: Option<usize> = None;
        for &(line_start, line_end, r) in named.iter() {
            if values_of != Some(line_end) {
                values_of = Some(line_end);
                values.clear();
                values.extend(named_values_after(bytes, line_end));
            }
            if values.is_empty() {
                continue;
            }
            let rule = &self.rules[r];
            let Some(whole) = rule
                .regex
                .as_ref()
                .and_then(|re| re.whole(rule.secret_group()))
            else {
                continue;
            };
            for &(vs, ve) in &values {
                if !whole.is_match(&bytes[vs..ve])
                    || out.iter().any(|d| d.secret_start < ve && vs < d.secret_end)
                {
                    continue;
                }
                let cand = RegexCandidate {
                    start: line_start,
                    end: ve,
                    secret_start: vs,
                    secret_end: ve,
                };
                if let Some(d) = self.finish(r, path, bytes, commit, cand) {
                    out.push(d);
                }
            }
        }
    }

    /// Detections in the unescaped strings of a notebook or JSON file (see
    /// [`JsonView`]), placed on the file's own bytes; those that the file as
    /// it is already gave (`found`) are not repeated.
    fn escaped_detections(
        &self,
        path: &str,
        bytes: &[u8],
        commit: Option<&str>,
        applicable: &[bool],
        found: &[Detection],
    ) -> Vec<Detection> {
        let Some(view) = JsonView::of(bytes) else {
            return Vec::new();
        };
        let mut ds = SCRATCH.with_borrow_mut(|windows| {
            self.regex_detections(path, &view.text, commit, applicable, windows)
        });
        let decoded = self.decoded(&view.text, &mut ds);
        ds.extend(decoded);
        let known: std::collections::HashSet<(usize, usize, usize)> = found
            .iter()
            .map(|d| (d.rule, d.secret_start, d.secret_end))
            .collect();
        ds.into_iter()
            .map(|d| {
                let (start, end) = view.file_range(d.start, d.end);
                let (secret_start, secret_end) = view.file_range(d.secret_start, d.secret_end);
                Detection {
                    start,
                    end,
                    secret_start,
                    secret_end,
                    ..d
                }
            })
            .filter(|d| !known.contains(&(d.rule, d.secret_start, d.secret_end)))
            .collect()
    }

    /// Judge the detections of decoding rules (taken out of `ds`): each is
    /// kept under its own rule, kept under the rule that recognises its
    /// decoded text, or dropped.
    fn decoded(&self, bytes: &[u8], ds: &mut Vec<Detection>) -> Vec<Detection> {
        if !ds.iter().any(|d| self.rules[d.rule].decode.is_some()) {
            return Vec::new();
        }
        let (pending, kept): (Vec<Detection>, Vec<Detection>) = std::mem::take(ds)
            .into_iter()
            .partition(|d| self.rules[d.rule].decode.is_some());
        *ds = kept;
        pending
            .into_iter()
            .filter_map(|d| self.judge(d, bytes, 0))
            .collect()
    }

    /// One decoding rule's detection: decode its secret and say under which
    /// rule it stands, if any. `depth` counts the decodings around it (a
    /// Docker config inside a Kubernetes Secret is two deep).
    fn judge(&self, d: Detection, bytes: &[u8], depth: usize) -> Option<Detection> {
        let rule = &self.rules[d.rule];
        let decode = rule.decode?;
        let secret = &bytes[d.secret_start..d.secret_end];
        let text = match decode {
            Decode::Text => secret.to_vec(),
            Decode::Base64 | Decode::Base64UserPassword => decode::base64(secret)?,
        };
        if !decode::is_printable(&text) {
            return None;
        }
        if let Some(inner) = self.inner_rule(&text, depth + 1) {
            return Some(Detection { rule: inner, ..d });
        }
        let judged = match decode {
            Decode::Base64UserPassword => {
                decode::password_of(&text).is_some_and(decode::is_chosen_password)
            }
            Decode::Base64 | Decode::Text => decode::is_password_shaped(&text),
        };
        (judged && !self.placeholder(rule, &text)).then_some(d)
    }

    /// The most confident non-generic rule that finds a secret in decoded
    /// text (rules bound to a path do not run on it; decoding rules run up
    /// to [`MAX_DECODE_DEPTH`] levels deep).
    fn inner_rule(&self, text: &[u8], depth: usize) -> Option<usize> {
        let applicable: Vec<bool> = self
            .rules
            .iter()
            .map(|r| r.path.is_none() && (r.decode.is_none() || depth < MAX_DECODE_DEPTH))
            .collect();
        let mut windows = Windows::default();
        self.regex_detections("", text, None, &applicable, &mut windows)
            .into_iter()
            .filter_map(|d| {
                if self.rules[d.rule].decode.is_some() {
                    self.judge(d, text, depth)
                } else {
                    Some(d)
                }
            })
            .filter(|d| !self.rules[d.rule].tags.iter().any(|t| t == "generic"))
            .max_by_key(|d| {
                let r = &self.rules[d.rule];
                (r.confidence, r.severity, std::cmp::Reverse(d.rule))
            })
            .map(|d| d.rule)
    }

    /// Whether a decoded value is one the rule or the global allowlists call
    /// a placeholder (`${PASSWORD}`, `changeme`, `<token>`).
    fn placeholder(&self, rule: &Rule, text: &[u8]) -> bool {
        let value = text.strip_suffix(b"\n").unwrap_or(text);
        let c = Candidate {
            path: "",
            commit: None,
            secret: value,
            matched: value,
            line: value,
        };
        self.allowlisted(rule, &c)
    }

    /// Which rules may look at this path (their `path` and path allowlists).
    fn applicable(&self, path: &str) -> Vec<bool> {
        let mut applicable = vec![true; self.rules.len()];
        for &i in &self.path_sensitive {
            applicable[i] = rule_applies_to_path(&self.rules[i], path);
        }
        applicable
    }

    /// Stage 1: files no rule should look at (lock files, images, ...).
    fn path_allowed_globally(&self, path: &str) -> bool {
        self.global_allowlists
            .iter()
            .any(|a| a.target_rules.is_empty() && a.excludes_path(path))
    }

    /// Stage 2: the keyword prefilter. Fills `windows` with, per rule, the
    /// merged byte windows around its keyword hits in which its regex must run.
    fn prefilter_windows(&self, bytes: &[u8], applicable: &[bool], windows: &mut Windows) {
        windows.reset(self.rules.len());
        for &r in &self.unkeyed_rules {
            if applicable[r] && self.rules[r].regex.is_some() {
                windows.push(r, (0, bytes.len()));
            }
        }
        let Some(keywords) = &self.prefilter else {
            return;
        };
        // Bounds of the last hit's line, reused while hits stay on a line whose
        // true ends were found (not cut off at the window's reach).
        let mut last: Option<(usize, usize)> = None;
        keywords.hits(bytes, |pattern, hit| {
            let (line_start, line_end, exact) = match last {
                Some((ls, le)) if hit >= ls && hit < le => (ls, le, true),
                _ => {
                    let (ls, le) = line_bounds(bytes, hit);
                    let exact = (ls == 0 || bytes[ls - 1] == b'\n')
                        && (le == bytes.len() || bytes[le] == b'\n');
                    last = exact.then_some((ls, le));
                    (ls, le, exact)
                }
            };
            // Stage 4b's test, early: a match must hold one of the rule's
            // keywords as a word, and that occurrence is a hit of its own.
            let inside_a_word = self.word_keyword_len[pattern]
                .is_some_and(|len| !is_identifier_word(bytes, hit, hit + len));
            // A hit right after a letter, digit or `_` cannot start a match
            // of a rule that begins `\b<keyword>`.
            let glued =
                hit > 0 && (bytes[hit - 1].is_ascii_alphanumeric() || bytes[hit - 1] == b'_');
            for &r in &self.keyword_rules[pattern] {
                if !applicable[r]
                    || self.rules[r].regex.is_none()
                    || inside_a_word && self.rules[r].keyword_boundary
                    || glued && self.rules[r].starts_at_keyword()
                {
                    continue;
                }
                let window = if self.rules[r].multiline {
                    let from = match self.rules[r].lookbehind {
                        Some(back) => hit.saturating_sub(back),
                        None => line_start.max(hit.saturating_sub(LINE_WINDOW)),
                    };
                    (from, bytes.len().min(hit + self.rules[r].window))
                } else {
                    (
                        line_start.max(hit.saturating_sub(LINE_WINDOW)),
                        line_end.min(hit + LINE_WINDOW),
                    )
                };
                windows.push(r, window);
                if exact && self.rules[r].keyword_boundary && !inside_a_word {
                    windows.named_lines.push((line_start, line_end, r));
                }
            }
        });
        // Hits do not arrive in order.
        windows.sort_merged();
    }

    /// Stages 5–7 for one regex candidate: entropy, allowlists, inline allow.
    fn finish(
        &self,
        rule_idx: usize,
        path: &str,
        bytes: &[u8],
        commit: Option<&str>,
        c: RegexCandidate,
    ) -> Option<Detection> {
        let rule = &self.rules[rule_idx];
        if rule.keyword_boundary && !keyword_on_boundary(rule, bytes, c.start, c.end) {
            return None;
        }
        let secret = &bytes[c.secret_start..c.secret_end];
        let entropy = shannon(secret);
        if !entropy_passes(rule, entropy) {
            return None;
        }
        let (line_start, _) = line_bounds(bytes, c.start);
        let (_, line_end) = line_bounds(bytes, c.end.saturating_sub(1).max(c.start));
        let candidate = Candidate {
            path,
            commit,
            secret,
            matched: &bytes[c.start..c.end],
            line: &bytes[line_start..line_end],
        };
        if self.allowlisted(rule, &candidate) {
            return None;
        }
        Some(Detection {
            rule: rule_idx,
            start: c.start,
            end: c.end,
            secret_start: c.secret_start,
            secret_end: c.secret_end,
            entropy,
            inline_allow: inline_allow(candidate.line),
        })
    }

    /// Stage 6: the rule's own allowlists, then the global ones that target it.
    fn allowlisted(&self, rule: &Rule, c: &Candidate<'_>) -> bool {
        rule.allowlists.iter().any(|a| a.allows(c))
            || self
                .global_allowlists
                .iter()
                .any(|a| a.targets(&rule.id, &rule.aliases) && a.allows(c))
    }

    /// Path-only rules (a `path` and no regex) that flag this file by its name.
    pub fn detect_path_only(&self, path: &str) -> Vec<Detection> {
        if self.path_allowed_globally(path) {
            return Vec::new();
        }
        let applicable = self.applicable(path);
        self.path_only_detections(path, &applicable).collect()
    }

    /// Rules with a `path` and no regex flag the file itself.
    fn path_only_detections<'a>(
        &'a self,
        path: &'a str,
        applicable: &'a [bool],
    ) -> impl Iterator<Item = Detection> + 'a {
        self.path_only_rules
            .iter()
            .map(|&i| (i, &self.rules[i]))
            .filter(move |(i, _)| applicable[*i])
            .filter(move |(_, r)| {
                let empty = Candidate {
                    path,
                    commit: None,
                    secret: b"",
                    matched: b"",
                    line: b"",
                };
                !r.allowlists.iter().any(|a| a.allows(&empty))
            })
            .map(|(i, _)| Detection {
                rule: i,
                start: 0,
                end: 0,
                secret_start: 0,
                secret_end: 0,
                entropy: 0.0,
                inline_allow: None,
            })
    }
}

/// A rule's `path` filter and its path-only allowlists.
fn rule_applies_to_path(rule: &Rule, path: &str) -> bool {
    if let Some(p) = &rule.path {
        if !p.is_match(path.as_bytes()) {
            return false;
        }
    }
    !rule.allowlists.iter().any(|a| a.excludes_path(path))
}

/// Independent searches the keyword automaton runs side by side over one file.
const LANES: usize = 4;
/// Files shorter than this are searched in one pass.
const MIN_SPLIT: usize = 4 << 10;

/// The keyword automaton, over a small alphabet of its own: each byte that
/// occurs in a keyword gets a code of its own (a letter's two cases share
/// one) and every other byte is 0. Its transition table has one column per
/// code instead of one per byte range the keywords cut the 256 bytes into,
/// so it is half as wide and more of the states a scan visits stay in cache:
/// the search is a chain of dependent table loads, one per byte.
#[derive(Debug)]
struct Keywords {
    dfa: DFA,
    /// Byte → code; upper and lower case of an ASCII letter share a code.
    code: [u8; 256],
}

impl Keywords {
    /// The automaton over every keyword, matched ASCII case-insensitively.
    fn new<K: AsRef<[u8]>>(keywords: &[K]) -> Keywords {
        let mut code = [0u8; 256];
        let mut next: usize = 1;
        for &b in keywords.iter().flat_map(|k| k.as_ref()) {
            let b = b.to_ascii_lowercase();
            if code[usize::from(b)] == 0 && next <= usize::from(u8::MAX) {
                code[usize::from(b)] = next as u8;
                code[usize::from(b.to_ascii_uppercase())] = next as u8;
                next += 1;
            }
        }
        // More than 255 distinct bytes (never in practice): every byte is its
        // own code, case folded.
        if next > usize::from(u8::MAX) {
            for (b, c) in code.iter_mut().enumerate() {
                *c = (b as u8).to_ascii_lowercase();
            }
        }
        let coded: Vec<Vec<u8>> = keywords
            .iter()
            .map(|k| k.as_ref().iter().map(|&b| code[usize::from(b)]).collect())
            .collect();
        let dfa = DFA::builder()
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Unanchored)
            .build(&coded)
            .expect("keywords are plain literals");
        Keywords { dfa, code }
    }

    /// Every occurrence of every keyword, overlapping ones included, as
    /// `(pattern, start)`, in no particular order.
    ///
    /// One pass of a DFA is a chain of dependent table loads, so it runs at
    /// the latency of a load per byte. The file is cut into `LANES` parts
    /// searched in the same loop, one byte of each per step: the loads
    /// overlap and the search runs several times faster. Each part after the
    /// first is entered `max_pattern_len - 1` bytes early so a keyword that
    /// straddles the cut is seen, and reports only what ends inside the part.
    fn hits(&self, bytes: &[u8], mut hit: impl FnMut(usize, usize)) {
        let dfa = &self.dfa;
        let start = dfa
            .start_state(Anchored::No)
            .expect("the keyword automaton is built for unanchored search");
        if bytes.len() < MIN_SPLIT {
            let mut sid = start;
            self.search_range(bytes, &mut sid, 0..bytes.len(), &mut hit);
            return;
        }
        let part = bytes.len().div_ceil(LANES);
        let lead = dfa.max_pattern_len().saturating_sub(1);
        let mut sid = [start; LANES];
        for (lane, s) in sid.iter_mut().enumerate().skip(1) {
            let from = lane * part;
            for &b in &bytes[from.saturating_sub(lead)..from] {
                *s = self.next(*s, b);
            }
        }
        // Every part but the last is `part` long; the last may be shorter.
        let last_len = bytes.len() - (LANES - 1) * part;
        for k in 0..last_len {
            for (lane, s) in sid.iter_mut().enumerate() {
                let at = lane * part + k;
                *s = self.next(*s, bytes[at]);
                if dfa.is_match(*s) {
                    report(dfa, *s, at + 1, &mut hit);
                }
            }
        }
        for (lane, s) in sid.iter_mut().enumerate().take(LANES - 1) {
            self.search_range(
                bytes,
                s,
                lane * part + last_len..(lane + 1) * part,
                &mut hit,
            );
        }
    }

    /// The state after `b`.
    #[inline(always)]
    fn next(&self, sid: StateID, b: u8) -> StateID {
        self.dfa
            .next_state(Anchored::No, sid, self.code[usize::from(b)])
    }

    /// Run the automaton from `sid` over `range`, reporting what ends there.
    fn search_range(
        &self,
        bytes: &[u8],
        sid: &mut StateID,
        range: std::ops::Range<usize>,
        hit: &mut impl FnMut(usize, usize),
    ) {
        let from = range.start;
        for (i, &b) in bytes[range].iter().enumerate() {
            *sid = self.next(*sid, b);
            if self.dfa.is_match(*sid) {
                report(&self.dfa, *sid, from + i + 1, hit);
            }
        }
    }
}

/// Every keyword that ends at `end` in match state `sid`, as `(pattern, start)`.
fn report(dfa: &DFA, sid: StateID, end: usize, hit: &mut impl FnMut(usize, usize)) {
    for i in 0..dfa.match_len(sid) {
        let pattern = dfa.match_pattern(sid, i);
        hit(pattern.as_usize(), end - dfa.pattern_len(pattern));
    }
}

thread_local! {
    /// Each thread's windows, reused from file to file: a file costs nothing
    /// in proportion to the size of the catalogue, only to its keyword hits.
    static SCRATCH: RefCell<Windows> = RefCell::default();
}

/// Per rule, the byte windows its regex must run in, for one file.
#[derive(Default)]
struct Windows {
    by_rule: Vec<Vec<(usize, usize)>>,
    /// The rules with at least one window, in the order they got it.
    touched: Vec<usize>,
    /// Lines that name a provider as a word, with the provider-bound rule
    /// they name: `(line start, line end, rule)`, for [`RuleSet::next_line_detections`].
    named_lines: Vec<(usize, usize, usize)>,
}

impl Windows {
    fn reset(&mut self, rules: usize) {
        for r in self.touched.drain(..) {
            self.by_rule[r].clear();
        }
        self.named_lines.clear();
        if self.by_rule.len() < rules {
            self.by_rule.resize_with(rules, Vec::new);
        }
    }

    /// Add a window to a rule's list, merging with the previous one when they touch.
    fn push(&mut self, rule: usize, w: (usize, usize)) {
        let list = &mut self.by_rule[rule];
        if list.is_empty() {
            self.touched.push(rule);
        }
        push_merged(list, w);
    }

    /// Put each rule's windows in order and merge those that touch.
    fn sort_merged(&mut self) {
        for &r in &self.touched {
            let list = &mut self.by_rule[r];
            if list.windows(2).any(|p| p[1].0 < p[0].0) {
                list.sort_unstable();
                let unsorted = std::mem::take(list);
                for w in unsorted {
                    push_merged(list, w);
                }
            }
        }
    }

    /// Each rule with windows, and its windows, in rule order; the lists are
    /// cleared by the next `reset`.
    fn in_rule_order(&mut self) -> impl Iterator<Item = (usize, &[(usize, usize)])> + '_ {
        self.touched.sort_unstable();
        let by_rule = &self.by_rule;
        self.touched
            .iter()
            .map(move |&r| (r, by_rule[r].as_slice()))
    }
}

#[derive(Debug, Clone, Copy)]
struct RegexCandidate {
    start: usize,
    end: usize,
    secret_start: usize,
    secret_end: usize,
}

/// Stages 3 and 4: the rule's regex inside one window, and its secret group.
/// A window with nothing shaped like the secret is skipped before the whole
/// pattern, whose context part is the costly automaton, ever runs.
fn regex_candidates<'a>(
    rule: &'a Rule,
    bytes: &'a [u8],
    ws: usize,
    we: usize,
) -> impl Iterator<Item = RegexCandidate> + 'a {
    let lazy = rule.regex.as_ref();
    let group = rule.secret_group();
    let shape_absent = lazy
        .and_then(|r| r.shape(group))
        .is_some_and(|shape| !shape.is_match(&bytes[ws..we]));
    let re = lazy.filter(|_| !shape_absent).and_then(|r| r.get());
    re.into_iter()
        .flat_map(move |re| re.captures_iter(&bytes[ws..we]))
        .filter_map(move |caps| {
            let whole = caps.get_match()?;
            let secret = caps.get_group(group)?;
            if secret.is_empty() {
                return None;
            }
            Some(RegexCandidate {
                start: ws + whole.start(),
                end: ws + whole.end(),
                secret_start: ws + secret.start,
                secret_end: ws + secret.end,
            })
        })
}

/// Stage 4b, for rules with `keyword_boundary`: one of the rule's keywords
/// occurs inside `bytes[start..end]` as a word of an identifier. A keyword
/// that is not all letters (`mg_`, `z.ai`) counts wherever it occurs.
fn keyword_on_boundary(rule: &Rule, bytes: &[u8], start: usize, end: usize) -> bool {
    let matched = &bytes[start..end];
    rule.keywords.iter().any(|k| {
        let k = k.as_bytes();
        if k.is_empty() || k.len() > matched.len() {
            return false;
        }
        let word = k.iter().all(u8::is_ascii_alphabetic);
        (0..=matched.len() - k.len())
            .filter(|&i| matched[i..i + k.len()].eq_ignore_ascii_case(k))
            .any(|i| !word || is_identifier_word(bytes, start + i, start + i + k.len()))
    })
}

/// Whether `bytes[s..e]` (letters) is a whole word of an identifier: not
/// preceded or followed by more letters of the same word. A word starts after
/// a non-alphanumeric byte, at a camelCase hump (`myOkta`, `XMLOkta`) or at
/// the start of the text; it ends before a non-letter (digits allowed:
/// `OKTA2`), at a hump (`oktaToken`), at the end of the text, or where a
/// credential word follows in the same case (`oktatoken`, `SUMOACCESSID`).
fn is_identifier_word(bytes: &[u8], s: usize, e: usize) -> bool {
    let first = bytes[s];
    let last = bytes[e - 1];
    let starts = match s.checked_sub(1).map(|p| bytes[p]) {
        None => true,
        Some(p) if !p.is_ascii_alphanumeric() => true,
        Some(p) if p.is_ascii_lowercase() || p.is_ascii_digit() => first.is_ascii_uppercase(),
        // A Java system property on a command line: `-Dsonar.token=`.
        Some(b'D') if s >= 2 && bytes[s - 2] == b'-' => true,
        // After capitals: `XMLOkta`, a capitalised word after an acronym.
        Some(_) => {
            first.is_ascii_uppercase() && bytes.get(s + 1).is_some_and(u8::is_ascii_lowercase)
        }
    };
    let ends = match bytes.get(e) {
        None => true,
        Some(n) if !n.is_ascii_alphabetic() => true,
        Some(n) if last.is_ascii_lowercase() && n.is_ascii_uppercase() => true,
        Some(n) => {
            n.is_ascii_lowercase() == last.is_ascii_lowercase()
                && CREDENTIAL_WORDS.iter().any(|w| {
                    bytes
                        .get(e..e + w.len())
                        .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
                })
        }
    };
    starts && ends
}

/// Words that follow a provider's name run together in one-case
/// identifiers (`oktatoken`, `SUMOACCESSKEY`).
const CREDENTIAL_WORDS: [&str; 28] = [
    "api", "key", "token", "secret", "pass", "pwd", "auth", "access", "client", "app", "id",
    "private", "bearer", "cred", "dsn", "url", "write", "read", "admin", "search", "master",
    "service", "account", "license", "webhook", "oauth", "login", "user",
];

/// Stage 5: the secret must be random enough when the rule asks for it.
fn entropy_passes(rule: &Rule, entropy: f32) -> bool {
    rule.entropy.is_none_or(|min| entropy >= min)
}

/// Stage 7: a `gate:allow` / `gitleaks:allow` marker on the match's line.
fn inline_allow(line: &[u8]) -> Option<&'static str> {
    INLINE_ALLOW_MARKERS
        .iter()
        .find(|m| memchr::memmem::find(line, m).is_some())
        .map(|m| {
            if m[0] == b'g' && m[1] == b'a' {
                "gate:allow"
            } else {
                "gitleaks:allow"
            }
        })
}

/// The values named as keys (see [`NAMED_VALUE`]) on the [`NEXT_LINES`]
/// lines after the one ending at `line_end`, as byte ranges.
fn named_values_after(bytes: &[u8], line_end: usize) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut end = line_end;
    for _ in 0..NEXT_LINES {
        let start = end + 1;
        if start >= bytes.len() {
            break;
        }
        end = memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        if end - start > NEXT_LINE_MAX {
            break;
        }
        found.extend(
            NAMED_VALUE
                .captures_iter(&bytes[start..end])
                .filter_map(|c| c.get(1))
                .map(|m| (start + m.start(), start + m.end())),
        );
    }
    found
}

/// The byte range of the line holding `pos` (without its newline), searching
/// at most `LINE_WINDOW` bytes either side.
fn line_bounds(bytes: &[u8], pos: usize) -> (usize, usize) {
    let lo = pos.saturating_sub(LINE_WINDOW);
    let start = memrchr(b'\n', &bytes[lo..pos.min(bytes.len())]).map_or(lo, |i| lo + i + 1);
    let hi = bytes.len().min(pos + LINE_WINDOW);
    let end = memchr(b'\n', &bytes[pos.min(hi)..hi]).map_or(hi, |i| pos + i);
    (start, end)
}

/// Add a window to a rule's list, merging with the previous one when it
/// starts inside it (out-of-order windows are kept for `sort_merged`).
fn push_merged(list: &mut Vec<(usize, usize)>, w: (usize, usize)) {
    if let Some(last) = list.last_mut() {
        if last.0 <= w.0 && w.0 <= last.1 {
            last.1 = last.1.max(w.1);
            return;
        }
    }
    list.push(w);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_words_stand_between_non_letters_or_at_humps() {
        let word = |text: &str, kw: &str| {
            let s = text.to_ascii_lowercase().find(kw).unwrap();
            is_identifier_word(text.as_bytes(), s, s + kw.len())
        };
        for (text, kw) in [
            ("OKTA_TOKEN=", "okta"),
            ("-Dsonar.token=", "sonar"),
            ("oktaToken", "okta"),
            ("myOktaKey", "okta"),
            ("XMLOkta", "okta"),
            ("okta", "okta"),
            ("sumo.key", "sumo"),
            ("SUMO2_ID", "sumo"),
            ("SumoLogic", "sumo"),
            ("oktatoken", "okta"),
            ("SUMOACCESSKEY", "sumo"),
            ("ALGOLIAWRITEKEY", "algolia"),
        ] {
            assert!(word(text, kw), "{text}");
        }
        for (text, kw) in [
            ("rookTable", "okta"),
            ("sumOfExposures", "sumo"),
            ("ROOKTABLE", "okta"),
            ("oktaish", "okta"),
            ("consumo", "sumo"),
            ("sumOkey", "sumo"),
        ] {
            assert!(!word(text, kw), "{text}");
        }
    }

    #[test]
    fn line_bounds_finds_the_line() {
        let b = b"one\ntwo three\nfour";
        assert_eq!(line_bounds(b, 6), (4, 13));
        assert_eq!(line_bounds(b, 0), (0, 3));
        assert_eq!(line_bounds(b, 15), (14, 18));
    }

    #[test]
    fn windows_merge_when_they_touch() {
        let mut v = vec![(0, 10)];
        push_merged(&mut v, (5, 20));
        push_merged(&mut v, (30, 40));
        assert_eq!(v, vec![(0, 20), (30, 40)]);
        // An earlier window is kept whole, not swallowed by a later one.
        push_merged(&mut v, (25, 28));
        assert_eq!(v, vec![(0, 20), (30, 40), (25, 28)]);
    }

    #[test]
    fn windows_out_of_order_are_sorted_and_merged() {
        let mut w = Windows::default();
        w.reset(2);
        for win in [(5000, 9000), (100, 4000), (3000, 5500), (9500, 9600)] {
            w.push(1, win);
        }
        w.sort_merged();
        let got: Vec<_> = w.in_rule_order().collect();
        assert_eq!(got, vec![(1, &[(100, 9000), (9500, 9600)][..])]);
    }

    /// The interleaved search finds exactly what one overlapping pass finds,
    /// keywords straddling the cuts between parts included.
    #[test]
    fn keyword_hits_match_a_plain_overlapping_search() {
        let keywords = [
            "key",
            "api_key",
            "token",
            "ghp_",
            "-----begin",
            "secret_key",
            "ke",
        ];
        let unit = b"x API_KEY=1 tokens ghp_ -----BEGIN secret_key ke \xff";
        for len in [0, 3, 100, MIN_SPLIT - 1, MIN_SPLIT, MIN_SPLIT + 7, 50_000] {
            for shift in 0..7 {
                let text: Vec<u8> = unit.iter().copied().cycle().skip(shift).take(len).collect();
                assert_same_hits(&keywords, &text, &format!("len {len} shift {shift}"));
            }
        }
    }

    /// Keywords that use every byte value leave no code to spare: the
    /// automaton falls back to the bytes themselves, case folded.
    #[test]
    fn keywords_of_every_byte_still_match() {
        let keywords: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b, b'q']).collect();
        let text: Vec<u8> = (0..=255u8).flat_map(|b| [b, b'Q', b'q']).collect();
        assert_same_hits(&keywords, &text, "every byte");
    }

    /// [`Keywords::hits`] finds what aho-corasick's case-insensitive
    /// overlapping search finds.
    fn assert_same_hits<K: AsRef<[u8]>>(keywords: &[K], text: &[u8], what: &str) {
        let automaton = Keywords::new(keywords);
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(keywords)
            .unwrap();
        let mut got = Vec::new();
        automaton.hits(text, |p, at| got.push((at, p)));
        let mut want: Vec<_> = ac
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .collect();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "{what}");
    }
}
