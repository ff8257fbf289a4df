//! Street addresses, PO boxes, ZIP codes and UK, Canadian and Australian postcodes.

use super::{is_token, IDENTIFIER_GUIDANCE};
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::{gated, WordSet};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[STREET_ADDRESS, POSTCODE, ZIP_CODE];

pub const STREET_ADDRESS: Rule = Rule {
    id: "phi/street-address",
    kind: Kind::Address,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Street address",
    message: "This looks like a street address.",
    what: "A house or unit number followed by a street name and type (14 Brudenell Grove, 2/14 Kirby St, Apt 1204, 25 Wellesley St E), and PO boxes.",
    why: "An address says where a patient lives: it identifies them and their household directly.",
    fix: "Remove the address; if place matters, say \"locally\".",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "lives at 14 Brudenell Grove, lost 8 kg"),
            ex_in(Region::Au, "home visit this arvo, 2/14 Kirby St, Rydalmere"),
            ex_in(Region::Ca, "Apt 1204, 25 Wellesley St E, Toronto"),
            ex_in(Region::Au, "Saw little Zoe today, she's 6. Lives on Wattle St, Penrith."),
        ],
        pass: &[
            ex("Our new clinic opens at 10 Downing Street next week, all welcome"),
            ex("3 Key Points on heart failure"),
        ],
    },
};

pub const POSTCODE: Rule = Rule {
    id: "phi/postcode",
    kind: Kind::Address,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Postcode",
    message: "This looks like a postcode.",
    what: "UK postcodes (LS6 1HR, M8 8EH), Canadian postal codes (M4Y 2S7), and Australian postcodes after a state or in a patient story.",
    why: "A full postcode covers a few streets, often only a dozen homes: with any other detail it points to one household.",
    fix: "Remove the postcode; name the region at most.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "Mr Zhang, 14 Brudenell Grove, LS6 1HR, lost weight"),
            ex_in(Region::Ca, "Toronto M4Y 2S7, HCN on the letter"),
            ex_in(Region::Au, "Rydalmere NSW 2116. Mr Tran wanted to die at home"),
        ],
        pass: &[
            ex_in(Region::Uk, "COVID19 and H1N1 in 2009"),
            ex_in(Region::Au, "In 2019 NSW funded 2116 new beds"),
            ex_in(Region::Au, "Postcode 2000 has the highest vaccination rates in NSW, says the report"),
        ],
    },
};

