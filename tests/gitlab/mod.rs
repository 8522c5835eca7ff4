//! The fake GitLab API shared by the `gate gitlab` tests: a wiremock server
//! on 127.0.0.1, and every recorded write checked against the shape GitLab's
//! REST API documents for it, with unknown fields rejected.
#![allow(dead_code)]

use serde_json::{json, Value};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

/// Secret values planted in findings; no request may carry one.
pub const PLANTED: [&str; 3] = [
    "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8d",
    "AKIAZ7Q3LKD2V5XNP4MA",
    "xoxb-3316281452-8173665291734-Qw7eRtYuIoPaSdFgHjKlZx",
];

/// The merge request's `diff_refs` in the fake API.
pub const BASE_SHA: &str = "1111111111111111111111111111111111111111";
pub const START_SHA: &str = "2222222222222222222222222222222222222222";
pub const HEAD_SHA: &str = "3333333333333333333333333333333333333333";

fn sha() -> Value {
    json!({"type": "string", "pattern": "^[0-9a-f]{40}$"})
}

fn note_body() -> Value {
    json!({"type": "string", "minLength": 1, "maxLength": 1_000_000})
}

/// The documented body of each write gate sends (GitLab REST API v4:
/// commits `POST /projects/:id/statuses/:sha`, notes, discussions).
pub fn schema(operation: &str) -> Value {
    match operation {
        "status" => json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["state", "name"],
            "properties": {
                "state": {"enum": ["pending", "running", "success", "failed", "canceled", "skipped"]},
                "name": {"type": "string", "minLength": 1},
                "description": {"type": "string", "maxLength": 255},
                "target_url": {"type": "string", "pattern": "^https?://"},
                "pipeline_id": {"type": "integer", "minimum": 1},
                "ref": {"type": "string"},
                "coverage": {"type": "number"}
            }
        }),
        "note" | "discussion-note" => json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["body"],
            "properties": {"body": note_body()}
        }),
        "discussion" => json!({
            "type": "object",
            "additionalProperties": false,
            "required": ["body", "position"],
            "properties": {
                "body": note_body(),
                "position": {
                    "type": "object",
                    "additionalProperties": false,
                    "required": ["position_type", "base_sha", "start_sha", "head_sha", "new_path", "old_path", "new_line"],
                    "properties": {
                        "position_type": {"const": "text"},
                        "base_sha": sha(),
                        "start_sha": sha(),
                        "head_sha": sha(),
                        "new_path": {"type": "string", "minLength": 1},
                        "old_path": {"type": "string", "minLength": 1},
                        "new_line": {"type": "integer", "minimum": 1}
                    }
                }
            }
        }),
        other => panic!("no schema for {other}"),
    }
}

/// The operation a write is, by method and path (after the API base).
pub fn operation(method: &str, rel: &str) -> Option<&'static str> {
    let parts: Vec<&str> = rel.trim_start_matches('/').split('/').collect();
    match (method, parts.as_slice()) {
        ("POST", ["projects", _, "statuses", _]) => Some("status"),
        ("POST", ["projects", _, "merge_requests", _, "notes"]) => Some("note"),
        ("PUT", ["projects", _, "merge_requests", _, "notes", _]) => Some("note"),
        ("POST", ["projects", _, "merge_requests", _, "discussions"]) => Some("discussion"),
        ("PUT", ["projects", _, "merge_requests", _, "discussions", _, "notes", _]) => {
            Some("discussion-note")
        }
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

/// A happy GitLab under `base` (`""` or `/gitlab/api/v4`) for project
/// `project` (as in the path): merge request 7 with no notes and no
/// discussions yet; creates answer with ids.
pub async fn happy(server: &MockServer, base: &str, project: &str) {
    let mr = format!("{base}/projects/{project}/merge_requests/7");
    Mock::given(method("POST"))
        .and(path_regex(format!(
            r"^{base}/projects/{project}/statuses/[0-9a-f]+$"
        )))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(json!({"id": 1, "status": "running"})),
        )
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{mr}/notes")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{mr}/notes")))
        .respond_with(ResponseTemplate::new(201).set_body_json(json!({"id": 900})))
        .mount(server)
        .await;
    Mock::given(method("PUT"))
        .and(path_regex(format!(r"^{mr}/notes/\d+$")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 555})))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(mr.clone()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "iid": 7,
            "diff_refs": {"base_sha": BASE_SHA, "start_sha": START_SHA, "head_sha": HEAD_SHA}
        })))
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{mr}/discussions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{mr}/discussions")))
        .respond_with(ResponseTemplate::new(201).set_body_json(
            json!({"id": "6a9c1750b37d513a43987b574953fceb50b03ce7", "notes": [{"id": 1}]}),
        ))
        .mount(server)
        .await;
    Mock::given(method("PUT"))
        .and(path_regex(format!(
            r"^{mr}/discussions/[0-9a-f]+/notes/\d+$"
        )))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 1})))
        .mount(server)
        .await;
}
