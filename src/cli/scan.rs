//! `gate scan`: walk, run the engines, then conclude (fingerprints, ignore
//! files, policy, reports, exit code).

use std::io::Write as _;

use anyhow::{bail, Result};

use super::args::{BaselineArgs, MergeArgs, ScanArgs};
use super::engines::build_engines;
use super::settings::{ScanMode, ScanSettings};
use super::Outcome;
use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engines::Engine;
use crate::gitscan::{scan_history, scan_staged, PathFilter};
pub use crate::pipeline::{analyse, Analysis};
use crate::report::{Format, RenderOptions, Report};
use crate::scan::{scan_paths, ScanResult};

/// Run `gate scan`.
pub fn run(args: &ScanArgs) -> Result<Outcome> {
    let settings = ScanSettings::resolve(args)?;
    let (engines, result) = scan(&settings)?;
    let outcome = conclude(&settings, &engines, result);
    // The engines hold every compiled rule and its search caches; the
    // process's exit returns that memory at once, where freeing it piece by
    // piece cost a tenth of a secrets scan's wall time.
    std::mem::forget(engines);
    outcome
}

/// Build the engines and scan what the settings say (tree, index or history).
pub fn scan(settings: &ScanSettings) -> Result<(Vec<Box<dyn Engine>>, ScanResult)> {
    let mut engines = build_engines(settings)?;
    let mut result = match &settings.mode {
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
    if !matches!(settings.mode, ScanMode::History(_)) {
        repository_pass(settings, &engines, &mut result)?;
    }
    Ok((engines, result))
}

/// What engines say about the repository beyond the files they were handed
/// (a tracked `.env` that `.gitignore` hides from the walker), limited to
/// the scan's PATH arguments and excludes.
fn repository_pass(
    settings: &ScanSettings,
    engines: &[Box<dyn Engine>],
    result: &mut ScanResult,
) -> Result<()> {
    let filter = git_filter(settings)?;
    for e in engines {
        let mut out = crate::engines::FileOutput::default();
        e.scan_repository(&|p| filter.allows(p), &mut out);
        result.findings.extend(out.findings);
        result.diagnostics.extend(out.diagnostics);
    }
    Ok(())
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

/// Everything after the engines ran, shared by every way of scanning:
/// import SARIF, merge and de-duplicate, fingerprints, ignore files,
/// baseline, diff scope, policy, reports, exit code.
pub fn conclude(
    s: &ScanSettings,
    engines: &[Box<dyn Engine>],
    result: ScanResult,
) -> Result<Outcome> {
    let mut a = analyse(&s.pipeline(), engines, result);
    let outcome = emit(s, &mut a);
    // A merge can hold hundreds of thousands of findings: free them on every core.
    use rayon::prelude::*;
    a.findings.into_par_iter().for_each(drop);
    Ok(outcome)
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
    let mut result = scan_paths(&settings.walk, &engines, settings.progress)?;
    repository_pass(&settings, &engines, &mut result)?;
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
