//! Patient stories, outcomes and clinical images shared with no sign of the patient's
//! consent. An explicit consent statement, or a statement that details were changed,
//! silences them. A prompt, not a block: most stories are fine with consent.

use super::matcher::{Matcher, Needs, Scan};
use crate::context::Hit;
use crate::lexicon::WordSet;
use crate::rules::{ex, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[
    STORY_WITHOUT_CONSENT,
    OUTCOME_WITHOUT_CONSENT,
    IMAGE_WITHOUT_CONSENT,
];

/// Signs that the patient agreed, or that the story cannot identify them.
const CONSENT_SIGNS: &str = include_str!("../../data/conduct/consent/consent-signs.txt");

/// Posts about records, systems and paperwork going wrong: the concern there is the
/// identifiers (flagged by the identifier rules), not a story told without consent.
const ADMIN_INCIDENT: &str = include_str!("../../data/conduct/consent/admin-incident.txt");

/// The author's own people: a post about them, with nothing clinical in it, is family news.
const OWN_PEOPLE: &str = include_str!("../../data/conduct/consent/own-people.txt");

/// Words that put a post about someone back in the clinic.
const CLINICAL_SETTING: &str = include_str!("../../data/conduct/consent/clinical-setting.txt");

/// Words that show the post is about a person, not a duty rota or a statistic.
const PERSON_WORDS: &str = include_str!("../../data/conduct/consent/person-words.txt");

conduct_rule!(STORY_WITHOUT_CONSENT {
    id: "conduct/story-without-consent", kind: Consent, severity: Caution,
    name: "Patient story without consent",
    message: "A story about a specific patient: do you have their consent?",
    what: "A post about a specific patient or encounter (\"my patient\", \"came in\", \"on shift tonight\", an outcome) with no sign of consent or of changed details.",
    why: "Patients and families recognise their own stories even without names; one study judged nearly half of clinicians' patient stories identifiable by the patient (Ahmed 2020). The GMC asks for explicit consent before sharing identifiable information.",
    fix: "Ask the patient, or change and say you changed identifying details; or keep it to what is true of many patients.",
    suggestions: [],
    guidance: CONSENT,
    fire: [
        ex("My patient just told me the funniest reason for his ED visit"),
        ex("Saw a lady in clinic who had swallowed her wedding ring"),
        ex("Gynae clinic today: a lady came in with the most unusual complaint"),
        ex("Looked after twin sisters last night, both furious they couldn't share a bay"),
        ex("Rang the insurer again. The poor woman has stage IV ovarian cancer and they want a work assessment"),
        ex("A lady in clinic today reminded me so much of my mum: same laugh, same stubbornness"),
    ],
    pass: [
        ex("Exhausted after a tough night"),
        ex("Always weigh the kid before dosing: paracetamol 15 mg/kg"),
        ex("My patient told me to post this: she rang the bell after her last chemo today!"),
        ex("Took my daughter to her first football match today. She cried when they lost"),
        ex("Shared with her written permission: my patient ran her first 5k today"),
        ex("Composite case, details changed: a man in his 60s came in with chest pain"),
    ],
});

conduct_rule!(OUTCOME_WITHOUT_CONSENT {
    id: "conduct/outcome-without-consent", kind: Consent, severity: Caution,
    name: "A patient's outcome shared without consent",
    message: "A patient's death or outcome: would their family recognise it?",
    what: "Posts about a specific patient's death, resuscitation or outcome on a given shift: \"lost a 6yo on the table today\", \"didn't make it\", \"coded twice\".",
    why: "Families search for news of their loved ones; an outcome tied to a day and a place is recognisable to them and to colleagues. Grief is worth sharing, but without the details that point to one family.",
    fix: "Share what you feel without the day, the age or the circumstances, or ask the family.",
    suggestions: [],
    guidance: CONSENT,
    fire: [ex("Lost a 6yo on the table today. Devastated."), ex("The cyclist from this morning didn't make it")],
    pass: [ex("Lost a bet with the reg, buying coffee"), ex("Exhausted after a tough night")],
});

conduct_rule!(IMAGE_WITHOUT_CONSENT {
    id: "conduct/image-without-consent", kind: Consent, severity: Caution,
    name: "Clinical image without consent",
    message: "A clinical image needs the patient's consent, even without a face.",
    what: "References to a patient's image in the post: \"look at this X-ray\", \"wound pic from clinic\", \"before/after\", \"swipe to see\".",
    why: "Regulators rated patient images posted without consent among the most likely posts to be investigated (79% of boards; Greysen 2013). Scans carry names and dates in their corners; wounds, tattoos and rooms are recognisable.",
    fix: "Post only with written consent, crop and strip metadata, or use a licensed teaching image.",
    suggestions: [],
    guidance: CONSENT,
    fire: [
        ex("Look at this X-ray from today's shift 🤯"),
        ex("Wound pic from clinic (no face so it's fine)"),
        ex("Before/after of this morning's rhinoplasty!"),
    ],
    pass: [ex("Illustrative image from a licensed teaching library"), ex("Published with written consent in BMJ Case Reports")],
});

static CONSENT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(CONSENT_SIGNS));
static ADMIN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(ADMIN_INCIDENT));
static PERSON_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(PERSON_WORDS));
static OWN_PEOPLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(OWN_PEOPLE));
static CLINICAL_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::from_lines(CLINICAL_SETTING));

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &OUTCOME_WITHOUT_CONSENT,
        include_str!("../../data/conduct/consent/outcome-without-consent.tsv"),
    )
    .with(include_str!(
        "../../data/conduct/consent/outcome-without-consent.with.txt"
    ))
    .unless(include_str!(
        "../../data/conduct/consent/outcome-without-consent.unless.txt"
    ))
    .unless_post(CONSENT_SIGNS),
    Matcher::new(
        &IMAGE_WITHOUT_CONSENT,
        include_str!("../../data/conduct/consent/image-without-consent.tsv"),
    )
    .needs(Needs::Nothing)
    .unless_post(CONSENT_SIGNS),
];

