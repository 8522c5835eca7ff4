//! GitHub's `primaryLocationLineHash`, computed exactly as the CodeQL action
//! (`src/fingerprints.ts`) does, so that results gate uploads line up with the
//! ones GitHub would compute itself and alerts keep their identity.
//!
//! The file is decoded as UTF-8 (invalid bytes become U+FFFD, a BOM is kept)
//! and processed as UTF-16 code units. Spaces and tabs are dropped, `\r\n`
//! and `\r` become `\n`, one end marker (65535) and then zeros follow the
//! text. A line's hash is a rolling hash over the 100 kept code units that
//! start at the line's first one: `h = 37·h + c − 37^100·c_out`, wrapping in
//! 64 bits. The output is lowercase unpadded hex plus `:n`, where `n` counts
//! the occurrences of that hash so far in the file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher as Hasher64};

/// Code units per hashed window.
const BLOCK_SIZE: usize = 100;
/// The rolling hash's multiplier.
const MOD: u64 = 37;
/// The end-of-file marker fed after the text.
const EOF: u16 = 65535;
const TAB: u16 = b'\t' as u16;
const SPACE: u16 = b' ' as u16;
const LF: u16 = b'\n' as u16;
const CR: u16 = b'\r' as u16;

/// The hash of every line of a file: `hashes[i]` belongs to line `i + 1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineHashes {
    /// Hash and occurrence count per line, formatted only for lines asked for.
    hashes: Vec<Option<(u64, u32)>>,
}

impl LineHashes {
    /// Hash every line of `bytes` (a whole file).
    pub fn compute(bytes: &[u8]) -> LineHashes {
        let mut h = Hasher::new();
        if bytes.is_ascii() {
            // Most source is ASCII: each byte is its own UTF-16 code unit.
            for &b in bytes {
                h.process(u16::from(b));
            }
        } else {
            let text = String::from_utf8_lossy(bytes);
            for unit in text.encode_utf16() {
                h.process(unit);
            }
        }
        h.process(EOF);
        h.flush();
        let mut hashes = vec![None; h.lines.len()];
        for (line, hash, n) in h.lines {
            if let Some(slot) = hashes.get_mut(line - 1) {
                *slot = Some((hash, n));
            }
        }
        LineHashes { hashes }
    }

    /// The hash of a 1-based line, if the file has that line.
    pub fn line(&self, line: u32) -> Option<String> {
        let i = (line as usize).checked_sub(1)?;
        let slot = self.hashes.get(i)?;
        Some(slot.map_or_else(String::new, |(hash, n)| format!("{hash:x}:{n}")))
    }

    /// How many lines got a hash (the lines of the file, plus one after a final newline).
    pub fn len(&self) -> usize {
        self.hashes.len()
    }

    /// Whether no line got a hash (never: even an empty file has a line).
    pub fn is_empty(&self) -> bool {
        self.hashes.is_empty()
    }
}

struct Hasher {
    window: [u16; BLOCK_SIZE],
    /// The line that starts at this window slot, if one does.
    line_numbers: [Option<usize>; BLOCK_SIZE],
    hash: u64,
    first_mod: u64,
    index: usize,
    line_number: usize,
    line_start: bool,
    prev_cr: bool,
    counts: HashMap<u64, u32, BuildHasherDefault<IdentityHash>>,
    lines: Vec<(usize, u64, u32)>,
}

/// The rolling hash is already a hash: the counts table uses it as is
/// (mixed once, so that the table's buckets spread) instead of SipHash.
#[derive(Default)]
struct IdentityHash(u64);

