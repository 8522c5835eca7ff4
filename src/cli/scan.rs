//! `gate scan`: walk, run the engines, then conclude (fingerprints, ignore
//! files, policy, reports, exit code).

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;

use anyhow::{bail, Result};

use super::args::{BaselineArgs, MergeArgs, ScanArgs};
use super::engines::{build_engines, secrets_rule_set};
use super::settings::{ScanMode, ScanSettings};
use super::Outcome;
use crate::baseline::Baseline;
use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::diffscope::ChangedLines;
use crate::engine::{Engine, RuleInfo};
use crate::finding::assign_fingerprints;
use crate::gitscan::{scan_history, scan_staged, PathFilter};
use crate::ignorefile::IgnoreList;
use crate::policy::evaluate;
use crate::redact::{redact_analysis, redact_rules, shown_texts, SecretSpans};
use crate::report::{Format, RenderOptions, Report, RunInfo};
use crate::scan::{scan_paths, ScanResult};

/// Run `gate scan`.
pub fn run(args: &ScanArgs) -> Result<Outcome> {
    let settings = ScanSettings::resolve(args)?;
    let (engines, result) = scan(&settings)?;
    conclude(&settings, &engines, result)
}

/// Build the engines and scan what the settings say (tree, index or history).
pub fn scan(settings: &ScanSettings) -> Result<(Vec<Box<dyn Engine>>, ScanResult)> {
    let mut engines = build_engines(settings)?;
    let result = match &settings.mode {
        ScanMode::Tree => scan_paths(&settings.walk, &engines, settings.progress)?,
        ScanMode::Staged => scan_staged(
            &settings.root,
            &git_filter(settings)?,
            &engines,
            settings.walk.max_file_size,
        )?,
        ScanMode::History(range) => {
            let whole_file_only: Vec<&str> = engines
                .iter()
                .filter(|e| !e.scans_fragments())
                .map(|e| e.name())
                .collect();
            if !settings.engines.is_empty() && !whole_file_only.is_empty() {
                bail!(
                    "--git scans the lines each commit added; the {} engine needs whole files (use --engines secrets)",
                    whole_file_only.join(", ")
                );
            }
            engines.retain(|e| e.scans_fragments());
            scan_history(
                &settings.root,
                range,
                &git_filter(settings)?,
                &engines,
                settings.walk.max_file_size,
            )?
        }
    };
    Ok((engines, result))
}

fn git_filter(s: &ScanSettings) -> Result<PathFilter> {
    PathFilter::new(
        &s.root,
        &s.walk.excludes,
        s.walk.ignore_files,
        s.git_paths.clone(),
    )
    .map_err(|e| anyhow::anyhow!(e))
}

/// Read every SARIF input in parallel; an unreadable or invalid one is an
/// error diagnostic (the run exits 2), a good one a note naming what it held.
fn import_inputs(
    files: &[std::path::PathBuf],
    root: &std::path::Path,
) -> (Vec<crate::sarif::SarifInput>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let read: Vec<_> = files
        .par_iter()
        .map(|f| crate::sarif::read_file(f, root))
        .collect();
    let mut inputs = Vec::new();
    let mut diags = Vec::new();
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
                diags.push(Diagnostic::general(
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
                inputs.push(input);
            }
            Err(e) => diags.push(Diagnostic::general(
                Level::Error,
                Kind::Input,
                e.to_string(),
            )),
        }
    }
    (inputs, diags)
}

/// Everything after the engines ran, shared by every way of scanning:
/// import SARIF, merge and de-duplicate, fingerprints, ignore files,
/// baseline, diff scope, policy, reports, exit code.
pub fn conclude(
    s: &ScanSettings,
    engines: &[Box<dyn Engine>],
    result: ScanResult,
) -> Result<Outcome> {
    let mut a = analyse(s, engines, result);
    let outcome = emit(s, &mut a);
    // A merge can hold hundreds of thousands of findings: free them on every core.
    use rayon::prelude::*;
    a.findings.into_par_iter().for_each(drop);
    Ok(outcome)
}

