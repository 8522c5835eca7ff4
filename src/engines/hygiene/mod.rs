//! The hygiene engine: the files that build and ship the image (workflows,
//! actions, Dockerfiles, compose, GitLab CI, IAM and ECS JSON, requirements,
//! `.env`).
//!
//! Each file is recognised by its path ([`kind`]), parsed once into a small
//! typed model with positions ([`yaml`] for the YAML kinds), and handed to
//! the enabled checks of [`registry::CHECKS`] at the level each asks for
//! (file, job, step). Checks carry the ids other tools give the same problem
//! (zizmor, hadolint, checkov) as anchors: those tools' inline ignores work,
//! and their SARIF merges with gate's findings.

pub mod checks;
pub mod context;
pub mod dockerfile;
pub mod gitlab;
pub mod json;
pub mod kind;
mod options;
pub mod registry;
pub mod repo;
pub mod shell;
pub mod suppress;
pub mod yaml;

use crate::diagnostic::{Diagnostic, Kind, Level};
use crate::engines::{Engine, FileOutput, RuleInfo, SourceFile};
use crate::finding::{Finding, Region, SecretMatch, Suppression, SuppressionKind};

use context::{Cx, Hits};
use kind::{FileKind, PathKind};
pub use options::{HygieneConfigError, Options, Settings};
use registry::Run;
pub use registry::{Check, CHECKS};

/// The tool name findings carry.
pub const TOOL: &str = "gate-hygiene";

/// Known keys, to call out typos (`job:` for `jobs:`) that GitHub would reject.
const WORKFLOW_KEYS: &[&str] = &[
    "name",
    "run-name",
    "on",
    "true",
    "permissions",
    "env",
    "defaults",
    "concurrency",
    "jobs",
];
const JOB_KEYS: &[&str] = &[
    "name",
    "permissions",
    "needs",
    "if",
    "runs-on",
    "environment",
    "concurrency",
    "outputs",
    "env",
    "defaults",
    "steps",
    "timeout-minutes",
    "strategy",
    "continue-on-error",
    "container",
    "services",
    "uses",
    "with",
    "secrets",
    "snapshot",
];
const STEP_KEYS: &[&str] = &[
    "id",
    "if",
    "name",
    "uses",
    "run",
    "working-directory",
    "shell",
    "with",
    "env",
    "continue-on-error",
    "timeout-minutes",
];

/// The hygiene engine: settings resolved once, shared by every worker.
#[derive(Debug, Default)]
pub struct HygieneEngine {
    settings: Settings,
    /// Indices into [`CHECKS`] of the enabled checks, per file kind.
    enabled: Vec<(FileKind, Vec<usize>)>,
    /// The repository scanned, when known: where `.env` files stand.
    repo: Option<repo::Repo>,
}

impl HygieneEngine {
    /// An engine with these settings.
    pub fn new(settings: Settings) -> Self {
        let enabled = FileKind::ALL
            .iter()
            .map(|&k| {
                let ids = CHECKS
                    .iter()
                    .enumerate()
                    .filter(|(_, c)| c.kinds.contains(&k) && settings.enables(c))
                    .map(|(i, _)| i)
                    .collect();
                (k, ids)
            })
            .collect();
        HygieneEngine {
            settings,
            enabled,
            repo: None,
        }
    }

    /// The engine told which repository it scans (`root`), whether the scan
    /// reads the index (`staged`) and whether the walker leaves out what
    /// `.gitignore` matches: `.env` files are judged by the git index and
    /// `.gitignore`, and [`Engine::scan_repository`] finds the tracked ones
    /// the walker never yields.
    pub fn in_repo(
        mut self,
        root: &std::path::Path,
        staged: bool,
        walker_honours_gitignore: bool,
    ) -> Self {
        self.repo = Some(repo::Repo::new(root, staged, walker_honours_gitignore));
        self
    }

    /// The engine with every check on and default options.
    pub fn all() -> Self {
        HygieneEngine::new(Settings::default())
    }

    fn enabled_for(&self, kind: FileKind) -> &[usize] {
        self.enabled
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(&[], |(_, v)| v.as_slice())
    }
}

