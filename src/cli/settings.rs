//! Raw args + gate.toml + defaults → one resolved set of settings.

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};

use anyhow::{bail, Context, Result};

use super::args::{ColorArg, FormatArg, ScanArgs};
use crate::config::{self, ConfigKind, FileConfig};
use crate::finding::Severity;
use crate::policy::Policy;
use crate::redact::Redactor;
use crate::report::Format;
use crate::walk::WalkOptions;

/// Files larger than this are skipped (and reported) unless configured otherwise.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 << 20;
/// A gitleaks config at the root is picked up as gitleaks itself would.
const GITLEAKS_CONFIG_FILE: &str = ".gitleaks.toml";

/// Everything `gate scan` needs, resolved.
#[derive(Debug, Clone)]
pub struct ScanSettings {
    pub root: PathBuf,
    pub engines: Vec<String>,
    pub walk: WalkOptions,
    pub policy: Policy,
    pub redactor: Redactor,
    pub stdout_format: Format,
    pub outputs: Vec<(Format, PathBuf)>,
    pub color: bool,
    pub quiet: bool,
    pub progress: bool,
    pub min_severity: Option<Severity>,
    pub config: FileConfig,
    pub gitleaks_config: Option<PathBuf>,
    pub rules_dir: Option<PathBuf>,
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
        let root = match &args.root {
            Some(r) => absolute(r, &cwd),
            None => find_root(&cwd),
        };
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
        };
        let mut policy = Policy::default();
        if let Some(s) = args.fail_on.or(config.policy.fail_on) {
            policy.fail_on = s;
        }
        if let Some(c) = args.min_confidence.or(config.policy.min_confidence) {
            policy.min_confidence = c;
        }
        let redactor = match (args.no_redact, args.redact) {
            (true, _) => Redactor::off(),
            (false, Some(p)) => Redactor::new(p),
            (false, None) => Redactor::default(),
        };
        let stdout_format = args.format.map(format_of).unwrap_or(Format::Text);
        let outputs = args
            .output
            .iter()
            .map(|o| parse_output(o, args.format.map(format_of), &cwd))
            .collect::<Result<Vec<_>>>()?;
        let color = match args.color {
            ColorArg::Always => true,
            ColorArg::Never => false,
            ColorArg::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        };
        Ok(ScanSettings {
            root,
            engines,
            walk,
            policy,
            redactor,
            stdout_format,
            outputs,
            color,
            quiet: args.quiet,
            progress: !args.no_progress && crate::scan::progress_wanted(),
            min_severity: args.min_severity,
            config,
            gitleaks_config,
            rules_dir: args.rules_dir.as_ref().map(|d| absolute(d, &cwd)),
        })
    }
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
    }
}

/// `--output FORMAT=FILE` or `--output FILE`.
fn parse_output(spec: &str, default: Option<Format>, cwd: &Path) -> Result<(Format, PathBuf)> {
    if let Some((name, file)) = spec.split_once('=') {
        if let Some(f) = Format::parse(name) {
            return Ok((f, absolute(Path::new(file), cwd)));
        }
        if !name.contains('/') && !name.contains('.') {
            bail!("--output {spec}: unknown format `{name}` (text, json, sarif, github)");
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
}
