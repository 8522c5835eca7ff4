//! Everything after the engines ran, as one named list of stages that every
//! front end shares (`gate scan`, `gate github`, `gate merge`, `gate
//! baseline`): import SARIF → merge → same secret → overrides → fingerprints → ignore files
//! → baseline → diff scope → minimum severity → verdict → redaction →
//! completeness. A front end resolves its settings into a [`Pipeline`], runs
//! the engines, calls [`analyse`] and prints; it decides nothing itself.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::baseline::Baseline;
use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::diffscope::ChangedLines;
use crate::engines::{Engine, RuleInfo};
use crate::finding::{assign_fingerprints, Finding, Severity};
use crate::ignorefile::IgnoreList;
use crate::policy::{evaluate, Policy, Verdict};
use crate::redact::{redact_analysis, redact_rules, shown_texts, Redactor, SecretSpans};
use crate::report::{Report, RunInfo};
use crate::sarif::read::ToolInfo;
use crate::sarif::{SarifInput, SourceRoot};
use crate::scan::{ScanResult, ScanStats};
use crate::secrets::{self, RuleSet, SecretsEngine};

/// What the stages need to know, resolved by the front end.
#[derive(Debug, Clone)]
pub struct Pipeline {
    /// The directory report paths are relative to (the repository root).
    pub root: PathBuf,
    /// SARIF files to import.
    pub sarif_inputs: Vec<PathBuf>,
    /// Largest source file read for an imported result's snippet.
    pub max_file_size: u64,
    pub policy: Policy,
    /// An earlier SARIF whose findings no longer count.
    pub baseline: Option<PathBuf>,
    /// Only lines changed since the merge base with this revision count.
    pub diff_base: Option<String>,
    /// Findings below this severity are left out of every report.
    pub min_severity: Option<Severity>,
    pub redactor: Redactor,
    /// SARIF `automationDetails.id`.
    pub automation_id: Option<String>,
    /// Where a json report is written, if one is (a capped SARIF points there).
    pub json_report: Option<String>,
    /// When the scan started.
    pub started: Option<std::time::SystemTime>,
    /// The commit the scanned tree is, if a report needs it.
    pub commit: Option<String>,
}

/// What a scan concluded: every finding, the rules they cite, the
/// diagnostics and the verdict, before anything is printed or published.
#[derive(Debug)]
pub struct Analysis {
    pub findings: Vec<Finding>,
    pub rules: BTreeMap<String, RuleInfo>,
    pub diagnostics: Vec<Diagnostic>,
    pub verdict: Verdict,
    pub stats: ScanStats,
    pub run: RunInfo,
    /// Every secret the run knows of, for the last guard on what leaves the process.
    pub secrets: SecretSpans,
}

impl Analysis {
    /// The report every emitter renders.
    pub fn report(&self) -> Report<'_> {
        Report {
            findings: &self.findings,
            rules: &self.rules,
            diagnostics: &self.diagnostics,
            verdict: &self.verdict,
            stats: self.stats,
            run: &self.run,
        }
    }
}

/// One stage: a name for messages and tests, and what it does to the run.
pub struct Stage {
    pub name: &'static str,
    run: fn(&Pipeline, &[Box<dyn Engine>], &mut State),
}

/// Every stage, in the order they run.
pub const STAGES: &[Stage] = &[
    Stage {
        name: "import",
        run: import,
    },
    Stage {
        name: "merge",
        run: merge,
    },
    Stage {
        name: "same-secret",
        run: |_, _, st| one_finding_per_secret(&mut st.findings),
    },
    Stage {
        name: "overrides",
        run: |p, _, st| p.policy.apply_overrides(&mut st.findings),
    },
    Stage {
        name: "fingerprints",
        run: |_, _, st| assign_fingerprints(&mut st.findings),
    },
    Stage {
        name: "ignore-files",
        run: ignore_files,
    },
    Stage {
        name: "baseline",
        run: baseline,
    },
    Stage {
        name: "diff-scope",
        run: diff_scope,
    },
    Stage {
        name: "min-severity",
        run: |p, _, st| {
            if let Some(min) = p.min_severity {
                st.findings.retain(|f| f.severity >= min);
            }
        },
    },
    Stage {
        name: "verdict",
        run: |p, _, st| st.verdict = Some(evaluate(&p.policy, &st.findings)),
    },
    Stage {
        name: "redaction",
        run: redaction,
    },
    Stage {
        name: "completeness",
        run: completeness,
    },
];

