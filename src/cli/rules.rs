//! `gate rules list|check|explain`.

use std::collections::BTreeMap;

use anyhow::{bail, Result};

use super::args::{ListFormat, RulesCommand};
use super::engines::ENGINES;
use super::engines::{secrets_rule_set, unique_rule_ids};
use super::Outcome;
use crate::engines::{Engine, RuleInfo};
use crate::hygiene::HygieneEngine;
use crate::python::PythonEngine;
use crate::secrets::{check_rules, SecretsEngine};

/// Every rule of every engine, by id.
fn catalogue(engines: &[Box<dyn Engine>]) -> BTreeMap<String, RuleInfo> {
    engines
        .iter()
        .flat_map(|e| e.rules())
        .map(|r| (r.id.clone(), r))
        .collect()
}

fn engines(rules_dir: Option<&std::path::Path>) -> Result<Vec<Box<dyn Engine>>> {
    let set = secrets_rule_set(rules_dir, None, None, &[])?;
    let sources = set
        .rules
        .iter()
        .map(|r| (r.id.clone(), r.source.clone()))
        .collect();
    let engines: Vec<Box<dyn Engine>> = vec![
        Box::new(SecretsEngine::new(set)),
        Box::new(PythonEngine::default()),
        Box::new(HygieneEngine::all()),
    ];
    unique_rule_ids(&engines, &sources)?;
    Ok(engines)
}

/// Run a `gate rules` subcommand.
pub fn run(cmd: RulesCommand) -> Result<Outcome> {
    match cmd {
        RulesCommand::List {
            format,
            rules_dir,
            engine,
        } => {
            let mut engines = engines(rules_dir.as_deref())?;
            if let Some(name) = &engine {
                if !ENGINES.contains(&name.as_str()) {
                    bail!(
                        "--engine: unknown engine `{name}`{} (known: {})",
                        crate::suggest::did_you_mean(name, ENGINES.iter().copied()),
                        ENGINES.join(", ")
                    );
                }
                engines.retain(|e| e.name() == name);
            }
            let rules = catalogue(&engines);
            match format {
                ListFormat::Json => {
                    let list: Vec<&RuleInfo> = rules.values().collect();
                    println!("{}", serde_json::to_string_pretty(&list)?);
                }
                ListFormat::Text => {
                    for r in rules.values() {
                        println!(
                            "{:<44} {:<8} {:<12} {}",
                            r.id, r.severity, r.tool, r.short_description
                        );
                    }
                    eprintln!("{} rules", rules.len());
                }
            }
            Ok(Outcome::Pass)
        }
        RulesCommand::Check { rules_dir, config } => {
            let builtin = secrets_rule_set(rules_dir.as_deref(), None, None, &[])?;
            let mut failures = check_rules(&builtin, true);
            if let Some(path) = config {
                let set = secrets_rule_set(rules_dir.as_deref(), Some(&path), Some(false), &[])?;
                failures.extend(check_rules(&set, false));
            }
            for f in &failures {
                println!("{f}");
            }
            let examples: usize = builtin
                .rules
                .iter()
                .map(|r| r.examples.len() + r.negative_examples.len())
                .sum();
            if failures.is_empty() {
                println!(
                    "all {} rules pass their {} examples",
                    builtin.rules.len(),
                    examples
                );
                Ok(Outcome::Pass)
            } else {
                println!(
                    "{} failure(s) in {} rules",
                    failures.len(),
                    builtin.rules.len()
                );
                Ok(Outcome::Fail)
            }
        }
        RulesCommand::Explain { id, rules_dir } => {
            let all = engines(rules_dir.as_deref())?;
            let rules = catalogue(&all);
            // An anchor id (`DL3007`, `zizmor/unpinned-uses`) explains the gate check it names.
            let canonical = crate::sarif::rulemap::RuleMap::get()
                .canonical(&id)
                .to_string();
            let Some(r) = rules.get(&id).or_else(|| rules.get(&canonical)) else {
                bail!("no rule `{id}` (see `gate rules list`)");
            };
            println!("{} — {}\n", r.id, r.name);
            println!(
                "severity: {}   confidence: {}   engine: {}",
                r.severity, r.confidence, r.tool
            );
            if let Some(cwe) = r.cwe {
                println!("CWE-{cwe}: https://cwe.mitre.org/data/definitions/{cwe}.html");
            }
            if !r.tags.is_empty() {
                println!("tags: {}", r.tags.join(", "));
            }
            if let Some((_, aliases)) = all
                .iter()
                .flat_map(|e| e.rule_aliases())
                .find(|(rule, _)| *rule == r.id)
            {
                println!("also known as: {}", aliases.join(", "));
            }
            println!("\n{}", r.help);
            Ok(Outcome::Pass)
        }
    }
}
