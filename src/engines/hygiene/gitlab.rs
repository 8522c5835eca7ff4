//! What a `.gitlab-ci.yml` takes from elsewhere: `include:` of local files
//! (read from the repository, never fetched) and `extends:` of templates
//! (checked to name a job, without cycles, at most [`MAX_EXTENDS_DEPTH`]
//! deep). Every template, `default:` and anchored value is checked where it
//! is written, in the file that holds it: an included file is scanned as a
//! GitLab pipeline under its own path.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::yaml::{Node, Span, Value, Yaml};

/// GitLab's own limit on the levels of `extends:`.
pub const MAX_EXTENDS_DEPTH: usize = 11;
/// Files a pipeline may include, nested includes counted (GitLab's limit is 150).
pub const MAX_INCLUDES: usize = 150;

/// One `include:` entry.
#[derive(Debug, PartialEq, Eq)]
pub enum Include {
    /// A file of this repository, relative to its root.
    Local(String),
    /// Anything gate does not follow (`remote`, `project`, `template`,
    /// `component`, a URL, a wildcard), with what it is.
    NotFollowed(String),
}

/// The `include:` entries of a pipeline, with where each is written.
pub fn includes(y: &Yaml) -> Vec<(Span, Include)> {
    let Some(root) = y.root() else {
        return Vec::new();
    };
    let Some(inc) = y.get(root, "include") else {
        return Vec::new();
    };
    let inc = y.deref(inc);
    let entries: Vec<&Node> = match &inc.value {
        Value::Seq(items) => items.iter().map(|i| y.deref(i)).collect(),
        _ => vec![inc],
    };
    let mut out = Vec::new();
    for e in entries {
        match &e.value {
            Value::Scalar(s) => out.push((e.span, classify(&s.value, "a file"))),
            Value::Map(_) => {
                if let Some(l) = y.get(e, "local") {
                    let path = l.as_str().unwrap_or("");
                    out.push((l.span, classify(path, "a local file")));
                    continue;
                }
                let kind = ["remote", "project", "template", "component"]
                    .into_iter()
                    .find(|k| y.get(e, k).is_some())
                    .unwrap_or("an unknown kind of");
                out.push((e.span, Include::NotFollowed(format!("`{kind}` include"))));
            }
            _ => {}
        }
    }
    out
}

/// A path as written in `include:`: local, or not followed (URLs,
/// wildcards, variables, paths that leave the repository).
fn classify(path: &str, what: &str) -> Include {
    let p = path.trim();
    if p.contains("://") {
        return Include::NotFollowed(format!("remote include `{p}`"));
    }
    if p.contains(['*', '?', '[']) {
        return Include::NotFollowed(format!("include `{p}` with a wildcard"));
    }
    if p.contains('$') {
        return Include::NotFollowed(format!("include `{p}` built from a variable"));
    }
    let rel = p.trim_start_matches('/');
    if rel.is_empty() || rel.split('/').any(|c| c == "..") {
        return Include::NotFollowed(format!("{what} `{p}` outside the repository"));
    }
    Include::Local(rel.to_string())
}

/// Read a local include under `root`; `None` when it is missing or its real
/// path leaves `root` (a symlink out of the repository is not read).
pub fn read_local(root: &Path, rel: &str) -> Option<Vec<u8>> {
    let real = std::fs::canonicalize(root.join(rel)).ok()?;
    let base = std::fs::canonicalize(root).ok()?;
    if !real.starts_with(&base) || !real.is_file() {
        return None;
    }
    std::fs::read(real).ok()
}

/// The job names a pipeline defines (hidden `.templates` included).
pub fn job_names(y: &Yaml) -> Vec<String> {
    let Some(root) = y.root() else {
        return Vec::new();
    };
    root.pairs()
        .iter()
        .filter(|p| y.deref(&p.value).is_map())
        .map(|p| p.key_str().to_string())
        .collect()
}

