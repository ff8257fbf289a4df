//! The shared machinery of conduct rules: phrases matched on whole words in a lowercased,
//! leet-folded copy of the post ("fr3quent fl1er" is found), the context a rule needs, the
//! words that silence it, and the exceptions every rule shares: talking about a word rather
//! than using it ("stop writing 'noncompliant'", "say X instead of Y").

use crate::context::{Ctx, Hit};
use crate::lexicon::WordSet;
use crate::model::hash::{FnvMap, FnvSet};
use crate::rules::Rule;
use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

/// What a conduct phrase needs around it before it is a concern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Needs {
    Nothing,
    /// A patient is the subject: a patient cue or a third-person pronoun in the sentence, or
    /// a patient story.
    PatientSubject,
    /// The post replies to a patient's review or comment.
    ReviewReply,
    /// The author speaks of themselves at or near work.
    FirstPersonOnDuty,
    /// A specific person is addressed: an @mention or "you".
    Addressed,
}

/// One rule's phrases and the conditions on them. The phrase tables and word lists are
/// files under `data/conduct/` (one category a folder, checked by `build.rs`), included as
/// text: a table has a phrase, a tab and its better wording a line; a list, a phrase a line.
pub(super) struct Matcher {
    pub rule: &'static Rule,
    /// Phrases with a better wording each (none takes the rule's suggestions).
    pub phrases: &'static str,
    pub needs: Needs,
    /// Words in the same sentence that silence the phrase ("miles" for "frequent flyer").
    pub unless: &'static str,
    /// Words anywhere in the post that silence it (a disclosure, a consent statement).
    pub unless_post: &'static str,
    /// Words of which one must be in the same sentence (a role beside an insult).
    pub with: &'static str,
}

impl Matcher {
    /// A matcher that needs nothing and has no exceptions.
    pub const fn new(rule: &'static Rule, phrases: &'static str) -> Matcher {
        Matcher {
            rule,
            phrases,
            needs: Needs::Nothing,
            unless: "",
            unless_post: "",
            with: "",
        }
    }

    pub const fn needs(mut self, needs: Needs) -> Matcher {
        self.needs = needs;
        self
    }

    pub const fn unless(mut self, words: &'static str) -> Matcher {
        self.unless = words;
        self
    }

    pub const fn unless_post(mut self, words: &'static str) -> Matcher {
        self.unless_post = words;
        self
    }

    pub const fn with(mut self, words: &'static str) -> Matcher {
        self.with = words;
        self
    }
}

/// A matcher with its word sets, each built the first time a post holds one of the
/// matcher's phrases: most posts touch few rules, so most sets are never built.
struct Built {
    matcher: &'static Matcher,
    unless: OnceLock<Option<WordSet>>,
    unless_post: OnceLock<Option<WordSet>>,
    with: OnceLock<Option<WordSet>>,
}

impl Built {
    fn unless(&self) -> Option<&WordSet> {
        self.unless
            .get_or_init(|| set(self.matcher.unless))
            .as_ref()
    }
    fn unless_post(&self) -> Option<&WordSet> {
        self.unless_post
            .get_or_init(|| set(self.matcher.unless_post))
            .as_ref()
    }
    fn with(&self) -> Option<&WordSet> {
        self.with.get_or_init(|| set(self.matcher.with)).as_ref()
    }
}

