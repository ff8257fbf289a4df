//! Dates of patient events (birth, admission, surgery, discharge, death, visit) in every
//! common format: day-first and US orders, ordinals, month names, ISO, holidays. Dates of
//! conferences, clinics, campaigns and publications, and years alone, are not identifiers.

use super::{is_token, CONTEXT_GUIDANCE};
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::{gated, WordSet};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[PATIENT_DATE];

pub const PATIENT_DATE: Rule = Rule {
    id: "phi/patient-date",
    kind: Kind::Date,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Date of a patient event",
    message: "A date tied to a patient can identify them.",
    what: "Calendar dates of a patient's birth, admission, surgery, discharge, death or visit, in any format (14/03/2024, 3/14, March 14th, 14 Mar, 2024-03-14, \"the 14th\", Boxing Day); dates of birth always.",
    why: "HIPAA's Safe Harbor removes every date (except the year) directly related to a patient, because a date joined with any other detail lets people who know the patient recognise the story. A date of birth alone narrows a person down to a handful of people.",
    fix: "Leave the date out or make it vague (\"recently\", \"last year\").",
    suggestions: &["recently", ""],
    guidance: CONTEXT_GUIDANCE,
    examples: Examples {
        fire: &[
            ex("Shout-out to little Aiden (DOB 03/02/2019)"),
            ex_in(Region::Uk, "Mr Okoro was admitted on the 14th and died 12.11. of a lung cancer"),
            ex("She delivered on 2026-03-14 at 0412 in our unit"),
            ex_in(Region::Uk, "He has been with us on the ward since Boxing Day."),
            ex("Mr Ali was admitted on the winter solstice and went home on Juneteenth"),
        ],
        pass: &[
            ex_in(Region::Uk, "Flu clinic Sat 12 Oct 9am-1pm at the practice"),
            ex("Our paper was published on 3 March 2024 in the BMJ"),
            ex("Register by June 30 for the cardiology conference"),
            ex("In 2019 we saw 2,000 patients"),
            ex("BP 120/80 and pain 10/10"),
            ex("Happy first day of spring everyone! Clinic is open as usual"),
        ],
    },
};

static HOLIDAYS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/holidays.txt")));

/// Labels that make any date a date of birth.
static BIRTH_LABELS: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/birth-labels.txt")));

/// Words that put a date in public life rather than a patient's story.
static PUBLIC_DATE_CUES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/public-date-cues.txt")));

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    for m in gated(ctx.digits, || pattern::DATE.find_iter(ctx.lower)) {
        let mut r = m.range();
        while r.end > r.start
            && ctx.text.as_bytes()[r.end - 1] == b'.'
            && !is_dotted_short(m.as_str())
        {
            r.end -= 1;
        }
        if !is_token(ctx.text, r.start, r.end.min(ctx.text.len())) && !m.as_str().ends_with('.') {
            continue;
        }
        let s = &ctx.lower[r.clone()];
        if !plausible(s) {
            continue;
        }
        if is_birth_date(ctx, r.start) || is_patient_event(ctx, r.clone(), s) {
            hits.push(Hit::new(&PATIENT_DATE, r));
        }
    }
    for (r, _) in HOLIDAYS.find_iter(ctx.lower) {
        if is_patient_event(ctx, r.clone(), "holiday") {
            hits.push(Hit::new(&PATIENT_DATE, r));
        }
    }
}

fn is_dotted_short(s: &str) -> bool {
    s.len() <= 6 && s.matches('.').count() == 2
}

/// Rejects numbers that cannot be dates (13/13) and fractions or readings that look like
/// short dates (10/10 pain, 120/80, 2/3 of).
fn plausible(s: &str) -> bool {
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .filter_map(|p| p.parse().ok())
        .collect();
    let has_month_name = s.bytes().any(|b| b.is_ascii_alphabetic()) && !s.starts_with("the ");
    if has_month_name || s.starts_with("the ") {
        return nums
            .first()
            .is_none_or(|&d| (1..=31).contains(&d) || d >= 1900);
    }
    match nums.as_slice() {
        [y, m, d] if *y >= 1900 => (1..=12).contains(m) && (1..=31).contains(d),
        [a, b, ..] => {
            let day_month = (1..=31).contains(a) && (1..=12).contains(b);
            let month_day = (1..=12).contains(a) && (1..=31).contains(b);
            (day_month || month_day) && !(nums.len() == 2 && a == b && *a == 10)
        }
        _ => false,
    }
}

fn is_birth_date(ctx: &Ctx, at: usize) -> bool {
    BIRTH_LABELS.is_in(ctx.lower_before(at, 16))
}

/// Words before a short date ("3/14", "the 5th") that make it the date of a patient's event
/// ("admitted", "since", "DOB").
const EVENT_WORDS: &str = include_str!("../../data/phi/event-words.txt");

/// A date is a patient's when its sentence tells a patient story and is not about an event,
/// publication or service; a bare day/month like "3/14" also needs an event word before it.
fn is_patient_event(ctx: &Ctx, r: std::ops::Range<usize>, s: &str) -> bool {
    if !ctx.frame.patient_story_at(r.start) {
        return false;
    }
    // "World Kidney Day (12 March)": the date of an awareness day.
    if ctx.lower_before(r.start, 6).trim_end().ends_with("day (") {
        return false;
    }
    let sentence = ctx
        .frame
        .sentence_at(r.start)
        .map_or("", |sn| &ctx.lower[sn.span.clone()]);
    if PUBLIC_DATE_CUES.is_in(sentence)
        && !sentence.contains("patient")
        && !sentence.contains(" pt")
    {
        return false;
    }
    let short_numeric =
        s.bytes().all(|b| b.is_ascii_digit() || b == b'/') && s.matches('/').count() == 1;
    let ordinal_only = s.starts_with("the ");
    if short_numeric || ordinal_only {
        let before = ctx.lower_before(r.start, 24);
        return EVENT_WORDS.lines().any(|w| before.trim_end().ends_with(w));
    }
    true
}
