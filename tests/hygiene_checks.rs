//! Every hygiene check against its fixture (issue 12): lines marked
//! `expect: ID` (or the line after an `expect-next: ID` comment, for
//! Dockerfile instructions where a trailing `#` is not a comment) must be
//! reported with that id, no other line may be, and a snapshot records what
//! gate says about each fixture.

use std::collections::BTreeSet;
use std::path::Path;

use gate::engines::{Engine, FileOutput, SourceFile};
use gate::hygiene::{HygieneEngine, Settings, CHECKS};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/hygiene/checks");

/// Where a fixture is scanned from: its kind follows from this path
/// (`.yml` fixtures are workflows, `.compose.yml` compose files,
/// `.gitlab-ci.yml` GitLab pipelines, `.action.yml` actions, `.sh` shell scripts, `.txt`
/// requirements files, `.env` env files, `.json` files decide by content;
/// Dockerfiles sit at the root of `DIR`, which has no `.dockerignore`).
fn report_path(name: &str) -> String {
    if name.ends_with(".compose.yml") {
        return format!("deploy/docker-compose.{name}");
    }
    if name.ends_with(".gitlab-ci.yml") {
        return format!("ci/{name}");
    }
    if let Some(stem) = name.strip_suffix(".action.yml") {
        return format!("actions/{stem}/action.yml");
    }
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("sh") => format!("scripts/{name}"),
        Some("dockerfile") => name.to_string(),
        Some("txt") => format!("requirements/{name}"),
        Some("json") => format!("deploy/{name}"),
        Some("env") => format!("config/{name}"),
        _ => format!(".github/workflows/{name}"),
    }
}

fn scan(path: &str, src: &[u8]) -> FileOutput {
    let mut settings = Settings::default();
    settings.options.root = Some(DIR.into());
    let mut out = FileOutput::default();
    HygieneEngine::new(settings).scan(&SourceFile::new(path, src), &mut out);
    out
}

fn fixtures() -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}

/// (line, id) pairs the fixture's `expect:` markers ask for (`expect-next:`
/// marks the line below, for Dockerfiles, whose instructions cannot carry a
/// trailing comment).
fn expected(src: &str) -> BTreeSet<(u32, String)> {
    let mut out = BTreeSet::new();
    let ids = |rest: &str| -> Vec<String> {
        rest.split(|c: char| c.is_whitespace() || matches!(c, '"' | ',' | '}'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    for (i, line) in src.lines().enumerate() {
        if let Some(at) = line.find("expect-next:") {
            for id in ids(&line[at + 12..]) {
                out.insert((i as u32 + 2, id));
            }
        } else if let Some(at) = line.find("expect:") {
            for id in ids(&line[at + 7..]) {
                out.insert((i as u32 + 1, id));
            }
        }
    }
    out
}

#[test]
fn issue12_p1_every_check_reports_exactly_its_marked_lines() {
    let mut failures = Vec::new();
    for (name, src) in fixtures() {
        let out = scan(&report_path(&name), src.as_bytes());
        assert!(out.diagnostics.is_empty(), "{name}: {:?}", out.diagnostics);
        let got: BTreeSet<(u32, String)> = out
            .findings
            .iter()
            .filter(|f| f.suppression.is_none())
            .map(|f| (f.region.start_line, f.rule_id.clone()))
            .collect();
        let want = expected(&src);
        for miss in want.difference(&got) {
            failures.push(format!(
                "{name}:{}: expected {} not reported",
                miss.0, miss.1
            ));
        }
        for extra in got.difference(&want) {
            failures.push(format!("{name}:{}: unexpected {}", extra.0, extra.1));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn issue12_p1_every_check_has_a_fixture_with_failing_and_passing_cases() {
    let all = fixtures();
    for c in CHECKS {
        let mine: Vec<&(String, String)> =
            all.iter().filter(|(n, _)| n.starts_with(c.id)).collect();
        assert!(!mine.is_empty(), "{} has no fixture in {DIR}", c.id);
        let marked = mine
            .iter()
            .any(|(_, s)| expected(s).iter().any(|(_, id)| id == c.id));
        assert!(marked, "{}: its fixture marks no failing line", c.id);
        let lines: usize = mine.iter().map(|(_, s)| s.lines().count()).sum();
        let failing: usize = mine.iter().map(|(_, s)| expected(s).len()).sum();
        assert!(
            lines > failing * 2,
            "{}: its fixture needs passing cases too",
            c.id
        );
    }
}

#[test]
fn issue12_p1_findings_snapshot() {
    for (name, src) in fixtures() {
        let out = scan(&report_path(&name), src.as_bytes());
        let mut text = String::new();
        for f in &out.findings {
            text.push_str(&format!(
                "{}:{}-{}:{} {} {}/{}{} {}\n",
                f.region.start_line,
                f.region.start_column,
                f.region.end_line,
                f.region.end_column,
                f.rule_id,
                f.severity,
                f.confidence,
                match &f.suppression {
                    Some(s) => format!(" [suppressed by {}]", s.justification),
                    None => String::new(),
                },
                f.message
            ));
        }
        let stem = Path::new(&name)
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        insta::assert_snapshot!(format!("hygiene_{stem}"), text);
    }
}
