use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = gate::cli::Cli::parse();
    gate::cli::run(cli).into()
}