/// Problems with `extends:`: a name no job of this file or its local
/// includes defines (`known` holds those of the includes), a cycle, or a
/// chain deeper than GitLab allows. Each at the `extends:` value that
/// starts it.
pub fn extends_problems(y: &Yaml, known: &HashSet<String>) -> Vec<(Span, String)> {
    let Some(root) = y.root() else {
        return Vec::new();
    };
    let mut parents: HashMap<&str, Vec<(&str, Span)>> = HashMap::new();
    for p in root.pairs() {
        let job = y.deref(&p.value);
        if !job.is_map() {
            continue;
        }
        let Some(ext) = y.get(job, "extends") else {
            continue;
        };
        let ext = y.deref(ext);
        let names: Vec<&Node> = match &ext.value {
            Value::Seq(items) => items.iter().map(|i| y.deref(i)).collect(),
            _ => vec![ext],
        };
        parents.entry(p.key_str()).or_default().extend(
            names
                .into_iter()
                .filter_map(|n| Some((n.as_str()?, n.span))),
        );
    }
    let defined: HashSet<&str> = root.pairs().iter().map(|p| p.key_str()).collect();
    let mut out = Vec::new();
    for p in root.pairs() {
        let job = p.key_str();
        for &(name, span) in parents.get(job).map(Vec::as_slice).unwrap_or_default() {
            if !defined.contains(name) && !known.contains(name) {
                out.push((
                    span,
                    format!(
                        "job `{job}` extends `{name}`, which neither this file nor its local includes define: what it inherits is not checked"
                    ),
                ));
                continue;
            }
            // Depth-first along this parent: a cycle back to `job`, or too deep.
            let mut stack = vec![(name, 1usize)];
            let mut seen = HashSet::new();
            while let Some((n, depth)) = stack.pop() {
                if n == job {
                    out.push((
                        span,
                        format!("job `{job}` extends `{name}`, which extends `{job}` again: GitLab rejects this cycle"),
                    ));
                    break;
                }
                if depth > MAX_EXTENDS_DEPTH {
                    out.push((
                        span,
                        format!("job `{job}` extends `{name}` through more than {MAX_EXTENDS_DEPTH} levels: GitLab rejects it"),
                    ));
                    break;
                }
                if !seen.insert((n, depth)) {
                    continue;
                }
                for &(up, _) in parents.get(n).map(Vec::as_slice).unwrap_or_default() {
                    stack.push((up, depth + 1));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hygiene::yaml::parse;

    #[test]
    fn include_forms_are_local_or_not_followed() {
        let y = parse(
            "include:\n  - 'ci/a.yml'\n  - local: /ci/b.yml\n  - remote: https://x/y.yml\n  - project: g/p\n    file: x.yml\n  - template: Auto-DevOps.gitlab-ci.yml\n  - 'ci/*.yml'\n  - https://example.com/c.yml\n  - local: ../up.yml\n",
        );
        let got: Vec<Include> = includes(&y).into_iter().map(|(_, i)| i).collect();
        assert_eq!(got[0], Include::Local("ci/a.yml".into()));
        assert_eq!(got[1], Include::Local("ci/b.yml".into()));
        for (i, word) in [
            (2, "remote"),
            (3, "project"),
            (4, "template"),
            (5, "wildcard"),
            (6, "remote"),
            (7, "outside"),
        ] {
            assert!(
                matches!(&got[i], Include::NotFollowed(w) if w.contains(word)),
                "{i}: {:?}",
                got[i]
            );
        }
        let one = parse("include: ci/one.yml\n");
        assert_eq!(includes(&one)[0].1, Include::Local("ci/one.yml".into()));
        let map = parse("include:\n  local: ci/m.yml\n");
        assert_eq!(includes(&map)[0].1, Include::Local("ci/m.yml".into()));
    }

    #[test]
    fn extends_names_cycles_and_depth_are_checked() {
        let y = parse(
            ".a:\n  image: x\nb:\n  extends: .a\nc:\n  extends: [.a, .missing]\n.d:\n  extends: .e\n.e:\n  extends: .d\nf:\n  extends: .from-include\n",
        );
        let known: HashSet<String> = [".from-include".to_string()].into();
        let p = extends_problems(&y, &known);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].1.contains("`.missing`") && p[0].0.start.line == 6);
        assert!(p.iter().filter(|(_, m)| m.contains("cycle")).count() == 2);
        let mut deep = String::from(".l0:\n  image: x\n");
        for i in 1..=13 {
            deep.push_str(&format!(".l{i}:\n  extends: .l{}\n", i - 1));
        }
        let p = extends_problems(&parse(&deep), &HashSet::new());
        assert!(p.iter().any(|(_, m)| m.contains("levels")), "{p:?}");
    }
}