/// The run as the stages pass it along.
#[derive(Default)]
struct State {
    findings: Vec<Finding>,
    diagnostics: Vec<Diagnostic>,
    stats: ScanStats,
    /// The engines' rules.
    rules: BTreeMap<String, RuleInfo>,
    /// Rules only imported tools describe (their texts come from SARIF files).
    imported_rules: BTreeMap<String, RuleInfo>,
    inputs: Vec<SarifInput>,
    tools: Vec<ToolInfo>,
    verdict: Option<Verdict>,
    secrets: SecretSpans,
    /// Excerpts of the secrets engine's own findings: it already read them in
    /// full, so looking through them again would find nothing new (and on one
    /// long line of findings, their windows overlap many times over).
    read_by_secrets_engine: HashSet<String>,
}

/// Run every stage over what the engines found.
pub fn analyse(p: &Pipeline, engines: &[Box<dyn Engine>], result: ScanResult) -> Analysis {
    let mut st = State {
        findings: result.findings,
        diagnostics: result.diagnostics,
        stats: result.stats,
        rules: engines
            .iter()
            .flat_map(|e| e.rules())
            .map(|r| (r.id.clone(), r))
            .collect(),
        ..State::default()
    };
    // Only the secrets engine's own excerpts: another engine's finding may
    // sit in a file the secrets engine skipped (a globally allowlisted path).
    st.read_by_secrets_engine = st
        .findings
        .iter()
        .filter(|f| f.tool == secrets::TOOL)
        .filter_map(|f| f.snippet.clone())
        .collect();
    for stage in STAGES {
        (stage.run)(p, engines, &mut st);
    }
    let mut rules = st.rules;
    rules.append(&mut st.imported_rules);
    st.diagnostics
        .sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    Analysis {
        findings: st.findings,
        rules,
        diagnostics: st.diagnostics,
        verdict: st.verdict.expect("the verdict stage ran"),
        stats: st.stats,
        run: RunInfo {
            root: Some(p.root.clone()),
            automation_id: p.automation_id.clone(),
            tools: st.tools,
            baseline: p.baseline.as_ref().map(|b| b.display().to_string()),
            diff_base: p.diff_base.clone(),
            json_report: p.json_report.clone(),
            started: p.started,
            commit: p.commit.clone(),
        },
        secrets: st.secrets,
    }
}

/// Read every SARIF input in parallel; an unreadable or invalid one is an
/// error diagnostic (the run exits 2), a good one a note naming what it held.
fn import(p: &Pipeline, _: &[Box<dyn Engine>], st: &mut State) {
    let read: Vec<_> = p
        .sarif_inputs
        .par_iter()
        .map(|f| crate::sarif::read_file(f, &p.root))
        .collect();
    for r in read {
        match r {
            Ok(input) => {
                let tools: Vec<String> = input
                    .tools
                    .iter()
                    .map(|t| match &t.version {
                        Some(v) => format!("{} {v}", t.name),
                        None => t.name.clone(),
                    })
                    .collect();
                st.diagnostics.push(Diagnostic::general(
                    Level::Note,
                    Kind::Input,
                    format!(
                        "imported {} result{} from {} ({})",
                        input.results.len(),
                        if input.results.len() == 1 { "" } else { "s" },
                        input.file,
                        tools.join(", ")
                    ),
                ));
                st.inputs.push(input);
            }
            Err(e) => st.diagnostics.push(Diagnostic::general(
                Level::Error,
                Kind::Input,
                e.to_string(),
            )),
        }
    }
}

