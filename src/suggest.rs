//! "Did you mean …?" for names a configuration gets wrong.

/// The candidate closest to `word`, when it is close enough to be a likely
/// typo: at most a third of the word's length in edits (one edit for short
/// words), ignoring case. Ties go to the earlier candidate.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word = word.to_ascii_lowercase();
    let limit = (word.chars().count() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        let d = distance(&word, &c.to_ascii_lowercase());
        if d <= limit && best.is_none_or(|(b, _)| d < b) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

/// ` (did you mean `x`?)`, or nothing.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> String {
    closest(word, candidates).map_or_else(String::new, |c| format!(" (did you mean `{c}`?)"))
}

/// A serde message such as "unknown field `useDefualt`, expected one of
/// `useDefault`, `path`" (the last line of a TOML error), with ` (did you
/// mean `useDefault`?)` appended when one of the expected names is close.
pub fn with_hint(message: &str) -> String {
    let message = message.trim_end();
    let last = message.lines().last().unwrap_or("");
    if !(last.contains("unknown field") || last.contains("unknown variant")) {
        return message.to_string();
    }
    // The words between backticks: the unknown one, then the expected ones.
    let mut words = last.split('`').skip(1).step_by(2);
    let Some(word) = words.next() else {
        return message.to_string();
    };
    format!("{message}{}", did_you_mean(word, words))
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of two neighbours (`hihg` → `high`) each cost one.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_word() {
        let keys = ["useDefault", "path", "url", "disabledRules"];
        assert_eq!(closest("useDefualt", keys), Some("useDefault"));
        assert_eq!(closest("usedefault", keys), Some("useDefault"));
        assert_eq!(closest("rule", ["rules", "allowlist"]), Some("rules"));
        assert_eq!(closest("B6O2", ["B601", "B602", "B603"]), Some("B602"));
        assert_eq!(closest("hihg", ["low", "high"]), Some("high"));
    }

    #[test]
    fn serde_messages_get_a_hint() {
        let m = "TOML parse error at line 2, column 1\n  |\n2 | useDefualt = true\n  | ^^^^^^^^^^\nunknown field `useDefualt`, expected one of `useDefault`, `path`\n";
        assert!(
            with_hint(m).ends_with("`path` (did you mean `useDefault`?)"),
            "{}",
            with_hint(m)
        );
        assert_eq!(with_hint("missing field `id`"), "missing field `id`");
    }

    #[test]
    fn unrelated_words_find_nothing() {
        assert_eq!(closest("title", ["useDefault", "path"]), None);
        assert_eq!(closest("B999", ["B101", "B602"]), None);
    }
}
