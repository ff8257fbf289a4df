//! The engine's regular expressions, compiled at build time.
//!
//! `build.rs` compiles each pattern in `sources.rs` into a forward NFA (with its capture
//! groups) and a reverse one. Here each is rebuilt from those states when first needed, with
//! no parser or compiler in the engine: building patterns from source was most of the
//! engine's start-up in wasm. Searching works as in the `regex` crate: a lazy DFA finds where
//! a match ends, a reverse one where it starts, and a backtracker reads capture groups from
//! the match (a PikeVM stands in for inputs too long for it, or should a lazy DFA give up).
//! Most patterns find nothing in most posts, so the reverse NFA and the engines for groups
//! wait for a pattern's first match.

use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::backtrack::{self, BoundedBacktracker};
use regex_automata::nfa::thompson::{pikevm, pikevm::PikeVM, Builder, Transition, NFA};
use regex_automata::util::captures;
use regex_automata::util::iter::Searcher;
use regex_automata::util::look::Look;
use regex_automata::util::primitives::StateID;
use regex_automata::{Anchored, Input, MatchError, MatchKind};

include!(concat!(env!("OUT_DIR"), "/patterns.rs"));

/// The NFAs of every pattern, as `build.rs` wrote them.
static NFAS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/patterns.bin"));

/// A compiled pattern, loaded the first time it searches.
pub struct Pattern {
    /// Where its NFAs start in [`NFAS`].
    at: usize,
    engine: OnceLock<Engine>,
}

struct Engine {
    /// The forward NFA, with capture groups.
    nfa: NFA,
    /// Finds where matches end.
    ends: DFA,
    /// Where the reverse NFA lies in [`NFAS`].
    reverse_at: usize,
    /// Finds where a match starts, reading back from its end; loaded at the first match.
    starts: OnceLock<DFA>,
    /// Reads capture groups, or stands in for the lazy DFAs should they give up; built at
    /// first need.
    slow: OnceLock<Slow>,
    caches: Mutex<Caches>,
}

struct Slow {
    backtracker: BoundedBacktracker,
    vm: PikeVM,
}

/// Each engine's scratch space, made when the engine is first used.
struct Caches {
    ends: dfa::Cache,
    starts: Option<dfa::Cache>,
    backtracker: Option<backtrack::Cache>,
    vm: Option<pikevm::Cache>,
}

/// A match: its place in the text searched and the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    text: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.text[self.start..self.end]
    }
}

/// A match with its capture groups.
#[derive(Clone, Debug)]
pub struct Captures<'h> {
    text: &'h str,
    groups: captures::Captures,
}

impl<'h> Captures<'h> {
    /// Group `index`; 0 is the whole match.
    pub fn get(&self, index: usize) -> Option<Match<'h>> {
        self.matched(self.groups.get_group(index))
    }

    /// The group named `name`.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.matched(self.groups.get_group_by_name(name))
    }

    fn matched(&self, span: Option<regex_automata::Span>) -> Option<Match<'h>> {
        span.map(|s| Match {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }
}

impl std::ops::Index<usize> for Captures<'_> {
    type Output = str;

    /// The text of group `index`, which must have matched.
    fn index(&self, index: usize) -> &str {
        self.get(index).expect("the group matched").as_str()
    }
}

impl Pattern {
    const fn new(at: usize) -> Pattern {
        Pattern {
            at,
            engine: OnceLock::new(),
        }
    }

