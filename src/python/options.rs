//! The Python engine's settings: `[python]` in gate.toml merged with an
//! existing bandit configuration (`bandit.yml`, `.bandit`, `[tool.bandit]`).

use std::collections::BTreeMap;
use std::path::Path;

use crate::config::PythonSection;
use crate::finding::{Confidence, Severity};

/// Check options, with bandit's defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// B101: file globs where asserts are fine.
    pub assert_skips: Vec<String>,
    /// B108.
    pub tmp_dirs: Vec<String>,
    /// B602-B607, B609.
    pub subprocess: Vec<String>,
    pub shell: Vec<String>,
    pub no_shell: Vec<String>,
    /// B502, B503.
    pub bad_protocol_versions: Vec<String>,
    /// B505: (dsa high, dsa medium, rsa high, rsa medium, ec high, ec medium).
    pub weak_key_sizes: [i128; 6],
    /// B110 / B112 `check_typed_exception`.
    pub pass_typed: bool,
    pub continue_typed: bool,
    /// B704.
    pub extend_markup_names: Vec<String>,
    pub allowed_calls: Vec<String>,
}

fn strings(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

impl Default for Options {
    fn default() -> Self {
        Options {
            assert_skips: Vec::new(),
            tmp_dirs: strings(&["/tmp", "/var/tmp", "/dev/shm"]),
            subprocess: strings(&[
                "subprocess.Popen",
                "subprocess.call",
                "subprocess.check_call",
                "subprocess.check_output",
                "subprocess.run",
            ]),
            shell: strings(&[
                "os.system",
                "os.popen",
                "os.popen2",
                "os.popen3",
                "os.popen4",
                "popen2.popen2",
                "popen2.popen3",
                "popen2.popen4",
                "popen2.Popen3",
                "popen2.Popen4",
                "commands.getoutput",
                "commands.getstatusoutput",
                "subprocess.getoutput",
                "subprocess.getstatusoutput",
            ]),
            no_shell: strings(&[
                "os.execl",
                "os.execle",
                "os.execlp",
                "os.execlpe",
                "os.execv",
                "os.execve",
                "os.execvp",
                "os.execvpe",
                "os.spawnl",
                "os.spawnle",
                "os.spawnlp",
                "os.spawnlpe",
                "os.spawnv",
                "os.spawnve",
                "os.spawnvp",
                "os.spawnvpe",
                "os.startfile",
            ]),
            bad_protocol_versions: strings(&[
                "PROTOCOL_SSLv2",
                "SSLv2_METHOD",
                "SSLv23_METHOD",
                "PROTOCOL_SSLv3",
                "PROTOCOL_TLSv1",
                "SSLv3_METHOD",
                "TLSv1_METHOD",
                "PROTOCOL_TLSv1_1",
                "TLSv1_1_METHOD",
            ]),
            weak_key_sizes: [1024, 2048, 1024, 2048, 160, 224],
            pass_typed: false,
            continue_typed: false,
            extend_markup_names: Vec::new(),
            allowed_calls: Vec::new(),
        }
    }
}

/// Everything the engine needs from configuration.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    /// Only these checks run (empty: all).
    pub select: Vec<String>,
    /// These checks never run.
    pub skip: Vec<String>,
    /// Findings below these are dropped (bandit's `-l` / `-i`).
    pub min_severity: Option<Severity>,
    pub min_confidence: Option<Confidence>,
    /// Path fragments or globs whose files are not scanned.
    pub exclude_dirs: Vec<String>,
    /// Report findings even under `# nosec`.
    pub ignore_nosec: bool,
    /// Whose grammar decides which files are valid Python (and so scanned).
    pub target_version: PythonVersion,
    pub options: Options,
}

/// A Python 3 version as `[python] target_version` names it (ruff's
/// `target-version`): a file that version's parser rejects is skipped with a
/// warning, as bandit running on it would skip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, serde::Deserialize)]
#[serde(try_from = "String")]
pub enum PythonVersion {
    Py38,
    Py39,
    Py310,
    /// bandit 1.9.4's parity was measured under 3.11.
    #[default]
    Py311,
    Py312,
    Py313,
    Py314,
}

