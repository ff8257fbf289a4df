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
const CONSENT_SIGNS: &[&str] = &[
    "consent",
    "consented",
    "consents",
    "permission",
    "blessing",
    "agreed to",
    "agreed for",
    "asked me to share",
    "asked me to post",
    "asked me to write",
    "shared with",
    "posted with",
    "details changed",
    "details have been changed",
    "identifying details",
    "composite",
    "fictional",
    "fictionalised",
    "fictionalized",
    "anonymised",
    "anonymized",
    "name changed",
    "names changed",
    "not a real",
    "hypothetical",
    "with his ok",
    "with her ok",
    "with their ok",
    "'s ok",
    "insisted i",
    "he insisted",
    "she insisted",
    "wanted me to share",
    "happy for me to share",
    "case report",
    "published with",
    "teaching library",
    "stock photo",
    "illustrative",
    "with the family's",
    "with her family's",
    "with his family's",
    "they asked me",
    "she asked me to",
    "he asked me to",
    "put it on the twitter",
    "made me promise to post",
    "said we could",
    "said i could",
    "let us share",
    "let me share",
    "gave permission",
    "ok to share",
    "okay to share",
    "with permission",
    "told me to post",
    "told me to share",
    "approved this",
    "gave me the ok",
    "my kid is",
    "my son is",
    "my daughter is",
];

/// Posts about records, systems and paperwork going wrong: the concern there is the
/// identifiers (flagged by the identifier rules), not a story told without consent.
const ADMIN_INCIDENT: &[&str] = &[
    "fax",
    "faxed",
    "wristband",
    "printer",
    "allergy field",
    "callback number",
    "lost-and-found",
    "lost and found",
    "preprint",
    "dataset",
    "wrong-patient",
    "wrong patient",
    "requisition",
    "dealership",
    "refund",
    "bank details",
    "billing",
    "rate error",
    "discharge summary",
    "verbatim",
    "header",
    "headers",
    "overseas visitors",
    "meant for",
    "misdirected",
    "bank",
    "bsb",
    "the claim",
    "keyed",
    "texting app",
];

/// The author's own people: a post about them, with nothing clinical in it, is family news.
const OWN_PEOPLE: &[&str] = &[
    "my daughter",
    "my son",
    "my kid",
    "my kids",
    "my children",
    "my wife",
    "my husband",
    "my partner",
    "my mum",
    "my mom",
    "my dad",
    "my mother",
    "my father",
    "my brother",
    "my sister",
    "my nan",
    "my grandma",
    "my grandad",
    "my grandpa",
    "my friend",
    "my friends",
];

/// Words that put a post about someone back in the clinic.
const CLINICAL_SETTING: &[&str] = &[
    "patient",
    "pt",
    "clinic",
    "ward",
    "admitted",
    "resus",
    "emerg",
    "a&e",
    "ed",
    "er",
    "icu",
    "shift",
    "on call",
    "theatre",
    "consult",
    "bed",
    "bay",
    "diagnosed",
    "presented",
    "looked after",
    "treated",
    "script",
    "prescription",
    "discharged",
    "surgery",
    "drug-seeking",
];

/// Words that show the post is about a person, not a duty rota or a statistic.
const PERSON_WORDS: &[&str] = &[
    "patient",
    "pt",
    "mr",
    "mrs",
    "ms",
    "mme",
    "lady",
    "man",
    "woman",
    "gentleman",
    "girl",
    "boy",
    "kid",
    "child",
    "baby",
    "toddler",
    "teen",
    "teenager",
    "she",
    "he",
    "her",
    "his",
    "him",
    "yo",
    "year-old",
    "year old",
    "grandma",
    "grandad",
    "family",
    "mum",
    "mom",
    "dad",
    "son",
    "daughter",
    "sister",
    "sisters",
    "brother",
    "brothers",
    "twin",
    "twins",
    "triplets",
    "wife",
    "husband",
    "widow",
    "widower",
    "mother",
    "father",
    "grandmother",
    "grandfather",
    "granny",
    "grandpa",
    "nan",
    "aunt",
    "uncle",
    "infant",
    "newborn",
    "neonate",
    "guy",
    "bloke",
    "fella",
    "lad",
    "gent",
    "alum",
    "teacher",
    "pensioner",
    "frequent flyer",
    "frequent flier",
    "frequent attender",
    "bed blocker",
];

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

static CONSENT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(CONSENT_SIGNS));
static ADMIN_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ADMIN_INCIDENT));
static PERSON_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(PERSON_WORDS));
static OWN_PEOPLE_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(OWN_PEOPLE));
static CLINICAL_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(CLINICAL_SETTING));

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &OUTCOME_WITHOUT_CONSENT,
        &[
            ("lost a", ""),
            ("on the table", ""),
            ("didn't make it", ""),
            ("did not make it", ""),
            ("passed away", ""),
            ("coded", ""),
            ("coded twice", ""),
            ("died in", ""),
            ("died on", ""),
            ("died this", ""),
            ("called it at", ""),
            ("time of death", ""),
            ("we lost", ""),
        ],
    )
    .with(&[
        "today",
        "tonight",
        "this morning",
        "last night",
        "yesterday",
        "on shift",
        "patient",
        "yo",
        "year-old",
        "table",
        "resus",
        "theatre",
        "cyclist",
        "driver",
        "child",
        "baby",
        "boy",
        "girl",
        "man",
        "woman",
        "lady",
    ])
    .unless(&[
        "bet", "game", "match", "keys", "phone", "wallet", "signal", "wifi", "my voice", "weight",
    ])
    .unless_post(CONSENT_SIGNS),
    Matcher::new(
        &IMAGE_WITHOUT_CONSENT,
        &[
            ("look at this x-ray", ""),
            ("look at this xray", ""),
            ("look at this ct", ""),
            ("look at this scan", ""),
            ("look at this ecg", ""),
            ("look at this mri", ""),
            ("look at this rash", ""),
            ("check out this x-ray", ""),
            ("check out this ecg", ""),
            ("check out this scan", ""),
            ("this x-ray", ""),
            ("this xray", ""),
            ("this ecg", ""),
            ("this ct", ""),
            ("this cxr", ""),
            ("this mri", ""),
            ("wound pic", ""),
            ("wound photo", ""),
            ("pic from clinic", ""),
            ("photo from clinic", ""),
            ("before/after", ""),
            ("before and after", ""),
            ("before & after", ""),
            ("swipe to see", ""),
            ("swipe for", ""),
            ("pics from theatre", ""),
            ("photo of the", ""),
            ("x-ray of the day", ""),
            ("ecg of the day", ""),
            ("image of the day", ""),
            ("ct from", ""),
            ("x-ray from", ""),
            ("xray from", ""),
            ("scan from", ""),
            ("ecg from", ""),
            ("count the", ""),
            ("pic of", ""),
            ("photo of", ""),
            ("check out this", ""),
        ],
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
