//! Where `gate gitlab` runs: API, project, commit and merge request, read
//! from the GitLab CI environment (`CI_*`) and the command line. Pure given
//! both; every value that goes into a request path is checked here.

use std::collections::HashMap;

use crate::publish::check_api_url;
use crate::publish::scrub::Scrubber;

/// The API when neither `--api-url`, `CI_API_V4_URL` nor `CI_SERVER_URL` says.
pub const DEFAULT_API_URL: &str = "https://gitlab.com/api/v4";

/// The merge request a pipeline belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeRequest {
    /// The project the merge request belongs to, as it goes in a path:
    /// `CI_MERGE_REQUEST_PROJECT_ID`, which differs from the pipeline's
    /// project when a fork's merge request runs its pipeline in the fork.
    pub project: String,
    /// The project-scoped number (`!7`), `CI_MERGE_REQUEST_IID`.
    pub iid: u64,
    /// The commit the merge request's changes are measured from
    /// (`CI_MERGE_REQUEST_DIFF_BASE_SHA`).
    pub diff_base_sha: Option<String>,
}

/// Everything publishing needs to know about the pipeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Context {
    /// API base URL without a trailing slash (`https://host/gitlab/api/v4`
    /// on a self-managed instance under a relative URL).
    pub api_url: String,
    /// The project as it goes in a path: its numeric id, or its full path
    /// URL-encoded (`group%2Fsub%2Fproject`).
    pub project: String,
    /// The commit the status is set on: the merge request's source commit
    /// in a merged-results pipeline, else the pipeline's commit.
    pub head_sha: String,
    pub merge_request: Option<MergeRequest>,
    /// The running pipeline, to attach the commit status to it (only when
    /// the status goes on the pipeline's own commit).
    pub pipeline_id: Option<u64>,
    /// Link to the pipeline, for the summary note.
    pub pipeline_url: Option<String>,
    /// Link for the commit status: the job, else the pipeline.
    pub target_url: Option<String>,
    /// What the caller should say on stderr.
    pub warnings: Vec<String>,
}

/// Why the context could not be read (the gate exits 2).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("{0}")]
pub struct ContextError(pub String);

/// Overrides from the command line (for runs outside GitLab CI).
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    pub project: Option<String>,
    pub merge_request: Option<u64>,
    pub sha: Option<String>,
    pub api_url: Option<String>,
}

/// A value for a message: quoted and escaped, cut when long, credentials masked.
fn shown(v: &str) -> String {
    const MAX: usize = 80;
    let v = Scrubber::new("").scrub(v);
    if v.chars().count() > MAX {
        let cut: String = v.chars().take(MAX).collect();
        format!("{cut:?}…")
    } else {
        format!("{v:?}")
    }
}

/// A commit SHA: 7 to 64 hexadecimal digits.
fn is_sha(v: &str) -> bool {
    (7..=64).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The project as a path segment: digits as they are, a full path
/// (`group/sub/project`, or already encoded with `%2F`) encoded. Only the
/// characters GitLab allows in namespace and project paths pass; no `..`.
fn project_segment(v: &str) -> Option<String> {
    if !v.is_empty() && v.len() <= 20 && v.bytes().all(|b| b.is_ascii_digit()) {
        return v.parse::<u64>().ok().map(|n| n.to_string());
    }
    let path = v.replace("%2F", "/").replace("%2f", "/");
    let ok = !path.is_empty()
        && path.len() <= 1024
        && path.split('/').count() >= 2
        && path.split('/').all(|seg| {
            !seg.is_empty()
                && seg != "."
                && seg != ".."
                && seg
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        });
    ok.then(|| path.replace('/', "%2F"))
}

/// A link gate may publish: http(s), no credentials, nothing a Markdown
/// link or a header would trip over. Anything else is dropped with a warning.
fn link(name: &str, v: Option<String>, warnings: &mut Vec<String>) -> Option<String> {
    let v = v?;
    let ok = (v.starts_with("https://") || v.starts_with("http://"))
        && check_api_url(&v).is_ok()
        && !v
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '(' | ')' | '<' | '>'));
    if ok {
        Some(v)
    } else {
        warnings.push(format!(
            "${name} {} is not an http(s) URL gate can link to; no link is published",
            shown(&v)
        ));
        None
    }
}

