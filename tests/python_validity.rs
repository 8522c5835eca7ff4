//! Issue 16, point 2: which files are valid Python is CPython's call, per
//! version. Every case here is put to the interpreter itself (`python3`,
//! `ast.parse` on the file's bytes, as bandit parses) and gate must agree:
//! a file Python parses is scanned, a file it rejects is skipped with a
//! warning naming file:line:col. gate runs with `target_version` set to the
//! interpreter's version. The test skips only when python3 is missing.

use std::collections::BTreeMap;
use std::process::Command;

use gate::diagnostic::Kind;
use gate::engines::{Engine, FileOutput, SourceFile};
use gate::python::{PythonEngine, PythonVersion, Settings};

/// (name, source): valid and invalid files that gate used to get wrong, and
/// their neighbours.
fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let deep = |levels: usize| {
        let mut s = String::new();
        for i in 0..levels {
            s.push_str(&" ".repeat(i));
            s.push_str("if x:\n");
        }
        s.push_str(&" ".repeat(levels));
        s.push_str("pass\n");
        s.into_bytes()
    };
    let mut v: Vec<(&'static str, Vec<u8>)> = [
        // Valid Python 3 that gate rejected.
        (
            "print_chevron_is_a_tuple",
            &b"import sys\nprint >>sys.stderr, 'x'\n"[..],
        ),
        ("print_chevron_alone", b"print >>f\n"),
        ("print_minus", b"print -1\n"),
        ("print_parenthesised_tuple", b"print (1), 2\n"),
        ("bare_cr_line_endings", b"import os\rx = 1\ros.system(x)\r"),
        ("mixed_line_endings", b"import os\r\nx = 1\ros.system(x)\n"),
        ("tabs_consistently", b"if x:\n\tif y:\n\t\tpass\n\tz = 1\n"),
        (
            "tab_in_a_string_and_comment",
            b"x = '\t'  #\tc\nif x:\n    y = 1\n",
        ),
        (
            "hex_escapes",
            b"x = '\\x41\\u0041\\U00000041\\N{BULLET}'\ny = b'\\x41\\u'\n",
        ),
        ("raw_string_backslashes", b"x = r'\\x4'\ny = rb'\\x'\n"),
        (
            "underscores_in_numbers",
            b"x = 1_000 + 0x_ff + 0b_1 + 1_0.5e1_0 + 1_0j\n",
        ),
        (
            "bare_star_then_name",
            b"def f(*, a):\n    pass\nlambda *, b: b\n",
        ),
        ("raise_parenthesised_tuple", b"raise (E, 'm')\n"),
        ("del_targets", b"del a, b.c, d[0], (e, [f])\n"),
        ("with_as_targets", b"with a as (b, c.d):\n    pass\n"),
        ("async_def_and_await", b"async def f():\n    await g()\n"),
        ("coding_utf8", b"# -*- coding: utf-8 -*-\nx = 1\n"),
        ("coding_latin1", b"# coding=latin-1\nx = '\xe9'\n"),
        (
            "coding_on_second_line",
            b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = 1\n",
        ),
        (
            "coding_after_code_is_no_cookie",
            b"x = 1\n# coding: utf-16\n",
        ),
        ("match_statement", b"match x:\n    case 1:\n        pass\n"),
        ("except_star", b"try:\n    pass\nexcept* E:\n    pass\n"),
        // Invalid files that gate accepted.
        ("python2_print", b"print 'x'\n"),
        ("python2_raise", b"raise E, 'm'\n"),
        ("python2_raise_traceback", b"raise E, V, T\n"),
        ("backticks", b"x = `y`\n"),
        ("tuple_parameters", b"def f(a, (b, c)):\n    pass\n"),
        ("lambda_tuple_parameters", b"f = lambda a, (b, c): a\n"),
        ("async_as_a_name", b"async = 1\n"),
        ("await_as_a_name", b"x = await\n"),
        ("async_as_a_keyword_argument", b"f(async=True)\n"),
        (
            "tab_error",
            b"if x:\n\tif y:\n\t        pass\n        z = 1\n",
        ),
        ("tab_error_after_spaces", b"if x:\n        a = 1\n\tb = 2\n"),
        ("del_call", b"del f()\n"),
        ("del_expression", b"del a + b\n"),
        ("del_in_tuple", b"del (a, f())\n"),
        ("with_as_call", b"with a as f():\n    pass\n"),
        ("bare_star_alone", b"def f(*):\n    pass\n"),
        ("bare_star_then_kwargs", b"def f(*, **k):\n    pass\n"),
        ("lambda_bare_star", b"f = lambda *: 0\n"),
        ("trailing_underscore", b"x = 1_000_\n"),
        ("underscore_before_point", b"x = 1_.5\n"),
        ("hex_trailing_underscore", b"x = 0xff_\n"),
        ("truncated_x_escape", b"x = '\\x4'\n"),
        ("truncated_u_escape", b"x = '\\u12'\n"),
        ("truncated_x_escape_in_bytes", b"x = b'\\x4'\n"),
        ("truncated_escape_in_docstring", b"def f():\n    '\\x4'\n"),
        ("truncated_escape_in_fstring", b"x = f'{a}\\x4'\n"),
        ("code_point_too_large", b"x = '\\U00110000'\n"),
        ("malformed_name_escape", b"x = '\\N'\n"),
        ("coding_utf16", b"# coding: utf-16\nx = 1\n"),
        ("coding_unknown", b"# coding: no-such-codec\nx = 1\n"),
        ("coding_with_bom", b"\xef\xbb\xbf# coding: latin-1\nx = 1\n"),
        ("coding_utf8_spelled_without_dash_with_bom", b"\xef\xbb\xbf# coding: utf8\nx = 1\n"),
        // Legacy codecs CPython decodes (issue 16: sphinx's cp_1251_coded.py was skipped).
        (
            "coding_cp1251",
            b"# -*- coding: cp1251 -*-\nx = '\xcf\xf0\xe8\xe2\xe5\xf2'\n",
        ),
        (
            "coding_windows_1251_alias",
            b"# vim: set fileencoding=windows-1251 :\nx = '\xcf\xf0'\n",
        ),
        ("coding_cp1252_euro", b"# coding: cp1252\nx = '\x80'\n"),
        ("coding_cp1252_unmapped_byte", b"# coding: cp1252\nx = '\x81'\n"),
        ("coding_koi8_r", b"# coding: koi8-r\nx = '\xf0\xd2\xc9'\n"),
        ("coding_ascii_high_byte", b"# coding: ascii\nx = '\xe9'\n"),
        ("coding_cp864_percent_is_not_an_operator", b"# coding: cp864\nx = 1 % 2\n"),
        ("coding_shift_jis", b"# coding: shift_jis\nx = '\x93\xfa\x96\x7b'\n"),
        // The second byte of \x95\x5c is a backslash when read as ASCII.
        ("coding_shift_jis_trail_backslash", b"# coding: sjis\nx = '\x95\x5c'\n"),
        ("coding_euc_jp", b"# coding: euc-jp\nx = '\xc6\xfc\xcb\xdc'\n"),
        ("coding_euc_jp_truncated", b"# coding: euc-jp\nx = '\xc6'\n"),
        (
            "coding_iso2022_jp",
            b"# coding: iso-2022-jp\nx = '\x1b$BF|K\\\x1b(B'\n",
        ),
        ("coding_gb2312", b"# coding: gb2312\nx = '\xd6\xd0'\n"),
        ("coding_big5", b"# coding: big5\nx = '\xa4\xa4'\n"),
        ("coding_euc_kr", b"# coding: euc-kr\nx = '\xc7\xd1'\n"),
        // \N{NAME}: names and aliases in any case; computed names in upper case only.
        (
            "name_escapes",
            b"x = '\\N{bullet}\\N{Latin Small Letter A}\\N{BOM}\\N{LF}\\N{HANGUL SYLLABLE GAG}\\N{CJK UNIFIED IDEOGRAPH-4E00}'\n",
        ),
        ("name_escape_in_fstring", b"x = f'{a}\\N{BULLET}'\n"),
        ("name_escape_in_bytes_is_no_escape", b"x = b'\\N{NOT A NAME}'\n"),
        ("unknown_name_escape", b"x = '\\N{NOT A NAME}'\n"),
        (
            "named_sequence_escape",
            b"x = '\\N{LATIN CAPITAL LETTER A WITH MACRON AND GRAVE}'\n",
        ),
        (
            "computed_name_escape_in_lower_case",
            b"x = '\\N{cjk unified ideograph-4E00}'\n",
        ),
        ("unknown_name_escape_in_fstring", b"x = f'{a}\\N{NOT A NAME}'\n"),
        (
            "unknown_name_escape_in_docstring",
            b"def f():\n    '\\N{NOT A NAME}'\n",
        ),
    ]
    .into_iter()
    .map(|(n, b)| (n, b.to_vec()))
    .collect();
    v.push(("indentation_99_levels", deep(99)));
    v.push(("indentation_100_levels", deep(100)));
    v.push((
        "tabs_beyond_100_levels",
        deep(101)
            .iter()
            .map(|&b| if b == b' ' { b'\t' } else { b })
            .collect(),
    ));
    v
}