impl HygieneEngine {
    /// Scan one file, as `forced` when an include says what it is (a file
    /// a pipeline includes is a pipeline whatever its name); `chain` holds
    /// the pipelines that included it, outermost first.
    fn scan_as(
        &self,
        file: &SourceFile<'_>,
        forced: Option<FileKind>,
        chain: &[String],
        out: &mut FileOutput,
    ) {
        let kind = match (forced, kind::by_path(file.path)) {
            (Some(k), _) => k,
            (None, Some(PathKind::Known(k))) => k,
            (None, Some(PathKind::Json)) => match kind::json_kind(file.bytes) {
                Some(k) => k,
                None => return,
            },
            (None, None) => return,
        };
        let checks = self.enabled_for(kind);
        if checks.is_empty() {
            return;
        }
        // Most shell scripts run none of the programs the checks read: they
        // are not parsed.
        if kind == FileKind::ShellScript && !shell::names_checked_program(file.bytes) {
            return;
        }
        let text = file.text();
        let parsed = kind.is_yaml().then(|| yaml::parse(&text));
        if let Some(y) = &parsed {
            for (pos, msg) in &y.problems {
                out.diagnostics.push(
                    Diagnostic::file(
                        Level::Warning,
                        Kind::Unparsable,
                        file.path,
                        format!("hygiene: {msg}"),
                    )
                    .at(
                        pos.start.line.max(1),
                        Some(char_column(&text, pos.start_byte)),
                    ),
                );
            }
        }
        let json = matches!(kind, FileKind::IamPolicy | FileKind::EcsTaskDefinition)
            .then(|| json::parse(&text));
        if let Some((pos, byte, msg)) = json.as_ref().and_then(|j| j.problem.as_ref()) {
            out.diagnostics.push(
                Diagnostic::file(
                    Level::Warning,
                    Kind::Unparsable,
                    file.path,
                    format!("hygiene: {msg}"),
                )
                .at(pos.line.max(1), Some(char_column(&text, *byte))),
            );
        }
        let env = match (&self.repo, kind) {
            (Some(r), FileKind::DotEnv) => Some(r.env_status(file.path)),
            _ => None,
        };
        let docker = (kind == FileKind::Dockerfile).then(|| dockerfile::parse(&text));
        if let Some(d) = &docker {
            for (range, msg) in &d.problems {
                out.diagnostics.push(
                    Diagnostic::file(
                        Level::Warning,
                        Kind::Input,
                        file.path,
                        format!("hygiene: {msg}"),
                    )
                    .at(
                        d.index.pos(range.start).line,
                        Some(char_column(&text, range.start)),
                    ),
                );
            }
        }
        let lines = (kind == FileKind::ShellScript).then(|| dockerfile::LineIndex::new(&text));
        let cx = Cx {
            path: file.path,
            src: &text,
            kind,
            yaml: parsed.as_ref(),
            json: json.as_ref(),
            docker: docker.as_ref(),
            lines: lines.as_ref(),
            from_commit: file.commit.is_some(),
            opts: &self.settings.options,
            env,
        };
        unknown_keys(&cx, out);
        // Includes are read from the work tree: a pipeline read from a
        // commit (history scans) would be judged against other files.
        if let (FileKind::GitlabCi, Some(y), None) = (kind, &parsed, &file.commit) {
            self.gitlab_includes(file.path, &text, y, chain, out);
        }
        let jobs = cx.jobs();
        let steps = cx.steps(&jobs);
        let needs_shell = checks
            .iter()
            .any(|&i| matches!(CHECKS[i].run, Run::Shell(_)));
        let scripts = if needs_shell {
            cx.scripts(&jobs, &steps)
        } else {
            Vec::new()
        };
        let mut hits = Hits::default();
        for &i in checks {
            let c = &CHECKS[i];
            hits.check = i;
            hits.default = (c.severity, c.confidence);
            match c.run {
                Run::File(f) => f(&cx, &mut hits),
                Run::Job(f) => jobs.iter().for_each(|j| f(&cx, j, &mut hits)),
                Run::Step(f) => steps.iter().for_each(|s| f(&cx, &jobs, s, &mut hits)),
                Run::Shell(f) => scripts.iter().for_each(|s| f(&cx, s, &mut hits)),
            }
        }
        let mut hits = hits.hits;
        hits.sort_by_key(|h| (h.span.start_byte, h.check));
        out.findings.reserve(hits.len());
        for h in hits {
            let c = &CHECKS[h.check];
            let line_start = text[..h.span.start_byte.min(text.len())]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            let line_end = text[line_start..]
                .find('\n')
                .map_or(text.len(), |i| line_start + i);
            let region = Region {
                start_line: h.span.start.line,
                start_column: char_column(&text, h.span.start_byte),
                end_line: h.span.end.line,
                end_column: char_column(&text, h.span.end_byte),
            };
            let mut f = Finding::new(
                c.id,
                TOOL,
                h.severity,
                h.confidence,
                file.path,
                region,
                h.message,
            );
            f.cwe = (c.cwe != 0).then_some(c.cwe);
            f.secret = h.secret.filter(|s| !s.is_empty()).map(|s| SecretMatch {
                entropy: crate::secrets::shannon(s.as_bytes()),
                matched: s.clone(),
                value: s,
            });
            let line = text[line_start..line_end].trim_end_matches('\r');
            // A `.env` line holds a secret's value: reports quote only its
            // name (an empty snippet would be refilled from the file).
            f.snippet = Some(match kind {
                FileKind::DotEnv => match line.split_once('=') {
                    Some((name, _)) => format!("{name}=…"),
                    None => "…".to_string(),
                },
                _ => line.to_string(),
            });
            let anchors = h.anchors.unwrap_or(c.anchors);
            f.tags = anchors
                .iter()
                .map(|a| format!("{}:{}", a.tool(), a.id()))
                .collect();
            let mut suppressed = suppress::suppressed_by(c.id, anchors, kind, &text, line_start);
            if let (None, Some(d)) = (&suppressed, &docker) {
                // hadolint's ignore comment sits above the instruction,
                // whichever of its lines the finding is on.
                let i = d
                    .instructions
                    .partition_point(|ins| ins.keyword_range.start <= h.span.start_byte);
                if let Some(ins) = i.checked_sub(1).map(|i| &d.instructions[i]) {
                    let first = text[..ins.keyword_range.start]
                        .rfind('\n')
                        .map_or(0, |i| i + 1);
                    if first != line_start {
                        suppressed = suppress::suppressed_by(c.id, anchors, kind, &text, first);
                    }
                }
            }
            if let Some(comment) = suppressed {
                f.suppression = Some(Suppression {
                    kind: SuppressionKind::InSource,
                    justification: comment,
                });
            }
            out.findings.push(f);
        }
    }