/// Every category's matchers, with all their phrases in one automaton so the post is scanned
/// once rather than once per rule.
pub(super) struct Compiled {
    matchers: Vec<Built>,
    phrases: WordSet,
    /// For each distinct phrase, the matchers that use it and their better wording.
    owners: Vec<Vec<(usize, &'static str)>>,
}

/// The set of a list's lines, if it has any.
fn set(list: &str) -> Option<WordSet> {
    (!list.is_empty()).then(|| WordSet::from_lines(list))
}

impl Compiled {
    pub fn new(groups: &[&'static [Matcher]]) -> Compiled {
        let mut phrases: Vec<&'static str> = Vec::new();
        let mut owners: Vec<Vec<(usize, &'static str)>> = Vec::new();
        let mut index = FnvMap::default();
        let mut matchers = Vec::new();
        for m in groups.iter().flat_map(|g| g.iter()) {
            let mi = matchers.len();
            for line in m.phrases.lines() {
                let (phrase, better) = line.split_once('\t').unwrap_or((line, ""));
                let pi = *index.entry(phrase).or_insert_with(|| {
                    phrases.push(phrase);
                    owners.push(Vec::new());
                    phrases.len() - 1
                });
                owners[pi].push((mi, better));
            }
            matchers.push(Built {
                matcher: m,
                unless: OnceLock::new(),
                unless_post: OnceLock::new(),
                with: OnceLock::new(),
            });
        }
        Compiled {
            matchers,
            phrases: WordSet::new(&phrases),
            owners,
        }
    }

    /// Runs every matcher over the post.
    pub fn run(&self, scan: &Scan, hits: &mut Vec<Hit>) {
        // Whether a post-level silencer is in the post, asked only of matchers with a phrase
        // in it.
        let mut silenced_post: Vec<Option<bool>> = vec![None; self.matchers.len()];
        // A rule that needs a companion word ("idiot" beside "reg") flags a sentence once.
        let mut flagged_sentences = FnvSet::default();
        for (span, pi) in self.phrases.find_iter(&scan.leet) {
            let sentence_span = scan.sentence_span(span.start);
            let sentence = scan.sentence_text(span.start);
            let local = span.start - sentence_span.start..span.end - sentence_span.start;
            for &(mi, better) in &self.owners[pi] {
                let built = &self.matchers[mi];
                let m = built.matcher;
                let silenced_by_post = *silenced_post[mi].get_or_insert_with(|| {
                    built.unless_post().is_some_and(|u| u.is_in(&scan.leet))
                });
                if silenced_by_post
                    || (!m.with.is_empty()
                        && flagged_sentences.contains(&(mi, sentence_span.start)))
                {
                    continue;
                }
                // Silencers count only outside the phrase ("no" silences "cures", not
                // "no side effects").
                let silenced = built.unless().is_some_and(|u| {
                    u.find_iter(sentence)
                        .any(|(r, _)| !(r.start >= local.start && r.end <= local.end))
                });
                if silenced
                    || built.with().is_some_and(|w| !w.is_in(sentence))
                    || scan.is_meta(span.clone())
                    || !scan.satisfies(m.needs, span.start)
                {
                    continue;
                }
                flagged_sentences.insert((mi, sentence_span.start));
                let hit = Hit::new(m.rule, span.clone());
                hits.push(if better.is_empty() {
                    hit
                } else {
                    hit.with_suggestions(vec![better.to_string()])
                });
            }
        }
    }
}

/// The post as conduct rules read it.
pub(super) struct Scan<'a> {
    pub ctx: &'a Ctx<'a>,
    /// Lowercased, with leetspeak digits and symbols inside words folded to letters; the
    /// same byte offsets as the normalised text.
    pub leet: String,
    pub review_reply: bool,
}

/// Phrases of a reply to a review or comment ("your feedback", "sorry to hear").
static REVIEW_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_lines(include_str!("../../data/conduct/matcher/review-cues.txt"))
});

/// Phrases that make a flagged word the topic when the sentence is about words.
static WEAK_META_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_lines(include_str!(
        "../../data/conduct/matcher/weak-meta-cues.txt"
    ))
});

/// Phrases that make a flagged word the topic, not the author's own usage ("stop saying").
static META_CUES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/conduct/matcher/meta-cues.txt")));

