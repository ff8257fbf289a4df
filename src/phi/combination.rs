//! Patients recognisable by a combination of details when no single detail names them: an
//! exact age, a time, a place below state level, an occupation or public role, a rare
//! condition or unusual event, a distinctive demographic detail. Each detail scores; in a
//! patient story a score of three or more is a finding that lists the details and how to
//! blur them (GMC 2024 para 19: "the sum of the information" can identify a patient).

use super::CONTEXT_GUIDANCE;
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::{gated, WordSet};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::ops::Range;
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[COMBINATION];

pub const COMBINATION: Rule = Rule {
    id: "phi/combination",
    kind: Kind::Combination,
    severity: Severity::Caution,
    stop_in: &[],
    name: "Recognisable by a combination of details",
    message: "Together these details could identify the patient:",
    what: "A patient story that joins several quasi-identifiers (exact age, time, place, occupation or public role, rare condition or unusual event, distinctive detail) even though it names no one.",
    why: "Each detail is harmless alone, but together they point to one person: the patient, their family and their neighbours will recognise the story. HIPAA treats ages over 89, dates and sub-state geography as identifiers for this reason, and the GMC warns that the sum of details can identify a patient.",
    fix: "Blur the details: drop the time and the place, widen the age (\"in her thirties\"), leave out the occupation, or wait before posting; or ask the patient.",
    suggestions: &[],
    guidance: CONTEXT_GUIDANCE,
    examples: Examples {
        fire: &[
            ex("Just saw a 34-year-old pregnant teacher from our village with her third stroke this morning"),
            ex_in(Region::Uk, "Just treated a 97-year-old retired headteacher from Tetbury with a ruptured AAA at 3am"),
            ex_in(Region::Au, "58yo night attendant at the servo held up at knifepoint last night"),
        ],
        pass: &[
            ex("Older adults with AAA present atypically"),
            ex("12% of our 2023 attendances were over 80"),
            ex("Composite case, details changed: a 34-year-old teacher with a stroke this morning"),
            ex("Fabry disease is rare: a review"),
        ],
    },
};

struct Vocabulary {
    occupation: WordSet,
    rare: WordSet,
    demographic: WordSet,
    place: WordSet,
    time: WordSet,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let mut sections: Vec<(String, Vec<&'static str>)> = Vec::new();
    for line in include_str!("../../data/quasi-identifiers.txt").lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            sections.push((name.to_string(), Vec::new()));
        } else if let Some((_, terms)) = sections.last_mut() {
            terms.push(line);
        }
    }
    let get = |name: &str| {
        let terms = sections
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, t)| t.as_slice())
            .unwrap_or(&[]);
        WordSet::new(terms)
    };
    Vocabulary {
        occupation: get("occupation"),
        rare: get("rare"),
        demographic: get("demographic"),
        place: get("place"),
        time: get("time"),
    }
});

/// Statements that the details were changed, the case is a composite, or it is a statistic.
static NOT_A_CASE: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/not-a-case.txt")));

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let frame = ctx.frame;
    if frame.is_announcement() || NOT_A_CASE.is_in(ctx.lower) {
        return;
    }
    let v = &*VOCABULARY;
    let mut details: Vec<(String, Range<usize>)> = Vec::new();
    let mut score = 0;
    if let Some(c) = gated(ctx.digits, || pattern::CASE_AGE.captures_iter(ctx.lower)).next() {
        let g = c
            .get(1)
            .or_else(|| c.get(2))
            .or_else(|| c.get(3))
            .expect("an age group");
        if let Ok(age) = g.as_str().parse::<u32>() {
            if age <= 120 {
                score += if !(18..=89).contains(&age) { 2 } else { 1 };
                details.push((format!("age ({age})"), c.get(0).expect("whole").range()));
            }
        }
    }
    let mut add = |label: &str, set: &WordSet, score: &mut u32| {
        if let Some((r, _)) = set.find_iter(ctx.lower).next() {
            *score += 1;
            details.push((format!("{label} ({})", &ctx.text[r.clone()]), r));
        }
    };
    add("occupation or role", &v.occupation, &mut score);
    add("rare condition or event", &v.rare, &mut score);
    add("distinctive detail", &v.demographic, &mut score);
    add("time", &v.time, &mut score);
    let place_hit = hits
        .iter()
        .find(|h| matches!(h.rule.kind, Kind::Place | Kind::Address))
        .map(|h| h.span.clone());
    match place_hit {
        Some(r) => {
            score += 1;
            details.push((format!("place ({})", &ctx.text[r.clone()]), r));
        }
        None => add("place", &v.place, &mut score),
    }
    // Outside an evident patient story only a stronger combination counts.
    let needed = if frame.is_patient_story() { 3 } else { 4 };
    if score < needed || details.len() < 3 {
        return;
    }
    let start = details.iter().map(|(_, r)| r.start).min().unwrap_or(0);
    let end = details.iter().map(|(_, r)| r.end).max().unwrap_or(0);
    let span = widen_to_sentences(ctx, start..end);
    let listed: Vec<&str> = details.iter().map(|(d, _)| d.as_str()).collect();
    hits.push(Hit::new(&COMBINATION, span).with_detail(format!("{}.", listed.join(" + "))));
}

/// The sentences that hold the details, so the underline covers the story, not one word.
fn widen_to_sentences(ctx: &Ctx, r: Range<usize>) -> Range<usize> {
    let start = ctx
        .frame
        .sentence_at(r.start)
        .map_or(r.start, |s| s.span.start);
    let end = ctx
        .frame
        .sentence_at(r.end.saturating_sub(1))
        .map_or(r.end, |s| s.span.end);
    let text = &ctx.text[start..end];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    start + lead..end - trail
}