    /// Follow a pipeline's local includes (each scanned as a pipeline under
    /// its own path, unless the walker yields it as one anyway), say which
    /// includes are not followed, and check its `extends:`.
    fn gitlab_includes(
        &self,
        path: &str,
        text: &str,
        y: &yaml::Yaml,
        chain: &[String],
        out: &mut FileOutput,
    ) {
        let mut say = |level: Level, span: yaml::Span, msg: String| {
            out.diagnostics.push(
                Diagnostic::file(level, Kind::Input, path, format!("hygiene: {msg}")).at(
                    span.start.line.max(1),
                    Some(char_column(text, span.start_byte)),
                ),
            );
        };
        let mut known = std::collections::HashSet::new();
        let mut follow = Vec::new();
        for (span, inc) in gitlab::includes(y).into_iter().take(gitlab::MAX_INCLUDES) {
            let rel = match inc {
                gitlab::Include::NotFollowed(what) => {
                    say(
                        Level::Note,
                        span,
                        format!("{what} not followed (gate reads only this repository and never fetches): the jobs it defines are not checked"),
                    );
                    continue;
                }
                gitlab::Include::Local(rel) => rel,
            };
            if rel == path || chain.contains(&rel) {
                say(
                    Level::Warning,
                    span,
                    format!("include `{rel}` includes itself again: not followed a second time"),
                );
                continue;
            }
            if chain.len() >= gitlab::MAX_EXTENDS_DEPTH {
                say(
                    Level::Warning,
                    span,
                    format!(
                        "include `{rel}` is nested more than {} levels deep: not followed",
                        gitlab::MAX_EXTENDS_DEPTH
                    ),
                );
                continue;
            }
            let Some(bytes) = self
                .settings
                .options
                .root
                .as_deref()
                .and_then(|r| gitlab::read_local(r, &rel))
            else {
                say(Level::Warning, span, format!("include `{rel}` not found in the repository: the jobs it defines are not checked"));
                continue;
            };
            let src = String::from_utf8_lossy(&bytes);
            known.extend(gitlab::job_names(&yaml::parse(&src)));
            follow.push((rel, bytes));
        }
        for (span, msg) in gitlab::extends_problems(y, &known) {
            say(Level::Warning, span, msg);
        }
        let mut inner: Vec<String> = chain.to_vec();
        inner.push(path.to_string());
        for (rel, bytes) in follow {
            // A pipeline the walker recognises by its name is scanned on its own.
            if kind::by_path(&rel) == Some(PathKind::Known(FileKind::GitlabCi)) {
                continue;
            }
            self.scan_as(
                &SourceFile::new(&rel, &bytes),
                Some(FileKind::GitlabCi),
                &inner,
                out,
            );
        }
    }
}