/// Merge the engines' findings with the imported results, one finding per problem.
fn merge(p: &Pipeline, _: &[Box<dyn Engine>], st: &mut State) {
    let merged = crate::sarif::merge(
        std::mem::take(&mut st.findings),
        std::mem::take(&mut st.inputs),
        &st.rules,
        &SourceRoot::new(&p.root, p.max_file_size),
    );
    st.findings = merged.findings;
    st.diagnostics.extend(merged.diagnostics);
    st.imported_rules = merged
        .rules
        .into_iter()
        .filter(|(id, _)| !st.rules.contains_key(id))
        .collect();
    st.tools = merged.tools;
}

/// One finding per leaked value across engines. A hygiene check that quotes
/// a secret (a token written into `curl -H`, a password in a compose
/// `environment:`) and a secrets rule that matched the same value on the
/// same lines report one problem: the secrets finding stays (it names the
/// provider, and `gate:allow` / `.gitleaksignore` are how teams review
/// leaks), and records that the hygiene engine saw it too (its tool, and
/// the check as a `gate-hygiene:<id>` tag). A hygiene finding whose value no
/// secrets rule matched (`-u deploy:hunter2`) stays as it is. Merge keys are
/// rule aliases, which never cross engines: this is the one place that does.
fn one_finding_per_secret(findings: &mut Vec<Finding>) {
    let mut by_path: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in findings.iter().enumerate() {
        if f.tool == secrets::TOOL && f.secret.is_some() {
            by_path.entry(f.path.as_str()).or_default().push(i);
        }
    }
    if by_path.is_empty() {
        return;
    }
    // (hygiene finding, secrets finding that covers it)
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for (i, f) in findings.iter().enumerate() {
        if f.tool != crate::hygiene::TOOL {
            continue;
        }
        let Some(value) = f.secret.as_ref().map(|s| s.value.as_str()) else {
            continue;
        };
        let Some(candidates) = by_path.get(f.path.as_str()) else {
            continue;
        };
        let same = candidates.iter().copied().find(|&j| {
            let g = &findings[j];
            let theirs = g.secret.as_ref().map_or("", |s| s.value.as_str());
            g.region.start_line <= f.region.end_line
                && f.region.start_line <= g.region.end_line
                && !theirs.is_empty()
                && !value.is_empty()
                && (theirs.contains(value) || value.contains(theirs))
        });
        if let Some(j) = same {
            covered.push((i, j));
        }
    }
    if covered.is_empty() {
        return;
    }
    let mut drop = vec![false; findings.len()];
    for &(i, j) in &covered {
        let tag = format!("{}:{}", crate::hygiene::TOOL, findings[i].rule_id);
        let g = &mut findings[j];
        if !g.tools.iter().any(|t| t == crate::hygiene::TOOL) {
            g.tools.push(crate::hygiene::TOOL.to_string());
        }
        if !g.tags.contains(&tag) {
            g.tags.push(tag);
        }
        drop[i] = true;
    }
    let mut k = 0;
    findings.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// `.gateignore` / `.gitleaksignore` fingerprints, under every alias a rule answers to.
fn ignore_files(p: &Pipeline, engines: &[Box<dyn Engine>], st: &mut State) {
    let aliases: HashMap<String, Vec<String>> =
        engines.iter().flat_map(|e| e.rule_aliases()).collect();
    match IgnoreList::load(&p.root) {
        Ok(list) => list.apply(&mut st.findings, &aliases),
        Err(e) => st.diagnostics.push(Diagnostic::general(
            Level::Error,
            Kind::Config,
            format!("cannot read ignore file: {e}"),
        )),
    }
}

/// Findings already in the baseline are reported but never fail the gate.
fn baseline(p: &Pipeline, _: &[Box<dyn Engine>], st: &mut State) {
    let Some(path) = &p.baseline else {
        return;
    };
    match Baseline::load(path, &p.root) {
        Ok(b) => {
            let gone = b.apply(&mut st.findings);
            st.diagnostics.push(Diagnostic::general(
                Level::Note,
                Kind::Input,
                format!(
                    "baseline {}: {} known finding(s), {} no longer present",
                    path.display(),
                    b.len(),
                    gone
                ),
            ));
        }
        Err(e) => st.diagnostics.push(Diagnostic::general(
            Level::Error,
            Kind::Input,
            format!("cannot use the baseline: {e}"),
        )),
    }
}

/// With a diff base, only findings on changed lines count.
fn diff_scope(p: &Pipeline, _: &[Box<dyn Engine>], st: &mut State) {
    let Some(rev) = &p.diff_base else {
        return;
    };
    match ChangedLines::since(&p.root, rev) {
        Ok(c) => c.apply(&mut st.findings),
        Err(e) => st.diagnostics.push(Diagnostic::general(
            Level::Error,
            Kind::Input,
            e.to_string(),
        )),
    }
}

/// The one redaction point (see [`crate::redact`]): every text a report may
/// show, whoever produced it, masked at every secret span.
fn redaction(p: &Pipeline, engines: &[Box<dyn Engine>], st: &mut State) {
    let tool_texts: Vec<&str> = st
        .tools
        .iter()
        .flat_map(|t| {
            [
                Some(&t.name),
                t.version.as_ref(),
                t.information_uri.as_ref(),
            ]
        })
        .flatten()
        .map(String::as_str)
        .collect();
    let mut texts = shown_texts(&st.findings, &st.diagnostics, &st.imported_rules);
    texts.retain(|t| !st.read_by_secrets_engine.contains(*t));
    texts.extend(tool_texts);
    st.secrets = secret_spans(engines, &st.findings, &texts);
    for t in &mut st.tools {
        for text in std::iter::once(&mut t.name)
            .chain(t.version.as_mut())
            .chain(t.information_uri.as_mut())
        {
            *text = st.secrets.mask(text, &p.redactor).into_owned();
        }
    }
    redact_rules(
        &mut st.imported_rules,
        &mut st.findings,
        &st.secrets,
        &p.redactor,
    );
    redact_analysis(
        &mut st.findings,
        &mut st.diagnostics,
        &st.secrets,
        &p.redactor,
    );
}

/// An input that could not be read makes the verdict incomplete: the run
/// exits 2 and every report says why (the reasons quote diagnostics, so this
/// runs after the redaction point).
fn completeness(_: &Pipeline, _: &[Box<dyn Engine>], st: &mut State) {
    let errors: Vec<String> = st
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| d.to_string().trim_start_matches("error: ").to_string())
        .collect();
    let verdict = st.verdict.as_mut().expect("the verdict stage ran");
    if let Some(first) = errors.first() {
        verdict.mark_incomplete(match errors.len() {
            1 => first.clone(),
            n => format!("{n} inputs could not be read or checked (first: {first})"),
        });
    }
}

