//! `gate gitlab`: `gate scan` inside a GitLab CI job, then publish the
//! verdict (summary note and inline discussions on the merge request, a
//! commit status). The exit code is the policy's; publishing can only make
//! it stricter, as with `gate github`.

use std::collections::HashMap;
use std::io::Write as _;
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _, Result};

use super::args::GitlabArgs;
use super::forge::{self, publishing_settings, read_token, text_environment};
use super::scan::{analyse, emit, scan};
use super::settings::ScanSettings;
use super::Outcome;
use crate::gitlab::plan::{error_plan, Plan};
use crate::gitlab::{plan, Context, Options, Overrides, Published, Publisher};
use crate::publish::{Api, Client, ClientError, RetryPolicy};
use crate::redact::SecretSpans;

/// The variable GitLab puts the job token in.
const JOB_TOKEN: &str = "CI_JOB_TOKEN";
/// The variables `gate gitlab` reads (besides the token's): only these must
/// be text. Others, such as `CI_COMMIT_MESSAGE`, may hold any bytes.
const READS: [&str; 12] = [
    "CI_API_V4_URL",
    "CI_SERVER_URL",
    "CI_PROJECT_ID",
    "CI_MERGE_REQUEST_PROJECT_ID",
    "CI_MERGE_REQUEST_IID",
    "CI_MERGE_REQUEST_DIFF_BASE_SHA",
    "CI_MERGE_REQUEST_SOURCE_BRANCH_SHA",
    "CI_COMMIT_SHA",
    "CI_PIPELINE_ID",
    "CI_PIPELINE_URL",
    "CI_JOB_URL",
    JOB_TOKEN,
];
/// GitLab's limit on a commit status `name`.
const MAX_STATUS_NAME_CHARS: usize = 255;

/// Why no token will be used: the job token (which cannot post notes or
/// statuses) or nothing at all. Said once, before the scan.
fn no_token_message(env: &HashMap<String, String>, token_env: &str, is_job_token: bool) -> String {
    let job = env.get(JOB_TOKEN).is_some_and(|t| !t.trim().is_empty());
    let head = if is_job_token {
        format!("${token_env} holds the job token ({JOB_TOKEN})")
    } else if job {
        format!("no token in ${token_env}, only {JOB_TOKEN}")
    } else {
        format!("no token in ${token_env}")
    };
    format!(
        "{head}: a job token cannot post merge request notes, discussions or commit statuses; set {token_env} to a project access token with the `api` scope (a masked CI/CD variable). Falling back to the job log and the reports"
    )
}

