//! The thin HTTP layer shared by `gate github` and `gate gitlab`: octocrab
//! as transport (auth, base URL, timeouts), with gate's own retry rules.
//! octocrab's retry is off because it re-sends POSTs on 5xx without looking
//! first and ignores `Retry-After`. What differs between the two APIs (extra
//! headers, which answers mean "this token may not write") is [`Api`].
//!
//! Every message that leaves the client (printed or returned) goes through
//! one [`Scrubber`], and every request is bounded by the caller's deadline.

use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use octocrab::service::middleware::retry::RetryConfig;
use octocrab::Octocrab;
use serde_json::Value;

use crate::redact::SecretSpans;

use super::scrub::Scrubber;

/// Connecting to the API gives up after this long.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Reading or writing one request gives up after this long (by default).
pub const IO_TIMEOUT: Duration = Duration::from_secs(30);
/// The GitHub API version gate was written against.
const GITHUB_API_VERSION: &str = "2022-11-28";

/// Which REST API a client talks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Api {
    GitHub,
    GitLab,
}

impl Api {
    /// How stderr lines about this API start (`gate: github: ...`).
    pub fn name(self) -> &'static str {
        match self {
            Api::GitHub => "github",
            Api::GitLab => "gitlab",
        }
    }

    /// Whether an answer that is not a rate limit means the token may not
    /// write here. GitHub: 403/404 (a read-only token from a fork); a 401
    /// is a broken token, a failure. GitLab: 401 too, which is what a
    /// `CI_JOB_TOKEN` or an expired token gets on notes and statuses.
    fn is_permission(self, code: u16) -> bool {
        match self {
            Api::GitHub => matches!(code, 403 | 404),
            Api::GitLab => matches!(code, 401 | 403 | 404),
        }
    }
}

/// When and how often to try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts after the first one.
    pub retries: u32,
    /// First backoff after a 5xx or a transport error; doubles each time.
    pub backoff: Duration,
    /// A rate limit that asks to wait longer than this is a failure.
    pub max_wait: Duration,
    /// Reading or writing one request gives up after this long.
    pub io_timeout: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            retries: 4,
            backoff: Duration::from_millis(500),
            max_wait: Duration::from_secs(90),
            io_timeout: IO_TIMEOUT,
        }
    }
}

/// Why a request did not succeed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// 403 or 404 that is not a rate limit (401 too on GitLab): the token
    /// may not write here (pull requests from forks get a read-only token).
    #[error("{status}: {message}")]
    Permission { status: u16, message: String },
    /// Any other answer that retrying will not change (422 and friends).
    #[error("{status}: {message}")]
    Rejected { status: u16, message: String },
    /// Still failing after every retry (5xx, transport errors, rate limits).
    #[error("gave up after {attempts} attempts: {last}")]
    Exhausted { attempts: u32, last: String },
    /// The deadline for all of publishing ran out during this request (or
    /// before it could be sent): `method path` and how long it had waited.
    #[error("{}", deadline_message(method, path, *waited, last.as_deref()))]
    Deadline {
        method: String,
        path: String,
        waited: Duration,
        last: Option<String>,
    },
    /// The request itself cannot be built (a path that is not a URI).
    #[error("{method} {path}: not a valid request: {message}")]
    Invalid {
        method: String,
        path: String,
        message: String,
    },
}

impl ApiError {
    /// Whether this is a missing-permission answer (the fallback applies).
    pub fn is_permission(&self) -> bool {
        matches!(self, ApiError::Permission { .. })
    }