impl Engine for HygieneEngine {
    fn name(&self) -> &'static str {
        "hygiene"
    }

    fn wants(&self, path: &str) -> bool {
        kind::by_path(path).is_some()
    }

    fn scan(&self, file: &SourceFile<'_>, out: &mut FileOutput) {
        self.scan_as(file, None, &[], out);
    }

    fn scan_repository(&self, allows: &dyn Fn(&str) -> bool, out: &mut FileOutput) {
        let Some(repo) = &self.repo else {
            return;
        };
        if self.enabled_for(FileKind::DotEnv).is_empty() {
            return;
        }
        for path in repo.hidden_tracked_env() {
            if kind::by_path(&path) != Some(PathKind::Known(FileKind::DotEnv)) || !allows(&path) {
                continue;
            }
            let bytes = repo.read(&path);
            self.scan(&SourceFile::new(&path, &bytes), out);
        }
    }

    fn rules(&self) -> Vec<RuleInfo> {
        CHECKS.iter().map(registry::rule_info).collect()
    }

    fn rule_aliases(&self) -> Vec<(String, Vec<String>)> {
        CHECKS
            .iter()
            .filter(|c| !c.anchors.is_empty())
            .map(|c| {
                let mut ids: Vec<String> = c.anchors.iter().flat_map(|a| a.sarif_ids()).collect();
                ids.retain(|a| a != c.id);
                (c.id.to_string(), ids)
            })
            .collect()
    }
}

/// The 1-based character column of a byte offset (work proportional to its line only).
fn char_column(src: &str, byte: usize) -> u32 {
    let mut byte = byte.min(src.len());
    while !src.is_char_boundary(byte) {
        byte -= 1;
    }
    let line_start = src[..byte].rfind('\n').map_or(0, |i| i + 1);
    src[line_start..byte].chars().count() as u32 + 1
}

/// Keys a workflow does not have: a typo GitHub would reject, and that the
/// checks would otherwise read as "not set".
fn unknown_keys(cx: &Cx<'_>, out: &mut FileOutput) {
    if cx.kind != FileKind::Workflow {
        return;
    }
    let Some(root) = cx.root() else {
        return;
    };
    let mut report = |pair: &yaml::Pair, known: &[&str], what: &str| {
        let key = pair.key_str();
        if known.contains(&key) {
            return;
        }
        out.diagnostics.push(
            Diagnostic::file(
                Level::Warning,
                Kind::Input,
                cx.path,
                format!(
                    "hygiene: unknown {what} key `{key}`{}; it is not checked",
                    crate::suggest::did_you_mean(key, known.iter().copied())
                ),
            )
            .at(
                pair.key.span.start.line,
                Some(char_column(cx.src, pair.key.span.start_byte)),
            ),
        );
    };
    for p in root.pairs() {
        report(p, WORKFLOW_KEYS, "workflow");
    }
    for job in root.get("jobs").map(|j| j.pairs()).unwrap_or_default() {
        for p in job.value.pairs() {
            report(p, JOB_KEYS, "job");
        }
        for step in job
            .value
            .get("steps")
            .map(|s| s.items())
            .unwrap_or_default()
        {
            for p in step.pairs() {
                report(p, STEP_KEYS, "step");
            }
        }
    }
}
