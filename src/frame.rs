//! The patient-story frame: one shared reading of whether each sentence tells about a
//! specific patient or encounter ("my patient", "pt", "came in", "on shift", "her son",
//! a time anchor with a clinical verb), or is an announcement, a citation or a statistic.
//! Identifier detectors use it to decide ambiguous spans (a first name, a date, a town);
//! the conduct rules use it for consent, stigmatising language, boundaries and combinations.

use crate::lexicon::WordSet;
use crate::pattern;
use std::ops::Range;
use std::sync::LazyLock;

/// One sentence of the post and what frames it.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Range<usize>,
    /// Strong signs of a specific patient or encounter in this sentence.
    pub patient_cues: u8,
    /// A time anchor (today, last night, this morning, a weekday).
    pub time_anchor: bool,
    /// Signs of an announcement, citation, statistic or event.
    pub public_cues: u8,
}

/// The frame of a whole post.
#[derive(Debug, Clone, Default)]
pub struct Frame {
    pub sentences: Vec<Sentence>,
    /// Patient cues anywhere in the post.
    pub post_patient_cues: u32,
    pub post_public_cues: u32,
    /// Ages of people ("19yo", "aged 62", "she's 71") anywhere in the post.
    pub post_ages: u32,
}

static PATIENT_CUES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../data/frame/patient-cues.txt")));

static PUBLIC_CUES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../data/frame/public-cues.txt")));

static TIME_ANCHORS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../data/frame/time-anchors.txt")));

impl Frame {
    /// Reads the frame of `text` (normalised), sentence by sentence.
    pub fn read(text: &str) -> Frame {
        let lower = text.to_ascii_lowercase();
        let mut frame = Frame::default();
        for span in sentence_spans(text) {
            let s = &lower[span.clone()];
            let digits = s.bytes().any(|b| b.is_ascii_digit());
            // Every age has a digit: without one, the pattern is not searched (nor compiled).
            let ages = if digits {
                pattern::AGE_CUE.find_iter(s).count()
                    + crate::lexicon::names::named_ages(&text[span.clone()])
            } else {
                0
            };
            let patient_cues = (PATIENT_CUES.count_in(s) + ages).min(255) as u8;
            let public_cues = PUBLIC_CUES.count_in(s).min(255) as u8;
            let time_anchor = TIME_ANCHORS.is_in(s);
            frame.post_ages += ages as u32;
            frame.post_patient_cues += patient_cues as u32;
            frame.post_public_cues += public_cues as u32;
            frame.sentences.push(Sentence {
                span,
                patient_cues,
                time_anchor,
                public_cues,
            });
        }
        frame
    }

    /// The sentence holding byte `at`.
    pub fn sentence_at(&self, at: usize) -> Option<&Sentence> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        self.sentences.get(i)
    }

    /// Whether the post as a whole tells about a specific patient or encounter.
    pub fn is_patient_story(&self) -> bool {
        self.post_patient_cues >= 2
            || (self.post_patient_cues >= 1 && self.post_public_cues == 0)
            || (self.post_patient_cues >= 1 && self.sentences.iter().any(|s| s.time_anchor))
    }

    /// The first patient cue inside `span` of the lowercased text, for a finding that should
    /// point at the words that make a sentence a patient story.
    pub fn first_cue(&self, lower: &str, span: Range<usize>) -> Option<Range<usize>> {
        let (r, _) = PATIENT_CUES.find_iter(&lower[span.clone()]).next()?;
        Some(span.start + r.start..span.start + r.end)
    }

    /// Whether the post reads as an announcement, advert, obituary or shout-out rather than
    /// a story about a patient.
    pub fn is_announcement(&self) -> bool {
        self.post_public_cues >= 2 && self.post_public_cues > self.post_patient_cues
    }

    /// Whether the sentence holding `at` (or, failing that, the post) is a patient story.
    /// In an announcement only a sentence with two or more patient cues is.
    pub fn patient_story_at(&self, at: usize) -> bool {
        if self.is_announcement() {
            return self
                .sentence_at(at)
                .is_some_and(|s| s.patient_cues >= 2 && s.public_cues == 0);
        }
        match self.sentence_at(at) {
            Some(s) if s.patient_cues > 0 && s.public_cues <= s.patient_cues => true,
            Some(s) if s.public_cues > 0 && s.patient_cues == 0 => false,
            _ => self.is_patient_story(),
        }
    }
}

