//! Where a patient is: ward, bed, bay, room and cubicle numbers in a patient story, and a
//! patient's town, neighbourhood, school or workplace. Countries, states and places in news
//! or announcements are not identifiers.

use super::CONTEXT_GUIDANCE;
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::name_words::name_word_end;
use crate::lexicon::{gated, WordSet};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::ops::Range;
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[WARD_BED_ROOM, PATIENT_PLACE];

pub const WARD_BED_ROOM: Rule = Rule {
    id: "phi/ward-bed-room",
    kind: Kind::Place,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Ward, bed or room",
    message: "A ward, bed or room number points to one patient.",
    what: "Ward, bed, bay, room, cubicle, side-room and resus numbers in a post about a patient.",
    why: "Staff, visitors and the patient's family know who was in bed 12 on Ward 7 that day: with the story, the number identifies the patient to everyone around them.",
    fix: "Leave out the ward, bed or room (\"on the ward\").",
    suggestions: &["", "on the ward"],
    guidance: CONTEXT_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "Saw Mrs Okafor in bed 12 on Ward 7 this morning"),
            ex("the 'chronic pain' lady in room 12 wants to speak to a manager"),
            ex_in(Region::Uk, "Son of my patient in Resus 2 last night parked badly"),
        ],
        pass: &[
            ex_in(Region::Uk, "Ward 7 nurses raised £2,000 for the hospice"),
            ex("Room 101 is a great novel"),
        ],
    },
};

pub const PATIENT_PLACE: Rule = Rule {
    id: "phi/patient-place",
    kind: Kind::Place,
    severity: Severity::Caution,
    stop_in: &[],
    name: "Patient's town, school or workplace",
    message: "Naming where a patient lives, studies or works can identify them.",
    what: "A town, suburb, school or workplace tied to a patient in a story (\"from Kalgoorlie\", \"lives in Kilburn\", \"Year 2 at Narrabeen North Public\").",
    why: "In a small place, \"the 23-year-old from Kalgoorlie\" is one person that neighbours and colleagues will recognise. Place below the level of a state is a Safe Harbor identifier.",
    fix: "Drop the place or widen it (\"a rural town\", \"a local school\").",
    suggestions: &["", "a local area"],
    guidance: CONTEXT_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Au, "Little Aiden (5) from Kalgoorlie flew 600 km with his mum"),
            ex_in(Region::Uk, "Mr Tran wanted to die at home in Kilburn, with his sisters"),
            ex("my patient drives a school bus in Joliet and came in today"),
            ex_in(Region::Uk, "Year 9 girl from Westfield High came in today"),
        ],
        pass: &[
            ex_in(Region::Ca, "Publicly funded in Ontario for 65-70 year olds"),
            ex("Speaking at the conference in Chicago next week"),
            ex_in(Region::Uk, "My patient came in from A&E in March"),
            ex("Our patient was airlifted from I-95 mile 42 after the crash"),
            ex("Love my patients in Tulsa, best part of the job"),
        ],
    },
};

static PREPOSITIONS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/prepositions.txt")));

/// A capitalised place name after a preposition, as (the preposition, the place): up to four
/// words of two letters or more, which "on", "at" or "in" may join ("from Stratford on
/// Avon", "in the Blue Mountains").
fn places_after_prepositions(
    text: &str,
) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    // Two letters or more, and not the start of a road or a code ("from I-95", "off the M25").
    let place_word = |at: usize| {
        name_word_end(text, at).filter(|&end| {
            text[at..end].chars().nth(1).is_some()
                && !text[at..end].ends_with('-')
                && !text[end..].starts_with(|c: char| c.is_ascii_digit())
        })
    };
    PREPOSITIONS.find_then(text, move |prep| {
        if text[prep.clone()].bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let mut at = prep.end + space(text, prep.end)?;
        if text[at..].starts_with("the") {
            at += space(text, at + 3).map_or(0, |n| 3 + n);
        }
        let mut end = place_word(at)?;
        for _ in 0..3 {
            let Some(gap) = space(text, end) else { break };
            let mut next = end + gap;
            if ["on", "at", "in"]
                .iter()
                .any(|j| text[next..].starts_with(j))
            {
                next += space(text, next + 2).map_or(0, |n| 2 + n);
            }
            match place_word(next) {
                Some(e) => end = e,
                None => break,
            }
        }
        Some(at..end)
    })
}

/// The length of the whitespace character at `at`, if there is one.
fn space(text: &str, at: usize) -> Option<usize> {
    let c = text.get(at..)?.chars().next()?;
    c.is_whitespace().then(|| c.len_utf8())
}

/// Capitalised words after "in/from/at" that are not places a patient can be found by:
/// countries, states and provinces, months, days, services and common words.
static NOT_A_PLACE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/not-a-place.txt")));

/// Words before the preposition that tie the place to a person rather than to an event.
static PERSON_BEFORE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/person-before.txt")));

