//! Fuzzing the SARIF importer with proptest: arbitrary bytes, mutated real
//! SARIF, and generated documents in SARIF's shape. The importer must never
//! panic; it either reads the file or names the file and a JSON path. Inputs
//! that once crashed it live in testdata/sarif/fuzz-regressions/ and are
//! replayed by `regressions_never_panic`.
//!
//! URIs and `originalUriBaseIds` are fuzzed on their own (issue 11): built
//! from the pieces path attacks are made of, they never make gate read a
//! file outside the root, never give a relative path that climbs, and every
//! report path gate writes reads back as itself. Cases that once failed are
//! kept in `uri_regressions`.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use gate::sarif::read::parse;
use gate::sarif::uri::{is_absolute, to_uri, Resolver, SRCROOT};
use gate::sarif::SourceRoot;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Value};

fn check(bytes: &[u8]) {
    let root = Path::new(common::SAMPLES);
    match parse("fuzz.sarif", bytes, root) {
        Ok(input) => {
            // What was read must also merge (sources are read, statements parsed).
            let sources = gate::sarif::SourceRoot::new(root, 10 << 20);
            let _ = gate::sarif::merge(Vec::new(), vec![input], &BTreeMap::new(), &sources);
        }
        Err(e) => {
            let msg = e.to_string();
            assert!(msg.starts_with("fuzz.sarif: "), "{msg}");
            assert!(msg.contains("at $"), "{msg}");
        }
    }
}

fn sample(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(common::SAMPLES).join(name)).unwrap()
}

