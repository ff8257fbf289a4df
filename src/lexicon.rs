//! Word and phrase sets matched on whole words, ASCII case-insensitively, in one pass.

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
/// touch either end), ignoring ASCII case. At each place a phrase could start, the longest
/// whole-word phrase there is the match.
///
/// The phrases are kept sorted and walked like a trie, a byte at a time: building a set is
/// one sort. An Aho-Corasick automaton searched a little faster but took most of the
/// engine's start-up to build (the largest set has over a thousand phrases), and start-up
/// is paid when the extension's background wakes.
#[derive(Debug)]
pub struct WordSet {
    /// Every phrase, ASCII-lowercased, end to end.
    bytes: Vec<u8>,
    /// Each phrase as (start, end) in `bytes` and its index in the caller's list, sorted by
    /// phrase, then index: of equal phrases the first listed is found.
    entries: Vec<(u32, u32, u32)>,
    /// For each (lowercased) first byte, the range of `entries` starting with it.
    by_first: Box<[(u32, u32); 256]>,
}

impl WordSet {
    pub fn new(phrases: &[&str]) -> WordSet {
        let mut bytes = Vec::with_capacity(phrases.iter().map(|p| p.len()).sum());
        let mut entries = Vec::with_capacity(phrases.len());
        for (i, phrase) in phrases.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            let start = bytes.len();
            bytes.extend(phrase.bytes().map(|b| b.to_ascii_lowercase()));
            entries.push((start as u32, bytes.len() as u32, i as u32));
        }
        let phrase = |e: &(u32, u32, u32)| &bytes[e.0 as usize..e.1 as usize];
        entries.sort_unstable_by(|a, b| phrase(a).cmp(phrase(b)).then(a.2.cmp(&b.2)));
        let mut by_first = Box::new([(0, 0); 256]);
        for (n, e) in entries.iter().enumerate() {
            let range = &mut by_first[usize::from(bytes[e.0 as usize])];
            if range.0 == range.1 {
                range.0 = n as u32;
            }
            range.1 = n as u32 + 1;
        }
        WordSet {
            bytes,
            entries,
            by_first,
        }
    }

    /// Byte `k` of an entry's phrase, `None` past its end (which sorts first).
    fn byte(&self, entry: &(u32, u32, u32), k: usize) -> Option<u8> {
        let at = entry.0 as usize + k;
        (at < entry.1 as usize).then(|| self.bytes[at])
    }

    /// The longest whole-word phrase starting at `at`: its end and index.
    fn longest_at(&self, text: &[u8], at: usize) -> Option<(usize, usize)> {
        // Invariant: every entry in lo..hi starts with text[at..at + k], lowercased.
        let (lo, hi) = self.by_first[usize::from(text[at].to_ascii_lowercase())];
        let (mut lo, mut hi) = (lo as usize, hi as usize);
        let mut best = None;
        for k in 1.. {
            if lo == hi {
                break;
            }
            let shortest = &self.entries[lo];
            if self.byte(shortest, k).is_none() && is_word_bounded(text, at, at + k) {
                best = Some((at + k, shortest.2 as usize));
            }
            let Some(c) = text.get(at + k).map(u8::to_ascii_lowercase) else {
                break;
            };
            let range = &self.entries[lo..hi];
            let from = range.partition_point(|e| self.byte(e, k) < Some(c));
            let to = from + range[from..].partition_point(|e| self.byte(e, k) == Some(c));
            (lo, hi) = (lo + from, lo + to);
        }
        best
    }

    /// Whole-word matches in `text`: the byte span and the index of the phrase.
    pub fn find_iter<'a>(
        &'a self,
        text: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let bytes = text.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < bytes.len() {
                let start = at;
                at += 1;
                let b = bytes[start];
                // A phrase starting with a letter or digit cannot start inside a word.
                let inside_word = b.is_ascii_alphanumeric()
                    && start > 0
                    && bytes[start - 1].is_ascii_alphanumeric();
                if inside_word {
                    continue;
                }
                if let Some((end, index)) = self.longest_at(bytes, start) {
                    at = end;
                    return Some((start..end, index));
                }
            }
            None
        })
    }

    /// Whole-word matches each followed by what `read` takes from the text after it: given a
    /// match, `read` returns the span it read, or nothing to pass the match by. A match inside
    /// what was read after the one before is passed by, as a regex's matches never overlap.
    pub fn find_then<'a>(
        &'a self,
        text: &'a str,
        mut read: impl FnMut(Range<usize>) -> Option<Range<usize>> + 'a,
    ) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + 'a {
        let mut taken_to = 0;
        self.find_iter(text).filter_map(move |(found, _)| {
            if found.start < taken_to {
                return None;
            }
            let after = read(found.clone())?;
            taken_to = after.end;
            Some((found, after))
        })
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
    fn the_longest_whole_word_phrase_wins_and_names_its_index() {
        let s = WordSet::new(&["ward", "Ward round", "ward", "'s mum", "señora", "#"]);
        let found = |t: &str| {
            s.find_iter(t)
                .map(|(r, i)| (t[r].to_string(), i))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("WARD ROUND, ward rounds"),
            [("WARD ROUND".into(), 1), ("ward".into(), 0)]
        );
        assert_eq!(found("Priya's mum, SEÑORA"), [("'s mum".into(), 3)]);
        assert_eq!(
            found("la señora 🙂 #"),
            [("señora".into(), 4), ("#".into(), 5)]
        );
        assert!(found("inward awards").is_empty());
        assert!(!WordSet::new(&[]).is_in("anything") && !WordSet::new(&[""]).is_in("a"));
    }

    #[test]
    fn a_rejected_long_match_does_not_hide_a_short_one() {
        let s = WordSet::new(&["bedside", "bedside table"]);
        assert_eq!(s.count_in("bedside tables"), 1);
        let s = WordSet::new(&["bedside table", "side"]);
        assert_eq!(s.count_in("bedside tables side"), 1);
    }
}