/// Python's verdict per case (None: valid; else "line:col message"), and its
/// `minor` version; None when there is no python3.
fn python(
    dir: &std::path::Path,
    names: &[&str],
) -> Option<(BTreeMap<String, Option<String>>, u32)> {
    const SCRIPT: &str = r#"
import ast, json, sys
out = {}
for path in sys.argv[2:]:
    try:
        ast.parse(open(path, "rb").read())
        out[path] = None
    except (SyntaxError, ValueError) as e:
        out[path] = "%s:%s %s" % (getattr(e, "lineno", "?"), getattr(e, "offset", "?"), e)
print(json.dumps({"minor": sys.version_info[1], "verdicts": out}))
"#;
    let run = Command::new("python3")
        .arg("-c")
        .arg(SCRIPT)
        .arg("-")
        .args(names.iter().map(|n| dir.join(format!("{n}.py"))))
        .output();
    let out = match run {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("running python3: {e}"),
    };
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("python3 printed JSON");
    let minor = doc["minor"].as_u64().expect("minor version") as u32;
    let verdicts = doc["verdicts"]
        .as_object()
        .expect("verdicts")
        .iter()
        .map(|(path, v)| {
            let name = std::path::Path::new(path)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, v.as_str().map(str::to_string))
        })
        .collect();
    Some((verdicts, minor))
}

