//! The one table of hygiene checks: id, name, default severity and
//! confidence, CWE, the file kinds and level it runs on, the ids other tools
//! give the same problem (anchors), the code, and its documentation.
//! Adding a check is one file in `checks/` and one line here.

use super::checks::*;
use super::context::{Cx, Hits, Job, Step};
use super::kind::FileKind;
use super::shell::Script;
use crate::engines::RuleInfo;
use crate::finding::{Confidence, Severity};

/// Another tool's id for the same problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// zizmor audit id (`unpinned-uses`); its SARIF rule id is `zizmor/<id>`.
    Zizmor(&'static str),
    /// hadolint rule (`DL3007`).
    Hadolint(&'static str),
    /// checkov check (`CKV_DOCKER_3`).
    Checkov(&'static str),
}

impl Anchor {
    /// The id as the tool writes it in its inline ignores.
    pub fn id(self) -> &'static str {
        match self {
            Anchor::Zizmor(s) | Anchor::Hadolint(s) | Anchor::Checkov(s) => s,
        }
    }

    /// The tool's name.
    pub fn tool(self) -> &'static str {
        match self {
            Anchor::Zizmor(_) => "zizmor",
            Anchor::Hadolint(_) => "hadolint",
            Anchor::Checkov(_) => "checkov",
        }
    }

    /// Every rule id the tool's SARIF may carry for it.
    pub fn sarif_ids(self) -> Vec<String> {
        match self {
            Anchor::Zizmor(s) => vec![format!("zizmor/{s}"), s.to_string()],
            Anchor::Hadolint(s) | Anchor::Checkov(s) => vec![s.to_string()],
        }
    }
}

/// The level a check runs at: it sees only what it needs.
#[derive(Clone, Copy)]
pub enum Run {
    /// Once per file, with the whole parsed model.
    File(fn(&Cx<'_>, &mut Hits)),
    /// Once per workflow job.
    Job(fn(&Cx<'_>, &Job<'_>, &mut Hits)),
    /// Once per step (workflow jobs and composite actions).
    Step(fn(&Cx<'_>, &[Job<'_>], &Step<'_>, &mut Hits)),
    /// Once per shell script (`run:` of steps run by bash or sh), parsed as shell.
    Shell(fn(&Cx<'_>, &Script<'_>, &mut Hits)),
}

impl std::fmt::Debug for Run {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Run::File(_) => "File",
            Run::Job(_) => "Job",
            Run::Step(_) => "Step",
            Run::Shell(_) => "Shell",
        })
    }
}

/// One check.
#[derive(Debug)]
pub struct Check {
    /// Stable kebab id (`unpinned-uses`); zizmor's id where zizmor has the same audit.
    pub id: &'static str,
    /// One-line title.
    pub name: &'static str,
    /// Default severity and confidence (a check may rate a finding by its facts).
    pub severity: Severity,
    pub confidence: Confidence,
    /// CWE id (0: none).
    pub cwe: u32,
    /// The file kinds it runs on.
    pub kinds: &'static [FileKind],
    /// Other tools' ids for the same problem.
    pub anchors: &'static [Anchor],
    pub run: Run,
    /// The check's documentation (what `gate rules explain` prints).
    pub doc: &'static str,
}

use Anchor::{Checkov, Hadolint, Zizmor};
use Confidence as C;
use FileKind::*;
use Severity as S;

macro_rules! checks {
    ($($id:literal $sev:ident $conf:ident $cwe:literal [$($kind:ident),*] [$($anchor:expr),*] $module:ident $run:ident;)*) => {
        /// Every check, in id order.
        pub static CHECKS: &[Check] = &[
            $(Check {
                id: $id,
                name: $module::NAME,
                severity: S::$sev,
                confidence: C::$conf,
                cwe: $cwe,
                kinds: &[$($kind),*],
                anchors: &[$($anchor),*],
                run: Run::$run($module::check),
                doc: $module::DOC,
            },)*
        ];
    };
}