/// JSON values that look like parts of SARIF (strings, numbers, nested objects
/// with SARIF's key names) so that the fuzzer gets past the first check.
fn arb_value() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(vec![
        "version",
        "runs",
        "tool",
        "driver",
        "name",
        "results",
        "ruleId",
        "level",
        "message",
        "text",
        "locations",
        "physicalLocation",
        "artifactLocation",
        "uri",
        "uriBaseId",
        "region",
        "startLine",
        "startColumn",
        "endLine",
        "endColumn",
        "properties",
        "issue_severity",
        "rules",
        "id",
        "originalUriBaseIds",
        "artifacts",
        "index",
        "ruleIndex",
        "kind",
        "suppressions",
        "invocations",
        "executionSuccessful",
        "columnKind",
        "security-severity",
        "tags",
        "partialFingerprints",
        "snippet",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (-3i64..5).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        prop::sample::select(vec![
            "2.1.0",
            "error",
            "warning",
            "note",
            "none",
            "high",
            "B602",
            "S602",
            "src/app.py",
            "file:///home/runner/work/app/app/src/app.py",
            "%SRCROOT%",
            "file://",
            "file:",
            "../../../etc/passwd",
            "MEDIUM",
            "9.9",
            "utf16CodeUnits",
            "",
            "é😀\u{0}",
            "pass",
        ])
        .prop_map(|s| json!(s)),
        ".{0,12}".prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(keys.clone(), inner, 0..6).prop_map(|m| Value::Object(
                m.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// A structurally valid log with fuzzed leaves.
fn arb_log() -> impl Strategy<Value = Value> {
    (
        arb_value(),
        arb_value(),
        arb_value(),
        arb_value(),
        arb_value(),
    )
        .prop_map(|(level, uri, region, props, rule)| {
            json!({
                "version": "2.1.0",
                "runs": [{
                    "tool": {"driver": {"name": "fuzz", "rules": [rule]}},
                    "results": [{
                        "ruleId": "B602",
                        "level": level,
                        "message": {"text": "m"},
                        "properties": props,
                        "locations": [{"physicalLocation": {
                            "artifactLocation": {"uri": uri},
                            "region": region
                        }}]
                    }]
                }]
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        check(&bytes);
    }

    #[test]
    fn mutated_real_sarif_never_panics(
        which in 0..2usize,
        cut in 0.0f64..1.0,
        flips in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..8),
    ) {
        let mut bytes = sample(["bandit.sarif", "ruff.sarif"][which]);
        for (at, b) in flips {
            let i = (at * bytes.len() as f64) as usize % bytes.len();
            bytes[i] = b;
        }
        let keep = ((cut * bytes.len() as f64) as usize).max(1);
        check(&bytes);
        check(&bytes[..keep]);
    }

    #[test]
    fn generated_documents_never_panic(doc in arb_value()) {
        check(doc.to_string().as_bytes());
    }

    #[test]
    fn sarif_shaped_documents_never_panic(doc in arb_log()) {
        check(doc.to_string().as_bytes());
    }
}

#[test]
fn regressions_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/sarif/fuzz-regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        check(&std::fs::read(&path).unwrap());
        n += 1;
    }
    assert!(n > 0, "the regression corpus is not empty");
}

// ---- URIs and base ids (issue 11 p2, p13). ----

/// What only the file outside the root holds.
const MARKER: &str = "MARKER_OUTSIDE_THE_ROOT_0c4d2";

/// `base/outside/secret.txt` next to the root `base/repo`, which holds an
/// ordinary file, links out of the tree, a FIFO and a directory.
struct UriTree {
    _dir: tempfile::TempDir,
    base: String,
    root: PathBuf,
}

impl UriTree {
    fn new() -> UriTree {
        let dir = tempfile::tempdir().unwrap();
        let base = std::fs::canonicalize(dir.path()).unwrap();
        let root = base.join("repo");
        std::fs::create_dir_all(base.join("outside")).unwrap();
        std::fs::write(
            base.join("outside/secret.txt"),
            format!("{MARKER}\n{MARKER}\n"),
        )
        .unwrap();
        std::fs::create_dir_all(root.join("src/dir")).unwrap();
        std::fs::write(root.join("src/app.py"), "import os\nos.system(x)\n").unwrap();
        std::fs::write(root.join("secret.txt"), "inside\ninside\n").unwrap();
        std::os::unix::fs::symlink("../../outside/secret.txt", root.join("src/link.py")).unwrap();
        std::os::unix::fs::symlink("../outside", root.join("dirlink")).unwrap();
        std::os::unix::fs::symlink("/dev/zero", root.join("zero.py")).unwrap();
        let fifo = std::ffi::CString::new(root.join("fifo.py").to_str().unwrap()).unwrap();
        // SAFETY: a valid NUL-terminated path; mkfifo has no other preconditions.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o644) }, 0, "mkfifo");
        UriTree {
            _dir: dir,
            base: base.display().to_string(),
            root,
        }
    }
}

/// A URI as path attacks build them: a prefix (none, `file://`, an
/// absolute path, a host, a drive) and segments that climb, link or name
/// the outside file, joined by real and encoded separators; or any
/// concatenation of such pieces.
fn arb_uri(base: &str) -> impl Strategy<Value = String> {
    let prefixes: Vec<String> = [
        "",
        "",
        "",
        "/",
        "file://",
        "file:///",
        "file://host/",
        "FILE:///",
        "C:/",
        "c:\\",
        "file:///C:/",
        "./",
        "//host/",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([
        format!("{base}/"),
        format!("{base}/repo/"),
        format!("file://{base}/"),
        format!("file://{base}/repo/"),
        format!("file://host{base}/"),
    ])
    .collect();
    let segments: Vec<&str> = vec![
        "..",
        "..",
        "%2e%2e",
        "%2E%2e",
        ".%2e",
        ".",
        "",
        "outside",
        "outside",
        "secret.txt",
        "secret.txt",
        "src",
        "app.py",
        "link.py",
        "dirlink",
        "fifo.py",
        "zero.py",
        "dir",
        "repo",
        "proc",
        "self",
        "environ",
        "dev",
        "zero",
        "%00",
        "a:b",
        "%3A",
        "%",
        "~",
        "é",
    ];
    let separators = vec!["/", "/", "/", "\\", "%2f", "%2F", "%5c", "//"];
    let structured = (
        prop::sample::select(prefixes),
        prop::collection::vec(
            (
                prop::sample::select(segments.clone()),
                prop::sample::select(separators.clone()),
            ),
            1..7,
        ),
    )
        .prop_map(|(prefix, parts)| {
            let mut uri = prefix;
            for (i, (segment, separator)) in parts.iter().enumerate() {
                if i > 0 {
                    uri.push_str(separator);
                }
                uri.push_str(segment);
            }
            uri
        });
    let pieces: Vec<String> = segments
        .iter()
        .chain(&separators)
        .chain(&["file:", "file://", "C:", ":", "%SRCROOT%", "?", "#", " "])
        .map(|s| s.to_string())
        .chain([base.to_string(), format!("file://{base}")])
        .collect();
    let loose = prop::collection::vec(prop::sample::select(pieces), 1..8).prop_map(|v| v.concat());
    prop_oneof![4 => structured, 1 => loose]
}

/// Base ids a run may define and results may use (`%SRCROOT%` among them).
fn arb_base_id() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        prop::sample::select(vec!["A", "B", "C", "%SRCROOT%"]).prop_map(str::to_string),
    )
}

/// A run whose `originalUriBaseIds` and result URIs are fuzzed (base ids may
/// chain, loop and point anywhere).
fn arb_uri_log(base: &str) -> impl Strategy<Value = Value> {
    let bases = prop::collection::vec(
        (
            prop::sample::select(vec!["A", "B", "C", "%SRCROOT%"]),
            arb_uri(base),
            arb_base_id(),
        ),
        0..4,
    );
    // One result a run: a URI gate refuses fails the whole file, and would
    // hide the others.
    let results = prop::collection::vec((arb_uri(base), arb_base_id()), 1..2);
    (bases, results).prop_map(|(bases, results)| {
        let bases: serde_json::Map<String, Value> = bases
            .into_iter()
            .map(|(id, uri, parent)| {
                let mut loc = json!({ "uri": uri });
                if let Some(p) = parent {
                    loc["uriBaseId"] = json!(p);
                }
                (id.to_string(), loc)
            })
            .collect();
        let results: Vec<Value> = results
            .into_iter()
            .enumerate()
            .map(|(i, (uri, base))| {
                let mut art = json!({ "uri": uri });
                if let Some(b) = base {
                    art["uriBaseId"] = json!(b);
                }
                json!({
                    "ruleId": format!("R{i}"),
                    "message": {"text": "m"},
                    "locations": [{"physicalLocation": {
                        "artifactLocation": art,
                        "region": {"startLine": 1 + i % 2}
                    }}]
                })
            })
            .collect();
        json!({
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "fuzz"}},
                "originalUriBaseIds": bases,
                "results": results
            }]
        })
    })
}