fn scan(target: PythonVersion, path: &str, bytes: &[u8]) -> FileOutput {
    let settings = Settings {
        target_version: target,
        ..Settings::default()
    };
    let mut out = FileOutput::default();
    PythonEngine::new(settings).scan(&SourceFile::new(path, bytes), &mut out);
    out
}

#[test]
fn issue16_p2_gate_and_cpython_agree_on_which_files_are_valid() {
    let dir = tempfile::tempdir().unwrap();
    let cases = cases();
    for (name, bytes) in &cases {
        std::fs::write(dir.path().join(format!("{name}.py")), bytes).unwrap();
    }
    let names: Vec<&str> = cases.iter().map(|(n, _)| *n).collect();
    let Some((verdicts, minor)) = python(dir.path(), &names) else {
        eprintln!("python3 not found: skipping");
        return;
    };
    // The interpreter's own version; one newer than gate knows counts as the newest.
    let target = match PythonVersion::from_minor(minor) {
        Some(v) => v,
        None if minor > 14 => PythonVersion::Py314,
        None => panic!("python3.{minor} is older than any target_version gate knows"),
    };
    let mut disagree = Vec::new();
    for (name, bytes) in &cases {
        let path = format!("{name}.py");
        let out = scan(target, &path, bytes);
        let warned: Vec<_> = out
            .diagnostics
            .iter()
            .filter(|d| d.kind == Kind::Unparsable)
            .collect();
        match (&verdicts[*name], warned.first()) {
            (None, None) => {}
            (Some(_), Some(d)) => {
                // Skipped, with a warning naming file:line:col, and nothing found.
                let shown = d.to_string();
                let (line, col) = (d.line.unwrap_or(0), d.column.unwrap_or(0));
                if line == 0 || col == 0 || !shown.contains(&format!("{path}:{line}:{col}: ")) {
                    disagree.push(format!(
                        "{name}: the warning names no file:line:col: {shown}"
                    ));
                }
                if !out.findings.is_empty() {
                    disagree.push(format!("{name}: skipped but reported findings"));
                }
            }
            (None, Some(d)) => {
                disagree.push(format!("{name}: python3 parses it, gate skipped it: {d}"))
            }
            (Some(why), None) => disagree.push(format!(
                "{name}: python3 rejects it ({why}), gate scanned it"
            )),
        }
    }
    assert!(
        disagree.is_empty(),
        "gate (target_version {target}) and python3.{minor} disagree:\n{}",
        disagree.join("\n")
    );
}