pub const ZIP_CODE: Rule = Rule {
    id: "phi/zip-code",
    kind: Kind::Address,
    severity: Severity::Stop,
    stop_in: &[],
    name: "ZIP code",
    message: "This looks like a patient's ZIP code.",
    what: "Five-digit ZIP codes after a state or city, after \"ZIP\", or as where a patient is from.",
    why: "HIPAA's Safe Harbor allows at most the first three digits of a ZIP code, and only for areas of more than 20,000 people: a full ZIP with a story narrows a patient down.",
    fix: "Remove the ZIP code; name the region at most.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex("lives at 12 Maple Ave, Springfield, IL 62704"), ex("Third kid this month from 48505 with a high lead level")],
        pass: &[ex("We vaccinated 12000 people in 2023"), ex("Population 48505 according to the census")],
    },
};

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    // A practice's own address in an announcement is not a patient's.
    if ctx.frame.is_announcement() && ctx.config.sensitivity < crate::Sensitivity::High {
        return;
    }
    let text = ctx.text;
    // Street numbers, postcodes and ZIP codes all need digits; without them only a street
    // named where someone lives is looked for, and the other patterns are not compiled.
    for m in gated(ctx.digits, || pattern::STREET.find_iter(text)) {
        let announcement = ctx
            .frame
            .sentence_at(m.start())
            .is_some_and(|s| s.public_cues > s.patient_cues);
        if !announcement || ctx.config.sensitivity == crate::Sensitivity::High {
            hits.push(Hit::new(&STREET_ADDRESS, m.range()));
        }
    }
    if ctx.mentions(&["live", "moved", "grew up"]) {
        for c in pattern::LIVES_ON.captures_iter(text) {
            let g = c.name("street").expect("street group");
            if !hits
                .iter()
                .any(|h| h.span.start <= g.start() && g.start() < h.span.end)
            {
                hits.push(Hit::new(&STREET_ADDRESS, g.range()));
            }
        }
    }
    if !ctx.digits {
        return;
    }
    let before_len = hits.len();
    for m in pattern::UK_POSTCODE.find_iter(text) {
        let s = m.as_str();
        let upper = s.bytes().all(|b| !b.is_ascii_lowercase());
        if (upper || ctx.frame.patient_story_at(m.start())) && is_token(text, m.start(), m.end()) {
            hits.push(Hit::new(&POSTCODE, m.range()));
        }
    }
    for m in pattern::CA_POSTCODE.find_iter(text) {
        let s = m.as_str();
        if s.bytes().all(|b| !b.is_ascii_lowercase()) {
            hits.push(Hit::new(&POSTCODE, m.range()));
        }
    }
    let states: Vec<pattern::Captures> = pattern::STATE_CODE.captures_iter(text).collect();
    let states_at: Vec<usize> = states
        .iter()
        .filter_map(|c| c.name("au").or_else(|| c.name("us")).map(|g| g.start()))
        .collect();
    for c in &states {
        let story = ctx
            .frame
            .patient_story_at(c.get(0).map_or(0, |m| m.start()));
        if let Some(g) = c.name("auz") {
            if story || ctx.region() == Region::Au && !is_year(g.as_str()) {
                hits.push(Hit::new(&POSTCODE, g.range()));
            }
        } else if let Some(g) = c.name("usz") {
            hits.push(Hit::new(&ZIP_CODE, g.range()));
        } else if let Some(g) = c.name("lab") {
            // "Postcode 2000 has the highest vaccination rates": an area in a report.
            if story || !about_an_area(ctx, g.start()) {
                let rule = if g.as_str().len() == 4 {
                    &POSTCODE
                } else {
                    &ZIP_CODE
                };
                hits.push(Hit::new(rule, g.range()));
            }
        } else if let Some(g) = c.name("from") {
            let s = g.as_str();
            if !story || is_year(s) {
                continue;
            }
            let rule = if s.len() == 4 { &POSTCODE } else { &ZIP_CODE };
            let after = ctx.lower_after(g.end(), 3);
            if after.starts_with(|ch: char| ch.is_ascii_alphanumeric())
                || after.starts_with(['%', ','])
            {
                continue;
            }
            if s.len() == 5 || ctx.region() == Region::Au {
                hits.push(Hit::new(rule, g.range()));
            }
        }
    }
    add_towns(ctx, hits, before_len, &states_at);
}

/// The town named just before a postcode or state ("Manchester M8 8EH", "Rydalmere NSW
/// 2116", "Toronto M4Y 2S7") is where the patient lives.
fn town_before(ctx: &Ctx, at: usize) -> Option<std::ops::Range<usize>> {
    let before = &ctx.text[..at];
    let trimmed = before.trim_end_matches([' ', ',']);
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic() || *c == '-' || *c == '\'')
        .last()
        .map(|(i, _)| i)?;
    let word = &trimmed[start..];
    let capitalised = word.starts_with(|c: char| c.is_uppercase())
        && word.chars().skip(1).any(char::is_lowercase);
    let state = ["NSW", "VIC", "QLD", "SA", "WA", "TAS", "NT", "ACT"].contains(&word);
    (capitalised && !state && word.chars().count() >= 3).then_some(start..trimmed.len())
}

fn add_towns(ctx: &Ctx, hits: &mut Vec<Hit>, from: usize, states_at: &[usize]) {
    let postcodes: Vec<usize> = hits[from..]
        .iter()
        .filter(|h| h.rule.id == POSTCODE.id)
        .map(|h| h.span.start)
        .collect();
    for at in postcodes.into_iter().chain(states_at.iter().copied()) {
        if let Some(town) = town_before(ctx, at) {
            hits.push(Hit::new(&super::places::PATIENT_PLACE, town));
        }
    }
}

/// Words of a sentence about a place's figures rather than a person ("the highest rates",
/// "the report", "per cent"): a postcode there names an area.
static AREA_FIGURES: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::from_lines(include_str!("../../data/phi/area-figures.txt")));

fn about_an_area(ctx: &Ctx, at: usize) -> bool {
    ctx.frame
        .sentence_at(at)
        .is_some_and(|s| s.public_cues > 0 || AREA_FIGURES.is_in(&ctx.lower[s.span.clone()]))
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && (s.starts_with("19") || s.starts_with("20"))
}
