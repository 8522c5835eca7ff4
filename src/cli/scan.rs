//! `gate scan`: walk, run the engines, then conclude (fingerprints, ignore
//! files, policy, reports, exit code).

use std::collections::{BTreeMap, HashMap};
use std::io::Write as _;

use anyhow::{bail, Result};

use super::args::ScanArgs;
use super::engines::build_engines;
use super::settings::{ScanMode, ScanSettings};
use super::Outcome;
use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engine::Engine;
use crate::finding::assign_fingerprints;
use crate::gitscan::{scan_history, scan_staged, PathFilter};
use crate::ignorefile::IgnoreList;
use crate::policy::evaluate;
use crate::report::{Format, RenderOptions, Report};
use crate::scan::{scan_paths, ScanResult};

/// Run `gate scan`.
pub fn run(args: &ScanArgs) -> Result<Outcome> {
    let settings = ScanSettings::resolve(args)?;
    let mut engines = build_engines(&settings)?;
    let result = match &settings.mode {
        ScanMode::Tree => scan_paths(&settings.walk, &engines, settings.progress)?,
        ScanMode::Staged => scan_staged(
            &settings.root,
            &git_filter(&settings)?,
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
                &git_filter(&settings)?,
                &engines,
                settings.walk.max_file_size,
            )?
        }
    };
    conclude(&settings, &engines, result)
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

/// Everything after the engines ran, shared by every way of scanning.
pub fn conclude(
    s: &ScanSettings,
    engines: &[Box<dyn Engine>],
    mut result: ScanResult,
) -> Result<Outcome> {
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
    if let Some(min) = s.min_severity {
        result.findings.retain(|f| f.severity >= min);
    }
    result
        .diagnostics
        .sort_by(|a, b| (&a.path, a.line, &a.message).cmp(&(&b.path, b.line, &b.message)));
    let verdict = evaluate(&s.policy, &result.findings);
    let rules: BTreeMap<_, _> = engines
        .iter()
        .flat_map(|e| e.rules())
        .map(|r| (r.id.clone(), r))
        .collect();
    let report = Report {
        findings: &result.findings,
        rules: &rules,
        diagnostics: &result.diagnostics,
        verdict: &verdict,
        stats: result.stats,
    };
    print_diagnostics(&result.diagnostics);
    let mut failed_output = false;
    for (format, path) in &s.outputs {
        let opts = RenderOptions {
            redactor: s.redactor,
            color: false,
        };
        let text = format.emitter().render(&report, &opts);
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("gate: error: {}: cannot write report: {e}", path.display());
            failed_output = true;
        }
    }
    if !s.quiet {
        let opts = RenderOptions {
            redactor: s.redactor,
            color: s.color && s.stdout_format == Format::Text,
        };
        let text = s.stdout_format.emitter().render(&report, &opts);
        let mut out = std::io::stdout().lock();
        // A closed pipe (`gate scan | head`) is not the gate's failure.
        let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    }
    let errored = failed_output || result.diagnostics.iter().any(|d| d.level == Level::Error);
    Ok(if errored {
        Outcome::Error
    } else if verdict.passed {
        Outcome::Pass
    } else {
        Outcome::Fail
    })
}

/// Warnings and errors one per line on stderr; skipped binaries as a count.
fn print_diagnostics(diags: &[Diagnostic]) {
    let mut binaries = 0;
    for d in diags {
        match (d.level, d.kind) {
            (Level::Note, Kind::Binary) => binaries += 1,
            _ => eprintln!("gate: {d}"),
        }
    }
    if binaries > 0 {
        eprintln!("gate: note: skipped {binaries} binary file(s)");
    }
    let errors = diags.iter().filter(|d| d.level == Level::Error).count();
    if errors > 0 {
        eprintln!(
            "gate: error: {errors} input(s) could not be scanned; the gate fails closed (exit 2)"
        );
    }
}