impl Context {
    /// Read the context from the environment and the command line.
    pub fn from_env(env: &HashMap<String, String>, o: &Overrides) -> Result<Context, ContextError> {
        let get = |k: &str| env.get(k).filter(|v| !v.is_empty()).cloned();
        let mut warnings = Vec::new();
        let (api_url, from) = match (
            o.api_url.clone(),
            get("CI_API_V4_URL"),
            get("CI_SERVER_URL"),
        ) {
            (Some(u), _, _) => (u, "--api-url"),
            (None, Some(u), _) => (u, "$CI_API_V4_URL"),
            (None, None, Some(server)) => (
                format!("{}/api/v4", server.trim_end_matches('/')),
                "$CI_SERVER_URL",
            ),
            (None, None, None) => (DEFAULT_API_URL.to_string(), "the default"),
        };
        let api_url = api_url.trim_end_matches('/').to_string();
        if let Err(why) = check_api_url(&api_url) {
            return Err(ContextError(format!(
                "API URL {} (from {from}): {}",
                shown(&api_url),
                Scrubber::new("").scrub(&why)
            )));
        }
        let (project_raw, from) = match (o.project.clone(), get("CI_PROJECT_ID")) {
            (Some(p), _) => (p, "--project"),
            (None, Some(p)) => (p, "$CI_PROJECT_ID"),
            (None, None) => {
                return Err(ContextError(
                    "CI_PROJECT_ID is not set (run inside GitLab CI or pass --project ID or GROUP/PROJECT)"
                        .into(),
                ))
            }
        };
        let project = project_segment(&project_raw).ok_or_else(|| {
            ContextError(format!(
                "project {} (from {from}) is neither a numeric id nor GROUP/PROJECT (letters, digits, `-`, `_`, `.`)",
                shown(&project_raw)
            ))
        })?;
        let iid = match (o.merge_request, get("CI_MERGE_REQUEST_IID")) {
            (Some(n), _) => Some(n),
            (None, Some(raw)) => {
                Some(raw.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| {
                    ContextError(format!(
                        "CI_MERGE_REQUEST_IID {} is not a merge request number",
                        shown(&raw)
                    ))
                })?)
            }
            (None, None) => None,
        };
        let mr_project = match (&o.project, get("CI_MERGE_REQUEST_PROJECT_ID")) {
            (None, Some(raw)) if iid.is_some() => project_segment(&raw).ok_or_else(|| {
                ContextError(format!(
                    "CI_MERGE_REQUEST_PROJECT_ID {} is not a project id",
                    shown(&raw)
                ))
            })?,
            _ => project.clone(),
        };
        let diff_base_sha = match get("CI_MERGE_REQUEST_DIFF_BASE_SHA") {
            Some(sha) if is_sha(&sha) => Some(sha),
            Some(sha) => {
                return Err(ContextError(format!(
                    "CI_MERGE_REQUEST_DIFF_BASE_SHA {} is not a commit SHA",
                    shown(&sha)
                )))
            }
            None => None,
        };
        let pipeline_sha = get("CI_COMMIT_SHA");
        let (head_sha, from) = match (
            o.sha.clone(),
            get("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"),
            pipeline_sha.clone(),
        ) {
            (Some(s), _, _) => (s, "--sha"),
            (None, Some(s), _) if iid.is_some() => (s, "$CI_MERGE_REQUEST_SOURCE_BRANCH_SHA"),
            (None, _, Some(s)) => (s, "$CI_COMMIT_SHA"),
            (None, _, None) => {
                return Err(ContextError(
                    "no commit to report on: CI_COMMIT_SHA is not set (pass --sha)".into(),
                ))
            }
        };
        if !is_sha(&head_sha) {
            return Err(ContextError(format!(
                "commit {} (from {from}) is not a SHA",
                shown(&head_sha)
            )));
        }
        let pipeline_id = match get("CI_PIPELINE_ID") {
            Some(raw) => Some(raw.parse::<u64>().map_err(|_| {
                ContextError(format!(
                    "CI_PIPELINE_ID {} is not a pipeline id",
                    shown(&raw)
                ))
            })?),
            None => None,
        }
        // A status on another commit than the pipeline's cannot join it.
        .filter(|_| pipeline_sha.as_deref() == Some(head_sha.as_str()));
        let pipeline_url = link("CI_PIPELINE_URL", get("CI_PIPELINE_URL"), &mut warnings);
        let job_url = link("CI_JOB_URL", get("CI_JOB_URL"), &mut warnings);
        Ok(Context {
            api_url,
            project,
            head_sha,
            merge_request: iid.map(|iid| MergeRequest {
                project: mr_project,
                iid,
                diff_base_sha,
            }),
            pipeline_id,
            target_url: job_url.or_else(|| pipeline_url.clone()),
            pipeline_url,
            warnings,
        })
    }

    /// The revision a merge request's changes are measured from.
    pub fn diff_base(&self) -> Option<String> {
        self.merge_request.as_ref()?.diff_base_sha.clone()
    }

    /// `/projects/:id`.
    pub fn project_path(&self) -> String {
        format!("/projects/{}", self.project)
    }

    /// `/projects/:id/merge_requests/:iid` (None outside a merge request).
    pub fn merge_request_path(&self) -> Option<String> {
        let mr = self.merge_request.as_ref()?;
        Some(format!(
            "/projects/{}/merge_requests/{}",
            mr.project, mr.iid
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const SHA: &str = "0123456789abcdef0123456789abcdef01234567";
    const SRC: &str = "89abcdef0123456789abcdef0123456789abcdef";

    fn mr_env() -> Vec<(&'static str, &'static str)> {
        vec![
            ("CI_API_V4_URL", "https://gitlab.example/gitlab/api/v4/"),
            ("CI_PROJECT_ID", "42"),
            ("CI_MERGE_REQUEST_IID", "7"),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", SRC),
            ("CI_COMMIT_SHA", SHA),
            ("CI_PIPELINE_ID", "1001"),
            (
                "CI_PIPELINE_URL",
                "https://gitlab.example/g/p/-/pipelines/1001",
            ),
            ("CI_JOB_URL", "https://gitlab.example/g/p/-/jobs/5"),
        ]
    }

    #[test]
    fn a_merge_request_pipeline_is_read_from_the_ci_variables() {
        let c = Context::from_env(&env(&mr_env()), &Overrides::default()).unwrap();
        assert_eq!(c.api_url, "https://gitlab.example/gitlab/api/v4");
        assert_eq!(c.project_path(), "/projects/42");
        assert_eq!(
            c.merge_request_path().as_deref(),
            Some("/projects/42/merge_requests/7")
        );
        assert_eq!(c.head_sha, SHA);
        assert_eq!(c.diff_base().as_deref(), Some(SRC));
        assert_eq!(c.merge_request.as_ref().unwrap().iid, 7);
        assert_eq!(c.pipeline_id, Some(1001));
        assert_eq!(
            c.target_url.as_deref(),
            Some("https://gitlab.example/g/p/-/jobs/5")
        );
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn a_merged_results_pipeline_reports_on_the_source_commit_outside_the_pipeline() {
        let mut e = mr_env();
        e.push(("CI_MERGE_REQUEST_SOURCE_BRANCH_SHA", SRC));
        let c = Context::from_env(&env(&e), &Overrides::default()).unwrap();
        assert_eq!(c.head_sha, SRC);
        assert_eq!(c.pipeline_id, None);
    }

    #[test]
    fn a_forks_merge_request_is_addressed_in_the_target_project() {
        let mut e = mr_env();
        e.push(("CI_MERGE_REQUEST_PROJECT_ID", "7001"));
        let c = Context::from_env(&env(&e), &Overrides::default()).unwrap();
        assert_eq!(c.project_path(), "/projects/42");
        assert_eq!(
            c.merge_request_path().as_deref(),
            Some("/projects/7001/merge_requests/7")
        );
        e.push(("CI_MERGE_REQUEST_PROJECT_ID", "7001/.."));
        e.retain(|(k, v)| *k != "CI_MERGE_REQUEST_PROJECT_ID" || *v != "7001");
        let err = Context::from_env(&env(&e), &Overrides::default()).unwrap_err();
        assert!(err.0.contains("CI_MERGE_REQUEST_PROJECT_ID"), "{err}");
    }

    #[test]
    fn a_project_path_is_encoded_and_garbage_refused() {
        let mut e = mr_env();
        e.retain(|(k, _)| *k != "CI_PROJECT_ID");
        let o = |p: &str| Overrides {
            project: Some(p.into()),
            ..Overrides::default()
        };
        let c = Context::from_env(&env(&e), &o("group/sub/app")).unwrap();
        assert_eq!(c.project, "group%2Fsub%2Fapp");
        let c = Context::from_env(&env(&e), &o("group%2Fapp")).unwrap();
        assert_eq!(c.project, "group%2Fapp");
        for bad in [
            "../../users",
            "app",
            "g/../x",
            "g/a?b",
            "g/a b",
            "",
            "99999999999999999999999",
        ] {
            let err = Context::from_env(&env(&e), &o(bad)).unwrap_err();
            assert!(err.0.contains("neither a numeric id"), "{bad}: {err}");
        }
        let err = Context::from_env(&env(&e), &Overrides::default()).unwrap_err();
        assert!(err.0.contains("CI_PROJECT_ID is not set"), "{err}");
    }

    #[test]
    fn hostile_values_are_named_errors_and_credentials_are_not_shown() {
        for (k, v, says) in [
            (
                "CI_MERGE_REQUEST_IID",
                "7; rm",
                "CI_MERGE_REQUEST_IID \"7; rm\"",
            ),
            ("CI_MERGE_REQUEST_IID", "0", "not a merge request number"),
            ("CI_COMMIT_SHA", "../../x", "is not a SHA"),
            ("CI_MERGE_REQUEST_DIFF_BASE_SHA", "main", "not a commit SHA"),
            ("CI_PIPELINE_ID", "-1", "not a pipeline id"),
            (
                "CI_API_V4_URL",
                "ftp://gitlab.example/api/v4",
                "is not http or https",
            ),
            (
                "CI_API_V4_URL",
                "https://root:hunter2@gitlab.example/api/v4",
                "holds credentials",
            ),
        ] {
            let mut e = mr_env();
            e.retain(|(name, _)| *name != k);
            e.push((k, v));
            let err = Context::from_env(&env(&e), &Overrides::default()).unwrap_err();
            assert!(err.0.contains(says), "{k}={v}: {err}");
            assert!(!err.0.contains("hunter2"), "{err}");
        }
    }

    #[test]
    fn a_branch_pipeline_has_no_merge_request_and_unusable_links_are_dropped() {
        let e = env(&[
            ("CI_SERVER_URL", "https://gitlab.example"),
            ("CI_PROJECT_ID", "42"),
            ("CI_COMMIT_SHA", SHA),
            ("CI_PIPELINE_URL", "javascript:alert(1)"),
        ]);
        let c = Context::from_env(&e, &Overrides::default()).unwrap();
        assert_eq!(c.api_url, "https://gitlab.example/api/v4");
        assert_eq!(c.merge_request, None);
        assert_eq!(c.pipeline_url, None);
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
    }
}
