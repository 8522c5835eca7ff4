//! SARIF: gate's findings as one SARIF 2.1.0 run.

pub mod linehash;
mod out;

pub use out::{build_log, SARIF_SCHEMA_URI};
