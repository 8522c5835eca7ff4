//! The Python engine on hostile input: huge files, deep nesting, NUL bytes,
//! invalid UTF-8, Python 2, non-Python content. No panic, no stack overflow,
//! a warning naming file:line:col, no findings from the broken file, and the
//! scan of the other files goes on.

use std::path::Path;
use std::process::Command;

use gate::engines::{Engine, FileOutput, SourceFile};
use gate::python::PythonEngine;

fn scan(bytes: &[u8]) -> FileOutput {
    let mut out = FileOutput::default();
    PythonEngine::default().scan(&SourceFile::new("x.py", bytes), &mut out);
    out
}

/// The file was refused with a warning at this line, and produced nothing.
fn assert_skipped(out: &FileOutput, line: u32) {
    assert!(out.findings.is_empty(), "{:?}", out.findings);
    assert_eq!(out.diagnostics.len(), 1, "{:?}", out.diagnostics);
    let d = &out.diagnostics[0];
    assert_eq!(d.level, gate::diagnostic::Level::Warning);
    assert_eq!(d.kind, gate::diagnostic::Kind::Unparsable);
    assert_eq!(d.line, Some(line), "{d}");
    assert!(d.column.is_some(), "{d}");
}

#[test]
fn a_50k_line_file_is_scanned_whole() {
    let mut src = String::from("import subprocess\n");
    for i in 0..50_000u32 {
        if i % 1000 == 0 {
            src.push_str(&format!("assert v{i}\n"));
        } else {
            src.push_str(&format!(
                "v{i} = f(v{}, 'text', {i})\n",
                i.saturating_sub(1)
            ));
        }
    }
    let out = scan(src.as_bytes());
    assert!(out.diagnostics.is_empty());
    assert_eq!(
        out.findings.iter().filter(|f| f.rule_id == "B101").count(),
        50
    );
    let last = out
        .findings
        .iter()
        .map(|f| f.region.start_line)
        .max()
        .unwrap();
    assert_eq!(last, 49_002);
}

#[test]
fn expressions_nested_10k_deep_do_not_overflow_the_stack() {
    // Brackets: Python refuses more than 200 levels.
    let parens = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    assert_skipped(&scan(parens.as_bytes()), 1);
    let lists = format!("f({}1{})\n", "[".repeat(10_000), "]".repeat(10_000));
    assert_skipped(&scan(lists.as_bytes()), 1);
    // No brackets: bandit's recursive visitor gives up (RecursionError), so does gate.
    let chain = format!("x = {}\n", vec!["'a'"; 10_000].join(" + "));
    assert_skipped(&scan(chain.as_bytes()), 1);
    let unary = format!("x = {}1\n", "-".repeat(10_000));
    assert_skipped(&scan(unary.as_bytes()), 1);
    let attrs = format!("x = a{}\n", ".b".repeat(10_000));
    assert_skipped(&scan(attrs.as_bytes()), 1);
}

#[test]
fn nesting_bandit_still_handles_is_checked() {
    let chain = format!(
        "cur.execute('SELECT * FROM t WHERE a = ' + {})\n",
        vec!["x"; 500].join(" + ")
    );
    let out = scan(chain.as_bytes());
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert!(out.findings.iter().any(|f| f.rule_id == "B608"));
}

#[test]
fn nul_bytes_invalid_utf8_and_python2_are_refused_with_a_position() {
    assert_skipped(&scan(b"import os\nx = 1\0\n"), 2);
    assert_skipped(&scan(b"x = 1\n\nassert '\xff\xfe'\n"), 3);
    assert_skipped(&scan(b"import os\nprint \"hello\"\nassert x\n"), 2);
    assert_skipped(
        &scan(b"try:\n    pass\nexcept ValueError, e:\n    pass\n"),
        3,
    );
    assert_skipped(&scan(b"x = 0777\nassert x\n"), 1);
    assert_skipped(&scan(b"exec \"code\"\n"), 1);
    assert_skipped(&scan(b"if a <> b:\n    pass\n"), 1);
    assert_skipped(&scan(b"s = ur'abc'\n"), 1);
    assert_skipped(
        &scan(b"try:\n    pass\nexcept* ValueError:\n    pass\nexcept KeyError:\n    pass\n"),
        1,
    );
    assert_skipped(&scan(b"def f():\n    # only a comment\n\nassert x\n"), 1);
}

#[test]
fn non_python_content_is_refused() {
    assert_skipped(&scan(b"# Title\n\nSome prose here.\n"), 3);
    assert_skipped(
        &scan(b"#include <stdio.h>\nint main(void) { return 0; }\n"),
        2,
    );
    assert_skipped(
        &scan(b"#!/bin/sh\nset -e\nfor f in *.txt; do echo $f; done\n"),
        3,
    );
    assert_skipped(&scan(b"<html><body>assert x</body></html>\n"), 1);
}

#[test]
fn a_declared_latin1_file_is_scanned() {
    let out = scan(b"# -*- coding: latin-1 -*-\nname = '\xe9t\xe9'\nassert name\n");
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    assert_eq!(out.findings.len(), 1);
    assert_eq!(out.findings[0].region.start_line, 3);
}

#[test]
fn the_binary_warns_on_bad_files_and_still_reports_the_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let write = |name: &str, bytes: &[u8]| std::fs::write(root.join(name), bytes).unwrap();
    write(
        "good.py",
        b"import subprocess\nsubprocess.call('ls ' + d, shell=True)\n",
    );
    write("py2.py", b"print 'hello'\n");
    write("nul.py", b"\0\0\0binary");
    write("latin.py", b"x = '\xff'\n");
    write(
        "deep.py",
        format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000)).as_bytes(),
    );
    write("notes.py", b"This is not Python at all.\n");
    let out = Command::new(env!("CARGO_BIN_EXE_gate"))
        .args([
            "scan",
            ".",
            "--engines",
            "python",
            "--format",
            "json",
            "--no-progress",
        ])
        .current_dir(root)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let doc: serde_json::Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let findings = doc["findings"].as_array().unwrap();
    assert!(findings
        .iter()
        .any(|f| f["rule_id"] == "B602" && f["path"] == "good.py" && f["start_line"] == 2));
    assert!(findings.iter().all(|f| f["path"] == "good.py"));
    let diags = doc["diagnostics"].as_array().unwrap();
    for bad in ["py2.py", "nul.py", "latin.py", "deep.py", "notes.py"] {
        assert!(
            diags
                .iter()
                .any(|d| d["path"] == bad && d["kind"] == "unparsable"),
            "{bad}: {diags:?}"
        );
    }
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(Path::new(root).join("good.py").exists());
}
