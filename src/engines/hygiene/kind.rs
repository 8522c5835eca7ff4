//! Which pipeline file a path is: decided by its name (and, for JSON, by
//! what it holds). [`by_path`] runs for every file the walker yields, so it
//! only looks at the last path components, with no allocation.

use serde::Serialize;

/// A file kind the hygiene engine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileKind {
    /// `.github/workflows/*.yml`
    Workflow,
    /// `action.yml` (composite or not).
    Action,
    /// `Dockerfile`, `Dockerfile.*`, `*.dockerfile`, `Containerfile`.
    Dockerfile,
    /// `.dockerignore`
    Dockerignore,
    /// `docker-compose.yml`, `compose.yaml`, `docker-compose.*.yml`.
    Compose,
    /// `.gitlab-ci.yml`, and `*.gitlab-ci.yml` (the usual name of files it includes).
    GitlabCi,
    /// JSON holding `Statement`/`Effect`: an IAM (or trust) policy.
    IamPolicy,
    /// JSON holding `containerDefinitions`: an ECS task definition.
    EcsTaskDefinition,
    /// `requirements*.txt` (and `*.txt` under `requirements/`).
    Requirements,
    /// `.env`, `.env.*`, `*.env`.
    DotEnv,
    /// `*.sh`: deploy and CI scripts, read as shell.
    ShellScript,
}

impl FileKind {
    /// Every kind, for docs and the registry's sanity test.
    pub const ALL: [FileKind; 11] = [
        FileKind::Workflow,
        FileKind::Action,
        FileKind::Dockerfile,
        FileKind::Dockerignore,
        FileKind::Compose,
        FileKind::GitlabCi,
        FileKind::IamPolicy,
        FileKind::EcsTaskDefinition,
        FileKind::Requirements,
        FileKind::DotEnv,
        FileKind::ShellScript,
    ];

    /// Whether files of this kind are YAML.
    pub fn is_yaml(self) -> bool {
        matches!(
            self,
            FileKind::Workflow | FileKind::Action | FileKind::Compose | FileKind::GitlabCi
        )
    }

    /// The kind's name as docs write it.
    pub fn as_str(self) -> &'static str {
        match self {
            FileKind::Workflow => "GitHub workflow",
            FileKind::Action => "GitHub action",
            FileKind::Dockerfile => "Dockerfile",
            FileKind::Dockerignore => ".dockerignore",
            FileKind::Compose => "compose file",
            FileKind::GitlabCi => ".gitlab-ci.yml",
            FileKind::IamPolicy => "IAM policy JSON",
            FileKind::EcsTaskDefinition => "ECS task definition",
            FileKind::Requirements => "requirements file",
            FileKind::DotEnv => ".env file",
            FileKind::ShellScript => "shell script",
        }
    }
}

/// What the path alone says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    /// The kind is known from the name.
    Known(FileKind),
    /// A `.json` file: its content decides (IAM policy, ECS task definition, neither).
    Json,
}

/// Where the last `/` is. A plain loop from the end: it stops within the
/// file's name, where `rfind` would set up a memchr search for every file.
fn last_slash(path: &str) -> Option<usize> {
    path.bytes().rposition(|b| b == b'/')
}

/// The file's name: the last `/`-separated component.
fn file_name(path: &str) -> &str {
    last_slash(path).map_or(path, |i| &path[i + 1..])
}

/// The directory part, without the trailing `/` (`""` at the root).
fn parent(path: &str) -> &str {
    last_slash(path).map_or("", |i| &path[..i])
}