    /// The same error with every message masked by `s`.
    fn scrubbed(self, s: &Scrubber) -> ApiError {
        match self {
            ApiError::Permission { status, message } => ApiError::Permission {
                status,
                message: s.scrub(&message),
            },
            ApiError::Rejected { status, message } => ApiError::Rejected {
                status,
                message: s.scrub(&message),
            },
            ApiError::Exhausted { attempts, last } => ApiError::Exhausted {
                attempts,
                last: s.scrub(&last),
            },
            ApiError::Deadline {
                method,
                path,
                waited,
                last,
            } => ApiError::Deadline {
                method,
                path: s.scrub(&path),
                waited,
                last: last.map(|l| s.scrub(&l)),
            },
            ApiError::Invalid {
                method,
                path,
                message,
            } => ApiError::Invalid {
                method,
                path: s.scrub(&path),
                message: s.scrub(&message),
            },
        }
    }
}

/// `POST /repos/o/r/check-runs timed out after 10s (...)`: the request named
/// without its query, and what ran out.
fn deadline_message(method: &str, path: &str, waited: Duration, last: Option<&str>) -> String {
    let path = path.split('?').next().unwrap_or(path);
    let head = if waited.is_zero() {
        format!("{method} {path} not sent: the publishing deadline had already passed")
    } else {
        format!(
            "{method} {path} timed out after {}: the publishing deadline ran out",
            seconds(waited)
        )
    };
    let hint = " (--publish-timeout)";
    match last {
        Some(l) => format!("{head}{hint}; the last attempt: {l}"),
        None => format!("{head}{hint}"),
    }
}

/// `10s`, `2.5s`: a duration as a person reads it.
pub fn seconds(d: Duration) -> String {
    let tenths = (d.as_millis() + 50) / 100;
    if tenths % 10 == 0 {
        format!("{}s", tenths / 10)
    } else {
        format!("{}.{}s", tenths / 10, tenths % 10)
    }
}

/// Why a client could not be made (a bad URL or token; the gate exits 2).
/// Messages never hold the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClientError {
    #[error("API URL `{url}`: {why}")]
    Url { url: String, why: String },
    #[error("the token {0}")]
    Token(#[from] TokenError),
    #[error("cannot build the HTTP client: {0}")]
    Build(String),
}

/// Longest token accepted: GitHub's and GitLab's are at most a few hundred characters,
/// and a header of megabytes only earns a connection reset, retried.
pub const MAX_TOKEN_LEN: usize = 4096;

/// What is wrong with a token (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("is empty")]
    Empty,
    #[error(
        "is {0} characters long; API tokens are at most a few hundred (limit {MAX_TOKEN_LEN})"
    )]
    TooLong(usize),
    #[error(
        "holds {what} at character {at} of {len}: a token is printable ASCII without spaces (check how the secret was set)"
    )]
    BadChar {
        what: &'static str,
        at: usize,
        len: usize,
    },
}

/// The token as it must be sent: surrounding whitespace (a trailing newline
/// from `echo` or a secrets file) trimmed; anything else that cannot go in
/// an HTTP header refused.
pub fn clean_token(raw: &str) -> Result<&str, TokenError> {
    let t = raw.trim();
    if t.is_empty() {
        return Err(TokenError::Empty);
    }
    let len = t.chars().count();
    if len > MAX_TOKEN_LEN {
        return Err(TokenError::TooLong(len));
    }
    match t.chars().enumerate().find(|(_, c)| !c.is_ascii_graphic()) {
        None => Ok(t),
        Some((i, c)) => Err(TokenError::BadChar {
            what: if c.is_whitespace() {
                "whitespace"
            } else if c.is_control() {
                "a control character"
            } else {
                "a non-ASCII character"
            },
            at: i + 1,
            len,
        }),
    }
}

/// The API base URL, checked: http or https, with a host and without
/// credentials (they would go to the server beside the token, and into logs).
pub fn check_api_url(url: &str) -> Result<(), String> {
    let uri: Uri = url.parse().map_err(|e| format!("not a URL ({e})"))?;
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Err(
            "holds credentials (`user:password@`); the token goes in its own variable".into(),
        );
    }
    match uri.scheme_str() {
        Some("https" | "http") => {}
        Some(other) => return Err(format!("scheme `{other}` is not http or https")),
        None => return Err("not an absolute http(s) URL".into()),
    }
    if uri.host().is_none_or(str::is_empty) {
        return Err("no host".into());
    }
    Ok(())
}