impl PythonVersion {
    /// Every version, oldest first, as `(name, version)`.
    pub const ALL: [(&'static str, PythonVersion); 7] = [
        ("py38", PythonVersion::Py38),
        ("py39", PythonVersion::Py39),
        ("py310", PythonVersion::Py310),
        ("py311", PythonVersion::Py311),
        ("py312", PythonVersion::Py312),
        ("py313", PythonVersion::Py313),
        ("py314", PythonVersion::Py314),
    ];

    /// The version for `major.minor`, if gate knows it.
    pub fn from_minor(minor: u32) -> Option<PythonVersion> {
        Self::ALL
            .iter()
            .find(|(name, _)| name[3..].parse::<u32>().ok() == Some(minor))
            .map(|(_, v)| *v)
    }
}

impl std::str::FromStr for PythonVersion {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim().to_ascii_lowercase();
        // "py311", "3.11" and "311" all name 3.11.
        let key = t.strip_prefix("py").unwrap_or(&t).replace('.', "");
        Self::ALL
            .iter()
            .find(|(name, _)| name[2..] == key)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|(n, _)| *n).collect();
                format!(
                    "unknown target_version `{s}` (expected one of {})",
                    names.join(", ")
                )
            })
    }
}

impl TryFrom<String> for PythonVersion {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

impl std::fmt::Display for PythonVersion {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let name = Self::ALL
            .iter()
            .find(|(_, v)| v == self)
            .map_or("?", |(n, _)| n);
        f.write_str(name)
    }
}

/// A problem with a bandit configuration file.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {message}")]
pub struct BanditConfigError {
    pub path: String,
    pub message: String,
}

/// A bandit config as far as gate uses it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BanditConfig {
    pub tests: Vec<String>,
    pub skips: Vec<String>,
    pub exclude_dirs: Vec<String>,
    /// Plugin name → option name → list or scalar values.
    pub plugins: BTreeMap<String, BTreeMap<String, Value>>,
}

/// A YAML/TOML/INI value as the plugin options need it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    List(Vec<String>),
    Scalar(String),
}

impl Value {
    fn list(&self) -> Vec<String> {
        match self {
            Value::List(v) => v.clone(),
            Value::Scalar(s) => vec![s.clone()],
        }
    }

    fn scalar(&self) -> Option<&str> {
        match self {
            Value::Scalar(s) => Some(s),
            Value::List(_) => None,
        }
    }
}

impl Settings {
    /// Resolve the engine's settings: bandit's config first, gate's `[python]` on top.
    /// `config_file` is the gate config in use: a pyproject.toml given with
    /// `--config` is also where `[tool.bandit]` is read from.
    pub fn resolve(
        root: &Path,
        section: &PythonSection,
        config_file: Option<&Path>,
    ) -> Result<Settings, BanditConfigError> {
        let mut s = Settings::default();
        let pyproject =
            config_file.filter(|p| p.file_name().is_some_and(|n| n == "pyproject.toml"));
        let bandit = match (&section.bandit_config, pyproject) {
            (Some(p), _) => Some(load_bandit(&root.join(p))?),
            (None, Some(p)) => {
                pyproject_bandit(p)?.map_or_else(|| discover_bandit(root), |b| Ok(Some(b)))?
            }
            (None, None) => discover_bandit(root)?,
        };
        if let Some(b) = bandit {
            s.apply_bandit(&b);
        }
        s.select.extend(section.select.iter().cloned());
        s.skip.extend(section.skip.iter().cloned());
        s.exclude_dirs.extend(section.exclude_dirs.iter().cloned());
        if section.severity.is_some() {
            s.min_severity = section.severity;
        }
        s.ignore_nosec = section.ignore_nosec.unwrap_or(false);
        s.target_version = section.target_version.unwrap_or_default();
        if section.confidence.is_some() {
            s.min_confidence = section.confidence;
        }
        let o = &mut s.options;
        if let Some(v) = &section.tmp_dirs {
            o.tmp_dirs = v.clone();
        }
        if let Some(v) = &section.subprocess {
            o.subprocess = v.clone();
        }
        if let Some(v) = &section.shell {
            o.shell = v.clone();
        }
        if let Some(v) = &section.no_shell {
            o.no_shell = v.clone();
        }
        if let Some(v) = &section.assert_skips {
            o.assert_skips = v.clone();
        }
        if let Some(v) = &section.bad_protocol_versions {
            o.bad_protocol_versions = v.clone();
        }
        if let Some(v) = section.check_typed_exception {
            o.pass_typed = v;
            o.continue_typed = v;
        }
        Ok(s)
    }

