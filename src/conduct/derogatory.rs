//! Derogatory slang and mocking of patients ("gomer", "frequent flyer", "bed blocker").

use super::matcher::{Matcher, Needs};
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[DEROGATORY_SLANG, MOCKING, DEHUMANISING_LABEL];

conduct_rule!(DEROGATORY_SLANG {
    id: "conduct/derogatory-slang", kind: Derogatory, severity: Caution,
    name: "Derogatory medical slang",
    message: "This is derogatory slang for a patient.",
    what: "Hospital slang that belittles patients: gomer, frequent flyer, bed blocker, train wreck, status dramaticus, acopia, circling the drain, FLK, heartsink, crumble.",
    why: "Slang that mocks patients tells the public that doctors look down on the people they care for; patients who recognise themselves lose trust. The GMC and BMA ask doctors never to post derogatory comments about patients.",
    fix: "Describe the need, not a label: \"frequent attender\", \"awaiting a care package\", \"very unwell\".",
    suggestions: ["a patient"],
    guidance: RESPECT,
    fire: [
        ex("3rd visit this week from our favourite frequent flyer, classic drug-seeking"),
        ex_in(Region::Uk, "another GOMER on the ward tonight"),
        ex_in(Region::Uk, "bed blocker in side room 2 again"),
        ex("absolute train wreck of a patient"),
        ex("our fr3quent fl1er is back"),
    ],
    pass: [
        ex("Used my frequent flyer miles for the conference"),
        ex("What a train wreck of a season for the Leafs"),
        ex("Stop calling patients 'frequent flyers' - say frequent attenders"),
    ],
});

conduct_rule!(MOCKING {
    id: "conduct/mocking-patient", kind: Derogatory, severity: Caution,
    name: "Mocking a patient",
    message: "This mocks a patient.",
    what: "Insults and ridicule aimed at patients: \"attention seeker\", \"the screamer\", \"drama queen\", \"stupid patients\", \"you can't make this up\".",
    why: "Ridicule of patients online is read by patients and families, including the one it is about. It undermines trust in the whole profession.",
    fix: "Tell the story, if at all, with respect for the person: describe what happened, not what you thought of them.",
    suggestions: [],
    guidance: RESPECT,
    fire: [
        ex("Reg called the lady in cubicle 9 'the screamer' all night"),
        ex("Classic attention seeker in resus again, eye roll"),
        ex("Patients are idiots, honestly"),
        ex("Another drunk idiot in resus at 3am. Why do we bother."),
        ex("Just told my 4pm she's a hypochondriac. She didn't like that."),
    ],
    pass: [
        ex("Attention to detail saves lives"),
        ex("My kids are idiots about Lego and I love them"),
        ex("Med school turned me into a hypochondriac, every headache is a tumour"),
    ],
});

