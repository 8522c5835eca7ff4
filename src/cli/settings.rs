//! Raw args + gate.toml + defaults → one resolved set of settings.

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::args::{ColorArg, FormatArg, ScanArgs};
use crate::config::{self, ConfigKind, FileConfig};
use crate::finding::Severity;
use crate::git::{self, CommitRange};
use crate::policy::{Date, Exception, Policy};
use crate::redact::Redactor;
use crate::report::Format;
use crate::walk::WalkOptions;

/// Files larger than this are skipped (and reported) unless configured otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 << 20;
/// A gitleaks config at the root is picked up as gitleaks itself would.
const GITLEAKS_CONFIG_FILE: &str = ".gitleaks.toml";

/// What a scan reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScanMode {
    /// Files in the work tree, walked.
    Tree,
    /// Blobs staged in the git index.
    Staged,
    /// Lines added by commits.
    History(CommitRange),
}

/// Whether `--color auto` colours standard output, by the conventions that
/// ruff, zizmor and most CLIs share; `var` reads one environment variable.
///
/// In order: `NO_COLOR` (non-empty) turns colour off; `FORCE_COLOR` turns it
/// on (off for `0`/`false`, as Node reads it) and so does `CLICOLOR_FORCE`
/// (anything but `0`); GitHub Actions renders ANSI in its logs although stdout
/// is a pipe there, so `GITHUB_ACTIONS=true` colours too; otherwise only a
/// terminal gets colour, unless `CLICOLOR=0` or `TERM=dumb` says it cannot.
pub fn auto_color(
    stdout_is_terminal: bool,
    var: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> bool {
    let set = |name: &str| var(name).filter(|v| !v.is_empty());
    if set("NO_COLOR").is_some() {
        return false;
    }
    if let Some(force) = set("FORCE_COLOR") {
        return !(force == "0" || force.eq_ignore_ascii_case("false"));
    }
    if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") {
        return true;
    }
    if set("GITHUB_ACTIONS").is_some_and(|v| v == "true") {
        return true;
    }
    stdout_is_terminal
        && set("CLICOLOR").is_none_or(|v| v != "0")
        && set("TERM").is_none_or(|v| v != "dumb")
}

/// Everything `gate scan` needs, resolved.
#[derive(Debug, Clone)]
pub struct ScanSettings {
    pub mode: ScanMode,
    /// With --staged/--git: repository-relative path prefixes to keep (empty = all).
    pub git_paths: Vec<String>,
    pub root: PathBuf,
    pub engines: Vec<String>,
    pub walk: WalkOptions,
    pub policy: Policy,
    pub redactor: Redactor,
    pub stdout_format: Format,
    pub outputs: Vec<(Format, PathBuf)>,
    pub color: bool,
    pub quiet: bool,
    /// Print routine notes too (`--verbose`).
    pub verbose: bool,
    pub progress: bool,
    pub min_severity: Option<Severity>,
    pub config: FileConfig,
    pub gitleaks_config: Option<PathBuf>,
    pub rules_dir: Option<PathBuf>,
    /// SARIF files to import (`--sarif` and `[sarif] inputs`).
    pub sarif_inputs: Vec<PathBuf>,
    /// An earlier SARIF whose findings no longer count.
    pub baseline: Option<PathBuf>,
    /// Gate only lines changed since the merge base with this revision.
    pub diff_base: Option<String>,
    /// SARIF `automationDetails.id`.
    pub automation_id: Option<String>,
    /// When the settings were resolved, just before the scan.
    pub started: std::time::SystemTime,
    /// The commit the scanned tree is, when a report needs it (see [`scanned_commit`]).
    pub commit: Option<String>,
}