fn ends_with_ci(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len()
        && s.is_char_boundary(s.len() - suffix.len())
        && s[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// A longer name starting with `prefix` in any case; never slices inside a
/// character (names are arbitrary UTF-8).
fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.len() > prefix.len()
        && s.get(..prefix.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Extensions that make `dockerfile.EXT` a program or a document about
/// Dockerfiles (`dockerfile.rs`, `dockerfile.py`), not a Dockerfile variant
/// (`Dockerfile.prod`, `Dockerfile.alpine`, `Dockerfile.j2`).
const SOURCE_EXTENSIONS: &[&str] = &[
    "rs", "py", "pyi", "go", "ts", "tsx", "js", "jsx", "mjs", "rb", "java", "kt", "scala", "c",
    "h", "cc", "cpp", "cs", "hs", "php", "swift", "md", "rst", "adoc", "txt", "html", "json",
    "yml", "yaml", "toml", "xml", "snap", "lock", "bak", "orig", "swp", "patch", "diff", "sh",
];

fn is_source_extension(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        SOURCE_EXTENSIONS
            .iter()
            .any(|e| ext.eq_ignore_ascii_case(e))
    })
}

fn is_yaml_name(name: &str) -> bool {
    ends_with_ci(name, ".yml") || ends_with_ci(name, ".yaml")
}

/// The kind a report path names, if any. Cheap: called for every file.
pub fn by_path(path: &str) -> Option<PathKind> {
    let name = file_name(path);
    let lower_eq = |s: &str| name.eq_ignore_ascii_case(s);
    if is_yaml_name(name) {
        let dir = parent(path);
        if dir == ".github/workflows" || dir.ends_with("/.github/workflows") {
            return Some(PathKind::Known(FileKind::Workflow));
        }
        if lower_eq("action.yml") || lower_eq("action.yaml") {
            return Some(PathKind::Known(FileKind::Action));
        }
        if ends_with_ci(name, ".gitlab-ci.yml") || ends_with_ci(name, ".gitlab-ci.yaml") {
            return Some(PathKind::Known(FileKind::GitlabCi));
        }
        if starts_with_ci(name, "docker-compose")
            || starts_with_ci(name, "compose") && !starts_with_ci(name, "composer")
        {
            return Some(PathKind::Known(FileKind::Compose));
        }
        return None;
    }
    // `Dockerfile.dockerignore`: the ignore file BuildKit reads for that Dockerfile.
    if name == ".dockerignore" || ends_with_ci(name, ".dockerignore") {
        return Some(PathKind::Known(FileKind::Dockerignore));
    }
    if lower_eq("dockerfile")
        || lower_eq("containerfile")
        || (starts_with_ci(name, "dockerfile.") || starts_with_ci(name, "containerfile."))
            && !is_source_extension(name)
        || ends_with_ci(name, ".dockerfile")
    {
        return Some(PathKind::Known(FileKind::Dockerfile));
    }
    if ends_with_ci(name, ".txt") {
        let dir = parent(path);
        let in_req_dir = dir == "requirements" || dir.ends_with("/requirements");
        if starts_with_ci(name, "requirements")
            || ends_with_ci(name, "-requirements.txt")
            || in_req_dir
        {
            return Some(PathKind::Known(FileKind::Requirements));
        }
        return None;
    }
    if name == ".env" || name.starts_with(".env.") || (name.ends_with(".env") && name.len() > 4) {
        return Some(PathKind::Known(FileKind::DotEnv));
    }
    if ends_with_ci(name, ".json") {
        return Some(PathKind::Json);
    }
    if name.len() > 3 && name.ends_with(".sh") {
        return Some(PathKind::Known(FileKind::ShellScript));
    }
    None
}

/// The kind of a JSON file, from its content: an IAM policy has `Statement`
/// and `Effect`, an ECS task definition `containerDefinitions`.
pub fn json_kind(bytes: &[u8]) -> Option<FileKind> {
    let has = |needle: &[u8]| memchr::memmem::find(bytes, needle).is_some();
    if has(b"\"containerDefinitions\"") {
        Some(FileKind::EcsTaskDefinition)
    } else if has(b"\"Statement\"") && has(b"\"Effect\"") {
        Some(FileKind::IamPolicy)
    } else {
        None
    }
}

/// Whether a `.env`-style name is a template meant to be committed
/// (`.env.example`, `.env.sample`, `example.env`...).
pub fn is_env_template(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    ["example", "sample", "template", "dist", "defaults", "tpl"]
        .iter()
        .any(|w| name.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(path: &str) -> Option<FileKind> {
        match by_path(path)? {
            PathKind::Known(k) => Some(k),
            PathKind::Json => None,
        }
    }

    #[test]
    fn paths_name_their_kinds() {
        assert_eq!(k(".github/workflows/ci.yml"), Some(FileKind::Workflow));
        assert_eq!(k("sub/.github/workflows/ci.YAML"), Some(FileKind::Workflow));
        assert_eq!(k(".github/workflows/nested/ci.yml"), None);
        assert_eq!(k("action.yml"), Some(FileKind::Action));
        assert_eq!(k("tools/setup/action.yaml"), Some(FileKind::Action));
        assert_eq!(k("Dockerfile"), Some(FileKind::Dockerfile));
        assert_eq!(k("docker/Dockerfile.prod"), Some(FileKind::Dockerfile));
        assert_eq!(k("api.dockerfile"), Some(FileKind::Dockerfile));
        assert_eq!(k("Containerfile"), Some(FileKind::Dockerfile));
        // Issue 12: a multi-byte character across the prefix's end is no panic.
        assert_eq!(k("dockerfile\u{e9}x"), None);
        assert_eq!(k("containerfile\u{e9}x"), None);
        assert_eq!(k("Dockerfile.\u{e9}"), Some(FileKind::Dockerfile));
        assert_eq!(k("deploy/Dockerfile.j2"), Some(FileKind::Dockerfile));
        // A program about Dockerfiles is not one.
        assert_eq!(k("src/hygiene/dockerfile.rs"), None);
        assert_eq!(k("lib/dockerfile.py"), None);
        assert_eq!(k(".dockerignore"), Some(FileKind::Dockerignore));
        assert_eq!(
            k("ci/Dockerfile.dockerignore"),
            Some(FileKind::Dockerignore)
        );
        assert_eq!(k("docker-compose.yml"), Some(FileKind::Compose));
        assert_eq!(k("deploy/compose.prod.yaml"), Some(FileKind::Compose));
        assert_eq!(k(".gitlab-ci.yml"), Some(FileKind::GitlabCi));
        assert_eq!(k("ci/build.gitlab-ci.yml"), Some(FileKind::GitlabCi));
        assert_eq!(k("compose.yaml"), Some(FileKind::Compose));
        assert_eq!(k("docker-compose.override.yml"), Some(FileKind::Compose));
        assert_eq!(k("scripts/deploy.sh"), Some(FileKind::ShellScript));
        assert_eq!(k(".sh"), None);
        assert_eq!(k("requirements.txt"), Some(FileKind::Requirements));
        assert_eq!(k("requirements-dev.txt"), Some(FileKind::Requirements));
        assert_eq!(k("requirements/base.txt"), Some(FileKind::Requirements));
        assert_eq!(k("notes.txt"), None);
        // Names compared in any case, in place.
        assert_eq!(k("Docker-Compose.YML"), Some(FileKind::Compose));
        assert_eq!(k("composer.yml"), None);
        assert_eq!(k("REQUIREMENTS.txt"), Some(FileKind::Requirements));
        assert_eq!(k("ci/dev-Requirements.TXT"), Some(FileKind::Requirements));
        assert_eq!(k("a/b/requirements/test.txt"), Some(FileKind::Requirements));
        assert_eq!(k(".env"), Some(FileKind::DotEnv));
        assert_eq!(k("app/.env.production"), Some(FileKind::DotEnv));
        assert_eq!(k("prod.env"), Some(FileKind::DotEnv));
        assert_eq!(k("src/app.py"), None);
        assert_eq!(k("config.yml"), None);
        assert_eq!(by_path("policy.json"), Some(PathKind::Json));
    }

    #[test]
    fn json_content_decides_its_kind() {
        let iam = br#"{"Version":"2012-10-17","Statement":[{"Effect":"Allow"}]}"#;
        assert_eq!(json_kind(iam), Some(FileKind::IamPolicy));
        assert_eq!(
            json_kind(br#"{"family":"x","containerDefinitions":[]}"#),
            Some(FileKind::EcsTaskDefinition)
        );
        assert_eq!(json_kind(br#"{"name":"pkg"}"#), None);
    }

    #[test]
    fn env_templates_are_recognised() {
        assert!(is_env_template(".env.example"));
        assert!(is_env_template("config/.env.sample"));
        assert!(!is_env_template(".env"));
        assert!(!is_env_template(".env.production"));
    }
}