/// Splits text into sentences at `.`, `!`, `?` followed by a space or line break, and at
/// blank lines. Abbreviations like "Dr." or "e.g." may split early; the frame is forgiving.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let boundary = match b {
            b'.' | b'!' | b'?' => {
                let next = bytes.get(i + 1).copied();
                matches!(
                    next,
                    None | Some(b' ') | Some(b'\n') | Some(b'\r') | Some(b'\t')
                ) && !is_abbreviation_before(bytes, i)
            }
            // A single line break is layout ("Today\nHarold\nBlackwood\nwalked"); a blank
            // line ends a paragraph.
            b'\n' => {
                bytes.get(i + 1) == Some(&b'\n')
                    || (i > 0 && matches!(bytes[i - 1], b'.' | b'!' | b'?' | b':'))
            }
            // An emoji before a capitalised word ends a sentence as a full stop would:
            // "her daughter called 😀 Flu clinic Saturday".
            0xE2 | 0xF0 => {
                if let Some(end) = emoji_then_capital(text, i) {
                    spans.push(start..end);
                    start = end;
                    i = end;
                    continue;
                }
                false
            }
            _ => false,
        };
        if boundary {
            spans.push(start..i + 1);
            start = i + 1;
        }
        i += 1;
    }
    if start < text.len() || spans.is_empty() {
        spans.push(start..text.len());
    }
    spans
}

/// The end of the emoji (and any variation selector) starting at byte `at`, when a space and
/// a capital letter follow it.
fn emoji_then_capital(text: &str, at: usize) -> Option<usize> {
    let c = text.get(at..)?.chars().next()?;
    let emoji = matches!(c as u32, 0x2600..=0x27BF | 0x1F300..=0x1FAFF);
    let mut end = at + c.len_utf8();
    if text[end..].starts_with('\u{FE0F}') {
        end += '\u{FE0F}'.len_utf8();
    }
    let next = text[end..].strip_prefix(' ')?;
    (emoji && next.starts_with(|c: char| c.is_ascii_uppercase())).then_some(end)
}

fn is_abbreviation_before(bytes: &[u8], dot: usize) -> bool {
    if bytes[dot] != b'.' {
        return false;
    }
    let mut a = dot;
    while a > 0 && bytes[a - 1].is_ascii_alphabetic() {
        a -= 1;
    }
    let word = &bytes[a..dot];
    matches!(
        word.to_ascii_lowercase().as_slice(),
        b"dr" | b"mr" | b"mrs" | b"ms" | b"prof" | b"st" | b"e.g" | b"i.e" | b"vs" | b"no" | b"al"
    ) || word.len() == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patient_story_versus_announcement() {
        assert!(Frame::read("My patient came in today with chest pain.").is_patient_story());
        assert!(
            !Frame::read("Flu clinic Sat 12 Oct 9am-1pm at the practice, book now.")
                .is_patient_story()
        );
        assert!(!Frame::read("Smith et al. published a great study.").is_patient_story());
    }

    #[test]
    fn ages_of_people_are_counted() {
        for (text, ages) in [
            ("A 19yo with a burn.", 1),
            ("She's 71, three episodes of PMB.", 1),
            ("Aged 62 and a 44-year-old.", 2),
            ("She's 2 for 2 on the quiz.", 0),
            ("Ward 12 reopens on the 3rd.", 0),
            ("Sunny (7) kept her sunny disposition, and Tom (34) his.", 2),
            (
                "See Figure (2), Table (3) and Ward (12); Sunny (2021) wrote it.",
                0,
            ),
        ] {
            assert_eq!(Frame::read(text).post_ages, ages, "{text}");
        }
    }

    #[test]
    fn an_emoji_before_a_capital_ends_a_sentence() {
        let t = "Her daughter called 😀 Flu clinic Saturday 🙄 and more ❤\u{FE0F} Next";
        let s: Vec<&str> = sentence_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            [
                "Her daughter called 😀",
                " Flu clinic Saturday 🙄 and more ❤\u{FE0F}",
                " Next"
            ]
        );
    }

    #[test]
    fn sentences_split_at_stops_not_titles() {
        let t = "Saw Mrs. Okafor today. She is 94! Home soon";
        let s = sentence_spans(t);
        assert_eq!(s.len(), 3, "{s:?}");
        assert_eq!(&t[s[0].clone()], "Saw Mrs. Okafor today.");
    }
}
