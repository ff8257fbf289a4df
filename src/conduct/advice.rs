//! Individual diagnosis and treatment advice given publicly to a specific person.

use super::matcher::{Matcher, Needs};
use crate::rules::{ex, Rule};

pub static RULES: &[Rule] = &[
    ONLINE_DIAGNOSIS,
    ONLINE_DOSING,
    SEND_ME_RESULTS,
    ADVICE_IN_CONTEXT,
];

conduct_rule!(ONLINE_DIAGNOSIS {
    id: "conduct/online-diagnosis", kind: Advice, severity: Caution,
    name: "Diagnosing someone online",
    message: "This diagnoses a specific person without assessing them.",
    what: "A diagnosis aimed at a specific person (an @mention or \"you\"): \"sounds like shingles\", \"you definitely have\", \"that's a classic...\".",
    why: "Without a history, an examination and a record, a public diagnosis can be wrong and can create a doctor-patient relationship with duties you cannot meet online.",
    fix: "Give general information and point to care: \"that could be several things; please see your GP or pharmacist\".",
    suggestions: ["that could be several things; please see your own doctor"],
    guidance: ADVICE,
    fire: [ex("@jenny_k sounds like shingles to me, get some aciclovir"), ex("You definitely have a UTI, classic symptoms")],
    pass: [ex("Shingles often starts with pain before the rash"), ex("It sounds like a great conference")],
});

conduct_rule!(ONLINE_DOSING {
    id: "conduct/online-dosing", kind: Advice, severity: Caution,
    name: "Individual dosing or treatment advice online",
    message: "This gives one person treatment instructions without assessing them.",
    what: "Instructions to a specific person to start, stop or change a medicine: \"take 2 of my...\", \"double your dose\", \"stop your statin\".",
    why: "Treatment advice needs the person's history, allergies and other medicines; advice in public may be followed by others it does not fit.",
    fix: "Share general, cited information and advise speaking to their own prescriber.",
    suggestions: ["please check with your own doctor or pharmacist before changing anything"],
    guidance: ADVICE,
    fire: [ex("@mike you should double your dose of sertraline"), ex("Just stop taking your statin, you don't need it")],
    pass: [ex("Never stop a statin without talking to your doctor"), ex("Guidance on doubling doses was updated in 2023")],
});

conduct_rule!(SEND_ME_RESULTS {
    id: "conduct/send-me-results", kind: Advice, severity: Caution,
    name: "Asking for someone's results to advise them",
    message: "Reviewing a stranger's results online creates a clinical relationship.",
    what: "\"DM me your bloods\", \"send me your results/scan/photo and I'll tell you\".",
    why: "Interpreting results for someone you have not assessed, over a channel outside any record, risks harm and breaches boundaries (FSMB; AMA 2.3.2 (c)).",
    fix: "Invite them to ask their own clinician; offer general information only.",
    suggestions: [],
    guidance: ADVICE,
    fire: [ex("DM me your bloods and I'll tell you if you need statins"), ex("Send me a photo of the rash and I'll tell you what it is")],
    pass: [ex("Send me your abstracts for the conference by Friday")],
});

conduct_rule!(ADVICE_IN_CONTEXT {
    id: "conduct/advice-in-context", kind: Advice, severity: Caution,
    name: "Individual advice online, read in context",
    message: "Read in context, this may advise a specific person without assessing them.",
    what: "Posts the post classifier reads as diagnosing or treating a specific person online (a commenter, a friend's child) when no phrase rule named the words. The finding underlines the words that weighed most.",
    why: "Advice to one person without history or examination can be wrong and creates a clinical relationship you cannot follow up; general health information is not flagged.",
    fix: "Give general information and suggest they see their own clinician.",
    suggestions: [],
    guidance: ADVICE,
    fire: [
        ex("Your son's rash sounds like scarlet fever, get him amoxicillin from the pharmacy"),
        ex("Sounds like gout to me mate, double up on the ibuprofen and rest it"),
    ],
    pass: [
        ex("Scarlet fever is back this winter: a sandpaper rash and a sore throat mean a call to your GP"),
        ex("Gout attacks often start at night in the big toe; see your doctor if it happens"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &ONLINE_DIAGNOSIS,
        include_str!("../../data/conduct/advice/online-diagnosis.tsv"),
    )
    .needs(Needs::Addressed)
    .unless(include_str!(
        "../../data/conduct/advice/online-diagnosis.unless.txt"
    )),
    Matcher::new(
        &ONLINE_DOSING,
        include_str!("../../data/conduct/advice/online-dosing.tsv"),
    )
    .needs(Needs::Addressed)
    .unless(include_str!(
        "../../data/conduct/advice/online-dosing.unless.txt"
    )),
    Matcher::new(
        &SEND_ME_RESULTS,
        include_str!("../../data/conduct/advice/send-me-results.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/advice/send-me-results.unless.txt"
    )),
];
