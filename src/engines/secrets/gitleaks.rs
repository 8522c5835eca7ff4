//! Reading an existing gitleaks configuration (`.gitleaks.toml`) so that a
//! team's custom rules, allowlists and disabled rules carry over unchanged.

use std::path::Path;

use serde::Deserialize;

use super::compile::{compile_allowlist, compile_rule, Allowlist, CompileError, Origin, Rule};
use super::syntax::{AllowlistSyntax, Condition, RegexTarget, RuleSyntax};

/// gitleaks runs a rule's regex over whole files; gate looks this far past a keyword.
const GITLEAKS_RULE_WINDOW: usize = 64 << 10;
/// How deep `[extend] path = ...` chains may go before we call it a loop.
const MAX_EXTEND_DEPTH: usize = 8;

/// A gitleaks configuration, compiled.
#[derive(Debug, Default)]
pub struct GitleaksConfig {
    pub rules: Vec<Rule>,
    pub allowlists: Vec<Allowlist>,
    /// `[extend] useDefault`: whether the built-in rules stay on.
    pub use_default: bool,
    /// `[extend] disabledRules`: built-in rule ids (or aliases) to turn off.
    pub disabled_rules: Vec<DisabledRule>,
    /// Parts of the file gate read but does not act on.
    pub warnings: Vec<String>,
}

/// One `[extend] disabledRules` entry and the file that wrote it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisabledRule {
    pub id: String,
    pub file: String,
}

// The keys gitleaks documents, and nothing else: gitleaks itself ignores a
// misspelt key (`useDefualt`, `[[rule]]`), which silently drops the built-in
// rules or every custom one. gitleaks reads keys through viper, which does not
// care about case; the all-lowercase spellings are accepted as aliases.

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GlConfig {
    #[serde(default)]
    #[allow(dead_code)] // accepted, not used
    title: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default, alias = "minversion")]
    #[allow(dead_code)]
    min_version: Option<String>,
    #[serde(default)]
    extend: Option<GlExtend>,
    #[serde(default)]
    rules: Vec<GlRule>,
    #[serde(default)]
    allowlist: Option<GlAllowlist>,
    #[serde(default)]
    allowlists: Vec<GlAllowlist>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GlExtend {
    #[serde(default, alias = "usedefault")]
    use_default: bool,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, alias = "disabledrules")]
    disabled_rules: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GlRule {
    id: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    regex: Option<String>,
    #[serde(default, alias = "secretgroup")]
    secret_group: Option<usize>,
    #[serde(default)]
    entropy: Option<f32>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    allowlist: Option<GlAllowlist>,
    #[serde(default)]
    allowlists: Vec<GlAllowlist>,
    #[serde(default, alias = "skipreport")]
    skip_report: bool,
    #[serde(default)]
    required: Option<toml::Value>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GlAllowlist {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    condition: Option<String>,
    #[serde(default, alias = "regextarget")]
    regex_target: Option<String>,
    #[serde(default)]
    regexes: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default, alias = "stopWords")]
    stopwords: Vec<String>,
    #[serde(default)]
    commits: Vec<String>,
    #[serde(default, alias = "targetrules")]
    target_rules: Vec<String>,
}

/// Load and compile a gitleaks config file (following `[extend] path`).
pub fn load_gitleaks_config(path: &Path) -> Result<GitleaksConfig, CompileError> {
    let mut out = GitleaksConfig::default();
    load_into(path, &mut out, 0)?;
    Ok(out)
}