    /// Every match, leftmost first, not overlapping.
    pub fn find_iter<'h>(&self, text: &'h str) -> std::vec::IntoIter<Match<'h>> {
        let mut found = Vec::new();
        self.search(text, |m, _| found.push(m));
        found.into_iter()
    }

    /// Every match with its groups, leftmost first, not overlapping.
    pub fn captures_iter<'h>(&self, text: &'h str) -> std::vec::IntoIter<Captures<'h>> {
        let mut found = Vec::new();
        let engine = self.engine();
        self.search(text, |m, caches| {
            let slow = engine.slow();
            let mut groups = slow.vm.create_captures();
            let input = Input::new(text).span(m.range()).anchored(Anchored::Yes);
            let backtracker = &slow.backtracker;
            let cache = caches
                .backtracker
                .get_or_insert_with(|| backtracker.create_cache());
            if backtracker.try_search(cache, &input, &mut groups).is_err() {
                let cache = caches.vm.get_or_insert_with(|| slow.vm.create_cache());
                slow.vm.search(cache, &input, &mut groups);
            }
            found.push(Captures { text, groups });
        });
        found.into_iter()
    }

    /// The first match with its groups.
    pub fn captures<'h>(&self, text: &'h str) -> Option<Captures<'h>> {
        self.captures_iter(text).next()
    }

    fn search<'h>(&self, text: &'h str, mut each: impl FnMut(Match<'h>, &mut Caches)) {
        let engine = self.engine();
        let mut caches = engine.caches.lock().unwrap_or_else(|e| e.into_inner());
        let mut searcher = Searcher::new(Input::new(text));
        while let Some(m) = searcher.advance(|input| Ok(engine.find(&mut caches, input))) {
            let found = Match {
                text,
                start: m.start(),
                end: m.end(),
            };
            each(found, &mut caches);
        }
    }

    fn engine(&self) -> &Engine {
        self.engine.get_or_init(|| {
            let mut at = self.at;
            let nfa = decode(&mut at);
            Engine::new(nfa, at)
        })
    }
}

impl Engine {
    /// An engine ready to find where matches end; the rest waits for a first match.
    fn new(nfa: NFA, reverse_at: usize) -> Engine {
        let ends = lazy_dfa(nfa.clone(), MatchKind::LeftmostFirst);
        let caches = Mutex::new(Caches {
            ends: dfa::Cache::new(&ends),
            starts: None,
            backtracker: None,
            vm: None,
        });
        Engine {
            nfa,
            ends,
            reverse_at,
            starts: OnceLock::new(),
            slow: OnceLock::new(),
            caches,
        }
    }

    /// The leftmost-first match in `input`, as the `regex` crate finds it: where the first
    /// match ends, then, reading back from there, where it starts.
    fn find(&self, caches: &mut Caches, input: &Input) -> Option<regex_automata::Match> {
        self.find_lazily(caches, input).unwrap_or_else(|_| {
            let vm = &self.slow().vm;
            let cache = caches.vm.get_or_insert_with(|| vm.create_cache());
            vm.find(cache, input.clone())
        })
    }

    fn find_lazily(
        &self,
        caches: &mut Caches,
        input: &Input,
    ) -> Result<Option<regex_automata::Match>, MatchError> {
        let Some(end) = self.ends.try_search_fwd(&mut caches.ends, input)? else {
            return Ok(None);
        };
        let end = end.offset();
        let anchored = input.get_anchored().is_anchored() || self.nfa.is_always_start_anchored();
        if end == input.start() || anchored {
            return Ok(Some(regex_automata::Match::must(0, input.start()..end)));
        }
        let starts = self.starts.get_or_init(|| {
            let reverse = decode(&mut self.reverse_at.clone());
            lazy_dfa(reverse, MatchKind::All)
        });
        let cache = caches.starts.get_or_insert_with(|| dfa::Cache::new(starts));
        let back = input
            .clone()
            .span(input.start()..end)
            .anchored(Anchored::Yes)
            .earliest(false);
        let start = starts
            .try_search_rev(cache, &back)?
            .expect("what matches forward matches backward");
        Ok(Some(regex_automata::Match::must(0, start.offset()..end)))
    }

    fn slow(&self) -> &Slow {
        self.slow.get_or_init(|| Slow {
            backtracker: BoundedBacktracker::new_from_nfa(self.nfa.clone())
                .expect("a compiled pattern builds"),
            vm: PikeVM::new_from_nfa(self.nfa.clone()).expect("a compiled pattern builds"),
        })
    }
}

