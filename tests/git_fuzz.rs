//! Fuzzing git's output parsers with proptest (issue 11): the `--raw -z`
//! listing and the unified-diff reader must never panic on any bytes, and
//! every name a file can have (tabs, newlines, quotes, backslashes, UTF-8,
//! bytes that are not UTF-8) must come back byte-exact, both from text
//! built the way git builds it and from a real git run on a real repository.
//! Edge inputs that random search rarely reaches are plain tests at the end.

use std::path::Path;
use std::process::Command;

use gate::git::patch::{new_name, unquote_c, PatchLine, PatchReader};
use gate::git::raw::{parse_raw, split_names, RawEntry, Status};
use gate::git::{self, CommitRange, PATCH_OPTIONS};
use proptest::prelude::*;

/// A file name as bytes: anything but NUL and `/`, never empty.
fn arb_name() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => prop::sample::select(b"\t\n\r \"\\'$*?[]#:;,=~-.\x01\x07\x1b\x7f".to_vec()),
        4 => b'a'..=b'z',
        2 => 0x80u8..=0xff,
        1 => (1u8..=0xff).prop_filter("no slash", |b| *b != b'/'),
    ];
    let utf8 = "[a-zé☃😀 \t\n\"\\\\]{1,6}".prop_map(String::into_bytes);
    prop::collection::vec(prop_oneof![byte.prop_map(|b| vec![b]), utf8], 1..12)
        .prop_map(|parts| parts.concat())
}

/// A path: one to three names joined by `/`.
fn arb_path() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(arb_name(), 1..4).prop_map(|names| names.join(&b'/'))
}

/// git's `quote_c_style`: what `git diff` prints for a name that needs it.
fn git_quote(name: &[u8], quote_high_bytes: bool) -> Vec<u8> {
    let needs =
        |b: u8| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f || (quote_high_bytes && b >= 0x80);
    if !name.iter().any(|&b| needs(b)) {
        return name.to_vec();
    }
    let mut out = vec![b'"'];
    for &b in name {
        match b {
            0x07 => out.extend(b"\\a"),
            0x08 => out.extend(b"\\b"),
            b'\t' => out.extend(b"\\t"),
            b'\n' => out.extend(b"\\n"),
            0x0b => out.extend(b"\\v"),
            0x0c => out.extend(b"\\f"),
            b'\r' => out.extend(b"\\r"),
            b'"' => out.extend(b"\\\""),
            b'\\' => out.extend(b"\\\\"),
            b if needs(b) => out.extend(format!("\\{b:03o}").into_bytes()),
            b => out.push(b),
        }
    }
    out.push(b'"');
    out
}

/// The `+++` label git prints for a new name: quoted when needed, a TAB after
/// a label that holds a space.
fn plus_label(name: &[u8], quote_high_bytes: bool) -> Vec<u8> {
    let mut label = git_quote(&[b"b/", name].concat(), quote_high_bytes);
    if label.contains(&b' ') {
        label.push(b'\t');
    }
    label
}

fn arb_status() -> impl Strategy<Value = (String, Status)> {
    prop_oneof![
        Just(("A".to_string(), Status::Added)),
        Just(("D".to_string(), Status::Deleted)),
        Just(("M".to_string(), Status::Modified)),
        Just(("T".to_string(), Status::TypeChanged)),
        Just(("U".to_string(), Status::Unmerged)),
        Just(("B".to_string(), Status::Broken)),
        (0u8..=100).prop_map(|n| (format!("M{n:03}"), Status::Modified)),
        (0u8..=100).prop_map(|n| (format!("R{n:03}"), Status::Renamed(n))),
        (0u8..=100).prop_map(|n| (format!("C{n:03}"), Status::Copied(n))),
    ]
}

