//! Denigrating named or identifiable colleagues, teams and institutions.

use super::matcher::Matcher;
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[
    COLLEAGUE_INSULT,
    PROFESSION_SMEAR,
    CALL_FOR_SANCTION,
    COLLEAGUE_IN_CONTEXT,
];

conduct_rule!(COLLEAGUE_INSULT {
    id: "conduct/colleague-insult", kind: Colleague, severity: Caution,
    name: "Insulting a colleague or team",
    message: "This may be read as targeting a colleague.",
    what: "An insult (useless, incompetent, idiot, clown, clueless, lazy) in the same sentence as a colleague's role, team or institution.",
    why: "Public attacks on identifiable colleagues can be bullying or defamatory, and they damage patients' trust in the team that treats them. Criticise systems through formal channels instead.",
    fix: "Critique the system, not the person (\"our on-call cover is unsafe; I've reported it\"), or raise it privately.",
    suggestions: [],
    guidance: COLLEAGUES,
    fire: [
        ex_in(Region::Uk, "The on-call ortho reg tonight is a useless idiot"),
        ex("Our hospitalist team is completely incompetent"),
        ex_in(Region::Uk, "Nurse Kelly on ward 5 can't do anything right, clueless"),
        ex("Dr Smith is the worst surgeon I have ever worked with, avoid him."),
        ex("Dr Smith is an absolute idiot, how did he pass boards"),
    ],
    pass: [
        ex_in(Region::Uk, "Our department is unsafely understaffed; I've reported it"),
        ex("Shout-out to the ortho team, brilliant night"),
        ex("I felt useless after that shift"),
        ex("I'm such an idiot, left my pen at home, thanks Dr Lee for the spare"),
    ],
});

conduct_rule!(PROFESSION_SMEAR {
    id: "conduct/profession-smear", kind: Colleague, severity: Caution,
    name: "Smearing a profession",
    message: "This disparages a whole group of colleagues.",
    what: "Sweeping put-downs of a profession: \"PAs are fake doctors\", \"noctors\", \"GPs are lazy\", \"nurses are useless\".",
    why: "Generalised attacks on colleagues undermine team working and public confidence; regulators treat them as a breach of respect for colleagues. Disagreeing with a policy, with reasons, is fine.",
    fix: "Argue the policy with evidence: \"I disagree with the PA scope policy because...\".",
    suggestions: [],
    guidance: COLLEAGUES,
    fire: [ex_in(Region::Uk, "PAs are fake doctors"), ex_in(Region::Uk, "GPs are lazy, that's why A&E is full"), ex("Noctors everywhere now")],
    pass: [ex_in(Region::Uk, "I disagree with the PA scope policy because supervision is thin"), ex("GPs are under enormous pressure")],
});

conduct_rule!(CALL_FOR_SANCTION {
    id: "conduct/call-for-sanction", kind: Colleague, severity: Caution,
    name: "Calling publicly for a colleague's sanction",
    message: "Calling for a colleague to be struck off belongs in a formal report, not a post.",
    what: "\"should be struck off\", \"should be fired\", \"should lose their licence\" about a colleague.",
    why: "Public calls for sanction prejudge a process and may be defamatory. If you have a patient-safety concern, you have a duty to raise it formally.",
    fix: "Raise the concern through your clinical governance or the regulator.",
    suggestions: [],
    guidance: COLLEAGUES,
    fire: [ex_in(Region::Uk, "Our ED consultant should be struck off"), ex("That surgeon should lose his license")],
    pass: [ex("The senator should be voted out"), ex("Doctors who are struck off can appeal")],
});

conduct_rule!(COLLEAGUE_IN_CONTEXT {
    id: "conduct/colleague-in-context", kind: Colleague, severity: Caution,
    name: "Denigrating colleagues, read in context",
    message: "Read in context, this may denigrate a colleague or team.",
    what: "Posts the post classifier reads as belittling identifiable colleagues, teams, specialties or institutions when no phrase rule named the words. The finding underlines the words that weighed most.",
    why: "Public swipes at colleagues undermine trust in the profession and can be bullying or defamation; the guidance asks for respectful communication and that concerns go through proper channels. Good-faith criticism of systems is not flagged.",
    fix: "Raise the concern with the colleague or through the proper route; in public, criticise the system, not the person.",
    suggestions: [],
    guidance: COLLEAGUES,
    fire: [
        ex("The medical reg tonight couldn't find a vein in a garden hose"),
        ex("Whoever wrote this discharge summary should be struck off"),
    ],
    pass: [
        ex("Our medical reg tonight found a vein in a patient everyone else had given up on"),
        ex("Handover was rushed tonight because we were three doctors short, nobody's fault"),
    ],
});

const ROLES: &str = include_str!("../../data/conduct/colleague/roles.txt");

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &COLLEAGUE_INSULT,
        include_str!("../../data/conduct/colleague/colleague-insult.tsv"),
    )
    .with(ROLES)
    .unless(include_str!(
        "../../data/conduct/colleague/colleague-insult.unless.txt"
    )),
    Matcher::new(
        &PROFESSION_SMEAR,
        include_str!("../../data/conduct/colleague/profession-smear.tsv"),
    ),
    Matcher::new(
        &CALL_FOR_SANCTION,
        include_str!("../../data/conduct/colleague/call-for-sanction.tsv"),
    )
    .with(ROLES),
];