fn load_into(path: &Path, out: &mut GitleaksConfig, depth: usize) -> Result<(), CompileError> {
    let file = path.display().to_string();
    if depth > MAX_EXTEND_DEPTH {
        return Err(CompileError::Invalid {
            file,
            rule: "(extend)".into(),
            message: "`[extend] path` chain is too deep (a loop?)".into(),
        });
    }
    let text = std::fs::read_to_string(path).map_err(|e| CompileError::Toml {
        file: file.clone(),
        message: e.to_string(),
    })?;
    let cfg: GlConfig = toml::from_str(&text).map_err(|e| CompileError::Toml {
        file: file.clone(),
        message: crate::suggest::with_hint(&e.to_string()),
    })?;
    if let Some(ext) = &cfg.extend {
        if depth == 0 {
            out.use_default = ext.use_default;
        } else {
            out.use_default |= ext.use_default;
        }
        out.disabled_rules
            .extend(ext.disabled_rules.iter().map(|id| DisabledRule {
                id: id.clone(),
                file: file.clone(),
            }));
        if let Some(p) = &ext.path {
            let base = path.parent().unwrap_or(Path::new("."));
            load_into(&base.join(p), out, depth + 1)?;
        }
        if ext.url.is_some() {
            out.warnings.push(format!(
                "{file}: `[extend] url` is not fetched (gate makes no network requests while scanning)"
            ));
        }
    }
    // Where each rule id of this file was first written ([[rules]] number).
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (n, r) in cfg.rules.iter().enumerate() {
        if let Some(first) = seen.insert(&r.id, n + 1) {
            return Err(CompileError::Duplicate {
                id: r.id.clone(),
                first: format!("in {file} ([[rules]] #{first})"),
                second: format!("in {file} ([[rules]] #{})", n + 1),
            });
        }
        if r.skip_report || r.required.is_some() {
            out.warnings.push(format!(
                "{file}: rule `{}`: composite rules (`required`, `skipReport`) are not supported; the rule runs on its own",
                r.id
            ));
        }
        let syntax = RuleSyntax {
            id: r.id.clone(),
            description: if r.description.is_empty() {
                r.id.clone()
            } else {
                r.description.clone()
            },
            regex: r.regex.clone(),
            secret_group: r.secret_group.filter(|&g| g > 0),
            keywords: r.keywords.clone(),
            keyword_boundary: false,
            entropy: r.entropy.filter(|&e| e > 0.0),
            path: r.path.clone(),
            severity: crate::finding::Severity::High,
            confidence: crate::finding::Confidence::High,
            tags: r.tags.clone(),
            references: Vec::new(),
            aliases: Vec::new(),
            multiline: true,
            window: Some(GITLEAKS_RULE_WINDOW),
            lookbehind: None,
            decode: None,
            allowlist: None,
            allowlists: r
                .allowlist
                .iter()
                .chain(r.allowlists.iter())
                .map(|a| {
                    if !a.target_rules.is_empty() {
                        return Err(CompileError::Invalid {
                            file: file.clone(),
                            rule: r.id.clone(),
                            message: "`targetRules` belongs in a global `[[allowlists]]`; a rule's own allowlist applies to that rule only".into(),
                        });
                    }
                    convert_allowlist(a, &file, &r.id)
                })
                .collect::<Result<_, _>>()?,
            examples: Vec::new(),
            negative_examples: Vec::new(),
            example_path: None,
            skip_mutations: Vec::new(),
            defer_to_providers: false,
        };
        let rule = compile_rule(&syntax, Origin::User, &file)?;
        // User rules are few: build them now so a regex too large to build
        // is reported with the file and rule, not discovered mid-scan.
        if let Some(re) = &rule.regex {
            re.compile_now(&file, &rule.id, "rule")?;
        }
        // A config that extends another overrides the rules it shares an id
        // with, as gitleaks does.
        out.rules.retain(|base| base.id != rule.id);
        out.rules.push(rule);
    }
    for a in cfg.allowlist.iter().chain(cfg.allowlists.iter()) {
        let syntax = convert_allowlist(a, &file, "(global allowlist)")?;
        out.allowlists.push(compile_allowlist(
            &syntax,
            Origin::User,
            &file,
            "(global allowlist)",
        )?);
    }
    Ok(())
}

fn convert_allowlist(
    a: &GlAllowlist,
    file: &str,
    rule: &str,
) -> Result<AllowlistSyntax, CompileError> {
    let bad = |what: &str, v: &str| CompileError::Invalid {
        file: file.to_string(),
        rule: rule.to_string(),
        message: format!("allowlist {what} `{v}` is not one gitleaks knows"),
    };
    let condition = match a
        .condition
        .as_deref()
        .map(str::to_ascii_uppercase)
        .as_deref()
    {
        None | Some("") | Some("OR") => Condition::Or,
        Some("AND") => Condition::And,
        Some(other) => return Err(bad("condition", other)),
    };
    let regex_target = match a.regex_target.as_deref() {
        None | Some("") | Some("secret") => RegexTarget::Secret,
        Some("match") => RegexTarget::Match,
        Some("line") => RegexTarget::Line,
        Some(other) => return Err(bad("regexTarget", other)),
    };
    Ok(AllowlistSyntax {
        description: a.description.clone(),
        condition,
        regex_target,
        regexes: a.regexes.clone(),
        stopwords: a.stopwords.clone(),
        paths: a.paths.clone(),
        commits: a.commits.clone(),
        target_rules: a.target_rules.clone(),
    })
}