conduct_rule!(DEHUMANISING_LABEL {
    id: "conduct/patient-as-body-part", kind: Derogatory, severity: Coach,
    name: "A patient called by their organ or bed",
    message: "This calls a patient by a body part or a bed.",
    what: "Shorthand that turns a patient into an organ or a bed: \"the appendix in bed 4\", \"the hip in bay 2\", \"the overdose in cubicle 3\".",
    why: "Shorthand is fine at handover but, in public, reducing a person to their diagnosis reads as contempt.",
    fix: "Say \"a patient with appendicitis\".",
    suggestions: ["a patient"],
    guidance: RESPECT,
    fire: [ex("the appendix in bed 4 wants to go home"), ex("Off to see the hip in bay 2")],
    pass: [ex("The hip fracture pathway in bay 2 works well"), ex("appendix in children: a review")],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &DEROGATORY_SLANG,
        &[
            ("gomer", "a patient"),
            ("drug seeker", "a patient requesting opioids"),
            ("drug seekers", "patients requesting opioids"),
            ("gomers", "patients"),
            ("bed blocker", "a patient awaiting discharge"),
            ("bed blockers", "patients awaiting discharge"),
            ("bed-blocker", "a patient awaiting discharge"),
            ("bed-blockers", "patients awaiting discharge"),
            ("train wreck", "very unwell"),
            ("trainwreck", "very unwell"),
            ("status dramaticus", "distressed"),
            ("acopia", "not coping at home"),
            ("circling the drain", "very unwell"),
            ("flk", "a child with unusual features"),
            ("lol in nad", "an older person who is well"),
            ("heartsink", "a patient with complex needs"),
            ("heartsink patient", "a patient with complex needs"),
            ("crumble", "an older patient"),
            ("crumbly", "an older patient"),
            ("crumblies", "older patients"),
            ("dirtbag", "a patient"),
            ("scumbag", "a patient"),
            ("timewaster", "a patient"),
            ("time waster", "a patient"),
            ("time wasters", "patients"),
            ("pita patient", "a patient"),
            ("nutter", "a patient"),
            ("nut job", "a patient"),
            ("nutjob", "a patient"),
            ("psych case", "a patient with mental illness"),
            ("shpos", "a patient"),
            ("gork", "a patient"),
            ("train-wreck", "very unwell"),
            ("gorked", "unresponsive"),
            ("wrinklies", "older patients"),
            ("coffin dodger", "an older patient"),
            ("coffin dodgers", "older patients"),
        ],
    )
    .unless(&[
        "season",
        "game",
        "match",
        "election",
        "budget",
        "economy",
        "crumble recipe",
        "apple crumble",
        "rhubarb crumble",
        "crisis",
        "policy",
        "my kid",
        "my kids",
        "my son",
        "my daughter",
    ]),
    Matcher::new(
        &DEROGATORY_SLANG,
        &[
            ("frequent flyer", "frequent attender"),
            ("frequent flyers", "frequent attenders"),
            ("frequent flier", "frequent attender"),
            ("frequent fliers", "frequent attenders"),
            ("frequent fryer", "frequent attender"),
        ],
    )
    .unless(&[
        "miles",
        "points",
        "programme",
        "program",
        "card",
        "airline",
        "airlines",
        "rewards",
        "scheme",
        "status",
        "lounge",
        "my kid",
        "my kids",
        "my son",
        "my daughter",
        "my husband",
        "my wife",
        "school nurse",
    ]),
    Matcher::new(
        &MOCKING,
        &[
            ("the screamer", "a distressed patient"),
            ("attention seeker", "a patient in distress"),
            ("attention-seeker", "a patient in distress"),
            ("attention seeking", "distressed"),
            ("attention-seeking", "distressed"),
            ("drama queen", "a distressed patient"),
            ("stupid patient", "a patient"),
            ("stupid patients", "patients"),
            ("dumb patient", "a patient"),
            ("dumb patients", "patients"),
            ("idiot patient", "a patient"),
            ("idiot patients", "patients"),
            ("patients are idiots", ""),
            ("patients are stupid", ""),
            ("patients are morons", ""),
            ("you can't make this up", ""),
            ("you cant make this up", ""),
            ("can't make this stuff up", ""),
            ("pt was an idiot", ""),
            ("what an idiot", ""),
            ("moron of a patient", "a patient"),
            ("drunk idiot", "an intoxicated patient"),
            ("drunk idiots", "intoxicated patients"),
        ],
    )
    .unless(&["attention to", "my kids", "our kids", "my dog", "my cat"]),
    // Labels that dismiss a patient's symptoms, when a patient is the subject.
    Matcher::new(
        &MOCKING,
        &[
            ("hypochondriac", "a patient with health anxiety"),
            ("hypochondriacs", "patients with health anxiety"),
            ("worried well", "anxious patients"),
        ],
    )
    .needs(Needs::PatientSubject)
    .unless(&[
        "i'm such a",
        "i'm a",
        "i am a",
        "i'm such",
        "me a",
        "made me",
    ]),
    Matcher::new(
        &DEHUMANISING_LABEL,
        &[
            ("the appendix in", "the patient with appendicitis in"),
            ("the hip in", "the patient with a hip fracture in"),
            ("the overdose in", "the patient who took an overdose in"),
            ("the stroke in", "the patient with a stroke in"),
            ("the gallbladder in", "the patient with cholecystitis in"),
            ("the chest pain in", "the patient with chest pain in"),
            ("the drunk in", "the intoxicated patient in"),
            ("the od in", "the patient who took an overdose in"),
        ],
    )
    .with(&["bed", "bay", "cubicle", "room", "side room", "resus"]),
];
