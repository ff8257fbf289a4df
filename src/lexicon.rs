//! Word and phrase sets matched on whole words, ASCII case-insensitively, in one pass.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

/// Builds a regex with a lazy-DFA cache large enough for Unicode-heavy patterns: at the
/// default size the cache thrashes and each search falls back to a much slower engine.
///
/// Letter, mark and symbol classes are narrowed to what names and posts use here: `\p{L}`,
/// `\p{Lu}` and `\p{Ll}` to the cased scripts names are written in across our regions
/// (Latin with its extensions, Greek, Cyrillic; scripts without case never start a word with
/// a capital), `\p{M}` to the combining diacritics, `\p{So}` to arrows, symbols and emoji.
/// The full classes made up about a third of the engine's start-up, all of it compiling.
pub fn pattern(re: &str) -> Result<regex::Regex, regex::Error> {
    const CASED: &str = r"\x{0}-\x{52F}\x{1E00}-\x{1FFF}";
    let re = re
        .replace(r"\p{Lu}", &format!(r"[\p{{Lu}}&&[{CASED}]]"))
        .replace(r"\p{Ll}", &format!(r"[\p{{Ll}}&&[{CASED}]]"))
        .replace(r"\p{L}", &format!(r"[\p{{L}}&&[{CASED}]]"))
        .replace(
            r"\p{M}",
            r"[\x{300}-\x{36F}\x{1AB0}-\x{1AFF}\x{1DC0}-\x{1DFF}\x{20D0}-\x{20FF}]",
        )
        .replace(r"\p{So}", r"[\x{2190}-\x{2BFF}\x{1F000}-\x{1FAFF}]");
    regex::RegexBuilder::new(&re)
        .dfa_size_limit(8 << 20)
        .build()
}

/// What `search` yields when `open`, else nothing, without running it: a cheap test in front
/// of a pattern (digits, an "@") keeps the pattern uncompiled until a post could match it.
pub fn gated<I: IntoIterator>(
    open: bool,
    search: impl FnOnce() -> I,
) -> impl Iterator<Item = I::Item> {
    open.then(search).into_iter().flatten()
}

/// A set of words or phrases found only as whole words (an ASCII letter or digit must not
/// touch either end), ignoring ASCII case.
#[derive(Debug)]
pub struct WordSet {
    matcher: AhoCorasick,
}

impl WordSet {
    pub fn new(phrases: &[&str]) -> WordSet {
        let matcher = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .expect("word set builds");
        WordSet { matcher }
    }

    /// Whole-word matches in `text`: the byte span and the index of the phrase.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let bytes = text.as_bytes();
        self.matcher
            .find_overlapping_iter_leftmost(text)
            .filter(move |m| is_word_bounded(bytes, m.start(), m.end()))
            .map(|m| (m.start()..m.end(), m.pattern().as_usize()))
    }

    /// How many whole-word matches `text` has.
    pub fn count_in(&self, text: &str) -> usize {
        self.find_iter(text).count()
    }

    /// Whether `text` has a whole-word match.
    pub fn is_in(&self, text: &str) -> bool {
        self.find_iter(text).next().is_some()
    }
}

/// A set of whole words or short phrases compared exactly (ignoring ASCII case): cheaper than
/// a `WordSet` when the question is "is this word one of these?". A sorted list searched
/// without allocating or hashing: these lists are short and asked often.
#[derive(Debug)]
pub struct WordList(Vec<&'static str>);

impl WordList {
    /// Builds the list; `words` must be lowercase.
    pub fn new(words: &[&'static str]) -> WordList {
        debug_assert!(words
            .iter()
            .all(|w| !w.bytes().any(|b| b.is_ascii_uppercase())));
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        WordList(sorted)
    }

    /// Whether `word`, ignoring ASCII case, is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let lower = word.bytes().map(|b| b.to_ascii_lowercase());
        self.0
            .binary_search_by(|entry| entry.bytes().cmp(lower.clone()))
            .is_ok()
    }
}

/// Leftmost-longest matching skips a phrase hidden inside a longer non-bounded match
/// ("bedside" would hide "bed"); this retries after each rejected match.
trait LeftmostRetry {
    fn find_overlapping_iter_leftmost<'a>(&'a self, text: &'a str) -> Retry<'a>;
}

impl LeftmostRetry for AhoCorasick {
    fn find_overlapping_iter_leftmost<'a>(&'a self, text: &'a str) -> Retry<'a> {
        Retry {
            ac: self,
            text,
            at: 0,
        }
    }
}

struct Retry<'a> {
    ac: &'a AhoCorasick,
    text: &'a str,
    at: usize,
}

impl Iterator for Retry<'_> {
    type Item = aho_corasick::Match;
    fn next(&mut self) -> Option<aho_corasick::Match> {
        if self.at > self.text.len() {
            return None;
        }
        let input = aho_corasick::Input::new(self.text).span(self.at..self.text.len());
        let m = self.ac.find(input)?;
        let bytes = self.text.as_bytes();
        self.at = if is_word_bounded(bytes, m.start(), m.end()) {
            m.end().max(m.start() + 1)
        } else {
            m.start() + 1
        };
        Some(m)
    }
}

/// Whether `bytes[start..end]` is not glued to an ASCII letter or digit on either side.
pub fn is_word_bounded(bytes: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || !bytes[start - 1].is_ascii_alphanumeric();
    let after = end >= bytes.len() || !bytes[end].is_ascii_alphanumeric();
    let inner_start = bytes.get(start).is_some_and(|b| b.is_ascii_alphanumeric());
    let inner_end = end > 0
        && bytes
            .get(end - 1)
            .is_some_and(|b| b.is_ascii_alphanumeric());
    (before || !inner_start) && (after || !inner_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only_any_case() {
        let s = WordSet::new(&["bed", "frequent flyer"]);
        assert_eq!(s.count_in("Bed 12, bedside, Frequent Flyer"), 2);
        assert!(!s.is_in("embedded"));
    }

    #[test]
    fn patterns_keep_the_letters_names_use() {
        let re = pattern(r"^\p{Lu}[\p{L}\p{M}]+$").unwrap();
        for name in [
            "Okafor",
            "Zoë",
            "Nguyễn",
            "Wójcik",
            "Ζωή",
            "Иванов",
            "Zoe\u{308}",
        ] {
            assert!(re.is_match(name), "{name}");
        }
        assert!(!re.is_match("okafor") && !re.is_match("李娜"));
        assert!(pattern(r"^\p{So}$").unwrap().is_match("🙄"));
    }

    #[test]
    fn word_lists_ignore_ascii_case() {
        let l = WordList::new(&["ward", "bed", "señora"]);
        assert!(l.contains("Ward") && l.contains("BED") && l.contains("señora"));
        assert!(!l.contains("wards") && !l.contains("be") && !l.contains(""));
    }

    #[test]
    fn a_rejected_long_match_does_not_hide_a_short_one() {
        let s = WordSet::new(&["bedside table", "side"]);
        assert_eq!(s.count_in("bedside tables side"), 1);
    }
}