/// Whether the post is about the author's own family or friends, outside any quotation,
/// with nothing clinical in it.
fn about_own_people(text: &str) -> bool {
    let quoted = |at: usize| text[..at].matches('"').count() % 2 == 1;
    OWN_PEOPLE_SET
        .find_iter(text)
        .any(|(r, _)| !quoted(r.start))
        && !CLINICAL_SET.is_in(text)
}

/// The post-level story finding, after the phrase rules ran: not when an image or outcome
/// finding already asks the consent question.
pub(super) fn detect_story(scan: &Scan, hits: &mut Vec<Hit>) {
    let image = hits
        .iter()
        .any(|h| h.rule.id == IMAGE_WITHOUT_CONSENT.id || h.rule.id == OUTCOME_WITHOUT_CONSENT.id);
    let frame = scan.ctx.frame;
    if image
        || !frame.is_patient_story()
        || frame.is_announcement()
        || scan.review_reply
        || CONSENT_SET.is_in(&scan.leet)
        || ADMIN_SET.is_in(&scan.leet)
        || (frame.post_ages == 0 && !PERSON_SET.is_in(&scan.leet))
        || about_own_people(&scan.leet)
    {
        return;
    }
    // One finding for the post, on the words that make its first patient sentence a story.
    if let Some(s) = frame.sentences.iter().find(|s| s.patient_cues > 0) {
        let span = frame
            .first_cue(scan.ctx.lower, s.span.clone())
            .unwrap_or_else(|| {
                let text = &scan.ctx.text[s.span.clone()];
                let start = s.span.start + (text.len() - text.trim_start().len());
                start..s.span.start + text.trim_end().len()
            });
        if !span.is_empty() && !scan.is_meta(span.clone()) {
            hits.push(Hit::new(&STORY_WITHOUT_CONSENT, span));
        }
    }
}
