//! Names of patients and relatives: titled names ("Mrs Okafor", "MRS FATIMA BEGUM"), names
//! introduced by a patient or family cue ("her daughter Priya", "pt Autumn", "Hi Kylie"),
//! names from the name lists in a patient story, record-style "SURNAME, First", initials,
//! and every later mention of a name already found. Colleagues ("Dr Patel", "our reg Tom"),
//! study authors ("Smith et al."), eponyms ("Parkinson's") and hashtags are left alone.

use super::IDENTIFIER_GUIDANCE;
use crate::config::{Region, Sensitivity};
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::lines;
use crate::lexicon::name_words::{self, any_word_end, blanks, name_word_end, run_end, Joins};
use crate::lexicon::names::{in_list, without_possessive, AMBIGUOUS_STRICT, FIRST_NAMES, SURNAMES};
use crate::lexicon::{gated, vocab, SortedLines, WordList, WordSet};
use crate::model::hash::FnvSet;
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[PERSON_NAME];

pub const PERSON_NAME: Rule = Rule {
    id: "phi/person-name",
    kind: Kind::Name,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Patient's or relative's name",
    message: "This may be a patient's or relative's name.",
    what: "Names of patients and their relatives, whole or in part: titled names, first names and nicknames introduced by a patient or family cue, record-style \"SURNAME, First\", initials, in any case and across line breaks.",
    why: "A name is the most direct identifier there is. Even a first name, with the story around it, lets the patient, their family and their neighbours recognise them, and tells everyone that they are your patient.",
    fix: "Leave the name out (\"a patient\", \"her daughter\"), or change it and say the details were changed.",
    suggestions: &["a patient", ""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "Saw Mrs Okafor (94) in bed 12 this morning"),
            ex_in(Region::Uk, "her daughter Priya called from 07700 900123"),
            ex("My 38yo pt Autumn had her baby on the first day of autumn"),
            ex("Wristband printer produced \"HERNANDEZ, MARIA J / DOB 11/02/1947\""),
            ex("verbatim: \"Pt J.S., DOB 03/04/1951, presents with chest pain\""),
            ex_in(Region::Au, "Little Aiden (5) from Kalgoorlie flew 600 km"),
            ex("Today\nHarold\nBlackwood\nwalked 50 feet after his stroke"),
            ex_in(Region::Uk, "Saw Mrs Оkafor in clinic today, her hip is healing well"),
            ex_in(Region::Uk, "bleep: \"doctor, DAVID JONES in side room 2 wants to go home\""),
            ex_in(Region::Au, "Sunny (7) kept her sunny disposition through a femoral fracture and 3 weeks of traction"),
            ex("My patient Okonkwo finally went home today"),
        ],
        pass: &[
            ex_in(Region::Uk, "Flu clinic Sat 12 Oct at the practice, thanks @NHSEngland and Dr Patel"),
            ex("Patterson et al. 2021 showed a benefit"),
            ex("New data on Parkinson's and Hashimoto's thyroiditis"),
            ex("Will the new rota help? May is busy."),
            ex_in(Region::Uk, "Our reg Tom was brilliant on nights"),
            ex("Hope you all have a restful weekend"),
            ex("See Figure (2) and Table (3) for the 2023 audit results"),
            ex("Patient Safety Week starts Monday: join our Patient Experience team in the atrium"),
            ex("Pt DOB and MRN on every form. Pt Hx of COPD, GCS 15, HbA1c 9%, pt Denies chest pain"),
            ex("Log in to the Patient Portal to see your results"),
            ex("Watched Grey's Anatomy with my wife Jenny tonight, so unrealistic"),
            ex("Little Rock ER was slammed tonight, shoutout to the night crew"),
        ],
    },
};

/// Names that are also ordinary or clinical words: only a title or a cue makes them names.
static AMBIGUOUS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(&lines(include_str!("../../data/phi/ambiguous.txt"))));

