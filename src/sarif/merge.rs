//! Many tools, one finding per problem.
//!
//! gate's Python engine, bandit (`B602`) and ruff (`S602`) report the same
//! `subprocess.call(cmd, shell=True)`, each at a line of its choosing on a
//! multi-line call. They are one problem when path, canonical rule and the
//! start line of the enclosing statement agree (columns never count). Inside
//! such a group the k-th report of each tool (in line/column order) is the
//! same problem, so two real problems in one statement stay two.

use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use rayon::prelude::*;

use super::read::{ColumnUnit, SarifInput, ToolInfo};
use super::rulemap::RuleMap;
use super::source::{Source, SourceRoot};
use crate::diagnostic::{Diagnostic, Kind};
use crate::engines::RuleInfo;
use crate::finding::{Finding, Region, Suppression, SuppressionKind};

/// The tool name of gate's secrets engine: its findings keep their own allow comments.
const SECRETS_TOOL: &str = "gate-secrets";
/// The tool name of gate's Python engine: it applies `# nosec` itself, with bandit's quirks.
const PYTHON_TOOL: &str = "gate-python";

/// The merged view of native findings and imported SARIF.
#[derive(Debug, Default)]
pub struct Merged {
    pub findings: Vec<Finding>,
    /// Rule entries for imported rules not in the engines' catalogue.
    pub rules: BTreeMap<String, RuleInfo>,
    /// Every tool that contributed (imported ones with their versions).
    pub tools: Vec<ToolInfo>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Whose report represents a merged group: gate's own engines, then bandit
/// (real severity and confidence), then others, then ruff (one level for everything).
fn priority(tool: &str) -> u8 {
    match tool {
        t if t.starts_with("gate") => 0,
        "bandit" => 1,
        "ruff" => 3,
        _ => 2,
    }
}

/// Merge native findings with imported SARIF inputs. `catalogue` holds the
/// engines' rules (used to rate results whose tool gives no real severity);
/// `sources` says which report paths may be read (for statements, comments,
/// columns and line hashes): a file it refuses keeps its findings as reported.
pub fn merge(
    native: Vec<Finding>,
    inputs: Vec<SarifInput>,
    catalogue: &BTreeMap<String, RuleInfo>,
    sources: &SourceRoot,
) -> Merged {
    let mut merged = Merged::default();
    // Thousands of results name the same file one after another: each
    // input is cut into runs of one path (in parallel), and the runs, not
    // the findings, are filed by path, in input order.
    let mut inputs = inputs;
    let mut runs = vec![runs_by_path(
        native.into_iter().map(|f| (f, ColumnUnit::Chars)),
    )];
    runs.par_extend(inputs.par_iter_mut().map(|input| {
        let results = std::mem::take(&mut input.results);
        runs_by_path(results.into_iter().map(|r| (r.finding, r.columns)))
    }));
    let mut by_file: HashMap<String, Vec<Run>> = HashMap::new();
    for (path, run) in runs.into_iter().flatten() {
        by_file.entry(path).or_default().push(run);
    }
    let mut tools: BTreeSet<ToolInfo> = BTreeSet::new();
    // The same file merged twice says the same things twice: once is enough.
    let mut said: HashSet<Diagnostic> = HashSet::new();
    for input in inputs {
        tools.extend(input.tools);
        for d in input.diagnostics {
            if !said.contains(&d) {
                said.insert(d.clone());
                merged.diagnostics.push(d);
            }
        }
        for rule in input.rules {
            if catalogue.contains_key(&rule.id) {
                continue;
            }
            match merged.rules.get_mut(&rule.id) {
                Some(existing) => combine_rules(existing, rule),
                None => {
                    merged.rules.insert(rule.id.clone(), rule);
                }
            }
        }
    }
    // A team that runs ruff reviews with `# noqa`; without ruff, bandit's
    // semantics hold and `# noqa` means nothing.
    let noqa = tools.iter().any(|t| t.name == "ruff");
    merged.tools = tools.into_iter().collect();
    let mut files: Vec<(String, Vec<Run>)> = by_file.into_iter().collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let per_file: Vec<(Vec<Finding>, Option<Diagnostic>)> = files
        .into_par_iter()
        .map(|(path, runs)| {
            let mut findings = Vec::with_capacity(runs.iter().map(Vec::len).sum());
            findings.extend(runs.into_iter().flatten());
            merge_file(&path, findings, catalogue, sources, noqa)
        })
        .collect();
    merged
        .findings
        .reserve(per_file.iter().map(|(f, _)| f.len()).sum());
    for (findings, diag) in per_file {
        merged.findings.extend(findings);
        merged.diagnostics.extend(diag);
    }
    merged
}

/// Consecutive reports on one file.
type Run = Vec<(Finding, ColumnUnit)>;

/// Reports cut into runs of one path, in their order.
fn runs_by_path(reports: impl Iterator<Item = (Finding, ColumnUnit)>) -> Vec<(String, Run)> {
    let mut runs: Vec<(String, Run)> = Vec::new();
    for (f, columns) in reports {
        match runs.last_mut() {
            Some((path, run)) if *path == f.path => run.push((f, columns)),
            _ => runs.push((f.path.clone(), vec![(f, columns)])),
        }
    }
    runs
}

/// Keep the richer description of a rule two tools describe.
fn combine_rules(a: &mut RuleInfo, b: RuleInfo) {
    if b.full_description.len() > a.full_description.len() {
        a.full_description = b.full_description;
    }
    if b.help.len() > a.help.len() {
        a.help = b.help;
    }
    if a.short_description == a.id || a.short_description.is_empty() {
        a.short_description = b.short_description;
    }
    a.cwe = a.cwe.or(b.cwe);
    for r in b.references {
        if !a.references.contains(&r) {
            a.references.push(r);
        }
    }
    for t in b.tags {
        if !a.tags.contains(&t) {
            a.tags.push(t);
        }
    }
    if priority(&b.tool) < priority(&a.tool) {
        a.severity = b.severity;
        a.confidence = b.confidence;
        a.tool = b.tool;
    }
}

fn merge_file(
    path: &str,
    findings: Vec<(Finding, ColumnUnit)>,
    catalogue: &BTreeMap<String, RuleInfo>,
    sources: &SourceRoot,
    noqa: bool,
) -> (Vec<Finding>, Option<Diagnostic>) {
    let (source, missing) = match Source::load(sources, path) {
        Ok(source) => (Some(source), None),
        Err(why) => (
            None,
            Some(Diagnostic::file(
                why.level(),
                Kind::Unreadable,
                path,
                format!("source {why}: its findings keep the reported lines, columns and snippets and get no primaryLocationLineHash"),
            )),
        ),
    };
    let findings = drop_repeats(findings);
    // Statements only group reports of different tools: one tool's reports are
    // each their own problem whatever statement they are in, so a file that
    // only one tool reported on needs no parse.
    let one_tool = findings.windows(2).all(|w| w[0].0.tool == w[1].0.tool);
    let mut items: Vec<(u32, Finding)> = Vec::with_capacity(findings.len());
    for (mut f, columns) in findings {
        let statement = match &source {
            Some(src) => {
                if columns != ColumnUnit::Chars {
                    let r = &mut f.region;
                    r.start_column = src.char_column(r.start_line, r.start_column, columns);
                    r.end_column = src.char_column(r.end_line, r.end_column, columns);
                }
                if f.snippet.is_none() || !f.tool.starts_with("gate") {
                    // The real line, not the tool's idea of it (bandit's snippets
                    // are wrong on multi-line statements).
                    if let Some(line) = src.line(f.region.start_line) {
                        f.snippet = Some(line.to_string());
                    }
                }
                if one_tool {
                    f.region.start_line
                } else {
                    src.statement_line(f.region.start_line)
                }
            }
            None => f.region.start_line,
        };
        items.push((statement, f));
    }
    // One sort instead of maps of maps: by group (rule, statement), then by
    // tool (representative first), then by position within the tool.
    fn key((statement, f): &(u32, Finding)) -> (&str, u32, u8, &str, u32, u32) {
        (
            f.rule_id.as_str(),
            *statement,
            priority(&f.tool),
            f.tool.as_str(),
            f.region.start_line,
            f.region.start_column,
        )
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| key(&items[a]).cmp(&key(&items[b])));
    let group_of = |i: usize| (items[i].1.rule_id.as_str(), items[i].0);
    let tool_of = |i: usize| items[i].1.tool.as_str();
    // Runs of one tool inside runs of one group, as index ranges into
    // `order`; `groups` holds each group's range of `runs`.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && group_of(order[end]) == group_of(order[start]) {
            end += 1;
        }
        let first_run = runs.len();
        let mut run = start;
        while run < end {
            let mut run_end = run + 1;
            while run_end < end && tool_of(order[run_end]) == tool_of(order[run]) {
                run_end += 1;
            }
            runs.push(run..run_end);
            run = run_end;
        }
        groups.push(first_run..runs.len());
        start = end;
    }
    let mut slots: Vec<Option<Finding>> = items.into_iter().map(|(_, f)| Some(f)).collect();
    let mut out = Vec::with_capacity(order.len());
    for group in groups {
        let runs = &runs[group];
        let n = runs.iter().map(ExactSizeIterator::len).max().unwrap_or(0);
        for k in 0..n {
            // The k-th report of each tool is one problem.
            let parts: Vec<Finding> = runs
                .iter()
                .filter(|r| r.len() > k)
                .filter_map(|r| slots[order[r.start + k]].take())
                .collect();
            out.push(combine(parts, catalogue, source.as_ref(), noqa));
        }
    }
    // Sort positions, then move each finding once (a finding is large).
    let mut by_position: Vec<usize> = (0..out.len()).collect();
    by_position.sort_by(|&a, &b| out[a].sort_key().cmp(&out[b].sort_key()));
    let mut slots: Vec<Option<Finding>> = out.into_iter().map(Some).collect();
    let out = by_position
        .into_iter()
        .filter_map(|i| slots[i].take())
        .collect();
    (out, missing)
}