/// The commit a GitLab secret-detection report names: `CI_COMMIT_SHA` when it
/// is a commit id (40 or 64 hex digits), else `git rev-parse HEAD` at the
/// root, else none (the report then writes GitLab's own placeholder). A
/// `CI_COMMIT_SHA` of any other shape is hostile or broken: it is never
/// copied into a report, and a warning says so (without echoing it).
pub fn scanned_commit(root: &Path, ci_commit_sha: Option<std::ffi::OsString>) -> Option<String> {
    if let Some(value) = ci_commit_sha.filter(|v| !v.is_empty()) {
        match value.to_str().and_then(commit_id) {
            Some(sha) => return Some(sha),
            None => eprintln!(
                "gate: warning: CI_COMMIT_SHA is not a commit id (40 or 64 hex digits); \
                 the GitLab report names git's HEAD (or no commit) instead"
            ),
        }
    }
    git::head(root).ok()
}

/// `value` as a full commit id (SHA-1 or SHA-256, lowercase), if it is one.
pub fn commit_id(value: &str) -> Option<String> {
    let v = value.trim();
    ((v.len() == 40 || v.len() == 64) && v.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| v.to_ascii_lowercase())
}

/// The git work tree holding `start` (a `.git` dir or file above it), else `start`.
pub fn find_root(start: &Path) -> PathBuf {
    start
        .ancestors()
        .find(|d| d.join(".git").exists())
        .unwrap_or(start)
        .to_path_buf()
}

