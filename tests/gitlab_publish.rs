//! `gate gitlab` publishing against a fake GitLab API on 127.0.0.1 (issue
//! 15, point 2): exact request sequences, every write checked against the
//! documented body, re-runs that edit instead of duplicating, job-token
//! fallback, retries, self-managed URLs, and no secret in any request.

mod gitlab;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use gate::finding::Finding;
use gate::gitlab::plan::{plan, Plan, DEFAULT_MAX_DISCUSSIONS, MAX_NOTE_CHARS};
use gate::gitlab::{Context, MergeRequest, Options, Published, Publisher};
use gate::policy::{evaluate, Policy, Verdict};
use gate::publish::{Api, Client, RetryPolicy};
use gate::redact::{redact_analysis, Redactor, SecretSpans};
use gate::report::{Report, RunInfo};
use gitlab::{
    assert_no_secrets, findings, happy, requests, sequence, BASE_SHA, HEAD_SHA, PLANTED, START_SHA,
};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const MR: &str = "/projects/42/merge_requests/7";
const TOKEN: &str = "glpat-test-token-not-real";

struct Scenario {
    findings: Vec<Finding>,
    rules: BTreeMap<String, gate::engines::RuleInfo>,
    verdict: Verdict,
    run: RunInfo,
    secrets: SecretSpans,
}

impl Scenario {
    /// `n` findings after the redaction point every real run passes them through.
    fn new(n: usize) -> Scenario {
        let mut findings = findings(n);
        let verdict = evaluate(&Policy::default(), &findings);
        let secrets = SecretSpans::new(
            findings
                .iter()
                .filter_map(|f| f.secret.as_ref().map(|s| s.value.clone())),
        );
        redact_analysis(&mut findings, &mut [], &secrets, &Redactor::default());
        Scenario {
            findings,
            rules: BTreeMap::new(),
            verdict,
            run: RunInfo::default(),
            secrets,
        }
    }

    fn plan_with(&self, max_discussions: usize) -> Plan {
        let report = Report {
            findings: &self.findings,
            rules: &self.rules,
            diagnostics: &[],
            verdict: &self.verdict,
            stats: Default::default(),
            run: &self.run,
        };
        plan(
            &report,
            "gate",
            max_discussions,
            Some("https://gitlab.example/acme/app/-/pipelines/1001"),
        )
    }

    fn plan(&self) -> Plan {
        self.plan_with(DEFAULT_MAX_DISCUSSIONS)
    }
}

fn ctx(api: String, mr: bool) -> Context {
    Context {
        api_url: api,
        project: "42".into(),
        head_sha: HEAD_SHA.into(),
        merge_request: mr.then_some(MergeRequest {
            project: "42".into(),
            iid: 7,
            diff_base_sha: Some(BASE_SHA.into()),
        }),
        pipeline_id: Some(1001),
        pipeline_url: Some("https://gitlab.example/acme/app/-/pipelines/1001".into()),
        target_url: Some("https://gitlab.example/acme/app/-/jobs/5".into()),
        warnings: Vec::new(),
    }
}

fn fast() -> RetryPolicy {
    RetryPolicy {
        retries: 4,
        backoff: Duration::from_millis(20),
        max_wait: Duration::from_secs(5),
        io_timeout: Duration::from_secs(5),
    }
}

fn options() -> Options {
    Options {
        status_name: "gate".into(),
        status: true,
        timeout: Duration::from_secs(60),
    }
}

async fn publish_ctx(c: Context, s: &Scenario, plan: &Plan) -> Published {
    let client = Client::for_api(Api::GitLab, &c.api_url.clone(), TOKEN, fast()).unwrap();
    let mut p = Publisher::new(client, c, options());
    p.start().await;
    p.set_guard(s.secrets.clone());
    p.finish(plan).await
}

async fn publish(api: String, mr: bool, s: &Scenario, plan: &Plan) -> Published {
    publish_ctx(ctx(api, mr), s, plan).await
}