/// Words that make the next name a colleague or a public figure, not a patient.
static COLLEAGUE_BEFORE: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(&lines(include_str!("../../data/phi/colleague-before.txt"))));

static EPONYMS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(&lines(include_str!("../../data/phi/eponyms.txt"))));

/// Titles before a patient's name ("Mrs", "Sra.", "Herr"), with their full stops: the
/// courtesy titles less those of office and rank ("Dr", "Sir", "Lady"), whose names are
/// colleagues' and public figures'.
static NAME_TITLES: LazyLock<WordSet> = LazyLock::new(|| {
    let titles: Vec<String> = lines(vocab::text("titles"))
        .into_iter()
        .filter(|t| !COLLEAGUE_BEFORE.contains(t))
        .flat_map(|t| {
            let dotted = (!t.ends_with('.')).then(|| format!("{t}."));
            std::iter::once(t.to_string()).chain(dotted)
        })
        .collect();
    WordSet::new(&titles.iter().map(String::as_str).collect::<Vec<_>>())
});

/// A title and the name after it, as (where the title starts, the name); the name may be
/// lowercase or ALL CAPS, may run over a line break and may have an emoji in the middle.
fn titled_names(text: &str) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    let joins = Joins {
        more: 2,
        newline: true,
        symbol: true,
    };
    NAME_TITLES
        .find_then(text, move |title| {
            let gap = blanks(&text[title.end..]);
            if gap == 0 {
                return None;
            }
            let start = title.end + gap;
            Some(start..run_end(text, any_word_end(text, start)?, joins))
        })
        .map(|(title, name)| (title.start, name))
}

/// Patient and family cues that a name may follow ("pt", "her daughter", "Hi"): the cues,
/// and each relative after an owner. Not "my": the author's own family are not patients
/// ("with my wife Jenny").
static NAME_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    let owners = ["her", "his", "their", "the"];
    let family: Vec<String> = (owners.iter())
        .flat_map(|o| {
            lines(RELATIVES)
                .into_iter()
                .map(move |r| format!("{o} {r}"))
        })
        .collect();
    let cues = lines(include_str!("../../data/phi/name-cues.txt"))
        .into_iter()
        .chain(family.iter().map(String::as_str))
        .collect::<Vec<_>>();
    WordSet::new(&cues)
});

/// A patient or family cue and the name after it, as (the cue, the name): up to four
/// capitalised words after blanks and one opening mark (",", "(", ":", a quote).
fn cued_names(text: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    let joins = Joins {
        more: 3,
        newline: true,
        symbol: false,
    };
    NAME_CUES.find_then(text, move |cue| {
        let mut at = cue.end + blanks(&text[cue.end..]);
        if let Some(c) = text[at..]
            .chars()
            .next()
            .filter(|c| matches!(c, ',' | '(' | ':' | '\u{201C}' | '"'))
        {
            at += c.len_utf8();
            at += blanks(&text[at..]);
        }
        Some(at..run_end(text, name_word_end(text, at)?, joins))
    })
}

/// The name after "and", "&" or "+" at `at`, joining a second name to one already found:
/// "Twins Faith and Harmony", "Lachie + Mia".
fn sibling_at(text: &str, at: usize) -> Option<Range<usize>> {
    let mut i = at + blanks(&text[at..]);
    let joiner = ["and", "&", "+"]
        .into_iter()
        .find(|j| text[i..].starts_with(j))?;
    i += joiner.len();
    let gap = blanks(&text[i..]);
    if gap == 0 {
        return None;
    }
    i += gap;
    Some(i..name_word_end(text, i)?)
}

fn add_siblings(ctx: &Ctx, found: &mut Vec<Range<usize>>) {
    let mut extra = Vec::new();
    for r in found.iter() {
        if let Some(span) = sibling_at(ctx.text, r.end) {
            if !is_excluded(ctx, span.clone()) {
                extra.push(span);
            }
        }
    }
    found.extend(extra);
}

