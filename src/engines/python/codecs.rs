//! Decoding a source file as the codec its coding cookie names, as CPython
//! does before it parses: every name and alias Python's codec registry
//! knows, the single-byte codecs from Python's own tables, the common
//! multi-byte ones (Japanese, Chinese, Korean) through encoding_rs.

use std::borrow::Cow;

use super::codec_tables::{ALIASES, GARBLES_ASCII, MODULES, TABLES};

/// How gate decodes one of Python's codecs.
#[derive(Debug, Clone, Copy)]
pub enum Codec {
    /// UTF-8 (the default, and `utf-8-sig`).
    Utf8,
    /// Each byte is the code point of the same number (latin-1, `charmap`).
    Latin1,
    /// Bytes below 0x80 only.
    Ascii,
    /// A single-byte codec: bytes below 0x80 are themselves except `low`;
    /// `high` holds the characters of 0x80 to 0xff, U+FFFE where the codec
    /// maps nothing.
    Table {
        low: &'static [(u8, char)],
        high: &'static str,
    },
    /// A multi-byte codec, decoded by encoding_rs. Its WHATWG decoders are
    /// Microsoft's supersets of the standards (Shift_JIS is cp932, EUC-KR is
    /// cp949, GBK is cp936, Big5 includes HKSCS): a handful of byte sequences
    /// that Python's strict `shift_jis` or `euc_kr` refuse decode here.
    Multibyte(&'static encoding_rs::Encoding),
    /// UTF-16/32, EBCDIC, punycode: the cookie itself, in ASCII, does not
    /// decode to itself, so Python refuses the file.
    GarblesAscii,
    /// A codec gate has no decoder for (`hz`, `johab`, `iso2022_kr`,
    /// `shift_jis_2004`, `utf_7`...): files in ASCII only.
    AsciiOnly,
}

/// A codec found by name: Python's module name for it and how gate decodes it.
#[derive(Debug, Clone, Copy)]
pub struct Found {
    pub module: &'static str,
    pub codec: Codec,
}

/// The codec a coding cookie names, as CPython finds it: its tokenizer's own
/// spellings of UTF-8 and latin-1 first, then the codec registry (aliases,
/// then module names). `None`: Python knows no such text codec.
pub fn lookup(name: &str) -> Option<Found> {
    if let Some(found) = tokenizer_name(name) {
        return Some(found);
    }
    let n = normalize(name);
    let module = alias(&n)
        .or_else(|| {
            n.contains('.')
                .then(|| alias(&n.replace('.', "_")))
                .flatten()
        })
        .or_else(|| MODULES.binary_search(&n.as_str()).ok().map(|i| MODULES[i]))?;
    Some(Found {
        module,
        codec: codec_of(module),
    })
}

/// CPython's tokenizer reads the first 12 characters of the name, lowercased
/// and `_` as `-`: `utf-8` and `utf-8-*` are UTF-8; `latin-1`,
/// `iso-8859-1`, `iso-latin-1` and the same followed by `-*` are latin-1.
fn tokenizer_name(name: &str) -> Option<Found> {
    if is_tokenizer_utf8(name) {
        return Some(Found {
            module: "utf_8",
            codec: Codec::Utf8,
        });
    }
    let is = |prefix: &str| tokenizer_spelling(name, prefix);
    if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        return Some(Found {
            module: "latin_1",
            codec: Codec::Latin1,
        });
    }
    None
}

/// Whether CPython's tokenizer itself reads this name as UTF-8, the only
/// cookie a file starting with a UTF-8 BOM may carry (`utf8` is refused).
pub fn is_tokenizer_utf8(name: &str) -> bool {
    tokenizer_spelling(name, "utf-8")
}

fn tokenizer_spelling(name: &str, prefix: &str) -> bool {
    let head: String = name
        .chars()
        .take(12)
        .map(|c| match c.to_ascii_lowercase() {
            '_' => '-',
            c => c,
        })
        .collect();
    head == prefix
        || head
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('-'))
}

fn alias(normalized: &str) -> Option<&'static str> {
    ALIASES
        .binary_search_by(|(a, _)| (*a).cmp(normalized))
        .ok()
        .map(|i| ALIASES[i].1)
}