fn statuses(seen: &[gitlab::Seen]) -> Vec<String> {
    seen.iter()
        .filter(|s| s.path.contains("/statuses/"))
        .map(|s| {
            s.body.as_ref().unwrap()["state"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn posted_discussions(seen: &[gitlab::Seen]) -> Vec<Value> {
    seen.iter()
        .filter(|s| s.method == "POST" && s.path.ends_with("/discussions"))
        .map(|s| s.body.clone().unwrap())
        .collect()
}

fn expected_sequence(discussions: usize) -> Vec<String> {
    let status = format!("POST /projects/42/statuses/{HEAD_SHA}");
    let mut want = vec![
        status.clone(),
        format!("GET {MR}/notes"),
        format!("POST {MR}/notes"),
    ];
    if discussions > 0 {
        want.push(format!("GET {MR}"));
        want.push(format!("GET {MR}/discussions"));
        want.extend(std::iter::repeat_n(
            format!("POST {MR}/discussions"),
            discussions,
        ));
    }
    want.push(status);
    want
}

async fn run_mr_with(n: usize) -> (Vec<gitlab::Seen>, Plan, Published) {
    let server = MockServer::start().await;
    happy(&server, "", "42").await;
    let s = Scenario::new(n);
    let plan = s.plan();
    let published = publish(server.uri(), true, &s, &plan).await;
    assert!(
        !published.failed && !published.permission_denied,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    let failing = (0..n).filter(|i| i % 4 != 3).count();
    let discussions = failing.min(DEFAULT_MAX_DISCUSSIONS);
    assert_eq!(sequence(&seen), expected_sequence(discussions), "n = {n}");
    assert_eq!(published.discussions_created, discussions);
    assert_eq!(published.note_id, Some(900));
    assert_eq!(
        statuses(&seen),
        ["running", if failing == 0 { "success" } else { "failed" }]
    );
    let status = seen[0].body.as_ref().unwrap();
    assert_eq!(status["name"], "gate");
    assert_eq!(status["pipeline_id"], 1001);
    assert_eq!(
        status["target_url"],
        "https://gitlab.example/acme/app/-/jobs/5"
    );
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(note.starts_with("<!-- gate:summary gate -->\n"), "{note}");
    assert!(note.contains("https://gitlab.example/acme/app/-/pipelines/1001"));
    for d in posted_discussions(&seen) {
        let pos = &d["position"];
        assert_eq!(pos["base_sha"], BASE_SHA);
        assert_eq!(pos["start_sha"], START_SHA);
        assert_eq!(pos["head_sha"], HEAD_SHA);
        assert_eq!(pos["old_path"], pos["new_path"]);
        let body = d["body"].as_str().unwrap();
        assert!(body.starts_with("<!-- gate:finding "), "{body}");
        assert!(
            body.contains("Fails the gate"),
            "only failing findings: {body}"
        );
    }
    assert_no_secrets(&seen);
    (seen, plan, published)
}

#[tokio::test]
async fn merge_request_with_0_findings_posts_a_passing_note_and_status() {
    let (seen, _, _) = run_mr_with(0).await;
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(note.contains("✅ gate passed"), "{note}");
    let last = seen.last().unwrap().body.as_ref().unwrap();
    assert!(last["description"].as_str().unwrap().starts_with("passed"));
}

#[tokio::test]
async fn merge_request_with_1_finding_starts_one_discussion_on_its_line() {
    let (seen, _, _) = run_mr_with(1).await;
    let d = &posted_discussions(&seen)[0];
    assert_eq!(
        d["position"],
        json!({
            "position_type": "text",
            "base_sha": BASE_SHA,
            "start_sha": START_SHA,
            "head_sha": HEAD_SHA,
            "old_path": "src/settings0.py",
            "new_path": "src/settings0.py",
            "new_line": 1
        })
    );
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(
        note.contains("❌ gate failed: 1 finding blocks this change"),
        "{note}"
    );
    assert!(note.contains("1 finding(s) that fail the gate"), "{note}");
}

#[tokio::test]
async fn merge_request_with_300_findings_caps_the_discussions_worst_first() {
    let (seen, plan, _) = run_mr_with(300).await;
    // 225 fail the gate: 50 get a discussion, the note counts the rest.
    assert_eq!(plan.not_discussed, 175);
    assert_eq!(posted_discussions(&seen).len(), 50);
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(note.chars().count() <= MAX_NOTE_CHARS);
    assert!(note.contains("175 more only here"), "{note}");
    // The fallback log: the worst 50, then one line counting the rest.
    assert_eq!(plan.log_lines.len(), 51);
    assert!(plan.log_lines[0].starts_with("src/settings0.py:1: github-pat (critical): "));
    assert!(
        plan.log_lines[50].contains("175 more"),
        "{:?}",
        plan.log_lines[50]
    );
    for p in PLANTED {
        assert!(plan.log_lines.iter().all(|l| !l.contains(p)));
    }
    let last = seen.last().unwrap().body.as_ref().unwrap();
    assert_eq!(last["state"], "failed");
    assert!(last["description"]
        .as_str()
        .unwrap()
        .starts_with("225 finding(s) fail the gate"));
}

#[tokio::test]
async fn a_rerun_edits_the_note_and_its_discussions_instead_of_duplicating() {
    let server = MockServer::start().await;
    let s = Scenario::new(3);
    let plan = s.plan();
    assert_eq!(plan.discussions.len(), 3);
    Mock::given(method("GET"))
        .and(path(format!("{MR}/notes")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": 11, "body": "a reviewer's comment", "system": false},
            {"id": 12, "body": "<!-- gate:summary gate --> mentioned by the system", "system": true},
            {"id": 555, "body": "<!-- gate:summary gate -->\n## ❌ an older verdict", "system": false}
        ])))
        .with_priority(1)
        .mount(&server)
        .await;
    // The first finding's discussion is there and says the same; the
    // second's says something older; the third has none yet.
    let same = &plan.discussions[0];
    let older = &plan.discussions[1];
    let older_body = older.body.replace("critical severity", "high severity");
    Mock::given(method("GET"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "aaaa", "notes": [{"id": 1, "body": "a human thread"}]},
            {"id": "bbbb", "notes": [{"id": 2, "body": same.body}, {"id": 3, "body": "ack"}]},
            {"id": "cccc", "notes": [{"id": 4, "body": older_body}]}
        ])))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let published = publish(server.uri(), true, &s, &plan).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            format!("POST /projects/42/statuses/{HEAD_SHA}"),
            format!("GET {MR}/notes"),
            format!("PUT {MR}/notes/555"),
            format!("GET {MR}"),
            format!("GET {MR}/discussions"),
            format!("PUT {MR}/discussions/cccc/notes/4"),
            format!("POST {MR}/discussions"),
            format!("POST /projects/42/statuses/{HEAD_SHA}"),
        ]
    );
    assert_eq!(seen[2].body.as_ref().unwrap()["body"], plan.note);
    assert_eq!(seen[5].body.as_ref().unwrap()["body"], older.body);
    assert_eq!(
        posted_discussions(&seen)[0]["body"],
        plan.discussions[2].body
    );
    assert_eq!(
        (
            published.discussions_kept,
            published.discussions_edited,
            published.discussions_created
        ),
        (1, 1, 1)
    );
    assert!(published.note_reused);
}