#[test]
fn issue16_p2_a_lone_cr_is_a_line_break() {
    // Python numbers lines after a lone \r as it does after \n: findings
    // are on the lines bandit reports.
    let src = b"import subprocess\rx = 1\r\nsubprocess.call(x, shell=True)\r# end\r";
    let out = scan(PythonVersion::default(), "cr.py", src);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let mut lines: Vec<(u32, &str)> = out
        .findings
        .iter()
        .map(|f| (f.region.start_line, f.rule_id.as_str()))
        .collect();
    lines.sort();
    assert_eq!(lines, [(1, "B404"), (3, "B602")]);
    let b602 = out.findings.iter().find(|f| f.rule_id == "B602").unwrap();
    assert_eq!(
        b602.snippet.as_deref(),
        Some("subprocess.call(x, shell=True)")
    );
}

#[test]
fn issue16_p2_target_version_decides_version_specific_syntax() {
    let cases: [(&[u8], PythonVersion, PythonVersion); 4] = [
        // (source, newest version that rejects it, oldest that accepts it)
        (
            b"match x:\n    case 1:\n        pass\n",
            PythonVersion::Py39,
            PythonVersion::Py310,
        ),
        (
            b"try:\n    pass\nexcept* E:\n    pass\n",
            PythonVersion::Py310,
            PythonVersion::Py311,
        ),
        (
            b"type X = int\n",
            PythonVersion::Py311,
            PythonVersion::Py312,
        ),
        (
            b"x = f'{a['b']}'\n",
            PythonVersion::Py311,
            PythonVersion::Py312,
        ),
    ];
    for (src, rejects, accepts) in cases {
        let shown = String::from_utf8_lossy(src);
        let out = scan(rejects, "v.py", src);
        assert!(
            out.diagnostics.iter().any(|d| d.kind == Kind::Unparsable),
            "{rejects} should reject {shown:?}"
        );
        let out = scan(accepts, "v.py", src);
        assert!(
            out.diagnostics.is_empty(),
            "{accepts} should accept {shown:?}: {:?}",
            out.diagnostics
        );
    }
}

#[test]
fn issue16_p2_target_version_names_parse_and_unknown_ones_are_refused() {
    assert_eq!("py311".parse::<PythonVersion>(), Ok(PythonVersion::Py311));
    assert_eq!("3.12".parse::<PythonVersion>(), Ok(PythonVersion::Py312));
    assert_eq!(PythonVersion::default(), PythonVersion::Py311);
    let e = "py27".parse::<PythonVersion>().unwrap_err();
    assert!(e.contains("py27") && e.contains("py38"), "{e}");
}
