//! Reading a team's existing bandit configuration: `bandit.yml` (YAML, as
//! PyYAML reads it), `.bandit` (INI, as configparser reads it) and
//! `[tool.bandit]` in pyproject.toml. Every key is checked: a near miss of one
//! bandit reads is an error, a wrong type is an error, anything else warns.

use std::collections::BTreeMap;
use std::path::Path;

use super::options::{file_error, PythonConfigError};
use crate::suggest::closest;

/// A bandit config as far as gate uses it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct BanditConfig {
    /// The file it came from.
    pub path: String,
    /// How keys are named in messages: `[tool.bandit] ` in a pyproject, `[bandit] ` in `.bandit`.
    pub key_prefix: &'static str,
    /// `tests` as written (None when absent or null).
    pub tests: Option<Vec<String>>,
    pub skips: Vec<String>,
    pub exclude_dirs: Vec<String>,
    /// Plugin name → option name → list or scalar values.
    pub plugins: BTreeMap<String, BTreeMap<String, Value>>,
    /// Keys gate does not know and does not act on.
    pub warnings: Vec<String>,
}

/// A YAML/TOML/INI value as the plugin options need it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    List(Vec<String>),
    Scalar(String),
}

impl Value {
    pub(super) fn list(&self) -> Vec<String> {
        match self {
            Value::List(v) => v.clone(),
            Value::Scalar(s) => vec![s.clone()],
        }
    }

    pub(super) fn scalar(&self) -> Option<&str> {
        match self {
            Value::Scalar(s) => Some(s),
            Value::List(_) => None,
        }
    }
}

/// `weak_cryptographic_key` options, in the order of [`Options::weak_key_sizes`].
pub(super) const WEAK_KEY_OPTIONS: [&str; 6] = [
    "weak_key_size_dsa_high",
    "weak_key_size_dsa_medium",
    "weak_key_size_rsa_high",
    "weak_key_size_rsa_medium",
    "weak_key_size_ec_high",
    "weak_key_size_ec_medium",
];

/// The plugin sections bandit reads (its `takes_config` names) and their options.
const PLUGIN_OPTIONS: [(&str, &[&str]); 8] = [
    ("assert_used", &["skips"]),
    ("hardcoded_tmp_directory", &["tmp_dirs"]),
    ("shell_injection", &["subprocess", "shell", "no_shell"]),
    ("ssl_with_bad_version", &["bad_protocol_versions"]),
    ("try_except_pass", &["check_typed_exception"]),
    ("try_except_continue", &["check_typed_exception"]),
    ("weak_cryptographic_key", &WEAK_KEY_OPTIONS),
    ("markupsafe_xss", &["extend_markup_names", "allowed_calls"]),
];

/// Top-level keys bandit reads from a YAML or TOML config that gate has no use for.
const IGNORED_KEYS: [&str; 6] = [
    "include",
    "log_format",
    "plugin_name_pattern",
    "profiles",
    "blacklist_calls",
    "blacklist_imports",
];

/// `[bandit]` keys of a `.bandit` file that are command-line options gate takes its own way.
const IGNORED_INI_KEYS: [&str; 17] = [
    "targets",
    "recursive",
    "aggregate",
    "number",
    "profile",
    "level",
    "confidence",
    "format",
    "msg-template",
    "output",
    "verbose",
    "debug",
    "quiet",
    "ignore-nosec",
    "baseline",
    "configfile",
    "exit-zero",
];

/// A key nobody reads: an error when it is a near miss of one that is read
/// (`skip` for `skips` would silently skip nothing), otherwise a warning
/// (bandit ignores unknown keys, and third-party plugins have their own).
fn unknown_key(b: &mut BanditConfig, key: &str, known: &[&str]) -> Result<(), PythonConfigError> {
    let shown = format!("{}{key}", b.key_prefix);
    if let Some(near) = closest(key, known.iter().copied()) {
        return Err(file_error(
            &b.path,
            format!(
                "unknown key `{shown}` (did you mean `{near}`?); expected one of: {}",
                known.join(", ")
            ),
        ));
    }
    b.warnings.push(format!(
        "{}: `{shown}` is not a bandit option gate knows; it is ignored",
        b.path
    ));
    Ok(())
}

