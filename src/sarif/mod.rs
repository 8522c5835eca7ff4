//! SARIF in (read leniently, normalise, de-duplicate) and out (one run, gate
//! as the driver, GitHub-ready fingerprints).

pub mod linehash;
pub mod merge;
pub(crate) mod out;
mod props;
mod pylines;
pub mod read;
pub mod rulemap;
pub mod source;
pub mod uri;

pub use merge::{merge, Merged};
pub use out::{
    build_log, render, GATE_FINGERPRINT_KEY, GITHUB_MAX_GZIP_BYTES, GITHUB_MAX_RESULTS_PER_RUN,
    LINE_HASH_KEY, SARIF_SCHEMA_URI,
};
pub use read::{read_file, SarifError, SarifInput};
pub use source::SourceRoot;
