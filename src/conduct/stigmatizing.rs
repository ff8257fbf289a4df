//! Stigmatising clinical language about a patient: doubt ("claims", "insists"), blame
//! ("noncompliant", "refused"), labels ("addict", "sickler", "the diabetic") and "drug-seeking".

use super::matcher::{Matcher, Needs};
use crate::rules::{ex, Rule};

pub static RULES: &[Rule] = &[
    DRUG_SEEKING,
    NONCOMPLIANT,
    REFUSED,
    DOUBT,
    SUBSTANCE_LABELS,
    IDENTITY_FIRST,
    DIFFICULT_PATIENT,
    STIGMATIZING_IN_CONTEXT,
];

conduct_rule!(DRUG_SEEKING {
    id: "conduct/drug-seeking", kind: Stigmatizing, severity: Caution,
    name: "\"Drug-seeking\"",
    message: "\"Drug-seeking\" labels a patient as dishonest.",
    what: "\"drug-seeking\", \"drug seeker\" and \"seeking behaviour\" about a patient.",
    why: "The label casts doubt on a patient's pain and follows them: in a randomised study, trainees who read stigmatising notes treated pain less aggressively (Goddu 2018). People with sickle cell disease and chronic pain bear most of it.",
    fix: "Describe what happened: \"requesting opioids\", \"asked for a specific analgesic\".",
    suggestions: ["requesting opioids"],
    guidance: STIGMA,
    fire: [ex("3rd visit this week from our favourite frequent flyer, classic drug-seeking"), ex("Drug seeker in bay 3 again")],
    pass: [ex("Stop writing 'drug-seeking' in the notes: describe what the patient asked for")],
});

conduct_rule!(NONCOMPLIANT {
    id: "conduct/noncompliant", kind: Stigmatizing, severity: Coach,
    name: "\"Noncompliant\"",
    message: "\"Noncompliant\" blames the patient.",
    what: "\"noncompliant\", \"non-compliant\", \"non-adherent\" used about a patient.",
    why: "\"Noncompliant\" frames the patient as disobedient and hides the reasons (cost, side effects, access). It appears more often in notes about Black patients (Sun 2022) and changes how the next clinician sees them.",
    fix: "Say what happened and why: \"has not been able to take her insulin since losing her job\".",
    suggestions: ["not taking the medicine as prescribed"],
    guidance: STIGMA,
    fire: [ex("Noncompliant diabetic in bed 9, sugars in the 30s"), ex("He's non-compliant with everything")],
    pass: [ex("Our EHR is noncompliant with the FHIR spec"), ex("Hand-hygiene compliance rose to 90%")],
});

conduct_rule!(REFUSED {
    id: "conduct/refused", kind: Stigmatizing, severity: Coach,
    name: "\"Refused\", \"uncooperative\", \"combative\"",
    message: "This frames the patient as defiant.",
    what: "\"refused\", \"refuses\", \"uncooperative\", \"combative\", \"aggressive\" about a patient.",
    why: "Blame words portray the patient as difficult instead of describing a decision or distress; Park et al. (2021) found such framing in notes about patients of colour more often.",
    fix: "\"declined\", \"was frightened and pulled away\", \"did not want\".",
    suggestions: ["declined"],
    guidance: STIGMA,
    fire: [ex("She refused her oxygen mask all night"), ex("Combative and uncooperative pt in resus")],
    pass: [ex("The FDA refused approval"), ex("Combat sports injuries are rising"), ex("The insurer refused to pay")],
});

conduct_rule!(DOUBT {
    id: "conduct/doubt-marker", kind: Stigmatizing, severity: Coach,
    name: "Doubt markers",
    message: "This casts doubt on what the patient reports.",
    what: "\"claims\", \"insists\", \"allegedly\" about what a patient says, \"poor historian\", and scare quotes around a patient's symptoms ('back pain', 'seizures').",
    why: "Doubt markers tell the next reader not to believe the patient. In Goddu's trial a note saying the patient \"insists\" her pain is 10/10 led to less pain relief.",
    fix: "Report it plainly: \"reports 10/10 pain\", \"says she took all her doses\".",
    suggestions: ["reports"],
    guidance: STIGMA,
    fire: [ex("Claims 10/10 pain while texting on her phone"), ex("He insists he took all his tablets"), ex("Poor historian, as usual")],
    pass: [ex("Insurance claims backlog is huge this month"), ex("The study claims a 20% reduction")],
});

conduct_rule!(SUBSTANCE_LABELS {
    id: "conduct/substance-use-labels", kind: Stigmatizing, severity: Caution,
    name: "Labels for people who use drugs or alcohol",
    message: "This label reduces a person to their substance use.",
    what: "\"addict\", \"junkie\", \"druggie\", \"crackhead\", \"substance abuser\", \"alcoholic\" (as a noun), \"dirty urine\", \"sickler\".",
    why: "Labels like these raise stigma, which keeps people from care; NIDA's \"Words Matter\" and the stigma research recommend person-first, clinical terms.",
    fix: "\"person with opioid use disorder\", \"person who uses drugs\", \"urine screen positive for...\", \"person with sickle cell disease\".",
    suggestions: ["person with a substance use disorder"],
    guidance: STIGMA,
    fire: [ex("Another junkie in resus"), ex("Dirty urine again, surprise"), ex("Sickler in bay 5 wants more morphine")],
    pass: [ex("Nicotine is highly addictive"), ex("Addiction medicine is a growing specialty")],
});

