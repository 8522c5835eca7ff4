//! Issue 11, point 6: configuration that selects nothing. A misspelt test id,
//! a malformed bandit or gitleaks config, an empty rules directory, two rules
//! with one id, or a configuration that leaves an engine nothing to run is
//! exit 2 with a message naming the file, the key and what was expected,
//! never a silent pass.

mod common;

use common::{Tree, GITHUB_PAT};

/// Python code with a B404 (import subprocess) and a B602 (shell=True).
const APP: &str = "import subprocess\nsubprocess.call(cmd, shell=True)\n";

/// A repository with `app.py` and the given config files.
fn repo(files: &[(&str, &str)]) -> Tree {
    let t = Tree::new();
    std::fs::create_dir(t.path().join(".git")).unwrap();
    t.file("app.py", APP);
    for (name, text) in files {
        t.file(name, text);
    }
    t
}

fn scan(t: &Tree, extra: &[&str]) -> common::Run {
    let mut args = vec!["scan", ".", "--no-progress", "--format", "json"];
    args.extend_from_slice(extra);
    t.gate(&args)
}

/// Exit 2, and stderr holds every one of `needles`.
#[track_caller]
fn assert_config_error(run: &common::Run, needles: &[&str]) {
    assert_eq!(
        run.code, 2,
        "expected exit 2\nstdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    for n in needles {
        assert!(
            run.stderr.contains(n),
            "stderr lacks {n:?}:\n{}",
            run.stderr
        );
    }
}