#[tokio::test]
async fn the_summary_note_is_found_on_a_later_page() {
    let server = MockServer::start().await;
    let page1: Vec<Value> = (0..100)
        .map(|i| json!({"id": 1000 + i, "body": format!("comment {i}"), "system": false}))
        .collect();
    Mock::given(method("GET"))
        .and(path(format!("{MR}/notes")))
        .and(wiremock::matchers::query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(Value::Array(page1)))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{MR}/notes")))
        .and(wiremock::matchers::query_param("page", "2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!([{"id": 555, "body": "<!-- gate:summary gate -->\nold", "system": false}]),
        ))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(0);
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    let paths: Vec<&str> = seen.iter().map(|s| s.path.as_str()).collect();
    assert_eq!(
        paths[1..4],
        [
            format!("{MR}/notes?per_page=100&page=1"),
            format!("{MR}/notes?per_page=100&page=2"),
            format!("{MR}/notes/555"),
        ]
    );
    assert_eq!(published.note_id, Some(555));
}

#[tokio::test]
async fn a_job_token_401_falls_back_after_one_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/projects/42/statuses/{HEAD_SHA}")))
        .respond_with(
            ResponseTemplate::new(401).set_body_json(json!({"message": "401 Unauthorized"})),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(5);
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(
        published.permission_denied && !published.failed,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [format!("POST /projects/42/statuses/{HEAD_SHA}")]
    );
}

#[tokio::test]
async fn a_403_on_the_note_falls_back_without_retrying_or_going_on() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{MR}/notes")))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "403 Forbidden"})))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(5);
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(
        published.permission_denied && !published.failed,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            format!("POST /projects/42/statuses/{HEAD_SHA}"),
            format!("GET {MR}/notes"),
            format!("POST {MR}/notes"),
        ]
    );
}

