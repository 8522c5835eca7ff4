//! `gate github` publishing against a fake GitHub API on 127.0.0.1 (issue
//! #5): exact request sequences, every body validated against GitHub's
//! schemas, retries, fallbacks, Enterprise URLs, and no secret in any request.

mod github;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use gate::finding::Finding;
use gate::github::context::PullRequest;
use gate::github::plan::{plan, Plan};
use gate::github::{Client, Context, Options, Published, Publisher, RetryPolicy};
use gate::policy::{evaluate, Policy, Verdict};
use gate::redact::{redact_analysis, Redactor, SecretSpans};
use gate::report::{Report, RunInfo};
use github::{assert_no_secrets, findings, happy, requests, sequence, PLANTED};
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

struct Scenario {
    findings: Vec<Finding>,
    rules: BTreeMap<String, gate::engines::RuleInfo>,
    verdict: Verdict,
    run: RunInfo,
}

impl Scenario {
    /// `n` findings after the redaction point every real run passes them through.
    fn new(n: usize) -> Scenario {
        let mut findings = findings(n);
        let verdict = evaluate(&Policy::default(), &findings);
        let spans = SecretSpans::new(
            findings
                .iter()
                .filter_map(|f| f.secret.as_ref().map(|s| s.value.clone())),
        );
        redact_analysis(&mut findings, &mut [], &spans, &Redactor::default());
        Scenario {
            findings,
            rules: BTreeMap::new(),
            verdict,
            run: RunInfo::default(),
        }
    }

    fn plan(&self) -> Plan {
        let report = Report {
            findings: &self.findings,
            rules: &self.rules,
            diagnostics: &[],
            verdict: &self.verdict,
            stats: Default::default(),
            run: &self.run,
        };
        plan(&report)
    }
}

fn ctx(api: String, pr: bool) -> Context {
    Context {
        owner: "acme".into(),
        repo: "app".into(),
        api_url: api,
        head_sha: "headsha".into(),
        event: if pr { "pull_request" } else { "push" }.into(),
        pull_request: pr.then_some(PullRequest {
            number: 7,
            base_sha: Some("basesha".into()),
            base_ref: Some("main".into()),
            from_fork: false,
        }),
        run_url: Some("https://github.com/acme/app/actions/runs/1".into()),
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
        check_name: "gate".into(),
        check_run: true,
        status_context: None,
        review: false,
        timeout: Duration::from_secs(60),
    }
}

async fn publish(api: String, pr: bool, opts: Options, plan: &Plan) -> Published {
    let client = Client::new(&api, "test-token-not-real", fast()).unwrap();
    let mut p = Publisher::new(client, ctx(api, pr), opts);
    p.start().await;
    p.finish(plan).await
}

fn annotations_sent(seen: &[github::Seen]) -> Vec<Value> {
    seen.iter()
        .filter(|s| s.method == "PATCH")
        .flat_map(|s| {
            s.body.as_ref().unwrap()["output"]["annotations"]
                .as_array()
                .cloned()
                .unwrap_or_default()
        })
        .collect()
}

