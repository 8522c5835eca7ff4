//! gate: one fast binary that decides whether a change may ship.
//!
//! A parallel walker feeds native engines ([`engines`]: secrets, Python,
//! hygiene), their findings share one [`finding::Finding`] model, a
//! [`policy`] turns them into a verdict and [`report`] renders it.

pub mod alloc;
pub mod baseline;
pub mod buffer;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod diffscope;
pub mod engines;
pub mod escape;
pub mod finding;
pub mod git;
pub mod github;
pub mod gitlab;
pub mod gitscan;
pub mod ignorefile;
pub mod pipeline;
pub mod policy;
pub mod publish;
pub mod redact;
pub mod report;
pub mod sarif;
pub mod scan;
pub mod suggest;
pub mod walk;

// The engines live side by side in `engines/`; their paths stay short.
pub use engines::{hygiene, python, secrets};
