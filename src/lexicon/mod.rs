//! Word and phrase sets matched on whole words, ASCII case-insensitively, in one pass.

pub mod name_words;
pub mod names;
pub mod places;
pub mod vocab;

include!("prefix_key.rs");

use std::ops::Range;

/// What `search` yields when `open`, else nothing, without running it: a cheap test in front
/// of a pattern (digits, an "@") skips a search no post without them could need.
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
/// The phrases are sorted and laid out as a trie whose children sit side by side, so a
/// search reads a byte, scans a few sibling labels and moves on. Building one is a sort and
/// a pass over the sorted phrases. An Aho-Corasick automaton searched a little faster but
/// took most of the engine's start-up to build (the largest set has over a thousand
/// phrases), and start-up is paid when the extension's background wakes.
#[derive(Debug)]
pub struct WordSet {
    /// For each node, its byte (lowercased); the children of a node are contiguous.
    labels: Vec<u8>,
    /// For each node, where its children start and end in `labels` and `nodes`, and the
    /// index in the caller's list of the phrase ending there (`NONE` if none does).
    nodes: Vec<Node>,
    /// For each first byte, either case, the node it leads to (0: no phrase starts so).
    roots: Box<[u32; 256]>,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    children: (u32, u32),
    phrase: u32,
}

const NONE: u32 = u32::MAX;

impl WordSet {
    /// The set of a word list's lines (a `data/` file: a word or phrase a line).
    pub fn from_lines(text: &str) -> WordSet {
        WordSet::new(&lines(text))
    }