/// What a scan concluded: every finding, the rules they cite, the
/// diagnostics and the verdict, before anything is printed or published.
#[derive(Debug)]
pub struct Analysis {
    pub findings: Vec<crate::finding::Finding>,
    pub rules: BTreeMap<String, RuleInfo>,
    pub diagnostics: Vec<Diagnostic>,
    pub verdict: crate::policy::Verdict,
    pub stats: crate::scan::ScanStats,
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

/// Import, merge, fingerprint, suppress, scope and decide: everything after
/// the engines ran, without output.
pub fn analyse(s: &ScanSettings, engines: &[Box<dyn Engine>], mut result: ScanResult) -> Analysis {
    let catalogue: BTreeMap<String, RuleInfo> = engines
        .iter()
        .flat_map(|e| e.rules())
        .map(|r| (r.id.clone(), r))
        .collect();
    let (inputs, input_diags) = import_inputs(&s.sarif_inputs, &s.root);
    result.diagnostics.extend(input_diags);
    let merged = crate::sarif::merge(
        std::mem::take(&mut result.findings),
        inputs,
        &catalogue,
        &s.root,
    );
    result.findings = merged.findings;
    result.diagnostics.extend(merged.diagnostics);
    // Rules only imported tools describe: their texts come from the SARIF
    // files and pass the redaction point like the findings.
    let mut imported_rules: BTreeMap<String, RuleInfo> = merged
        .rules
        .into_iter()
        .filter(|(id, _)| !catalogue.contains_key(id))
        .collect();
    let mut rules = catalogue;
    s.policy.apply_overrides(&mut result.findings);
    assign_fingerprints(&mut result.findings);
    let aliases: HashMap<String, Vec<String>> =
        engines.iter().flat_map(|e| e.rule_aliases()).collect();
    match IgnoreList::load(&s.root) {
        Ok(list) => list.apply(&mut result.findings, &aliases),
        Err(e) => result.diagnostics.push(Diagnostic::general(
            Level::Error,
            Kind::Config,
            format!("cannot read ignore file: {e}"),
        )),
    }
    if let Some(path) = &s.baseline {
        match Baseline::load(path, &s.root) {
            Ok(b) => {
                let gone = b.apply(&mut result.findings);
                result.diagnostics.push(Diagnostic::general(
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
            Err(e) => result.diagnostics.push(Diagnostic::general(
                Level::Error,
                Kind::Input,
                format!("cannot use the baseline: {e}"),
            )),
        }
    }
    if let Some(rev) = &s.diff_base {
        match ChangedLines::since(&s.root, rev) {
            Ok(c) => c.apply(&mut result.findings),
            Err(e) => result.diagnostics.push(Diagnostic::general(
                Level::Error,
                Kind::Input,
                e.to_string(),
            )),
        }
    }
    if let Some(min) = s.min_severity {
        result.findings.retain(|f| f.severity >= min);
    }
    result
        .diagnostics
        .sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    let mut verdict = evaluate(&s.policy, &result.findings);
    let mut tools = merged.tools;
    let tool_texts: Vec<&str> = tools
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
    let secrets = secret_spans(
        s,
        engines,
        &result.findings,
        &result.diagnostics,
        &imported_rules,
        &tool_texts,
    );
    for t in &mut tools {
        for text in std::iter::once(&mut t.name)
            .chain(t.version.as_mut())
            .chain(t.information_uri.as_mut())
        {
            *text = secrets.mask(text, &s.redactor).into_owned();
        }
    }
    redact_rules(
        &mut imported_rules,
        &mut result.findings,
        &secrets,
        &s.redactor,
    );
    rules.append(&mut imported_rules);
    redact_analysis(
        &mut result.findings,
        &mut result.diagnostics,
        &secrets,
        &s.redactor,
    );
    // After the redaction point: the reasons quote diagnostics.
    let errors: Vec<String> = result
        .diagnostics
        .iter()
        .filter(|d| d.level == Level::Error)
        .map(|d| d.to_string().trim_start_matches("error: ").to_string())
        .collect();
    if let Some(first) = errors.first() {
        verdict.mark_incomplete(match errors.len() {
            1 => first.clone(),
            n => format!("{n} inputs could not be read or checked (first: {first})"),
        });
    }
    let run = RunInfo {
        root: Some(s.root.clone()),
        automation_id: s.automation_id.clone(),
        tools,
        baseline: s.baseline.as_ref().map(|p| p.display().to_string()),
        diff_base: s.diff_base.clone(),
        json_report: s
            .outputs
            .iter()
            .find(|(f, _)| *f == Format::Json)
            .map(|(_, p)| p.display().to_string())
            .or_else(|| {
                (!s.quiet && s.stdout_format == Format::Json).then(|| "standard output".to_string())
            }),
    };
    Analysis {
        findings: result.findings,
        rules,
        diagnostics: result.diagnostics,
        verdict,
        stats: result.stats,
        run,
        secrets,
    }
}

/// Every secret a report might show: those the secrets engine found in the
/// scan, and those it finds in the texts the findings and diagnostics carry
/// (a second token on a Python finding's line, a token an imported tool
/// quoted). With the secrets engine off (`--engines python`, `gate merge`),
/// the built-in catalogue looks through those texts all the same.
fn secret_spans(
    s: &ScanSettings,
    engines: &[Box<dyn Engine>],
    findings: &[crate::finding::Finding],
    diagnostics: &[Diagnostic],
    imported_rules: &BTreeMap<String, RuleInfo>,
    other_texts: &[&str],
) -> SecretSpans {
    use rayon::prelude::*;
    let fallback;
    let detector: &dyn Engine = match engines.iter().find(|e| e.secrets_in(b"").is_some()) {
        Some(e) => e.as_ref(),
        None => {
            let set = secrets_rule_set(
                s.rules_dir.as_deref(),
                s.gitleaks_config.as_deref(),
                s.config.secrets.extend_default,
                &s.config.secrets.disabled_rules,
            )
            .unwrap_or_else(|_| {
                secrets_rule_set(None, None, None, &[]).expect("the built-in rules compile")
            });
            fallback = crate::secrets::SecretsEngine::new(set);
            &fallback
        }
    };
    let mut values: Vec<String> = findings
        .iter()
        .filter(|f| f.tool == crate::secrets::TOOL)
        .filter_map(|f| f.secret.as_ref().map(|m| m.value.clone()))
        .collect();
    // The texts go through the engine in chunks of about this many bytes, one
    // per rayon job; a text is never split, so a secret is never cut in two.
    const CHUNK: usize = 256 * 1024;
    let mut chunks: Vec<String> = vec![String::new()];
    for t in shown_texts(findings, diagnostics, imported_rules)
        .into_iter()
        .chain(other_texts.iter().copied())
    {
        let last = chunks.last_mut().expect("never empty");
        if !last.is_empty() && last.len() + t.len() > CHUNK {
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

/// Print diagnostics and every report the settings ask for; the exit outcome.
/// A report that cannot be written (a full disk, standard output on
/// `/dev/full`) makes the run incomplete: the reports written after it say
/// so (and so does `a`'s verdict, for what is published after), and the exit
/// code is 2.
pub fn emit(s: &ScanSettings, analysis: &mut Analysis) -> Outcome {
    let a = &*analysis;
    print_diagnostics(&a.diagnostics, s.verbose);
    for w in &a.verdict.warnings {
        eprintln!("gate: warning: {w}");
    }
    let mut verdict = a.verdict.clone();
    for (format, path) in &s.outputs {
        let report = Report {
            verdict: &verdict,
            ..a.report()
        };
        let text = if *format == Format::Sarif {
            let (text, warning) = crate::sarif::render(&report);
            if let Some(w) = warning {
                eprintln!("gate: warning: {}: {w}", path.display());
            }
            text
        } else {
            format
                .emitter()
                .render(&report, &RenderOptions { color: false })
        };
        let destination = path.display().to_string();
        let text = guard(s, a, &destination, &text);
        if let Err(e) = std::fs::write(path, text.as_bytes()) {
            let why = format!("cannot write report {destination}: {e}");
            eprintln!("gate: error: {why}");
            verdict.mark_incomplete(why);
        }
    }
    if !s.quiet {
        let report = Report {
            verdict: &verdict,
            ..a.report()
        };
        let opts = RenderOptions {
            color: s.color && s.stdout_format == Format::Text,
        };
        let text = s.stdout_format.emitter().render(&report, &opts);
        let text = guard(s, a, "standard output", &text);
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
            Ok(()) => {}
            // A closed pipe (`gate scan | head`) is the reader's choice, not
            // a failure to report: the verdict still decides the exit code.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            Err(e) => {
                let why = format!("cannot write the report to standard output: {e}");
                eprintln!("gate: error: {why}");
                verdict.mark_incomplete(why);
            }
        }
    }
    let outcome = outcome(&verdict);
    analysis.verdict = verdict;
    outcome
}

/// The last guard on a report about to leave the process (see
/// [`SecretSpans::guard`]); with `--no-redact` the user asked for the secrets.
fn guard<'t>(
    s: &ScanSettings,
    a: &Analysis,
    destination: &str,
    text: &'t str,
) -> std::borrow::Cow<'t, str> {
    if s.redactor.is_off() {
        std::borrow::Cow::Borrowed(text)
    } else {
        a.secrets.guard(destination, text)
    }
}

/// The exit outcome a verdict stands for.
pub fn outcome(v: &crate::policy::Verdict) -> Outcome {
    if !v.complete() {
        Outcome::Error
    } else if v.passed {
        Outcome::Pass
    } else {
        Outcome::Fail
    }
}

/// Run `gate merge`: SARIF in, one de-duplicated SARIF run out, no scan.
/// Exits 0 when the output was written, 2 when an input was unusable.
pub fn run_merge(a: &MergeArgs) -> Result<Outcome> {
    let args = ScanArgs {
        paths: Vec::new(),
        root: a.root.clone(),
        config: a.config.clone(),
        automation_id: a.automation_id.clone(),
        output: vec![format!("sarif={}", a.output.display())],
        quiet: true,
        no_progress: true,
        ..ScanArgs::default()
    };
    let mut settings = ScanSettings::resolve(&args)?;
    let cwd = std::env::current_dir()?;
    settings.sarif_inputs = a
        .inputs
        .iter()
        .map(|p| super::settings::absolute(p, &cwd))
        .collect();
    settings.diff_base = None;
    let outcome = conclude(&settings, &[], ScanResult::default())?;
    Ok(match outcome {
        Outcome::Error => Outcome::Error,
        Outcome::Pass | Outcome::Fail => {
            eprintln!("gate: wrote {}", a.output.display());
            Outcome::Pass
        }
    })
}

/// Run `gate baseline`: scan (and import), write every finding as SARIF.
/// Exits 0 when the baseline was written, 2 when something could not be read.
pub fn run_baseline(a: &BaselineArgs) -> Result<Outcome> {
    let args = ScanArgs {
        paths: a.paths.clone(),
        engines: a.engines.clone(),
        sarif: a.sarif.clone(),
        config: a.config.clone(),
        exclude: a.exclude.clone(),
        root: a.root.clone(),
        threads: a.threads,
        output: vec![format!("sarif={}", a.output.display())],
        quiet: true,
        no_progress: true,
        ..ScanArgs::default()
    };
    let mut settings = ScanSettings::resolve(&args)?;
    settings.diff_base = None;
    let engines = build_engines(&settings)?;
    let result = scan_paths(&settings.walk, &engines, settings.progress)?;
    Ok(match conclude(&settings, &engines, result)? {
        Outcome::Error => Outcome::Error,
        Outcome::Pass | Outcome::Fail => {
            eprintln!("gate: baseline written to {}", a.output.display());
            Outcome::Pass
        }
    })
}

/// Warnings and errors one per line on stderr; skipped binaries as a count,
/// with `--verbose` only: a binary file an engine wanted (images and archives
/// for the secrets engine) is routine, and a warning already names any file
/// that should not have been binary (a `.py` file with NUL bytes).
fn print_diagnostics(diags: &[Diagnostic], verbose: bool) {
    let mut binaries = 0;
    for d in diags {
        match (d.level, d.kind) {
            (Level::Note, Kind::Binary) => binaries += 1,
            _ => eprintln!("gate: {d}"),
        }
    }
    if binaries > 0 && verbose {
        eprintln!("gate: note: skipped {binaries} binary file(s)");
    }
    let errors = diags.iter().filter(|d| d.level == Level::Error).count();
    if errors > 0 {
        eprintln!(
            "gate: error: {errors} input(s) could not be scanned; the gate fails closed (exit 2)"
        );
    }
}