    /// Take a bandit config's tests, skips, excludes and plugin options.
    pub fn apply_bandit(&mut self, b: &BanditConfig) {
        self.select.extend(b.tests.iter().cloned());
        self.skip.extend(b.skips.iter().cloned());
        self.exclude_dirs.extend(b.exclude_dirs.iter().cloned());
        let o = &mut self.options;
        let get = |plugin: &str, key: &str| b.plugins.get(plugin).and_then(|p| p.get(key));
        if let Some(v) = get("assert_used", "skips") {
            o.assert_skips = v.list();
        }
        if let Some(v) = get("hardcoded_tmp_directory", "tmp_dirs") {
            o.tmp_dirs = v.list();
        }
        for (key, slot) in [
            ("subprocess", &mut o.subprocess),
            ("shell", &mut o.shell),
            ("no_shell", &mut o.no_shell),
        ] {
            if let Some(v) = get("shell_injection", key) {
                *slot = v.list();
            }
        }
        if let Some(v) = get("ssl_with_bad_version", "bad_protocol_versions") {
            o.bad_protocol_versions = v.list();
        }
        let keys = [
            "weak_key_size_dsa_high",
            "weak_key_size_dsa_medium",
            "weak_key_size_rsa_high",
            "weak_key_size_rsa_medium",
            "weak_key_size_ec_high",
            "weak_key_size_ec_medium",
        ];
        for (i, key) in keys.iter().enumerate() {
            if let Some(n) = get("weak_cryptographic_key", key)
                .and_then(Value::scalar)
                .and_then(|s| s.parse().ok())
            {
                o.weak_key_sizes[i] = n;
            }
        }
        let truthy = |v: &Value| v.scalar().is_some_and(|s| s.eq_ignore_ascii_case("true"));
        if let Some(v) = get("try_except_pass", "check_typed_exception") {
            o.pass_typed = truthy(v);
        }
        if let Some(v) = get("try_except_continue", "check_typed_exception") {
            o.continue_typed = truthy(v);
        }
        if let Some(v) = get("markupsafe_xss", "extend_markup_names") {
            o.extend_markup_names = v.list();
        }
        if let Some(v) = get("markupsafe_xss", "allowed_calls") {
            o.allowed_calls = v.list();
        }
    }

    /// Whether a report path is under one of the excluded directories.
    pub fn excluded(&self, path: &str) -> bool {
        self.exclude_dirs.iter().any(|x| {
            let x = x.trim_start_matches("./").trim_end_matches('/');
            if x.is_empty() {
                return false;
            }
            if x.contains('*') || x.contains('?') {
                return globset::Glob::new(x)
                    .map(|g| g.compile_matcher().is_match(path))
                    .unwrap_or(false);
            }
            path == x || path.starts_with(&format!("{x}/")) || path.contains(&format!("/{x}/"))
        })
    }
}

/// Look for `.bandit`, `bandit.yml`/`bandit.yaml`, then `[tool.bandit]` in pyproject.toml.
pub fn discover_bandit(root: &Path) -> Result<Option<BanditConfig>, BanditConfigError> {
    for name in [
        ".bandit",
        "bandit.yml",
        "bandit.yaml",
        ".bandit.yml",
        ".bandit.yaml",
    ] {
        let p = root.join(name);
        if p.is_file() {
            return load_bandit(&p).map(Some);
        }
    }
    let py = root.join("pyproject.toml");
    if py.is_file() {
        return pyproject_bandit(&py);
    }
    Ok(None)
}

/// `[tool.bandit]` of a pyproject.toml, if it has one.
fn pyproject_bandit(py: &Path) -> Result<Option<BanditConfig>, BanditConfigError> {
    let text = read(py)?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| BanditConfigError {
        path: py.display().to_string(),
        message: e.to_string(),
    })?;
    Ok(table
        .get("tool")
        .and_then(|t| t.get("bandit"))
        .map(from_toml))
}

