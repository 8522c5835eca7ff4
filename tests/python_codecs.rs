//! Issue 16: a coding cookie in a legacy codec is decoded as CPython decodes
//! it. The interpreter itself is the reference: every codec name and alias
//! resolves to the module Python's registry finds, every byte of every
//! single-byte codec decodes to Python's character (or is refused where
//! Python refuses it), and text Python encodes in a multi-byte codec
//! decodes back to itself. Skips only when python3 is missing.

use std::process::Command;

use gate::python::codecs::{self, Codec};

const SCRIPT: &str = r#"
import codecs, encodings, encodings.aliases, importlib, json, pkgutil
aliases = {}
for alias, module in encodings.aliases.aliases.items():
    try:
        # Python's registry lowercases names first: a mixed-case alias is unreachable.
        if codecs.lookup(alias)._is_text_encoding:
            aliases[alias] = module
    except LookupError:
        pass
single = {}
for m in sorted(m.name for m in pkgutil.iter_modules(encodings.__path__)):
    try:
        mod = importlib.import_module("encodings." + m)
    except ImportError:
        continue
    if isinstance(getattr(mod, "decoding_table", None), str) or m in ("latin_1", "ascii", "charmap"):
        out = []
        for b in range(256):
            try:
                out.append(bytes([b]).decode(m))
            except UnicodeDecodeError:
                out.append(None)
        single[m] = out
# Text in each codec's own language: Big5's kana and Cyrillic (ETEN
# extensions) are where HKSCS, and so encoding_rs, put other characters.
japanese = "x = 'abc' # 日本語のテキスト、ひらがな、カタカナ。漢字「表」\n"
chinese = "x = 'abc' # 中文简体字，汉语。\n"
traditional = "x = 'abc' # 繁體中文，漢語「臺灣」。\n"
korean = "x = 'abc' # 한국어 텍스트, 漢字.\n"
multi = {}
for m, text in [("shift_jis", japanese), ("cp932", japanese), ("euc_jp", japanese),
                ("iso2022_jp", japanese), ("gb2312", chinese), ("gbk", chinese),
                ("gb18030", chinese + traditional), ("big5", traditional),
                ("cp950", traditional), ("big5hkscs", traditional), ("euc_kr", korean),
                ("cp949", korean)]:
    multi[m] = [text.encode(m).hex(), text]
print(json.dumps({"aliases": aliases, "single": single, "multi": multi}))
"#;

fn python() -> Option<serde_json::Value> {
    let out = match Command::new("python3").arg("-c").arg(SCRIPT).output() {
        Ok(o) => o,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("running python3: {e}"),
    };
    assert!(
        out.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).expect("python3 printed JSON"))
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
        .collect()
}

#[test]
fn issue16_legacy_codecs_decode_as_cpython_decodes() {
    let Some(py) = python() else {
        eprintln!("python3 not found: skipping");
        return;
    };
    let mut wrong = Vec::new();

    for (alias, module) in py["aliases"].as_object().unwrap() {
        let module = module.as_str().unwrap();
        match codecs::lookup(alias) {
            // The tokenizer's own spellings of UTF-8 and latin-1 come first.
            Some(found)
                if found.module == module || matches!(found.codec, Codec::Utf8 | Codec::Latin1) => {
            }
            found => wrong.push(format!(
                "{alias}: python finds {module}, gate {:?}",
                found.map(|f| f.module)
            )),
        }
    }

    for (module, chars) in py["single"].as_object().unwrap() {
        let found =
            codecs::lookup(module).unwrap_or_else(|| panic!("gate knows no codec {module}"));
        if matches!(found.codec, Codec::GarblesAscii) {
            continue;
        }
        for (b, expected) in chars.as_array().unwrap().iter().enumerate() {
            let got = codecs::decode(&found, &[b as u8])
                .ok()
                .map(|t| String::from_utf8(t.into_owned()).unwrap());
            if got.as_deref() != expected.as_str() {
                wrong.push(format!(
                    "{module}: byte 0x{b:02x} decodes to {got:?}, python: {expected}"
                ));
            }
        }
    }

    for (module, pair) in py["multi"].as_object().unwrap() {
        let (bytes, text) = (hex(pair[0].as_str().unwrap()), pair[1].as_str().unwrap());
        let found = codecs::lookup(module).unwrap();
        match codecs::decode(&found, &bytes) {
            Ok(t) if t.as_ref() == text.as_bytes() => {}
            got => wrong.push(format!(
                "{module}: {text:?} decodes to {:?}",
                got.map(|t| String::from_utf8_lossy(&t).into_owned())
            )),
        }
    }

    assert!(
        wrong.is_empty(),
        "{} disagreement(s) with python3:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// bandit (1.9.4, on this file) reports B307 at col_offset 20 to
/// end_col_offset 27 on line 2 and B105 at 11 to 25 on line 4: UTF-8 bytes
/// of the decoded text. gate's regions count characters of the same text.
#[test]
fn issue16_a_cp1251_file_is_scanned_with_columns_in_decoded_characters() {
    use gate::engines::{Engine, FileOutput, SourceFile};
    use gate::python::PythonEngine;

    let src = b"# -*- coding: cp1251 -*-\nx = '\xcf\xf0\xe8\xe2\xe5\xf2'; eval(x)\nsubprocess_call = '\xcf'\npassword = '\xcf\xf0\xe8\xe2\xe5\xf2'\n";
    let mut out = FileOutput::default();
    PythonEngine::default().scan(&SourceFile::new("cp.py", src), &mut out);
    assert!(out.diagnostics.is_empty(), "{:?}", out.diagnostics);
    let mut got: Vec<_> = out
        .findings
        .iter()
        .map(|f| {
            (
                f.rule_id.as_str(),
                f.region.start_line,
                f.region.start_column,
                f.region.end_line,
                f.region.end_column,
            )
        })
        .collect();
    got.sort();
    // "x = 'Привет'; " is 20 bytes and 14 characters; "password = 'Привет'" 25 and 19.
    assert_eq!(got, [("B105", 4, 12, 4, 20), ("B307", 2, 15, 2, 22)]);
    let b307 = out.findings.iter().find(|f| f.rule_id == "B307").unwrap();
    assert_eq!(b307.snippet.as_deref(), Some("x = 'Привет'; eval(x)"));
}