/// A lazy DFA as the `regex` crate configures one: a cache large enough for Unicode-heavy
/// patterns (smaller, it thrashes), given up on if it still does.
fn lazy_dfa(nfa: NFA, kind: MatchKind) -> DFA {
    let config = DFA::config()
        .match_kind(kind)
        .cache_capacity(8 << 20)
        .skip_cache_capacity_check(false)
        .minimum_cache_clear_count(Some(3))
        .minimum_bytes_per_state(Some(10));
    dfa::Builder::new()
        .configure(config)
        .build_from_nfa(nfa)
        .expect("a pattern that compiled at build time builds")
}

/// The number at byte `at` (little-endian base 128), moving `at` past it.
fn word(at: &mut usize) -> u32 {
    let mut w = 0;
    let mut shift = 0;
    loop {
        let b = NFAS[*at];
        *at += 1;
        w |= u32::from(b & 0x7F) << shift;
        if b < 0x80 {
            return w;
        }
        shift += 7;
    }
}

/// Rebuilds the NFA `build.rs` encoded at word `at`, state for state, and moves `at` past it.
fn decode(at: &mut usize) -> NFA {
    const VALID: &str = "build.rs wrote a valid NFA";
    let mut b = Builder::new();
    b.set_utf8(word(at) != 0);
    b.set_reverse(word(at) != 0);
    let id = |w: u32| StateID::new(w as usize).expect(VALID);
    let start_anchored = id(word(at));
    let start_unanchored = id(word(at));
    let start_pattern = id(word(at));
    let names: Vec<Option<Arc<str>>> = (0..word(at))
        .map(|_| match word(at) {
            u32::MAX => None,
            len => {
                let bytes = (0..len).map(|_| word(at) as u8).collect();
                Some(String::from_utf8(bytes).expect(VALID).into())
            }
        })
        .collect();
    let states = word(at) as usize;
    b.start_pattern().expect(VALID);
    for _ in 0..states {
        let transition = |at: &mut usize| {
            let range = word(at);
            Transition {
                start: range as u8,
                end: (range >> 8) as u8,
                next: id(word(at)),
            }
        };
        match word(at) {
            0 => b.add_range(transition(at)),
            1 => {
                let n = word(at) as usize;
                b.add_sparse((0..n).map(|_| transition(at)).collect())
            }
            2 => {
                let look = Look::from_repr(word(at)).expect(VALID);
                b.add_look(id(word(at)), look)
            }
            3 => {
                let n = word(at) as usize;
                b.add_union((0..n).map(|_| id(word(at))).collect())
            }
            4 => {
                let next = id(word(at));
                let group = word(at);
                if word(at) == 1 {
                    b.add_capture_end(next, group)
                } else {
                    b.add_capture_start(next, group, names[group as usize].clone())
                }
            }
            5 => b.add_fail(),
            _ => b.add_match(),
        }
        .expect(VALID);
    }
    b.finish_pattern(start_pattern).expect(VALID);
    b.build(start_anchored, start_unanchored).expect(VALID)
}

