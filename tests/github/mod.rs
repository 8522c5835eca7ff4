//! The fake GitHub API shared by the `gate github` tests: a wiremock server
//! on 127.0.0.1, and every recorded request checked against GitHub's request
//! schemas with unknown fields rejected.
#![allow(dead_code)]

use serde_json::{json, Value};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, ResponseTemplate};

// One copy per fake API: a test crate that fakes both holds it twice.
#[allow(clippy::duplicate_mod)]
#[path = "../fake_api/mod.rs"]
mod fake_api;

#[allow(unused_imports)] // Not every test crate uses every piece.
pub use fake_api::{assert_no_secrets, findings, sequence, Seen, PLANTED};

/// Every request the server received under `base_path`, each write checked
/// against GitHub's documented body (see [`fake_api::requests`]).
pub async fn requests(server: &MockServer, base_path: &str) -> Vec<Seen> {
    fake_api::requests(server, base_path, operation, schema).await
}

/// GitHub's request schemas (a subset of the official OpenAPI description).
pub const SCHEMAS: &str = "/work/shared/schemas/github-rest-subset.json";

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
