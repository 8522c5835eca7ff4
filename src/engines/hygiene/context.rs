//! What a check sees: the file and its parsed model ([`Cx`]), the level it
//! runs at (a workflow [`Job`], a [`Step`]), and where it reports ([`Hits`]).

use super::dockerfile::{Dockerfile, LineIndex};
use super::kind::FileKind;
use super::options::Options;
use super::registry::Anchor;
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
    /// The Dockerfile model, for Dockerfiles.
    pub docker: Option<&'a Dockerfile>,
    /// The line index of a shell script file (`*.sh`).
    pub lines: Option<&'a LineIndex>,
    /// Whether the content comes from a commit (the work tree around it may differ).
    pub from_commit: bool,
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
            .filter(|p| p.value.is_map() && !never_runs(&p.value))
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
                        if s.is_map() && !never_runs(s) {
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
    /// For the other kinds: every Dockerfile `RUN`, every GitLab
    /// `script:`-like line, or the whole `*.sh` file.
    pub fn scripts(&self, jobs: &[Job<'a>], steps: &[Step<'a>]) -> Vec<Script<'a>> {
        if let Some(d) = self.docker {
            return self.run_scripts(d);
        }
        if let Some(index) = self.lines {
            return vec![Script::parse_file(self.src, index)];
        }
        if self.kind == FileKind::GitlabCi {
            return self.gitlab_scripts();
        }
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

impl<'a> Cx<'a> {
    /// The shell of every Dockerfile `RUN`: its shell-form body, or the body
    /// of a heredoc it hands to the shell (`RUN <<EOF`, `RUN bash <<EOF`).
    /// Exec-form `RUN [...]` and a `SHELL` that is not sh-like are skipped.
    fn run_scripts(&self, d: &'a Dockerfile) -> Vec<Script<'a>> {
        let mut out = Vec::new();
        let mut posix = vec![true; d.stages.len().max(1)];
        for (idx, ins) in d.instructions.iter().enumerate() {
            let stage = ins.stage.unwrap_or(0);
            if ins.keyword == "SHELL" {
                let prog = ins.json.as_ref().and_then(|j| j.first());
                if let Some(slot) = posix.get_mut(stage) {
                    *slot = prog.is_some_and(|p| {
                        matches!(
                            p.rsplit('/').next(),
                            Some("bash" | "sh" | "dash" | "zsh" | "ash")
                        )
                    });
                }
                continue;
            }
            if ins.keyword != "RUN"
                || ins.json.is_some()
                || !posix.get(stage).copied().unwrap_or(true)
            {
                continue;
            }
            let first = ins.args.first().map(|w| w.text.as_str()).unwrap_or("");
            let shell_first = matches!(first, "sh" | "bash" | "/bin/sh" | "/bin/bash" | "dash");
            if let Some(h) = ins.heredocs.first().filter(|_| {
                first.starts_with("<<")
                    || shell_first && ins.args.get(1).is_some_and(|w| w.text.starts_with("<<"))
            }) {
                let text = &self.src[h.body.clone()];
                out.push(Script::parse_source(
                    text,
                    text.to_string(),
                    &d.index,
                    h.body.start,
                    idx,
                ));
                continue;
            }
            let text = &self.src[ins.rest.clone()];
            out.push(Script::parse_source(
                text,
                mask_run(text, d.escape),
                &d.index,
                ins.rest.start,
                idx,
            ));
        }
        out
    }
}

/// Whether a job or step is switched off with `if: false`: it never runs,
/// so its checks wait until it is switched back on (zizmor skips it too).
fn never_runs(node: &Node) -> bool {
    node.get("if").and_then(Node::as_str).is_some_and(|c| {
        let c = c.trim();
        let c = c
            .strip_prefix("${{")
            .and_then(|c| c.strip_suffix("}}"))
            .unwrap_or(c);
        c.trim() == "false"
    })
}

/// Top-level keys of `.gitlab-ci.yml` that are not jobs.
const GITLAB_GLOBAL_KEYS: &[&str] = &[
    "default",
    "include",
    "stages",
    "variables",
    "workflow",
    "image",
    "services",
    "before_script",
    "after_script",
    "cache",
    "spec",
    "pages",
];

impl<'a> Cx<'a> {
    /// The GitLab jobs (hidden `.template` jobs included: jobs `extends:`
    /// them), as (name, mapping), in file order.
    pub fn gitlab_jobs(&self) -> Vec<(&'a str, &'a Node)> {
        if self.kind != FileKind::GitlabCi {
            return Vec::new();
        }
        let Some(root) = self.root() else {
            return Vec::new();
        };
        root.pairs()
            .iter()
            .filter(|p| p.key_str() != "<<" && !GITLAB_GLOBAL_KEYS.contains(&p.key_str()))
            .map(|p| (p.key_str(), self.deref(&p.value)))
            .filter(|(_, job)| job.is_map())
            .collect()
    }

    /// The node an alias names (itself for any other node).
    pub fn deref(&self, n: &'a Node) -> &'a Node {
        match self.yaml {
            Some(y) => y.deref(n),
            None => n,
        }
    }

    /// `key` of a mapping, through aliases and merge keys (`<<: *defaults`):
    /// the node where the value is written.
    pub fn get(&self, map: &'a Node, key: &str) -> Option<&'a Node> {
        match self.yaml {
            Some(y) => y.get(map, key),
            None => map.get(key),
        }
    }

    /// Where GitLab settles a job's image and scripts: the top level (the
    /// old global form), `default:`, and every job, as (what, mapping).
    pub fn gitlab_scopes(&self) -> Vec<(String, &'a Node)> {
        let Some(root) = self.root().filter(|r| r.is_map()) else {
            return Vec::new();
        };
        let mut out = vec![("pipeline".to_string(), root)];
        if let Some(d) = self.get(root, "default").filter(|d| d.is_map()) {
            out.push(("`default`".to_string(), d));
        }
        for (name, job) in self.gitlab_jobs() {
            out.push((format!("job `{name}`"), job));
        }
        out
    }

    /// Every line of `before_script:`, `script:` and `after_script:`, each
    /// parsed as shell (GitLab runs each item as a command of one shell).
    /// A line reached through several jobs (a template's, an anchored
    /// list merged into many) is one script, read where it is written.
    fn gitlab_scripts(&self) -> Vec<Script<'a>> {
        fn lines<'n>(
            cx: &Cx<'n>,
            n: &'n Node,
            depth: usize,
            out: &mut Vec<&'n super::yaml::Scalar>,
        ) {
            match &cx.deref(n).value {
                super::yaml::Value::Scalar(s) => out.push(s),
                // `!reference [...]` and YAML anchors nest sequences a level or two.
                super::yaml::Value::Seq(items) if depth < 4 => {
                    items.iter().for_each(|i| lines(cx, i, depth + 1, out))
                }
                _ => {}
            }
        }
        let mut scalars = Vec::new();
        for (_, scope) in self.gitlab_scopes() {
            for key in ["before_script", "script", "after_script"] {
                if let Some(n) = self.get(scope, key) {
                    lines(self, n, 0, &mut scalars);
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        scalars.retain(|s| seen.insert((s.pos_at(0).1, &s.value)));
        scalars.into_iter().map(Script::parse).collect()
    }
}

/// A `RUN` body as bash should read it, same length: comment and blank
/// lines inside a continuation blanked to a bare continuation (BuildKit
/// drops them; bash would end the command there) and a backtick escape
/// before a newline made a backslash. An empty line (no byte to spare)
/// still ends the command for bash.
fn mask_run(text: &str, escape: char) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let t = line.trim_start();
        let body = line.trim_end_matches(['\n', '\r']);
        if i > 0 && !body.is_empty() && (t.starts_with('#') || t.trim().is_empty()) {
            // Blanked, but still continued: the command goes on below it.
            out.push_str(&" ".repeat(body.len() - 1));
            out.push('\\');
            out.push_str(&line[body.len()..]);
            continue;
        }
        if escape == '`' {
            let body = line.trim_end();
            if let Some(stripped) = body.strip_suffix('`') {
                out.push_str(stripped);
                out.push('\\');
                out.push_str(&line[body.len()..]);
                continue;
            }
        }
        out.push_str(line);
    }
    out
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
    /// The secret value the finding quotes, if any: masked by the
    /// redaction point in every text a report shows.
    pub secret: Option<String>,
    /// The anchor ids this finding answers to, when they are fewer than the
    /// check's (an untagged `FROM x` is hadolint's DL3006, `FROM x:latest`
    /// its DL3007): what its tags name and which anchor ignores cover it.
    pub anchors: Option<&'static [Anchor]>,
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
            secret: None,
            anchors: None,
        });
    }

    /// Mark the last report as answering only to `anchors`, a part of its
    /// check's (the rest name other problems than this one).
    pub fn anchored(&mut self, anchors: &'static [Anchor]) {
        if let Some(h) = self.hits.last_mut() {
            h.anchors = Some(anchors);
        }
    }

    /// Report a value that is a secret itself (a password in plain
    /// configuration): reports mask it wherever it appears.
    pub fn add_secret(&mut self, span: Span, message: impl Into<String>, secret: &str) {
        self.add(span, message);
        self.quotes_secret(secret);
    }

    /// Mark the last report as quoting `secret` (see [`Hits::add_secret`]).
    pub fn quotes_secret(&mut self, secret: &str) {
        if let Some(h) = self.hits.last_mut() {
            h.secret = Some(secret.to_string());
        }
    }
}
