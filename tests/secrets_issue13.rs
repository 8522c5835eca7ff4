//! Issue 13: fewer false alarms (provider names inside identifiers, generic
//! rules on values that are not secrets, CI and compose files), structural
//! secrets decoded where they are encoded (Kubernetes Secrets, Docker
//! configs, HTTP Basic), and key stores reported by their file name in every
//! scan mode.

mod common;

use std::path::Path;
use std::process::Command;

use common::{Tree, GITHUB_PAT};

fn hits(t: &Tree) -> Vec<(String, u64, String)> {
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "-f",
        "json",
        "--fail-on",
        "info",
    ]);
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    run.hits()
}

/// A well-formed Okta API token shape (random, never issued).
const OKTA_SHAPED: &str = "00aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7b";

#[test]
fn issue13_provider_names_inside_longer_identifiers_are_not_context() {
    let t = Tree::new();
    t.file(
        "app.js",
        format!(
            "const rookTable = \"{OKTA_SHAPED}\";\nconst sumOfExposures = \"su1234AbCdEfGh\";\n"
        ),
    );
    assert_eq!(hits(&t), vec![]);
    t.file(
        "app.js",
        format!("const oktaToken = \"{OKTA_SHAPED}\";\nOKTA_API_TOKEN={OKTA_SHAPED}\n"),
    );
    let rules: Vec<String> = hits(&t).into_iter().map(|h| h.2).collect();
    assert_eq!(rules, vec!["okta-access-token", "okta-access-token"]);
}

#[test]
fn issue13_a_key_logged_on_the_line_after_its_provider_is_found_in_its_shape_only() {
    let t = Tree::new();
    // A UUID is Heroku's key only next to the name Heroku; a log names the
    // provider on one line and prints the key on the next.
    let key = "fa1c4d37-a4d1-4ed4-961e-5367cbc1d5fb";
    t.file(
        "logs/app.log",
        format!(
            "[INFO] Sending request to the Heroku API\n\
             [DEBUG] Using Key={key}\n\
             [INFO] Response received: 200 OK\n"
        ),
    );
    assert_eq!(
        hits(&t),
        vec![("logs/app.log".to_string(), 2, "heroku-api-key".to_string())]
    );
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert!(!run.stdout.contains(key), "the key is masked");
    // Two keys on one logged line: both found, neither shown, in any format.
    let other = "0b7e2c91-5d3a-4f68-9e12-c4a8d6f0b375";
    t.file(
        "logs/app.log",
        format!(
            "[INFO] Sending request to the Heroku API\n\
             [DEBUG] Using Key={key} fallback_token={other}\n"
        ),
    );
    assert_eq!(hits(&t).len(), 2, "{:?}", hits(&t));
    for format in [
        "json",
        "sarif",
        "text",
        "github",
        "junit",
        "gitlab-secret-detection",
    ] {
        let run = t.gate(&["scan", "--engines", "secrets", "-f", format]);
        assert!(
            !run.stdout.contains(key) && !run.stdout.contains(other),
            "{format}: {}",
            run.stdout
        );
    }
    // An `.http` request names its service in the title, two lines above the
    // header that carries the key.
    std::fs::remove_file(t.path().join("logs/app.log")).unwrap();
    t.file(
        "api/requests.http",
        format!("### heroku: who am I\nGET https://api.example.dev/account\nAuthorization: Bearer {key}\n"),
    );
    assert_eq!(
        hits(&t),
        vec![(
            "api/requests.http".to_string(),
            3,
            "heroku-api-key".to_string()
        )]
    );
    std::fs::remove_file(t.path().join("api/requests.http")).unwrap();
    // Not the provider's shape (one character short), the provider three
    // lines up, the provider's name inside a longer word, or a value no
    // word names as a key: nothing.
    t.file(
        "logs/app.log",
        format!(
            "[INFO] Sending request to the Heroku API\n\
             [DEBUG] Using Key={short}\n\
             [INFO] Sending request to the Heroku API\n\
             [INFO] retrying\n\
             [INFO] still retrying\n\
             [DEBUG] Using Key={key}\n\
             [INFO] herokuish build finished\n\
             [DEBUG] Using Key={key}\n\
             [INFO] Sending request to the Heroku API\n\
             [DEBUG] request id={key}\n",
            short = &key[..key.len() - 1]
        ),
    );
    assert_eq!(hits(&t), vec![]);
}

#[test]
fn issue13_generic_rules_skip_values_that_are_not_secrets() {
    let t = Tree::new();
    t.file(
        "views/form.html",
        "<input type=\"hidden\" name=\"authenticity_token\" value=\"Bz5K8qQ1rT0mXw9vL3nYp7sC2dFg6hJk4aZe0uRiOy8=\" />\n",
    );
    t.file(
        "app.js",
        "const publicToken = \"pk.Xk29fQ7LmP3sZ8wR4tY6\";\n\
         auth_token = \"cmp2-qat-1208358310\"\n\
         NEO4J_URI=neo4j://neo4j:[PASSWORD]@localhost:7687\n\
         DATABASE_URL=postgres://app:<password>@db:5432/app\n\
         DATABASE_URL=postgres://app:${PASS}@db:5432/app\n",
    );
    assert_eq!(hits(&t), vec![]);
}

