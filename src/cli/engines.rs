//! Building the engines a scan runs, from the resolved settings.

use std::path::Path;

use anyhow::{bail, Context, Result};

use super::settings::ScanSettings;
use crate::engine::Engine;
use crate::python::{PythonEngine, Settings as PythonSettings};
use crate::secrets::{self, RuleSet, SecretsEngine};

/// Every engine gate has, in the order they run.
pub const ENGINES: &[&str] = &["secrets", "python"];

/// The engines named in the settings (all when none are named).
pub fn build_engines(s: &ScanSettings) -> Result<Vec<Box<dyn Engine>>> {
    let mut names: Vec<&str> = if s.engines.is_empty() {
        ENGINES.to_vec()
    } else {
        s.engines.iter().map(String::as_str).collect()
    };
    let mut seen = std::collections::HashSet::new();
    names.retain(|n| seen.insert(*n));
    let mut out: Vec<Box<dyn Engine>> = Vec::new();
    for name in names {
        match name {
            "secrets" => out.push(Box::new(SecretsEngine::new(secrets_rule_set(
                s.rules_dir.as_deref(),
                s.gitleaks_config.as_deref(),
                s.config.secrets.extend_default,
                &s.config.secrets.disabled_rules,
            )?))),
            "python" => out.push(Box::new(PythonEngine::new(
                PythonSettings::resolve(&s.root, &s.config.python, s.config.source.as_deref())
                    .context("cannot use the bandit configuration")?,
            ))),
            other => bail!("unknown engine `{other}` (known: {})", ENGINES.join(", ")),
        }
    }
    Ok(out)
}

/// The secret rules: the built-in catalogue (or `rules_dir`), plus a gitleaks
/// config's rules and allowlists, minus disabled rules.
pub fn secrets_rule_set(
    rules_dir: Option<&Path>,
    gitleaks_config: Option<&Path>,
    extend_default: Option<bool>,
    disabled: &[String],
) -> Result<RuleSet> {
    let (sources, origin) = match rules_dir {
        Some(dir) => (
            secrets::dir_sources(dir)
                .with_context(|| format!("{}: cannot read rules directory", dir.display()))?,
            secrets::Origin::User,
        ),
        None => (secrets::embedded_sources(), secrets::Origin::BuiltIn),
    };
    let (mut rules, mut globals) = secrets::compile_sources(&sources, origin).map_err(|errs| {
        anyhow::anyhow!(
            "{} rule error(s):\n  {}",
            errs.len(),
            errs.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n  ")
        )
    })?;
    let mut disabled: Vec<String> = disabled.to_vec();
    if let Some(path) = gitleaks_config {
        let gl = secrets::load_gitleaks_config(path)?;
        for w in &gl.warnings {
            eprintln!("gate: warning: {w}");
        }
        if !extend_default.unwrap_or(gl.use_default) {
            rules.clear();
        }
        disabled.extend(gl.disabled_rules);
        // A user rule with a built-in id replaces the built-in one.
        rules.retain(|r| !gl.rules.iter().any(|u| r.answers_to(&u.id)));
        rules.extend(gl.rules);
        globals.extend(gl.allowlists);
    }
    rules.retain(|r| !disabled.iter().any(|d| r.answers_to(d)));
    Ok(RuleSet::new(rules, globals))
}
