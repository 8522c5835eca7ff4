//! Whether `\N{NAME}` in a string literal names a character, as CPython
//! 3.11 decides (Unicode 14): character names and their aliases, in any
//! case; never a named sequence. Two kinds of names are computed rather
//! than listed, and CPython reads those in upper case only: `HANGUL
//! SYLLABLE <jamo>` and `CJK UNIFIED IDEOGRAPH-<4 or 5 hex digits>`.
//! Names come from the `unicode_names2` crate (0.5: Unicode 14, as Python
//! 3.11), aliases from `unicode_aliases.rs` (generated with Python 3.11).
//! Other Python versions have other Unicode versions (3.12 has 15.0): names
//! added since 14 are refused whatever the target version.

const HANGUL_PREFIX: &str = "HANGUL SYLLABLE ";
const CJK_PREFIX: &str = "CJK UNIFIED IDEOGRAPH-";

/// The CJK unified ideographs of Unicode 14, the ones CPython 3.11 names.
const CJK_UNIFIED: &[(u32, u32)] = &[
    (0x3400, 0x4dbf),
    (0x4e00, 0x9fff),
    (0x20000, 0x2a6df),
    (0x2a700, 0x2b738),
    (0x2b740, 0x2b81d),
    (0x2b820, 0x2cea1),
    (0x2ceb0, 0x2ebe0),
    (0x30000, 0x3134a),
];

/// The leading consonants, vowels and trailing consonants of Hangul
/// syllable names, in Unicode's order.
const CHOSEONG: &[&str] = &[
    "G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P",
    "H",
];
const JUNGSEONG: &[&str] = &[
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JONGSEONG: &[&str] = &[
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// Whether `name` (the text between `\N{` and `}`) names a character.
pub fn is_known(name: &[u8]) -> bool {
    let Ok(name) = std::str::from_utf8(name) else {
        return false;
    };
    if let Some(jamo) = name.strip_prefix(HANGUL_PREFIX) {
        return is_hangul_syllable(jamo);
    }
    if let Some(hex) = name.strip_prefix(CJK_PREFIX) {
        return is_cjk_unified(hex);
    }
    let upper = name.to_ascii_uppercase();
    // Spelled in another case, these prefixes match no listed name.
    if upper.starts_with(HANGUL_PREFIX) || upper.starts_with(CJK_PREFIX) {
        return false;
    }
    unicode_names2::character(name).is_some()
        || super::unicode_aliases::ALIASES
            .binary_search(&upper.as_str())
            .is_ok()
}

/// CPython takes the longest match for each of the three parts in turn and
/// wants the name to end right after the third.
fn is_hangul_syllable(jamo: &str) -> bool {
    let mut rest = jamo;
    for part in [CHOSEONG, JUNGSEONG, JONGSEONG] {
        let Some(longest) = part
            .iter()
            .filter(|p| rest.starts_with(**p))
            .max_by_key(|p| p.len())
        else {
            return false;
        };
        rest = &rest[longest.len()..];
    }
    rest.is_empty()
}

fn is_cjk_unified(hex: &str) -> bool {
    if !matches!(hex.len(), 4 | 5) || !hex.bytes().all(|b| matches!(b, b'0'..=b'9' | b'A'..=b'F')) {
        return false;
    }
    u32::from_str_radix(hex, 16)
        .is_ok_and(|v| CJK_UNIFIED.iter().any(|&(lo, hi)| (lo..=hi).contains(&v)))
}

#[cfg(test)]
mod tests {
    use super::is_known;

    #[test]
    fn names_and_aliases_in_any_case_named_sequences_never() {
        for name in [
            "BULLET",
            "bullet",
            "Latin Small Letter A",
            "LF",
            "BOM",
            "zwj",
            "NULL",
        ] {
            assert!(is_known(name.as_bytes()), "{name}");
        }
        for name in [
            "NOT A NAME",
            " BULLET",
            "BULLET ",
            "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
        ] {
            assert!(!is_known(name.as_bytes()), "{name}");
        }
    }

    #[test]
    fn computed_names_only_in_upper_case() {
        for name in [
            "HANGUL SYLLABLE GA",
            "HANGUL SYLLABLE GAG",
            "HANGUL SYLLABLE A",
            "CJK UNIFIED IDEOGRAPH-4E00",
            "CJK UNIFIED IDEOGRAPH-04E00",
            "CJK UNIFIED IDEOGRAPH-2A6DF",
        ] {
            assert!(is_known(name.as_bytes()), "{name}");
        }
        for name in [
            "hangul syllable GA",
            "HANGUL SYLLABLE ga",
            "HANGUL SYLLABLE ",
            "HANGUL SYLLABLE GAX",
            "cjk unified ideograph-4E00",
            "CJK UNIFIED IDEOGRAPH-4e00",
            "CJK UNIFIED IDEOGRAPH-4E0",
            "CJK UNIFIED IDEOGRAPH-31350",
        ] {
            assert!(!is_known(name.as_bytes()), "{name}");
        }
    }
}