/// A codec name as Python's registry compares it: lowercase, every run of
/// characters other than letters, digits and `.` one `_`, none at the ends.
pub fn normalize(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut gap = false;
    for c in name.chars().map(|c| c.to_ascii_lowercase()) {
        if c.is_ascii_alphanumeric() || c == '.' {
            if gap && !out.is_empty() {
                out.push('_');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

fn codec_of(module: &'static str) -> Codec {
    match module {
        "utf_8" | "utf_8_sig" => return Codec::Utf8,
        "latin_1" | "charmap" => return Codec::Latin1,
        "ascii" => return Codec::Ascii,
        _ => {}
    }
    if let Some(&(_, low, high)) = TABLES.iter().find(|(m, _, _)| *m == module) {
        return Codec::Table { low, high };
    }
    if GARBLES_ASCII.contains(&module) {
        return Codec::GarblesAscii;
    }
    use encoding_rs::{BIG5, EUC_JP, EUC_KR, GB18030, GBK, ISO_2022_JP, SHIFT_JIS};
    let encoding = match module {
        "shift_jis" | "cp932" => SHIFT_JIS,
        "euc_jp" => EUC_JP,
        "iso2022_jp" => ISO_2022_JP,
        "gb2312" | "gbk" => GBK,
        "gb18030" => GB18030,
        "big5" | "cp950" | "big5hkscs" => BIG5,
        "euc_kr" | "cp949" => EUC_KR,
        _ => return Codec::AsciiOnly,
    };
    Codec::Multibyte(encoding)
}

/// Why bytes did not decode: the offset of the first bad byte and Python's
/// way of saying it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub offset: usize,
    pub message: String,
    /// Python decodes this; gate has no decoder for the codec.
    pub unsupported: bool,
}

/// `bytes` (without a BOM) decoded as `found`, as UTF-8. Borrowed when the
/// text reads as itself.
pub fn decode<'a>(found: &Found, bytes: &'a [u8]) -> Result<Cow<'a, [u8]>, DecodeError> {
    let module = found.module;
    let refused = |offset: usize, reason: &str| {
        let byte = bytes[offset];
        DecodeError {
            offset,
            message: format!(
                "(unicode error) '{module}' codec can't decode byte 0x{byte:02x} \
                 in position {offset}: {reason}"
            ),
            unsupported: false,
        }
    };
    let first_non_ascii = bytes.iter().position(|b| !b.is_ascii());
    match found.codec {
        Codec::Utf8 => match std::str::from_utf8(bytes) {
            Ok(_) => Ok(Cow::Borrowed(bytes)),
            Err(e) => Err(refused(e.valid_up_to(), "invalid utf-8")),
        },
        Codec::Latin1 => match first_non_ascii {
            None => Ok(Cow::Borrowed(bytes)),
            Some(_) => Ok(Cow::Owned(
                bytes.iter().map(|&b| b as char).collect::<String>().into_bytes(),
            )),
        },
        Codec::Ascii | Codec::AsciiOnly => match first_non_ascii {
            None => Ok(Cow::Borrowed(bytes)),
            Some(at) if matches!(found.codec, Codec::Ascii) => {
                Err(refused(at, "ordinal not in range(128)"))
            }
            Some(at) => Err(DecodeError {
                offset: at,
                message: format!(
                    "gate cannot decode the {module} codec (only its ASCII text), and this file holds byte 0x{:02x}",
                    bytes[at]
                ),
                unsupported: true,
            }),
        },
        Codec::Table { low, high } => {
            if first_non_ascii.is_none() && low.iter().all(|(b, _)| !bytes.contains(b)) {
                return Ok(Cow::Borrowed(bytes));
            }
            let mut map = ['\0'; 256];
            for (i, slot) in map.iter_mut().enumerate().take(0x80) {
                *slot = i as u8 as char;
            }
            for &(b, c) in low {
                map[b as usize] = c;
            }
            for (slot, c) in map[0x80..].iter_mut().zip(high.chars()) {
                *slot = c;
            }
            let mut out = String::with_capacity(bytes.len() + bytes.len() / 2);
            for (i, &b) in bytes.iter().enumerate() {
                match map[b as usize] {
                    '\u{fffe}' => return Err(refused(i, "character maps to <undefined>")),
                    c => out.push(c),
                }
            }
            Ok(Cow::Owned(out.into_bytes()))
        }
        Codec::Multibyte(encoding) => {
            // ESC starts ISO-2022-JP's shifts; without it or a high byte the text is ASCII.
            if first_non_ascii.is_none() && !bytes.contains(&0x1b) {
                return Ok(Cow::Borrowed(bytes));
            }
            let mut decoder = encoding.new_decoder_without_bom_handling();
            let capacity = decoder
                .max_utf8_buffer_length_without_replacement(bytes.len())
                .unwrap_or(bytes.len() * 3);
            let mut out = String::with_capacity(capacity);
            let (result, read) =
                decoder.decode_to_string_without_replacement(bytes, &mut out, true);
            match result {
                encoding_rs::DecoderResult::InputEmpty => Ok(Cow::Owned(out.into_bytes())),
                encoding_rs::DecoderResult::Malformed(bad, after) => {
                    let at = read.saturating_sub(bad as usize + after as usize);
                    Err(refused(at.min(bytes.len() - 1), "illegal multibyte sequence"))
                }
                // The buffer is as long as the decoder can need.
                encoding_rs::DecoderResult::OutputFull => Err(refused(
                    read.min(bytes.len() - 1),
                    "illegal multibyte sequence",
                )),
            }
        }
        Codec::GarblesAscii => Err(DecodeError {
            offset: 0,
            message: format!(
                "the coding cookie declares {module}, which does not read this ASCII text as itself"
            ),
            unsupported: false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(name: &str, bytes: &[u8]) -> Result<String, DecodeError> {
        let found = lookup(name).expect("a known codec");
        decode(&found, bytes).map(|b| String::from_utf8(b.into_owned()).unwrap())
    }

    #[test]
    fn names_resolve_as_pythons_registry_resolves_them() {
        for (name, module) in [
            ("cp1251", "cp1251"),
            ("windows-1251", "cp1251"),
            ("WINDOWS_1251", "cp1251"),
            ("latin-1", "latin_1"),
            ("iso-8859-1-foo", "latin_1"),
            ("utf-8-sig", "utf_8"),
            ("ansi_x3.4_1968", "ascii"),
            ("ms_kanji", "cp932"),
            ("x-mac-japanese", "shift_jis"),
            ("koi8-r", "koi8_r"),
            ("iso8859_15", "iso8859_15"),
        ] {
            assert_eq!(lookup(name).map(|f| f.module), Some(module), "{name}");
        }
        assert!(lookup("no-such-codec").is_none());
        // Not text codecs: Python's tokenizer refuses them.
        assert!(lookup("base64").is_none());
        assert!(lookup("rot13").is_none());
    }

    #[test]
    fn cp1251_decodes_to_cyrillic() {
        assert_eq!(
            decoded("cp1251", b"x = '\xcf\xf0\xe8\xe2\xe5\xf2'\n").unwrap(),
            "x = 'Привет'\n"
        );
    }

    #[test]
    fn cp1252_differs_from_latin1_and_refuses_unmapped_bytes() {
        assert_eq!(decoded("cp1252", b"'\x80'").unwrap(), "'\u{20ac}'");
        assert_eq!(decoded("latin-1", b"'\x80'").unwrap(), "'\u{80}'");
        let e = decoded("cp1252", b"x = '\x81'").unwrap_err();
        assert_eq!(e.offset, 5);
        assert!(e.message.contains("maps to <undefined>"), "{}", e.message);
    }

    #[test]
    fn cp864_reads_percent_as_arabic_percent() {
        assert_eq!(decoded("cp864", b"a % b").unwrap(), "a \u{66a} b");
    }

    #[test]
    fn multibyte_codecs_decode_and_point_at_a_bad_sequence() {
        assert_eq!(
            decoded("shift_jis", b"x = '\x93\xfa\x96\x7b'\n").unwrap(),
            "x = '日本'\n"
        );
        assert_eq!(decoded("euc-kr", b"'\xc7\xd1'").unwrap(), "'한'");
        assert_eq!(decoded("gb2312", b"'\xd6\xd0'").unwrap(), "'中'");
        assert_eq!(decoded("big5", b"'\xa4\xa4'").unwrap(), "'中'");
        let e = decoded("euc_jp", b"x = 1\ny = '\xa4'\n").unwrap_err();
        assert_eq!(e.offset, 11);
    }

    #[test]
    fn codecs_without_a_decoder_take_ascii_only() {
        assert_eq!(decoded("johab", b"x = 1\n").unwrap(), "x = 1\n");
        let e = decoded("johab", b"x = '\x88\x61'\n").unwrap_err();
        assert!(
            e.message.contains("gate cannot decode the johab codec"),
            "{}",
            e.message
        );
        assert!(e.unsupported);
        assert!(!decoded("ascii", b"'\xe9'").unwrap_err().unsupported);
    }
}
