//! The secrets pipeline end to end: suppressions, gitleaks compatibility,
//! redaction, thresholds and configuration errors (issue #2).

mod common;

use common::{Tree, GITHUB_PAT, GITHUB_PAT_2};

#[test]
fn inline_allow_markers_suppress_but_sarif_keeps_them() {
    let t = Tree::new();
    t.file(
        "a.py",
        format!("A = \"{GITHUB_PAT}\"  # gate:allow\nB = \"{GITHUB_PAT_2}\"  # gitleaks:allow\n"),
    );
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.hits().is_empty());
    assert_eq!(run.json()["summary"]["suppressed"], 2);

    let sarif = t.gate(&["scan", "--engines", "secrets", "-f", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0]["suppressions"][0]["kind"], "inSource");
    assert_eq!(results[0]["suppressions"][0]["justification"], "gate:allow");
}

#[test]
fn gateignore_fingerprints_suppress_reviewed_findings() {
    let t = Tree::new();
    t.file("a.py", format!("A = \"{GITHUB_PAT}\"\n"));
    t.file("b.py", format!("B = \"{GITHUB_PAT_2}\"\n"));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    let fp = run.json()["findings"][0]["fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    t.file(".gateignore", format!("# reviewed: test token\n{fp}\n"));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.paths(), vec!["b.py"]);
    assert_eq!(run.json()["summary"]["suppressed"], 1);
}

#[test]
fn fingerprints_do_not_change_when_code_moves() {
    let t = Tree::new();
    t.file("a.py", format!("A = \"{GITHUB_PAT}\"\n"));
    let before = t
        .gate(&["scan", "--engines", "secrets", "-f", "json"])
        .json()["findings"][0]["fingerprint"]
        .clone();
    t.file("a.py", format!("import os\n\n\nA = \"{GITHUB_PAT}\"\n"));
    let after = t
        .gate(&["scan", "--engines", "secrets", "-f", "json"])
        .json()["findings"][0]["fingerprint"]
        .clone();
    assert_eq!(before, after);
}

#[test]
fn gitleaksignore_entries_are_honoured() {
    let t = Tree::new();
    t.file("conf/a.env", format!("X={GITHUB_PAT}\n"));
    t.file("conf/b.env", format!("X={GITHUB_PAT_2}\n"));
    t.file(".gitleaksignore", "conf/a.env:github-pat:1\n");
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.paths(), vec!["conf/b.env"]);
}

const COMPANY_RULES: &str = r#"
title = "acme"
[extend]
useDefault = true
disabledRules = ["github-oauth-token"]

[[rules]]
id = "acme-internal-token"
description = "Acme internal token"
regex = '''acme_(?:live|test)_([a-z0-9]{24})'''
keywords = ["acme_"]

[[allowlists]]
description = "test tokens"
regexes = ['''^0+$''']
"#;

#[test]
fn a_gitleaks_config_adds_rules_and_keeps_defaults_when_extending() {
    let t = Tree::new();
    t.file(".gitleaks.toml", COMPANY_RULES);
    t.file(
        "svc.py",
        format!(
            "A = 'acme_live_q8w7e6r5t4y3u2i1o9p8a7s6'\nB = 'acme_test_000000000000000000000000'\nC = '{GITHUB_PAT}'\nD = 'gho_KLzdocJ2isAjIhKtJ0RlgLKOmxgJTeKdNnFR'\n"
        ),
    );
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    let rules: Vec<String> = run.hits().into_iter().map(|h| h.2).collect();
    assert_eq!(
        rules,
        vec!["acme-internal-token", "github-pat"],
        "{}",
        run.stderr
    );
}

#[test]
fn a_gitleaks_config_without_use_default_replaces_the_defaults() {
    let t = Tree::new();
    t.file(
        "custom.toml",
        COMPANY_RULES.replace("useDefault = true", "useDefault = false"),
    );
    t.file(
        "svc.py",
        format!("A = 'acme_live_q8w7e6r5t4y3u2i1o9p8a7s6'\nC = '{GITHUB_PAT}'\n"),
    );
    let run = t.gate(&[
        "scan",
        "--engines",
        "secrets",
        "svc.py",
        "-f",
        "json",
        "--config",
        "custom.toml",
    ]);
    let rules: Vec<String> = run.hits().into_iter().map(|h| h.2).collect();
    assert_eq!(rules, vec!["acme-internal-token"]);
}

