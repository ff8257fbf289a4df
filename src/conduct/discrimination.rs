//! Language that demeans people by race, religion, sex, sexuality, gender identity,
//! disability, age or weight. Quoting abuse to condemn it is not flagged.

use super::matcher::Matcher;
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[
    SLUR,
    GROUP_GENERALISATION,
    ABLEIST_TERM,
    WEIGHT_SHAMING,
    DISCRIMINATION_IN_CONTEXT,
];

/// Posts that report or condemn abuse rather than use it.
const REPORTED_ABUSE: &str = include_str!("../../data/conduct/discrimination/reported-abuse.txt");

conduct_rule!(SLUR {
    id: "conduct/slur", kind: Discrimination, severity: Stop,
    name: "Slur",
    message: "This is a slur.",
    what: "Racial, ethnic, religious, homophobic, transphobic and disability slurs, including censored spellings. Quoting abuse in order to condemn it is not flagged.",
    why: "Slurs demean whole groups of people, including your patients and colleagues; the GMC, CPSO and Ahpra treat discriminatory language online as serious misconduct.",
    fix: "Remove it. If you are reporting abuse you received, make the quotation and your condemnation clear.",
    suggestions: [""],
    guidance: DISCRIMINATION,
    fire: [ex("Another tranny in the ED tonight"), ex("Some retard parked across the ambulance bay")],
    pass: [ex("A patient called me a p*ki today. Racism in the NHS is real and I have reported it."), ex("Intrauterine growth retardation is now called fetal growth restriction")],
});

conduct_rule!(GROUP_GENERALISATION {
    id: "conduct/group-generalisation", kind: Discrimination, severity: Stop,
    name: "Demeaning generalisation about a group",
    message: "This demeans people for who they are.",
    what: "Generalisations that demean a group: \"typical [group] patient\", \"illegals clogging up A&E\", \"hysterical woman\", \"the trans ones are always difficult\", \"these people\".",
    why: "Stereotypes about patients' race, religion, sex, gender, sexuality or migration status are discrimination and erode the trust of every patient in that group. Facts about health inequalities are not flagged.",
    fix: "Describe the individual situation without the group label, or remove it.",
    suggestions: [""],
    guidance: DISCRIMINATION,
    fire: [ex_in(Region::Uk, "Illegals clogging up A&E again"), ex("Hysterical woman in bay 4, classic"), ex("The trans ones are always difficult")],
    pass: [
        ex("Black women have higher maternal mortality (MBRRACE)"),
        ex("Discrimination against trans patients is real"),
        ex("I would never treat a Muslim patient differently, that's what professionalism means."),
    ],
});

conduct_rule!(ABLEIST_TERM {
    id: "conduct/ableist-term", kind: Discrimination, severity: Caution,
    name: "Disability used as an insult",
    message: "This uses disability as an insult.",
    what: "\"retarded\", \"spaz\", \"psycho\", \"mental\", \"lame\", \"crippled\" used as insults, not as clinical terms.",
    why: "Using disability as an insult demeans disabled patients and colleagues. Outdated clinical terms are better replaced too (\"fetal growth restriction\").",
    fix: "Say what you mean: \"absurd\", \"frustrating\".",
    suggestions: [],
    guidance: DISCRIMINATION,
    fire: [ex("This rota is so retarded"), ex("He went full psycho on the nurses")],
    pass: [ex("Psychomotor retardation in severe depression"), ex("Spastic diplegia in cerebral palsy")],
});

conduct_rule!(WEIGHT_SHAMING {
    id: "conduct/weight-shaming", kind: Discrimination, severity: Caution,
    name: "Weight shaming",
    message: "This mocks a patient's weight.",
    what: "Mocking terms for a patient's body size: \"whale\", \"beached whale\", \"fatty\", \"lardass\", \"hippo\".",
    why: "Weight stigma deters people from seeking care and worsens outcomes; mocking a patient's body is derogatory and discriminatory.",
    fix: "Use neutral clinical language if weight matters at all: \"a patient with obesity\".",
    suggestions: ["a patient with obesity"],
    guidance: DISCRIMINATION,
    fire: [
        ex("Beached whale in bay 3, needed 4 of us to turn her"),
        ex("Another fatty on the list"),
        ex("Typical lazy obese patient who won't follow advice."),
    ],
    pass: [ex("Whale watching on my day off!"), ex("Killer whale documentary tonight")],
});

conduct_rule!(DISCRIMINATION_IN_CONTEXT {
    id: "conduct/discrimination-in-context", kind: Discrimination, severity: Caution,
    name: "Demeaning a group, read in context",
    message: "Read in context, this may demean people for who they are.",
    what: "Posts the post classifier reads as generalising about or demeaning people by race, religion, culture, sex, gender identity, sexuality, disability, age or weight when no phrase rule named the words. The finding underlines the words that weighed most.",
    why: "Stereotypes about a group of patients are discrimination and erode the trust of every patient in that group; facts about health inequalities stated neutrally are not flagged.",
    fix: "Describe the individual situation without the group, or remove it.",
    suggestions: [],
    guidance: DISCRIMINATION,
    fire: [ex("Some cultures just exaggerate pain, we all know which ones")],
    pass: [
        ex("Pain is experienced and expressed differently across cultures; ask, don't assume"),
        ex("Older patients benefit from ICU as much as younger ones when frailty is low"),
    ],
});

/// Groups defined by a protected characteristic.
const GROUPS: &str = include_str!("../../data/conduct/discrimination/groups.txt");

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &SLUR,
        include_str!("../../data/conduct/discrimination/slur.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/discrimination/slur.unless.txt"
    ))
    .unless_post(REPORTED_ABUSE),
    Matcher::new(
        &GROUP_GENERALISATION,
        include_str!("../../data/conduct/discrimination/group-generalisation.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/discrimination/group-generalisation.unless.txt"
    )),
    // A group named beside a sweeping claim about it: "female surgeons just don't have the
    // stamina", "obese patients shouldn't get knee replacements".
    Matcher::new(
        &GROUP_GENERALISATION,
        include_str!("../../data/conduct/discrimination/group-generalisation-2.tsv"),
    )
    .with(GROUPS)
    .unless(include_str!(
        "../../data/conduct/discrimination/group-generalisation-2.unless.txt"
    )),
    Matcher::new(
        &ABLEIST_TERM,
        include_str!("../../data/conduct/discrimination/ableist-term.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/discrimination/ableist-term.unless.txt"
    )),
    Matcher::new(
        &WEIGHT_SHAMING,
        include_str!("../../data/conduct/discrimination/weight-shaming.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/discrimination/weight-shaming.unless.txt"
    )),
];
