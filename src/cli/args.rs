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
    Scan(Box<ScanArgs>),
    /// Install a git pre-commit hook that runs `gate scan --staged`.
    InstallHook(InstallHookArgs),
    /// List, check or explain the rule catalogue.
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Merge and de-duplicate SARIF files into one run, without scanning.
    Merge(MergeArgs),
    /// Record today's findings (as SARIF) so that only new ones fail later (--baseline FILE).
    Baseline(BaselineArgs),
    /// `gate scan`, then publish to GitHub: check run with annotations, commit
    /// status, review, job summary, SARIF for code scanning.
    Github(Box<GithubArgs>),
    /// `gate scan`, then publish to a GitLab merge request: summary note,
    /// inline discussions, commit status.
    Gitlab(Box<GitlabArgs>),
}

/// Options of `gate gitlab` (every `gate scan` option applies too).
#[derive(Debug, Args, Clone)]
pub struct GitlabArgs {
    #[command(flatten)]
    pub scan: ScanArgs,

    /// Environment variable holding the token (a project or personal access
    /// token with the `api` scope; CI_JOB_TOKEN cannot post notes).
    #[arg(long, value_name = "NAME", default_value = "GITLAB_TOKEN")]
    pub token_env: String,

    /// Name of the commit status (like `gate github`'s check name); also
    /// tells this job's summary note from another gate job's.
    #[arg(long, value_name = "NAME", default_value = "gate")]
    pub status_name: String,

    /// Do not set a commit status (note and discussions only).
    #[arg(long)]
    pub no_status: bool,

    /// Inline discussions at most (findings failing the gate on changed
    /// lines, worst first; 0: none). The summary note lists them all.
    #[arg(long, value_name = "N", default_value_t = crate::gitlab::plan::DEFAULT_MAX_DISCUSSIONS)]
    pub max_discussions: usize,

    /// Project id or GROUP/PROJECT [default: $CI_PROJECT_ID].
    #[arg(long, value_name = "ID")]
    pub project: Option<String>,

    /// Merge request IID [default: $CI_MERGE_REQUEST_IID; none: status only].
    #[arg(long, value_name = "IID")]
    pub merge_request: Option<u64>,

    /// Commit to set the status on [default: the merge request's source
    /// commit in a merged-results pipeline, else $CI_COMMIT_SHA].
    #[arg(long, value_name = "SHA")]
    pub sha: Option<String>,

    /// REST API base URL [default: $CI_API_V4_URL, else $CI_SERVER_URL/api/v4,
    /// else https://gitlab.com/api/v4].
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,

    /// Seconds all GitLab requests together may take (before and after the
    /// scan); a request still running then is abandoned and named.
    #[arg(long, value_name = "SECS", default_value_t = crate::github::DEFAULT_PUBLISH_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub publish_timeout: u64,
}

/// Options of `gate github` (every `gate scan` option applies too).
#[derive(Debug, Args, Clone)]
pub struct GithubArgs {
    #[command(flatten)]
    pub scan: ScanArgs,

    /// Environment variable holding the token.
    #[arg(long, value_name = "NAME", default_value = "GITHUB_TOKEN")]
    pub token_env: String,

    /// Name of the check run (what branch protection requires).
    #[arg(long, value_name = "NAME", default_value = "gate")]
    pub check_name: String,

    /// Do not create a check run (commit status or annotations only).
    #[arg(long)]
    pub no_check_run: bool,

    /// Also set a commit status with this context (for branch protection by context).
    #[arg(long, value_name = "NAME")]
    pub status_context: Option<String>,

    /// Post a pull-request review with inline comments on changed lines.
    #[arg(long)]
    pub review: bool,

    /// Write the merged SARIF here, for github/codeql-action/upload-sarif.
    #[arg(long, value_name = "FILE", default_value = "gate.sarif")]
    pub sarif_output: PathBuf,

    /// Append the Markdown summary to this file [default: $GITHUB_STEP_SUMMARY].
    #[arg(long, value_name = "FILE")]
    pub step_summary: Option<PathBuf>,

    /// OWNER/NAME [default: $GITHUB_REPOSITORY].
    #[arg(long, value_name = "OWNER/NAME")]
    pub repository: Option<String>,

    /// Commit to report on [default: the pull request's head, else the pushed commit].
    #[arg(long, value_name = "SHA")]
    pub sha: Option<String>,

    /// Pull request number [default: from the event payload].
    #[arg(long, value_name = "N")]
    pub pull_request: Option<u64>,

    /// REST API base URL [default: $GITHUB_API_URL, else https://api.github.com].
    #[arg(long, value_name = "URL")]
    pub api_url: Option<String>,

    /// Seconds all GitHub requests together may take (before and after the
    /// scan); a request still running then is abandoned and named.
    #[arg(long, value_name = "SECS", default_value_t = crate::github::DEFAULT_PUBLISH_TIMEOUT.as_secs(), value_parser = clap::value_parser!(u64).range(1..=86_400))]
    pub publish_timeout: u64,
}

