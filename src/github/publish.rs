//! Sending the plan: check run, commit status and review, each falling back
//! gracefully. Nothing here decides what to say; [`super::plan`] did.

use std::collections::HashSet;
use std::time::Duration;

use http::Method;
use serde_json::{json, Value};

use super::client::{ApiError, Client};
use super::context::Context;
use super::plan::{Plan, ANNOTATIONS_PER_REQUEST};
use crate::publish::plan::marked_fingerprint;
use crate::redact::SecretSpans;

/// Pages read when listing annotations or review comments (100 per page).
const MAX_PAGES: u32 = 30;
/// How long all of publishing (before and after the scan together) may take
/// unless `--publish-timeout` says otherwise.
pub const DEFAULT_PUBLISH_TIMEOUT: Duration = Duration::from_secs(120);

/// What to publish besides the check run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub check_name: String,
    /// Skip the check run (commit status only, for CI outside Actions).
    pub check_run: bool,
    pub status_context: Option<String>,
    pub review: bool,
    /// Time all requests together may take, [`Publisher::start`] and
    /// [`Publisher::finish`] included; the scan in between does not count.
    pub timeout: Duration,
}

/// How publishing went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    /// The token may not write (403/404): the caller falls back to workflow commands.
    pub permission_denied: bool,
    /// Something failed that retrying did not fix, or GitHub rejected a request.
    pub failed: bool,
    pub check_run_id: Option<u64>,
    pub annotations_sent: usize,
    pub review_comments_sent: usize,
}

/// Publishes one run of the gate for one commit.
pub struct Publisher {
    client: Client,
    ctx: Context,
    opts: Options,
    check_run_id: Option<u64>,
    /// Annotations already on a re-used check run (path, line, title).
    existing: HashSet<(String, u64, String)>,
    /// Annotations GitHub holds on the run, as far as we know.
    annotation_count: u64,
    /// What is left of `opts.timeout`.
    state: Published,
}

fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let date = crate::policy::Date::from_days((secs / 86_400) as i64);
    let t = secs % 86_400;
    format!(
        "{date}T{:02}:{:02}:{:02}Z",
        t / 3600,
        (t % 3600) / 60,
        t % 60
    )
}

impl Publisher {
    /// A publisher for `ctx`, talking through `client`.
    pub fn new(mut client: Client, ctx: Context, opts: Options) -> Publisher {
        client.set_budget(opts.timeout);
        Publisher {
            client,
            ctx,
            check_run_id: None,
            existing: HashSet::new(),
            annotation_count: 0,
            opts,
            state: Published::default(),
        }
    }

    /// Check every request body from now on for the run's secrets.
    pub fn set_guard(&mut self, secrets: SecretSpans) {
        self.client.set_guard(secrets);
    }

    fn repo_path(&self) -> String {
        format!("/repos/{}/{}", self.ctx.owner, self.ctx.repo)
    }

    fn external_id(&self) -> String {
        format!("gate:{}", self.opts.check_name)
    }

    fn record(&mut self, what: &str, e: &ApiError) {
        if e.is_permission() {
            if !self.state.permission_denied {
                eprintln!(
                    "gate: github: {what}: {e} — the token cannot write here (pull requests from forks and Dependabot get a read-only token; the workflow needs `permissions: checks: write, statuses: write, pull-requests: write`); falling back to workflow-command annotations and the job summary"
                );
            }
            self.state.permission_denied = true;
        } else {
            eprintln!("gate: github: error: {what}: {e}");
            self.state.failed = true;
        }
    }

    /// The existing run of this check on this commit (a re-run), if any.
    async fn find_check_run(&self) -> Result<Option<Value>, ApiError> {
        let path = format!(
            "{}/commits/{}/check-runs?check_name={}&filter=all&per_page=100",
            self.repo_path(),
            self.ctx.head_sha,
            encode(&self.opts.check_name)
        );
        let list = self.client.get(&path).await?;
        let ext = self.external_id();
        Ok(list["check_runs"]
            .as_array()
            .and_then(|runs| {
                runs.iter()
                    .find(|r| r["external_id"].as_str() == Some(ext.as_str()))
            })
            .cloned())
    }

    /// Start: the check run `in_progress` (created, or the re-run's one
    /// reset) and a `pending` commit status.
    pub async fn start(&mut self) {
        self.client.arm();
        self.start_within_deadline().await;
        self.client.disarm();
    }

    async fn start_within_deadline(&mut self) {
        if self.opts.check_run {
            match self.start_check_run().await {
                Ok(id) => {
                    self.check_run_id = Some(id);
                    self.state.check_run_id = Some(id);
                }
                Err(e) => self.record("creating the check run", &e),
            }
        }
        if self.opts.status_context.is_some() && !self.state.permission_denied {
            self.post_status("pending", "gate is scanning").await;
        }
    }

