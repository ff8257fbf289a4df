//! Derogatory slang and mocking of patients ("gomer", "frequent flyer", "bed blocker").

use super::matcher::{Matcher, Needs};
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[
    DEROGATORY_SLANG,
    MOCKING,
    DEHUMANISING_LABEL,
    DEROGATORY_IN_CONTEXT,
];

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
        ex("This crock has been to every ER in the county"),
    ],
    pass: [
        ex("Used my frequent flyer miles for the conference"),
        ex("That study is a crock of nonsense"),
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

conduct_rule!(DEROGATORY_IN_CONTEXT {
    id: "conduct/derogatory-in-context", kind: Derogatory, severity: Caution,
    name: "Belittling patients, read in context",
    message: "Read in context, this may belittle or mock patients.",
    what: "Posts the post classifier reads as mocking or belittling patients when no phrase rule named the words: sarcasm about a patient's complaint, contempt in passing. The finding underlines the words that weighed most.",
    why: "Mocking patients, even without naming them, tells every reader how you see the people in your care; the GMC, AMA, Ahpra and CMA all ask that posts about patients stay respectful.",
    fix: "Say what happened without the sneer, or keep it for a private debrief.",
    suggestions: [],
    guidance: RESPECT,
    fire: [
        ex("Bed 9 has pressed the call bell forty times tonight, some people just love an audience"),
        ex("Another genius in resus who googled his symptoms and knows better than all of us"),
    ],
    pass: [
        ex("Patients who google their symptoms often arrive with good questions; I'd rather they asked me"),
        ex("Handover tip: write down what worries the patient, not just what worries you"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &DEROGATORY_SLANG,
        include_str!("../../data/conduct/derogatory/derogatory-slang.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/derogatory/derogatory-slang.unless.txt"
    )),
    Matcher::new(
        &DEROGATORY_SLANG,
        include_str!("../../data/conduct/derogatory/derogatory-slang-2.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/derogatory/derogatory-slang-2.unless.txt"
    )),
    Matcher::new(
        &MOCKING,
        include_str!("../../data/conduct/derogatory/mocking.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/derogatory/mocking.unless.txt"
    )),
    // Labels that dismiss a patient's symptoms, when a patient is the subject.
    Matcher::new(
        &MOCKING,
        include_str!("../../data/conduct/derogatory/mocking-2.tsv"),
    )
    .needs(Needs::PatientSubject)
    .unless(include_str!(
        "../../data/conduct/derogatory/mocking-2.unless.txt"
    )),
    Matcher::new(
        &DEHUMANISING_LABEL,
        include_str!("../../data/conduct/derogatory/dehumanising-label.tsv"),
    )
    .with(include_str!(
        "../../data/conduct/derogatory/dehumanising-label.with.txt"
    )),
];