impl Hasher64 for IdentityHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = (v ^ (v >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

impl Hasher {
    fn new() -> Hasher {
        Hasher {
            window: [0; BLOCK_SIZE],
            line_numbers: [None; BLOCK_SIZE],
            hash: 0,
            first_mod: (0..BLOCK_SIZE).fold(1u64, |m, _| m.wrapping_mul(MOD)),
            index: 0,
            line_number: 0,
            line_start: true,
            prev_cr: false,
            counts: HashMap::default(),
            lines: Vec::new(),
        }
    }

    fn output(&mut self) {
        let n = self.counts.entry(self.hash).or_insert(0);
        *n += 1;
        if let Some(line) = self.line_numbers[self.index].take() {
            self.lines.push((line, self.hash, *n));
        }
    }

    fn update(&mut self, current: u16) {
        let begin = self.window[self.index];
        self.window[self.index] = current;
        self.hash = MOD
            .wrapping_mul(self.hash)
            .wrapping_add(u64::from(current))
            .wrapping_sub(self.first_mod.wrapping_mul(u64::from(begin)));
        // Not `% BLOCK_SIZE`: a division per code unit costs more than the hash.
        self.index += 1;
        if self.index == BLOCK_SIZE {
            self.index = 0;
        }
    }

    fn process(&mut self, mut current: u16) {
        // The action resets `prevCR` on a skipped space or tab too: "\r \n" is two line breaks.
        if current == SPACE || current == TAB || (self.prev_cr && current == LF) {
            self.prev_cr = false;
            return;
        }
        if current == CR {
            current = LF;
            self.prev_cr = true;
        } else {
            self.prev_cr = false;
        }
        if self.line_numbers[self.index].is_some() {
            self.output();
        }
        if self.line_start {
            self.line_start = false;
            self.line_number += 1;
            self.line_numbers[self.index] = Some(self.line_number);
        }
        if current == LF {
            self.line_start = true;
        }
        self.update(current);
    }

    fn flush(&mut self) {
        for _ in 0..BLOCK_SIZE {
            if self.line_numbers[self.index].is_some() {
                self.output();
            }
            self.update(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition, written as plainly as possible: kept units, then for
    /// each line start the polynomial over the next 100 units (zeros past the end).
    fn reference(bytes: &[u8]) -> Vec<String> {
        let text = String::from_utf8_lossy(bytes);
        let mut units: Vec<u16> = Vec::new();
        let mut starts: Vec<usize> = Vec::new();
        let mut line_start = true;
        let mut prev_cr = false;
        for mut c in text.encode_utf16().chain([EOF]) {
            if c == SPACE || c == TAB || (prev_cr && c == LF) {
                prev_cr = false;
                continue;
            }
            prev_cr = c == CR;
            if c == CR {
                c = LF;
            }
            if line_start {
                starts.push(units.len());
                line_start = false;
            }
            if c == LF {
                line_start = true;
            }
            units.push(c);
        }
        let mut counts: HashMap<u64, u32> = HashMap::new();
        starts
            .iter()
            .map(|&s| {
                let mut h: u64 = 0;
                for k in 0..BLOCK_SIZE {
                    let c = units.get(s + k).copied().unwrap_or(0);
                    h = h.wrapping_mul(MOD).wrapping_add(u64::from(c));
                }
                let n = counts.entry(h).or_insert(0);
                *n += 1;
                format!("{h:x}:{n}")
            })
            .collect()
    }

    fn all(bytes: &[u8]) -> Vec<String> {
        let h = LineHashes::compute(bytes);
        (1..=h.len() as u32).map(|l| h.line(l).unwrap()).collect()
    }

    /// The vectors GitHub's CodeQL action tests its own implementation with.
    #[test]
    fn matches_the_actions_published_vectors() {
        let end = "c129715d7a2bc9a3:1";
        assert_eq!(all(b""), vec![end]);
        assert_eq!(
            all(b" a\nb\n  \t\tc\n d"),
            vec![
                "271789c17abda88f:1",
                "54703d4cd895b18:1",
                "180aee12dab6264:1",
                "a23a3dc5e078b07b:1"
            ]
        );
        let with_final_newline = vec![
            "e9496ae3ebfced30:1",
            "fb7c023a8b9ccb3f:1",
            "ce8ba1a563dcdaca:1",
            "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1",
            "c8e28b0b4002a3a0:1",
            end,
        ];
        for text in [
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
            " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        ] {
            assert_eq!(all(text.as_bytes()), with_final_newline, "{text:?}");
        }
        assert_eq!(
            all(b" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"),
            vec![
                "8b7cf3e952e7aeb2:1",
                "b1ae1287ec4718d9:1",
                "bff680108adb0fcc:1",
                "c6805c5e1288b612:1",
                "b86d3392aea1be30:1",
                "e6ceba753e1a442:1"
            ]
        );
        let lorem = "Lorem ipsum dolor sit amet.\n".repeat(10);
        assert_eq!(
            all(lorem.as_bytes()),
            vec![
                "a7f2ff13bc495cf2:1",
                "a7f2ff13bc495cf2:2",
                "a7f2ff13bc495cf2:3",
                "a7f2ff13bc495cf2:4",
                "a7f2ff13bc495cf2:5",
                "a7f2ff13bc495cf2:6",
                "a7f2ff1481e87703:1",
                "a9cf91f7bbf1862b:1",
                "55ec222b86bcae53:1",
                "cc97dc7b1d7d8f7b:1",
                end
            ]
        );
    }

    #[test]
    fn single_short_line_is_the_polynomial_of_its_units() {
        // "a\n" then EOF: units a, \n, 65535 followed by 97 zeros.
        let mut h: u64 = 0;
        for c in [97u64, 10, 65535]
            .into_iter()
            .chain(std::iter::repeat_n(0, 97))
        {
            h = h.wrapping_mul(37).wrapping_add(c);
        }
        let got = all(b"a\n");
        assert_eq!(got[0], format!("{h:x}:1"));
        assert_eq!(
            got.len(),
            2,
            "the line after the final newline gets a hash too"
        );
    }

    #[test]
    fn rolling_hash_matches_the_definition() {
        let long: String = (0..400)
            .map(|i| char::from(b'a' + (i % 26) as u8))
            .collect();
        let text = format!("x = 1\n{long}\n\n  y = 2  \nend");
        assert_eq!(all(text.as_bytes()), reference(text.as_bytes()));
    }

    #[test]
    fn crlf_and_lone_cr_hash_like_lf() {
        assert_eq!(all(b"a = 1\r\nb = 2\r\n"), all(b"a = 1\nb = 2\n"));
        assert_eq!(all(b"a = 1\rb = 2\r"), all(b"a = 1\nb = 2\n"));
    }

    #[test]
    fn cr_space_lf_is_two_line_breaks_as_in_the_action() {
        let got = all(b"a\r \nb");
        assert_eq!(got.len(), 3);
        assert_eq!(got, reference(b"a\r \nb"));
        assert_eq!(got, all(b"a\n\nb"));
    }

    #[test]
    fn tabs_and_spaces_do_not_count() {
        assert_eq!(all(b"\tif x:\n\t\treturn  1\n"), all(b"if x:\nreturn 1\n"));
    }

    #[test]
    fn bom_is_a_character() {
        let with = all(b"\xEF\xBB\xBFimport os\n");
        let without = all(b"import os\n");
        assert_ne!(with[0], without[0]);
        assert_eq!(with[1], without[1]);
        assert_eq!(with, reference(b"\xEF\xBB\xBFimport os\n"));
    }

    #[test]
    fn non_ascii_counts_utf16_units() {
        // é is one unit, 😀 (U+1F600) is a surrogate pair: two units.
        let text = "s = \"é😀\"\nt = 1\n".as_bytes();
        assert_eq!(all(text), reference(text));
        let units: Vec<u16> = "s=\"é😀\"\n".encode_utf16().collect();
        assert_eq!(units.len(), 8);
    }

    #[test]
    fn invalid_utf8_becomes_replacement_characters() {
        assert_eq!(all(b"a\xFFb\n"), all("a\u{FFFD}b\n".as_bytes()));
    }

    #[test]
    fn identical_lines_are_numbered_by_occurrence() {
        let text = b"pass\npass\npass\n";
        let got = all(text);
        // Lines 1-3 differ (their windows see different amounts of text before EOF)
        // but blank-tail lines can collide; the counter disambiguates either way.
        assert_eq!(got, reference(text));
        let body = "x = 1\n".repeat(60);
        let got = all(body.as_bytes());
        let first = got[0].split(':').next().unwrap();
        let second = got[1].split(':').next().unwrap();
        assert_eq!(first, second, "identical 100-unit windows hash alike");
        assert!(got[0].ends_with(":1") && got[1].ends_with(":2"));
    }

    #[test]
    fn every_line_gets_one_blank_lines_included() {
        let h = LineHashes::compute(b"a\n\n\nb\n");
        assert_eq!(h.len(), 5);
        assert!(h.line(2).is_some());
        assert!(h.line(6).is_none());
        assert!(h.line(0).is_none());
    }

    #[test]
    fn empty_file_has_one_line() {
        assert_eq!(all(b""), reference(b""));
        assert_eq!(all(b"").len(), 1);
    }
}