#[tokio::test]
async fn server_errors_are_retried_after_looking_for_the_created_note() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{MR}/notes")))
        .respond_with(ResponseTemplate::new(502).set_body_string("bad gateway"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(0);
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    let status = format!("POST /projects/42/statuses/{HEAD_SHA}");
    assert_eq!(
        sequence(&seen),
        [
            status.clone(),
            format!("GET {MR}/notes"),
            format!("POST {MR}/notes"),
            format!("GET {MR}/notes"),
            format!("POST {MR}/notes"),
            format!("GET {MR}/notes"),
            format!("POST {MR}/notes"),
            status,
        ]
    );
}

#[tokio::test]
async fn a_discussion_that_went_through_despite_a_500_is_not_repeated() {
    let server = MockServer::start().await;
    let s = Scenario::new(1);
    let plan = s.plan();
    Mock::given(method("POST"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(ResponseTemplate::new(500))
        .with_priority(1)
        .mount(&server)
        .await;
    // The listing before the POST finds nothing; the one after it finds the discussion.
    Mock::given(method("GET"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "dddd", "notes": [{"id": 9, "body": plan.discussions[0].body}]}
        ])))
        .with_priority(2)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let published = publish(server.uri(), true, &s, &plan).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen)[3..],
        [
            format!("GET {MR}"),
            format!("GET {MR}/discussions"),
            format!("POST {MR}/discussions"),
            format!("GET {MR}/discussions"),
            format!("POST /projects/42/statuses/{HEAD_SHA}"),
        ]
    );
    assert_eq!(published.discussions_created, 1);
}

#[tokio::test]
async fn rate_limit_429_honours_retry_after_and_resends_without_a_lookup() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .insert_header("ratelimit-remaining", "0")
                .set_body_json(json!({"message": "Retry later"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(1);
    let t = Instant::now();
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(
        t.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        t.elapsed()
    );
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen)[3..],
        [
            format!("GET {MR}"),
            format!("GET {MR}/discussions"),
            format!("POST {MR}/discussions"),
            format!("POST {MR}/discussions"),
            format!("POST /projects/42/statuses/{HEAD_SHA}"),
        ]
    );
    assert_eq!(published.discussions_created, 1);
}

#[tokio::test]
async fn server_errors_on_the_status_are_retried_and_exhaustion_fails_publishing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/projects/42/statuses/{HEAD_SHA}")))
        .respond_with(ResponseTemplate::new(503).set_body_string("<html>maintenance</html>"))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(0);
    let published = publish(server.uri(), false, &s, &s.plan()).await;
    assert!(
        published.failed && !published.permission_denied,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    // 1 + 4 retries, at the start and again at the end.
    assert_eq!(seen.len(), 10, "{:?}", sequence(&seen));
}

#[tokio::test]
async fn a_self_managed_base_url_and_a_project_path_keep_their_shape() {
    let server = MockServer::start().await;
    let project = "acme%2Fplatform%2Fapp";
    happy(&server, "/gitlab/api/v4", project).await;
    let s = Scenario::new(2);
    let mut c = ctx(format!("{}/gitlab/api/v4", server.uri()), true);
    c.project = project.into();
    c.merge_request.as_mut().unwrap().project = project.into();
    let published = publish_ctx(c, &s, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let raw: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_string())
        .collect();
    assert!(
        raw.iter()
            .all(|p| p.starts_with("/gitlab/api/v4/projects/acme%2Fplatform%2Fapp/")),
        "{raw:?}"
    );
    let seen = requests(&server, "/gitlab/api/v4").await;
    assert_eq!(seen.len(), 8, "{:?}", sequence(&seen));
}

#[tokio::test]
async fn a_pipeline_outside_a_merge_request_sets_the_status_only() {
    let server = MockServer::start().await;
    happy(&server, "", "42").await;
    let s = Scenario::new(4);
    let published = publish(server.uri(), false, &s, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    let status = format!("POST /projects/42/statuses/{HEAD_SHA}");
    assert_eq!(sequence(&seen), [status.clone(), status]);
    assert_eq!(statuses(&seen), ["running", "failed"]);
}

#[tokio::test]
async fn a_line_outside_the_diff_is_left_to_the_note_without_failing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"message": "400 Bad request - Note {:line_code=>[\"can't be blank\", \"must be a valid line code\"]}"}),
        ))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(2);
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    assert_eq!(
        (
            published.discussions_outside_diff,
            published.discussions_created
        ),
        (1, 1)
    );
    let seen = requests(&server, "").await;
    assert_eq!(posted_discussions(&seen).len(), 2, "no retry of a 400");
    assert_eq!(statuses(&seen), ["running", "failed"]);
}

#[tokio::test]
async fn a_merge_request_that_moved_on_gets_no_discussions() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path(MR))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"iid": 7,
            "diff_refs": {"base_sha": BASE_SHA, "start_sha": START_SHA, "head_sha": "4444444444444444444444444444444444444444"}})))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(2);
    let published = publish(server.uri(), true, &s, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert!(posted_discussions(&seen).is_empty());
    assert_eq!(sequence(&seen).len(), 5, "{:?}", sequence(&seen));
}

