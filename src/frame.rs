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

static PATIENT_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "evaluated",
        "'s mum",
        "'s mom",
        "'s dad",
        "'s parents",
        "poor woman",
        "poor man",
        "poor lady",
        "poor guy",
        "poor bloke",
        "poor kid",
        "poor girl",
        "poor boy",
        "his ecg",
        "her ecg",
        "his bloods",
        "her bloods",
        "his scan",
        "her scan",
        "his x-ray",
        "her x-ray",
        "came through",
        "looked after",
        "looking after",
        "held up",
        "sent him out",
        "sent her out",
        "post-take",
        "post take",
        "trauma activation",
        "brought his",
        "brought her",
        "a patient",
        "pt with",
        "patient with",
        "my 3pm",
        "my 9am",
        "my 10am",
        "my 2pm",
        "my last patient",
        "my first patient",
        "emerg",
        "in emerg",
        "rang me",
        "called me",
        "asked me",
        "kid",
        "third kid",
        "toddler",
        "teenager",
        "newborn",
        "kid from",
        "kids from",
        "girl from",
        "boy from",
        "man from",
        "woman from",
        "lady from",
        "bloke from",
        "guy from",
        "teen from",
        "he's from",
        "she's from",
        "patient from",
        "family from",
        "worker from",
        "flyer from",
        "child from",
        "baby from",
        ") from",
        "year-old from",
        "yo from",
        "my patient",
        "my patients",
        "our patient",
        "a patient",
        "the patient",
        "this patient",
        "pt",
        "pt's",
        "pts",
        "patient's",
        "my pt",
        "came in",
        "from bay",
        "in bay",
        "from bed",
        "in bed",
        "in cubicle",
        "drove herself in",
        "drove himself in",
        "walked in with",
        "self-presented",
        "patient in",
        "pt in",
        "lady in",
        "gentleman in",
        "man in bed",
        "woman in bed",
        "come in",
        "brought in",
        "rolled in",
        "admitted",
        "admission",
        "discharged",
        "discharge",
        "presented",
        "presenting",
        "attended",
        "in clinic",
        "on shift",
        "on call",
        "on nights",
        "night shift",
        "my shift",
        "ward round",
        "in resus",
        "her son",
        "his son",
        "her daughter",
        "his daughter",
        "her husband",
        "his wife",
        "his partner",
        "her partner",
        "her mum",
        "his mum",
        "her mother",
        "his mother",
        "her dad",
        "his dad",
        "her father",
        "his father",
        "the family",
        "next of kin",
        "nok",
        "relatives",
        "bed",
        "bay",
        "side room",
        "cubicle",
        "dob",
        "d.o.b",
        "mrn",
        "nhs no",
        "hospital number",
        "i saw",
        "we saw",
        "just saw",
        "saw a",
        "i treated",
        "we treated",
        "i admitted",
        "i discharged",
        "my clinic",
        "in theatre",
        "on the table",
        "coded",
        "passed away",
        "died",
        "diagnosed",
        "referred",
        "sectioned",
        "intubated",
        "her scan",
        "his scan",
        "her bloods",
        "his bloods",
        "yo",
        "y/o",
        "year-old",
        "year old",
        "years old",
        "lives at",
        "lives in",
        "home to",
        "visiting",
        "grandson",
        "granddaughter",
        "grandma",
        "grandad",
        "nan",
        "bedside",
        "his stroke",
        "her stroke",
        "his surgery",
        "her surgery",
        "his op",
        "her op",
        "his transplant",
        "her transplant",
        "his chemo",
        "her chemo",
        "his diagnosis",
        "her diagnosis",
        "her baby",
        "his baby",
        "his last",
        "her last",
        "his first",
        "her first",
        "since his",
        "since her",
        "my icu",
        "my ward",
        "my list",
        "walked out",
        "went home",
        "your appointment",
        "your visit",
        "your care",
        "your treatment",
        "your records",
        "your results",
        "your procedure",
        "your surgery",
        "you were seen",
        "your son",
        "your daughter",
        "your mother",
        "your father",
        "your wife",
        "your husband",
        "chemo",
        "hosp no",
        "sent home",
        "home today",
        "delivered",
        "in our unit",
        "on the ward",
        "home visit",
        "with us",
        "lady in",
        "man in",
        "woman in",
        "gentleman in",
        "bloke in",
        "guy in",
        "the lady",
        "the gentleman",
        "die at home",
        "died at home",
        "wanted to die",
        "mr",
        "mrs",
        "mr.",
        "mrs.",
        "mme",
        "little",
        "my 1",
        "my 2",
        "my 3",
        "my 4",
        "my 5",
        "my 6",
        "my 7",
        "my 8",
        "my 9",
    ])
});

static PUBLIC_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "parental leave",
        "maternity leave",
        "covering",
        "clinic update",
        "locum",
        "update",
        "presentation",
        "q&a",
        "hall",
        "posters",
        "save the date",
        "cpd",
        "hotline",
        "sessions",
        "late-breakers",
        "professor",
        "keynote",
        "panel",
        "conference room",
        "vale",
        "rest easy",
        "rest in peace",
        "rip",
        "obituary",
        "in memoriam",
        "mentor",
        "mentored",
        "hiring",
        "we're hiring",
        "recruiter",
        "salary",
        "sign-on",
        "job",
        "jobs",
        "vacancy",
        "apply",
        "we're moving",
        "we've moved",
        "moving",
        "walk-in",
        "all welcome",
        "everyone's welcome",
        "free parking",
        "call reception",
        "next one",
        "starting monday",
        "new address",
        "open",
        "opening",
        "session",
        "booster",
        "boosters",
        "eligible",
        "et al",
        "study",
        "trial",
        "published",
        "journal",
        "paper",
        "doi",
        "pmid",
        "conference",
        "congress",
        "webinar",
        "register",
        "registration",
        "join us",
        "speaking",
        "talk",
        "poster",
        "abstract",
        "guideline",
        "guidelines",
        "campaign",
        "awareness",
        "statistics",
        "per cent",
        "percent",
        "survey",
        "data",
        "announce",
        "announcing",
        "launch",
        "clinic hours",
        "opening hours",
        "book now",
        "appointments available",
        "vaccine clinic",
        "flu clinic",
        "congrats",
        "congratulations",
        "welcome",
        "shout-out",
        "shoutout",
        "thanks to",
        "thank you to",
        "proud of",
        "colleague",
        "colleagues",
        "team",
        "nurses",
        "residents",
        "dosing",
        "mg/kg",
        "meded",
        "opens",
        "now open",
        "to book",
        "accepting new patients",
        "new patients",
        "recruiting",
        "enrolling",
        "participants",
        "audit",
        "my practice",
        "our practice",
        "our surgery",
        "median",
        "cohort",
    ])
});

static TIME_ANCHORS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "today",
        "tonight",
        "this morning",
        "this afternoon",
        "this evening",
        "last night",
        "yesterday",
        "overnight",
        "earlier",
        "just now",
        "this week",
        "on monday",
        "on tuesday",
        "on wednesday",
        "on thursday",
        "on friday",
        "on saturday",
        "on sunday",
        "at 3am",
        "at 2am",
        "at 4am",
        "at 1am",
        "at 5am",
        "last week",
        "last weekend",
        "this weekend",
        "night shift",
        "this shift",
        "last shift",
    ])
});

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