checks! {
    "artipacked" Medium High 522 [Workflow, Action] [Zizmor("artipacked")] artipacked Step;
    "aws-long-lived-keys" High High 522 [Workflow, Action] [] aws_long_lived_keys Step;
    "committed-env-file" High High 538 [DotEnv] [] committed_env_file File;
    "compose-plain-secret" High High 798 [Compose] [] compose_plain_secret File;
    "curl-literal-token" High High 798 [Workflow, Action, Dockerfile, GitlabCi, ShellScript] [] curl_literal_token Shell;
    "dangerous-triggers" High High 829 [Workflow] [Zizmor("dangerous-triggers")] dangerous_triggers File;
    "docker-login-password-arg" Medium High 214 [Workflow, Action, Dockerfile, GitlabCi, ShellScript] [] docker_login_password_arg Shell;
    "docker-push-latest" Medium High 1357 [Workflow, Action, GitlabCi, ShellScript] [] docker_push_latest Shell;
    "dockerfile-add-local" Low High 0 [Dockerfile] [Hadolint("DL3020")] dockerfile_add_local File;
    "dockerfile-apt-lists" Low High 0 [Dockerfile] [Hadolint("DL3009")] dockerfile_apt_lists Shell;
    "dockerfile-apt-recommends" Low High 0 [Dockerfile] [Hadolint("DL3015")] dockerfile_apt_recommends Shell;
    "dockerfile-apt-unpinned" Low High 1357 [Dockerfile] [Hadolint("DL3008")] dockerfile_apt_unpinned Shell;
    "dockerfile-apt-update-alone" Low High 0 [Dockerfile] [Checkov("CKV_DOCKER_5")] dockerfile_apt_update_alone Shell;
    "dockerfile-chmod-777" Medium High 732 [Dockerfile] [] dockerfile_chmod_777 Shell;
    "dockerfile-copy-secrets" Medium Medium 538 [Dockerfile] [] dockerfile_copy_secrets File;
    "dockerfile-curl-pipe-sh" Medium High 494 [Dockerfile] [] dockerfile_curl_pipe_sh Shell;
    "dockerfile-no-user" Medium Medium 250 [Dockerfile] [Checkov("CKV_DOCKER_3")] dockerfile_no_user File;
    "dockerfile-pip-cache" Low High 0 [Dockerfile] [Hadolint("DL3042")] dockerfile_pip_cache Shell;
    "dockerfile-root-user" Medium High 250 [Dockerfile] [Hadolint("DL3002"), Checkov("CKV_DOCKER_8")] dockerfile_root_user File;
    "dockerfile-secret-env" High Medium 798 [Dockerfile] [Hadolint("DL3064")] dockerfile_secret_env File;
    "dockerfile-shell-form-cmd" Low High 0 [Dockerfile] [Hadolint("DL3025")] dockerfile_shell_form_cmd File;
    "dockerfile-unpinned-from" Medium High 829 [Dockerfile] [Hadolint("DL3006"), Hadolint("DL3007"), Checkov("CKV_DOCKER_7")] dockerfile_unpinned_from File;
    "ecr-create-repository" Medium High 1357 [Workflow, Action, Dockerfile, GitlabCi, ShellScript] [] ecr_create_repository Shell;
    "ecs-plain-secret" High High 798 [EcsTaskDefinition] [] ecs_plain_secret File;
    "ecs-unpinned-image" High High 1357 [EcsTaskDefinition] [] ecs_unpinned_image File;
    "excessive-permissions" Medium High 250 [Workflow] [Zizmor("excessive-permissions"), Checkov("CKV2_GHA_1")] excessive_permissions File;
    "iam-wildcard-action" High High 269 [IamPolicy] [] iam_wildcard_action File;
    "iam-wildcard-resource" Medium High 732 [IamPolicy] [] iam_wildcard_resource File;
    "oidc-trust-any-repo" High High 863 [IamPolicy] [] oidc_trust_any_repo File;
    "overprovisioned-secrets" Medium High 200 [Workflow, Action] [Zizmor("overprovisioned-secrets")] overprovisioned_secrets File;
    "secrets-inherit" Medium High 200 [Workflow] [Zizmor("secrets-inherit")] secrets_inherit Job;
    "template-injection" High High 94 [Workflow, Action] [Zizmor("template-injection")] template_injection Step;
    "unpinned-images" High High 829 [Workflow, Action, GitlabCi, Compose] [Zizmor("unpinned-images")] unpinned_images File;
    "unpinned-pip-install" Medium High 1357 [Workflow, Action, Dockerfile, GitlabCi, ShellScript] [Hadolint("DL3013")] unpinned_pip_install Shell;
    "unpinned-requirements" Medium High 1357 [Requirements] [] unpinned_requirements File;
    "unpinned-uses" High High 829 [Workflow, Action] [Zizmor("unpinned-uses")] unpinned_uses File;
}

