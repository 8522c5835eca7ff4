//! The fake GitHub API shared by the `gate github` tests: a wiremock server
//! on 127.0.0.1, and every recorded request checked against GitHub's request
//! schemas with unknown fields rejected.
#![allow(dead_code)]

use serde_json::{json, Value};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// GitHub's request schemas (a subset of the official OpenAPI description).
pub const SCHEMAS: &str = "/work/shared/schemas/github-rest-subset.json";

/// Secret values planted in findings; no request may carry one.
pub const PLANTED: [&str; 3] = [
    "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d",
    "AKIAZ7Q3LKD2V5XNP4MA",
    "xoxb-3316281452-8173665291734-Qw7eRtYuIoPaSdFgHjKlZx",
];

/// `"additionalProperties": false` on every object schema that does not say.
fn strict(v: &mut Value) {
    match v {
        Value::Object(m) => {
            if m.contains_key("properties") && !m.contains_key("additionalProperties") {
                m.insert("additionalProperties".into(), Value::Bool(false));
            }
            for (_, x) in m.iter_mut() {
                strict(x);
            }
        }
        Value::Array(a) => a.iter_mut().for_each(strict),
        _ => {}
    }
}

/// The schema an operation's body must satisfy, strict.
pub fn schema(operation: &str) -> Value {
    let all: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMAS).unwrap()).unwrap();
    let mut s = all["operations"][operation]["schema"].clone();
    assert!(s.is_object(), "no schema for {operation}");
    strict(&mut s);
    s
}

/// The operation a request is, by method and path (after the API base).
pub fn operation(method: &str, rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.trim_start_matches('/').split('/').collect();
    match (method, parts.as_slice()) {
        ("POST", ["repos", _, _, "check-runs"]) => Some("checks/create"),
        ("PATCH", ["repos", _, _, "check-runs", _]) => Some("checks/update"),
        ("POST", ["repos", _, _, "statuses", _]) => Some("repos/create-commit-status"),
        ("POST", ["repos", _, _, "pulls", _, "reviews"]) => Some("pulls/create-review"),
        // Editing a review comment takes `{body}` exactly like creating an issue comment.
        ("PATCH", ["repos", _, _, "pulls", "comments", _]) => Some("issues/create-comment"),
        _ => None,
    }
}

/// One request as the tests look at it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    /// Path after the API base, with the query.
    pub path: String,
    pub body: Option<Value>,
    pub raw: String,
}

/// Every request the server received, each write validated against its
/// schema (panics naming the violation) and every GET checked to carry no body.
pub async fn requests(server: &MockServer, base_path: &str) -> Vec<Seen> {
    let reqs: Vec<Request> = server.received_requests().await.unwrap();
    reqs.iter()
        .map(|r| {
            let m = r.method.to_string();
            let full = r.url.path().to_string();
            let rel = full.strip_prefix(base_path).unwrap_or(&full).to_string();
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

/// Fail if any request carries a planted secret (or its JSON-escaped form).
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

/// A happy GitHub under `base` (`""` or `/api/v3`): no earlier check run,
/// creates answer with ids, PATCHes count annotations.
pub async fn happy(server: &MockServer, base: &str) {
    Mock::given(method("GET"))
        .and(path_regex(format!(
            r"^{base}/repos/[^/]+/[^/]+/commits/[^/]+/check-runs$"
        )))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"total_count": 0, "check_runs": []})),
        )
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(format!(
            r"^{base}/repos/[^/]+/[^/]+/check-runs$"
        )))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(json!({"id": 42, "status": "in_progress"})),
        )
        .mount(server)
        .await;
    Mock::given(method("PATCH"))
        .and(path(format!("{base}/repos/acme/app/check-runs/42")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 42})))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(format!(
            r"^{base}/repos/[^/]+/[^/]+/statuses/[^/]+$"
        )))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": 1})))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path_regex(format!(
            r"^{base}/repos/[^/]+/[^/]+/pulls/\d+/comments$"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path_regex(format!(
            r"^{base}/repos/[^/]+/[^/]+/pulls/\d+/reviews$"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 5})))
        .mount(server)
        .await;
}
