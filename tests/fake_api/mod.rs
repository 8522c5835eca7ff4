//! What the fake GitHub and GitLab APIs share: the secrets planted in
//! findings, the recorded requests (every write checked against the API's
//! documented body), and the findings the publishing tests start from.
#![allow(dead_code)]

use gate::finding::{assign_fingerprints, Confidence, Finding, Region, SecretMatch, Severity};
use serde_json::Value;
use wiremock::{MockServer, Request};

/// Secret values planted in findings; no request may carry one.
pub const PLANTED: [&str; 3] = [
    "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d",
    "AKIAZ7Q3LKD2V5XNP4MA",
    "xoxb-3316281452-8173665291734-Qw7eRtYuIoPaSdFgHjKlZx",
];

/// One request as the tests look at it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path after the API base, with the query.
    pub path: String,
    pub body: Option<Value>,
    pub raw: String,
}

/// Every request the server received under `base_path` (one outside it
/// panics), each write validated against `schema(operation(method, path))`
/// (panics naming the violation), every GET checked to carry no body.
pub async fn requests(
    server: &MockServer,
    base_path: &str,
    operation: fn(&str, &str) -> Option<&'static str>,
    schema: fn(&str) -> Value,
) -> Vec<Seen> {
    let reqs: Vec<Request> = server.received_requests().await.unwrap();
    reqs.iter()
        .map(|r| {
            let m = r.method.to_string();
            let full = r.url.path().to_string();
            let rel = full
                .strip_prefix(base_path)
                .unwrap_or_else(|| panic!("{m} {full} is outside the API base {base_path}"))
                .to_string();
            let raw = String::from_utf8_lossy(&r.body).into_owned();
            let body: Option<Value> = if raw.trim().is_empty() {
                None
            } else {
                Some(serde_json::from_str(&raw).expect("request body is JSON"))
            };
            if m == "GET" {
                assert!(body.is_none(), "GET {rel} carries a body");
            } else {
                let op = operation(&m, &rel).unwrap_or_else(|| panic!("unexpected {m} {rel}"));
                let s = schema(op);
                let v = jsonschema::draft7::new(&s).expect("schema compiles");
                let b = body.clone().unwrap_or(Value::Null);
                let errors: Vec<String> = v
                    .iter_errors(&b)
                    .map(|e| format!("{e} at {}", e.instance_path))
                    .collect();
                assert!(
                    errors.is_empty(),
                    "{m} {rel} violates {op}: {errors:#?}\n{b:#}"
                );
            }
            let path = match r.url.query() {
                Some(q) => format!("{rel}?{q}"),
                None => rel,
            };
            Seen {
                method: m,
                path,
                body,
                raw,
            }
        })
        .collect()
}

/// `METHOD path-without-query` of every request.
pub fn sequence(seen: &[Seen]) -> Vec<String> {
    seen.iter()
        .map(|s| format!("{} {}", s.method, s.path.split('?').next().unwrap()))
        .collect()
}

/// Fail if any request (path or body) carries a planted secret.
pub fn assert_no_secrets(seen: &[Seen]) {
    for s in seen {
        for p in PLANTED {
            assert!(
                !s.raw.contains(p) && !s.path.contains(p),
                "{} {} carries a planted secret",
                s.method,
                s.path
            );
        }
    }
}

/// `n` findings: three in four are planted secrets (critical, failing the
/// gate, the secret also in the message and snippet), one in four a
/// multi-line medium Python finding that does not fail.
pub fn findings(n: usize) -> Vec<Finding> {
    let mut v: Vec<Finding> = (0..n)
        .map(|i| {
            let line = i as u32 + 1;
            if i % 4 == 3 {
                let mut f = Finding::new(
                    "B602",
                    "gate-python",
                    Severity::Medium,
                    Confidence::High,
                    format!("src/mod{}.py", i % 7),
                    Region {
                        start_line: line,
                        start_column: 5,
                        end_line: line + 2,
                        end_column: 9,
                    },
                    "subprocess call with shell=True identified",
                );
                f.snippet = Some("subprocess.run(cmd,\n    shell=True)".into());
                f.changed = Some(true);
                f
            } else {
                let secret = PLANTED[i % 3];
                let mut f = Finding::new(
                    "github-pat",
                    "gate-secrets",
                    Severity::Critical,
                    Confidence::High,
                    format!("src/settings{}.py", i % 5),
                    Region {
                        start_line: line,
                        start_column: 9,
                        end_line: line,
                        end_column: 49,
                    },
                    format!("token {secret} found"),
                );
                f.snippet = Some(format!("TOKEN = \"{secret}\"  # deploy"));
                f.secret = Some(SecretMatch {
                    value: secret.to_string(),
                    matched: format!("\"{secret}\""),
                    entropy: 4.5,
                });
                f.changed = Some(true);
                f
            }
        })
        .collect();
    assign_fingerprints(&mut v);
    v
}
