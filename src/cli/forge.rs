//! What `gate github` and `gate gitlab` share on the command line: reading
//! the CI environment as hostile input, the token, and how publishing
//! bears on the exit code.

use std::collections::HashMap;

use anyhow::{bail, Result};

use super::args::ScanArgs;
use super::settings::ScanSettings;
use super::Outcome;
use crate::publish::{clean_token, TokenError};
use crate::redact::Redactor;

/// The environment as text, for the variables gate reads as text (those
/// `reads` names, and `token_env`). One of those that is not UTF-8 is an
/// error naming it (never a panic, never silently unset), except `paths`,
/// read as paths; other variables are not gate's business (a commit message
/// in `CI_COMMIT_MESSAGE` may hold any bytes).
pub fn text_environment(
    reads: impl Fn(&str) -> bool,
    token_env: &str,
    paths: &[&str],
) -> Result<HashMap<String, String>> {
    let mut env = HashMap::new();
    for (k, v) in std::env::vars_os() {
        let Some(k) = k.to_str() else { continue };
        match v.into_string() {
            Ok(v) => {
                env.insert(k.to_string(), v);
            }
            Err(_) if paths.contains(&k) => {}
            Err(_) if reads(k) || k == token_env => bail!("${k} is not valid UTF-8"),
            Err(_) => {}
        }
    }
    Ok(env)
}

/// The scan settings a publishing command runs with: never unredacted (no
/// secret value is ever published), and gating only the changes since
/// `diff_base` (the pull or merge request's base) unless the command line
/// names a base or the policy says otherwise. `forge` (`github`) and
/// `request` (`pull request`) name them in what is said on stderr.
pub fn publishing_settings(
    scan: &ScanArgs,
    forge: &str,
    request: &str,
    diff_base: Option<String>,
) -> Result<ScanSettings> {
    let mut settings = ScanSettings::resolve(scan)?;
    if settings.redactor.is_off() {
        eprintln!("gate: {forge}: --no-redact is ignored: no secret value is ever published");
        settings.redactor = Redactor::default();
    }
    if scan.diff_base.is_none() && settings.config.policy.new_only != Some(false) {
        if let Some(base) = diff_base {
            eprintln!("gate: {forge}: gating the {request}'s changes since {base}");
            settings.diff_base = Some(base);
        }
    }
    Ok(settings)
}

/// The token from `$token_env`, trimmed and checked; None when unset or blank.
pub fn read_token(env: &HashMap<String, String>, token_env: &str) -> Result<Option<String>> {
    let Some(raw) = env.get(token_env) else {
        return Ok(None);
    };
    match clean_token(raw) {
        Ok(t) => Ok(Some(t.to_string())),
        Err(TokenError::Empty) => Ok(None),
        Err(e) => bail!("${token_env}: the token {e}"),
    }
}

/// The exit outcome: the policy's, except that a publishing failure (not a
/// missing permission) turns a pass into an error — never a fail into a
/// pass. `fallback` names what was published instead when the token could
/// not write.
pub fn combine(
    forge: &str,
    outcome: Outcome,
    failed: bool,
    denied_with_token: bool,
    fallback: &str,
) -> Outcome {
    match outcome {
        Outcome::Pass if failed => {
            eprintln!(
                "gate: {forge}: error: the verdict could not be published; failing closed (exit 2)"
            );
            Outcome::Error
        }
        o => {
            if denied_with_token {
                eprintln!(
                    "gate: {forge}: published {fallback} only; the exit code is the policy's"
                );
            }
            o
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publishing_never_turns_a_fail_into_a_pass() {
        let c = |o, failed, denied| combine("github", o, failed, denied, "x");
        assert_eq!(c(Outcome::Fail, true, false), Outcome::Fail);
        assert_eq!(c(Outcome::Pass, true, false), Outcome::Error);
        assert_eq!(c(Outcome::Fail, false, true), Outcome::Fail);
        assert_eq!(c(Outcome::Pass, false, true), Outcome::Pass);
        assert_eq!(c(Outcome::Error, false, false), Outcome::Error);
    }
}