async fn run_pr_with(n: usize) {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let s = Scenario::new(n);
    let plan = s.plan();
    let published = publish(server.uri(), true, options(), &plan).await;
    assert!(
        !published.failed && !published.permission_denied,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    let patches = n.div_ceil(50).max(1);
    let mut expected = vec![
        "GET /repos/acme/app/commits/headsha/check-runs".to_string(),
        "POST /repos/acme/app/check-runs".to_string(),
    ];
    expected.extend(std::iter::repeat_n(
        "PATCH /repos/acme/app/check-runs/42".to_string(),
        patches,
    ));
    assert_eq!(sequence(&seen), expected, "n = {n}");
    let create = seen[1].body.as_ref().unwrap();
    assert_eq!(create["status"], "in_progress");
    assert_eq!(create["head_sha"], "headsha");
    assert_eq!(create["external_id"], "gate:gate");
    let done = seen[2].body.as_ref().unwrap();
    assert_eq!(done["status"], "completed");
    assert_eq!(
        done["conclusion"],
        if n == 0 { "success" } else { "failure" }
    );
    let sent = annotations_sent(&seen);
    assert_eq!(sent.len(), n);
    assert_eq!(published.annotations_sent, n);
    for a in &sent {
        if a["start_line"] != a["end_line"] {
            assert!(a.get("start_column").is_none() && a.get("end_column").is_none());
        }
        assert!(a["title"].as_str().unwrap().chars().count() <= 255);
    }
    // Worst first: every failing annotation precedes every warning.
    let levels: Vec<&str> = sent
        .iter()
        .map(|a| a["annotation_level"].as_str().unwrap())
        .collect();
    let first_warning = levels
        .iter()
        .position(|l| *l == "warning")
        .unwrap_or(levels.len());
    assert!(levels[first_warning..].iter().all(|l| *l != "failure"));
    assert_no_secrets(&seen);
}

#[tokio::test]
async fn pull_request_with_0_findings() {
    run_pr_with(0).await;
}

#[tokio::test]
async fn pull_request_with_1_finding() {
    run_pr_with(1).await;
}

#[tokio::test]
async fn pull_request_with_50_findings_is_one_patch() {
    run_pr_with(50).await;
}

#[tokio::test]
async fn pull_request_with_51_findings_is_two_patches() {
    run_pr_with(51).await;
}

#[tokio::test]
async fn pull_request_with_1000_findings_is_twenty_patches() {
    run_pr_with(1000).await;
}

#[tokio::test]
async fn rerun_updates_the_existing_check_run_and_skips_its_annotations() {
    let server = MockServer::start().await;
    let s = Scenario::new(3);
    let plan = s.plan();
    let old: Vec<Value> = plan.annotations[..2]
        .iter()
        .map(|a| serde_json::to_value(a).unwrap())
        .collect();
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/commits/headsha/check-runs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total_count": 2, "check_runs": [
            {"id": 9, "name": "gate", "external_id": "some-actions-job", "output": {"annotations_count": 0}},
            {"id": 42, "name": "gate", "external_id": "gate:gate", "output": {"annotations_count": 2}}
        ]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/check-runs/42/annotations"))
        .respond_with(ResponseTemplate::new(200).set_body_json(Value::Array(old)))
        .mount(&server)
        .await;
    happy(&server, "").await;
    let published = publish(server.uri(), true, options(), &plan).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "GET /repos/acme/app/check-runs/42/annotations",
            "PATCH /repos/acme/app/check-runs/42",
            "PATCH /repos/acme/app/check-runs/42",
        ]
    );
    assert_eq!(seen[2].body.as_ref().unwrap()["status"], "in_progress");
    assert_eq!(annotations_sent(&seen).len(), 1, "only the new annotation");
}

#[tokio::test]
async fn fork_403_falls_back_without_retrying() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"message": "Resource not accessible by integration"})),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(30);
    let plan = s.plan();
    let published = publish(server.uri(), true, options(), &plan).await;
    assert!(published.permission_denied && !published.failed);
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
        ]
    );
    // The fallback: at most 10 per level, worst first, a notice counting the rest.
    let cmds = &plan.workflow_commands;
    let errors = cmds.iter().filter(|c| c.starts_with("::error ")).count();
    let warnings = cmds.iter().filter(|c| c.starts_with("::warning ")).count();
    assert_eq!((errors, warnings), (10, 7));
    let last = cmds.last().unwrap();
    assert!(
        last.starts_with("::notice ") && last.contains("13 more finding(s)"),
        "{last}"
    );
    for c in cmds {
        for p in PLANTED {
            assert!(!c.contains(p));
        }
    }
}

#[tokio::test]
async fn server_errors_are_retried_after_looking_for_the_created_run() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(ResponseTemplate::new(502).set_body_string("bad gateway"))
        .up_to_n_times(2)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(2);
    let published = publish(server.uri(), true, options(), &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "PATCH /repos/acme/app/check-runs/42",
        ]
    );
}