#[cfg(test)]
#[path = "sources.rs"]
mod sources;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every pattern, loaded, beside the `regex` crate's reading of its source.
    fn pairs() -> &'static [(&'static Pattern, regex::Regex)] {
        static PAIRS: OnceLock<Vec<(&'static Pattern, regex::Regex)>> = OnceLock::new();
        PAIRS.get_or_init(build_pairs)
    }

    fn build_pairs() -> Vec<(&'static Pattern, regex::Regex)> {
        let sources = sources::sources();
        ALL.into_iter()
            .zip(sources)
            .map(|(p, (name, _, source))| {
                let re = regex::Regex::new(&sources::expand(&source))
                    .unwrap_or_else(|e| panic!("{name}: {e}"));
                (p, re)
            })
            .collect()
    }

    /// Matches and every group, as spans, the way both engines report them.
    fn ours(p: &Pattern, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        p.captures_iter(text)
            .map(|c| {
                (0..c.groups.group_len())
                    .map(|i| c.get(i).map(|m| m.range()))
                    .collect()
            })
            .collect()
    }

    fn theirs(re: &regex::Regex, text: &str) -> Vec<Vec<Option<Range<usize>>>> {
        re.captures_iter(text)
            .map(|c| c.iter().map(|g| g.map(|m| m.range())).collect())
            .collect()
    }

    fn agree(text: &str) {
        for (p, re) in pairs() {
            assert_eq!(
                ours(p, text),
                theirs(re, text),
                "pattern {} on {text:?}",
                re.as_str()
            );
            let finds: Vec<_> = p.find_iter(text).map(|m| m.range()).collect();
            let expected: Vec<_> = re.find_iter(text).map(|m| m.range()).collect();
            assert_eq!(finds, expected, "pattern {} on {text:?}", re.as_str());
        }
    }

    #[test]
    fn loaded_patterns_match_as_their_sources_read() {
        for text in [
            "Mrs Okafor, 94, in bed 12 since 3rd March 2024; she's 97 and turned ninety-one",
            "Call 07700 900123 or +44 (0)20 7946 0958, email j.smith@nhs.net or j smith at nhs dot uk",
            "NHS 943 476 5919, MRN: 00482913, SSN 123-45-6789, SIN 046 454 286, QQ 12 34 56 C",
            "Lives on Wattle St; 12/3 Smith Street N, PO Box 123, NSW 2000, ZIP 90210-1234",
            "\"Botox changed my life\" – Sandra, Parramatta. 'Pain free!' — Mark T.",
            "OKAFOR, Grace M. at St Mary's Primary School; his ute (1XY 2ZW); AB12 CDE",
            "https://gofundme.com/f/help-aiden and @nurse_jo, 192.168.0.1, fe80::1:2:3:4",
            "Zoë (7) and Иван (9), Nguyễn Văn An, 92, J.M. and A. B. C.",
            "emoji 🙄 Ward 3b, bed #4, room no. 12, the 14th, 2026-03-14, 12.11.",
            "",
        ] {
            agree(text);
        }
    }

    #[test]
    fn name_classes_keep_the_letters_names_use() {
        let names = regex::Regex::new(&sources::expand(r"^\p{Lu}[\p{L}\p{M}]+$")).unwrap();
        for name in [
            "Okafor",
            "Zoë",
            "Nguyễn",
            "Wójcik",
            "Ζωή",
            "Иванов",
            "Zoe\u{308}",
        ] {
            assert!(names.is_match(name), "{name}");
        }
        assert!(!names.is_match("okafor") && !names.is_match("李娜"));
        let symbols = regex::Regex::new(&sources::expand(r"^\p{So}$")).unwrap();
        assert!(symbols.is_match("🙄"));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// On text made of the pieces these patterns look for, each loaded pattern finds what
        /// the `regex` crate finds in its source, groups included.
        #[test]
        fn loaded_patterns_agree_with_the_regex_crate(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "0", "1", "9", "12", "94", "2024", "07700", " ", "  ", "-", ".", ",", "/", "(", ")",
                ":", "@", "'", "\u{2019}", "\u{2014}", "\"", "\n", "\t", "A", "Z", "Mr", "Okafor",
                "OKAFOR", "Zoë", "É", "Иван", "ß", "e\u{301}", "🙄", "\u{200D}", "x", "st", "th",
                "ward", "bed", "aged", "she's", "years old", "yo", "m", "march", "june", "the",
                "Street", "St", "NSW", "ZIP", "from", "at", "dot", "com", "www.", "https://",
                "car", "van", "High", "School", "and", "no", "id", "is", "ninety", "birthday",
            ]), 0..24)
        ) {
            agree(&pieces.concat());
        }
    }
}