fn read(p: &Path) -> Result<String, BanditConfigError> {
    std::fs::read_to_string(p).map_err(|e| BanditConfigError {
        path: p.display().to_string(),
        message: format!("cannot read: {e}"),
    })
}

/// Load one bandit config file: INI (`.bandit`), TOML (pyproject) or YAML.
pub fn load_bandit(p: &Path) -> Result<BanditConfig, BanditConfigError> {
    let text = read(p)?;
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == ".bandit" || text.trim_start().starts_with("[bandit]") {
        return Ok(from_ini(&text));
    }
    if name.ends_with(".toml") {
        let table: toml::Table = toml::from_str(&text).map_err(|e| BanditConfigError {
            path: p.display().to_string(),
            message: e.to_string(),
        })?;
        let t = table
            .get("tool")
            .and_then(|t| t.get("bandit"))
            .cloned()
            .unwrap_or(toml::Value::Table(table));
        return Ok(from_toml(&t));
    }
    from_yaml(&text).map_err(|message| BanditConfigError {
        path: p.display().to_string(),
        message,
    })
}

fn toml_value(v: &toml::Value) -> Value {
    match v {
        toml::Value::Array(a) => Value::List(
            a.iter()
                .map(|x| match x {
                    toml::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect(),
        ),
        toml::Value::String(s) => Value::Scalar(s.clone()),
        other => Value::Scalar(other.to_string()),
    }
}

fn from_toml(t: &toml::Value) -> BanditConfig {
    let mut b = BanditConfig::default();
    let Some(table) = t.as_table() else { return b };
    for (k, v) in table {
        match k.as_str() {
            "tests" => b.tests = toml_value(v).list(),
            "skips" => b.skips = toml_value(v).list(),
            "exclude_dirs" | "exclude" => b.exclude_dirs = toml_value(v).list(),
            plugin => {
                if let Some(opts) = v.as_table() {
                    let m = b.plugins.entry(plugin.to_string()).or_default();
                    for (ok, ov) in opts {
                        m.insert(ok.clone(), toml_value(ov));
                    }
                }
            }
        }
    }
    b
}

/// `.bandit`: an INI file whose `[bandit]` section has comma-separated lists.
fn from_ini(text: &str) -> BanditConfig {
    let mut b = BanditConfig::default();
    let mut in_bandit = false;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_bandit = line == "[bandit]";
            continue;
        }
        if !in_bandit || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        let Some((k, v)) = line.split_once('=').or_else(|| line.split_once(':')) else {
            continue;
        };
        let list: Vec<String> = v
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        match k.trim() {
            "tests" => b.tests = list,
            "skips" => b.skips = list,
            "exclude" | "exclude_dirs" => b.exclude_dirs = list,
            _ => {}
        }
    }
    b
}

fn unquote(s: &str) -> String {
    let s = s.trim();
    let s = s.split(" #").next().unwrap_or(s).trim();
    if s.len() >= 2
        && (s.starts_with('\'') && s.ends_with('\'') || s.starts_with('"') && s.ends_with('"'))
    {
        s[1..s.len() - 1].to_string()
    } else {
        s.to_string()
    }
}

