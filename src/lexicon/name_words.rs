//! Capitalised words and runs of them, read a character at a time. Names are written in the
//! cased scripts (Latin with its extensions, Greek, Cyrillic), so those are the letters read
//! here. Expressed as regexes, these letter classes were most of the engine's start-up: each
//! copy of a Unicode class compiles to a large UTF-8 automaton, and a run of up to four words
//! holds eight copies.

use std::ops::Range;

/// A character of a cased script: where a capital can start a name.
fn is_cased_script(c: char) -> bool {
    c <= '\u{52F}' || ('\u{1E00}'..='\u{1FFF}').contains(&c)
}

/// A capital letter of a cased script.
pub fn is_upper(c: char) -> bool {
    is_cased_script(c) && c.is_uppercase()
}

/// A letter of a cased script, in either case.
fn is_letter(c: char) -> bool {
    is_cased_script(c) && c.is_alphabetic()
}

/// A combining diacritic ("Zoe\u{308}").
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}')
}

/// An arrow, symbol or emoji ("Anna 🎉 Grace").
fn is_symbol(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// What may follow the first letter of a name word: letters, marks, apostrophes, hyphens.
fn continues_word(c: char) -> bool {
    (is_letter(c) && (c.is_uppercase() || c.is_lowercase())) || is_mark(c) || c == '\'' || c == '-'
}

/// The end of the word at `at` if it starts with a letter that `starts` accepts.
fn word_end(text: &str, at: usize, starts: fn(char) -> bool) -> Option<usize> {
    let mut chars = text.get(at..)?.char_indices();
    let (_, first) = chars.next()?;
    if !starts(first) {
        return None;
    }
    let end = chars
        .take_while(|&(_, c)| continues_word(c))
        .last()
        .map_or(first.len_utf8(), |(i, c)| i + c.len_utf8());
    Some(at + end)
}

/// The end of a name word at `at`: a capital, then letters, marks, apostrophes and hyphens
/// ("O'Neill", "Jean-Luc", "McDONALD").
pub fn name_word_end(text: &str, at: usize) -> Option<usize> {
    word_end(text, at, is_upper)
}

/// The end of a word at `at` that starts with a letter of either case ("mrs okafor").
pub fn any_word_end(text: &str, at: usize) -> Option<usize> {
    word_end(text, at, is_letter)
}

/// How a run of name words may be joined.
#[derive(Clone, Copy)]
pub struct Joins {
    /// Up to how many words may follow the first.
    pub more: usize,
    /// Whether a line break may join two words (a name broken over a line).
    pub newline: bool,
    /// Whether an emoji may sit between two words, with a space after it.
    pub symbol: bool,
}

/// Extends a run whose first word ends at `end` with the name words after it, as `joins`
/// allows; returns the run's end.
pub fn run_end(text: &str, mut end: usize, joins: Joins) -> usize {
    for _ in 0..joins.more {
        let mut at = end;
        if let Some(c) = text[at..].chars().next() {
            if c == ' ' || c == '\t' || (joins.newline && c == '\n') {
                at += 1;
            }
        }
        if joins.symbol {
            if let Some(c) = text[at..].chars().next().filter(|&c| is_symbol(c)) {
                at += c.len_utf8();
                if let Some(s) = text[at..].chars().next().filter(|c| c.is_whitespace()) {
                    at += s.len_utf8();
                }
            }
        }
        match name_word_end(text, at) {
            Some(e) => end = e,
            None => break,
        }
    }
    end
}

/// Every run of one to three capitalised words in `text`, leftmost first and not overlapping
/// ("Today Harold Blackwood", "iPhone" gives "Phone"); words join across a space, a tab or a
/// line break.
pub fn runs(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let joins = Joins {
        more: 2,
        newline: true,
        symbol: false,
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(c) = text[at..].chars().next() {
            let start = at;
            if let Some(end) = is_upper(c).then(|| name_word_end(text, start)).flatten() {
                at = run_end(text, end, joins);
                return Some(start..at);
            }
            at += c.len_utf8();
        }
        None
    })
}

/// The spaces and tabs at the start of `text`, as a byte count.
pub fn blanks(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_runs(text: &str) -> Vec<&str> {
        runs(text).map(|r| &text[r]).collect()
    }

    #[test]
    fn words_start_with_a_capital_of_a_cased_script() {
        assert_eq!(name_word_end("O'Neill-Smith, 4", 0), Some(13));
        assert_eq!(name_word_end("Zoe\u{308} ", 0), Some(5));
        assert_eq!(name_word_end("Ζωή", 0), Some(6));
        assert_eq!(name_word_end("okafor", 0), None);
        assert_eq!(name_word_end("李娜", 0), None);
        assert_eq!(any_word_end("okafor", 0), Some(6));
        assert_eq!(name_word_end("A", 1), None);
    }

    #[test]
    fn runs_hold_up_to_three_words_across_blanks_and_line_breaks() {
        assert_eq!(
            all_runs("Today Harold\nBlackwood Smith came, iPhone 😀 Anna"),
            ["Today Harold\nBlackwood", "Smith", "Phone", "Anna"]
        );
        assert_eq!(all_runs("no capitals here, 42"), Vec::<&str>::new());
    }

    #[test]
    fn an_emoji_may_join_words_where_allowed() {
        let with = Joins {
            more: 2,
            newline: false,
            symbol: true,
        };
        let text = "Anna 🎉 Grace Lee\nPark";
        assert_eq!(&text[..run_end(text, 4, with)], "Anna 🎉 Grace Lee");
        let without = Joins {
            symbol: false,
            ..with
        };
        assert_eq!(&text[..run_end(text, 4, without)], "Anna");
    }
}
