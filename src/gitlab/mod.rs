//! `gate gitlab`: publishing a verdict to a GitLab merge request (summary
//! note, inline discussions, commit status). Planning (pure, every limit a
//! named constant) is kept apart from sending (the HTTP layer shared with
//! `gate github` in [`crate::publish`]).

pub mod context;
pub mod plan;
pub mod publish;

pub use context::{Context, MergeRequest, Overrides};
pub use plan::{plan, Plan};
pub use publish::{Options, Published, Publisher};