impl<'a> Scan<'a> {
    pub fn new(ctx: &'a Ctx<'a>) -> Scan<'a> {
        let leet = leet_fold(ctx.lower);
        let greets = ["dear ", "hi ", "hello "]
            .iter()
            .any(|g| leet.trim_start().starts_with(g));
        let review_reply = (REVIEW_CUES.is_in(&leet) || greets) && SECOND_PERSON.is_in(&leet);
        Scan {
            ctx,
            leet,
            review_reply,
        }
    }

    /// The lowercased text of the sentence holding `at`.
    pub fn sentence_text(&self, at: usize) -> &str {
        self.ctx
            .frame
            .sentence_at(at)
            .map_or("", |s| &self.leet[s.span.clone()])
    }

    /// The byte span of the sentence holding `at`.
    pub fn sentence_span(&self, at: usize) -> Range<usize> {
        self.ctx
            .frame
            .sentence_at(at)
            .map_or(at..at, |s| s.span.clone())
    }

    /// Whether the phrase at `span` is talked about rather than used: its sentence discusses
    /// words ("stop writing", "instead of", "the term"), or the phrase is quoted after
    /// "writing" or "saying".
    pub fn is_meta(&self, span: Range<usize>) -> bool {
        let sentence = self.sentence_text(span.start);
        if META_CUES.is_in(sentence) {
            return true;
        }
        // "say X instead of Y", "rather than 'addict'": only when the sentence is about words.
        let about_words = ['\'', '"', '\u{201C}']
            .iter()
            .any(|q| sentence.contains(*q))
            || ["say", "write", "call", "use", "word", "term", "language"]
                .iter()
                .any(|w| sentence.contains(w));
        if about_words && WEAK_META_CUES.is_in(sentence) {
            return true;
        }
        let before = &self.leet[self.sentence_span(span.start).start..span.start];
        let before = before.trim_end_matches(['\'', '"', ' ']);
        before.ends_with("writing") || before.ends_with("saying") || before.ends_with("words like")
    }

    pub fn satisfies(&self, needs: Needs, at: usize) -> bool {
        let frame = self.ctx.frame;
        let sentence = self.sentence_text(at);
        match needs {
            Needs::Nothing => true,
            Needs::PatientSubject => {
                frame.sentence_at(at).is_some_and(|s| s.patient_cues > 0)
                    || THIRD_PERSON.is_in(sentence)
                    || frame.patient_story_at(at)
            }
            Needs::ReviewReply => self.review_reply,
            // Posts often drop the subject ("hungover on call"): no third person will do.
            Needs::FirstPersonOnDuty => {
                ON_DUTY.is_in(sentence)
                    && (FIRST_PERSON.is_in(sentence) || !THIRD_PERSON.is_in(sentence))
            }
            Needs::Addressed => {
                let span = self.sentence_span(at);
                self.ctx.lower[span].contains('@') || SECOND_PERSON.is_in(sentence)
            }
        }
    }
}

/// Words for someone other than the author or the reader: the person a remark is about.
static THIRD_PERSON: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_lines(include_str!("../../data/conduct/matcher/third-person.txt"))
});

/// Words for the author.
static FIRST_PERSON: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_lines(include_str!("../../data/conduct/matcher/first-person.txt"))
});

/// Words for the reader, whom a remark addresses.
static SECOND_PERSON: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::from_lines(include_str!("../../data/conduct/matcher/second-person.txt"))
});

/// Phrases that put the author at work ("on call", "ward round").
static ON_DUTY: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/conduct/matcher/on-duty.txt")));

/// Folds leetspeak inside words ("fr3quent", "sh1t", "@ddict") to letters, keeping byte
/// offsets; digits that stand alone ("10/10", "2024") are left alone.
pub(super) fn leet_fold(lower: &str) -> String {
    let bytes = lower.as_bytes();
    let mut out = bytes.to_vec();
    for i in 0..bytes.len() {
        let letter = |j: Option<usize>| {
            j.and_then(|j| bytes.get(j))
                .is_some_and(|b| b.is_ascii_lowercase())
        };
        let (before, after) = (letter(i.checked_sub(1)), letter(Some(i + 1)));
        // Inside a word ("fr3quent"), or a symbol starting one ("@ddict", "$hit"); never an
        // ordinal or a unit ("34th", "5mg").
        let symbol = matches!(bytes[i], b'@' | b'$');
        if !after || (!before && !symbol) {
            continue;
        }
        out[i] = match bytes[i] {
            b'0' => b'o',
            b'1' => b'i',
            b'3' => b'e',
            b'4' => b'a',
            b'5' => b's',
            b'7' => b't',
            b'@' if i > 0 && bytes[i - 1].is_ascii_lowercase() => b'@',
            b'@' => b'a',
            b'$' => b's',
            b => b,
        };
    }
    String::from_utf8(out).unwrap_or_else(|_| lower.to_string())
}

#[cfg(test)]
mod tests {
    use super::leet_fold;

    #[test]
    fn leet_folds_inside_words_only() {
        assert_eq!(
            leet_fold("fr3quent fl1er 10/10 @ddict"),
            "frequent flier 10/10 addict"
        );
        assert_eq!(leet_fold("sh1t 2024"), "shit 2024");
    }
}