/// Run `gate gitlab`.
pub fn run(a: &GitlabArgs) -> Result<Outcome> {
    let name_len = a.status_name.chars().count();
    if a.status_name.trim().is_empty() || name_len > MAX_STATUS_NAME_CHARS {
        bail!("--status-name must be 1 to {MAX_STATUS_NAME_CHARS} characters (got {name_len})");
    }
    let env = text_environment(|k| READS.contains(&k), &a.token_env, &[])?;
    let overrides = Overrides {
        project: a.project.clone(),
        merge_request: a.merge_request,
        sha: a.sha.clone(),
        api_url: a.api_url.clone(),
    };
    let ctx = Context::from_env(&env, &overrides)?;
    for w in &ctx.warnings {
        eprintln!("gate: gitlab: warning: {w}");
    }
    eprintln!(
        "gate: gitlab: project {} at {}{}",
        ctx.project.replace("%2F", "/"),
        ctx.head_sha,
        ctx.merge_request
            .as_ref()
            .map(|m| format!(", merge request !{}", m.iid))
            .unwrap_or_default()
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    // octocrab's client spawns its worker on the runtime it is built in.
    let _entered = runtime.enter();
    let token = read_token(&env, &a.token_env)?;
    let job_token = env.get(JOB_TOKEN).map(|t| t.trim());
    let is_job_token =
        token.is_some() && (a.token_env == JOB_TOKEN || token.as_deref() == job_token);
    let mut publisher = match &token {
        Some(t) if !is_job_token => {
            let client = Client::for_api(Api::GitLab, &ctx.api_url, t, RetryPolicy::default())
                .map_err(|e| match e {
                    ClientError::Url { .. } => anyhow!("{e} (--api-url or $CI_API_V4_URL)"),
                    e => anyhow!(e),
                })?;
            Some(Publisher::new(
                client,
                ctx.clone(),
                Options {
                    status_name: a.status_name.clone(),
                    status: !a.no_status,
                    timeout: Duration::from_secs(a.publish_timeout),
                },
            ))
        }
        _ => {
            eprintln!(
                "gate: gitlab: {}",
                no_token_message(&env, &a.token_env, is_job_token)
            );
            None
        }
    };
    if let Some(p) = publisher.as_mut() {
        runtime.block_on(p.start());
    }
    let scanned = prepare(a, &ctx).and_then(|settings| {
        let (engines, result) = scan(&settings)?;
        Ok((settings, engines, result))
    });
    let (settings, engines, result) = match scanned {
        Ok(x) => x,
        Err(e) => {
            // The status must not stay running: it fails with the reason.
            let plan = error_plan(&format!("{e:#}"), &a.status_name);
            finish(&runtime, publisher.as_mut(), &plan, &SecretSpans::default());
            return Err(e);
        }
    };
    let mut analysis = analyse(&settings.pipeline(), &engines, result);
    let outcome = emit(&settings, &mut analysis);
    let report = analysis.report();
    let plan = plan(
        &report,
        &a.status_name,
        a.max_discussions,
        ctx.pipeline_url.as_deref(),
    );
    if let Some(p) = publisher.as_mut() {
        p.set_guard(analysis.secrets.clone());
    }
    let published = finish(&runtime, publisher.as_mut(), &plan, &analysis.secrets);
    Ok(forge::combine(
        "gitlab",
        outcome,
        published.failed,
        published.permission_denied && publisher.is_some(),
        "to the job log and the reports",
    ))
}

/// The scan settings `gate gitlab` runs with: never unredacted, the merge
/// request's diff base as the diff base.
fn prepare(a: &GitlabArgs, ctx: &Context) -> Result<ScanSettings> {
    publishing_settings(&a.scan, "gitlab", "merge request", ctx.diff_base())
}

/// Send the plan; when the API could not be written to, list the findings
/// that fail the gate in the job log, past the last guard against the
/// run's secrets.
fn finish(
    runtime: &tokio::runtime::Runtime,
    publisher: Option<&mut Publisher>,
    plan: &Plan,
    secrets: &SecretSpans,
) -> Published {
    let published = match publisher {
        Some(p) => runtime.block_on(p.finish(plan)),
        None => Published {
            permission_denied: true,
            ..Published::default()
        },
    };
    if published.permission_denied || published.failed {
        let mut err = std::io::stderr().lock();
        let guard = |t: &str| secrets.guard("the job log", t).into_owned();
        let _ = writeln!(err, "gate: gitlab: {}", guard(&plan.status_description));
        for line in &plan.log_lines {
            let _ = writeln!(err, "gate: gitlab:   {}", guard(line));
        }
    } else if let Some(id) = published.note_id {
        eprintln!(
            "gate: gitlab: summary note {id} {}, commit status {}",
            if published.note_reused {
                "updated"
            } else {
                "posted"
            },
            plan.status_state
        );
    }
    published
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_job_token_is_named_as_what_cannot_post() {
        let env: HashMap<String, String> =
            [("CI_JOB_TOKEN".to_string(), "job-secret".to_string())].into();
        let m = no_token_message(&env, "GITLAB_TOKEN", false);
        assert!(
            m.starts_with("no token in $GITLAB_TOKEN, only CI_JOB_TOKEN"),
            "{m}"
        );
        assert!(!m.contains("job-secret"));
        let m = no_token_message(&env, "GITLAB_TOKEN", true);
        assert!(m.starts_with("$GITLAB_TOKEN holds the job token"), "{m}");
    }
}
