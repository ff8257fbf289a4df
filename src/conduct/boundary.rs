//! Professional boundaries: befriending, contacting or looking up patients online, and
//! sexualised remarks about patients or colleagues.

use super::matcher::{Matcher, Needs};
use crate::rules::{ex, Rule};

pub static RULES: &[Rule] = &[
    BEFRIENDING,
    PRIVATE_CONTACT,
    SEXUALISED,
    BOUNDARY_IN_CONTEXT,
];

conduct_rule!(BEFRIENDING {
    id: "conduct/befriending-patient", kind: Boundary, severity: Caution,
    name: "Befriending or looking up a patient",
    message: "Online contact with a patient blurs the professional boundary.",
    what: "Accepting friend requests from patients, following or looking up a patient's profile, tagging a patient, dating or drinking with a patient.",
    why: "A personal online relationship with a patient blurs the boundary that protects both of you; the GMC, BMA, AMA and FSMB advise declining and redirecting to professional channels.",
    fix: "Decline politely and point to your practice's official channels.",
    suggestions: [],
    guidance: BOUNDARIES,
    fire: [
        ex("Just accepted a friend request from my patient 😊"),
        ex("Looked up my patient's Insta last night, wow"),
        ex("My patient followed me on insta and I followed back"),
        ex("I asked my patient out after her last appointment, she said yes!"),
        ex("Guess who was at the pub, my patient from clinic. Bought him a round 🍺"),
    ],
    pass: [
        ex("Follow our practice page for updates"),
        ex("Patients: please use the portal for questions"),
        ex("Bought the night team a round after that shift, they earned it"),
    ],
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
    fire: [
        ex("DM me and I'll sort your prescription"),
        ex("Message me privately about your results and I'll tell you what they mean"),
        ex("Message me for a private consult, cheaper than the clinic!"),
        ex("Sorry, can't comment on your mum's care, but DM me and I'll look at her notes"),
    ],
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

conduct_rule!(BOUNDARY_IN_CONTEXT {
    id: "conduct/boundary-in-context", kind: Boundary, severity: Caution,
    name: "Personal contact with a patient, read in context",
    message: "Read in context, this may blur the boundary with a patient.",
    what: "Posts the post classifier reads as personal contact with a patient (following, messaging, dating, gifts, personal numbers) when no phrase rule named the words. The finding underlines the words that weighed most.",
    why: "Personal relationships with patients, online or off, compromise clinical judgement and trust; the GMC, AMA, FSMB and Ahpra ask doctors to keep professional boundaries on social media.",
    fix: "Keep contact with patients to professional channels; decline personal requests politely.",
    suggestions: [],
    guidance: BOUNDARIES,
    fire: [
        ex("Added my favourite patient on Instagram, she is so funny"),
        ex("Gave my personal mobile to the cute guy I discharged today"),
    ],
    pass: [
        ex("Professional boundaries matter online: keep your personal accounts private"),
        ex("Our practice Instagram shares health tips, never patients"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &BEFRIENDING,
        include_str!("../../data/conduct/boundary/befriending.tsv"),
    )
    .needs(Needs::PatientSubject)
    .unless(include_str!(
        "../../data/conduct/boundary/befriending.unless.txt"
    ))
    .unless_post(include_str!(
        "../../data/conduct/boundary/befriending.unless-post.txt"
    )),
    Matcher::new(
        &PRIVATE_CONTACT,
        include_str!("../../data/conduct/boundary/private-contact.tsv"),
    )
    .needs(Needs::Addressed)
    .unless(include_str!(
        "../../data/conduct/boundary/private-contact.unless.txt"
    )),
    // Offering consultations by message speaks to every reader, "you" or not.
    Matcher::new(
        &PRIVATE_CONTACT,
        include_str!("../../data/conduct/boundary/private-contact-2.tsv"),
    ),
    Matcher::new(
        &SEXUALISED,
        include_str!("../../data/conduct/boundary/sexualised.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/boundary/sexualised.unless.txt"
    )),
];
