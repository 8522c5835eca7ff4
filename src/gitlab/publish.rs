//! Sending the plan to GitLab: the commit status, the summary note (edited
//! in place on re-runs) and the inline discussions, each falling back
//! gracefully. Nothing here decides what to say; [`super::plan`] did.

use std::collections::HashMap;
use std::time::Duration;

use http::Method;
use serde_json::{json, Value};

use super::context::Context;
use super::plan::{summary_marker, Discussion, Plan};
use crate::publish::client::{ApiError, Client};
use crate::publish::plan::marked_fingerprint;
use crate::redact::SecretSpans;

/// Pages read when listing notes or discussions (100 per page).
const MAX_PAGES: u32 = 30;
/// Items per page when listing.
const PER_PAGE: usize = 100;

/// What to publish besides the note and the discussions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The commit status `name` (what a merge check or a person looks for),
    /// also in the summary note's marker.
    pub status_name: String,
    /// Set the commit status (`running` at the start, the verdict at the end).
    pub status: bool,
    /// Time all requests together may take, [`Publisher::start`] and
    /// [`Publisher::finish`] included; the scan in between does not count.
    pub timeout: Duration,
}

/// How publishing went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    /// The token may not write (401/403/404): the caller falls back to the
    /// job log and the reports.
    pub permission_denied: bool,
    /// Something failed that retrying did not fix, or GitLab rejected a request.
    pub failed: bool,
    /// The summary note, created or edited.
    pub note_id: Option<u64>,
    /// The note was there from an earlier run and was edited (or already right).
    pub note_reused: bool,
    pub discussions_created: usize,
    pub discussions_edited: usize,
    /// Discussions from an earlier run that already say the same.
    pub discussions_kept: usize,
    /// Findings on lines that are not in the merge request's diff (GitLab
    /// answered 400): in the summary note only.
    pub discussions_outside_diff: usize,
}

/// A discussion gate started earlier: discussion id, first note id, body.
type Existing = HashMap<String, (String, u64, String)>;

/// The merge request's `diff_refs`: where an inline discussion is positioned.
struct DiffRefs {
    base: String,
    start: String,
    head: String,
}

/// Publishes one run of the gate for one commit.
pub struct Publisher {
    client: Client,
    ctx: Context,
    opts: Options,
    /// What is left of `opts.timeout`.
    state: Published,
}

/// A discussion id as GitLab writes it (hex), safe in a path.
fn discussion_id(v: &Value) -> Option<String> {
    v.as_str()
        .filter(|s| !s.is_empty() && s.len() <= 64 && s.bytes().all(|b| b.is_ascii_alphanumeric()))
        .map(str::to_string)
}

impl Publisher {
    /// A publisher for `ctx`, talking through `client`.
    pub fn new(mut client: Client, ctx: Context, opts: Options) -> Publisher {
        client.set_budget(opts.timeout);
        Publisher {
            client,
            ctx,
            opts,
            state: Published::default(),
        }
    }

    /// Check every request body from now on for the run's secrets.
    pub fn set_guard(&mut self, secrets: SecretSpans) {
        self.client.set_guard(secrets);
    }

    /// `/projects/:id/merge_requests/:iid` of the merge request's project.
    fn mr_path(&self, iid: u64) -> String {
        let project = self
            .ctx
            .merge_request
            .as_ref()
            .map_or(self.ctx.project.as_str(), |m| m.project.as_str());
        format!("/projects/{project}/merge_requests/{iid}")
    }

    fn record(&mut self, what: &str, e: &ApiError) {
        if e.is_permission() {
            if !self.state.permission_denied {
                eprintln!(
                    "gate: gitlab: {what}: {e} — the token cannot write here (a CI_JOB_TOKEN cannot post notes or commit statuses; set GITLAB_TOKEN to a project access token with the `api` scope, Developer role); falling back to the job log and the reports"
                );
            }
            self.state.permission_denied = true;
        } else {
            eprintln!("gate: gitlab: error: {what}: {e}");
            self.state.failed = true;
        }
    }

    /// Start: a `running` commit status.
    pub async fn start(&mut self) {
        if !self.opts.status {
            return;
        }
        self.client.arm();
        self.post_status("running", "gate is scanning").await;
        self.client.disarm();
    }

    /// Finish: the summary note, the discussions, the final status.
    pub async fn finish(&mut self, plan: &Plan) -> Published {
        if self.client.budget_spent("gitlab", self.opts.timeout) {
            self.state.failed = true;
            return self.state.clone();
        }
        self.client.arm();
        self.finish_within_deadline(plan).await;
        self.client.disarm();
        self.state.clone()
    }