/// Dotted abbreviations that look like a person's initials ("U.S.", "M.D.", "I.V.").
static NOT_INITIALS: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(&lines(include_str!("../../data/phi/not-initials.txt"))));

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let mut found: Vec<Range<usize>> = Vec::new();
    let story = ctx.frame.is_patient_story();

    for (title_start, name) in titled_names(ctx.text) {
        // "520 ms. What's": a unit after a number, not a title.
        if ctx
            .lower_before(title_start, 2)
            .trim_end()
            .ends_with(|ch: char| ch.is_ascii_digit())
        {
            continue;
        }
        let r = trim_name(ctx, name, true);
        if !r.is_empty() && !is_excluded(ctx, r.clone()) {
            found.push(r);
        }
    }
    for (cue_span, name) in cued_names(ctx.text) {
        let cue = &ctx.lower[cue_span.clone()];
        let r = trim_name(ctx, name, false);
        if r.is_empty() || is_excluded(ctx, r.clone()) {
            continue;
        }
        let first = first_word(&ctx.text[r.clone()]);
        let strong_cue = !matches!(
            cue,
            "hi" | "hey"
                | "dear"
                | "sorry"
                | "congrats to"
                | "congratulations to"
                | "huge congrats to"
                | "meet"
                | "throwback to"
                | "happy birthday"
                | "for"
                | "little"
                | "love the"
                | "love, the"
                | "re:"
                | "twins"
                | "client"
                | "resident"
        ) && !cue.starts_with("shout");
        let listed = in_list(&FIRST_NAMES, first) || in_list(&SURNAMES, first);
        let common = is_ambiguous(first);
        if is_shorthand(ctx.text, r.start, first, listed) {
            continue;
        }
        let patient_cue = cue.starts_with("pt") || cue.contains("patient");
        // "Patient Kath Brennan": a listed surname vouches for the first word.
        let any_listed = ctx.text[r.clone()]
            .split_whitespace()
            .any(|w| in_list(&FIRST_NAMES, w) || in_list(&SURNAMES, w));
        let accept = if patient_cue && !any_listed {
            // Words the lists do not know after "patient" are a name only in running text
            // ("my patient Okonkwo"), not in a title ("Patient Safety Week", "the Patient
            // Portal"), and not if it reads as a verb or a plural ("pt Denies", "patient
            // Voices").
            let titled = ctx.text[cue_span.clone()]
                .split_whitespace()
                .last()
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()));
            let lower = first.to_lowercase();
            !titled && !common && !["s", "ed", "ing"].iter().any(|e| lower.ends_with(e))
        } else if strong_cue {
            !common || cue.contains("name") || patient_cue || cue.starts_with("naming")
        } else {
            // "Little Rock ER": a word before a unit's acronym names a place.
            let unit_after = ctx.text[r.end..]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .is_some_and(is_unit_acronym);
            listed
                && !common
                && !unit_after
                && (story || matches!(cue, "hi" | "dear" | "sorry" | "re:"))
        };
        if accept {
            found.push(r);
        }
    }
    // A record-style name has a capital just before its comma.
    let record = ctx.text.match_indices(',').any(|(i, _)| {
        ctx.text[..i]
            .chars()
            .next_back()
            .is_some_and(name_words::is_upper)
    });
    for c in gated(record, || pattern::RECORD.captures_iter(ctx.text)) {
        let g = c.name("name").expect("name group");
        let surname = g.as_str().split(',').next().unwrap_or("");
        let given = first_word(g.as_str().split(", ").nth(1).unwrap_or(""));
        if in_list(&SURNAMES, surname) || in_list(&FIRST_NAMES, given) {
            found.push(g.range());
        }
    }
    if story || ctx.config.sensitivity == Sensitivity::High {
        for c in gated(ctx.digits, || pattern::NAME_AGE.captures_iter(ctx.text)) {
            let g = c.name("name").expect("name group");
            let r = trim_name(ctx, after_title(ctx, g.range()), false);
            let first = first_word(&ctx.text[r.clone()]);
            if !r.is_empty()
                && !is_excluded(ctx, r.clone())
                && !AMBIGUOUS_STRICT.contains(first)
                && !after_a_preposition(ctx, r.start)
            {
                found.push(r);
            }
        }
        let mut taken = Taken::new(&found);
        for m in name_words::runs(ctx.text) {
            if !ctx.frame.patient_story_at(m.start) {
                continue;
            }
            // Try the run from each of its words: "Today Harold Blackwood" holds a name
            // that starts at its second word.
            for (offset, _) in word_starts(&ctx.text[m.clone()]) {
                let r = trim_name(ctx, m.start + offset..m.end, false);
                if r.is_empty() || is_excluded(ctx, r.clone()) || taken.overlaps(&r) {
                    continue;
                }
                // "K. Williams": an initial before a listed surname.
                let surname = first_word(&ctx.text[r.clone()]);
                if let Some(initial) = initial_before(ctx.text, r.start) {
                    if in_list(&SURNAMES, surname) && !is_ambiguous(surname) {
                        let r = initial..r.start + surname.len();
                        taken.insert(r.clone());
                        found.push(r);
                        break;
                    }
                }
                if listed_name(ctx, r.clone())
                    && !after_a_preposition(ctx, r.start)
                    && ctx.config.sensitivity > Sensitivity::Low
                {
                    taken.insert(r.clone());
                    found.push(r);
                    break;
                }
            }
        }
        let initial = ctx
            .text
            .as_bytes()
            .windows(2)
            .any(|w| w[0].is_ascii_uppercase() && w[1] == b'.');
        for m in gated(initial, || pattern::INITIALS.find_iter(ctx.text)) {
            let s = m.as_str().replace(' ', "");
            let after_ok = !ctx.text[m.end()..].starts_with(|c: char| c.is_ascii_alphabetic());
            if after_ok && !NOT_INITIALS.contains(&s) && ctx.frame.patient_story_at(m.start()) {
                found.push(m.range());
            }
        }
    }
    let signed = ctx.may_sign_a_quote();
    for c in gated(signed, || pattern::SIGNATURE.captures_iter(ctx.text)) {
        let g = c.name("name").expect("name group");
        if !is_excluded(ctx, g.range()) {
            found.push(g.range());
        }
    }
    add_siblings(ctx, &mut found);
    propagate(ctx, &mut found);
    for r in found {
        hits.push(Hit::new(&PERSON_NAME, r));
    }
}