    async fn start_check_run(&mut self) -> Result<u64, ApiError> {
        let output = json!({
            "title": "gate is scanning",
            "summary": "Scanning for secrets and insecure code; results follow when the scan ends.",
        });
        if let Some(run) = self.find_check_run().await? {
            let id = run["id"].as_u64().unwrap_or_default();
            eprintln!("gate: github: re-run: updating check run {id} instead of creating another");
            self.annotation_count = run["output"]["annotations_count"].as_u64().unwrap_or(0);
            if self.annotation_count > 0 {
                self.load_existing_annotations(id).await?;
            }
            let mut body = json!({"status": "in_progress", "started_at": now(), "output": output});
            if let Some(url) = &self.ctx.run_url {
                body["details_url"] = json!(url);
            }
            let path = format!("{}/check-runs/{id}", self.repo_path());
            self.client
                .send(Method::PATCH, &path, Some(&body), None)
                .await?;
            return Ok(id);
        }
        let mut body = json!({
            "name": self.opts.check_name,
            "head_sha": self.ctx.head_sha,
            "external_id": self.external_id(),
            "status": "in_progress",
            "started_at": now(),
            "output": output,
        });
        if let Some(url) = &self.ctx.run_url {
            body["details_url"] = json!(url);
        }
        let path = format!("{}/check-runs", self.repo_path());
        let lookup = || -> std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> {
            Box::pin(self.find_check_run())
        };
        let created = self
            .client
            .send(Method::POST, &path, Some(&body), Some(&lookup))
            .await?;
        created["id"].as_u64().ok_or_else(|| ApiError::Rejected {
            status: 201,
            message: "the created check run has no id".into(),
        })
    }

    async fn load_existing_annotations(&mut self, id: u64) -> Result<(), ApiError> {
        for page in 1..=MAX_PAGES {
            let path = format!(
                "{}/check-runs/{id}/annotations?per_page=100&page={page}",
                self.repo_path()
            );
            let list = self.client.get(&path).await?;
            let items = list.as_array().cloned().unwrap_or_default();
            for a in &items {
                self.existing.insert((
                    a["path"].as_str().unwrap_or_default().to_string(),
                    a["start_line"].as_u64().unwrap_or(0),
                    a["title"].as_str().unwrap_or_default().to_string(),
                ));
            }
            if items.len() < 100 {
                break;
            }
        }
        Ok(())
    }

    /// Finish: complete the check run with the verdict and every annotation,
    /// set the final status, post the review.
    pub async fn finish(&mut self, plan: &Plan) -> Published {
        if self.client.budget_spent("github", self.opts.timeout) {
            self.state.failed = true;
            return self.state.clone();
        }
        self.client.arm();
        self.finish_within_deadline(plan).await;
        self.client.disarm();
        self.state.clone()
    }

    async fn finish_within_deadline(&mut self, plan: &Plan) {
        if let Some(id) = self.check_run_id {
            if let Err(e) = self.complete_check_run(id, plan).await {
                self.record("completing the check run", &e);
            }
        }
        if self.opts.status_context.is_some() {
            self.post_status(plan.status_state, &plan.status_description)
                .await;
        }
        if self.opts.review {
            match self.ctx.pull_request.as_ref().map(|p| p.number) {
                Some(n) => {
                    if let Err(e) = self.review(n, plan).await {
                        // A review is optional: its failure is reported, not fatal.
                        eprintln!("gate: github: warning: posting the review: {e}");
                    }
                }
                None => eprintln!("gate: github: --review: not a pull request, no review posted"),
            }
        }
    }

    async fn complete_check_run(&mut self, id: u64, plan: &Plan) -> Result<(), ApiError> {
        let path = format!("{}/check-runs/{id}", self.repo_path());
        let new: Vec<&super::plan::Annotation> = plan
            .annotations
            .iter()
            .filter(|a| {
                !self
                    .existing
                    .contains(&(a.path.clone(), u64::from(a.start_line), a.title.clone()))
            })
            .collect();
        if self.existing.len() > plan.annotations.len() - new.len() {
            eprintln!(
                "gate: github: note: {} annotation(s) from an earlier run no longer apply (GitHub cannot remove annotations)",
                self.existing.len() - (plan.annotations.len() - new.len())
            );
        }
        let mut batches = new.chunks(ANNOTATIONS_PER_REQUEST);
        let first = batches.next().unwrap_or(&[]);
        let mut body = json!({
            "status": "completed",
            "conclusion": plan.conclusion,
            "completed_at": now(),
            "output": {"title": plan.title, "summary": plan.summary, "annotations": first},
        });
        if let Some(url) = &self.ctx.run_url {
            body["details_url"] = json!(url);
        }
        self.patch_annotations(&path, &body, first.len(), Some(plan.conclusion))
            .await?;
        for batch in batches {
            let body = json!({
                "output": {"title": plan.title, "summary": plan.summary, "annotations": batch},
            });
            self.patch_annotations(&path, &body, batch.len(), None)
                .await?;
        }
        Ok(())
    }

