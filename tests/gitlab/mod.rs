//! The fake GitLab API shared by the `gate gitlab` tests: a wiremock server
//! on 127.0.0.1, and every recorded write checked against the shape GitLab's
//! REST API documents for it, with unknown fields rejected.
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
/// against GitLab's documented body (see [`fake_api::requests`]).
pub async fn requests(server: &MockServer, base_path: &str) -> Vec<Seen> {
    fake_api::requests(server, base_path, operation, schema).await
}

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