#[tokio::test]
async fn a_create_that_went_through_despite_a_500_is_not_repeated() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(ResponseTemplate::new(500))
        .with_priority(1)
        .mount(&server)
        .await;
    // The lookup before the first POST finds nothing; the one after it finds the run.
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/commits/headsha/check-runs"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"total_count": 0, "check_runs": []})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/commits/headsha/check-runs"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"total_count": 1,
            "check_runs": [{"id": 42, "external_id": "gate:gate", "output": {"annotations_count": 0}}]})))
        .with_priority(2)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(1);
    let published = publish(server.uri(), true, options(), &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "GET /repos/acme/app/commits/headsha/check-runs",
            "PATCH /repos/acme/app/check-runs/42",
        ]
    );
}

#[tokio::test]
async fn rate_limit_429_honours_retry_after() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("retry-after", "1")
                .set_body_json(json!({"message": "API rate limit exceeded"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(1);
    let t = Instant::now();
    let published = publish(server.uri(), true, options(), &s.plan()).await;
    assert!(
        t.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        t.elapsed()
    );
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    // A 429 was not applied: the PATCH is re-sent without a lookup.
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "PATCH /repos/acme/app/check-runs/42",
            "PATCH /repos/acme/app/check-runs/42",
        ]
    );
    assert_eq!(annotations_sent(&seen).len(), 2, "the same batch, twice");
}

#[tokio::test]
async fn validation_error_422_is_not_retried_and_fails_publishing() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(ResponseTemplate::new(422).set_body_json(
            json!({"message": "Validation Failed", "errors": [{"resource": "CheckRun", "code": "invalid"}]}),
        ))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(1);
    let published = publish(server.uri(), true, options(), &s.plan()).await;
    assert!(published.failed && !published.permission_denied);
    let seen = requests(&server, "").await;
    assert_eq!(seen.iter().filter(|s| s.method == "PATCH").count(), 1);
}

#[tokio::test]
async fn enterprise_base_url_keeps_its_path() {
    let server = MockServer::start().await;
    happy(&server, "/api/v3").await;
    let s = Scenario::new(3);
    let opts = Options {
        status_context: Some("security/gate".into()),
        ..options()
    };
    let published = publish(format!("{}/api/v3", server.uri()), true, opts, &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "/api/v3").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "POST /repos/acme/app/statuses/headsha",
            "PATCH /repos/acme/app/check-runs/42",
            "POST /repos/acme/app/statuses/headsha",
        ]
    );
    let raw: Vec<String> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| r.url.path().to_string())
        .collect();
    assert!(
        raw.iter().all(|p| p.starts_with("/api/v3/repos/")),
        "{raw:?}"
    );
    assert_eq!(seen[2].body.as_ref().unwrap()["state"], "pending");
    let last = seen[4].body.as_ref().unwrap();
    assert_eq!(last["state"], "failure");
    assert!(last["description"].as_str().unwrap().chars().count() <= 140);
}

#[tokio::test]
async fn push_event_has_no_review_and_sets_the_status() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let s = Scenario::new(4);
    let opts = Options {
        status_context: Some("gate".into()),
        review: true,
        ..options()
    };
    let published = publish(server.uri(), false, opts, &s.plan()).await;
    assert!(!published.failed);
    let seen = requests(&server, "").await;
    assert!(seen.iter().all(|s| !s.path.contains("/pulls/")));
    assert_eq!(
        seen.iter()
            .filter(|s| s.path.contains("/statuses/"))
            .count(),
        2
    );
}