/// Every secret a report might show: those the secrets engine found in the
/// scan, and those it finds in `texts` (a second token on a Python finding's
/// line, a token an imported tool quoted). With the secrets engine off
/// (`--engines python`, `gate merge`), the built-in catalogue looks through
/// those texts all the same.
fn secret_spans(engines: &[Box<dyn Engine>], findings: &[Finding], texts: &[&str]) -> SecretSpans {
    // The texts go through the engine in chunks of about this many bytes, one
    // per rayon job; a text is never split, so a secret is never cut in two.
    const CHUNK: usize = 256 * 1024;
    let fallback;
    let detector: &dyn Engine = match engines.iter().find(|e| e.secrets_in(b"").is_some()) {
        Some(e) => e.as_ref(),
        None => {
            fallback = SecretsEngine::new(built_in_rules());
            &fallback
        }
    };
    let mut values: Vec<String> = findings
        .iter()
        .filter(|f| f.tool == secrets::TOOL)
        .filter_map(|f| f.secret.as_ref().map(|m| m.value.clone()))
        .collect();
    let mut chunks: Vec<String> = vec![String::new()];
    for t in texts {
        if chunks
            .last()
            .is_some_and(|c| !c.is_empty() && c.len() + t.len() > CHUNK)
        {
            chunks.push(String::new());
        }
        let last = chunks.last_mut().expect("never empty");
        last.push_str(t);
        last.push('\n');
    }
    let found: Vec<Vec<String>> = chunks
        .par_iter()
        .map(|c| detector.secrets_in(c.as_bytes()).unwrap_or_default())
        .collect();
    values.extend(found.into_iter().flatten());
    SecretSpans::new(values)
}