/// Import and merge `doc` on `tree`: no text from outside the root in any
/// finding or diagnostic, no relative path that climbs, every result kept.
fn check_uri_log(tree: &UriTree, doc: &Value) -> Result<(), String> {
    let text = doc.to_string();
    let Ok(input) = parse("fuzz.sarif", text.as_bytes(), &tree.root) else {
        // Refusing the file (a scheme gate cannot gate, a base-id cycle) is fine.
        return Ok(());
    };
    let n = input.results.len();
    let sources = SourceRoot::new(&tree.root, 1 << 20);
    let merged = gate::sarif::merge(Vec::new(), vec![input], &BTreeMap::new(), &sources);
    if merged.findings.len() != n {
        return Err(format!(
            "{n} results became {} findings",
            merged.findings.len()
        ));
    }
    for f in &merged.findings {
        if f.snippet.as_deref().is_some_and(|s| s.contains(MARKER)) {
            return Err(format!("{}: snippet read from outside the root", f.path));
        }
        if !is_absolute(&f.path)
            && f.path
                .split('/')
                .any(|s| s.is_empty() || s == "." || s == "..")
        {
            return Err(format!("relative path `{}` is not folded", f.path));
        }
    }
    for d in &merged.diagnostics {
        if d.to_string().contains(MARKER) {
            return Err(format!("diagnostic quotes the outside file: {d}"));
        }
    }
    Ok(())
}