/// Words that make "First Word" an institution or a condition rather than a full name.
static INSTITUTION: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(&lines(include_str!("../../data/phi/institution.txt"))));

/// Capitalised words that are never a person's name in a post: titles of office, question
/// words, clinical readings.
static NOT_NAMES: LazyLock<WordList> =
    LazyLock::new(|| WordList::new(&lines(include_str!("../../data/phi/not-names.txt"))));

/// Whether the word at `at` follows a preposition of place ("from Dubbo, 93"): a town, not
/// a name.
fn after_a_preposition(ctx: &Ctx, at: usize) -> bool {
    let previous = ctx.lower_before(at, 12).split_whitespace().last();
    previous.is_some_and(|p| SortedLines(PREPOSITIONS).contains(p))
}

/// Prepositions of place, as `phi::places` reads them.
const PREPOSITIONS: &str = include_str!("../../data/phi/prepositions.txt");

/// Relatives a patient's name may own: "Priya's mum".
const RELATIVES: &str = include_str!("../../data/phi/relatives.txt");

/// The start of a single capital initial ("K. " or "K.") right before `at`.
fn initial_before(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].trim_end_matches(' ').as_bytes();
    let n = before.len();
    let is_initial = n >= 2
        && before[n - 1] == b'.'
        && before[n - 2].is_ascii_uppercase()
        && (n == 2 || !before[n - 3].is_ascii_alphanumeric() && before[n - 3] != b'.');
    is_initial.then(|| n - 2)
}

