//! Where `gate github` runs: repository, API, commit and pull request, read
//! from the Actions environment and the event payload (pure given both).

use std::collections::HashMap;

use serde_json::Value;

/// The public API when `GITHUB_API_URL` is not set.
pub const DEFAULT_API_URL: &str = "https://api.github.com";

/// The pull request a run belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullRequest {
    pub number: u64,
    /// The commit the PR is based on (`pull_request.base.sha`).
    pub base_sha: Option<String>,
    /// The branch the PR targets (`pull_request.base.ref`).
    pub base_ref: Option<String>,
    /// The head repository differs from the base one: the token is read-only.
    pub from_fork: bool,
}

/// Everything publishing needs to know about the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    pub owner: String,
    pub repo: String,
    /// API base URL without a trailing slash (`https://ghe.example/api/v3` on Enterprise).
    pub api_url: String,
    /// The commit to annotate: the PR head, never the test merge commit.
    pub head_sha: String,
    pub event: String,
    pub pull_request: Option<PullRequest>,
    /// Link to the workflow run, for `details_url` / `target_url`.
    pub run_url: Option<String>,
    /// What the caller should say on stderr: a guess made where the event
    /// did not say (the commit to annotate, above all).
    pub warnings: Vec<String>,
}

/// Why the context could not be read (the gate exits 2).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct ContextError(pub String);

/// Overrides from the command line (for CI systems outside Actions).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub repository: Option<String>,
    pub sha: Option<String>,
    pub pull_request: Option<u64>,
    pub api_url: Option<String>,
}

/// A value for a message: quoted and escaped, cut when long.
fn shown(v: &str) -> String {
    const MAX: usize = 80;
    if v.chars().count() > MAX {
        let cut: String = v.chars().take(MAX).collect();
        format!("{cut:?}…")
    } else {
        format!("{v:?}")
    }
}

/// Whether `v` may go into an API path as one segment of this kind: only
/// the characters GitHub allows in owner and repository names (no `/`,
/// `..` traversal, spaces or control characters), or a commit SHA's.
fn path_segment_ok(v: &str, sha: bool) -> bool {
    let max = if sha { 64 } else { 100 };
    !v.is_empty()
        && v.len() <= max
        && v != "."
        && v != ".."
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || (!sha && matches!(b, b'-' | b'_' | b'.')))
}

fn s(v: &Value, path: &[&str]) -> Option<String> {
    let mut cur = v;
    for p in path {
        cur = cur.get(p)?;
    }
    cur.as_str().map(str::to_string).filter(|x| !x.is_empty())
}

impl Context {
    /// Read the context from environment variables and the event payload
    /// (`GITHUB_EVENT_PATH`'s contents, `Value::Null` when there is none).
    pub fn from_env(
        env: &HashMap<String, String>,
        payload: &Value,
        o: &Overrides,
    ) -> Result<Context, ContextError> {
        let get = |k: &str| env.get(k).filter(|v| !v.is_empty()).cloned();
        let repository = o
            .repository
            .clone()
            .or_else(|| get("GITHUB_REPOSITORY"))
            .or_else(|| s(payload, &["repository", "full_name"]))
            .ok_or_else(|| {
                ContextError(
                    "GITHUB_REPOSITORY is not set (run inside GitHub Actions or pass --repository OWNER/NAME)".into(),
                )
            })?;
        let (owner, repo) = repository
            .split_once('/')
            .filter(|(a, b)| path_segment_ok(a, false) && path_segment_ok(b, false))
            .ok_or_else(|| {
                ContextError(format!(
                    "repository {} is not OWNER/NAME (letters, digits, `-`, `_`, `.`)",
                    shown(&repository)
                ))
            })?;
        let api_url = o
            .api_url
            .clone()
            .or_else(|| get("GITHUB_API_URL"))
            .unwrap_or_else(|| DEFAULT_API_URL.to_string())
            .trim_end_matches('/')
            .to_string();
        let event = get("GITHUB_EVENT_NAME").unwrap_or_default();
        let pr_value = payload
            .get("pull_request")
            .filter(|v| v.is_object())
            .cloned();
        let mut pull_request = pr_value.as_ref().and_then(|pr| {
            let number = pr.get("number")?.as_u64()?;
            let head_repo = s(pr, &["head", "repo", "full_name"]);
            let base_repo = s(pr, &["base", "repo", "full_name"]);
            Some(PullRequest {
                number,
                base_sha: s(pr, &["base", "sha"]),
                base_ref: s(pr, &["base", "ref"]),
                from_fork: matches!((&head_repo, &base_repo), (Some(h), Some(b)) if h != b),
            })
        });
        // workflow_run: the run that triggered us, and its PR if it had one.
        let workflow_run = payload.get("workflow_run").filter(|v| v.is_object());
        if pull_request.is_none() {
            if let Some(pr) = workflow_run
                .and_then(|w| w.get("pull_requests"))
                .and_then(Value::as_array)
                .and_then(|a| a.first())
            {
                if let Some(number) = pr.get("number").and_then(Value::as_u64) {
                    pull_request = Some(PullRequest {
                        number,
                        base_sha: s(pr, &["base", "sha"]),
                        base_ref: s(pr, &["base", "ref"]),
                        from_fork: s(
                            workflow_run.unwrap_or(&Value::Null),
                            &["head_repository", "full_name"],
                        )
                        .is_some_and(|h| h != repository),
                    });
                }
            }
        }
        if let Some(n) = o.pull_request {
            match &mut pull_request {
                Some(pr) => pr.number = n,
                None => {
                    pull_request = Some(PullRequest {
                        number: n,
                        base_sha: None,
                        base_ref: None,
                        from_fork: false,
                    })
                }
            }
        }
        let mut warnings = Vec::new();
        let from_event = pr_value
            .as_ref()
            .and_then(|pr| s(pr, &["head", "sha"]))
            .or_else(|| workflow_run.and_then(|w| s(w, &["head_sha"])))
            .or_else(|| s(payload, &["merge_group", "head_sha"]))
            .or_else(|| s(payload, &["after"]).filter(|a| a.chars().any(|c| c != '0')));
        let head_sha = match o.sha.clone().or(from_event) {
            Some(sha) => sha,
            None => {
                let sha = get("GITHUB_SHA").ok_or_else(|| {
                    ContextError(
                        "no commit to report on: the event has no head sha and GITHUB_SHA is not set (pass --sha)".into(),
                    )
                })?;
                if let Some(w) = sha_fallback_warning(&event, payload, pr_value.is_some(), &sha) {
                    warnings.push(w);
                }
                sha
            }
        };
        if !path_segment_ok(&head_sha, true) {
            return Err(ContextError(format!(
                "commit {} is not a SHA (from --sha, the event payload or GITHUB_SHA)",
                shown(&head_sha)
            )));
        }
        let run_url = match (get("GITHUB_SERVER_URL"), get("GITHUB_RUN_ID")) {
            (Some(server), Some(id)) => Some(format!(
                "{}/{repository}/actions/runs/{id}",
                server.trim_end_matches('/')
            )),
            _ => None,
        };
        Ok(Context {
            owner: owner.to_string(),
            repo: repo.to_string(),
            api_url,
            head_sha,
            event,
            pull_request,
            run_url,
            warnings,
        })
    }