fn arb_entry() -> impl Strategy<Value = (Vec<u8>, RawEntry)> {
    let mode = prop::sample::select(vec![0u32, 0o100644, 0o100755, 0o120000, 0o160000]);
    let oid = "[0-9a-f]{40}";
    (
        mode.clone(),
        mode,
        oid,
        oid,
        arb_status(),
        arb_path(),
        arb_path(),
    )
        .prop_map(
            |(old_mode, new_mode, old_oid, new_oid, (letter, status), path, source)| {
                let two = matches!(status, Status::Renamed(_) | Status::Copied(_));
                let mut bytes =
                    format!(":{old_mode:06o} {new_mode:06o} {old_oid} {new_oid} {letter}\0")
                        .into_bytes();
                if two {
                    bytes.extend(&source);
                    bytes.push(0);
                }
                bytes.extend(&path);
                bytes.push(0);
                let entry = RawEntry {
                    old_mode,
                    new_mode,
                    old_oid,
                    new_oid,
                    status,
                    path,
                    source: two.then_some(source),
                };
                (bytes, entry)
            },
        )
}

/// Lines shaped like a patch: a header or hunk prefix followed by anything.
fn arb_patch_line() -> impl Strategy<Value = Vec<u8>> {
    let prefix = prop::sample::select(vec![
        &b"+"[..],
        b"-",
        b" ",
        b"\\ ",
        b"@@ -",
        b"@@ -1,2 +",
        b"@@ -0,0 +1",
        b"+++ ",
        b"+++ b/",
        b"+++ \"b/",
        b"--- a/",
        b"diff --git ",
        b"index ",
        b"new file mode ",
        b"new mode 1",
        b"",
    ]);
    let tail = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..24),
        "[0-9,+@ -]{0,16}".prop_map(String::into_bytes),
        "[\"\\\\0-7tnab \t]{0,12}".prop_map(String::into_bytes),
    ];
    (prefix, tail).prop_map(|(p, t)| {
        let mut l = p.to_vec();
        l.extend(t.into_iter().filter(|&b| b != b'\n'));
        l
    })
}

/// Feed every line to a reader; check what it says about added lines.
fn read_all(lines: &[Vec<u8>]) {
    let mut r = PatchReader::new();
    for l in lines {
        if let PatchLine::Added { text, .. } = r.line(l) {
            assert_eq!(text, &l[1..]);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn raw_listing_parser_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = parse_raw(&bytes);
        let _ = split_names(&bytes);
    }

    #[test]
    fn raw_listing_parser_never_panics_on_mutated_listings(
        entries in prop::collection::vec(arb_entry(), 1..4),
        edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..6),
    ) {
        let mut bytes: Vec<u8> = entries.iter().flat_map(|(b, _)| b.clone()).collect();
        for (at, byte, op) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match op {
                0 => bytes[i] = byte,
                1 => { bytes.remove(i); }
                _ => bytes.insert(i, byte),
            }
        }
        let _ = parse_raw(&bytes);
    }

    #[test]
    fn raw_listing_round_trips_every_entry_and_name(entries in prop::collection::vec(arb_entry(), 0..6)) {
        let bytes: Vec<u8> = entries.iter().flat_map(|(b, _)| b.clone()).collect();
        let want: Vec<RawEntry> = entries.into_iter().map(|(_, e)| e).collect();
        prop_assert_eq!(parse_raw(&bytes).unwrap(), want);
    }

    #[test]
    fn name_lists_round_trip(names in prop::collection::vec(arb_path(), 0..6)) {
        let bytes: Vec<u8> = names.iter().flat_map(|n| [&n[..], b"\0"].concat()).collect();
        prop_assert_eq!(split_names(&bytes), names);
    }

    #[test]
    fn patch_reader_never_panics_on_any_lines(lines in prop::collection::vec(prop::collection::vec(any::<u8>(), 0..40), 0..40)) {
        read_all(&lines);
    }

    #[test]
    fn patch_reader_never_panics_on_patch_shaped_lines(lines in prop::collection::vec(arb_patch_line(), 0..60)) {
        read_all(&lines);
    }

    #[test]
    fn unquote_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
        let _ = unquote_c(&bytes);
        let _ = new_name(&bytes);
    }

    #[test]
    fn plus_labels_round_trip_every_name(name in arb_path(), quote_high_bytes in any::<bool>()) {
        let label = plus_label(&name, quote_high_bytes);
        prop_assert_eq!(new_name(&label).unwrap(), Some(name.clone()));
        // In a patch, followed by a hunk whose first line looks like a header.
        let lines = [
            b"diff --git x y".to_vec(),
            [&b"+++ "[..], &label].concat(),
            b"@@ -0,0 +1,2 @@".to_vec(),
            [&b"+++ "[..], &label].concat(),
            b"+x".to_vec(),
        ];
        let mut r = PatchReader::new();
        let said: Vec<PatchLine<'_>> = lines.iter().map(|l| r.line(l)).collect();
        prop_assert_eq!(&said[1], &PatchLine::NewPath(Some(name.clone())));
        let added = matches!(said[3], PatchLine::Added { line: 1, .. })
            && matches!(said[4], PatchLine::Added { line: 2, .. });
        prop_assert!(added, "{:?}", said);
    }
}

