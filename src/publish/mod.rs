//! What `gate github` and `gate gitlab` share: the HTTP client (retries,
//! backoff, deadline, the last guard on every body), the credential
//! scrubber and the forge-independent part of planning.

pub mod client;
pub mod plan;
pub mod scrub;

pub use client::{
    check_api_url, clean_token, Api, ApiError, Client, ClientError, RetryPolicy, TokenError,
};
