//! The name lists (data/first-names*.txt, data/surnames.txt, sorted by build.rs) and how a
//! word is looked up in them: shared by the name detector and the learned tagger's features.

use super::SortedLines;
use std::borrow::Cow;

/// First names and nicknames, lowercased, one a line.
pub static FIRST_NAMES: SortedLines =
    SortedLines(include_str!(concat!(env!("OUT_DIR"), "/first-names.txt")));
/// Surnames, lowercased, one a line.
pub static SURNAMES: SortedLines =
    SortedLines(include_str!(concat!(env!("OUT_DIR"), "/surnames.txt")));

/// Whether a word is in a name list, ignoring case, accents, a possessive "'s", a plural
/// "s" ("the Nguyens") and the second half of a hyphenated name ("Jean-François").
pub fn in_list(list: &SortedLines, word: &str) -> bool {
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
