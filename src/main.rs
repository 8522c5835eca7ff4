use std::process::ExitCode;

use clap::Parser;

/// mimalloc for Rust's heap; `gate::alloc` puts tree-sitter's on it too.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    gate::alloc::configure();
    gate::alloc::install_for_tree_sitter();
    let cli = gate::cli::Cli::parse();
    gate::cli::run(cli).into()
}