/// The built-in secret rules, which are tested to compile.
fn built_in_rules() -> RuleSet {
    let (rules, globals) =
        secrets::compile_sources(&secrets::embedded_sources(), secrets::Origin::BuiltIn)
            .unwrap_or_else(|e| panic!("the built-in rules compile (a test checks it): {e:?}"));
    RuleSet::new(rules, globals)
        .unwrap_or_else(|e| panic!("the built-in rules are unique (a test checks it): {e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stages_run_in_the_documented_order() {
        let names: Vec<&str> = STAGES.iter().map(|s| s.name).collect();
        assert_eq!(
            names,
            [
                "import",
                "merge",
                "same-secret",
                "overrides",
                "fingerprints",
                "ignore-files",
                "baseline",
                "diff-scope",
                "min-severity",
                "verdict",
                "redaction",
                "completeness"
            ]
        );
    }

    fn finding(tool: &str, rule: &str, line: u32, secret: Option<&str>) -> Finding {
        let region = crate::finding::Region {
            start_line: line,
            start_column: 1,
            end_line: line,
            end_column: 80,
        };
        let mut f = Finding::new(
            rule,
            tool,
            Severity::High,
            crate::finding::Confidence::High,
            ".gitlab-ci.yml",
            region,
            "m",
        );
        f.secret = secret.map(|s| crate::finding::SecretMatch {
            value: s.to_string(),
            matched: s.to_string(),
            entropy: 4.0,
        });
        f
    }

    #[test]
    fn issue12_p3_a_secret_two_engines_report_is_one_finding_the_secrets_one() {
        let token = "glpat-AbCdEf0123456789xYzW";
        let mut fs = vec![
            finding(crate::hygiene::TOOL, "curl-literal-token", 3, Some(token)),
            finding(secrets::TOOL, "gitlab-pat", 3, Some(token)),
            // No secrets rule matched this one: it stays.
            finding(
                crate::hygiene::TOOL,
                "curl-literal-token",
                4,
                Some("hunter2"),
            ),
            // The same value on another line is another problem.
            finding(crate::hygiene::TOOL, "curl-literal-token", 9, Some(token)),
            // A hygiene finding that quotes nothing is never merged.
            finding(crate::hygiene::TOOL, "unpinned-images", 3, None),
        ];
        one_finding_per_secret(&mut fs);
        let got: Vec<(&str, u32)> = fs
            .iter()
            .map(|f| (f.rule_id.as_str(), f.region.start_line))
            .collect();
        assert_eq!(
            got,
            [
                ("gitlab-pat", 3),
                ("curl-literal-token", 4),
                ("curl-literal-token", 9),
                ("unpinned-images", 3)
            ]
        );
        assert_eq!(fs[0].tools, [secrets::TOOL, crate::hygiene::TOOL]);
        assert!(fs[0]
            .tags
            .contains(&"gate-hygiene:curl-literal-token".to_string()));
    }

    #[test]
    fn built_in_rules_compile_for_the_masking_fallback() {
        assert!(!built_in_rules().rules.is_empty());
    }
}