fn git(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=gate", "-c", "user.email=gate@example.com"])
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[cfg(unix)]
fn write_named(dir: &Path, name: &[u8], body: &str) {
    use std::os::unix::ffi::OsStrExt;
    std::fs::write(dir.join(std::ffi::OsStr::from_bytes(name)), body).unwrap();
}

#[cfg(unix)]
proptest! {
    // Each case builds a repository: few cases, every one against real git.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn real_git_names_round_trip_byte_exact(name in arb_name(), quote_path in any::<bool>()) {
        // A fixed start keeps the name from being `.`, `..` or `.git*`.
        let name = [&b"f-"[..], &name].concat();
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q", "-b", "main"]);
        // Quoted (`\303\251`) or raw bytes over 0x7f: both must read back.
        git(root, &["config", "core.quotePath", &quote_path.to_string()]);
        write_named(root, &name, "first\n++ looks like a header\nlast\n");
        git(root, &["add", "-A"]);

        let raw = git(root, &["diff", "--cached", "--raw", "-z", "--no-abbrev"]);
        let entries = parse_raw(&raw).unwrap();
        prop_assert_eq!(entries.len(), 1);
        prop_assert_eq!(&entries[0].path, &name);
        let staged = git::staged_files(root).unwrap();
        prop_assert_eq!(staged.files.len(), 1);
        prop_assert_eq!(&staged.files[0].path, &String::from_utf8_lossy(&name).into_owned());

        git(root, &["commit", "-qm", "add"]);
        let mut args = vec!["log", "-p", "-U0"];
        args.extend_from_slice(PATCH_OPTIONS);
        let log = git(root, &args);
        let mut reader = PatchReader::new();
        let mut names = Vec::new();
        let mut added = Vec::new();
        for line in log.split(|&b| b == b'\n') {
            match reader.line(line) {
                PatchLine::NewPath(p) => names.push(p),
                PatchLine::Added { line, text } => added.push((line, text.to_vec())),
                PatchLine::Malformed(m) => prop_assert!(false, "{}", m),
                _ => {}
            }
        }
        prop_assert_eq!(names, vec![Some(name.clone())]);
        prop_assert_eq!(added, vec![
            (1, b"first".to_vec()),
            (2, b"++ looks like a header".to_vec()),
            (3, b"last".to_vec()),
        ]);

        let mut paths = Vec::new();
        git::added_lines(root, &CommitRange::Head, 1 << 20, |a| paths.push(a.path), |_, _, _| {}).unwrap();
        prop_assert_eq!(paths, vec![String::from_utf8_lossy(&name).into_owned()]);
    }
}

// Edge inputs a random search is unlikely to reach, pinned as plain tests
// (the fuzzers above found no crash in the parsers as committed).

#[test]
fn regression_hunk_header_with_huge_numbers_is_malformed_not_a_panic() {
    let mut r = PatchReader::new();
    assert!(matches!(
        r.line(b"@@ -1 +4294967295,4294967295 @@"),
        PatchLine::Hunk { .. }
    ));
    // The line counter saturates instead of overflowing.
    assert!(matches!(r.line(b"+a"), PatchLine::Added { .. }));
    assert!(matches!(
        r.line(b"+b"),
        PatchLine::Added { line: u32::MAX, .. }
    ));
    assert!(matches!(
        r.line(b"@@ -1 +4294967296 @@"),
        PatchLine::Malformed(_)
    ));
}

#[test]
fn regression_cut_off_escapes_are_errors() {
    for label in [
        &b"\"b/a\\"[..],
        b"\"b/a\\3",
        b"\"b/a\\37",
        b"\"b/\\400\"",
        b"\"",
    ] {
        assert!(new_name(label).is_err(), "{label:?}");
    }
}
