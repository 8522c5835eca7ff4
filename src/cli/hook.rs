//! `gate install-hook`: a plain git pre-commit hook running `gate scan --staged`.

use anyhow::{bail, Context, Result};

use super::args::InstallHookArgs;
use super::Outcome;
use crate::git;

/// First line after the shebang of every hook gate writes: how it recognises its own.
const HOOK_MARK: &str = "# gate pre-commit hook (written by `gate install-hook`)";

/// Install (or refresh) the pre-commit hook in the repository containing the current directory.
pub fn install(args: &InstallHookArgs) -> Result<Outcome> {
    let cwd = std::env::current_dir()?;
    let root = git::toplevel(&cwd).context("gate install-hook needs a git repository")?;
    let hooks = git::hooks_dir(&root)?;
    std::fs::create_dir_all(&hooks)
        .with_context(|| format!("{}: cannot create", hooks.display()))?;
    let hook = hooks.join("pre-commit");
    if let Ok(existing) = std::fs::read_to_string(&hook) {
        if !existing.contains(HOOK_MARK) && !args.force {
            bail!(
                "{} already exists and was not written by gate; add `gate scan --staged` to it, or rerun with --force to replace it",
                hook.display()
            );
        }
    }
    let engines = if args.all_engines {
        ""
    } else {
        " --engines secrets"
    };
    let exe = std::env::current_exe()
        .ok()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "gate".into());
    let script = format!(
        "#!/bin/sh\n{HOOK_MARK}\n# Blocks the commit when staged changes hold a secret. To allow a reviewed false\n# positive, add `gate:allow` in a comment on its line. Skip once: git commit --no-verify\nif command -v gate >/dev/null 2>&1; then\n    exec gate scan --staged{engines}\nfi\nexec '{exe}' scan --staged{engines}\n"
    );
    std::fs::write(&hook, script).with_context(|| format!("{}: cannot write", hook.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&hook, std::fs::Permissions::from_mode(0o755))?;
    }
    println!("installed {}", hook.display());
    Ok(Outcome::Pass)
}