#[tokio::test]
async fn review_comments_carry_markers_and_reruns_skip_them() {
    let server = MockServer::start().await;
    let s = Scenario::new(4);
    let plan = s.plan();
    // One comment is already there from an earlier run, unchanged.
    let existing = &plan.review_comments[0];
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/pulls/7/comments"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"id": 1, "body": "a human's comment"},
            {"id": 2, "body": existing.body}
        ])))
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let opts = Options {
        review: true,
        ..options()
    };
    let published = publish(server.uri(), true, opts, &plan).await;
    assert!(!published.failed);
    assert_eq!(published.review_comments_sent, 3);
    let seen = requests(&server, "").await;
    let review = seen
        .iter()
        .find(|s| s.path.ends_with("/pulls/7/reviews"))
        .expect("a review");
    let body = review.body.as_ref().unwrap();
    assert_eq!(body["event"], "COMMENT");
    assert_eq!(body["commit_id"], "headsha");
    let comments = body["comments"].as_array().unwrap();
    assert_eq!(comments.len(), 3);
    for c in comments {
        assert!(c["body"].as_str().unwrap().contains("<!-- gate:finding "));
        assert_eq!(c["side"], "RIGHT");
    }
    let multi = comments
        .iter()
        .find(|c| c.get("start_line").is_some())
        .expect("a multi-line comment");
    assert!(multi["start_line"].as_u64() < multi["line"].as_u64());
    assert_no_secrets(&seen);
}

#[tokio::test]
async fn no_request_carries_a_planted_secret() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let s = Scenario::new(60);
    let plan = s.plan();
    for p in PLANTED {
        assert!(!plan.summary.contains(p) && !plan.step_summary.contains(p));
        assert!(plan.workflow_commands.iter().all(|c| !c.contains(p)));
    }
    let opts = Options {
        status_context: Some("gate".into()),
        review: true,
        ..options()
    };
    publish(server.uri(), true, opts, &plan).await;
    let seen = requests(&server, "").await;
    assert!(seen.len() >= 7, "{:?}", sequence(&seen));
    assert_no_secrets(&seen);
    // The rule and a redacted excerpt are what is said instead.
    let a = &annotations_sent(&seen)[0];
    let msg = a["message"].as_str().unwrap();
    assert!(msg.contains("*****"), "{msg}");
    assert!(a["title"].as_str().unwrap().starts_with("github-pat"));
}

#[test]
fn the_schemas_reject_unknown_fields_like_octocrabs_stray_check_run_id() {
    let s = github::schema("checks/update");
    let v = jsonschema::draft7::new(&s).unwrap();
    assert!(v.is_valid(&json!({"output": {"title": "t", "summary": "s"}})));
    assert!(!v.is_valid(&json!({"check_run_id": 42, "output": {"title": "t", "summary": "s"}})));
    assert!(
        !v.is_valid(&json!({"status": "completed"})),
        "completed needs a conclusion"
    );
}

#[tokio::test]
async fn an_annotation_batch_that_went_through_despite_a_503_is_not_sent_twice() {
    let server = MockServer::start().await;
    // The second batch (the PATCH after the completing one) answers 503 once…
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 42})))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .with_priority(2)
        .mount(&server)
        .await;
    // …but GitHub did append it: the run holds all 60 annotations.
    Mock::given(method("GET"))
        .and(path("/repos/acme/app/check-runs/42"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"id": 42,
            "status": "completed", "conclusion": "failure", "output": {"annotations_count": 60}})))
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(60);
    let published = publish(server.uri(), true, options(), &s.plan()).await;
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "PATCH /repos/acme/app/check-runs/42",
            "PATCH /repos/acme/app/check-runs/42",
            "GET /repos/acme/app/check-runs/42",
        ]
    );
    assert_eq!(published.annotations_sent, 60);
}

