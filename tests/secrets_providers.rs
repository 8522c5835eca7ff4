//! Issue 13, breadth: provider rules whose keys are a bare UUID, hex or base62 string
//! are bound to the provider's name. They find the key in the layouts real projects use
//! (env files, JSON, Go `:=`, YAML sections, Kubernetes env entries, debug logs), and
//! never report the same value next to a neutral name or a name that merely contains
//! the provider's (wizardApiSecret, toggleApiKey, export).

mod common;

use common::Tree;

/// (rule id, name as written in code, value) for a sample of unprefixed provider keys.
const KEYS: &[(&str, &str, &str)] = &[
    (
        "pipedrive-api-token",
        "PIPEDRIVE_API_TOKEN",
        "9f1c2e7ab04d5c88e3f6a1b2c9d07e4f5a6b8c1d",
    ),
    (
        "coda-api-token",
        "CODA_API_TOKEN",
        "7c9e6679-7425-40de-944b-e07fc1f90ae7",
    ),
    (
        "koyeb-api-token",
        "KOYEB_TOKEN",
        "Qm7tR2vXk9LpA4sZ8nWc3YfH6jDe1UbG5oKiT0qMrVxNa2Cw7PzE4yLs9hJd3FgB",
    ),
    (
        "webflow-api-token",
        "WEBFLOW_API_TOKEN",
        "8e1f0c7d2b9a4e6f3c5d8b7a1e0f9c2d4b6a8e7f1c3d5b9a0e2f4c6d8b1a3e5f",
    ),
    (
        "jenkins-api-token",
        "JENKINS_API_TOKEN",
        "11e5c7a9f3b1d2c4e6f8a0b9c7d5e3f1a2",
    ),
    (
        "docusign-secret-key",
        "DOCUSIGN_SECRET_KEY",
        "3b8f2c1e-9d4a-47e6-b5c2-8f1a0e9d7c6b",
    ),
    (
        "crowdstrike-falcon-client-secret",
        "CROWDSTRIKE_CLIENT_SECRET",
        "Zr8Kq2WmT5vLx9PaN3cY7bHs1DfG4jUeQ6oIw0Ei",
    ),
    (
        "todoist-api-token",
        "TODOIST_API_TOKEN",
        "c4e6f8a0b9c7d5e3f1a2e5c7a9f3b1d2c4e6f8a0",
    ),
];

fn camel(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    let mut parts = lower.split('_');
    let mut out = parts.next().unwrap_or_default().to_string();
    for p in parts {
        let mut cs = p.chars();
        if let Some(c) = cs.next() {
            out.push(c.to_ascii_uppercase());
            out.extend(cs);
        }
    }
    out
}

/// The provider's word as a person would write it in a log message (`Linode`).
fn provider_word(name: &str) -> String {
    let first = name.split('_').next().unwrap_or(name).to_ascii_lowercase();
    let mut cs = first.chars();
    match cs.next() {
        Some(c) => c.to_ascii_uppercase().to_string() + cs.as_str(),
        None => first,
    }
}

fn rules_at(hits: &[(String, u64, String)], path: &str, line: u64) -> Vec<String> {
    hits.iter()
        .filter(|(p, l, _)| p.ends_with(path) && *l == line)
        .map(|(_, _, r)| r.clone())
        .collect()
}

fn scan(tree: &Tree) -> Vec<(String, u64, String)> {
    let run = tree.gate(&[
        "scan",
        ".",
        "--engines",
        "secrets",
        "--format",
        "json",
        "--fail-on",
        "info",
    ]);
    assert!(
        run.code == 0 || run.code == 1,
        "gate exited {}: {}",
        run.code,
        run.stderr
    );
    run.hits()
}

#[test]
fn issue13_unprefixed_provider_keys_are_found_in_every_layout() {
    let tree = Tree::new();
    for (i, (_, name, value)) in KEYS.iter().enumerate() {
        let snake = name.to_ascii_lowercase();
        let section = snake.split('_').next().unwrap();
        tree.file(&format!("p{i}/.env"), format!("{name}={value}\n"));
        tree.file(
            &format!("p{i}/config.json"),
            format!("{{\n  \"{snake}\": \"{value}\"\n}}\n"),
        );
        tree.file(
            &format!("p{i}/main.go"),
            format!(
                "package main\n\nfunc main() {{\n\t{} := \"{value}\"\n}}\n",
                camel(name)
            ),
        );
        tree.file(
            &format!("p{i}/settings.yaml"),
            format!("{section}:\n  enabled: true\n  api_key: \"{value}\"\n"),
        );
        tree.file(
            &format!("p{i}/deploy.yaml"),
            format!("env:\n  - name: {name}\n    value: \"{value}\"\n"),
        );
        tree.file(
            &format!("p{i}/app.log"),
            format!(
                "2026-03-02T10:14:07Z [INFO] starting\n2026-03-02T10:14:07Z [DEBUG] Using {} Key={value}\n",
                provider_word(name)
            ),
        );
    }
    let hits = scan(&tree);
    let mut missing = Vec::new();
    for (i, (rule, _, _)) in KEYS.iter().enumerate() {
        for (file, line) in [
            (".env", 1),
            ("config.json", 2),
            ("main.go", 4),
            ("settings.yaml", 1),
            ("deploy.yaml", 2),
            ("app.log", 2),
        ] {
            let path = format!("p{i}/{file}");
            let found = rules_at(&hits, &path, line);
            // A YAML section is reported where the key is, not at the section header.
            let found_any = found.iter().any(|r| r == rule)
                || (file == "settings.yaml" && rules_at(&hits, &path, 3).iter().any(|r| r == rule))
                || (file == "deploy.yaml" && rules_at(&hits, &path, 3).iter().any(|r| r == rule));
            if !found_any {
                missing.push(format!("{rule} in {path}:{line} (found {found:?})"));
            }
        }
    }
    assert!(missing.is_empty(), "not found:\n{}", missing.join("\n"));
}

#[test]
fn issue13_provider_rules_never_report_a_value_without_the_provider_name() {
    let tree = Tree::new();
    let mut body = String::new();
    for (_, name, value) in KEYS {
        let snake = name.to_ascii_lowercase();
        // Neutral names, and the provider's word inside a longer identifier.
        body.push_str(&format!("token = \"{value}\"\n"));
        body.push_str(&format!("\trequestID := \"{value}\"\n"));
        body.push_str(&format!("[DEBUG] Using Key={value}\n"));
        body.push_str(&format!("sub{snake} = \"{value}\"\n"));
    }
    body.push_str(
        "wizardApiSecret = \"Lk3Vx9Qa7Rt2Mz5Bn8Wc1Yd4Hf6Gj0PsLk3Vx9Qa7Rt2Mz5Bn8Wc1Yd4Hf6Gj0Ps\"\n",
    );
    body.push_str("toggleApiKey = \"5f0e2d9c8b7a6f1e3d4c2b0a9f8e7d6c\"\n");
    body.push_str("export DEPLOY_KEY=Wq8Zr3Tn6Ls1Vb9Xm4Kc7Hp2Jd5Fg0Ay3Eu8Io1\n");
    tree.file("neutral.txt", body);
    let provider_rules: Vec<&str> = KEYS
        .iter()
        .map(|(r, _, _)| *r)
        .chain(["wiz-client-secret", "toggl-api-token", "expo-access-token"])
        .collect();
    let wrong: Vec<_> = scan(&tree)
        .into_iter()
        .filter(|(_, _, r)| provider_rules.contains(&r.as_str()))
        .collect();
    assert!(
        wrong.is_empty(),
        "provider rules fired without the provider's name: {wrong:?}"
    );
}