/// One attempt's result, as the retry loop sees it.
enum Attempt {
    Done(Value),
    /// Try again after `wait`; `maybe_applied` when the server may have acted.
    Again {
        wait: Option<Duration>,
        maybe_applied: bool,
        why: String,
    },
    Fatal(ApiError),
}

/// A REST client for one API base URL and token.
pub struct Client {
    api: Api,
    octo: Octocrab,
    scrubber: Scrubber,
    policy: RetryPolicy,
    /// The run's secrets: the last guard on every request body.
    guard: SecretSpans,
    /// No request runs past this instant (the publishing deadline).
    deadline: Option<Instant>,
    /// What is left of publishing's time (None: unbounded), spent only
    /// between [`Client::arm`] and [`Client::disarm`].
    budget: Option<Duration>,
    /// When the running phase began.
    armed: Option<Instant>,
}

/// What to do before re-sending a write that may already have happened.
pub type Lookup<'a> = &'a (dyn Fn() -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Option<Value>, ApiError>> + 'a>,
> + 'a);

impl Client {
    /// A GitHub client for `api_url` (`https://api.github.com`,
    /// `https://ghe/api/v3`, a test server). The token must already be clean
    /// ([`clean_token`]): one that cannot be sent is an error here, never a
    /// panic in the transport.
    pub fn new(api_url: &str, token: &str, policy: RetryPolicy) -> Result<Client, ClientError> {
        Client::for_api(Api::GitHub, api_url, token, policy)
    }

    /// A client for `api` at `api_url` (`https://gitlab.com/api/v4`, a
    /// self-managed `https://host/gitlab/api/v4`, a test server). The token
    /// goes in `Authorization: Bearer`, which GitLab takes for personal,
    /// project and group access tokens. A URL holding credentials is refused:
    /// they would be sent along with the token.
    pub fn for_api(
        api: Api,
        api_url: &str,
        token: &str,
        policy: RetryPolicy,
    ) -> Result<Client, ClientError> {
        let scrubber = Scrubber::new(token);
        if clean_token(token)? != token {
            return Err(TokenError::BadChar {
                what: "surrounding whitespace",
                at: 1,
                len: token.chars().count(),
            }
            .into());
        }
        let url_error = |why: String| ClientError::Url {
            url: scrubber.scrub(api_url),
            why: scrubber.scrub(&why),
        };
        check_api_url(api_url).map_err(url_error)?;
        let builder = Octocrab::builder()
            .base_uri(api_url)
            .map_err(|e| url_error(e.to_string()))?
            .personal_token(token.to_string())
            .add_retry_config(RetryConfig::None)
            .set_connect_timeout(Some(CONNECT_TIMEOUT))
            .set_read_timeout(Some(policy.io_timeout))
            .set_write_timeout(Some(policy.io_timeout));
        let builder = match api {
            Api::GitHub => builder
                .add_header(
                    http::header::ACCEPT,
                    "application/vnd.github+json".to_string(),
                )
                .add_header(
                    http::HeaderName::from_static("x-github-api-version"),
                    GITHUB_API_VERSION.to_string(),
                ),
            Api::GitLab => builder.add_header(http::header::ACCEPT, "application/json".to_string()),
        };
        let octo = builder
            .build()
            .map_err(|e| ClientError::Build(scrubber.scrub(&e.to_string())))?;
        Ok(Client {
            api,
            octo,
            scrubber,
            policy,
            guard: SecretSpans::default(),
            deadline: None,
            budget: None,
            armed: None,
        })
    }

    /// Check every request body from now on for these secrets (see
    /// [`SecretSpans::guard`]): a hit is masked, logged as a gate bug and
    /// never sent.
    pub fn set_guard(&mut self, secrets: SecretSpans) {
        self.guard = secrets;
    }

    /// The body as it may be sent: masked where it holds a known secret. A
    /// body that masking would break is not sent at all.
    fn guarded(&self, method: &Method, path: &str, body: &Value) -> Result<Value, ApiError> {
        if self.guard.is_empty() {
            return Ok(body.clone());
        }
        let text = body.to_string();
        match self
            .guard
            .guard(&format!("the body of {method} {path}"), &text)
        {
            std::borrow::Cow::Borrowed(_) => Ok(body.clone()),
            std::borrow::Cow::Owned(masked) => {
                serde_json::from_str(&masked).map_err(|_| ApiError::Rejected {
                    status: 0,
                    message: "withheld: the request body held a secret that could not be masked"
                        .into(),
                })
            }
        }
    }

    /// All of publishing may take `total`, counted only while a phase runs
    /// (the scan between the phases does not count).
    pub fn set_budget(&mut self, total: Duration) {
        self.budget = Some(total);
    }

    /// Whether the budget was set and is used up. Then every request would
    /// fail at once: this says why in one line (naming `forge` and
    /// `--publish-timeout`'s `total`), not one per request.
    pub fn budget_spent(&self, forge: &str, total: Duration) -> bool {
        let spent = self.budget.is_some_and(|left| left.is_zero());
        if spent {
            eprintln!(
                "gate: {forge}: error: the publishing deadline ({}, --publish-timeout) was used up before the results could be sent; nothing more is sent",
                seconds(total)
            );
        }
        spent
    }

    /// Start a phase: no request runs past what is left of the budget.
    pub fn arm(&mut self) {
        let now = Instant::now();
        self.armed = Some(now);
        self.deadline = self.budget.map(|left| now + left);
    }

    /// End the phase: what it took is spent; only the I/O timeout bounds a
    /// request until the next phase.
    pub fn disarm(&mut self) {
        if let (Some(began), Some(left)) = (self.armed.take(), self.budget.as_mut()) {
            *left = left.saturating_sub(began.elapsed());
        }
        self.deadline = None;
    }

    /// `text` with the token and any credential masked: every message the
    /// client prints or returns goes through here.
    pub fn scrub(&self, text: &str) -> String {
        self.scrubber.scrub(text)
    }

    async fn attempt(&self, method: &Method, path: &str, body: Option<&Value>) -> Attempt {
        let uri: Uri = match path.parse() {
            Ok(u) => u,
            Err(e) => {
                return Attempt::Fatal(ApiError::Invalid {
                    method: method.to_string(),
                    path: path.to_string(),
                    message: e.to_string(),
                })
            }
        };
        let sent = match *method {
            Method::GET => self.octo._get(uri).await,
            Method::POST => self.octo._post(uri, body).await,
            Method::PATCH => self.octo._patch(uri, body).await,
            Method::PUT => self.octo._put(uri, body).await,
            _ => {
                return Attempt::Fatal(ApiError::Invalid {
                    method: method.to_string(),
                    path: path.to_string(),
                    message: "gate only sends GET, POST, PATCH and PUT".into(),
                })
            }
        };
        let response = match sent {
            Ok(r) => r,
            Err(e) => {
                return Attempt::Again {
                    wait: None,
                    maybe_applied: *method != Method::GET,
                    why: format!("{e}"),
                }
            }
        };
        let status = response.status();
        let headers = response.headers().clone();
        let text = match self.octo.body_to_string(response).await {
            Ok(t) => t,
            Err(e) => {
                return Attempt::Again {
                    wait: None,
                    maybe_applied: *method != Method::GET,
                    why: format!("reading the answer: {e}"),
                }
            }
        };
        classify(self.api, status, &headers, &text, SystemTime::now(), method)
    }

    /// Send a request, retrying what can be retried. A write that may have
    /// been applied (5xx, transport error) is only re-sent after `lookup`
    /// found nothing; what it finds is returned instead. The error, if any,
    /// is scrubbed of the token and of anything shaped like a credential.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        lookup: Option<Lookup<'_>>,
    ) -> Result<Value, ApiError> {
        let guarded = body.map(|b| self.guarded(&method, path, b)).transpose()?;
        self.send_unscrubbed(method, path, guarded.as_ref(), lookup)
            .await
            .map_err(|e| e.scrubbed(&self.scrubber))
    }

    /// Time left before the deadline (None: no deadline).
    fn remaining(&self) -> Option<Duration> {
        self.deadline
            .map(|d| d.saturating_duration_since(Instant::now()))
    }

    async fn send_unscrubbed(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        lookup: Option<Lookup<'_>>,
    ) -> Result<Value, ApiError> {
        let started = Instant::now();
        let deadline = |last: Option<String>| ApiError::Deadline {
            method: method.to_string(),
            path: path.to_string(),
            waited: started.elapsed(),
            last,
        };
        let mut attempts = 0;
        let mut backoff = self.policy.backoff;
        // Why the previous attempt failed, for a deadline that ends the retries.
        let mut last: Option<String> = None;
        loop {
            attempts += 1;
            let io = self.policy.io_timeout;
            let limit = self.remaining().map_or(io, |r| r.min(io));
            if limit.is_zero() {
                return Err(deadline(last));
            }
            // The I/O timeouts given to octocrab bound each read and write;
            // this bounds the whole attempt (connect, send, answer, body).
            let outcome = tokio::time::timeout(limit, self.attempt(&method, path, body)).await;
            let (wait, maybe_applied, why) = match outcome {
                Ok(Attempt::Done(v)) => return Ok(v),
                Ok(Attempt::Fatal(e)) => return Err(e),
                Ok(Attempt::Again {
                    wait,
                    maybe_applied,
                    why,
                }) => (wait, maybe_applied, why),
                Err(_) if limit < io => return Err(deadline(last)),
                Err(_) => (
                    None,
                    method != Method::GET,
                    format!("no answer within {}", seconds(io)),
                ),
            };
            let why = self.scrub(&why);
            let name = self.api.name();
            eprintln!("gate: {name}: {method} {path}: {why}");
            last = Some(why.clone());
            if attempts > self.policy.retries {
                return Err(ApiError::Exhausted {
                    attempts,
                    last: why,
                });
            }
            let wait = match wait {
                Some(w) if w > self.policy.max_wait => {
                    return Err(ApiError::Exhausted {
                        attempts,
                        last: format!("{why}; rate limited for {}s", w.as_secs()),
                    })
                }
                Some(w) => w,
                None => {
                    let w = backoff;
                    backoff *= 2;
                    w
                }
            };
            if self.remaining().is_some_and(|r| r <= wait) {
                return Err(deadline(Some(why)));
            }
            eprintln!(
                "gate: {name}: retrying in {:.1}s (attempt {} of {})",
                wait.as_secs_f64(),
                attempts + 1,
                self.policy.retries + 1
            );
            tokio::time::sleep(wait).await;
            if maybe_applied {
                if let Some(look) = lookup {
                    if let Some(found) = look().await? {
                        eprintln!("gate: {name}: the earlier {method} {path} did go through");
                        return Ok(found);
                    }
                }
            }
        }
    }

    /// GET, retried freely.
    pub async fn get(&self, path: &str) -> Result<Value, ApiError> {
        self.send(Method::GET, path, None, None).await
    }
}