/// A place's span with the number that completes its name: "Station 12", "Pier 39".
fn with_number(ctx: &Ctx, r: Range<usize>) -> Range<usize> {
    let after = &ctx.text[r.end..];
    let digits = after.strip_prefix(' ').map_or(0, |rest| {
        rest.bytes().take_while(u8::is_ascii_digit).count()
    });
    let whole = digits > 0
        && digits <= 4
        && !after[1 + digits..].starts_with(|c: char| c.is_alphanumeric());
    if whole {
        r.start..r.end + 1 + digits
    } else {
        r
    }
}

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    for m in gated(ctx.digits, || pattern::WARD.find_iter(ctx.lower)) {
        // "Room 2.14" is a conference room number, not a bed.
        let after = ctx.lower_after(m.end(), 2);
        if after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if ctx.frame.patient_story_at(m.start()) && !is_public_sentence(ctx, m.start()) {
            hits.push(Hit::new(&WARD_BED_ROOM, m.range()));
        }
    }
    let signed = ctx.may_sign_a_quote();
    for c in gated(signed, || pattern::SIGNATURE_PLACE.captures_iter(ctx.text)) {
        let g = c.name("place").expect("place group");
        if !is_whole(&NOT_A_PLACE, &ctx.lower[g.range()]) {
            hits.push(Hit::new(&PATIENT_PLACE, g.range()));
        }
    }
    let schools = ctx.mentions(&[
        "high",
        "primary",
        "elementary",
        "public",
        "academy",
        "secondary",
        "grammar",
        "middle",
        "junior",
        "infants",
        "montessori",
    ]);
    for m in gated(schools, || pattern::SCHOOL.find_iter(ctx.text)) {
        if ctx.frame.patient_story_at(m.start()) {
            hits.push(Hit::new(&PATIENT_PLACE, m.range()));
        }
    }
    // Without a patient cue anywhere, no sentence is a patient story.
    let cued = ctx.frame.post_patient_cues > 0;
    for (prep_span, place) in gated(cued, || places_after_prepositions(ctx.text)) {
        let prep = &ctx.lower[prep_span.clone()];
        let lower = &ctx.lower[place.clone()];
        let first_word = lower.split(' ').next().unwrap_or("");
        if is_whole(&NOT_A_PLACE, first_word)
            || is_whole(&NOT_A_PLACE, lower)
            || !ctx.frame.patient_story_at(place.start)
            || is_public_sentence(ctx, place.start)
        {
            continue;
        }
        let before = ctx.lower_before(prep_span.start, 28);
        // "my patients in Tulsa": where the author practises, not where a patient is.
        if ["patients", "clients", "families"]
            .iter()
            .any(|p| before.trim_end().ends_with(p))
        {
            continue;
        }
        let acronym = lower.len() <= 4 && ctx.text[place.clone()].chars().all(|c| c.is_uppercase());
        if acronym && !(before.contains("work") || before.contains("shift")) {
            continue;
        }
        let sentence_cues = ctx
            .frame
            .sentence_at(place.start)
            .map_or(0, |s| s.patient_cues);
        let tied = PERSON_BEFORE.is_in(before)
            || before.trim_end().ends_with(')')
            || prep == "from"
            || (sentence_cues > 0 && matches!(prep, "in" | "at"));
        if tied && !looks_like_person(ctx, place.clone()) {
            hits.push(Hit::new(&PATIENT_PLACE, with_number(ctx, place)));
        }
    }
}

fn is_whole(set: &WordSet, s: &str) -> bool {
    set.find_iter(s)
        .any(|(r, _)| r.start == 0 && r.end == s.len())
}

/// "to Mrs Smith", "from Dr Patel": a titled person, not a place.
fn looks_like_person(ctx: &Ctx, r: std::ops::Range<usize>) -> bool {
    let w = &ctx.lower[r];
    w.split_once(' ')
        .is_some_and(|(first, _)| super::names::is_title(first.trim_end_matches('.')))
}

/// Sentences about fundraising, events or services rather than a patient.
fn is_public_sentence(ctx: &Ctx, at: usize) -> bool {
    ctx.frame
        .sentence_at(at)
        .is_some_and(|s| s.public_cues > 0 && s.patient_cues == 0)
}

#[cfg(test)]
mod tests {
    use super::places_after_prepositions;
    use crate::{check, Config};

    #[test]
    fn places_follow_lowercase_prepositions() {
        let text =
            "Moved from Stratford on Avon to the Blue Mountains, In Leeds, near\nBath, at X.";
        let found: Vec<(&str, &str)> = places_after_prepositions(text)
            .map(|(p, r)| (&text[p], &text[r]))
            .collect();
        assert_eq!(
            found,
            [
                ("from", "Stratford on Avon"),
                ("to", "Blue Mountains"),
                ("near", "Bath")
            ]
        );
    }

    #[test]
    fn a_place_keeps_the_number_in_its_name() {
        let text = "A 45-year-old firefighter from Station 12 came in with burns yesterday.";
        let places: Vec<&str> = check(text, &Config::default())
            .into_iter()
            .filter(|f| f.rule == "phi/patient-place")
            .map(|f| &text[f.span])
            .collect();
        assert_eq!(places, ["Station 12"]);
    }
}
