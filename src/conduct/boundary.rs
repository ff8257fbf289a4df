//! Professional boundaries: befriending, contacting or looking up patients online, and
//! sexualised remarks about patients or colleagues.

use super::matcher::{Compiled, Matcher, Needs, Scan};
use crate::context::Hit;
use crate::rules::{ex, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[BEFRIENDING, PRIVATE_CONTACT, SEXUALISED];

conduct_rule!(BEFRIENDING {
    id: "conduct/befriending-patient", kind: Boundary, severity: Caution,
    name: "Befriending or looking up a patient",
    message: "Online contact with a patient blurs the professional boundary.",
    what: "Accepting friend requests from patients, following or looking up a patient's profile, tagging a patient.",
    why: "A personal online relationship with a patient blurs the boundary that protects both of you; the GMC, BMA, AMA and FSMB advise declining and redirecting to professional channels.",
    fix: "Decline politely and point to your practice's official channels.",
    suggestions: [],
    guidance: BOUNDARIES,
    fire: [
        ex("Just accepted a friend request from my patient 😊"),
        ex("Looked up my patient's Insta last night, wow"),
        ex("My patient followed me on insta and I followed back"),
    ],
    pass: [ex("Follow our practice page for updates"), ex("Patients: please use the portal for questions")],
});

conduct_rule!(PRIVATE_CONTACT {
    id: "conduct/private-contact", kind: Boundary, severity: Caution,
    name: "Moving a patient to private messages",
    message: "Private messaging patients bypasses the record and the practice.",
    what: "Inviting patients to direct messages, texts or WhatsApp about their care: \"DM me and I'll sort your prescription\", \"message me privately about your results\".",
    why: "Care by private message sits outside the record, outside your indemnity, and outside the safeguards of the practice; it also blurs the relationship.",
    fix: "Point patients to the practice's official contact routes.",
    suggestions: ["please contact the practice through the usual channels"],
    guidance: BOUNDARIES,
    fire: [ex("DM me and I'll sort your prescription"), ex("Message me privately about your results")],
    pass: [ex("DM me if you want to join the journal club"), ex("Patients: please use the portal")],
});

conduct_rule!(SEXUALISED {
    id: "conduct/sexualised-remark", kind: Boundary, severity: Stop,
    name: "Sexualised remark about a patient or colleague",
    message: "Sexualised comments about patients or colleagues are never acceptable.",
    what: "Remarks about patients' or colleagues' looks or bodies, and jokes about intimate examinations: \"the hot patient in bay 4\", \"any cute nurses on nights?\".",
    why: "Sexualised comments about patients breach the most basic boundary and are treated as serious misconduct by every regulator; about colleagues they are harassment.",
    fix: "Remove it.",
    suggestions: [""],
    guidance: BOUNDARIES,
    fire: [ex("the hot patient in bay 4 🔥"), ex("any cute nurses on nights?"), ex("doing rectals all day, living the dream 😏")],
    pass: [ex("How to perform a chaperoned intimate examination"), ex("Hot weather warning: check on older patients")],
});

static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &BEFRIENDING,
        &[
            ("friend request from my patient", ""),
            ("friend request from a patient", ""),
            ("accepted a friend request", ""),
            ("accepted his friend request", ""),
            ("accepted her friend request", ""),
            ("added me on facebook", ""),
            ("added me on insta", ""),
            ("followed me on insta", ""),
            ("followed me on instagram", ""),
            ("followed me on tiktok", ""),
            ("followed me on twitter", ""),
            ("found me on instagram", ""),
            ("found me on facebook", ""),
            ("found me on insta", ""),
            ("looked up my patient", ""),
            ("looked up a patient", ""),
            ("stalked my patient", ""),
            ("my patient's insta", ""),
            ("my patient's instagram", ""),
            ("my patient's facebook", ""),
            ("my patient's profile", ""),
            ("followed back", ""),
            ("i followed her back", ""),
            ("i followed him back", ""),
            ("slid into my dms", ""),
            ("slid into my dm", ""),
            ("great to see you in clinic", ""),
            ("creeped on my", ""),
            ("creeped on", ""),
            ("insta-stalked", ""),
            ("facebook stalked", ""),
            ("followed my patient", ""),
            ("my patient's husband on insta", ""),
            ("my patient's wife on insta", ""),
            ("invited me to her", ""),
            ("invited me to his", ""),
            ("invited me to their", ""),
            ("my patient's wedding", ""),
            ("invited to my patient's", ""),
            ("going on a date", ""),
            ("asked me out", ""),
            ("dating my patient", ""),
            ("date with my patient", ""),
            ("left her number", ""),
            ("left his number", ""),
            ("gave me her number", ""),
            ("gave me his number", ""),
            ("'s insta", ""),
        ],
    )
    .needs(Needs::PatientSubject)
    .unless(&[
        "declined",
        "i declined",
        "politely declined",
        "i don't accept",
        "never accept",
    ])
    .unless_post(&[
        "i said no",
        "said no",
        "documented it",
        "handed her care",
        "handed his care",
        "the rule exists",
        "i declined",
        "politely declined",
    ]),
    Matcher::new(
        &PRIVATE_CONTACT,
        &[
            ("dm me and i'll sort", ""),
            ("dm me and i will sort", ""),
            ("message me privately", ""),
            ("text me", ""),
            ("whatsapp me", ""),
            ("call my personal", ""),
            ("my personal number", ""),
            ("dm me about your", ""),
            ("dm me your", ""),
            ("message me about your results", ""),
            ("dm me for your", ""),
        ],
    )
    .needs(Needs::Addressed)
    .unless(&[
        "journal club",
        "conference",
        "abstract",
        "mentoring",
        "mentorship",
        "job",
        "rota",
        "colleagues",
    ]),
    Matcher::new(
        &SEXUALISED,
        &[
            ("hot patient", ""),
            ("sexy patient", ""),
            ("cute patient", ""),
            ("hottie in bay", ""),
            ("hottie in bed", ""),
            ("cute nurses", ""),
            ("hot nurses", ""),
            ("sexy nurse", ""),
            ("hot doctor", ""),
            ("rectals all day", ""),
            ("living the dream 😏", ""),
            ("nice rack", ""),
            ("great rack", ""),
            ("fit patient", ""),
            ("patient was hot", ""),
            ("patient is hot", ""),
            ("milf", ""),
            ("dilf", ""),
            ("boob job patient", ""),
            ("hot mom in", ""),
            ("hot mum in", ""),
            ("too pretty to be sick", ""),
            ("too pretty", ""),
            ("pretty patient", ""),
            ("gorgeous patient", ""),
            ("she blushed", ""),
            ("he blushed", ""),
        ],
    )
    .unless(&["weather", "hot water", "hot spot", "hot topic"]),
];

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| Compiled::new(MATCHERS));

pub(super) fn detect(scan: &Scan, hits: &mut Vec<Hit>) {
    COMPILED.run(scan, hits);
}