conduct_rule!(IDENTITY_FIRST {
    id: "conduct/identity-first-label", kind: Stigmatizing, severity: Coach,
    name: "A person named by their condition",
    message: "This names a person by their condition.",
    what: "\"the diabetic\", \"a schizophrenic\", \"epileptics\", \"the obese\" used for people.",
    why: "Person-first language (\"a person with diabetes\") keeps the person in view; identity-first labels about patients read as dismissive.",
    fix: "\"a person with diabetes\", \"people with epilepsy\".",
    suggestions: ["a person with diabetes"],
    guidance: STIGMA,
    fire: [ex("The diabetic in bay 2 ate all the biscuits"), ex("Epileptics shouldn't drive, full stop")],
    pass: [ex("Diabetic retinopathy screening saves sight"), ex("A diabetic foot clinic opens Monday")],
});

conduct_rule!(DIFFICULT_PATIENT {
    id: "conduct/difficult-patient", kind: Stigmatizing, severity: Coach,
    name: "\"Difficult\", \"demanding\", \"manipulative\" patient",
    message: "This labels the patient rather than the situation.",
    what: "\"difficult patient\", \"demanding\", \"manipulative\", \"entitled\" about a patient.",
    why: "Portraying a patient as difficult was one of the five stigmatising patterns Park et al. found in notes; it shapes how every later clinician treats them.",
    fix: "Describe the behaviour and what the patient needed: \"asked many questions about his treatment\".",
    suggestions: ["a patient with many concerns"],
    guidance: STIGMA,
    fire: [
        ex("Difficult patient in room 4, as always"),
        ex("Manipulative as anything, that one in bay 6"),
        ex("Psych consult for another manipulative borderline. Every weekend."),
    ],
    pass: [ex("Difficult conversations course for residents"), ex("A difficult airway needs a plan")],
});

conduct_rule!(STIGMATIZING_IN_CONTEXT {
    id: "conduct/stigmatizing-in-context", kind: Stigmatizing, severity: Caution,
    name: "Stigmatising a patient, read in context",
    message: "Read in context, this may stigmatise a patient.",
    what: "Posts the post classifier reads as stigmatising, blaming or disbelieving patients (their pain, their adherence, their addiction) when no phrase rule named the words. The finding underlines the words that weighed most.",
    why: "Stigmatising language about patients is linked to worse care: readers, including clinicians, treat the person described less well. It also tells patients with the same condition how they will be seen.",
    fix: "Describe the clinical facts in person-first, neutral words (\"a person with alcohol dependence\", \"not currently taking\").",
    suggestions: [],
    guidance: STIGMA,
    fire: [
        ex("Frequent attender back again with her usual ten out of ten pain, what a surprise"),
        ex("Yet another alcoholic back in majors, they never learn"),
    ],
    pass: [
        ex("People with alcohol dependence deserve the same care as anyone; relapse is part of the illness"),
        ex("She rated her pain ten out of ten, so we gave analgesia first and asked questions after"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &DRUG_SEEKING,
        include_str!("../../data/conduct/stigmatizing/drug-seeking.tsv"),
    ),
    Matcher::new(
        &NONCOMPLIANT,
        include_str!("../../data/conduct/stigmatizing/noncompliant.tsv"),
    )
    .needs(Needs::PatientSubject)
    .unless(include_str!(
        "../../data/conduct/stigmatizing/noncompliant.unless.txt"
    )),
    Matcher::new(
        &REFUSED,
        include_str!("../../data/conduct/stigmatizing/refused.tsv"),
    )
    .needs(Needs::PatientSubject)
    .unless(include_str!(
        "../../data/conduct/stigmatizing/refused.unless.txt"
    )),
    Matcher::new(
        &DOUBT,
        include_str!("../../data/conduct/stigmatizing/doubt.tsv"),
    )
    .needs(Needs::PatientSubject)
    .unless(include_str!(
        "../../data/conduct/stigmatizing/doubt.unless.txt"
    )),
    Matcher::new(
        &DOUBT,
        include_str!("../../data/conduct/stigmatizing/doubt-2.tsv"),
    ),
    Matcher::new(
        &SUBSTANCE_LABELS,
        include_str!("../../data/conduct/stigmatizing/substance-labels.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/stigmatizing/substance-labels.unless.txt"
    )),
    Matcher::new(
        &IDENTITY_FIRST,
        include_str!("../../data/conduct/stigmatizing/identity-first.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/stigmatizing/identity-first.unless.txt"
    )),
    Matcher::new(
        &DIFFICULT_PATIENT,
        include_str!("../../data/conduct/stigmatizing/difficult-patient.tsv"),
    )
    .needs(Needs::PatientSubject)
    .unless(include_str!(
        "../../data/conduct/stigmatizing/difficult-patient.unless.txt"
    )),
    // A person, whoever the sentence is about.
    Matcher::new(
        &DIFFICULT_PATIENT,
        include_str!("../../data/conduct/stigmatizing/difficult-patient-2.tsv"),
    ),
];
