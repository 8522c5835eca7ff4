//! Building the engines a scan runs, from the resolved settings.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context, Result};

use super::settings::ScanSettings;
use crate::engines::Engine;
use crate::hygiene::{HygieneEngine, Settings as HygieneSettings};
use crate::python::{PythonEngine, Settings as PythonSettings};
use crate::secrets::{self, CompileError, DisabledRule, RuleSet, SecretsEngine};

/// Every engine gate has, in the order they run.
pub const ENGINES: &[&str] = &["secrets", "python", "hygiene"];

/// The engines named in the settings (all when none are named). An engine
/// that would run no rule at all is an error, not a silent pass: the user
/// turns an engine off by leaving it out of `--engines`, never by accident.
pub fn build_engines(s: &ScanSettings) -> Result<Vec<Box<dyn Engine>>> {
    let mut names: Vec<&str> = if s.engines.is_empty() {
        ENGINES.to_vec()
    } else {
        s.engines.iter().map(String::as_str).collect()
    };
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(*n));
    let mut out: Vec<Box<dyn Engine>> = Vec::new();
    // Where each secret rule was written, for a clash with another engine's id.
    let mut secret_sources: HashMap<String, String> = HashMap::new();
    for name in names {
        match name {
            "secrets" => {
                let set = secrets_rule_set(
                    s.rules_dir.as_deref(),
                    s.gitleaks_config.as_deref(),
                    s.config.secrets.extend_default,
                    &s.config.secrets.disabled_rules,
                )?;
                secret_sources.extend(set.rules.iter().map(|r| (r.id.clone(), r.source.clone())));
                out.push(Box::new(SecretsEngine::new(set)));
            }
            "python" => {
                let settings =
                    PythonSettings::resolve(&s.root, &s.config.python, s.config.source.as_deref())?;
                for w in &settings.warnings {
                    eprintln!("gate: warning: {w}");
                }
                out.push(Box::new(PythonEngine::new(settings)));
            }
            "hygiene" => {
                let mut settings =
                    HygieneSettings::resolve(&s.config.hygiene, s.config.source.as_deref())?;
                settings.options.root = Some(s.root.clone());
                let staged = matches!(s.mode, super::settings::ScanMode::Staged);
                out.push(Box::new(HygieneEngine::new(settings).in_repo(
                    &s.root,
                    staged,
                    s.walk.ignore_files,
                )));
            }
            other => bail!("unknown engine `{other}` (known: {})", ENGINES.join(", ")),
        }
    }
    unique_rule_ids(&out, &secret_sources)?;
    Ok(out)
}

/// Rule ids (and aliases) are unique across engines: reports, SARIF rule
/// metadata, severity overrides and ignore files look rules up by id, and a
/// shared id would give one rule's findings the other's severity.
/// `sources` says where a rule was written, when known.
pub fn unique_rule_ids(
    engines: &[Box<dyn Engine>],
    sources: &HashMap<String, String>,
) -> Result<()> {
    let mut owner: HashMap<String, &'static str> = HashMap::new();
    for e in engines {
        let aliases = e.rule_aliases().into_iter().flat_map(|(_, a)| a);
        for id in e.rules().into_iter().map(|r| r.id).chain(aliases) {
            match owner.get(&id) {
                Some(other) if *other != e.name() => {
                    let place = |engine: &str| match sources.get(&id) {
                        Some(src) if engine == "secrets" => format!("the secret rule in {src}"),
                        _ => format!("the {engine} engine's rule"),
                    };
                    bail!(
                        "rule id `{id}` is defined twice: {} and {}; every rule id must be unique (rename the custom rule)",
                        place(other),
                        place(e.name())
                    );
                }
                Some(_) => {}
                None => {
                    owner.insert(id, e.name());
                }
            }
        }
    }
    Ok(())
}

fn rule_errors(errs: Vec<CompileError>) -> anyhow::Error {
    anyhow::anyhow!(
        "{} rule error(s):\n  {}",
        errs.len(),
        errs.iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n  ")
    )
}

/// The secret rules: the built-in catalogue (or `rules_dir`), plus a gitleaks
/// config's rules and allowlists, minus disabled rules. A configuration that
/// leaves no rule is an error that says which part of it did.
pub fn secrets_rule_set(
    rules_dir: Option<&Path>,
    gitleaks_config: Option<&Path>,
    extend_default: Option<bool>,
    disabled: &[String],
) -> Result<RuleSet> {
    let (sources, origin) = match rules_dir {
        Some(dir) => {
            let sources = secrets::dir_sources(dir)
                .with_context(|| format!("{}: cannot read rules directory", dir.display()))?;
            if sources.is_empty() {
                bail!(
                    "{}: --rules-dir: no rule files (*.toml) in the directory or below it",
                    dir.display()
                );
            }
            (sources, secrets::Origin::User)
        }
        None => (secrets::embedded_sources(), secrets::Origin::BuiltIn),
    };
    let (mut rules, mut globals) =
        secrets::compile_sources(&sources, origin).map_err(rule_errors)?;
    if let (Some(dir), true) = (rules_dir, rules.is_empty()) {
        bail!(
            "{}: --rules-dir: its {} rule file(s) define no rules (expected [[rules]] tables)",
            dir.display(),
            sources.len()
        );
    }
    let mut disabled: Vec<DisabledRule> = disabled
        .iter()
        .map(|id| DisabledRule {
            id: id.clone(),
            file: "[secrets] disabled_rules".into(),
        })
        .collect();
    if let Some(path) = gitleaks_config {
        let gl = secrets::load_gitleaks_config(path)?;
        for w in &gl.warnings {
            eprintln!("gate: warning: {w}");
        }
        let keep_builtin = extend_default.unwrap_or(gl.use_default);
        if gl.rules.is_empty() && !keep_builtin {
            let why = match extend_default {
                Some(false) => "`[secrets] extend_default = false` turns them off",
                _ => "it has no `[extend] useDefault = true`",
            };
            bail!(
                "{}: defines no rules ([[rules]]) and does not keep the built-in ones ({why}): \
                 no secret rule would run",
                path.display()
            );
        }
        if !keep_builtin {
            rules.clear();
        }
        disabled.extend(gl.disabled_rules);
        // A user rule with a built-in id replaces the built-in one.
        rules.retain(|r| !gl.rules.iter().any(|u| r.answers_to(&u.id)));
        rules.extend(gl.rules);
        globals.extend(gl.allowlists);
    }
    for d in &disabled {
        if !rules.iter().any(|r| r.answers_to(&d.id)) {
            eprintln!(
                "gate: warning: {}: no secret rule `{}` to turn off{}",
                d.file,
                d.id,
                crate::suggest::did_you_mean(&d.id, rules.iter().map(|r| r.id.as_str()))
            );
        }
    }
    let before = rules.len();
    rules.retain(|r| !disabled.iter().any(|d| r.answers_to(&d.id)));
    if rules.is_empty() {
        let mut by: Vec<&str> = disabled.iter().map(|d| d.file.as_str()).collect();
        by.dedup();
        bail!(
            "every secret rule is turned off ({before} disabled by {}): no secret rule would run; \
             to scan without secrets, turn the engine off explicitly (`--engines python`)",
            by.join(", ")
        );
    }
    RuleSet::new(rules, globals).map_err(rule_errors)
}