/// Reports identical in tool, rule, region and message (one SARIF file
/// merged twice, the same result twice in one file) are one report: the
/// first, with whatever the others add (a suppression, a CWE). Reports
/// that differ in anything else stay apart, as the grouping expects.
fn drop_repeats(findings: Vec<(Finding, ColumnUnit)>) -> Vec<(Finding, ColumnUnit)> {
    type Key<'a> = (&'a str, &'a str, Region, &'a str);
    let mut repeat_of: Vec<Option<usize>> = vec![None; findings.len()];
    {
        let mut first: HashMap<Key, usize> = HashMap::with_capacity(findings.len());
        for (i, (f, _)) in findings.iter().enumerate() {
            let key = (
                f.tool.as_str(),
                f.rule_id.as_str(),
                f.region,
                f.message.as_str(),
            );
            match first.entry(key) {
                Entry::Occupied(e) => repeat_of[i] = Some(*e.get()),
                Entry::Vacant(e) => {
                    e.insert(i);
                }
            }
        }
    }
    if repeat_of.iter().all(Option::is_none) {
        return findings;
    }
    let mut slots: Vec<Option<(Finding, ColumnUnit)>> = findings.into_iter().map(Some).collect();
    for (i, of) in repeat_of.into_iter().enumerate() {
        let Some(j) = of else { continue };
        if let Some((g, _)) = slots[i].take() {
            if let Some((f, _)) = slots[j].as_mut() {
                absorb(f, g);
            }
        }
    }
    slots.into_iter().flatten().collect()
}