/// Look for `.bandit`, `bandit.yml`/`bandit.yaml`, then `[tool.bandit]` in pyproject.toml.
pub fn discover_bandit(root: &Path) -> Result<Option<BanditConfig>, PythonConfigError> {
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
pub(super) fn pyproject_bandit(py: &Path) -> Result<Option<BanditConfig>, PythonConfigError> {
    let path = py.display().to_string();
    let text = read(py)?;
    let table: toml::Table = toml::from_str(&text)
        .map_err(|e| file_error(&path, e.to_string().trim_end().to_string()))?;
    match table.get("tool").and_then(|t| t.get("bandit")) {
        None => Ok(None),
        Some(toml::Value::Table(t)) => from_toml(t, &path, "[tool.bandit] ").map(Some),
        Some(_) => Err(file_error(
            &path,
            "[tool.bandit]: expected a table of bandit options".into(),
        )),
    }
}

fn read(p: &Path) -> Result<String, PythonConfigError> {
    std::fs::read_to_string(p)
        .map_err(|e| file_error(&p.display().to_string(), format!("cannot read: {e}")))
}

/// Load one bandit config file: INI (`.bandit`), TOML (pyproject) or YAML.
pub fn load_bandit(p: &Path) -> Result<BanditConfig, PythonConfigError> {
    let path = p.display().to_string();
    let text = read(p)?;
    let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name == ".bandit" || text.trim_start().starts_with("[bandit]") {
        return from_ini(&text, &path);
    }
    if name.ends_with(".toml") {
        let table: toml::Table = toml::from_str(&text)
            .map_err(|e| file_error(&path, e.to_string().trim_end().to_string()))?;
        return match table.get("tool").and_then(|t| t.get("bandit")) {
            Some(toml::Value::Table(t)) => from_toml(t, &path, "[tool.bandit] "),
            Some(_) => Err(file_error(
                &path,
                "[tool.bandit]: expected a table of bandit options".into(),
            )),
            None => from_toml(&table, &path, ""),
        };
    }
    from_yaml(&text, &path)
}

/// A list of strings, as `tests`, `skips` and `exclude_dirs` must be. bandit
/// itself would take a string here character by character (`skips: B101`
/// skips `B`, `1` and `0`), so a string is an error, not a one-item list.
fn string_list(
    v: &toml::Value,
    b: &BanditConfig,
    key: &str,
    example: &str,
) -> Result<Vec<String>, PythonConfigError> {
    let wrong = |found: &str| {
        file_error(
            &b.path,
            format!(
                "{}{key}: expected a list like {example}, found {found}",
                b.key_prefix
            ),
        )
    };
    let toml::Value::Array(items) = v else {
        return Err(wrong(&describe(v)));
    };
    items
        .iter()
        .map(|x| match x {
            toml::Value::String(s) => Ok(s.clone()),
            other => Err(wrong(&format!("a list holding {}", describe(other)))),
        })
        .collect()
}

fn describe(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => format!("the string {s:?}"),
        toml::Value::Integer(n) => format!("the number {n}"),
        toml::Value::Float(n) => format!("the number {n}"),
        toml::Value::Boolean(b) => format!("`{b}`"),
        toml::Value::Datetime(d) => format!("the date {d}"),
        toml::Value::Array(_) => "a list".into(),
        toml::Value::Table(_) => "a table".into(),
    }
}