#[test]
fn issue13_ci_cache_keys_expressions_and_emulator_keys_are_not_findings() {
    let t = Tree::new();
    t.file(
        ".github/workflows/ci.yml",
        "jobs:\n  build:\n    steps:\n      - uses: actions/cache@v4\n        with:\n\
         \x20         key: v1-deps-Xk29fQ7LmP3sZ8wR4tY6\n\
         \x20     - uses: Swatinem/rust-cache@v2\n        with:\n\
         \x20         prefix-key: v0-rust-Qm7vR2pX9tLwZs8K\n\
         \x20         shared-key: gh-Qm7vR2pX9tLwZs8K44\n\
         \x20     - run: ./sign.sh\n        env:\n\
         \x20         CERT_PASSWORD: \"${{ inputs.certificate-password }}\"\n\
         \x20         AZURE_STORAGE_CONNECTION_STRING: DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;\n",
    );
    t.file(
        ".gitlab-ci.yml",
        "deploy:\n  script:\n    - docker login -u gitlab-ci-token -p $CI_JOB_TOKEN $CI_REGISTRY\n  cache:\n    key: ${CI_COMMIT_REF_SLUG}-Xk29fQ7LmP3sZ8wR4tY6\n",
    );
    assert_eq!(hits(&t), vec![]);
    // A literal credential in a workflow is still one.
    t.file(
        ".github/workflows/ci.yml",
        "env:\n  ACME_API_TOKEN: xQo0h35OLMGSRLXdfn8y1LokrP6vaRE5MlpSZ9d9\n",
    );
    assert_eq!(
        hits(&t),
        vec![(
            ".github/workflows/ci.yml".into(),
            2,
            "generic-api-key".into()
        )]
    );
}