/// Fold what another report of the same problem adds into `f`.
fn absorb(f: &mut Finding, g: Finding) {
    for t in g.tools {
        if !f.tools.contains(&t) {
            f.tools.push(t);
        }
    }
    f.cwe = f.cwe.or(g.cwe);
    if f.suppression.is_none() {
        f.suppression = g.suppression;
    }
    if f.secret.is_none() {
        f.secret = g.secret;
    }
}

fn combine(
    parts: Vec<Finding>,
    catalogue: &BTreeMap<String, RuleInfo>,
    source: Option<&Source>,
    noqa: bool,
) -> Finding {
    let mut iter = parts.into_iter();
    let mut f = iter.next().expect("a group has at least one report");
    let mut lines = Vec::with_capacity(iter.len() + 1);
    lines.push(f.region.start_line);
    for g in iter {
        lines.push(g.region.start_line);
        absorb(&mut f, g);
    }
    if f.tool == "ruff" {
        // ruff alone: its level is the same for every rule; gate's catalogue knows better.
        if let Some(rule) = catalogue.get(&f.rule_id) {
            f.severity = rule.severity;
            f.confidence = rule.confidence;
        }
    }
    if let Some(src) = source {
        if f.suppression.is_none() {
            f.suppression = in_source_suppression(src, &f, &lines, noqa);
        }
        f.line_hash = src.line_hash(f.region.start_line);
    }
    f
}

/// `# nosec` (bandit), `# noqa` (ruff) or `gate:allow` on a line where a
/// tool reported the finding. Secrets keep their own allow comments (a
/// `# noqa` must never hide a leaked key); gate's Python engine already
/// applied `# nosec` itself; `# noqa` counts only when ruff is one of the
/// run's tools (bandit, and so gate's Python engine, never reads it).
fn in_source_suppression(
    src: &Source,
    f: &Finding,
    lines: &[u32],
    noqa: bool,
) -> Option<Suppression> {
    if f.tools.iter().all(|t| t == SECRETS_TOOL) {
        return None;
    }
    let python_engine = f.tools.iter().any(|t| t == PYTHON_TOOL);
    let words = src.words();
    if !words.allow && (python_engine || !words.nosec) && (!noqa || !words.noqa) {
        return None;
    }
    let map = RuleMap::get();
    for (k, &line) in lines.iter().enumerate() {
        if lines[..k].contains(&line) {
            continue;
        }
        if let Some(comment) = src.comment(line) {
            let ruff_code = map.ruff_code(&f.rule_id);
            let bandit_name = map.bandit_name(&f.rule_id);
            let hit = comment.contains("gate:allow")
                || (!python_engine && nosec_covers(comment, &f.rule_id, bandit_name))
                || (noqa && noqa_covers(comment, &f.rule_id, ruff_code));
            if hit {
                return Some(Suppression {
                    kind: SuppressionKind::InSource,
                    justification: comment.trim().to_string(),
                });
            }
        }
    }
    None
}