    pub fn new(phrases: &[&str]) -> WordSet {
        let mut bytes = Vec::with_capacity(phrases.iter().map(|p| p.len()).sum());
        // (start, end) in `bytes` and index in `phrases`, after the first eight bytes as a
        // number: most comparisons in the sort are then one comparison of numbers.
        let mut entries = Vec::with_capacity(phrases.len());
        for (i, phrase) in phrases.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
            let start = bytes.len();
            bytes.extend(phrase.bytes().map(|b| b.to_ascii_lowercase()));
            let mut head = [0; 8];
            let n = phrase.len().min(8);
            head[..n].copy_from_slice(&bytes[start..start + n]);
            entries.push((u64::from_be_bytes(head), start, bytes.len(), i as u32));
        }
        let phrase = |e: &(u64, usize, usize, u32)| &bytes[e.1..e.2];
        entries.sort_unstable_by(|a, b| {
            (a.0.cmp(&b.0))
                .then_with(|| phrase(a).cmp(phrase(b)))
                .then(a.3.cmp(&b.3))
        });
        // Node 0 is a placeholder so that 0 in `roots` can mean "none".
        let mut set = WordSet {
            labels: Vec::with_capacity(bytes.len() + 1),
            nodes: Vec::with_capacity(bytes.len() + 1),
            roots: Box::new([0; 256]),
        };
        set.labels.push(0);
        set.nodes.push(Node {
            children: (0, 0),
            phrase: NONE,
        });
        // Breadth first, so that each node's children are added side by side: a queue of
        // nodes with the entries under them (sorted, all sharing the node's `depth` bytes).
        let mut queue = Vec::with_capacity(bytes.len() + 1);
        queue.push((0, 0, entries.len(), 0));
        let mut next = 0;
        while let Some(&(node, start, end, depth)) = queue.get(next) {
            next += 1;
            let len = |e: &(u64, usize, usize, u32)| e.2 - e.1;
            let byte = |e: &(u64, usize, usize, u32)| bytes[e.1 + depth];
            let first_child = set.nodes.len() as u32;
            // Entries ending at this depth sort first: they end at the node itself. Groups are
            // found by walking the entries, not by binary search: each entry is passed once
            // per byte it has, so building is linear in the bytes of the phrases.
            let mut from = start;
            while from < end && len(&entries[from]) <= depth {
                from += 1;
            }
            while from < end {
                let b = byte(&entries[from]);
                let mut to = from + 1;
                while to < end && byte(&entries[to]) == b {
                    to += 1;
                }
                // The shortest phrase of a group sorts first; of equal ones, the lowest index.
                let ends = len(&entries[from]) == depth + 1;
                set.labels.push(b);
                set.nodes.push(Node {
                    children: (0, 0),
                    phrase: if ends { entries[from].3 } else { NONE },
                });
                queue.push((set.nodes.len() - 1, from, to, depth + 1));
                from = to;
            }
            set.nodes[node].children = (first_child, set.nodes.len() as u32);
        }
        let (lo, hi) = set.nodes[0].children;
        for n in lo..hi {
            let b = set.labels[n as usize];
            set.roots[usize::from(b)] = n;
            set.roots[usize::from(b.to_ascii_uppercase())] = n;
        }
        set
    }

    /// The longest whole-word phrase starting at `at`: its end and index.
    #[inline]
    fn longest_at(&self, text: &[u8], at: usize) -> Option<(usize, usize)> {
        let mut node = self.roots[usize::from(text[at])] as usize;
        let mut best = None;
        let mut end = at + 1;
        while node != 0 {
            let Node { children, phrase } = self.nodes[node];
            if phrase != NONE && is_word_bounded(text, at, end) {
                best = Some((end, phrase as usize));
            }
            let Some(c) = text.get(end).map(u8::to_ascii_lowercase) else {
                break;
            };
            let (lo, hi) = (children.0 as usize, children.1 as usize);
            node = match self.labels[lo..hi].iter().position(|&l| l == c) {
                Some(i) => lo + i,
                None => 0,
            };
            end += 1;
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
            // Invariant: `at` is not inside a word (the byte before it is no letter or digit,
            // or `at` itself is none).
            while at < bytes.len() {
                let start = at;
                if let Some((end, index)) = self.longest_at(bytes, start) {
                    at = end;
                    return Some((start..end, index));
                }
                at += 1;
                // A phrase starting with a letter or digit cannot start inside a word.
                if is_word_byte(bytes[start]) {
                    while at < bytes.len() && is_word_byte(bytes[at]) {
                        at += 1;
                    }
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
/// without allocating or hashing, from the range of words with the same first letter: these
/// lists are asked often.
#[derive(Debug)]
pub struct WordList {
    sorted: Vec<&'static str>,
    /// For each first byte, the range of `sorted` starting with it.
    by_first: Box<[(u32, u32); 256]>,
}

impl WordList {
    /// Builds the list; `words` must be lowercase.
    pub fn new(words: &[&'static str]) -> WordList {
        debug_assert!(words
            .iter()
            .all(|w| !w.bytes().any(|b| b.is_ascii_uppercase())));
        let mut sorted = words.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        let mut by_first = Box::new([(0, 0); 256]);
        for (i, w) in sorted.iter().enumerate() {
            if let Some(&b) = w.as_bytes().first() {
                let range = &mut by_first[usize::from(b)];
                if range.0 == range.1 {
                    range.0 = i as u32;
                }
                range.1 = i as u32 + 1;
            }
        }
        WordList { sorted, by_first }
    }

    /// Whether `word`, ignoring ASCII case, is in the list.
    pub fn contains(&self, word: &str) -> bool {
        let Some(&first) = word.as_bytes().first() else {
            return self.sorted.first() == Some(&"");
        };
        let (lo, hi) = self.by_first[usize::from(first.to_ascii_lowercase())];
        let lower = word.bytes().map(|b| b.to_ascii_lowercase());
        self.sorted[lo as usize..hi as usize]
            .binary_search_by(|entry| entry.bytes().cmp(lower.clone()))
            .is_ok()
    }
}

/// Whether `b` is an ASCII letter or digit, by table: asked for every byte of every scan.
#[inline]
fn is_word_byte(b: u8) -> bool {
    static WORD: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        table
    };
    WORD[usize::from(b)]
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

/// A word list's lines: the lists under `data/` are a word or phrase a line.
pub fn lines(text: &str) -> Vec<&str> {
    text.lines().collect()
}

/// Words one per line in byte order (sorted by `build.rs`), searched where they lie: a long
/// list costs nothing to prepare, which matters on the first check in wasm.
pub struct SortedLines(pub &'static str);

impl SortedLines {
    /// Whether `word` is one of the lines (never the empty word, which no list holds).
    pub fn contains(&self, word: &str) -> bool {
        !word.is_empty() && search(self.0.as_bytes(), 0, self.0.len(), word)
    }
}

/// A name list as `build.rs` writes it: sorted lines, and where the lines of each first two
/// bytes start (`prefix_key`, ascending), so that a search reads a few of them
/// rather than halving the whole list some fifteen times.
pub struct IndexedLines {
    pub text: &'static str,
    pub groups: &'static [(u16, u32)],
}

impl IndexedLines {
    /// Whether `word` is one of the lines.
    pub fn contains(&self, word: &str) -> bool {
        let Some(key) = prefix_key(word.as_bytes()) else {
            return false;
        };
        let g = self.groups.partition_point(|&(k, _)| k < key);
        match self.groups.get(g) {
            Some(&(k, start)) if k == key => {
                // The group ends at the newline before the next one, or at the text's end.
                let end = self
                    .groups
                    .get(g + 1)
                    .map_or(self.text.len(), |&(_, next)| next as usize - 1);
                search(self.text.as_bytes(), start as usize, end, word)
            }
            _ => false,
        }
    }
}

/// Whether `word` is one of the sorted lines of `text` between `lo`, the start of a line,
/// and `hi`, the end of one or of the text.
fn search(text: &[u8], mut lo: usize, mut hi: usize, word: &str) -> bool {
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = text[lo..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(lo, |i| lo + i + 1);
        let end = text[start..hi]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(hi, |i| start + i);
        match text[start..end].cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start.saturating_sub(1),
        }
    }
    false
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
    fn word_lists_ignore_ascii_case() {
        let l = WordList::new(&["ward", "bed", "señora"]);
        assert!(l.contains("Ward") && l.contains("BED") && l.contains("señora"));
        assert!(!l.contains("wards") && !l.contains("be") && !l.contains(""));
    }

    /// Each match's text and phrase index.
    fn matched(s: &WordSet, t: &str) -> Vec<(String, usize)> {
        s.find_iter(t).map(|(r, i)| (t[r].to_string(), i)).collect()
    }

    #[test]
    fn the_longest_whole_word_phrase_wins_and_names_its_index() {
        let s = WordSet::new(&["ward", "Ward round", "ward", "'s mum", "señora", "#"]);
        let found = |t: &str| matched(&s, t);
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
    fn phrases_sharing_a_prefix_and_ending_in_punctuation() {
        let s = WordSet::new(&["dr", "dr.", "dr. no", "#tag", "a", "ab", "abc"]);
        let found = |t: &str| matched(&s, t);
        assert_eq!(
            found("Dr. Who, dr. No, dr"),
            [("Dr.".into(), 1), ("dr. No".into(), 2), ("dr".into(), 0)]
        );
        assert_eq!(
            found("x#tag abd ab"),
            [("#tag".into(), 3), ("ab".into(), 5)]
        );
    }

    #[test]
    fn a_rejected_long_match_does_not_hide_a_short_one() {
        let s = WordSet::new(&["bedside", "bedside table"]);
        assert_eq!(s.count_in("bedside tables"), 1);
        let s = WordSet::new(&["bedside table", "side"]);
        assert_eq!(s.count_in("bedside tables side"), 1);
    }
}

/// The word sets against a plain reading of what they promise, on texts and phrases built
/// from a few letters, digits, marks and case changes, so prefixes and overlaps are common.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// At each place not inside a word, the longest phrase there that is a whole word (the
    /// first listed of equal ones); after a match, go on from its end.
    fn plain_reading(phrases: &[String], text: &str) -> Vec<(Range<usize>, usize)> {
        let bytes = text.as_bytes();
        let lower = text.to_ascii_lowercase();
        let mut found = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            let inside = bytes[at].is_ascii_alphanumeric()
                && at > 0
                && bytes[at - 1].is_ascii_alphanumeric();
            let best = phrases
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    !p.is_empty()
                        && lower.as_bytes()[at..].starts_with(p.to_ascii_lowercase().as_bytes())
                        && is_word_bounded(bytes, at, at + p.len())
                })
                .max_by_key(|(i, p)| (p.len(), std::cmp::Reverse(*i)));
            match best {
                Some((i, p)) if !inside => {
                    found.push((at..at + p.len(), i));
                    at += p.len();
                }
                _ => at += 1,
            }
        }
        found
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["a", "b", "A", "B", "1", " ", "'", "-", ".", "é", "😀"])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn sorted_lines_hold_exactly_their_lines(
            words in prop::collection::btree_set("[a-c\u{e9}]{0,4}", 0..40),
            probe in "[a-c\u{e9}]{0,4}",
        ) {
            let words: Vec<&str> = words.iter().map(String::as_str).filter(|w| !w.is_empty()).collect();
            let text: &'static str = Box::leak(words.join("\n").into_boxed_str());
            let lines = SortedLines(text);
            for w in &words {
                prop_assert!(lines.contains(w), "{} in {:?}", w, words);
            }
            prop_assert_eq!(lines.contains(&probe), words.contains(&probe.as_str()));
        }

        #[test]
        fn word_sets_find_what_the_plain_reading_finds(
            phrases in prop::collection::vec(prop::collection::vec(piece(), 0..4), 0..8),
            text in prop::collection::vec(piece(), 0..40),
        ) {
            let phrases: Vec<String> = phrases.iter().map(|p| p.concat()).collect();
            let text = text.concat();
            let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
            let found: Vec<_> = WordSet::new(&refs).find_iter(&text).collect();
            prop_assert_eq!(found, plain_reading(&phrases, &text));
        }
    }
}
