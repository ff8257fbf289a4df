//! The name lists (data/first-names*.txt, data/surnames.txt, sorted by build.rs) and how a
//! word is looked up in them: shared by the name detector and the learned tagger's features.

use super::lines;
use super::name_words;
use super::{IndexedLines, WordList};
use std::borrow::Cow;
use std::sync::LazyLock;

/// First names and nicknames, lowercased, one a line.
pub static FIRST_NAMES: IndexedLines = IndexedLines {
    text: include_str!(concat!(env!("OUT_DIR"), "/first-names.txt")),
    groups: include!(concat!(env!("OUT_DIR"), "/first-names.txt.rs")),
};
/// Surnames, lowercased, one a line.
pub static SURNAMES: IndexedLines = IndexedLines {
    text: include_str!(concat!(env!("OUT_DIR"), "/surnames.txt")),
    groups: include!(concat!(env!("OUT_DIR"), "/surnames.txt.rs")),
};

/// Whether a word is in a name list, ignoring case, accents, a possessive "'s", a plural
/// "s" ("the Nguyens") and the second half of a hyphenated name ("Jean-François").
pub fn in_list(list: &IndexedLines, word: &str) -> bool {
    let word = without_possessive(word);
    let mut ascii = [0; 32];
    let w: Cow<str> = match ascii.get_mut(..word.len()) {
        // Most words: lowercased in place, no allocation.
        Some(buf) if word.is_ascii() => {
            buf.copy_from_slice(word.as_bytes());
            buf.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(buf).expect("ASCII"))
        }
        _ => Cow::Owned(
            word.chars()
                .map(fold_accent)
                .collect::<String>()
                .to_lowercase(),
        ),
    };
    let found = |w: &str| list.contains(w);
    found(&w)
        || w.split_once('-')
            .is_some_and(|(a, _)| a.len() >= 3 && found(a))
        || (w.len() > 4 && w.ends_with('s') && found(&w[..w.len() - 1]))
}

/// `word` without its possessive "'s" (or several, as typed: "Priya's's").
pub fn without_possessive(mut word: &str) -> &str {
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    word
}

/// The base letter of common accented Latin letters.
fn fold_accent(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Î' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'Ó' | 'Ö' | 'Ô' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ý' | 'ÿ' => 'y',
        _ => c,
    }
}

/// How many "Sunny (7)" `sentence` holds: a listed first name with an age in brackets right
/// after it. The frame counts each as a person with an age, as it counts "7yo".
pub fn named_ages(sentence: &str) -> usize {
    let named_age = |at: usize| {
        let rest = &sentence.as_bytes()[at + 1..];
        let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
        if !(1..=3).contains(&digits) || rest.get(digits) != Some(&b')') {
            return false;
        }
        let age = rest[..digits]
            .iter()
            .fold(0, |n, d| n * 10 + u32::from(d - b'0'));
        if age > 120 {
            return false;
        }
        let before = &sentence[..at];
        let before = before.strip_suffix(' ').unwrap_or(before);
        let word = before
            .rsplit(|c: char| !(c.is_alphabetic() || c == '\'' || c == '-'))
            .next()
            .unwrap_or("");
        word.starts_with(name_words::is_upper)
            && in_list(&FIRST_NAMES, word)
            && !AMBIGUOUS_STRICT.contains(word)
    };
    sentence
        .match_indices('(')
        .filter(|&(at, _)| named_age(at))
        .count()
}

/// Stricter than `AMBIGUOUS` for names with only an age after them: real words in a list
/// like "Bed (3)" or "Ward, 12,".
pub static AMBIGUOUS_STRICT: LazyLock<WordList> = LazyLock::new(|| {
    WordList::new(&lines(include_str!(
        "../../data/lexicon/ambiguous-strict.txt"
    )))
});

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Each list finds each of its names, and no name one letter longer or shorter that it
    /// lacks (the neighbours a search over the wrong stretch would confuse).
    #[test]
    fn indexed_lists_find_every_name_and_no_other() {
        for list in [&FIRST_NAMES, &SURNAMES] {
            let names: HashSet<&str> = list.text.lines().collect();
            for name in &names {
                assert!(list.contains(name), "{name}");
                let cut = name.char_indices().last().map_or(0, |(i, _)| i);
                for other in [
                    format!("{name}a"),
                    format!("a{name}"),
                    name[..cut].to_string(),
                ] {
                    assert_eq!(
                        list.contains(&other),
                        names.contains(other.as_str()),
                        "{other:?}"
                    );
                }
            }
            assert!(!list.contains("") && !list.contains("\n"));
        }
    }
}