    /// PATCH a batch of annotations (and, with `conclusion`, complete the
    /// run). Annotations append, so a PATCH that may have gone through is only
    /// re-sent when the run's annotation count (and conclusion) say it did not.
    async fn patch_annotations(
        &mut self,
        path: &str,
        body: &Value,
        n: usize,
        conclusion: Option<&str>,
    ) -> Result<(), ApiError> {
        let expected = self.annotation_count + n as u64;
        let client = &self.client;
        let lookup = || -> std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> {
            Box::pin(async move {
                let run = client.get(path).await?;
                let count = run["output"]["annotations_count"].as_u64().unwrap_or(0);
                let concluded = conclusion.is_none_or(|c| {
                    run["status"] == "completed" && run["conclusion"].as_str() == Some(c)
                });
                Ok((count >= expected && concluded).then_some(run))
            })
        };
        self.client
            .send(Method::PATCH, path, Some(body), Some(&lookup))
            .await?;
        self.annotation_count = expected;
        self.state.annotations_sent += n;
        Ok(())
    }

    async fn post_status(&mut self, state: &str, description: &str) {
        let Some(context) = self.opts.status_context.clone() else {
            return;
        };
        let mut body = json!({"state": state, "context": context, "description": description});
        if let Some(url) = &self.ctx.run_url {
            body["target_url"] = json!(url);
        }
        let path = format!("{}/statuses/{}", self.repo_path(), self.ctx.head_sha);
        // A status replaces the previous one of its context: re-sending is harmless.
        if let Err(e) = self
            .client
            .send(Method::POST, &path, Some(&body), None)
            .await
        {
            self.record("setting the commit status", &e);
        }
    }

    /// Review comments already on the pull request, by fingerprint: (id, body).
    async fn our_comments(
        &self,
        number: u64,
    ) -> Result<std::collections::HashMap<String, (u64, String)>, ApiError> {
        let mut found = std::collections::HashMap::new();
        for page in 1..=MAX_PAGES {
            let path = format!(
                "{}/pulls/{number}/comments?per_page=100&page={page}",
                self.repo_path()
            );
            let list = self.client.get(&path).await?;
            let items = list.as_array().cloned().unwrap_or_default();
            for c in &items {
                let body = c["body"].as_str().unwrap_or_default();
                if let Some(fp) = marked_fingerprint(body) {
                    found.insert(
                        fp.to_string(),
                        (c["id"].as_u64().unwrap_or_default(), body.to_string()),
                    );
                }
            }
            if items.len() < 100 {
                break;
            }
        }
        Ok(found)
    }

    async fn review(&mut self, number: u64, plan: &Plan) -> Result<(), ApiError> {
        if plan.review_comments.is_empty() {
            return Ok(());
        }
        let existing = self.our_comments(number).await?;
        let mut new = Vec::new();
        for c in &plan.review_comments {
            match existing.get(&c.fingerprint) {
                Some((_, body)) if *body == c.body => {}
                Some((id, _)) => {
                    let path = format!("{}/pulls/comments/{id}", self.repo_path());
                    self.client
                        .send(Method::PATCH, &path, Some(&json!({"body": c.body})), None)
                        .await?;
                }
                None => new.push(c),
            }
        }
        if new.is_empty() {
            eprintln!("gate: github: review: every finding already has its comment");
            return Ok(());
        }
        let body = json!({
            "commit_id": self.ctx.head_sha,
            "event": "COMMENT",
            "body": format!("gate found {} problem(s) on lines this pull request changes.", new.len()),
            "comments": new,
        });
        let path = format!("{}/pulls/{number}/reviews", self.repo_path());
        let first = new[0].fingerprint.clone();
        let this = &*self;
        let lookup = || -> std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> {
            let first = first.clone();
            Box::pin(async move {
                let now = this.our_comments(number).await?;
                Ok(now.contains_key(&first).then_some(Value::Null))
            })
        };
        self.client
            .send(Method::POST, &path, Some(&body), Some(&lookup))
            .await?;
        self.state.review_comments_sent = new.len();
        Ok(())
    }
}

/// Percent-encode a query value.
fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}