/// `p` made absolute against `cwd`, with `.` and `..` folded (no symlink resolution).
pub fn absolute(p: &Path, cwd: &Path) -> PathBuf {
    let joined = if p.is_absolute() {
        p.to_path_buf()
    } else {
        cwd.join(p)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

impl ScanSettings {
    /// Resolve args against the config file and defaults.
    pub fn resolve(args: &ScanArgs) -> Result<ScanSettings> {
        let cwd = std::env::current_dir().context("cannot read the current directory")?;
        let mode = if args.staged {
            ScanMode::Staged
        } else if let Some(rev) = &args.since {
            ScanMode::History(CommitRange::Since(rev.clone()))
        } else if let Some(r) = &args.range {
            ScanMode::History(CommitRange::Range(r.clone()))
        } else if args.all {
            ScanMode::History(CommitRange::All)
        } else if args.git {
            ScanMode::History(CommitRange::Head)
        } else {
            ScanMode::Tree
        };
        let root = match (&args.root, &mode) {
            (Some(r), _) => absolute(r, &cwd),
            (None, ScanMode::Tree) => find_root(&cwd),
            (None, _) => git::toplevel(&cwd)
                .map_err(|e| anyhow::anyhow!("--staged and --git need a git repository: {e}"))?,
        };
        let git_paths = args
            .paths
            .iter()
            .map(|p| crate::walk::report_path(&absolute(p, &cwd), &root))
            .filter(|p| !p.is_empty() && p != &root.display().to_string())
            .collect();
        let (mut config, mut gitleaks_config) = match &args.config {
            Some(path) => match config::load_explicit(&absolute(path, &cwd))? {
                ConfigKind::Gate(c) => (*c, None),
                ConfigKind::Gitleaks(p) => (FileConfig::default(), Some(p)),
            },
            None => (config::discover(&root)?, None),
        };
        if args.ignore_nosec {
            config.python.ignore_nosec = Some(true);
        }
        if gitleaks_config.is_none() {
            gitleaks_config = match &config.secrets.config {
                Some(p) => Some(config_relative(&config, &root, p)),
                None => Some(root.join(GITLEAKS_CONFIG_FILE)).filter(|p| p.is_file()),
            };
        }
        for path in &args.paths {
            let abs = absolute(path, &cwd);
            if std::fs::symlink_metadata(&abs).is_err() {
                bail!("{}: no such file or directory", path.display());
            }
        }
        let engines = if !args.engines.is_empty() {
            args.engines.clone()
        } else {
            config.scan.engines.clone().unwrap_or_default()
        };
        let threads = args
            .threads
            .or(config.scan.threads)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
            .max(1);
        let mut excludes = config.scan.exclude.clone();
        excludes.extend(args.exclude.iter().cloned());
        let walk = WalkOptions {
            paths: args.paths.iter().map(|p| absolute(p, &cwd)).collect(),
            root: root.clone(),
            excludes,
            follow_links: args.follow_links || config.scan.follow_links.unwrap_or(false),
            ignore_files: !args.no_ignore,
            max_file_size: args
                .max_file_size
                .or(config.scan.max_file_size)
                .unwrap_or(DEFAULT_MAX_FILE_SIZE),
            threads,
            own_files: Vec::new(),
        };
        let mut policy = policy_from(&config)?;
        if let Some(s) = args.fail_on {
            policy.fail_on = s;
        }
        if let Some(c) = args.min_confidence {
            policy.min_confidence = c;
        }
        let mut sarif_inputs: Vec<PathBuf> = config
            .sarif
            .inputs
            .iter()
            .map(|p| config_relative(&config, &root, p))
            .collect();
        sarif_inputs.extend(args.sarif.iter().map(|p| absolute(p, &cwd)));
        let diff_base = args.diff_base.clone().or_else(|| {
            // In a pull request, `new_only` scopes the gate to the PR's changes.
            let base = std::env::var("GITHUB_BASE_REF")
                .ok()
                .filter(|b| !b.is_empty())?;
            (config.policy.new_only == Some(true)).then(|| format!("origin/{base}"))
        });
        let redactor = match (args.no_redact, args.redact) {
            (true, _) => Redactor::off(),
            (false, Some(p)) => Redactor::new(p),
            (false, None) => Redactor::default(),
        };
        let automation_id = args
            .automation_id
            .clone()
            .or_else(|| config.sarif.automation_id.clone());
        let stdout_format = args.format.map(format_of).unwrap_or(Format::Text);
        let outputs = args
            .output
            .iter()
            .map(|o| parse_output(o, args.format.map(format_of), &cwd))
            .collect::<Result<Vec<_>>>()?;
        let color = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => auto_color(std::io::stdout().is_terminal(), |name| {
                std::env::var_os(name)
            }),
        };
        let names_commit = outputs
            .iter()
            .map(|(f, _)| f)
            .chain((!args.quiet).then_some(&stdout_format))
            .any(|f| *f == Format::GitlabSecretDetection);
        let commit = names_commit
            .then(|| scanned_commit(&root, std::env::var_os("CI_COMMIT_SHA")))
            .flatten();
        let mut walk = walk;
        walk.own_files = sarif_inputs
            .iter()
            .chain(args.baseline.iter())
            .chain(outputs.iter().map(|(_, p)| p))
            .map(|p| absolute(p, &cwd))
            .collect();
        Ok(ScanSettings {
            mode,
            git_paths,
            root,
            engines,
            walk,
            policy,
            redactor,
            stdout_format,
            outputs,
            color,
            quiet: args.quiet,
            verbose: args.verbose,
            progress: !args.no_progress && crate::scan::progress_wanted(),
            min_severity: args.min_severity,
            config,
            gitleaks_config,
            rules_dir: args.rules_dir.as_ref().map(|d| absolute(d, &cwd)),
            sarif_inputs,
            baseline: args.baseline.as_ref().map(|p| absolute(p, &cwd)),
            diff_base,
            automation_id,
            started: std::time::SystemTime::now(),
            commit,
        })
    }
}

impl ScanSettings {
    /// What the stages after the engines need (see [`crate::pipeline`]).
    pub fn pipeline(&self) -> crate::pipeline::Pipeline {
        crate::pipeline::Pipeline {
            root: self.root.clone(),
            sarif_inputs: self.sarif_inputs.clone(),
            max_file_size: self.walk.max_file_size,
            policy: self.policy.clone(),
            baseline: self.baseline.clone(),
            diff_base: self.diff_base.clone(),
            min_severity: self.min_severity,
            redactor: self.redactor,
            automation_id: self.automation_id.clone(),
            started: Some(self.started),
            commit: self.commit.clone(),
            json_report: self
                .outputs
                .iter()
                .find(|(f, _)| *f == Format::Json)
                .map(|(_, p)| p.display().to_string())
                .or_else(|| {
                    (!self.quiet && self.stdout_format == Format::Json)
                        .then(|| "standard output".to_string())
                }),
        }
    }
}

/// The policy `[policy]` describes; bad exceptions are errors that say which.
pub fn policy_from(config: &FileConfig) -> Result<Policy> {
    let p = &config.policy;
    let mut policy = Policy::default();
    if let Some(s) = p.fail_on {
        policy.fail_on = s;
    }
    if let Some(c) = p.min_confidence {
        policy.min_confidence = c;
    }
    policy.budgets = p.budget.clone();
    policy.severity_overrides = p.severity.clone();
    let file = config
        .source
        .as_deref()
        .map_or_else(|| "gate.toml".to_string(), |s| s.display().to_string());
    for (i, e) in p.exception.iter().enumerate() {
        let expires = Date::parse(&e.expires.text()).map_err(|m| {
            anyhow::anyhow!("{file}: [[policy.exception]] #{}: expires: {m}", i + 1)
        })?;
        let ex = Exception {
            rules: e.rules.clone(),
            paths: e.paths.clone(),
            reason: e.reason.clone(),
            expires,
        };
        ex.validate()
            .map_err(|m| anyhow::anyhow!("{file}: [[policy.exception]] #{}: {m}", i + 1))?;
        policy.exceptions.push(ex);
    }
    Ok(policy)
}

/// A path from the config file, relative to the config file's directory.
fn config_relative(config: &FileConfig, root: &Path, p: &Path) -> PathBuf {
    let base = config
        .source
        .as_deref()
        .and_then(Path::parent)
        .unwrap_or(root);
    absolute(p, base)
}

fn format_of(f: FormatArg) -> Format {
    match f {
        FormatArg::Text => Format::Text,
        FormatArg::Json => Format::Json,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Github => Format::Github,
        FormatArg::Gitlab => Format::Gitlab,
        FormatArg::GitlabSecretDetection => Format::GitlabSecretDetection,
        FormatArg::GitlabSast => Format::GitlabSast,
        FormatArg::Junit => Format::Junit,
        FormatArg::Markdown => Format::Markdown,
    }
}

/// `--output FORMAT=FILE` or `--output FILE`.
fn parse_output(spec: &str, default: Option<Format>, cwd: &Path) -> Result<(Format, PathBuf)> {
    if let Some((name, file)) = spec.split_once('=') {
        if let Some(f) = Format::parse(name) {
            return Ok((f, absolute(Path::new(file), cwd)));
        }
        if !name.contains('/') && !name.contains('.') {
            bail!(
                "--output {spec}: unknown format `{name}` ({})",
                Format::NAMES
            );
        }
    }
    let format = default
        .or_else(|| Format::from_extension(spec))
        .with_context(|| {
            format!(
                "--output {spec}: cannot tell the format; write FORMAT=FILE (e.g. sarif={spec})"
            )
        })?;
    Ok((format, absolute(Path::new(spec), cwd)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_folds_dots() {
        let cwd = Path::new("/repo/sub");
        assert_eq!(
            absolute(Path::new("../a/./b"), cwd),
            PathBuf::from("/repo/a/b")
        );
        assert_eq!(absolute(Path::new("."), cwd), PathBuf::from("/repo/sub"));
    }

    #[test]
    fn issue15_p1_only_a_full_commit_id_is_taken_from_ci_commit_sha() {
        let sha1 = "4f2d9c1e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e";
        assert_eq!(commit_id(sha1).as_deref(), Some(sha1));
        assert_eq!(
            commit_id(&sha1.to_uppercase()).as_deref(),
            Some(sha1),
            "upper case is folded"
        );
        assert!(commit_id(&"ab".repeat(32)).is_some(), "SHA-256");
        for bad in [
            "",
            "4f2d9c1e",
            "HEAD",
            &format!("{sha1}\"x"),
            &"g".repeat(40),
        ] {
            assert_eq!(commit_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn issue15_p1_gitlab_file_names_pick_their_format() {
        let cwd = Path::new("/w");
        for (spec, format) in [
            ("gl-sast-report.json", Format::GitlabSast),
            (
                "out/gl-secret-detection-report.json",
                Format::GitlabSecretDetection,
            ),
            ("gl-code-quality-report.json", Format::Gitlab),
            ("gitlab-codequality=cq.json", Format::Gitlab),
            ("gitlab=cq.json", Format::Gitlab),
            ("other.json", Format::Json),
        ] {
            assert_eq!(parse_output(spec, None, cwd).unwrap().0, format, "{spec}");
        }
    }

    #[test]
    fn outputs_take_a_format_or_an_extension() {
        let cwd = Path::new("/w");
        assert_eq!(
            parse_output("sarif=x.out", None, cwd).unwrap().0,
            Format::Sarif
        );
        assert_eq!(parse_output("r.sarif", None, cwd).unwrap().0, Format::Sarif);
        assert!(parse_output("report.bin", None, cwd).is_err());
        assert!(parse_output("yaml=x", None, cwd).is_err());
    }

    /// An environment made of `(name, value)` pairs, for the pure deciders.
    fn env<'a>(
        pairs: &'a [(&'a str, &'a str)],
    ) -> impl Fn(&str) -> Option<std::ffi::OsString> + 'a {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).into())
        }
    }

    #[test]
    fn issue14_p7_color_follows_no_color_force_color_and_clicolor_force() {
        // Piped (not a terminal), nothing set: plain text, as before.
        assert!(!auto_color(false, env(&[])));
        assert!(auto_color(true, env(&[])));
        assert!(auto_color(false, env(&[("FORCE_COLOR", "1")])));
        assert!(auto_color(false, env(&[("FORCE_COLOR", "true")])));
        assert!(!auto_color(true, env(&[("FORCE_COLOR", "0")])));
        assert!(!auto_color(true, env(&[("FORCE_COLOR", "false")])));
        assert!(auto_color(false, env(&[("CLICOLOR_FORCE", "1")])));
        assert!(!auto_color(false, env(&[("CLICOLOR_FORCE", "0")])));
        // NO_COLOR beats every way of forcing colour; empty values mean unset.
        assert!(!auto_color(
            true,
            env(&[("NO_COLOR", "1"), ("FORCE_COLOR", "1")])
        ));
        assert!(!auto_color(
            false,
            env(&[
                ("NO_COLOR", "1"),
                ("CLICOLOR_FORCE", "1"),
                ("GITHUB_ACTIONS", "true")
            ])
        ));
        assert!(auto_color(true, env(&[("NO_COLOR", "")])));
        assert!(!auto_color(false, env(&[("FORCE_COLOR", "")])));
        // A terminal that cannot show colour.
        assert!(!auto_color(true, env(&[("TERM", "dumb")])));
        assert!(!auto_color(true, env(&[("CLICOLOR", "0")])));
    }

    #[test]
    fn issue14_p7_github_actions_logs_are_coloured_though_stdout_is_a_pipe() {
        assert!(auto_color(
            false,
            env(&[("GITHUB_ACTIONS", "true"), ("CI", "true")])
        ));
        // Other CI systems keep plain text unless told otherwise.
        assert!(!auto_color(false, env(&[("CI", "true")])));
        assert!(!auto_color(false, env(&[("GITHUB_ACTIONS", "false")])));
    }

    #[test]
    fn issue14_p7_progress_bars_stay_off_in_ci_even_with_colour_forced() {
        use crate::scan::progress_wanted_in;
        assert!(progress_wanted_in(true, env(&[])));
        assert!(!progress_wanted_in(false, env(&[])));
        assert!(!progress_wanted_in(true, env(&[("CI", "true")])));
        assert!(!progress_wanted_in(
            true,
            env(&[("GITHUB_ACTIONS", "true"), ("FORCE_COLOR", "1")])
        ));
        assert!(!progress_wanted_in(true, env(&[("TERM", "dumb")])));
    }
}
