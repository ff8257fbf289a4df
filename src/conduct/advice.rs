//! Individual diagnosis and treatment advice given publicly to a specific person.

use super::matcher::{Compiled, Matcher, Needs, Scan};
use crate::context::Hit;
use crate::rules::{ex, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[ONLINE_DIAGNOSIS, ONLINE_DOSING, SEND_ME_RESULTS];

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

static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &ONLINE_DIAGNOSIS,
        &[
            ("sounds like shingles", ""),
            ("sounds like a uti", ""),
            ("sounds like an infection", ""),
            ("sounds like sciatica", ""),
            ("sounds like cellulitis", ""),
            ("sounds like gout", ""),
            ("sounds like a migraine", ""),
            ("sounds like appendicitis", ""),
            ("sounds like anxiety", ""),
            ("sounds like adhd", ""),
            ("sounds like depression", ""),
            ("sounds like eczema", ""),
            ("sounds like psoriasis", ""),
            ("you definitely have", ""),
            ("you probably have", ""),
            ("you've got", ""),
            ("you have got", ""),
            ("that's definitely", ""),
            ("that is definitely", ""),
            ("classic symptoms", ""),
            ("looks like shingles", ""),
            ("looks like cellulitis", ""),
            ("looks like melanoma", ""),
            ("looks like ringworm", ""),
            ("looks like scabies", ""),
            ("that's a melanoma", ""),
            ("that's shingles", ""),
            ("sound like adhd", ""),
            ("sounds like croup", ""),
            ("sound like autism", ""),
            ("sounds like autism", ""),
            ("sounds like a", ""),
            ("based on your", ""),
            ("that's an old", ""),
            ("that's a classic", ""),
            ("ask for a referral", ""),
            ("ask your gp for", ""),
            ("ask your doctor for", ""),
            ("to me. ask", ""),
        ],
    )
    .needs(Needs::Addressed)
    .unless(&[
        "conference",
        "plan",
        "great",
        "fun",
        "idea",
        "dinner",
        "lovely",
        "brilliant",
        "nice",
    ]),
    Matcher::new(
        &ONLINE_DOSING,
        &[
            ("double your dose", ""),
            ("halve your dose", ""),
            ("up your dose", ""),
            ("increase your dose", ""),
            ("stop taking your", ""),
            ("stop your statin", ""),
            ("stop your meds", ""),
            ("come off your", ""),
            ("you should take", ""),
            ("you need antibiotics", ""),
            ("you need statins", ""),
            ("get some aciclovir", ""),
            ("get some antibiotics", ""),
            ("ask for antibiotics", ""),
            ("take two of", ""),
            ("take 2 of", ""),
            ("just stop taking", ""),
            ("skip your", ""),
            ("give him", ""),
            ("give her", ""),
            ("mg/kg", ""),
            ("i'd hold the", ""),
            ("i would hold the", ""),
            ("i'd stop the", ""),
            ("i'd increase the", ""),
            ("i'd start", ""),
            ("i'd double", ""),
            ("hold the metoprolol", ""),
            ("hold your", ""),
        ],
    )
    .needs(Needs::Addressed)
    .unless(&[
        "never",
        "don't stop",
        "do not stop",
        "without talking",
        "without speaking",
        "check with",
        "guidance",
        "guideline",
    ]),
    Matcher::new(
        &SEND_ME_RESULTS,
        &[
            ("dm me your bloods", ""),
            ("dm me your results", ""),
            ("send me your bloods", ""),
            ("send me your results", ""),
            ("send me your scan", ""),
            ("send me your scans", ""),
            ("send me a photo of the rash", ""),
            ("send me a photo", ""),
            ("send me a pic", ""),
            ("dm me a photo", ""),
            ("dm me a pic", ""),
            ("message me your results", ""),
            ("i'll tell you if you need", ""),
            ("i'll tell you what it is", ""),
        ],
    )
    .unless(&[
        "abstract",
        "abstracts",
        "cv",
        "slides",
        "poster",
        "posters",
        "conference",
    ]),
];

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| Compiled::new(MATCHERS));

pub(super) fn detect(scan: &Scan, hits: &mut Vec<Hit>) {
    COMPILED.run(scan, hits);
}