#[tokio::test]
async fn a_status_already_in_its_state_is_not_a_failure() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("/projects/42/statuses/{HEAD_SHA}")))
        .respond_with(
            ResponseTemplate::new(400).set_body_json(
                json!({"message": "Cannot transition status via :run from :running"}),
            ),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let s = Scenario::new(0);
    let published = publish(server.uri(), false, &s, &s.plan()).await;
    assert!(
        !published.failed && !published.permission_denied,
        "{published:?}"
    );
}

#[tokio::test]
async fn no_request_carries_a_planted_secret_or_the_token() {
    let server = MockServer::start().await;
    happy(&server, "", "42").await;
    let s = Scenario::new(60);
    let plan = s.plan();
    for p in PLANTED {
        assert!(!plan.note.contains(p) && !plan.status_description.contains(p));
        assert!(plan.discussions.iter().all(|d| !d.body.contains(p)));
    }
    publish(server.uri(), true, &s, &plan).await;
    let seen = requests(&server, "").await;
    assert_eq!(seen.len(), 6 + 45, "{:?}", sequence(&seen));
    assert_no_secrets(&seen);
    // The rule and a masked excerpt are what is said instead.
    let d = &posted_discussions(&seen)[0];
    let body = d["body"].as_str().unwrap();
    assert!(
        body.contains("*****") && body.contains("`github-pat`"),
        "{body}"
    );
    for r in server.received_requests().await.unwrap() {
        let auth = r.headers.get("authorization").unwrap().to_str().unwrap();
        assert_eq!(auth, format!("Bearer {TOKEN}"));
        assert!(!String::from_utf8_lossy(&r.body).contains(TOKEN));
        assert!(!r.url.as_str().contains(TOKEN));
    }
}

#[tokio::test]
async fn the_last_guard_masks_a_secret_that_escaped_the_plan() {
    let server = MockServer::start().await;
    happy(&server, "", "42").await;
    let s = Scenario::new(1);
    let mut plan = s.plan();
    // A gate bug: the note holds a secret the redaction point should have masked.
    plan.note.push_str(&format!("\nleak {}\n", PLANTED[0]));
    publish(server.uri(), true, &s, &plan).await;
    let seen = requests(&server, "").await;
    assert_no_secrets(&seen);
    let note = seen[2].body.as_ref().unwrap()["body"].as_str().unwrap();
    assert!(note.contains("leak *****"), "{note}");
}

#[test]
fn an_incomplete_verdict_fails_the_status_even_without_failing_findings() {
    let mut s = Scenario::new(0);
    s.verdict
        .mark_incomplete("cannot read bandit.sarif: no such file");
    let plan = s.plan();
    assert_eq!(plan.status_state, "failed");
    assert!(
        plan.status_description
            .starts_with("gate could not complete"),
        "{}",
        plan.status_description
    );
    assert!(
        plan.note.contains("⛔ gate could not complete"),
        "{}",
        plan.note
    );
    assert!(plan.discussions.is_empty() && plan.log_lines.is_empty());
}

#[tokio::test]
async fn a_note_or_discussion_that_copies_the_marker_cannot_stop_publishing() {
    let server = MockServer::start().await;
    let s = Scenario::new(1);
    let plan = s.plan();
    // Someone else's note and discussion carry gate's markers: the token may not edit them.
    Mock::given(method("GET"))
        .and(path(format!("{MR}/notes")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": 13, "body": "<!-- gate:summary gate -->\n✅ gate passed (honest)", "system": false}
        ])))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{MR}/notes/13")))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "403 Forbidden"})))
        .with_priority(1)
        .mount(&server)
        .await;
    let fake = plan.discussions[0].body.replace("Fails the gate", "Fine");
    Mock::given(method("GET"))
        .and(path(format!("{MR}/discussions")))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": "eeee", "notes": [{"id": 5, "body": fake}]}
        ])))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("PUT"))
        .and(path(format!("{MR}/discussions/eeee/notes/5")))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "403 Forbidden"})))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "", "42").await;
    let published = publish(server.uri(), true, &s, &plan).await;
    assert!(
        !published.permission_denied && !published.failed,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    let status = format!("POST /projects/42/statuses/{HEAD_SHA}");
    assert_eq!(
        sequence(&seen),
        [
            status.clone(),
            format!("GET {MR}/notes"),
            format!("PUT {MR}/notes/13"),
            format!("POST {MR}/notes"),
            format!("GET {MR}"),
            format!("GET {MR}/discussions"),
            format!("PUT {MR}/discussions/eeee/notes/5"),
            format!("POST {MR}/discussions"),
            status,
        ]
    );
    assert_eq!(published.note_id, Some(900));
    assert_eq!(published.discussions_created, 1);
    assert_eq!(statuses(&seen), ["running", "failed"]);
}