#[test]
fn gate_toml_can_point_at_a_gitleaks_config_and_disable_rules() {
    let t = Tree::new();
    t.file("sec/gl.toml", COMPANY_RULES);
    t.file(
        "gate.toml",
        "[secrets]\nconfig = \"sec/gl.toml\"\ndisabled_rules = [\"github-pat\"]\n",
    );
    t.file(
        "svc.py",
        format!("A = 'acme_live_q8w7e6r5t4y3u2i1o9p8a7s6'\nC = '{GITHUB_PAT}'\n"),
    );
    let run = t.gate(&["scan", "--engines", "secrets", "svc.py", "-f", "json"]);
    let rules: Vec<String> = run.hits().into_iter().map(|h| h.2).collect();
    assert_eq!(rules, vec!["acme-internal-token"]);
}

#[test]
fn an_invalid_regex_in_a_user_rule_is_exit_2_naming_file_and_rule() {
    let t = Tree::new();
    t.file(
        ".gitleaks.toml",
        "[[rules]]\nid = \"broken-rule\"\nregex = '''(unclosed'''\nkeywords = [\"x\"]\n",
    );
    t.file("a.py", format!("A = \"{GITHUB_PAT}\"\n"));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains(".gitleaks.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("broken-rule"), "{}", run.stderr);
    assert!(run.stderr.contains("regex"), "{}", run.stderr);
}

#[test]
fn a_bad_gate_toml_is_exit_2_naming_the_key() {
    let t = Tree::new();
    t.file("gate.toml", "[policy]\nfail_on = \"hgih\"\n");
    let run = t.gate(&["scan", "--engines", "secrets"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("gate.toml"), "{}", run.stderr);
    assert!(run.stderr.contains("hgih"), "{}", run.stderr);

    t.file("gate.toml", "[scna]\nexclude = []\n");
    let run = t.gate(&["scan", "--engines", "secrets"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("scna"), "{}", run.stderr);
}

#[test]
fn pyproject_tool_gate_is_read() {
    let t = Tree::new();
    t.file(
        "pyproject.toml",
        "[project]\nname = \"svc\"\n\n[tool.gate.policy]\nfail_on = \"critical\"\n[tool.gate.scan]\nexclude = [\"vendor/**\"]\n",
    );
    t.file("vendor/x.py", format!("A = \"{GITHUB_PAT}\"\n"));
    let run = t.gate(&["scan", "--engines", "secrets", "-f", "json"]);
    assert!(run.hits().is_empty(), "{}", run.stdout);
}

#[test]
fn fail_on_sets_the_threshold() {
    let t = Tree::new();
    t.file("a.py", format!("A = \"{GITHUB_PAT}\"\n"));
    // github-pat is critical: fails at every threshold up to critical.
    assert_eq!(
        t.gate(&["scan", "--engines", "secrets", "--fail-on", "critical"])
            .code,
        1
    );
    t.file(
        "gate.toml",
        "[secrets]\ndisabled_rules = [\"github-pat\"]\n",
    );
    assert_eq!(
        t.gate(&["scan", "--engines", "secrets", "--fail-on", "info"])
            .code,
        0
    );
}

#[test]
fn secrets_are_redacted_in_every_format_by_default() {
    let t = Tree::new();
    t.file("a.py", format!("A = \"{GITHUB_PAT}\"\n"));
    for format in ["text", "json", "sarif", "github"] {
        let run = t.gate(&["scan", "--engines", "secrets", "-f", format]);
        assert_eq!(run.code, 1);
        assert!(
            !run.stdout.contains(GITHUB_PAT),
            "{format} leaks the secret:\n{}",
            run.stdout
        );
        assert!(!run.stderr.contains(GITHUB_PAT), "{format} leaks on stderr");
        assert!(
            !run.stdout.contains(&GITHUB_PAT[4..20]),
            "{format} leaks part of it"
        );
    }
    let shown = t.gate(&["scan", "--engines", "secrets", "-f", "json", "--no-redact"]);
    assert!(shown.stdout.contains(GITHUB_PAT));
    let partial = t.gate(&["scan", "--engines", "secrets", "-f", "json", "--redact=50"]);
    let secret = partial.json()["findings"][0]["secret"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(secret, format!("{}*****", &GITHUB_PAT[..20]));
}

#[test]
fn reports_can_go_to_several_files() {
    let t = Tree::new();
    t.file("a.py", format!("A = \"{GITHUB_PAT}\"\n"));
    let run = t.gate(&[
        "scan",
        "-q",
        "-o",
        "sarif=out/r.sarif",
        "-o",
        "r.json",
        "-o",
        "github=ann.txt",
    ]);
    std::fs::create_dir_all(t.path().join("out")).unwrap();
    assert_eq!(
        run.code, 2,
        "the out/ directory did not exist: {}",
        run.stderr
    );
    let run = t.gate(&[
        "scan",
        "-q",
        "-o",
        "sarif=out/r.sarif",
        "-o",
        "r.json",
        "-o",
        "github=ann.txt",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let sarif = std::fs::read_to_string(t.path().join("out/r.sarif")).unwrap();
    assert!(sarif.contains("\"version\": \"2.1.0\""));
    let json = std::fs::read_to_string(t.path().join("r.json")).unwrap();
    assert!(json.contains("\"schema_version\""));
    let ann = std::fs::read_to_string(t.path().join("ann.txt")).unwrap();
    assert!(ann.starts_with("::error file=a.py,line=1"), "{ann}");
}

#[test]
fn unknown_engines_and_formats_are_usage_errors() {
    let t = Tree::new();
    let run = t.gate(&["scan", "--engines", "secrets", "--engines", "secrets,perl"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("perl"), "{}", run.stderr);
    let run = t.gate(&["scan", "--engines", "secrets", "-o", "yaml=x"]);
    assert_eq!(run.code, 2);
}

#[test]
fn rules_check_passes_and_explain_prints_the_rule() {
    let t = Tree::new();
    let run = t.gate(&["rules", "check"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(run.stdout.contains("rules pass"), "{}", run.stdout);
    let run = t.gate(&["rules", "explain", "github-pat"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("GitHub personal access token"));
    let run = t.gate(&["rules", "explain", "no-such-rule"]);
    assert_eq!(run.code, 2);
}

#[test]
fn rules_check_reports_every_failure_at_once() {
    let t = Tree::new();
    t.file(
        "rules/bad.toml",
        r#"
[[rules]]
id = "Bad_Id"
description = "x"
regex = '''tok_([a-z]{8})'''
keywords = ["tok_"]
examples = ["tok_ABCDEFGH"]
negative_examples = ["tok_abcdefgh"]
"#,
    );
    let run = t.gate(&["rules", "check", "--rules-dir", "rules"]);
    assert_eq!(run.code, 1);
    for expected in [
        "kebab-case",
        "description",
        "example 1 is not detected",
        "negative example 1 is detected",
    ] {
        assert!(
            run.stdout.contains(expected),
            "missing `{expected}` in:\n{}",
            run.stdout
        );
    }
}

/// `[{"user":"u0","password":"..."},...]`: `records` records with random
/// 14-character passwords, joined by `sep`; returns the text and the byte
/// offset of each password.
fn password_records(records: usize, sep: &str) -> (String, Vec<usize>) {
    const ALPHABET: &[u8] = b"abcdefghijkmnopqrstuvwxyzABCDEFGH0123456789";
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut out = String::from("[");
    let mut offsets = Vec::with_capacity(records);
    for n in 0..records {
        if n > 0 {
            out.push_str(sep);
        }
        out.push_str(&format!("{{\"user\":\"u{n}\",\"password\":\""));
        offsets.push(out.len());
        for _ in 0..14 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            out.push(ALPHABET[(seed % ALPHABET.len() as u64) as usize] as char);
        }
        out.push_str("\"}");
    }
    out.push(']');
    (out, offsets)
}

/// One 4 MiB line holding a password record every ~45 bytes finishes, and
/// finds exactly the records that the same records one per line give, each
/// at its exact column (the cost was quadratic in the findings on a line).
/// The engine runs on a thread with a generous hang guard, not a timing
/// assertion: the quadratic version took minutes here.
#[test]
fn issue11_p11_a_4_mib_single_line_completes_with_every_finding() {
    use gate::secrets::SecretsEngine;
    const RECORDS: usize = 95_000;
    let (one_line, offsets) = password_records(RECORDS, ",");
    assert!(one_line.len() > 4 << 20);
    let many_lines = password_records(RECORDS, ",\n").0;
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let set = gate::cli::secrets_rule_set(None, None, None, &[]).expect("catalogue");
        let engine = SecretsEngine::new(set);
        let one = engine.scan_bytes("one/export.json", one_line.as_bytes(), None);
        let many = engine.scan_bytes("many/export.json", many_lines.as_bytes(), None);
        tx.send((one, many)).unwrap();
    });
    let (one, many) = rx
        .recv_timeout(std::time::Duration::from_secs(120))
        .expect("scanning 4 MiB on one line still running after 120 s");
    // Which records were found: by column on the one line, by line otherwise.
    let one: Vec<usize> = one
        .iter()
        .map(|f| {
            assert_eq!(f.region.start_line, 1);
            let col = f.region.start_column as usize;
            assert_eq!(f.region.end_column as usize, col + 14);
            offsets
                .binary_search(&(col - 1))
                .unwrap_or_else(|_| panic!("column {col} is not a password's"))
        })
        .collect();
    let many: Vec<usize> = many
        .iter()
        .map(|f| f.region.start_line as usize - 1)
        .collect();
    assert!(one.len() > RECORDS * 9 / 10, "{} of {RECORDS}", one.len());
    assert!(
        one == many,
        "{} found on one line, {} on many",
        one.len(),
        many.len()
    );
}
