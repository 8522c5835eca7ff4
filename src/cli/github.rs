//! `gate github`: `gate scan` inside GitHub Actions, then publish the verdict
//! (check run, commit status, review, job summary, SARIF file). The exit code
//! is the policy's; publishing can only make it stricter.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{anyhow, bail, Context as _, Result};

use super::args::GithubArgs;
use super::forge::{self, publishing_settings, read_token, text_environment};
use super::scan::{analyse, emit, scan};
use super::settings::{absolute, ScanSettings};
use super::Outcome;
use crate::github::plan::{error_plan, MAX_STEP_SUMMARY_BYTES};
use crate::github::{
    plan, Client, ClientError, Context, Options, Overrides, Plan, Published, Publisher, RetryPolicy,
};
use crate::redact::SecretSpans;
use crate::report::Format;

/// Variables `gate github` reads as paths: any bytes the OS allows are fine.
const PATH_VARIABLES: [&str; 2] = ["GITHUB_EVENT_PATH", "GITHUB_STEP_SUMMARY"];
/// GitHub's payloads are at most 25 MB; anything much larger is not one.
const MAX_EVENT_BYTES: u64 = 64 << 20;

/// A path variable, unset when empty.
fn path_variable(name: &str) -> Option<PathBuf> {
    std::env::var_os(name)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// The event payload: a regular file holding a JSON object. Anything else
/// (a directory, a FIFO that would block forever, a device, a huge file) is
/// refused before it is opened.
fn read_event(path: &Path) -> Result<serde_json::Value> {
    let what = "the event payload (GITHUB_EVENT_PATH)";
    let shown = path.display();
    let meta = std::fs::metadata(path).with_context(|| format!("{shown}: cannot read {what}"))?;
    if !meta.is_file() {
        bail!("{shown}: {what} is not a regular file");
    }
    if meta.len() > MAX_EVENT_BYTES {
        bail!(
            "{shown}: {what} is {} bytes, more than GitHub ever writes ({MAX_EVENT_BYTES})",
            meta.len()
        );
    }
    let bytes = std::fs::read(path).with_context(|| format!("{shown}: cannot read {what}"))?;
    let value: serde_json::Value =
        serde_json::from_slice(&bytes).with_context(|| format!("{shown}: {what} is not JSON"))?;
    if !value.is_object() {
        bail!("{shown}: {what} is not a JSON object");
    }
    Ok(value)
}

/// Run `gate github`.
pub fn run(a: &GithubArgs) -> Result<Outcome> {
    let env = text_environment(|k| k.starts_with("GITHUB_"), &a.token_env, &PATH_VARIABLES)?;
    let payload = match path_variable("GITHUB_EVENT_PATH") {
        Some(p) => read_event(&p)?,
        None => serde_json::Value::Null,
    };
    let overrides = Overrides {
        repository: a.repository.clone(),
        sha: a.sha.clone(),
        pull_request: a.pull_request,
        api_url: a.api_url.clone(),
    };
    let ctx = Context::from_env(&env, &payload, &overrides)?;
    for w in &ctx.warnings {
        eprintln!("gate: github: warning: {w}");
    }
    eprintln!(
        "gate: github: {}/{} at {}{}",
        ctx.owner,
        ctx.repo,
        ctx.head_sha,
        ctx.pull_request
            .as_ref()
            .map(|p| format!(", pull request #{}", p.number))
            .unwrap_or_default()
    );
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let step_summary = a
        .step_summary
        .clone()
        .or_else(|| path_variable("GITHUB_STEP_SUMMARY"))
        .map(|p| absolute(&p, &cwd));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    // octocrab's client spawns its worker on the runtime it is built in.
    let _entered = runtime.enter();
    let token = read_token(&env, &a.token_env)?;
    let mut publisher = match &token {
        Some(t) => {
            let client =
                Client::new(&ctx.api_url, t, RetryPolicy::default()).map_err(|e| match e {
                    ClientError::Url { .. } => anyhow!("{e} (--api-url or $GITHUB_API_URL)"),
                    e => anyhow!(e),
                })?;
            Some(Publisher::new(
                client,
                ctx.clone(),
                Options {
                    check_name: a.check_name.clone(),
                    check_run: !a.no_check_run,
                    status_context: a.status_context.clone(),
                    review: a.review,
                    timeout: Duration::from_secs(a.publish_timeout),
                },
            ))
        }
        None => {
            eprintln!(
                "gate: github: no token in ${} (pass `env: GITHUB_TOKEN: ${{{{ secrets.GITHUB_TOKEN }}}}`); falling back to workflow-command annotations and the job summary",
                a.token_env
            );
            None
        }
    };
    if let Some(p) = publisher.as_mut() {
        runtime.block_on(p.start());
    }
    let scanned = prepare(a, &ctx, &cwd, step_summary.as_deref()).and_then(|settings| {
        let (engines, result) = scan(&settings)?;
        Ok((settings, engines, result))
    });
    let (settings, engines, result) = match scanned {
        Ok(x) => x,
        Err(e) => {
            // The check run must not stay in progress: it fails with the reason.
            let plan = error_plan(&format!("{e:#}"));
            let none = SecretSpans::default();
            finish(
                &runtime,
                publisher.as_mut(),
                &plan,
                step_summary.as_deref(),
                &none,
            );
            return Err(e);
        }
    };
    let mut analysis = analyse(&settings.pipeline(), &engines, result);
    let outcome = emit(&settings, &mut analysis);
    let plan = plan(&analysis.report());
    if let Some(p) = publisher.as_mut() {
        p.set_guard(analysis.secrets.clone());
    }
    if plan.not_annotated > 0 {
        eprintln!(
            "gate: github: {} more finding(s) than the {} annotated (worst first); the SARIF report has them all",
            plan.not_annotated,
            plan.annotations.len()
        );
    }
    let published = finish(
        &runtime,
        publisher.as_mut(),
        &plan,
        step_summary.as_deref(),
        &analysis.secrets,
    );
    Ok(combine(outcome, &published, token.is_some()))
}

/// The scan settings `gate github` runs with: never unredacted, the pull
/// request's base as the diff base, the merged SARIF written for upload.
fn prepare(
    a: &GithubArgs,
    ctx: &Context,
    cwd: &Path,
    step_summary: Option<&Path>,
) -> Result<ScanSettings> {
    let mut settings = publishing_settings(&a.scan, "github", "pull request", ctx.diff_base())?;
    let sarif = absolute(&a.sarif_output, cwd);
    // A re-run in the same work tree must not scan the last run's report.
    settings.walk.own_files.push(sarif.clone());
    settings
        .walk
        .own_files
        .extend(step_summary.map(Path::to_path_buf));
    if !settings.outputs.iter().any(|(_, p)| *p == sarif) {
        settings.outputs.push((Format::Sarif, sarif));
    }
    Ok(settings)
}

/// Send the plan, write the job summary and, when the API could not be
/// written to, print the fallback annotations; all of it past the last guard
/// against the run's secrets.
fn finish(
    runtime: &tokio::runtime::Runtime,
    publisher: Option<&mut Publisher>,
    plan: &Plan,
    step_summary: Option<&Path>,
    secrets: &SecretSpans,
) -> Published {
    let published = match publisher {
        Some(p) => runtime.block_on(p.finish(plan)),
        None => Published {
            permission_denied: true,
            ..Published::default()
        },
    };
    if let Some(path) = step_summary {
        let text = secrets.guard("the job summary", &plan.step_summary);
        if let Err(e) = append_step_summary(path, &text) {
            eprintln!(
                "gate: github: warning: {}: cannot write the job summary: {e}",
                path.display()
            );
        }
    }
    if published.permission_denied || published.failed {
        let mut out = std::io::stdout().lock();
        for line in &plan.workflow_commands {
            let _ = writeln!(out, "{}", secrets.guard("a workflow command", line));
        }
        let _ = out.flush();
    } else if let Some(id) = published.check_run_id {
        eprintln!(
            "gate: github: check run {id} completed ({}), {} annotation(s) sent",
            plan.conclusion, published.annotations_sent
        );
    }
    published
}

/// Append to the job summary, keeping the step within GitHub's 1 MiB. Only
/// a regular file (or a new one) is written: a FIFO would block forever.
fn append_step_summary(path: &Path, text: &str) -> std::io::Result<()> {
    let meta = std::fs::metadata(path).ok();
    if meta.as_ref().is_some_and(|m| !m.is_file()) {
        return Err(std::io::Error::other("not a regular file"));
    }
    let used = meta.map_or(0, |m| m.len() as usize);
    let room = MAX_STEP_SUMMARY_BYTES.saturating_sub(used);
    let mut end = text.len().min(room);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)?;
    f.write_all(&text.as_bytes()[..end])
}

/// The exit outcome: the policy's, except that a publishing failure (not a
/// missing permission) turns a pass into an error — never a fail into a pass.
fn combine(outcome: Outcome, published: &Published, had_token: bool) -> Outcome {
    forge::combine(
        "github",
        outcome,
        published.failed,
        published.permission_denied && had_token,
        "with workflow commands",
    )
}
