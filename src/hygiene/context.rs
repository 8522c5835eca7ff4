//! What a check sees: the file and its parsed model ([`Cx`]), the level it
//! runs at (a workflow [`Job`], a [`Step`]), and where it reports ([`Hits`]).

use super::kind::FileKind;
use super::options::Options;
use super::repo::EnvStatus;
use super::shell::Script;
use super::yaml::{Node, Span, Yaml};
use crate::finding::{Confidence, Severity};

/// One file, parsed once, shared by every check that runs on it.
#[derive(Debug)]
pub struct Cx<'a> {
    /// Report path (relative, POSIX).
    pub path: &'a str,
    pub src: &'a str,
    pub kind: FileKind,
    /// The YAML model, for YAML kinds.
    pub yaml: Option<&'a Yaml>,
    /// The JSON model, for IAM policies and ECS task definitions.
    pub json: Option<&'a super::json::Json>,
    pub opts: &'a Options,
    /// Where a `.env` file stands in the repository (`None` for other kinds,
    /// or when the engine was not told the repository).
    pub env: Option<EnvStatus>,
}

impl<'a> Cx<'a> {
    /// Every `Allow` statement of every policy in an IAM JSON file.
    pub fn allow_statements(&self) -> Vec<&'a super::json::Node> {
        let Some(root) = self.json.and_then(|j| j.root.as_ref()) else {
            return Vec::new();
        };
        super::json::policies(root)
            .into_iter()
            .flat_map(|p| p.get("Statement").map(|s| s.objects()).unwrap_or_default())
            .filter(|s| s.get("Effect").and_then(|e| e.as_str()) == Some("Allow"))
            .collect()
    }

    /// The first YAML document's root node.
    pub fn root(&self) -> Option<&'a Node> {
        self.yaml?.root()
    }

    /// The jobs of a workflow, in file order (none for other kinds).
    pub fn jobs(&self) -> Vec<Job<'a>> {
        if self.kind != FileKind::Workflow {
            return Vec::new();
        }
        let Some(jobs) = self.root().and_then(|r| r.get("jobs")) else {
            return Vec::new();
        };
        jobs.pairs()
            .iter()
            .filter(|p| p.value.is_map())
            .map(|p| Job {
                id: p.key_str(),
                key: p.key.span,
                node: &p.value,
            })
            .collect()
    }

    /// Every step: of every workflow job, or of a composite action's `runs`.
    pub fn steps(&self, jobs: &[Job<'a>]) -> Vec<Step<'a>> {
        let mut out = Vec::new();
        match self.kind {
            FileKind::Workflow => {
                for (j, job) in jobs.iter().enumerate() {
                    let Some(steps) = job.node.get("steps") else {
                        continue;
                    };
                    for (i, s) in steps.items().iter().enumerate() {
                        if s.is_map() {
                            out.push(Step {
                                job: Some(j),
                                index: i,
                                node: s,
                            });
                        }
                    }
                }
            }
            FileKind::Action => {
                if let Some(steps) = self.root().and_then(|r| r.route("runs.steps")) {
                    for (i, s) in steps.items().iter().enumerate() {
                        if s.is_map() {
                            out.push(Step {
                                job: None,
                                index: i,
                                node: s,
                            });
                        }
                    }
                }
            }
            _ => {}
        }
        out
    }
}

impl<'a> Cx<'a> {
    /// The shell scripts of the steps: `run:` values run by bash or sh
    /// (the step's `shell:`, else the job's then the workflow's
    /// `defaults.run.shell`; PowerShell, cmd and python scripts are not shell).
    pub fn scripts(&self, jobs: &[Job<'a>], steps: &[Step<'a>]) -> Vec<Script<'a>> {
        let workflow_shell = self
            .root()
            .and_then(|r| r.route("defaults.run.shell"))
            .and_then(Node::as_str);
        steps
            .iter()
            .filter_map(|s| {
                let run = s.node.get("run")?.as_scalar()?;
                let shell = s
                    .node
                    .get("shell")
                    .and_then(Node::as_str)
                    .or_else(|| {
                        jobs.get(s.job?)?
                            .node
                            .route("defaults.run.shell")
                            .and_then(Node::as_str)
                    })
                    .or(workflow_shell)
                    .unwrap_or("bash");
                let program = shell.split_whitespace().next().unwrap_or("bash");
                matches!(
                    program.rsplit('/').next(),
                    Some("bash" | "sh" | "dash" | "zsh")
                )
                .then(|| Script::parse(run))
            })
            .collect()
    }
}

/// A workflow job: `jobs.<id>`.
#[derive(Debug, Clone, Copy)]
pub struct Job<'a> {
    pub id: &'a str,
    /// The span of the job's key.
    pub key: Span,
    /// The job's mapping.
    pub node: &'a Node,
}

/// A step of a workflow job or a composite action.
#[derive(Debug, Clone, Copy)]
pub struct Step<'a> {
    /// The index of its job in the workflow's jobs (none in an action).
    pub job: Option<usize>,
    /// Its index in `steps`.
    pub index: usize,
    /// The step's mapping.
    pub node: &'a Node,
}

impl<'a> Step<'a> {
    /// `uses:`, when the step runs an action.
    pub fn uses(&self) -> Option<&'a Node> {
        self.node.get("uses")
    }

    /// `with.<key>`.
    pub fn with(&self, key: &str) -> Option<&'a Node> {
        self.node.get("with")?.get(key)
    }

    /// The action a step runs, without its ref (`actions/checkout`), lowercased.
    pub fn action(&self) -> Option<String> {
        let uses = self.uses()?.as_str()?;
        let name = uses.split('@').next().unwrap_or(uses);
        Some(name.trim().to_ascii_lowercase())
    }
}

/// One problem a check found.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Index into [`super::registry::CHECKS`].
    pub check: usize,
    pub severity: Severity,
    pub confidence: Confidence,
    pub message: String,
    /// What is wrong: the offending key or value.
    pub span: Span,
}

/// Where checks report; the engine sets which check is running.
#[derive(Debug)]
pub struct Hits {
    pub(super) check: usize,
    pub(super) default: (Severity, Confidence),
    pub hits: Vec<Hit>,
}

impl Default for Hits {
    fn default() -> Self {
        Hits {
            check: 0,
            default: (Severity::Medium, Confidence::Medium),
            hits: Vec::new(),
        }
    }
}

impl Hits {
    /// Report at the check's default severity and confidence.
    pub fn add(&mut self, span: Span, message: impl Into<String>) {
        let (s, c) = self.default;
        self.add_rated(s, c, span, message);
    }

    /// Report with a severity and confidence that depend on the facts.
    pub fn add_rated(
        &mut self,
        severity: Severity,
        confidence: Confidence,
        span: Span,
        message: impl Into<String>,
    ) {
        self.hits.push(Hit {
            check: self.check,
            severity,
            confidence,
            message: message.into(),
            span,
        });
    }
}