    async fn finish_within_deadline(&mut self, plan: &Plan) {
        match self.ctx.merge_request.as_ref().map(|m| m.iid) {
            Some(iid) if !self.state.permission_denied => {
                if let Err(e) = self.upsert_note(iid, plan).await {
                    self.record("posting the summary note", &e);
                }
                if !self.state.permission_denied && !plan.discussions.is_empty() {
                    if let Err(e) = self.discussions(iid, plan).await {
                        if e.is_permission() {
                            self.record("starting discussions", &e);
                        } else {
                            // Discussions repeat the note: their failure is reported, not fatal.
                            eprintln!("gate: gitlab: warning: starting discussions: {e}");
                        }
                    }
                }
            }
            Some(_) => {}
            None => eprintln!(
                "gate: gitlab: not a merge request pipeline: commit status only, no note or discussions"
            ),
        }
        if self.opts.status && !self.state.permission_denied {
            self.post_status(plan.status_state, &plan.status_description)
                .await;
        }
    }

    async fn post_status(&mut self, state: &str, description: &str) {
        let mut body = json!({
            "state": state,
            "name": self.opts.status_name,
            "description": description,
        });
        if let Some(url) = &self.ctx.target_url {
            body["target_url"] = json!(url);
        }
        if let Some(id) = self.ctx.pipeline_id {
            body["pipeline_id"] = json!(id);
        }
        let path = format!("{}/statuses/{}", self.ctx.project_path(), self.ctx.head_sha);
        // A status replaces the previous one of its name: re-sending is harmless.
        match self
            .client
            .send(Method::POST, &path, Some(&body), None)
            .await
        {
            Ok(_) => {}
            // The status already is in this state (a retried POST that went through).
            Err(ApiError::Rejected {
                status: 400,
                message,
            }) if message.contains("Cannot transition status") => {}
            Err(e) => self.record("setting the commit status", &e),
        }
    }

    /// Every page of a merge request list (`notes`, `discussions`), until
    /// `stop` finds what it looks for or a page comes back short (GitLab
    /// fills every page but the last to `per_page`, at most 100, so a short
    /// page is the last without reading `x-next-page`).
    async fn pages(
        &self,
        path: &str,
        mut stop: impl FnMut(&Value) -> bool,
    ) -> Result<(), ApiError> {
        for page in 1..=MAX_PAGES {
            let list = self
                .client
                .get(&format!("{path}?per_page={PER_PAGE}&page={page}"))
                .await?;
            let items = list.as_array().map_or(&[][..], Vec::as_slice);
            if items.iter().any(&mut stop) || items.len() < PER_PAGE {
                return Ok(());
            }
        }
        Ok(())
    }

    /// The summary note of an earlier run (found by its marker): id and body.
    async fn find_note(&self, iid: u64) -> Result<Option<(u64, String)>, ApiError> {
        let marker = summary_marker(&self.opts.status_name);
        let mut found = None;
        self.pages(&format!("{}/notes", self.mr_path(iid)), |n| {
            let body = n["body"].as_str().unwrap_or_default();
            let hit = n["system"] != json!(true) && body.starts_with(&marker);
            if hit {
                found = n["id"].as_u64().map(|id| (id, body.to_string()));
            }
            found.is_some()
        })
        .await?;
        Ok(found)
    }

    async fn upsert_note(&mut self, iid: u64, plan: &Plan) -> Result<(), ApiError> {
        let notes = format!("{}/notes", self.mr_path(iid));
        let body = json!({"body": plan.note});
        match self.find_note(iid).await? {
            Some((id, old)) if old == plan.note => {
                eprintln!("gate: gitlab: re-run: summary note {id} already says this");
                self.state.note_id = Some(id);
                self.state.note_reused = true;
            }
            Some((id, _)) => {
                eprintln!(
                    "gate: gitlab: re-run: editing summary note {id} instead of adding another"
                );
                // PUT replaces the body: re-sending it is harmless.
                match self
                    .client
                    .send(Method::PUT, &format!("{notes}/{id}"), Some(&body), None)
                    .await
                {
                    Ok(_) => {
                        self.state.note_id = Some(id);
                        self.state.note_reused = true;
                    }
                    // Someone else's note that carries gate's marker: post gate's own.
                    Err(e) if e.is_permission() => {
                        eprintln!(
                            "gate: gitlab: summary note {id} cannot be edited with this token ({e}); posting another"
                        );
                        self.create_note(iid, &body).await?;
                    }
                    Err(e) => return Err(e),
                }
            }
            None => self.create_note(iid, &body).await?,
        }
        Ok(())
    }

    /// POST the summary note; after a failure that may have gone through,
    /// it is looked up (by its marker and body) before it is sent again.
    async fn create_note(&mut self, iid: u64, body: &Value) -> Result<(), ApiError> {
        let notes = format!("{}/notes", self.mr_path(iid));
        let this = &*self;
        let want = body["body"].as_str().unwrap_or_default();
        let lookup = || -> std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> {
            Box::pin(async move {
                Ok(this
                    .find_note(iid)
                    .await?
                    .filter(|(_, old)| old == want)
                    .map(|(id, _)| json!({ "id": id })))
            })
        };
        let created = self
            .client
            .send(Method::POST, &notes, Some(body), Some(&lookup))
            .await?;
        self.state.note_id = created["id"].as_u64();
        Ok(())
    }