fn header_u64(h: &HeaderMap, name: &str) -> Option<u64> {
    h.get(name)
        .and_then(|v: &HeaderValue| v.to_str().ok())
        .and_then(|s| s.trim().parse().ok())
}

/// How long a rate-limited answer asks to wait: `Retry-After` seconds, else
/// until the reset time when nothing remains (GitHub's `x-ratelimit-*`,
/// GitLab's `ratelimit-*` headers).
fn rate_limit_wait(status: StatusCode, h: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(s) = header_u64(h, "retry-after") {
        return Some(Duration::from_secs(s));
    }
    let either = |name: &str| header_u64(h, &format!("x-{name}")).or_else(|| header_u64(h, name));
    let exhausted = either("ratelimit-remaining") == Some(0);
    if exhausted {
        let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let reset = either("ratelimit-reset").unwrap_or(now + 60);
        return Some(Duration::from_secs(reset.saturating_sub(now) + 1));
    }
    (status == StatusCode::TOO_MANY_REQUESTS).then_some(Duration::from_secs(60))
}

/// What an error answer says: GitHub's `message` (and `errors`), GitLab's
/// `message` (a string, or an object of field errors) or OAuth's `error`
/// and `error_description`; else the start of the body.
fn api_message(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| {
            let msg = match v.get("message") {
                Some(Value::String(m)) => m.clone(),
                Some(m @ (Value::Object(_) | Value::Array(_))) => m.to_string(),
                _ => {
                    let e = v.get("error")?.as_str()?;
                    match v.get("error_description").and_then(Value::as_str) {
                        Some(d) => format!("{e}: {d}"),
                        None => e.to_string(),
                    }
                }
            };
            let errors = v.get("errors").map(|e| format!(" {e}")).unwrap_or_default();
            Some(format!("{msg}{errors}"))
        })
        .map(|m| m.chars().take(1_000).collect())
        .unwrap_or_else(|| text.chars().take(300).collect())
}