#[test]
fn issue13_kubernetes_secret_values_are_decoded_and_the_encoded_text_is_masked() {
    let t = Tree::new();
    // base64 of GITHUB_PAT, of a password, of a user name and of a host name.
    let pat_b64 = "Z2hwX3U4anpQZGUwSWd4TGQ2R25jZkJBZXBmSkJkMEtoOG9PT0w4ZA==";
    t.file(
        "deploy/secret.yaml",
        format!(
            "apiVersion: v1\ndata:\n  token: {pat_b64}\n  password: TjN2NHJHdTNzcy0yMDI0\n  \
             username: YmlsbGluZw==\n  host: ZGIuYWNtZS5pbnRlcm5hbA==\nkind: Secret\nmetadata:\n  name: billing\n"
        ),
    );
    assert_eq!(
        hits(&t),
        vec![
            ("deploy/secret.yaml".into(), 3, "github-pat".into()),
            (
                "deploy/secret.yaml".into(),
                4,
                "kubernetes-secret-yaml".into()
            ),
        ]
    );
    for format in ["text", "json", "sarif"] {
        let run = t.gate(&["scan", "--engines", "secrets", "-f", format]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        for leaked in [pat_b64, &pat_b64[4..24], GITHUB_PAT, "TjN2NHJHdTNzcy0yMDI0"] {
            assert!(
                !run.stdout.contains(leaked),
                "{format} shows {leaked}:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn issue13_docker_auth_and_basic_headers_are_judged_by_their_password() {
    let t = Tree::new();
    t.file(
        ".docker/config.json",
        "{\"auths\": {\"registry.acme.dev\": {\"auth\": \"Y2k6aHVudGVyMjI=\"}}}\n",
    );
    t.file(
        "api.http",
        "GET https://api.acme.dev/v1/me\nAuthorization: Basic c3ZjLWJhY2t1cDpoQjRyOFRxMVpzUDBrVjdu\n",
    );
    t.file(
        "docs/example.json",
        "{\"auths\": {\"registry.acme.dev\": {\"auth\": \"dXNlcjpwYXNzd29yZA==\"}}}\n",
    );
    assert_eq!(
        hits(&t),
        vec![
            (".docker/config.json".into(), 1, "docker-config-auth".into()),
            (
                "api.http".into(),
                2,
                "authorization-basic-credentials".into()
            ),
        ]
    );
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Ada Lovelace")
        .env("GIT_AUTHOR_EMAIL", "ada@example.org")
        .env("GIT_COMMITTER_NAME", "Ada Lovelace")
        .env("GIT_COMMITTER_EMAIL", "ada@example.org")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Bytes shaped like a DER key store: binary from the first byte.
const KEY_STORE: &[u8] = b"\x30\x82\x0a\x1f\x02\x01\x03\x30\x82\x09\xe5\x06\x09\x2a\x86\x48\x86\xf7\x0d\x01\x07\x01\x00\x00";

#[test]
fn issue13_key_stores_are_reported_by_name_in_every_scan_mode() {
    let t = Tree::new();
    git(t.path(), &["init", "-q", "-b", "main"]);
    t.file("README.md", "hi\n");
    git(t.path(), &["add", "-A"]);
    git(t.path(), &["commit", "-q", "--no-verify", "-m", "init"]);
    t.file("certs/signing.p12", KEY_STORE);
    t.file("android/release.keystore", KEY_STORE);
    t.file("android/debug.keystore", KEY_STORE);
    t.file("home/.ssh/id_ed25519", KEY_STORE);
    t.file(
        "home/.ssh/id_ed25519.pub",
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG ci@acme\n",
    );
    let want: Vec<(String, u64, String)> = vec![
        (
            "android/release.keystore".into(),
            1,
            "java-keystore-file".into(),
        ),
        (
            "certs/signing.p12".into(),
            1,
            "pkcs12-key-store-file".into(),
        ),
        (
            "home/.ssh/id_ed25519".into(),
            1,
            "ssh-private-key-file".into(),
        ),
    ];
    let sorted = |mut v: Vec<(String, u64, String)>| {
        v.sort();
        v
    };
    assert_eq!(sorted(hits(&t)), want, "work tree");
    git(t.path(), &["add", "-A"]);
    let staged = t.gate(&["scan", "--engines", "secrets", "--staged", "-f", "json"]);
    assert_eq!(staged.code, 1, "{}", staged.stderr);
    assert_eq!(sorted(staged.hits()), want, "staged");
    git(t.path(), &["commit", "-q", "--no-verify", "-m", "keys"]);
    let history = t.gate(&["scan", "--engines", "secrets", "--git", "-f", "json"]);
    assert_eq!(history.code, 1, "{}", history.stderr);
    assert_eq!(sorted(history.hits()), want, "history");
    let high = history.json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["severity"] == "high");
    assert!(high, "{}", history.stdout);
}

/// A Braintree private key (random hex, never issued).
const BRAINTREE_HEX: &str = "9dcaca70216b86efb9c082aa53e4c4ef";

/// Issue 13 (recall, layouts): a notebook keeps each line of a cell as a JSON
/// string, so a key assigned next to its provider's name reads
/// `os.environ[\"BRAINTREE_PRIVATE_KEY\"] = \"…\"`; a JSON document kept in
/// a string value has every quote escaped. Both are read unescaped, found
/// where the file has them, and masked in every report.
#[test]
fn issue13_keys_in_notebook_cells_and_json_in_json_are_found_and_masked() {
    let t = Tree::new();
    t.file(
        "notebooks/report.ipynb",
        format!(
            "{{\n \"cells\": [\n  {{\n   \"source\": [\n    \"import os\\n\",\n    \
             \"os.environ[\\\"BRAINTREE_PRIVATE_KEY\\\"] = \\\"{BRAINTREE_HEX}\\\"\\n\"\n   ]\n  }}\n ]\n}}\n"
        ),
    );
    t.file(
        "config/settings.json",
        format!("{{\"payments\": \"{{\\\"braintree\\\": {{\\\"private_key\\\": \\\"{BRAINTREE_HEX}\\\"}}}}\"}}\n"),
    );
    // The same escaped text outside JSON, and a notebook holding a placeholder.
    t.file(
        "notes.txt",
        format!("os.environ[\\\"BRAINTREE_PRIVATE_KEY\\\"] = \\\"{BRAINTREE_HEX}\\\"\n"),
    );
    t.file(
        "notebooks/template.ipynb",
        "{\"cells\": [{\"source\": [\"os.environ[\\\"BRAINTREE_PRIVATE_KEY\\\"] = \\\"<your-key>\\\"\\n\"]}]}\n",
    );
    assert_eq!(
        hits(&t),
        vec![
            (
                "config/settings.json".into(),
                1,
                "braintree-private-key".into()
            ),
            (
                "notebooks/report.ipynb".into(),
                6,
                "braintree-private-key".into()
            ),
        ]
    );
    // Columns are the file's own: where the hex starts on the escaped line.
    let json_col =
        1 + "{\"payments\": \"{\\\"braintree\\\": {\\\"private_key\\\": \\\"".len() as u64;
    let nb_col = 1 + "    \"os.environ[\\\"BRAINTREE_PRIVATE_KEY\\\"] = \\\"".len() as u64;
    let report = t
        .gate(&["scan", "--engines", "secrets", "-f", "json"])
        .json();
    let columns: Vec<u64> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["start_column"].as_u64().unwrap())
        .collect();
    assert_eq!(columns, vec![json_col, nb_col], "{report:#}");
    for format in ["text", "json", "sarif", "markdown"] {
        let run = t.gate(&["scan", "--engines", "secrets", "-f", format]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            !run.stdout.contains(&BRAINTREE_HEX[..12]),
            "{format} shows the key:\n{}",
            run.stdout
        );
    }
}