    /// Discussions gate started earlier, by the fingerprint in their marker.
    async fn our_discussions(&self, iid: u64) -> Result<Existing, ApiError> {
        let mut found = Existing::new();
        self.pages(&format!("{}/discussions", self.mr_path(iid)), |d| {
            let first = &d["notes"][0];
            let body = first["body"].as_str().unwrap_or_default();
            if let (Some(fp), Some(id), Some(note)) = (
                marked_fingerprint(body),
                discussion_id(&d["id"]),
                first["id"].as_u64(),
            ) {
                found.insert(fp.to_string(), (id, note, body.to_string()));
            }
            false
        })
        .await?;
        Ok(found)
    }

    async fn discussions(&mut self, iid: u64, plan: &Plan) -> Result<(), ApiError> {
        let mr = self.client.get(&self.mr_path(iid)).await?;
        let refs = &mr["diff_refs"];
        // Commit ids only: they go back in request bodies and in the log.
        let sha = |k: &str| {
            refs[k]
                .as_str()
                .filter(|v| (7..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_hexdigit()))
                .map(str::to_string)
        };
        let (Some(base), Some(start), Some(head)) =
            (sha("base_sha"), sha("start_sha"), sha("head_sha"))
        else {
            eprintln!(
                "gate: gitlab: the merge request has no diff yet (no usable diff_refs): no inline discussions; the summary note lists the findings"
            );
            return Ok(());
        };
        if head != self.ctx.head_sha {
            eprintln!(
                "gate: gitlab: the merge request's head is now {head}, not the scanned {}: its lines may have moved, so no inline discussions; the summary note lists the findings",
                self.ctx.head_sha
            );
            return Ok(());
        }
        let existing = self.our_discussions(iid).await?;
        let refs = DiffRefs { base, start, head };
        for d in &plan.discussions {
            match existing.get(&d.fingerprint) {
                Some((_, _, body)) if *body == d.body => self.state.discussions_kept += 1,
                Some((id, note, _)) => {
                    let edit = format!("{}/discussions/{id}/notes/{note}", self.mr_path(iid));
                    let body = json!({"body": d.body});
                    match self
                        .client
                        .send(Method::PUT, &edit, Some(&body), None)
                        .await
                    {
                        Ok(_) => self.state.discussions_edited += 1,
                        // Someone else's note that carries gate's marker: start gate's own.
                        Err(e) if e.is_permission() => {
                            eprintln!(
                                "gate: gitlab: discussion {id} cannot be edited with this token ({e}); starting another"
                            );
                            self.start_discussion(iid, d, &refs).await?;
                        }
                        Err(e) => return Err(e),
                    }
                }
                None => self.start_discussion(iid, d, &refs).await?,
            }
        }
        eprintln!(
            "gate: gitlab: discussions: {} started, {} edited, {} already there, {} outside the diff",
            self.state.discussions_created,
            self.state.discussions_edited,
            self.state.discussions_kept,
            self.state.discussions_outside_diff
        );
        Ok(())
    }

    /// Start the discussion of `d` on its line. A line GitLab does not take
    /// as part of the diff (400) is left to the summary note.
    async fn start_discussion(
        &mut self,
        iid: u64,
        d: &Discussion,
        refs: &DiffRefs,
    ) -> Result<(), ApiError> {
        let path = format!("{}/discussions", self.mr_path(iid));
        let body = json!({
            "body": d.body,
            "position": {
                "position_type": "text",
                "base_sha": refs.base,
                "start_sha": refs.start,
                "head_sha": refs.head,
                "old_path": d.path,
                "new_path": d.path,
                "new_line": d.line,
            },
        });
        let this = &*self;
        let lookup = || -> std::pin::Pin<Box<dyn std::future::Future<Output = _> + '_>> {
            Box::pin(async move {
                let now = this.our_discussions(iid).await?;
                Ok(now
                    .get(&d.fingerprint)
                    .filter(|(_, _, b)| *b == d.body)
                    .map(|_| Value::Null))
            })
        };
        match self
            .client
            .send(Method::POST, &path, Some(&body), Some(&lookup))
            .await
        {
            Ok(_) => self.state.discussions_created += 1,
            Err(ApiError::Rejected {
                status: 400,
                message,
            }) => {
                eprintln!(
                    "gate: gitlab: {}:{} is not a line of the merge request's diff ({message}): in the summary note only",
                    d.path, d.line
                );
                self.state.discussions_outside_diff += 1;
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }
}
