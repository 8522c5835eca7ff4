//! The Python engine's settings: `[python]` in gate.toml merged with an
//! existing bandit configuration (`bandit.yml`, `.bandit`, `[tool.bandit]`).

use std::path::Path;

use super::bandit_config::{
    discover_bandit, load_bandit, pyproject_bandit, BanditConfig, Value, WEAK_KEY_OPTIONS,
};
use super::registry::{by_id, lookup, Check, On, CHECKS};
use crate::config::PythonSection;
use crate::finding::{Confidence, Severity};
use crate::suggest::did_you_mean;

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
    /// Only these checks run (`None`: all). Canonical ids (`B602`, `B001`).
    pub select: Option<Vec<String>>,
    /// These checks never run. Canonical ids.
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
    /// Parts of the configuration gate read but does not act on.
    pub warnings: Vec<String>,
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

/// A Python configuration gate cannot use: names the file and the key.
#[derive(Debug, thiserror::Error)]
pub enum PythonConfigError {
    #[error("{path}: {message}")]
    File { path: String, message: String },
    #[error(
        "no Python check is left to run: {0}. Fix the list, or turn the python engine off \
         explicitly (`--engines secrets`, or `[scan] engines` in gate.toml)"
    )]
    NothingSelected(String),
}

pub(super) fn file_error(path: &str, message: String) -> PythonConfigError {
    PythonConfigError::File {
        path: path.to_string(),
        message,
    }
}

/// Test ids bandit once had and has since removed. Configs written for an
/// older bandit still name them; bandit itself only warns, so gate does too.
const RETIRED_TESTS: [(&str, &str); 8] = [
    ("B109", "password_config_option_not_marked_secret"),
    ("B111", "execute_with_run_as_root_equals_true"),
    ("B309", "httpsconnection"),
    ("B320", "xml_bad_etree"),
    ("B322", "input"),
    ("B325", "tempnam"),
    ("B410", "import_lxml"),
    ("B414", "import_pycryptodome"),
];

/// Where a list of test ids was written, for messages.
struct ListAt<'a> {
    file: &'a str,
    key: String,
}

/// Every word a test list may hold: ids, names and bandit's entry-point names.
fn test_words() -> impl Iterator<Item = &'static str> {
    std::iter::once("B001").chain(CHECKS.iter().flat_map(|c| [c.id, c.name]))
}

/// Turn the words of a `tests`/`skips`/`select`/`skip` list into check ids.
/// An unknown word is an error: a misspelt id would otherwise select nothing
/// or skip nothing without a word.
fn resolve_ids(
    words: &[String],
    at: &ListAt<'_>,
    warnings: &mut Vec<String>,
) -> Result<Vec<String>, PythonConfigError> {
    let mut ids = Vec::with_capacity(words.len());
    for raw in words {
        let w = raw.trim();
        if let Some(id) = lookup(w) {
            ids.push(id.to_string());
            continue;
        }
        if let Some((id, name)) = RETIRED_TESTS
            .iter()
            .find(|(id, name)| *id == w || *name == w)
        {
            warnings.push(format!(
                "{}: {}: `{w}` ({id} {name}) was removed from bandit; gate has no such check and ignores it",
                at.file, at.key
            ));
            continue;
        }
        let what = if w.is_empty() {
            "an empty test id".to_string()
        } else {
            format!("unknown test `{w}`{}", did_you_mean(w, test_words()))
        };
        return Err(file_error(
            at.file,
            format!(
                "{}: {what}; expected a bandit test id like B602 or a name like \
                 subprocess_popen_with_shell_equals_true (`gate rules list` shows them all)",
                at.key
            ),
        ));
    }
    Ok(ids)
}

