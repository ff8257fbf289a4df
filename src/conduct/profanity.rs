//! Profanity, and profanity or abuse aimed at a person. The list is filtered against clinical
//! words that profanity lists wrongly include ("vomit", "cancer", "nigra", "cocktail").

use super::matcher::Matcher;
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[PROFANITY, ABUSE_AT_PERSON];

conduct_rule!(PROFANITY {
    id: "conduct/profanity", kind: Profanity, severity: Coach,
    name: "Profanity",
    message: "Profanity in a professional post.",
    what: "Swear words and their censored spellings (f***, sh1t, WTF), not clinical or anatomical words.",
    why: "Profanity was the most common unprofessional content schools reported (Chretien 2009). On an account that identifies you as a doctor it weakens the trust your words carry.",
    fix: "Say it plainly without the swear word.",
    suggestions: [],
    guidance: CIVILITY,
    fire: [ex("what a f***ing shift"), ex("this shit is exhausting"), ex("WTF was the rota thinking"), ex_in(Region::Uk, "bloody useless rota again")],
    pass: [ex_in(Region::Uk, "Scunthorpe General is hiring"), ex("Vomit and diarrhoea in the unit, wash hands"), ex("Substantia nigra degeneration in Parkinson's"), ex("Bloody stools for 3 days needs review")],
});

conduct_rule!(ABUSE_AT_PERSON {
    id: "conduct/abuse-at-person", kind: Profanity, severity: Caution,
    name: "Abuse aimed at a person",
    message: "This is abuse aimed at someone.",
    what: "Profanity or put-downs addressed to a person: \"f*** you\", \"piss off\", \"get a life\", \"screw you\".",
    why: "Abuse aimed at a person is harassment whoever the target is; HHS OCR's $50,000 penalty against a dentist whose reply ended \"Get a life\" shows how it reads to a regulator.",
    fix: "Don't reply in anger; step away, or reply calmly and take it offline.",
    suggestions: [],
    guidance: CIVILITY,
    fire: [ex("Get a life, seriously"), ex("Screw you and your one-star review")],
    pass: [ex("Get a life outside medicine: our wellbeing tips"), ex("Screw fixation for ankle fractures")],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &PROFANITY,
        include_str!("../../data/conduct/profanity/profanity.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/profanity/profanity.unless.txt"
    )),
    Matcher::new(
        &ABUSE_AT_PERSON,
        include_str!("../../data/conduct/profanity/abuse-at-person.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/profanity/abuse-at-person.unless.txt"
    )),
];
