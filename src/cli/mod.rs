//! The command line: raw clap args resolved into settings, then run.

pub mod args;
mod engines;
mod forge;
mod github;
mod gitlab;
mod hook;
mod rules;
mod scan;
mod settings;

use std::process::ExitCode;

pub use args::Cli;
pub use engines::{build_engines, secrets_rule_set};
pub use settings::{find_root, ScanSettings};

/// How a command ended, as the gate's exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 0: policy passed.
    Pass,
    /// 1: policy failed.
    Fail,
    /// 2: the gate could not do its job.
    Error,
}

impl Outcome {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            Outcome::Pass => 0,
            Outcome::Fail => 1,
            Outcome::Error => 2,
        }
    }
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        ExitCode::from(o.code())
    }
}

/// Run a parsed command line. Errors are printed here; the caller only exits.
pub fn run(cli: Cli) -> Outcome {
    let result = match cli.command {
        args::Command::Scan(a) => scan::run(&a),
        args::Command::Rules(cmd) => rules::run(cmd),
        args::Command::InstallHook(a) => hook::install(&a),
        args::Command::Merge(a) => scan::run_merge(&a),
        args::Command::Baseline(a) => scan::run_baseline(&a),
        args::Command::Github(a) => github::run(&a),
        args::Command::Gitlab(a) => gitlab::run(&a),
    };
    match result {
        Ok(outcome) => outcome,
        Err(e) => {
            eprintln!("gate: error: {e:#}");
            Outcome::Error
        }
    }
}