fn flow_list(s: &str) -> Vec<String> {
    s.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(unquote)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The subset of YAML bandit configs use: top-level lists (flow or block) and
/// one level of plugin option maps.
fn from_yaml(text: &str) -> Result<BanditConfig, String> {
    let mut b = BanditConfig::default();
    // (top key, option key) currently collecting block-list items.
    let mut top: Option<String> = None;
    let mut sub: Option<String> = None;
    let mut items: Vec<String> = Vec::new();
    let flush = |b: &mut BanditConfig,
                 top: &Option<String>,
                 sub: &Option<String>,
                 items: &mut Vec<String>| {
        if let Some(t) = top {
            if items.is_empty() {
                return;
            }
            let v = std::mem::take(items);
            match (t.as_str(), sub) {
                ("tests", None) => b.tests = v,
                ("skips", None) => b.skips = v,
                ("exclude_dirs", None) => b.exclude_dirs = v,
                (plugin, Some(s)) => {
                    b.plugins
                        .entry(plugin.to_string())
                        .or_default()
                        .insert(s.clone(), Value::List(v));
                }
                _ => {}
            }
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let no_comment = if raw.trim_start().starts_with('#') {
            ""
        } else {
            raw
        };
        if no_comment.trim().is_empty() || no_comment.trim() == "---" {
            continue;
        }
        let indent = no_comment.len() - no_comment.trim_start().len();
        let line = no_comment.trim();
        if let Some(item) = line
            .strip_prefix("- ")
            .or_else(|| (line == "-").then_some(""))
        {
            if top.is_none() {
                return Err(format!("line {}: list item outside of a key", i + 1));
            }
            items.push(unquote(item));
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            return Err(format!("line {}: expected `key: value`", i + 1));
        };
        let (k, v) = (k.trim().to_string(), v.trim());
        if indent == 0 {
            flush(&mut b, &top, &sub, &mut items);
            top = Some(k.clone());
            sub = None;
            if v.starts_with('[') {
                let list = flow_list(v);
                match k.as_str() {
                    "tests" => b.tests = list,
                    "skips" => b.skips = list,
                    "exclude_dirs" => b.exclude_dirs = list,
                    _ => {}
                }
            } else if !v.is_empty() {
                let s = unquote(v);
                match k.as_str() {
                    "tests" => b.tests = vec![s],
                    "skips" => b.skips = vec![s],
                    "exclude_dirs" => b.exclude_dirs = vec![s],
                    _ => {}
                }
            }
        } else {
            flush(&mut b, &top, &sub, &mut items);
            let Some(t) = top.clone() else {
                return Err(format!("line {}: indented key outside of a section", i + 1));
            };
            sub = Some(k.clone());
            let value = if v.starts_with('[') {
                Some(Value::List(flow_list(v)))
            } else if !v.is_empty() {
                Some(Value::Scalar(unquote(v)))
            } else {
                None
            };
            if let Some(value) = value {
                b.plugins.entry(t).or_default().insert(k, value);
            }
        }
    }
    flush(&mut b, &top, &sub, &mut items);
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_lists_and_plugin_options() {
        let b = from_yaml(
            "# comment\nskips: ['B101', \"B404\"]\ntests:\n  - B602\n  - B603\nexclude_dirs: [tests]\n\
             hardcoded_tmp_directory:\n  tmp_dirs:\n    - /scratch\nassert_used:\n  skips: ['*_test.py']\n\
             try_except_pass:\n  check_typed_exception: true\n",
        )
        .unwrap();
        assert_eq!(b.skips, vec!["B101", "B404"]);
        assert_eq!(b.tests, vec!["B602", "B603"]);
        assert_eq!(b.exclude_dirs, vec!["tests"]);
        let mut s = Settings::default();
        s.apply_bandit(&b);
        assert_eq!(s.options.tmp_dirs, vec!["/scratch"]);
        assert_eq!(s.options.assert_skips, vec!["*_test.py"]);
        assert!(s.options.pass_typed);
    }

    #[test]
    fn ini_and_toml_configs() {
        let b = from_ini("[bandit]\nskips = B101,B601\nexclude = ./tests,./docs\n");
        assert_eq!(b.skips, vec!["B101", "B601"]);
        assert_eq!(b.exclude_dirs, vec!["./tests", "./docs"]);
        let t: toml::Table =
            toml::from_str("[tool.bandit]\nskips = [\"B311\"]\n[tool.bandit.assert_used]\nskips = [\"*/test_*.py\"]\n")
                .unwrap();
        let b = from_toml(t.get("tool").unwrap().get("bandit").unwrap());
        assert_eq!(b.skips, vec!["B311"]);
        assert_eq!(
            b.plugins["assert_used"]["skips"],
            Value::List(vec!["*/test_*.py".into()])
        );
    }

    #[test]
    fn exclude_dirs_match_path_components() {
        let s = Settings {
            exclude_dirs: vec!["tests".into(), "./build/".into()],
            ..Settings::default()
        };
        assert!(s.excluded("tests/test_a.py"));
        assert!(s.excluded("pkg/tests/a.py"));
        assert!(s.excluded("build/x.py"));
        assert!(!s.excluded("pkg/testsuite.py"));
    }
}
