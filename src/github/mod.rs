//! `gate github`: publishing a verdict to GitHub. Planning (pure, every
//! limit a named constant) is kept apart from sending (the HTTP layer shared
//! with `gate gitlab` in [`crate::publish`]).

pub use crate::publish::{client, scrub};
pub mod context;
pub mod plan;
pub mod publish;

pub use client::{clean_token, ApiError, Client, ClientError, RetryPolicy, TokenError};
pub use context::{Context, Overrides};
pub use plan::{plan, Plan};
pub use publish::{Options, Published, Publisher, DEFAULT_PUBLISH_TIMEOUT};