fn classify(
    api: Api,
    status: StatusCode,
    headers: &HeaderMap,
    text: &str,
    now: SystemTime,
    method: &Method,
) -> Attempt {
    let code = status.as_u16();
    if status.is_success() {
        let v = if text.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(text).unwrap_or(Value::Null)
        };
        return Attempt::Done(v);
    }
    if code == 429 || code == 403 {
        if let Some(wait) = rate_limit_wait(status, headers, now) {
            return Attempt::Again {
                wait: Some(wait),
                maybe_applied: false,
                why: format!("{code} rate limited: {}", api_message(text)),
            };
        }
    }
    if api.is_permission(code) {
        return Attempt::Fatal(ApiError::Permission {
            status: code,
            message: api_message(text),
        });
    }
    if status.is_server_error() {
        return Attempt::Again {
            wait: None,
            maybe_applied: *method != Method::GET,
            why: format!("{code}: {}", api_message(text)),
        };
    }
    Attempt::Fatal(ApiError::Rejected {
        status: code,
        message: api_message(text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn retry_after_and_ratelimit_reset_set_the_wait() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let h = headers(&[("retry-after", "7")]);
        assert_eq!(
            rate_limit_wait(StatusCode::TOO_MANY_REQUESTS, &h, now),
            Some(Duration::from_secs(7))
        );
        let h = headers(&[
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "1030"),
        ]);
        assert_eq!(
            rate_limit_wait(StatusCode::FORBIDDEN, &h, now),
            Some(Duration::from_secs(31))
        );
        assert_eq!(
            rate_limit_wait(StatusCode::FORBIDDEN, &HeaderMap::new(), now),
            None
        );
    }

    #[test]
    fn issue11_p10_tokens_are_trimmed_and_unsendable_ones_refused() {
        assert_eq!(clean_token("ghs_abc\n"), Ok("ghs_abc"));
        assert_eq!(clean_token("  ghs_abc\r\n"), Ok("ghs_abc"));
        assert_eq!(clean_token(" \n"), Err(TokenError::Empty));
        for (raw, what, at) in [
            ("ghs_a\nb", "whitespace", 6),
            ("ghs a", "whitespace", 4),
            ("ghs_\u{7}x", "a control character", 5),
            ("ghs_\u{7f}x", "a control character", 5),
            ("ghs_é", "a non-ASCII character", 5),
        ] {
            let e = clean_token(raw).unwrap_err();
            assert_eq!(
                e,
                TokenError::BadChar {
                    what,
                    at,
                    len: raw.trim().chars().count()
                }
            );
            assert!(!e.to_string().contains("ghs"), "{e}");
        }
        let huge = "a".repeat(MAX_TOKEN_LEN + 1);
        assert_eq!(
            clean_token(&huge),
            Err(TokenError::TooLong(MAX_TOKEN_LEN + 1))
        );
    }

    #[test]
    fn issue11_p10_a_client_refuses_what_octocrab_would_panic_on() {
        let policy = RetryPolicy::default();
        // octocrab builds the header with `.parse().unwrap()`: a newline panicked.
        for token in ["tok\n", "to\nk", "tok\u{0}", ""] {
            let e = Client::new("https://api.github.com", token, policy)
                .err()
                .unwrap();
            assert!(matches!(e, ClientError::Token(_)), "{e}");
        }
        for url in [
            "http://[::1",
            "ftp://x",
            "",
            "api.github.com",
            "https://",
            "http:///x",
        ] {
            let e = Client::new(url, "tok", policy).err().unwrap();
            assert!(matches!(e, ClientError::Url { .. }), "{url}: {e}");
        }
        let e = Client::new(
            "https://user:hunter2@ghe.example/api/v3x\u{0}",
            "tok",
            policy,
        )
        .err()
        .unwrap();
        assert!(!e.to_string().contains("hunter2"), "{e}");
    }

    #[test]
    fn issue11_p12_deadline_messages_name_the_request_without_its_query() {
        let e = ApiError::Deadline {
            method: "POST".into(),
            path: "/repos/o/r/check-runs?x=1".into(),
            waited: Duration::from_millis(10_020),
            last: None,
        };
        assert_eq!(
            e.to_string(),
            "POST /repos/o/r/check-runs timed out after 10s: the publishing deadline ran out (--publish-timeout)"
        );
        assert_eq!(seconds(Duration::from_millis(2_540)), "2.5s");
    }

    #[test]
    fn gitlab_rate_limit_headers_set_the_wait() {
        let now = UNIX_EPOCH + Duration::from_secs(1_000);
        let h = headers(&[("ratelimit-remaining", "0"), ("ratelimit-reset", "1010")]);
        assert_eq!(
            rate_limit_wait(StatusCode::TOO_MANY_REQUESTS, &h, now),
            Some(Duration::from_secs(11))
        );
    }

    #[test]
    fn a_401_is_a_fallback_on_gitlab_and_a_failure_on_github() {
        let answer = |api| {
            classify(
                api,
                StatusCode::UNAUTHORIZED,
                &HeaderMap::new(),
                r#"{"message":"401 Unauthorized"}"#,
                SystemTime::now(),
                &Method::POST,
            )
        };
        match answer(Api::GitLab) {
            Attempt::Fatal(e) => assert!(e.is_permission(), "{e}"),
            _ => panic!("not fatal"),
        }
        match answer(Api::GitHub) {
            Attempt::Fatal(e) => assert!(!e.is_permission(), "{e}"),
            _ => panic!("not fatal"),
        }
    }

    #[test]
    fn gitlab_error_bodies_are_read_in_each_of_their_shapes() {
        assert_eq!(
            api_message(r#"{"message":"404 Project Not Found"}"#),
            "404 Project Not Found"
        );
        assert_eq!(
            api_message(r#"{"message":{"base":["Cannot transition status"]}}"#),
            r#"{"base":["Cannot transition status"]}"#
        );
        assert_eq!(
            api_message(r#"{"error":"invalid_token","error_description":"Token was revoked."}"#),
            "invalid_token: Token was revoked."
        );
        assert_eq!(api_message("<html>502</html>"), "<html>502</html>");
    }

    #[test]
    fn forbidden_without_rate_limit_is_a_permission_error() {
        let a = classify(
            Api::GitHub,
            StatusCode::FORBIDDEN,
            &HeaderMap::new(),
            r#"{"message":"Resource not accessible by integration"}"#,
            SystemTime::now(),
            &Method::POST,
        );
        match a {
            Attempt::Fatal(e) => {
                assert!(e.is_permission());
                assert!(e.to_string().contains("not accessible"));
            }
            _ => panic!("not fatal"),
        }
    }
}
