//! The thin HTTP layer: octocrab as transport (auth, base URL, timeouts),
//! with gate's own retry rules. octocrab's retry is off because it re-sends
//! POSTs on 5xx without looking first and ignores `Retry-After`.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use http::{HeaderMap, HeaderValue, Method, StatusCode};
use octocrab::service::middleware::retry::RetryConfig;
use octocrab::Octocrab;
use serde_json::Value;

use crate::redact::SecretSpans;

/// Connecting to the API gives up after this long.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Reading or writing one request gives up after this long (by default).
pub const IO_TIMEOUT: Duration = Duration::from_secs(30);
/// The API version gate was written against.
const API_VERSION: &str = "2022-11-28";

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
    /// 403 or 404 that is not a rate limit: the token may not write here
    /// (pull requests from forks get a read-only token).
    #[error("{status}: {message}")]
    Permission { status: u16, message: String },
    /// Any other answer that retrying will not change (422 and friends).
    #[error("{status}: {message}")]
    Rejected { status: u16, message: String },
    /// Still failing after every retry (5xx, transport errors, rate limits).
    #[error("gave up after {attempts} attempts: {last}")]
    Exhausted { attempts: u32, last: String },
}

impl ApiError {
    /// Whether this is a missing-permission answer (the fallback applies).
    pub fn is_permission(&self) -> bool {
        matches!(self, ApiError::Permission { .. })
    }
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

/// A GitHub REST client for one API base URL and token.
pub struct Client {
    octo: Octocrab,
    token: String,
    policy: RetryPolicy,
    /// The run's secrets: the last guard on every request body.
    guard: SecretSpans,
}

/// What to do before re-sending a write that may already have happened.
pub type Lookup<'a> = &'a (dyn Fn() -> std::pin::Pin<
    Box<dyn std::future::Future<Output = Result<Option<Value>, ApiError>> + 'a>,
> + 'a);

impl Client {
    /// A client for `api_url` (`https://api.github.com`, `https://ghe/api/v3`, a test server).
    pub fn new(api_url: &str, token: &str, policy: RetryPolicy) -> Result<Client, String> {
        let octo = Octocrab::builder()
            .base_uri(api_url)
            .map_err(|e| format!("bad API URL `{api_url}`: {e}"))?
            .personal_token(token.to_string())
            .add_retry_config(RetryConfig::None)
            .set_connect_timeout(Some(CONNECT_TIMEOUT))
            .set_read_timeout(Some(policy.io_timeout))
            .set_write_timeout(Some(policy.io_timeout))
            .add_header(
                http::header::ACCEPT,
                "application/vnd.github+json".to_string(),
            )
            .add_header(
                http::HeaderName::from_static("x-github-api-version"),
                API_VERSION.to_string(),
            )
            .build()
            .map_err(|e| format!("cannot build the HTTP client: {e}"))?;
        Ok(Client {
            octo,
            token: token.to_string(),
            policy,
            guard: SecretSpans::default(),
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

    /// `text` with the token masked, for any message that may be printed.
    fn scrub(&self, text: &str) -> String {
        if self.token.is_empty() {
            text.to_string()
        } else {
            text.replace(&self.token, "***")
        }
    }

    async fn attempt(&self, method: &Method, path: &str, body: Option<&Value>) -> Attempt {
        let sent = match *method {
            Method::GET => self.octo._get(path).await,
            Method::POST => self.octo._post(path, body).await,
            Method::PATCH => self.octo._patch(path, body).await,
            _ => unreachable!("gate only sends GET, POST and PATCH"),
        };
        let response = match sent {
            Ok(r) => r,
            Err(e) => {
                return Attempt::Again {
                    wait: None,
                    maybe_applied: *method != Method::GET,
                    why: self.scrub(&format!("{e}")),
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
                    why: self.scrub(&format!("reading the answer: {e}")),
                }
            }
        };
        classify(status, &headers, &text, SystemTime::now(), method)
    }

    /// Send a request, retrying what can be retried. A write that may have
    /// been applied (5xx, transport error) is only re-sent after `lookup`
    /// found nothing; what it finds is returned instead.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<&Value>,
        lookup: Option<Lookup<'_>>,
    ) -> Result<Value, ApiError> {
        let guarded = body.map(|b| self.guarded(&method, path, b)).transpose()?;
        let body = guarded.as_ref();
        let mut attempts = 0;
        let mut backoff = self.policy.backoff;
        loop {
            attempts += 1;
            let (wait, maybe_applied, why) = match self.attempt(&method, path, body).await {
                Attempt::Done(v) => return Ok(v),
                Attempt::Fatal(e) => return Err(e),
                Attempt::Again {
                    wait,
                    maybe_applied,
                    why,
                } => (wait, maybe_applied, why),
            };
            eprintln!("gate: github: {method} {path}: {why}");
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
            eprintln!(
                "gate: github: retrying in {:.1}s (attempt {} of {})",
                wait.as_secs_f64(),
                attempts + 1,
                self.policy.retries + 1
            );
            tokio::time::sleep(wait).await;
            if maybe_applied {
                if let Some(look) = lookup {
                    if let Some(found) = look().await? {
                        eprintln!("gate: github: the earlier {method} {path} did go through");
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
/// until `x-ratelimit-reset` when nothing remains.
fn rate_limit_wait(status: StatusCode, h: &HeaderMap, now: SystemTime) -> Option<Duration> {
    if let Some(s) = header_u64(h, "retry-after") {
        return Some(Duration::from_secs(s));
    }
    let exhausted = header_u64(h, "x-ratelimit-remaining") == Some(0);
    if exhausted {
        let now = now.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
        let reset = header_u64(h, "x-ratelimit-reset").unwrap_or(now + 60);
        return Some(Duration::from_secs(reset.saturating_sub(now) + 1));
    }
    (status == StatusCode::TOO_MANY_REQUESTS).then_some(Duration::from_secs(60))
}

fn api_message(text: &str) -> String {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| {
            let msg = v.get("message")?.as_str()?.to_string();
            let errors = v.get("errors").map(|e| format!(" {e}")).unwrap_or_default();
            Some(format!("{msg}{errors}"))
        })
        .unwrap_or_else(|| text.chars().take(300).collect())
}

fn classify(
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
    if code == 403 || code == 404 {
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
    fn forbidden_without_rate_limit_is_a_permission_error() {
        let a = classify(
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