fn rule_ids(run: &common::Run) -> Vec<String> {
    let mut ids: Vec<String> = run.hits().into_iter().map(|h| h.2).collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn issue11_p6_misspelt_test_id_is_an_error_in_every_python_config() {
    let cases: [(&str, &str, &str); 8] = [
        (
            "gate.toml",
            "[python]\nselect = [\"B6O2\"]\n",
            "[python] select",
        ),
        (
            "gate.toml",
            "[python]\nskip = [\"B6O2\"]\n",
            "[python] skip",
        ),
        (
            "pyproject.toml",
            "[tool.gate.python]\nskip = [\"B6O2\"]\n",
            "[tool.gate.python] skip",
        ),
        ("bandit.yml", "tests: [B6O2]\n", "tests"),
        ("bandit.yml", "skips:\n  - B101\n  - B6O2\n", "skips"),
        (".bandit", "[bandit]\ntests = B6O2\n", "[bandit] tests"),
        (
            ".bandit",
            "[bandit]\nskips = B101, B6O2\n",
            "[bandit] skips",
        ),
        (
            "pyproject.toml",
            "[tool.bandit]\nskips = [\"B6O2\"]\n",
            "[tool.bandit] skips",
        ),
    ];
    for (file, text, key) in cases {
        let t = repo(&[(file, text)]);
        let run = scan(&t, &[]);
        assert_config_error(
            &run,
            &[
                file,
                &format!("{key}: unknown test `B6O2` (did you mean `B602`?)"),
                "expected a bandit test id like B602 or a name like subprocess_popen_with_shell_equals_true",
            ],
        );
    }
    // A misspelt name is caught the same way.
    let t = repo(&[(
        "bandit.yml",
        "skips: [subprocess_popen_with_shell_equals_tru]\n",
    )]);
    assert_config_error(
        &scan(&t, &[]),
        &["did you mean `subprocess_popen_with_shell_equals_true`?"],
    );
}

#[test]
fn issue11_p6_bandit_ids_names_and_b001_stay_accepted() {
    // A test name, a blacklist id and bandit's entry-point name for B324.
    let t = repo(&[(
        "bandit.yml",
        "tests: [subprocess_popen_with_shell_equals_true, B404, hashlib_insecure_functions]\n",
    )]);
    let run = scan(&t, &["--engines", "python"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert_eq!(rule_ids(&run), vec!["B404", "B602"]);
    // B001 names every blacklist test: skipping it leaves B602 alone.
    let t = repo(&[(".bandit", "[bandit]\nskips = B001\n")]);
    let run = scan(&t, &["--engines", "python"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert_eq!(rule_ids(&run), vec!["B602"]);
    // A list continued on an indented line, as configparser reads it.
    let t = repo(&[(".bandit", "[bandit]\nskips = B404,\n    B602\n")]);
    let run = scan(&t, &["--engines", "python"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(rule_ids(&run).is_empty(), "{:?}", run.hits());
}

#[test]
fn issue11_p6_ids_bandit_removed_warn_and_select_nothing_alone() {
    let t = repo(&[("bandit.yml", "tests: [B322, B602]\n")]);
    let run = scan(&t, &["--engines", "python"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`B322` (B322 input) was removed from bandit"),
        "{}",
        run.stderr
    );
    assert_eq!(rule_ids(&run), vec!["B602"]);
    let t = repo(&[("bandit.yml", "tests: [B322]\n")]);
    assert_config_error(
        &scan(&t, &[]),
        &["no Python check is left to run", "bandit.yml: tests"],
    );
}

#[test]
fn issue11_p6_malformed_bandit_yml_is_an_error_naming_file_and_key() {
    let cases: [(&str, &str); 7] = [
        ("skips: [B101\ntests: [B602]\n", "invalid YAML at line 2"),
        (
            "skips: B101\n",
            "skips: expected a list like [\"B101\"], found the string \"B101\"",
        ),
        (
            "tests: 602\n",
            "tests: expected a list like [\"B602\"], found the number 602",
        ),
        ("", "the file is empty"),
        ("- B101\n", "expected a mapping of bandit options"),
        (
            "skip: [B101]\n",
            "unknown key `skip` (did you mean `skips`?)",
        ),
        (
            "shell_injection:\n  subproces: [my.run]\n",
            "unknown key `shell_injection.subproces` (did you mean `shell_injection.subprocess`?)",
        ),
    ];
    for (text, message) in cases {
        let t = repo(&[("bandit.yml", text)]);
        assert_config_error(&scan(&t, &[]), &["bandit.yml: ", message]);
    }
    // What PyYAML reads, gate reads: a flow list over two lines.
    let t = repo(&[("bandit.yml", "skips: [B404,\n        B602]\n")]);
    let run = scan(&t, &["--engines", "python"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert!(rule_ids(&run).is_empty(), "{:?}", run.hits());
    // A `.bandit` without its section.
    let t = repo(&[(".bandit", "[bandti]\nskips = B101\n")]);
    assert_config_error(&scan(&t, &[]), &[".bandit: no [bandit] section"]);
}

#[test]
fn issue11_p6_python_config_that_leaves_no_check_is_an_error_unless_the_engine_is_off() {
    let t = repo(&[("gate.toml", "[python]\nselect = []\n")]);
    assert_config_error(
        &scan(&t, &[]),
        &["gate.toml: [python] select: an empty list selects no check"],
    );
    let t = repo(&[(
        "gate.toml",
        "[python]\nselect = [\"B602\"]\nskip = [\"B602\"]\n",
    )]);
    assert_config_error(
        &scan(&t, &[]),
        &[
            "no Python check is left to run",
            "[python] select = [\"B602\"]",
            "[python] skip = [\"B602\"]",
            "--engines secrets",
        ],
    );
    // Every check skipped, by id, in bandit's own file.
    let list = Tree::new().gate(&["rules", "list", "--format", "json"]);
    let rules: serde_json::Value = serde_json::from_str(&list.stdout).unwrap();
    let ids: Vec<&str> = rules
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["tool"] == "gate-python")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() > 70, "{ids:?}");
    let t = repo(&[("bandit.yml", &format!("skips: [{}]\n", ids.join(", ")))]);
    assert_config_error(
        &scan(&t, &[]),
        &["no Python check is left to run", "bandit.yml: skips"],
    );
    // Turned off explicitly, the python engine's configuration is not in play.
    let run = scan(&t, &["--engines", "secrets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn issue11_p6_misspelt_gitleaks_keys_are_errors_naming_the_key() {
    let cases: [(&str, &str); 5] = [
        (
            "[extend]\nuseDefualt = true\n",
            "unknown field `useDefualt`",
        ),
        (
            "[[rule]]\nid = \"x\"\nregex = 'x_[a-z]{8}'\n",
            "unknown field `rule`",
        ),
        (
            "[[rules]]\nid = \"x\"\nregex = 'x_([a-z]{8})'\nsecretGroupp = 1\n",
            "unknown field `secretGroupp`",
        ),
        (
            "[[rules]]\nid = \"x\"\nregex = 'x_[a-z]{8}'\n[[rules.allowlists]]\nregexTargte = \"line\"\n",
            "unknown field `regexTargte`",
        ),
        (
            "[extend]\nuseDefault = true\n[[allowlists]]\ntargetRule = [\"x\"]\n",
            "unknown field `targetRule`",
        ),
    ];
    for (text, message) in cases {
        let t = repo(&[(".gitleaks.toml", text)]);
        assert_config_error(
            &scan(&t, &["--engines", "secrets"]),
            &[".gitleaks.toml", message, "did you mean"],
        );
    }
    // The spellings gitleaks (viper) accepts stay accepted.
    let t = repo(&[(
        ".gitleaks.toml",
        "[extend]\nusedefault = true\n[[rules]]\nid = \"x\"\nregex = 'x_([a-z]{8})'\nsecretgroup = 1\n",
    )]);
    let run = scan(&t, &["--engines", "secrets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn issue11_p6_gitleaks_config_that_defines_no_rules_is_an_error() {
    for text in [
        "",
        "# nothing yet\n",
        "[allowlist]\npaths = ['''vendor/''']\n",
    ] {
        let t = repo(&[(".gitleaks.toml", text)]);
        assert_config_error(
            &scan(&t, &[]),
            &[
                ".gitleaks.toml: defines no rules",
                "`[extend] useDefault = true`",
            ],
        );
    }
    // Given with --config it is read as gitleaks' (not as an empty gate.toml).
    let t = repo(&[("ci/gitleaks.toml", "")]);
    assert_config_error(
        &scan(&t, &["--config", "ci/gitleaks.toml"]),
        &["gitleaks.toml: defines no rules"],
    );
    // Keeping the built-in rules makes an allowlist-only file fine.
    let t = repo(&[(
        ".gitleaks.toml",
        "[extend]\nuseDefault = true\n[allowlist]\npaths = ['''vendor/''']\n",
    )]);
    t.file("settings.py", format!("TOKEN = \"{GITHUB_PAT}\"\n"));
    let run = scan(&t, &["--engines", "secrets"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let t = repo(&[
        (".gitleaks.toml", "[allowlist]\npaths = ['''vendor/''']\n"),
        ("gate.toml", "[secrets]\nextend_default = true\n"),
    ]);
    let run = scan(&t, &["--engines", "secrets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn issue11_p6_disabling_every_secret_rule_is_an_error() {
    let rule = "[[rules]]\nid = \"acme-key\"\ndescription = \"Acme key\"\nregex = 'acme_([a-z]{8})'\nkeywords = [\"acme_\"]\n";
    let t = repo(&[(
        ".gitleaks.toml",
        &format!("[extend]\ndisabledRules = [\"acme-key\"]\n{rule}"),
    )]);
    assert_config_error(
        &scan(&t, &[]),
        &[
            "every secret rule is turned off",
            ".gitleaks.toml",
            "--engines python",
        ],
    );
    let t = repo(&[
        ("rules/acme.toml", rule),
        ("gate.toml", "[secrets]\ndisabled_rules = [\"acme-key\"]\n"),
    ]);
    assert_config_error(
        &scan(&t, &["--rules-dir", "rules"]),
        &[
            "every secret rule is turned off",
            "[secrets] disabled_rules",
        ],
    );
    // The same configuration with the engine turned off explicitly.
    let run = scan(&t, &["--rules-dir", "rules", "--engines", "python"]);
    assert_ne!(run.code, 2, "{}", run.stderr);
    assert_eq!(rule_ids(&run), vec!["B404", "B602"]);
}

#[test]
fn issue11_p6_empty_rules_dir_is_an_error_and_nested_rule_files_are_read() {
    let t = repo(&[("rules/README.md", "our rules\n")]);
    std::fs::create_dir_all(t.path().join("rules/empty")).unwrap();
    assert_config_error(
        &scan(&t, &["--rules-dir", "rules"]),
        &["rules: --rules-dir: no rule files (*.toml)"],
    );
    let t = repo(&[("rules/none.toml", "# to do\n")]);
    assert_config_error(
        &scan(&t, &["--rules-dir", "rules"]),
        &["--rules-dir: its 1 rule file(s) define no rules"],
    );
    // Rules kept in subdirectories are read.
    let t = repo(&[
        (
            "rules/team/acme.toml",
            "[[rules]]\nid = \"acme-key\"\ndescription = \"Acme key\"\nregex = 'acme_([a-z]{8})'\nkeywords = [\"acme_\"]\n",
        ),
        ("config.txt", "key = acme_qwertyui\n"),
    ]);
    let run = scan(&t, &["--rules-dir", "rules", "--engines", "secrets"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(rule_ids(&run), vec!["acme-key"]);
}

#[test]
fn issue11_p6_duplicate_rule_ids_are_errors_naming_both_sources() {
    // The regression: one id, two severities. The finding of the critical
    // rule must never be described by the low one's metadata, so the two
    // cannot be loaded together at all.
    let rule = |sev: &str| {
        format!("[[rules]]\nid = \"acme-key\"\ndescription = \"Acme key\"\nregex = 'acme_([a-z]{{8}})'\nkeywords = [\"acme_\"]\nseverity = \"{sev}\"\n")
    };
    let t = repo(&[
        ("rules/a.toml", &rule("critical")),
        ("rules/team/b.toml", &rule("low")),
        ("config.txt", "key = acme_qwertyui\n"),
    ]);
    assert_config_error(
        &scan(&t, &["--rules-dir", "rules"]),
        &[
            "rule id `acme-key` is defined twice",
            "rules/a.toml",
            "rules/team/b.toml",
        ],
    );
    // Twice in one gitleaks config.
    let gl = "[[rules]]\nid = \"acme-key\"\nregex = 'acme_([a-z]{8})'\n";
    let t = repo(&[(".gitleaks.toml", &format!("{gl}{gl}"))]);
    assert_config_error(
        &scan(&t, &[]),
        &[
            "rule id `acme-key` is defined twice",
            "[[rules]] #1",
            "[[rules]] #2",
        ],
    );
    // A secret rule may not take a Python check's id.
    let t = repo(&[(
        "rules/b602.toml",
        "[[rules]]\nid = \"B602\"\ndescription = \"Acme key\"\nregex = 'acme_([a-z]{8})'\nkeywords = [\"acme_\"]\n",
    )]);
    assert_config_error(
        &scan(&t, &["--rules-dir", "rules"]),
        &[
            "rule id `B602` is defined twice",
            "rules/b602.toml",
            "python engine",
        ],
    );
    // A gitleaks rule that reuses a built-in id replaces it, as in gitleaks:
    // one rule, the user's, describes the finding.
    let t = repo(&[(
        ".gitleaks.toml",
        "[extend]\nuseDefault = true\n[[rules]]\nid = \"github-pat\"\ndescription = \"Our own PAT rule\"\nregex = '(ghp_[A-Za-z0-9]{36})'\nkeywords = [\"ghp_\"]\n",
    )]);
    t.file("settings.py", format!("TOKEN = \"{GITHUB_PAT}\"\n"));
    let run = t.gate(&[
        "scan",
        ".",
        "--no-progress",
        "--engines",
        "secrets",
        "--format",
        "sarif",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif = run.json();
    let rules: Vec<&serde_json::Value> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["id"] == "github-pat")
        .collect();
    assert_eq!(rules.len(), 1, "{rules:?}");
    assert_eq!(rules[0]["fullDescription"]["text"], "Our own PAT rule");
}

#[test]
fn issue11_p6_gate_toml_unknown_keys_and_values_are_errors() {
    let cases: [(&str, &str, &[&str]); 4] = [
        (
            "gate.toml",
            "[polcy]\nfail_on = \"high\"\n",
            &[
                "gate.toml",
                "unknown field `polcy`",
                "did you mean `policy`?",
            ],
        ),
        (
            "gate.toml",
            "[policy]\nfail_on = \"hihg\"\n",
            &[
                "gate.toml",
                "unknown variant `hihg`",
                "did you mean `high`?",
            ],
        ),
        (
            "gate.toml",
            "[python]\nskips = [\"B101\"]\n",
            &["gate.toml", "unknown field `skips`", "did you mean `skip`?"],
        ),
        (
            "pyproject.toml",
            "[tool.gate.polcy]\nfail_on = \"high\"\n",
            &["pyproject.toml", "[tool.gate]", "unknown field `polcy`"],
        ),
    ];
    for (file, text, needles) in cases {
        let t = repo(&[(file, text)]);
        assert_config_error(&scan(&t, &[]), needles);
    }
}