impl Settings {
    /// Resolve the engine's settings: bandit's config first, gate's `[python]` on top.
    /// `config_file` is the gate config in use: a pyproject.toml given with
    /// `--config` is also where `[tool.bandit]` is read from. A configuration
    /// that names an unknown test, or leaves no check to run, is an error.
    pub fn resolve(
        root: &Path,
        section: &PythonSection,
        config_file: Option<&Path>,
    ) -> Result<Settings, PythonConfigError> {
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
        // What each list said, for the message when nothing is left to run.
        let mut said: Vec<String> = Vec::new();
        if let Some(b) = bandit {
            s.apply_bandit(&b, &mut said)?;
        }
        let gate_file =
            config_file.map_or_else(|| "gate.toml".to_string(), |p| p.display().to_string());
        let table = if pyproject.is_some() {
            "[tool.gate.python]"
        } else {
            "[python]"
        };
        if let Some(select) = &section.select {
            let at = ListAt {
                file: &gate_file,
                key: format!("{table} select"),
            };
            if select.is_empty() {
                return Err(file_error(
                    at.file,
                    format!(
                        "{}: an empty list selects no check; leave `select` out to run every \
                         check, or turn the python engine off with `--engines secrets`",
                        at.key
                    ),
                ));
            }
            let ids = resolve_ids(select, &at, &mut s.warnings)?;
            said.push(format!("{}: {} = {select:?}", at.file, at.key));
            s.select.get_or_insert_with(Vec::new).extend(ids);
        }
        if !section.skip.is_empty() {
            let at = ListAt {
                file: &gate_file,
                key: format!("{table} skip"),
            };
            s.skip
                .extend(resolve_ids(&section.skip, &at, &mut s.warnings)?);
            said.push(format!("{}: {} = {:?}", at.file, at.key, section.skip));
        }
        if !CHECKS.iter().any(|c| s.enables(c)) {
            return Err(PythonConfigError::NothingSelected(said.join("; ")));
        }
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

    /// bandit's test selection: `tests` (select) narrows, `skips` removes;
    /// entries are ids or names. `B001` names every blacklist test, unless
    /// the same list names one of them itself (bandit: "B001,B401 means B401").
    pub fn enables(&self, c: &Check) -> bool {
        let is_blacklist = |c: &Check| matches!(c.on, On::BlacklistCall | On::BlacklistImport);
        let named = |list: &[String]| {
            let ids: Vec<&str> = list.iter().filter_map(|x| lookup(x)).collect();
            ids.contains(&c.id)
                || (is_blacklist(c)
                    && ids.contains(&"B001")
                    && !ids.iter().any(|x| by_id(x).is_some_and(is_blacklist)))
        };
        self.select.as_deref().is_none_or(named) && !named(&self.skip)
    }

    /// Take a bandit config's tests, skips, excludes and plugin options;
    /// `said` collects what its lists said, for messages.
    pub fn apply_bandit(
        &mut self,
        b: &BanditConfig,
        said: &mut Vec<String>,
    ) -> Result<(), PythonConfigError> {
        self.warnings.extend(b.warnings.iter().cloned());
        // bandit runs every test when `tests` is empty, so an empty list narrows nothing.
        if let Some(tests) = b.tests.as_ref().filter(|t| !t.is_empty()) {
            let at = ListAt {
                file: &b.path,
                key: format!("{}tests", b.key_prefix),
            };
            let ids = resolve_ids(tests, &at, &mut self.warnings)?;
            said.push(format!("{}: {} = {tests:?}", at.file, at.key));
            self.select.get_or_insert_with(Vec::new).extend(ids);
        }
        if !b.skips.is_empty() {
            let at = ListAt {
                file: &b.path,
                key: format!("{}skips", b.key_prefix),
            };
            self.skip
                .extend(resolve_ids(&b.skips, &at, &mut self.warnings)?);
            said.push(format!("{}: {} = {:?}", at.file, at.key, b.skips));
        }
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
        for (i, key) in WEAK_KEY_OPTIONS.iter().enumerate() {
            if let Some(v) = get("weak_cryptographic_key", key) {
                o.weak_key_sizes[i] = v.scalar().and_then(|s| s.parse().ok()).ok_or_else(|| {
                    file_error(
                        &b.path,
                        format!(
                            "{}weak_cryptographic_key.{key}: expected a key size in bits, like 2048",
                            b.key_prefix
                        ),
                    )
                })?;
            }
        }
        // PyYAML reads yes/on as true too.
        let truthy = |v: &Value| {
            v.scalar().is_some_and(|s| {
                ["true", "yes", "on"]
                    .iter()
                    .any(|t| s.eq_ignore_ascii_case(t))
            })
        };
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
        Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_words_resolve_to_ids_and_typos_are_errors() {
        let at = ListAt {
            file: "bandit.yml",
            key: "skips".into(),
        };
        let mut warnings = Vec::new();
        let words: Vec<String> = [
            "B602",
            "assert_used",
            "hashlib_insecure_functions",
            "B001",
            "B322",
        ]
        .map(String::from)
        .to_vec();
        assert_eq!(
            resolve_ids(&words, &at, &mut warnings).unwrap(),
            vec!["B602", "B101", "B324", "B001"]
        );
        assert_eq!(
            warnings.len(),
            1,
            "B322 was removed from bandit: {warnings:?}"
        );
        let msg = resolve_ids(&["B6O2".to_string()], &at, &mut warnings)
            .unwrap_err()
            .to_string();
        assert!(
            msg.starts_with("bandit.yml: skips: unknown test `B6O2` (did you mean `B602`?)"),
            "{msg}"
        );
    }

    #[test]
    fn b001_alone_means_every_blacklist_and_with_one_means_that_one() {
        let all = Settings {
            select: Some(vec!["B001".into()]),
            ..Settings::default()
        };
        let one = Settings {
            select: Some(vec!["B001".into(), "B401".into()]),
            ..Settings::default()
        };
        let count = |s: &Settings| CHECKS.iter().filter(|c| s.enables(c)).count();
        assert!(count(&all) > 30);
        assert_eq!(count(&one), 1);
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