#[test]
fn issue11_p2_fuzzed_uris_and_base_ids_never_read_outside_the_root() {
    let tree = UriTree::new();
    let mut runner = TestRunner::new(Config {
        cases: 2000,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&arb_uri_log(&tree.base), |doc| {
        check_uri_log(&tree, &doc).map_err(|e| TestCaseError::fail(format!("{e}\n{doc}")))
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// URIs that once read outside the root or lost a result, replayed as is
/// (`{base}` is the directory holding the root).
#[test]
fn issue11_p2_uri_regressions() {
    let tree = UriTree::new();
    /// `originalUriBaseIds` entries: id, URI, the id it is relative to.
    type Bases<'a> = &'a [(&'a str, &'a str, Option<&'a str>)];
    let cases: &[(Bases, &str, Option<&str>)] = &[
        (&[], "file:///proc/self/environ", None),
        (&[], "../outside/secret.txt", None),
        (&[], "%2e%2e/outside/secret.txt", None),
        (&[], "src/link.py", None),
        (&[], "dirlink/secret.txt", None),
        (&[], "fifo.py", None),
        (&[], "zero.py", None),
        (&[], "{base}/outside/secret.txt", None),
        // Found by the fuzzer: re-rooted on its suffix, through a link out of the tree.
        (&[], "/outside/dirlink/secret.txt", None),
        (
            &[("A", "file://{base}/outside/", None)],
            "secret.txt",
            Some("A"),
        ),
        (
            &[("%SRCROOT%", "..", None)],
            "outside/secret.txt",
            Some("%SRCROOT%"),
        ),
        (
            &[("A", "outside/", Some("B")), ("B", "file://{base}/", None)],
            "secret.txt",
            Some("A"),
        ),
    ];
    for (bases, uri, base_id) in cases {
        let fill = |s: &str| s.replace("{base}", &tree.base);
        let bases: serde_json::Map<String, Value> = bases
            .iter()
            .map(|(id, uri, parent)| {
                let mut loc = json!({ "uri": fill(uri) });
                if let Some(p) = parent {
                    loc["uriBaseId"] = json!(p);
                }
                (id.to_string(), loc)
            })
            .collect();
        let mut art = json!({ "uri": fill(uri) });
        if let Some(b) = base_id {
            art["uriBaseId"] = json!(b);
        }
        let doc = json!({
            "version": "2.1.0",
            "runs": [{
                "tool": {"driver": {"name": "fuzz"}},
                "originalUriBaseIds": bases,
                "results": [{"ruleId": "R", "message": {"text": "m"},
                    "locations": [{"physicalLocation": {"artifactLocation": art,
                        "region": {"startLine": 1}}}]}]
            }]
        });
        if let Err(e) = check_uri_log(&tree, &doc) {
            panic!("{uri}: {e}");
        }
    }
}

/// One segment of a file name: anything but `/` and NUL, the tricky ones often.
fn arb_segment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "C:",
            "c:",
            "a:b.txt",
            ":",
            "\\",
            "a\\b",
            "%",
            "%25",
            "%2e%2e",
            "%2F",
            "...",
            "~",
            " ",
            "é",
            "file:",
            "%SRCROOT%",
            "\n",
            "\u{1b}[31m",
            "?",
            "#",
        ])
        .prop_map(str::to_string),
        "[^/\u{0}]{1,8}",
    ]
    .prop_filter("not a `.` or `..` segment", |s| s != "." && s != "..")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Every relative report path gate writes is a relative reference
    /// (no scheme, no raw `\`, nothing but printable ASCII) that reads back
    /// as the same path.
    #[test]
    fn issue11_p13_relative_report_paths_round_trip_through_uris(
        segments in prop::collection::vec(arb_segment(), 1..4),
    ) {
        let path = segments.join("/");
        prop_assert!(!is_absolute(&path));
        let (uri, base) = to_uri(&path);
        prop_assert_eq!(base, Some(SRCROOT));
        prop_assert!(!uri.contains(':') && !uri.contains('\\'), "{}", uri);
        prop_assert!(uri.bytes().all(|b| b.is_ascii_graphic()), "{}", uri);
        let mut r = Resolver::new(Path::new("/nonexistent-gate-root"), HashMap::new());
        prop_assert_eq!(r.resolve(&uri, Some(SRCROOT)), Ok(path));
    }

    /// So does every absolute one (a result outside the root).
    #[test]
    fn issue11_p13_absolute_report_paths_round_trip_through_file_uris(
        segments in prop::collection::vec(arb_segment(), 1..4),
    ) {
        let path = format!("/{}", segments.join("/"));
        let (uri, base) = to_uri(&path);
        prop_assert_eq!(base, None);
        prop_assert!(uri.starts_with("file:///"), "{}", uri);
        let mut r = Resolver::new(Path::new("/nonexistent-gate-root"), HashMap::new());
        prop_assert_eq!(r.resolve(&uri, None), Ok(path));
    }
}