#[tokio::test]
async fn a_403_rate_limit_waits_for_the_reset_instead_of_falling_back() {
    let server = MockServer::start().await;
    let reset = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/statuses/headsha"))
        .respond_with(
            ResponseTemplate::new(403)
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-reset", reset.to_string().as_str())
                .set_body_json(json!({"message": "API rate limit exceeded"})),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let s = Scenario::new(1);
    let opts = Options {
        check_run: false,
        status_context: Some("gate".into()),
        ..options()
    };
    let published = publish(server.uri(), false, opts, &s.plan()).await;
    assert!(
        !published.permission_denied && !published.failed,
        "{published:?}"
    );
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "POST /repos/acme/app/statuses/headsha",
            "POST /repos/acme/app/statuses/headsha",
            "POST /repos/acme/app/statuses/headsha",
        ]
    );
    assert_eq!(seen[2].body.as_ref().unwrap()["state"], "failure");
}

#[tokio::test]
async fn the_token_goes_in_the_authorization_header_only() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let s = Scenario::new(1);
    publish(server.uri(), true, options(), &s.plan()).await;
    for r in server.received_requests().await.unwrap() {
        let auth = r
            .headers
            .get("authorization")
            .expect("authorised")
            .to_str()
            .unwrap();
        assert!(auth.ends_with("test-token-not-real"), "{auth}");
        assert!(!String::from_utf8_lossy(&r.body).contains("test-token-not-real"));
        assert!(!r.url.as_str().contains("test-token-not-real"));
    }
}

#[tokio::test]
async fn a_create_that_times_out_is_looked_up_then_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/repos/acme/app/check-runs"))
        .respond_with(
            ResponseTemplate::new(201)
                .set_body_json(json!({"id": 42}))
                .set_delay(Duration::from_secs(3)),
        )
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    happy(&server, "").await;
    let api = server.uri();
    let policy = RetryPolicy {
        io_timeout: Duration::from_millis(500),
        ..fast()
    };
    let client = Client::new(&api, "test-token-not-real", policy).unwrap();
    let mut p = Publisher::new(client, ctx(api, true), options());
    let t = Instant::now();
    p.start().await;
    let published = p.finish(&Scenario::new(1).plan()).await;
    assert!(t.elapsed() < Duration::from_secs(3), "timed out at 500 ms");
    assert!(!published.failed, "{published:?}");
    let seen = requests(&server, "").await;
    assert_eq!(
        sequence(&seen),
        [
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "GET /repos/acme/app/commits/headsha/check-runs",
            "POST /repos/acme/app/check-runs",
            "PATCH /repos/acme/app/check-runs/42",
        ]
    );
}

/// A server on 127.0.0.1 that accepts connections and never answers.
fn silent_server() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().flatten() {
            held.push(stream);
        }
    });
    url
}

#[tokio::test]
async fn issue11_p12_a_silent_server_costs_the_deadline_not_the_io_timeout_times_the_retries() {
    let api = silent_server();
    // The default policy: 30 s per request, four retries.
    let client = Client::new(&api, "test-token-not-real", RetryPolicy::default()).unwrap();
    let opts = Options {
        timeout: Duration::from_secs(2),
        ..options()
    };
    let mut p = Publisher::new(client, ctx(api, true), opts);
    let t = Instant::now();
    p.start().await;
    let published = p.finish(&Scenario::new(1).plan()).await;
    let took = t.elapsed();
    assert!(published.failed, "{published:?}");
    assert!(
        took >= Duration::from_secs(2) && took < Duration::from_secs(4),
        "{took:?}"
    );
}

#[tokio::test]
async fn issue11_p12_the_scan_between_start_and_finish_does_not_count() {
    let server = MockServer::start().await;
    happy(&server, "").await;
    let api = server.uri();
    let client = Client::new(&api, "test-token-not-real", fast()).unwrap();
    let opts = Options {
        timeout: Duration::from_secs(1),
        ..options()
    };
    let mut p = Publisher::new(client, ctx(api, true), opts);
    p.start().await;
    // A scan longer than the whole publishing budget.
    tokio::time::sleep(Duration::from_millis(1_500)).await;
    let published = p.finish(&Scenario::new(3).plan()).await;
    assert!(!published.failed, "{published:?}");
    assert_eq!(published.annotations_sent, 3);
}