/// The check with this id.
pub fn by_id(id: &str) -> Option<&'static Check> {
    CHECKS.iter().find(|c| c.id == id)
}

/// The check a word names: its id, or any anchor id (`DL3007`,
/// `zizmor/unpinned-uses`, `CKV_DOCKER_3`).
pub fn lookup(word: &str) -> Option<&'static Check> {
    by_id(word).or_else(|| canonical(word).and_then(by_id))
}

/// The gate check id an anchor id (as a tool writes it in SARIF or an
/// inline ignore) corresponds to.
pub fn canonical(alias: &str) -> Option<&'static str> {
    use std::collections::HashMap;
    use std::sync::OnceLock;
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m = HashMap::new();
        for c in CHECKS {
            for a in c.anchors {
                for id in a.sarif_ids() {
                    m.insert(id, c.id);
                }
            }
        }
        m
    })
    .get(alias)
    .copied()
}

/// The catalogue entry for a check.
pub fn rule_info(c: &Check) -> RuleInfo {
    let full = section(c.doc, "What it does").unwrap_or_else(|| c.name.to_string());
    let mut references = Vec::new();
    for a in c.anchors {
        references.push(match a {
            Zizmor(id) => format!("https://docs.zizmor.sh/audits/#{id}"),
            Hadolint(id) => format!("https://github.com/hadolint/hadolint/wiki/{id}"),
            Checkov(id) => format!("https://www.checkov.io/5.Policy%20Index/all.html ({id})"),
        });
    }
    if c.cwe != 0 {
        references.push(format!(
            "https://cwe.mitre.org/data/definitions/{}.html",
            c.cwe
        ));
    }
    let mut tags = vec!["security".to_string(), "hygiene".to_string()];
    for k in c.kinds {
        let t = format!("{k:?}").to_ascii_lowercase();
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    RuleInfo {
        id: c.id.to_string(),
        name: c.name.to_string(),
        tool: super::TOOL.to_string(),
        short_description: c.name.to_string(),
        full_description: full,
        help: c.doc.to_string(),
        severity: c.severity,
        confidence: c.confidence,
        cwe: (c.cwe != 0).then_some(c.cwe),
        tags,
        references,
    }
}

/// The text of one `## Heading` section of a check's doc.
fn section(doc: &str, heading: &str) -> Option<String> {
    let start = doc.find(&format!("## {heading}"))?;
    let body = &doc[start..];
    let body = &body[body.find('\n')? + 1..];
    let end = body.find("\n## ").unwrap_or(body.len());
    Some(body[..end].trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_documented_and_anchors_are_unique() {
        for w in CHECKS.windows(2) {
            assert!(w[0].id < w[1].id, "{} before {}", w[0].id, w[1].id);
        }
        let mut seen = std::collections::HashMap::new();
        for c in CHECKS {
            assert!(!c.kinds.is_empty(), "{} runs on no file kind", c.id);
            for h in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
                "## References",
            ] {
                assert!(c.doc.contains(h), "{} doc lacks {h}", c.id);
            }
            if c.cwe != 0 {
                assert!(
                    c.doc.contains(&format!("CWE-{}", c.cwe)),
                    "{} doc lacks its CWE",
                    c.id
                );
            }
            for a in c.anchors {
                assert!(
                    c.doc.contains(a.id()),
                    "{} doc does not name its anchor {}",
                    c.id,
                    a.id()
                );
                for id in a.sarif_ids() {
                    if let Some(other) = seen.insert(id.clone(), c.id) {
                        panic!("anchor {id} names both {other} and {}", c.id);
                    }
                }
            }
        }
    }

    #[test]
    fn anchors_resolve_to_gate_ids() {
        assert_eq!(canonical("zizmor/unpinned-uses"), Some("unpinned-uses"));
        assert_eq!(lookup("unpinned-uses").map(|c| c.id), Some("unpinned-uses"));
        assert_eq!(canonical("B602"), None);
    }
}