    /// The revision a pull request's changes are measured from.
    pub fn diff_base(&self) -> Option<String> {
        let pr = self.pull_request.as_ref()?;
        pr.base_sha
            .clone()
            .or_else(|| pr.base_ref.as_ref().map(|r| format!("origin/{r}")))
    }
}

/// What to say when an event that names its commit did not, and GITHUB_SHA
/// stands in: for a pull request that is the test merge commit, whose
/// annotations GitHub does not show on the pull request.
fn sha_fallback_warning(event: &str, payload: &Value, has_pr: bool, sha: &str) -> Option<String> {
    let (field, consequence) = if has_pr || event.starts_with("pull_request") {
        (
            "pull_request.head.sha",
            "for a pull request that is the test merge commit, not the pull request's head: the check run and annotations may not show on the pull request",
        )
    } else if event == "merge_group" {
        (
            "merge_group.head_sha",
            "the check run may not be the one the merge queue waits for",
        )
    } else if event == "workflow_run" {
        (
            "workflow_run.head_sha",
            "that is the default branch's commit, not the triggering run's",
        )
    } else {
        return None;
    };
    let missing = if payload.is_null() {
        "there is no event payload (GITHUB_EVENT_PATH is not set)".to_string()
    } else if event.is_empty() {
        format!("the event payload has no {field}")
    } else {
        format!("the {event} event payload has no {field}")
    };
    Some(format!(
        "{missing}; reporting on GITHUB_SHA ({sha}) instead: {consequence} (pass --sha to choose)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn pull_request_uses_the_head_sha_not_the_merge_commit() {
        let payload = json!({"pull_request": {"number": 7,
            "head": {"sha": "head1", "repo": {"full_name": "fork/app"}},
            "base": {"sha": "base1", "ref": "main", "repo": {"full_name": "acme/app"}}}});
        let e = env(&[
            ("GITHUB_REPOSITORY", "acme/app"),
            ("GITHUB_SHA", "merge1"),
            ("GITHUB_EVENT_NAME", "pull_request"),
        ]);
        let c = Context::from_env(&e, &payload, &Overrides::default()).unwrap();
        assert_eq!(c.head_sha, "head1");
        assert_eq!(c.api_url, DEFAULT_API_URL);
        let pr = c.pull_request.clone().unwrap();
        assert_eq!(pr.number, 7);
        assert!(pr.from_fork);
        assert_eq!(c.diff_base().as_deref(), Some("base1"));
    }

    #[test]
    fn push_and_workflow_run_events() {
        let e = env(&[
            ("GITHUB_REPOSITORY", "acme/app"),
            ("GITHUB_SHA", "sha0"),
            ("GITHUB_API_URL", "https://ghe.example/api/v3/"),
        ]);
        let push =
            Context::from_env(&e, &json!({"after": "pushed"}), &Overrides::default()).unwrap();
        assert_eq!(push.head_sha, "pushed");
        assert_eq!(push.api_url, "https://ghe.example/api/v3");
        assert!(push.pull_request.is_none());
        let deleted = json!({"after": "0000000000000000000000000000000000000000"});
        assert_eq!(
            Context::from_env(&e, &deleted, &Overrides::default())
                .unwrap()
                .head_sha,
            "sha0"
        );
        let wr = json!({"workflow_run": {"head_sha": "wr1",
            "pull_requests": [{"number": 3, "base": {"sha": "b3", "ref": "main"}}]}});
        let c = Context::from_env(&e, &wr, &Overrides::default()).unwrap();
        assert_eq!(c.head_sha, "wr1");
        assert_eq!(c.pull_request.unwrap().number, 3);
    }

    #[test]
    fn issue11_p14_a_pull_request_without_head_sha_says_it_falls_back_to_the_merge_commit() {
        let e = env(&[
            ("GITHUB_REPOSITORY", "acme/app"),
            ("GITHUB_SHA", "merge1"),
            ("GITHUB_EVENT_NAME", "pull_request"),
        ]);
        let payload = json!({"pull_request": {"number": 7, "head": {"ref": "feature"}}});
        let c = Context::from_env(&e, &payload, &Overrides::default()).unwrap();
        assert_eq!(c.head_sha, "merge1");
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        let w = &c.warnings[0];
        assert!(w.contains("pull_request.head.sha"), "{w}");
        assert!(w.contains("GITHUB_SHA (merge1)"), "{w}");
        assert!(w.contains("test merge commit"), "{w}");
        // No payload at all in a pull_request run: the same fallback, said.
        let c = Context::from_env(&e, &Value::Null, &Overrides::default()).unwrap();
        assert!(
            c.warnings[0].contains("no event payload"),
            "{:?}",
            c.warnings
        );
        // With the head in the payload, or --sha, there is nothing to say.
        let ok = json!({"pull_request": {"number": 7, "head": {"sha": "head1"}}});
        let c = Context::from_env(&e, &ok, &Overrides::default()).unwrap();
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let o = Overrides {
            sha: Some("abc".into()),
            ..Overrides::default()
        };
        assert!(Context::from_env(&e, &payload, &o)
            .unwrap()
            .warnings
            .is_empty());
        // A push reports on GITHUB_SHA by design: no warning.
        let push = env(&[
            ("GITHUB_REPOSITORY", "acme/app"),
            ("GITHUB_SHA", "sha0"),
            ("GITHUB_EVENT_NAME", "push"),
        ]);
        let c = Context::from_env(&push, &json!({}), &Overrides::default()).unwrap();
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    }

    #[test]
    fn issue11_p14_merge_group_events_report_on_the_groups_head_sha() {
        let e = env(&[
            ("GITHUB_REPOSITORY", "acme/app"),
            ("GITHUB_SHA", "sha0"),
            ("GITHUB_EVENT_NAME", "merge_group"),
        ]);
        let payload = json!({"action": "checks_requested", "merge_group": {
            "head_sha": "mg1", "head_ref": "refs/heads/gh-readonly-queue/main/pr-7-abc",
            "base_sha": "base1", "base_ref": "refs/heads/main"}});
        let c = Context::from_env(&e, &payload, &Overrides::default()).unwrap();
        assert_eq!(c.head_sha, "mg1");
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        let bare = json!({"action": "checks_requested", "merge_group": {}});
        let c = Context::from_env(&e, &bare, &Overrides::default()).unwrap();
        assert_eq!(c.head_sha, "sha0");
        assert!(
            c.warnings[0].contains("merge_group.head_sha"),
            "{:?}",
            c.warnings
        );
    }

    #[test]
    fn issue11_p10_repository_and_sha_that_would_bend_the_api_path_are_refused() {
        for (repo, sha) in [
            ("acme/app", "../../user"),
            ("acme/app", "abc\n"),
            ("acme/app", "abc def"),
            ("acme/../x", "abc"),
            ("ac me/app", "abc"),
            ("acme/app?x=1", "abc"),
        ] {
            let e = env(&[("GITHUB_REPOSITORY", repo), ("GITHUB_SHA", sha)]);
            let err = Context::from_env(&e, &Value::Null, &Overrides::default()).unwrap_err();
            assert!(!err.0.contains('\n'), "{err}");
        }
        let huge = "a".repeat(1 << 20);
        let e = env(&[("GITHUB_REPOSITORY", "acme/app"), ("GITHUB_SHA", &huge)]);
        let err = Context::from_env(&e, &Value::Null, &Overrides::default()).unwrap_err();
        assert!(
            err.0.len() < 300,
            "the message quotes a cut value: {} bytes",
            err.0.len()
        );
    }

    #[test]
    fn missing_repository_is_a_clear_error() {
        let err = Context::from_env(&env(&[]), &Value::Null, &Overrides::default()).unwrap_err();
        assert!(err.0.contains("GITHUB_REPOSITORY"), "{err}");
        let bad = env(&[("GITHUB_REPOSITORY", "nope"), ("GITHUB_SHA", "x")]);
        assert!(Context::from_env(&bad, &Value::Null, &Overrides::default()).is_err());
    }
}
