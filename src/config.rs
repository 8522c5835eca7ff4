//! `gate.toml` (or `[tool.gate]` in pyproject.toml) as written.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::finding::{Confidence, Severity};

/// The config file's name at the repository root.
pub const CONFIG_FILE: &str = "gate.toml";

/// A configuration file that could not be used; names the file.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Parse { path: String, message: String },
}

/// The whole file. Unknown keys are errors: a typo must not silently weaken the gate.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub scan: ScanSection,
    #[serde(default)]
    pub policy: PolicySection,
    #[serde(default)]
    pub secrets: SecretsSection,
    #[serde(default)]
    pub python: PythonSection,
    #[serde(default)]
    pub sarif: SarifSection,
    #[serde(default)]
    pub hygiene: HygieneSection,
    /// Where the file was read from (set after loading).
    #[serde(skip)]
    pub source: Option<PathBuf>,
}

/// `[scan]`: what is walked.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanSection {
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default, deserialize_with = "de_size")]
    pub max_file_size: Option<u64>,
    #[serde(default)]
    pub follow_links: Option<bool>,
    #[serde(default)]
    pub threads: Option<usize>,
    #[serde(default)]
    pub engines: Option<Vec<String>>,
}

/// `[policy]`: what fails the gate.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicySection {
    #[serde(default)]
    pub fail_on: Option<Severity>,
    #[serde(default)]
    pub min_confidence: Option<Confidence>,
    /// With a diff base (`--diff-base`, or a pull request's base branch): only
    /// findings on added or changed lines count.
    #[serde(default)]
    pub new_only: Option<bool>,
    /// `[policy.budget]`: findings allowed per severity before the gate fails.
    #[serde(default)]
    pub budget: std::collections::BTreeMap<Severity, usize>,
    /// `[policy.severity]`: per-rule severity overrides (`B101 = "info"`).
    #[serde(default)]
    pub severity: std::collections::BTreeMap<String, Severity>,
    /// `[[policy.exception]]`: reviewed, expiring exceptions.
    #[serde(default)]
    pub exception: Vec<ExceptionSection>,
}

/// One `[[policy.exception]]` as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExceptionSection {
    #[serde(default)]
    pub rules: Vec<String>,
    #[serde(default)]
    pub paths: Vec<String>,
    pub reason: String,
    /// `"2027-06-30"` or a TOML date.
    pub expires: DateValue,
}

/// A date written as a string or as a TOML date.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Text(String),
    Toml(toml::value::Datetime),
}

impl DateValue {
    /// The date as `YYYY-MM-DD` text.
    pub fn text(&self) -> String {
        match self {
            DateValue::Text(s) => s.clone(),
            DateValue::Toml(d) => d.to_string(),
        }
    }
}

/// `[sarif]`: SARIF from other tools, and how gate writes its own.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SarifSection {
    /// SARIF files to import on every scan (relative to the config file).
    #[serde(default)]
    pub inputs: Vec<PathBuf>,
    /// `automationDetails.id` (GitHub's category) [default: `gate/`].
    #[serde(default)]
    pub automation_id: Option<String>,
}

/// `[secrets]`: the secrets engine's rules.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SecretsSection {
    /// Keep gate's built-in rules when a gitleaks config is given (default: the
    /// gitleaks config's own `[extend] useDefault`, or true without one).
    #[serde(default)]
    pub extend_default: Option<bool>,
    /// A gitleaks-format config whose rules and allowlists are added.
    #[serde(default)]
    pub config: Option<PathBuf>,
    /// Built-in rule ids (or gitleaks ids) to turn off.
    #[serde(default)]
    pub disabled_rules: Vec<String>,
}

/// `[python]`: the Python engine's checks (an existing bandit config is read too).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PythonSection {
    /// Only these check ids run (bandit's `tests`); absent: all. An empty
    /// list is an error, not "all": written out, it reads as "none".
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// These check ids never run (bandit's `skips`).
    #[serde(default)]
    pub skip: Vec<String>,
    /// Drop findings below this severity (bandit's `-l`).
    #[serde(default)]
    pub severity: Option<Severity>,
    /// Drop findings below this confidence (bandit's `-i`).
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Directories (or globs) whose Python files are not checked.
    #[serde(default)]
    pub exclude_dirs: Vec<String>,
    /// A bandit config to read instead of discovering one (`bandit.yml`, `.bandit`, pyproject).
    #[serde(default)]
    pub bandit_config: Option<PathBuf>,
    /// B108: directories that count as shared temp dirs.
    #[serde(default)]
    pub tmp_dirs: Option<Vec<String>>,
    /// B602-B607: qualified names of subprocess-style functions.
    #[serde(default)]
    pub subprocess: Option<Vec<String>>,
    /// B605/B607: functions that always start a shell.
    #[serde(default)]
    pub shell: Option<Vec<String>>,
    /// B606/B607: functions that start a process without a shell.
    #[serde(default)]
    pub no_shell: Option<Vec<String>>,
    /// B101: file globs where asserts are allowed.
    #[serde(default)]
    pub assert_skips: Option<Vec<String>>,
    /// B502/B503: protocol constants considered insecure.
    #[serde(default)]
    pub bad_protocol_versions: Option<Vec<String>>,
    /// B110/B112: also flag handlers of specific exception types.
    #[serde(default)]
    pub check_typed_exception: Option<bool>,
    /// Ignore `# nosec` comments (bandit's `--ignore-nosec`).
    #[serde(default)]
    pub ignore_nosec: Option<bool>,
    /// The Python version whose grammar decides which files are valid:
    /// `py38` ... `py314` (default `py311`, what bandit 1.9.4 was measured under).
    #[serde(default)]
    pub target_version: Option<crate::python::PythonVersion>,
}