/// `# nosec` alone covers everything; `# nosec B602, B101` (or bandit's test
/// names) covers the rules it lists.
fn nosec_covers(comment: &str, rule: &str, bandit_name: Option<&str>) -> bool {
    let Some(i) = comment.find("nosec") else {
        return false;
    };
    if !comment[..i].trim_end().ends_with('#') {
        return false;
    }
    let rest = comment[i + 5..].trim_start_matches(':');
    let rest = rest.split('#').next().unwrap_or("");
    let ids: Vec<&str> = rest
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|t| !t.is_empty())
        .filter(|t| {
            let is_id =
                t.len() == 4 && t.starts_with('B') && t[1..].bytes().all(|b| b.is_ascii_digit());
            is_id || t.contains('_')
        })
        .collect();
    ids.is_empty() || ids.contains(&rule) || bandit_name.is_some_and(|n| ids.contains(&n))
}

/// `# noqa` alone covers everything; `# noqa: S602, E501` covers the codes it lists.
fn noqa_covers(comment: &str, rule: &str, ruff_code: Option<&str>) -> bool {
    let lower = comment.to_ascii_lowercase();
    let Some(i) = lower.find("noqa") else {
        return false;
    };
    if !comment[..i].trim_end().ends_with('#') {
        return false;
    }
    let rest = &comment[i + 4..];
    let Some(codes) = rest.trim_start().strip_prefix(':') else {
        // Bare `# noqa` (anything after it that is not `:` is not a code list).
        return true;
    };
    codes
        .split(|c: char| c == ',' || c.is_whitespace())
        .map(|t| t.trim())
        .take_while(|t| !t.starts_with('#'))
        .filter(|t| !t.is_empty())
        .any(|t| t == rule || Some(t) == ruff_code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Confidence, Region, Severity};

    fn at(tool: &str, rule: &str, line: u32, col: u32) -> Finding {
        let mut f = Finding::new(
            rule,
            tool,
            Severity::High,
            Confidence::High,
            "m.py",
            Region {
                start_line: line,
                start_column: col,
                end_line: line,
                end_column: col,
            },
            "m",
        );
        f.snippet = Some("x".into());
        f
    }

    #[test]
    fn two_problems_in_one_statement_stay_two_and_columns_never_count() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("m.py"),
            "import subprocess\nx = [subprocess.call(a, shell=True),\n     subprocess.call(b, shell=True)]\n",
        )
        .unwrap();
        let native = vec![
            at("gate-python", "B602", 2, 30),
            at("gate-python", "B602", 3, 30),
            at("bandit", "B602", 2, 6),
            at("bandit", "B602", 3, 6),
            at("ruff", "B602", 2, 30),
            at("ruff", "B602", 3, 30),
        ];
        let merged = merge(
            native,
            Vec::new(),
            &BTreeMap::new(),
            &SourceRoot::new(dir.path(), 1 << 20),
        );
        assert_eq!(merged.findings.len(), 2);
        for f in &merged.findings {
            assert_eq!(f.tools, ["gate-python", "bandit", "ruff"]);
        }
    }

    #[test]
    fn nosec_and_noqa_follow_their_tools_syntax() {
        assert!(nosec_covers("# nosec", "B602", None));
        assert!(nosec_covers("# nosec B602", "B602", None));
        assert!(nosec_covers("#nosec: B101, B602", "B602", None));
        assert!(!nosec_covers("# nosec B101", "B602", None));
        assert!(nosec_covers(
            "# nosec subprocess_popen_with_shell_equals_true",
            "B602",
            Some("subprocess_popen_with_shell_equals_true")
        ));
        assert!(!nosec_covers("# the nosec flag", "B602", None));
        assert!(noqa_covers("# noqa", "B602", Some("S602")));
        assert!(noqa_covers("# noqa: S602", "B602", Some("S602")));
        assert!(noqa_covers("# NOQA:E501,S602", "B602", Some("S602")));
        assert!(!noqa_covers("# noqa: E501", "B602", Some("S602")));
        assert!(noqa_covers(
            "# noqa: S602  # nosec B602",
            "B602",
            Some("S602")
        ));
    }
}