fn plugin_value(v: &toml::Value) -> Value {
    let text = |x: &toml::Value| match x {
        toml::Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match v {
        toml::Value::Array(a) => Value::List(a.iter().map(text).collect()),
        other => Value::Scalar(text(other)),
    }
}

/// A YAML or TOML bandit config, as a table.
fn from_toml(
    table: &toml::Table,
    path: &str,
    key_prefix: &'static str,
) -> Result<BanditConfig, PythonConfigError> {
    let mut b = BanditConfig {
        path: path.to_string(),
        key_prefix,
        ..BanditConfig::default()
    };
    let top: Vec<&str> = ["tests", "skips", "exclude_dirs"]
        .into_iter()
        .chain(PLUGIN_OPTIONS.iter().map(|(p, _)| *p))
        .chain(IGNORED_KEYS)
        .collect();
    for (k, v) in table {
        match k.as_str() {
            "tests" => b.tests = Some(string_list(v, &b, k, "[\"B602\"]")?),
            "skips" => b.skips = string_list(v, &b, k, "[\"B101\"]")?,
            "exclude_dirs" | "exclude" => {
                b.exclude_dirs = string_list(v, &b, k, "[\"tests\"]")?;
            }
            key if IGNORED_KEYS.contains(&key) => {}
            plugin => {
                let Some((_, options)) = PLUGIN_OPTIONS.iter().find(|(p, _)| *p == plugin) else {
                    unknown_key(&mut b, plugin, &top)?;
                    continue;
                };
                let toml::Value::Table(opts) = v else {
                    return Err(file_error(
                        path,
                        format!(
                            "{key_prefix}{plugin}: expected a table of plugin options ({}), found {}",
                            options.join(", "),
                            describe(v)
                        ),
                    ));
                };
                for (ok, ov) in opts {
                    if !options.contains(&ok.as_str()) {
                        let full: Vec<String> =
                            options.iter().map(|o| format!("{plugin}.{o}")).collect();
                        let full: Vec<&str> = full.iter().map(String::as_str).collect();
                        unknown_key(&mut b, &format!("{plugin}.{ok}"), &full)?;
                        continue;
                    }
                    b.plugins
                        .entry(plugin.to_string())
                        .or_default()
                        .insert(ok.clone(), plugin_value(ov));
                }
            }
        }
    }
    Ok(b)
}

/// `.bandit`: an INI file (Python's configparser) whose `[bandit]` section
/// has comma-separated lists.
fn from_ini(text: &str, path: &str) -> Result<BanditConfig, PythonConfigError> {
    let mut b = BanditConfig {
        path: path.to_string(),
        key_prefix: "[bandit] ",
        ..BanditConfig::default()
    };
    let mut section: Option<String> = None;
    let mut saw_bandit = false;
    // (key, value, line) of the `[bandit]` section; a value may continue on
    // more-indented lines, as configparser allows.
    let mut entries: Vec<(String, String, usize)> = Vec::new();
    let mut continuing = false;
    for (i, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with(';') {
            continue;
        }
        let indented = raw.starts_with([' ', '\t']);
        if indented && continuing {
            if let Some(last) = entries
                .last_mut()
                .filter(|_| section.as_deref() == Some("bandit"))
            {
                last.1.push(',');
                last.1.push_str(line);
            }
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = Some(name.trim().to_string());
            saw_bandit |= name.trim() == "bandit";
            continuing = false;
            continue;
        }
        let Some((k, v)) = line.split_once('=').or_else(|| line.split_once(':')) else {
            return Err(file_error(
                path,
                format!("line {}: expected `key = value`, found `{line}`", i + 1),
            ));
        };
        if section.is_none() {
            return Err(file_error(
                path,
                format!(
                    "line {}: `{}` is outside of any section; put it under [bandit]",
                    i + 1,
                    k.trim()
                ),
            ));
        }
        continuing = true;
        if section.as_deref() == Some("bandit") {
            entries.push((k.trim().to_ascii_lowercase(), v.trim().to_string(), i + 1));
        }
    }
    if !saw_bandit {
        return Err(file_error(
            path,
            "no [bandit] section; bandit reads its options only from [bandit]".into(),
        ));
    }
    let list = |v: &str| -> Vec<String> {
        v.split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let known: Vec<&str> = ["tests", "skips", "exclude"]
        .into_iter()
        .chain(IGNORED_INI_KEYS)
        .collect();
    for (k, v, _) in entries {
        match k.as_str() {
            "tests" => b.tests = Some(list(&v)),
            "skips" => b.skips = list(&v),
            "exclude" | "exclude_dirs" => b.exclude_dirs = list(&v),
            key if IGNORED_INI_KEYS.contains(&key) => {}
            other => unknown_key(&mut b, other, &known)?,
        }
    }
    Ok(b)
}

/// A YAML bandit config (read as PyYAML's `safe_load` would), checked as a table.
fn from_yaml(text: &str, path: &str) -> Result<BanditConfig, PythonConfigError> {
    use yaml_rust2::{Yaml, YamlLoader};
    let docs = YamlLoader::load_from_str(text).map_err(|e| {
        file_error(
            path,
            format!(
                "invalid YAML at line {}, column {}: {}",
                e.marker().line(),
                e.marker().col() + 1,
                e.info()
            ),
        )
    })?;
    let expected = "expected a mapping of bandit options such as `skips: [B101]`";
    let root = match docs.as_slice() {
        [] | [Yaml::Null] => {
            return Err(file_error(
                path,
                format!("the file is empty (bandit rejects it too); {expected}"),
            ))
        }
        [Yaml::Hash(h)] => h,
        [_] => return Err(file_error(path, format!("{expected} at the top level"))),
        _ => {
            return Err(file_error(
                path,
                "holds several YAML documents; bandit reads exactly one".into(),
            ))
        }
    };
    fn convert(y: &Yaml, at: &str, path: &str) -> Result<Option<toml::Value>, PythonConfigError> {
        Ok(Some(match y {
            Yaml::Null => return Ok(None),
            Yaml::String(s) => toml::Value::String(s.clone()),
            Yaml::Integer(n) => toml::Value::Integer(*n),
            // Keep the number as written; plugin options read it as text.
            Yaml::Real(s) => toml::Value::String(s.clone()),
            Yaml::Boolean(b) => toml::Value::Boolean(*b),
            Yaml::Array(items) => toml::Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        convert(x, &format!("{at}[{i}]"), path)
                            .map(|v| v.unwrap_or_else(|| toml::Value::String(String::new())))
                    })
                    .collect::<Result<_, _>>()?,
            ),
            Yaml::Hash(h) => {
                let mut t = toml::Table::new();
                for (k, v) in h {
                    let Some(k) = k.as_str().map(str::to_string).or_else(|| match k {
                        Yaml::Integer(n) => Some(n.to_string()),
                        Yaml::Boolean(b) => Some(b.to_string()),
                        _ => None,
                    }) else {
                        return Err(file_error(path, format!("{at}: a key that is not a name")));
                    };
                    let sub = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    if let Some(v) = convert(v, &sub, path)? {
                        t.insert(k, v);
                    }
                }
                toml::Value::Table(t)
            }
            Yaml::Alias(_) | Yaml::BadValue => {
                return Err(file_error(path, format!("{at}: a value gate cannot read")))
            }
        }))
    }
    match convert(&Yaml::Hash(root.clone()), "", path)? {
        Some(toml::Value::Table(t)) => from_toml(&t, path, ""),
        _ => Err(file_error(path, format!("{expected} at the top level"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::python::Settings;

    fn yaml(text: &str) -> Result<BanditConfig, PythonConfigError> {
        from_yaml(text, "bandit.yml")
    }

    #[test]
    fn yaml_lists_and_plugin_options() {
        let b = yaml(
            "# comment\nskips: ['B101', \"B404\"]\ntests:\n  - B602\n  - B603\nexclude_dirs: [tests]\n\
             hardcoded_tmp_directory:\n  tmp_dirs:\n    - /scratch\nassert_used:\n  skips: ['*_test.py']\n\
             try_except_pass:\n  check_typed_exception: true\n",
        )
        .unwrap();
        assert_eq!(b.skips, vec!["B101", "B404"]);
        assert_eq!(b.tests, Some(vec!["B602".to_string(), "B603".to_string()]));
        assert_eq!(b.exclude_dirs, vec!["tests"]);
        let mut s = Settings::default();
        s.apply_bandit(&b, &mut Vec::new()).unwrap();
        assert_eq!(s.options.tmp_dirs, vec!["/scratch"]);
        assert_eq!(s.options.assert_skips, vec!["*_test.py"]);
        assert!(s.options.pass_typed);
    }

    #[test]
    fn yaml_that_bandit_reads_gate_reads() {
        // A flow list over several lines, and an anchor reused.
        let b = yaml("skips: [B101,\n  B404]\nx: &d [tests]\nexclude_dirs: *d\n").unwrap();
        assert_eq!(b.skips, vec!["B101", "B404"]);
        assert_eq!(b.exclude_dirs, vec!["tests"]);
    }

    #[test]
    fn malformed_yaml_is_an_error_with_its_line() {
        let msg = yaml("skips: [B101\ntests: [B602]\n")
            .unwrap_err()
            .to_string();
        assert!(msg.starts_with("bandit.yml: invalid YAML at line"), "{msg}");
        let msg = yaml("skips: B101\n").unwrap_err().to_string();
        assert!(msg.contains("skips: expected a list"), "{msg}");
        assert!(yaml("").unwrap_err().to_string().contains("empty"));
        assert!(yaml("- B101\n").is_err());
    }

    #[test]
    fn near_miss_keys_are_errors_and_strangers_warnings() {
        let msg = yaml("skip: [B101]\n").unwrap_err().to_string();
        assert!(msg.contains("`skip` (did you mean `skips`?)"), "{msg}");
        let msg = yaml("shell_injection:\n  subproces: [x.run]\n")
            .unwrap_err()
            .to_string();
        assert!(msg.contains("shell_injection.subprocess"), "{msg}");
        let b = yaml("some_third_party_plugin:\n  level: 3\n").unwrap();
        assert_eq!(b.warnings.len(), 1, "{:?}", b.warnings);
    }

    #[test]
    fn ini_and_toml_configs() {
        let b = from_ini(
            "[bandit]\nskips = B101,\n    B601\nexclude = ./tests,./docs\n",
            ".bandit",
        )
        .unwrap();
        assert_eq!(b.skips, vec!["B101", "B601"]);
        assert_eq!(b.exclude_dirs, vec!["./tests", "./docs"]);
        assert!(from_ini("[bandti]\nskips = B101\n", ".bandit").is_err());
        let t: toml::Table =
            toml::from_str("[tool.bandit]\nskips = [\"B311\"]\n[tool.bandit.assert_used]\nskips = [\"*/test_*.py\"]\n")
                .unwrap();
        let bandit = t["tool"]["bandit"].as_table().unwrap();
        let b = from_toml(bandit, "pyproject.toml", "[tool.bandit] ").unwrap();
        assert_eq!(b.skips, vec!["B311"]);
        assert_eq!(
            b.plugins["assert_used"]["skips"],
            Value::List(vec!["*/test_*.py".into()])
        );
    }
}
