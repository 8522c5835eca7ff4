//! Reports: one file per format behind one small trait, all rendering the same [`Report`].

mod github;
mod gitlab;
mod gitlab_security;
mod json;
mod junit;
pub(crate) mod markdown;
mod sarif;
mod text;

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::engines::RuleInfo;
use crate::finding::{Finding, Severity};
use crate::policy::Verdict;
use crate::scan::ScanStats;

pub use github::escape_data as escape_workflow_data;
pub use github::escape_property as escape_workflow_property;

/// Everything a report may show about one run.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// Every finding, suppressed ones included (formats that show only active
    /// findings skip those with a suppression).
    pub findings: &'a [Finding],
    /// The catalogue of every rule that may appear, by id.
    pub rules: &'a BTreeMap<String, RuleInfo>,
    pub diagnostics: &'a [Diagnostic],
    pub verdict: &'a Verdict,
    pub stats: ScanStats,
    /// What this run was: root, imported tools, baseline, diff base.
    pub run: &'a RunInfo,
}

/// Run-level facts some formats record (SARIF `invocations`, `automationDetails`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RunInfo {
    /// The directory report paths are relative to.
    pub root: Option<PathBuf>,
    /// SARIF `automationDetails.id` (GitHub's category), default `gate/`.
    pub automation_id: Option<String>,
    /// Tools whose SARIF was imported.
    pub tools: Vec<crate::sarif::read::ToolInfo>,
    /// The baseline file findings were compared with.
    pub baseline: Option<String>,
    /// The revision whose diff scoped the gate.
    pub diff_base: Option<String>,
    /// Where this run's JSON report goes (a file, or standard output), if it
    /// writes one: it holds every finding, so a SARIF file cut to GitHub's
    /// limits points there.
    pub json_report: Option<String>,
    /// When the scan started (GitLab security reports' `scan.start_time`).
    pub started: Option<std::time::SystemTime>,
    /// The commit the scanned tree is (`CI_COMMIT_SHA`, else git's `HEAD`),
    /// for GitLab's secret-detection report; findings from history carry
    /// their own.
    pub commit: Option<String>,
}

impl Report<'_> {
    /// Findings not suppressed, with their index into `findings`.
    pub fn active(&self) -> impl Iterator<Item = (usize, &Finding)> {
        self.findings
            .iter()
            .enumerate()
            .filter(|(_, f)| f.suppression.is_none())
    }

    /// Count of active findings per severity, most severe first.
    pub fn counts(&self) -> Vec<(Severity, usize)> {
        Severity::ALL
            .iter()
            .map(|&s| (s, self.active().filter(|(_, f)| f.severity == s).count()))
            .collect()
    }
}

/// How to render. Secrets are already masked (by [`crate::redact`]) when a
/// report is rendered.
#[derive(Debug, Clone, Copy)]
pub struct RenderOptions {
    pub color: bool,
}

/// One output format.
pub trait Emitter {
    /// The whole report as the format's text.
    fn render(&self, report: &Report<'_>, opts: &RenderOptions) -> String;
}

/// The formats gate writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Sarif,
    Github,
    /// GitLab Code Quality (`gitlab-codequality`, alias `gitlab`).
    Gitlab,
    /// GitLab's secret-detection security report (schema 15.2.4).
    GitlabSecretDetection,
    /// GitLab's SAST security report (schema 15.2.4).
    GitlabSast,
    Junit,
    Markdown,
}

impl Format {
    /// Every format's name, for messages.
    pub const NAMES: &'static str = "text, json, sarif, github, gitlab-codequality (or gitlab), \
         gitlab-secret-detection, gitlab-sast, junit, markdown";

    /// Parse a format name as used in `--output FORMAT=FILE`.
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "json" => Some(Format::Json),
            "sarif" => Some(Format::Sarif),
            "github" => Some(Format::Github),
            "gitlab" | "gitlab-codequality" => Some(Format::Gitlab),
            "gitlab-secret-detection" => Some(Format::GitlabSecretDetection),
            "gitlab-sast" => Some(Format::GitlabSast),
            "junit" => Some(Format::Junit),
            "markdown" | "md" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// Guess a format from a file name: the names GitLab's documentation
    /// gives its reports (`gl-sast-report.json`, ...), else the extension.
    pub fn from_extension(path: &str) -> Option<Format> {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        match name {
            "gl-secret-detection-report.json" => return Some(Format::GitlabSecretDetection),
            "gl-sast-report.json" => return Some(Format::GitlabSast),
            "gl-code-quality-report.json" => return Some(Format::Gitlab),
            _ => {}
        }
        let ext = path.rsplit('.').next()?.to_ascii_lowercase();
        match ext.as_str() {
            "sarif" => Some(Format::Sarif),
            "json" => Some(Format::Json),
            "txt" => Some(Format::Text),
            "xml" => Some(Format::Junit),
            "md" => Some(Format::Markdown),
            _ => None,
        }
    }

    /// The emitter for this format.
    pub fn emitter(self) -> Box<dyn Emitter> {
        match self {
            Format::Text => Box::new(text::Text),
            Format::Json => Box::new(json::Json),
            Format::Sarif => Box::new(sarif::Sarif),
            Format::Github => Box::new(github::Github),
            Format::Gitlab => Box::new(gitlab::Gitlab),
            Format::GitlabSecretDetection => Box::new(gitlab_security::SecretDetection),
            Format::GitlabSast => Box::new(gitlab_security::Sast),
            Format::Junit => Box::new(junit::Junit),
            Format::Markdown => Box::new(markdown::Markdown),
        }
    }
}
