//! The command line as clap sees it. Nothing here decides anything: values
//! are resolved against gate.toml and defaults in [`super::settings`].

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::finding::{Confidence, Severity};

/// gate: one decision over secrets, insecure Python and every linter's SARIF.
#[derive(Debug, Parser)]
#[command(name = "gate", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// gate's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan paths for secrets (and insecure Python); exit 0 pass, 1 fail, 2 error.
    Scan(ScanArgs),
    /// List, check or explain the rule catalogue.
    #[command(subcommand)]
    Rules(RulesCommand),
}

/// Options of `gate scan`.
#[derive(Debug, Args, Clone)]
pub struct ScanArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Engines to run, comma-separated [default: all].
    #[arg(long, value_delimiter = ',', value_name = "ENGINE")]
    pub engines: Vec<String>,

    /// Report format on standard output.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Also write a report to FILE, as `FORMAT=FILE` or FILE (format from --format
    /// or the extension: .sarif, .json). Repeatable.
    #[arg(short, long, value_name = "[FORMAT=]FILE")]
    pub output: Vec<String>,

    /// Hide PERCENT of every secret in every report [default: 100].
    #[arg(long, value_name = "PERCENT", num_args = 0..=1, require_equals = true, default_missing_value = "100", conflicts_with = "no_redact")]
    pub redact: Option<u8>,

    /// Show secrets in full (local use only; never in CI logs).
    #[arg(long)]
    pub no_redact: bool,

    /// Lowest severity that fails the gate (overrides [policy] fail_on).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub fail_on: Option<Severity>,

    /// Findings below this confidence never fail the gate (overrides [policy] min_confidence).
    #[arg(long, value_name = "CONFIDENCE", value_parser = parse_confidence)]
    pub min_confidence: Option<Confidence>,

    /// Only report findings at or above this severity (the verdict is unchanged).
    #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
    pub min_severity: Option<Severity>,

    /// gate.toml, pyproject.toml or a gitleaks config (.gitleaks.toml) to use.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Leave out paths matching this gitignore-style glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Skip (and report) files larger than this [default: 10MiB].
    #[arg(long, value_name = "SIZE", value_parser = crate::config::parse_size)]
    pub max_file_size: Option<u64>,

    /// Follow symbolic links.
    #[arg(long)]
    pub follow_links: bool,

    /// Do not honour .gitignore, .ignore and .gateignore path patterns.
    #[arg(long)]
    pub no_ignore: bool,

    /// Report Python findings even where a `# nosec` comment suppresses them (bandit's --ignore-nosec).
    #[arg(long)]
    pub ignore_nosec: bool,

    /// Worker threads [default: number of CPUs].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,

    /// Directory report paths are relative to [default: the git work tree
    /// containing the current directory, else the current directory].
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Load secret rules from this directory instead of the built-in catalogue.
    #[arg(long, value_name = "DIR")]
    pub rules_dir: Option<PathBuf>,

    /// When to colour the text report.
    #[arg(long, value_enum, default_value_t = ColorArg::Auto)]
    pub color: ColorArg,

    /// Print nothing on standard output (reports in --output files and the exit code only).
    #[arg(short, long)]
    pub quiet: bool,

    /// Never draw a progress bar.
    #[arg(long)]
    pub no_progress: bool,
}

/// `gate rules ...`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// List every rule with its severity and description.
    List {
        /// Output format.
        #[arg(short, long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Load secret rules from this directory instead of the built-in catalogue.
        #[arg(long, value_name = "DIR")]
        rules_dir: Option<PathBuf>,
    },
    /// Run every rule against its own examples and negative examples.
    Check {
        /// Check the rules in this directory instead of the built-in catalogue.
        #[arg(long, value_name = "DIR")]
        rules_dir: Option<PathBuf>,
        /// Also check a gitleaks-format config's rules (their examples, if any).
        #[arg(short, long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Print a rule's documentation.
    Explain {
        /// Rule id (e.g. `github-pat`, `B602`).
        id: String,
        /// Load secret rules from this directory instead of the built-in catalogue.
        #[arg(long, value_name = "DIR")]
        rules_dir: Option<PathBuf>,
    },
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Text,
    Json,
    Sarif,
    Github,
}

/// `gate rules list` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    s.parse()
}

fn parse_confidence(s: &str) -> Result<Confidence, String> {
    s.parse()
}