/// `[hygiene]`: the pipeline-hygiene engine's checks and their options.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HygieneSection {
    /// Only these checks run (ids or anchor ids like `DL3007`); absent: all.
    #[serde(default)]
    pub select: Option<Vec<String>>,
    /// These checks never run (ids or anchor ids).
    #[serde(default)]
    pub skip: Vec<String>,
    /// unpinned-uses: owners (`actions`, `my-org`) whose actions may be pinned by tag.
    #[serde(default)]
    pub allowed_owners: Vec<String>,
    /// Image checks: registries whose images need no digest even with `pin_digests`.
    #[serde(default)]
    pub trusted_registries: Vec<String>,
    /// Image checks: require `@sha256:` digests on images, not only tags (default false).
    #[serde(default)]
    pub pin_digests: Option<bool>,
}

/// `10MiB`, `512k`, `2 GB` or a plain number of bytes.
pub fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("`{s}` is not a size (try 10MiB, 512KiB or a number of bytes)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit `{other}` in `{s}`")),
    };
    Ok((n * mult as f64) as u64)
}

fn de_size<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Size {
        Bytes(u64),
        Text(String),
    }
    match Option::<Size>::deserialize(d)? {
        None => Ok(None),
        Some(Size::Bytes(n)) => Ok(Some(n)),
        Some(Size::Text(s)) => parse_size(&s).map(Some).map_err(serde::de::Error::custom),
    }
}

/// What a `--config FILE` turned out to be.
#[derive(Debug)]
#[allow(clippy::large_enum_variant)] // built once per run
pub enum ConfigKind {
    Gate(Box<FileConfig>),
    /// A gitleaks config, to be loaded by the secrets engine.
    Gitleaks(PathBuf),
}

/// Keys that only a gitleaks config has at its top level.
const GITLEAKS_KEYS: [&str; 6] = [
    "rules",
    "allowlist",
    "allowlists",
    "extend",
    "title",
    "minVersion",
];

/// Load `--config FILE`: a gate.toml, a pyproject.toml, or a gitleaks config.
pub fn load_explicit(path: &Path) -> Result<ConfigKind, ConfigError> {
    let text = read(path)?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| parse_error(path, e))?;
    if path.file_name().is_some_and(|n| n == "pyproject.toml") {
        return from_pyproject(path, &table)
            .map(|c| ConfigKind::Gate(Box::new(c.unwrap_or_default())));
    }
    // By name too: an empty or misspelt `.gitleaks.toml` has none of its keys,
    // and read as a gate.toml it would pass as an empty (default) one.
    let named_gitleaks = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.to_ascii_lowercase().contains("gitleaks"));
    if named_gitleaks || GITLEAKS_KEYS.iter().any(|k| table.contains_key(*k)) {
        return Ok(ConfigKind::Gitleaks(path.to_path_buf()));
    }
    parse_gate(path, &text).map(|c| ConfigKind::Gate(Box::new(c)))
}

/// Find the config at the root: `gate.toml`, else `[tool.gate]` in `pyproject.toml`.
pub fn discover(root: &Path) -> Result<FileConfig, ConfigError> {
    let gate = root.join(CONFIG_FILE);
    if gate.is_file() {
        let text = read(&gate)?;
        return parse_gate(&gate, &text);
    }
    let pyproject = root.join("pyproject.toml");
    if pyproject.is_file() {
        let text = read(&pyproject)?;
        let table: toml::Table = toml::from_str(&text).map_err(|e| parse_error(&pyproject, e))?;
        if let Some(cfg) = from_pyproject(&pyproject, &table)? {
            return Ok(cfg);
        }
    }
    Ok(FileConfig::default())
}

fn from_pyproject(path: &Path, table: &toml::Table) -> Result<Option<FileConfig>, ConfigError> {
    let Some(section) = table.get("tool").and_then(|t| t.get("gate")).cloned() else {
        return Ok(None);
    };
    let mut cfg: FileConfig =
        section
            .try_into()
            .map_err(|e: toml::de::Error| ConfigError::Parse {
                path: path.display().to_string(),
                message: crate::suggest::with_hint(&format!("[tool.gate]: {}", e.message())),
            })?;
    cfg.source = Some(path.to_path_buf());
    Ok(Some(cfg))
}

fn parse_gate(path: &Path, text: &str) -> Result<FileConfig, ConfigError> {
    let mut cfg: FileConfig = toml::from_str(text).map_err(|e| parse_error(path, e))?;
    cfg.source = Some(path.to_path_buf());
    Ok(cfg)
}

fn read(path: &Path) -> Result<String, ConfigError> {
    std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
        path: path.display().to_string(),
        source,
    })
}

fn parse_error(path: &Path, e: toml::de::Error) -> ConfigError {
    ConfigError::Parse {
        path: path.display().to_string(),
        message: crate::suggest::with_hint(&e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("10MiB").unwrap(), 10 << 20);
        assert_eq!(parse_size("512k").unwrap(), 512 << 10);
        assert_eq!(parse_size("1000").unwrap(), 1000);
        assert!(parse_size("ten").is_err());
        assert!(parse_size("5 parsecs").is_err());
    }

    #[test]
    fn unknown_keys_are_errors_that_name_the_key() {
        let err = parse_gate(Path::new("gate.toml"), "[policy]\nfial_on = \"high\"\n").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("gate.toml"), "{msg}");
        assert!(msg.contains("fial_on"), "{msg}");
    }
}