/// Clinical shorthand where a name could follow a cue ("Pt DOB 3/14", "pt Hx of COPD",
/// "patient HbA1c 9%"): a word that runs into digits, an acronym the name lists do not hold
/// (or of three letters or fewer), or a word of one or two letters that is not a listed
/// first name.
fn is_shorthand(text: &str, start: usize, first: &str, listed: bool) -> bool {
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    let runs_into_digits = text[start + first.len()..].starts_with(|c: char| c.is_ascii_digit());
    let acronym = letters >= 2 && !first.chars().any(char::is_lowercase);
    runs_into_digits
        || (acronym && (letters <= 3 || !listed))
        || (letters <= 2 && !in_list(&FIRST_NAMES, first))
}

/// A ward's or unit's acronym ("ER", "ICU"): two or three capitals, not an initial.
fn is_unit_acronym(word: &str) -> bool {
    (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_ambiguous(word: &str) -> bool {
    AMBIGUOUS.contains(word)
}

/// A run of capitalised words that the name lists recognise: a first name (not an ordinary
/// word), or first name + surname, and not at the start of a sentence unless it is a full
/// name.
fn listed_name(ctx: &Ctx, r: Range<usize>) -> bool {
    let words: Vec<&str> = ctx.text[r.clone()].split_whitespace().collect();
    let first = words[0];
    let is_first = in_list(&FIRST_NAMES, first) && !is_ambiguous(first);
    let full = words.len() >= 2
        && in_list(&FIRST_NAMES, first)
        && !is_ambiguous(words[1])
        && (in_list(&SURNAMES, words[1])
            || (!is_ambiguous(first) && !INSTITUTION.contains(words[1])));
    let sentence_start = ctx
        .frame
        .sentence_at(r.start)
        .is_some_and(|s| ctx.text[s.span.start..r.start].trim().is_empty());
    let all_caps = first.len() > 1 && first.chars().all(|c| !c.is_lowercase());
    let vocative =
        ctx.text[r.end..].starts_with([',', '!']) || ctx.lower[r.end..].starts_with(" mate");
    // "Priya's mum brought cake": a name that owns a relative.
    let after = ctx.lower_after(r.end, 16);
    let relative = match after.strip_prefix("'s ") {
        Some(rest) => rest,
        None if ctx.lower[r.clone()].ends_with("'s") => after.trim_start(),
        None => "",
    };
    let with_relative = RELATIVES
        .lines()
        .any(|r| r == relative.split_whitespace().next().unwrap_or(""));
    // "Jim from bay 6": a name placed in a bed.
    let in_a_bed = [" from ", " in ", " on "].iter().any(|p| {
        after.strip_prefix(p).is_some_and(|rest| {
            ["bay ", "bed ", "room ", "cubicle ", "ward ", "side room"]
                .iter()
                .any(|b| rest.starts_with(b))
        })
    });
    let caps_full = all_caps
        && words.len() >= 2
        && !is_ambiguous(first)
        && !is_ambiguous(words[1])
        && in_list(&FIRST_NAMES, first)
        && in_list(&SURNAMES, words[1]);
    (full && !all_caps)
        || caps_full
        || (is_first && !all_caps && (!sentence_start || vocative || with_relative || in_a_bed))
}

/// Drops leading non-name words and trailing words that are not names (sentence-initial
/// capitals, "I", days, eponym suffixes), and single letters.
fn trim_name(ctx: &Ctx, r: Range<usize>, titled: bool) -> Range<usize> {
    let text = &ctx.text[r.clone()];
    let mut end = r.start;
    let mut offset = 0;
    for (i, word) in text.split_inclusive([' ', '\t', '\n']).enumerate() {
        let w = word.trim_end();
        let clean = without_possessive(w).trim_end_matches('\'');
        // "Little Rock ER", "Sam ICU": a unit's acronym after a name is not part of it.
        let stop = clean.is_empty()
            || (i > 0 && !titled && is_unit_acronym(clean) && !in_list(&SURNAMES, clean))
            || (i > 0 && (is_ambiguous(clean) && !in_list(&SURNAMES, clean)))
            || (i > 0 && !titled && !clean.starts_with(|c: char| c.is_uppercase()))
            || (i == 0 && !titled && clean.chars().count() < 2)
            || ["I", "I'm", "I've", "I'd"].contains(&clean);
        if stop {
            break;
        }
        if i > 0
            && titled
            && !clean.starts_with(|c: char| c.is_uppercase())
            && !clean.chars().all(|c| c.is_uppercase())
        {
            break;
        }
        end = r.start + offset + clean.len();
        offset += word.len();
    }
    // A lowercase word after a title is a name only if it is in the lists ("mrs pennington").
    let name = &ctx.text[r.start..end];
    if titled
        && name.starts_with(|c: char| c.is_lowercase())
        && !in_list(&SURNAMES, first_word(name))
        && !in_list(&FIRST_NAMES, first_word(name))
    {
        return r.start..r.start;
    }
    r.start..end
}

/// Professional titles before a name ("Dr", "Prof", "Nurse").
const PROFESSIONAL_TITLES: &str = include_str!("../../data/phi/professional-titles.txt");

/// Whether `word` (lowercase, without a full stop) is a title, courtesy or professional
/// ("mrs", "dr"): never a name on its own. Asked of every name candidate, so both lists
/// are binary searches.
pub(crate) fn is_title(word: &str) -> bool {
    vocab::lists("titles", word) || SortedLines(PROFESSIONAL_TITLES).contains(word)
}

/// The part of a capitalised run after its last title or leading ordinary word: "Saw Mrs
/// Okafor (94)" names Okafor.
fn after_title(ctx: &Ctx, r: Range<usize>) -> Range<usize> {
    let text = &ctx.text[r.clone()];
    let mut start = r.start;
    for (offset, word) in word_starts(text) {
        let w = word.trim_end_matches('.').to_lowercase();
        let title = is_title(&w);
        let ordinary = offset == 0 && !in_list(&FIRST_NAMES, word) && !in_list(&SURNAMES, word);
        if title || (ordinary && text.len() > word.len()) {
            start = r.start + offset + word.len();
        }
    }
    while start < r.end && ctx.text.as_bytes()[start].is_ascii_whitespace() {
        start += 1;
    }
    start..r.end
}

/// Byte offsets of the words of `s` (split on spaces, tabs and line breaks).
fn word_starts(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_inclusive([' ', '\t', '\n']).scan(0, |at, w| {
        let start = *at;
        *at += w.len();
        Some((start, w.trim_end()))
    })
}

fn first_word(s: &str) -> &str {
    s.split_whitespace()
        .next()
        .unwrap_or("")
        .trim_end_matches([',', '.', '\'', ')'])
}

/// Colleagues, study authors, eponyms and hashtags are not patients.
fn is_excluded(ctx: &Ctx, r: Range<usize>) -> bool {
    let before = ctx.lower_before(r.start, 20);
    let after = ctx.lower_after(r.end, 24);
    let name = without_possessive(&ctx.lower[r.clone()]);
    let last_before = before.split_whitespace().next_back().unwrap_or("");
    let two_before = last_two_words(before);
    before.ends_with('#')
        || before.ends_with('@')
        || is_title(name.trim_end_matches('.'))
        || (is_whole_word(&COLLEAGUE_BEFORE, last_before)
            && !after_possessive(before)
            && !addressed(last_before))
        || is_whole_word(&COLLEAGUE_BEFORE, &two_before)
        || after.starts_with(" et al")
        || after.starts_with(" and colleagues")
        || after.trim_start().starts_with("(19")
        || after.trim_start().starts_with("(20")
        || is_whole_word(&NOT_NAMES, first_word(name))
        || is_whole_word(&EPONYMS, name)
        || is_whole_word(&EPONYMS, first_word(name))
        || ctx
            .config
            .allow
            .iter()
            .any(|a| a.to_lowercase().contains(name))
}

/// The last two words of `s`, joined by one space ("on call"): borrowed when `s` has them
/// so already.
fn last_two_words(s: &str) -> Cow<'_, str> {
    let mut words = s.split_whitespace();
    let (Some(last), Some(before)) = (words.next_back(), words.next_back()) else {
        return Cow::Borrowed(s.split_whitespace().next_back().unwrap_or(""));
    };
    // Both words are slices of `s`: if one space joins them, the span is the answer.
    let start = before.as_ptr() as usize - s.as_ptr() as usize;
    let end = last.as_ptr() as usize - s.as_ptr() as usize + last.len();
    let span = &s[start..end];
    if span.len() == before.len() + 1 + last.len() && span.as_bytes()[before.len()] == b' ' {
        Cow::Borrowed(span)
    } else {
        Cow::Owned(format!("{before} {last}"))
    }
}

/// "doctor, David Jones wants to go home": a role word with a comma or a colon after it is
/// someone being spoken to, not the title of the name that follows.
fn addressed(word: &str) -> bool {
    word.ends_with([',', ':', ';', '!', '?'])
}

/// "her sister", "his nurse": a relative or the patient's own carer, not a colleague.
fn after_possessive(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    words.len() >= 2
        && ["her", "his", "their", "my", "your", "our"].contains(&words[words.len() - 2])
        && !words[words.len() - 2].eq("our")
}

fn is_whole_word(set: &WordList, s: &str) -> bool {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
    !s.is_empty() && set.contains(s)
}

/// Spans already taken by a name, for overlap queries in logarithmic time.
struct Taken(std::collections::BTreeMap<usize, usize>);

impl Taken {
    fn new(spans: &[Range<usize>]) -> Taken {
        let mut t = Taken(std::collections::BTreeMap::new());
        for r in spans {
            t.insert(r.clone());
        }
        t
    }

    fn insert(&mut self, r: Range<usize>) {
        let end = self.0.entry(r.start).or_insert(r.end);
        *end = (*end).max(r.end);
    }

    /// Whether `r` overlaps a taken span. Names are short, so looking back a few is enough.
    fn overlaps(&self, r: &Range<usize>) -> bool {
        self.0
            .range(..r.end)
            .rev()
            .take(8)
            .any(|(&s, &e)| s < r.end && r.start < e)
    }
}

/// Every later or earlier mention of a word of a name already found is the same person
/// ("Lachie + Mia ... Two years ago Lachie"), unless a colleague's title precedes it.
fn propagate(ctx: &Ctx, found: &mut Vec<Range<usize>>) {
    let mut words: FnvSet<String> = FnvSet::default();
    for r in found.iter() {
        for w in ctx.text[r.clone()].split(|c: char| c.is_whitespace() || c == ',') {
            let w = without_possessive(w).trim_matches(|c: char| !c.is_alphanumeric());
            if w.chars().count() >= 3
                && !is_ambiguous(w)
                && w.starts_with(|c: char| c.is_uppercase())
            {
                words.insert(w.to_string());
            }
        }
    }
    if words.is_empty() {
        return;
    }
    let taken = Taken::new(found);
    let extra: Vec<Range<usize>> = name_words::runs(ctx.text)
        .flat_map(|m| word_starts(&ctx.text[m.clone()]).map(move |(o, w)| (m.start + o, w)))
        .filter(|(_, w)| words.contains(without_possessive(w)))
        .map(|(s, w)| s..s + without_possessive(w).len())
        .filter(|r| !taken.overlaps(r) && !is_excluded(ctx, r.clone()))
        .collect();
    found.extend(extra);
}

#[cfg(test)]
mod tests {
    use crate::{Config, Region};

    /// The detector's candidates (before the learned layer weighs them), on ASCII text or
    /// text whose normalisation keeps its offsets.
    fn names(region: Region, text: &str) -> Vec<String> {
        crate::engine::candidates_of(
            text,
            &Config {
                region,
                ..Config::default()
            },
        )
        .into_iter()
        .filter(|(_, rule)| *rule == "phi/person-name")
        .map(|(span, _)| text[span].to_string())
        .collect()
    }

    #[test]
    fn a_unit_after_a_name_is_left_out_but_an_initial_stays() {
        assert_eq!(
            names(Region::Us, "My patient John J Smith went home today"),
            ["John J Smith"]
        );
        assert_eq!(
            names(Region::Us, "My patient Tom ICU stay was a long one"),
            ["Tom"]
        );
    }

    #[test]
    fn the_last_two_words_joined_by_one_space() {
        use super::last_two_words;
        assert_eq!(last_two_words("seen by the on call "), "on call");
        assert_eq!(last_two_words("the on\n  call"), "on call");
        assert_eq!(last_two_words("  call"), "call");
        assert_eq!(last_two_words(" \t"), "");
    }

    #[test]
    fn initials_titles_and_possessives() {
        let cases: &[(&str, &[&str])] = &[
            ("Saw K. Nguyen in clinic today.", &["K. Nguyen"]),
            (
                "My patient Mrs. Gonzalez asked me to marry her today",
                &["Gonzalez"],
            ),
            ("Priya's mum brought cake for the whole ward.", &["Priya"]),
            ("Priya from bay 6 just turned 100", &["Priya"]),
            ("Read J. Smith's editorial in the BMJ today", &[]),
            ("Parkinson's family support group meets Tuesday.", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(names(Region::Uk, text), *expected, "{text}");
        }
    }

    #[test]
    fn titled_names_in_any_case() {
        assert_eq!(
            names(Region::Uk, "home visit to mrs pennington (84), who fell"),
            vec!["pennington"]
        );
        assert_eq!(
            names(Region::Uk, "\"Re: MRS FATIMA BEGUM, 27 Cheetham Hill Rd\""),
            vec!["FATIMA BEGUM"]
        );
        assert_eq!(
            names(
                Region::Uk,
                "Old Mr Young and young Mr Old are in adjacent beds"
            ),
            vec!["Young", "Old"]
        );
    }

    #[test]
    fn relatives_and_later_mentions() {
        assert_eq!(
            names(
                Region::Au,
                "My patient's wedding in Byron! Lachie + Mia. Two years ago Lachie was in my ICU"
            ),
            vec!["Lachie", "Mia", "Lachie"]
        );
        let found = names(Region::Uk, "Pt's daughter Orla rang; Orla is lovely");
        assert_eq!(found, vec!["Orla", "Orla"]);
    }

    #[test]
    fn colleagues_authors_and_eponyms_are_not_patients() {
        assert!(names(Region::Uk, "My patient saw Dr Patel and Nurse Kelly today").is_empty());
        assert!(names(
            Region::Us,
            "My patient read Smith et al. on Crohn's disease"
        )
        .is_empty());
        assert!(names(
            Region::Uk,
            "Our reg Tom just told patient Tom Fairley the news"
        )
        .eq(&vec!["Tom Fairley".to_string()]));
    }

    #[test]
    fn zero_width_and_line_breaks_do_not_hide_names() {
        assert_eq!(
            names(
                Region::Uk,
                "Hero of the night: Mrs Ade\u{200B}bayo in bay 2"
            ),
            vec!["Ade\u{200B}bayo"]
        );
        assert_eq!(
            names(
                Region::Us,
                "Today\nHarold\nBlackwood\nwalked 50 feet after his stroke"
            ),
            vec!["Harold\nBlackwood"]
        );
    }
}