/// Options of `gate merge`.
#[derive(Debug, Args, Clone)]
pub struct MergeArgs {
    /// SARIF files to merge.
    #[arg(required = true, value_name = "SARIF")]
    pub inputs: Vec<PathBuf>,

    /// Where to write the merged SARIF.
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Directory report paths are relative to [default: the git work tree
    /// containing the current directory, else the current directory].
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// gate.toml or pyproject.toml to use.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// SARIF `automationDetails.id` (GitHub code scanning category) [default: gate/].
    #[arg(long, value_name = "ID")]
    pub automation_id: Option<String>,
}

/// Options of `gate baseline`.
#[derive(Debug, Args, Clone)]
pub struct BaselineArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Where to write the baseline (SARIF).
    #[arg(short, long, value_name = "FILE")]
    pub output: PathBuf,

    /// Engines to run, comma-separated [default: all].
    #[arg(long, value_delimiter = ',', value_name = "ENGINE")]
    pub engines: Vec<String>,

    /// Also record the results of these SARIF files (ruff, bandit, ...). Repeatable.
    #[arg(long, value_name = "FILE")]
    pub sarif: Vec<PathBuf>,

    /// gate.toml, pyproject.toml or a gitleaks config (.gitleaks.toml) to use.
    #[arg(short, long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Leave out paths matching this gitignore-style glob. Repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Directory report paths are relative to.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// Worker threads [default: number of CPUs].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
}

/// Options of `gate scan`.
#[derive(Debug, Args, Clone, Default)]
pub struct ScanArgs {
    /// Files or directories to scan (with --staged/--git: only paths under these).
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Scan exactly what is staged in the git index (pre-commit), not the work tree.
    #[arg(long, conflicts_with = "git")]
    pub staged: bool,

    /// Scan git history: the lines each commit added (default: all of HEAD's history).
    #[arg(long)]
    pub git: bool,

    /// With --git: only commits after REV (`REV..HEAD`).
    #[arg(long, value_name = "REV", conflicts_with_all = ["range", "all"])]
    pub since: Option<String>,

    /// With --git: a commit range as git understands it (`base..head`).
    #[arg(long, value_name = "A..B", conflicts_with = "all")]
    pub range: Option<String>,

    /// With --git: every branch and tag, not just HEAD.
    #[arg(long)]
    pub all: bool,

    /// Engines to run, comma-separated [default: all].
    #[arg(long, value_delimiter = ',', value_name = "ENGINE")]
    pub engines: Vec<String>,

    /// Report format on standard output.
    #[arg(short, long, value_enum)]
    pub format: Option<FormatArg>,

    /// Also write a report to FILE, as `FORMAT=FILE` or FILE (format from --format,
    /// GitLab's report names like gl-sast-report.json, or the extension: .sarif,
    /// .json). Repeatable.
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

    /// Also print notes on standard error that are routine (how many binary files were skipped).
    #[arg(short, long)]
    pub verbose: bool,

    /// Never draw a progress bar.
    #[arg(long)]
    pub no_progress: bool,

    /// Import this SARIF file (ruff, bandit, ...) and gate its results too. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub sarif: Vec<PathBuf>,

    /// Only findings not in this earlier SARIF (a `gate baseline` file or any tool's) count.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Only findings on lines added or changed since the merge base with REV count.
    #[arg(long, value_name = "REV")]
    pub diff_base: Option<String>,

    /// SARIF `automationDetails.id` (GitHub code scanning category) [default: gate/].
    #[arg(long, value_name = "ID")]
    pub automation_id: Option<String>,
}

/// Options of `gate install-hook`.
#[derive(Debug, Args, Clone)]
pub struct InstallHookArgs {
    /// Replace an existing pre-commit hook that gate did not write.
    #[arg(long)]
    pub force: bool,
    /// Run every engine in the hook, not just secrets.
    #[arg(long)]
    pub all_engines: bool,
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
        /// Only this engine's rules (secrets, python, hygiene).
        #[arg(long, value_name = "NAME")]
        engine: Option<String>,
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
    /// Findings with masked source lines, and the verdict.
    Text,
    /// gate's own JSON report (every finding, the verdict, diagnostics).
    Json,
    /// SARIF 2.1.0 (GitHub code scanning).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality JSON (`artifacts:reports:codequality`).
    #[value(name = "gitlab-codequality", alias = "gitlab")]
    Gitlab,
    /// GitLab secret-detection report, schema 15.2.4 (`artifacts:reports:secret_detection`).
    GitlabSecretDetection,
    /// GitLab SAST report, schema 15.2.4 (`artifacts:reports:sast`): Python, hygiene, imported.
    GitlabSast,
    /// JUnit XML: one test case for the policy, one per finding.
    Junit,
    /// The Markdown summary table.
    Markdown,
}

/// `gate rules list` formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorArg {
    #[default]
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
