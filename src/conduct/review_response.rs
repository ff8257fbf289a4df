//! Replies to a patient's public review or comment that confirm the reviewer is a patient,
//! add clinical detail, or answer with hostility.

use super::matcher::{Matcher, Needs};
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[CONFIRMS_PATIENT, CLINICAL_DETAIL, HOSTILE_REPLY];

/// A reply that neither confirms nor denies a patient relationship.
const SAFE_REPLY: &str = "Thank you for your feedback. We can't discuss anyone's care online, but we take every concern seriously: please contact our practice manager so we can help.";

conduct_rule!(CONFIRMS_PATIENT {
    id: "conduct/review-confirms-patient", kind: ReviewResponse, severity: Stop,
    name: "Review reply that confirms a patient relationship",
    message: "This reply confirms the reviewer is your patient.",
    what: "Replies to reviews or comments that mention the reviewer's visits, appointments, records or what was discussed: \"As your records show, you missed two appointments\".",
    why: "Confirming that someone is your patient is itself a disclosure of health information. HHS OCR fined practices $10,000-$50,000 for review replies like this (Elite Dental, New Vision Dental, Manasa Health).",
    fix: "Reply without confirming or denying a relationship, and move the conversation offline.",
    suggestions: [SAFE_REPLY],
    guidance: REVIEWS,
    fire: [
        ex("Thanks for your review. As your records show, you missed two appointments."),
        ex_in(Region::Au, "Sorry you were unhappy. At your appointment on 12 Feb we explained the costs."),
        ex("Thank you for your feedback. We checked your records and you were seen on time."),
        ex("You were seen promptly and your prescription for sertraline was ready the same day."),
        ex("Mr Davies, you were discharged because you were abusive to our staff."),
    ],
    pass: [
        ex("Thank you for your feedback - please contact our practice manager"),
        ex("We can't discuss anyone's care online, but we take feedback seriously"),
        ex("Your appointment reminders now come by text - update your number at reception"),
        ex("If you were seen in A&E last winter, you may get a survey by post"),
    ],
});

conduct_rule!(CLINICAL_DETAIL {
    id: "conduct/review-clinical-detail", kind: ReviewResponse, severity: Stop,
    name: "Review reply with clinical detail",
    message: "This reply discloses the reviewer's clinical details.",
    what: "Replies to reviews that mention the reviewer's diagnosis, treatment, results, medication or insurer.",
    why: "Clinical details in a public reply are a disclosure of protected health information; OCR's 2023 Manasa Health penalty followed replies that mentioned psychiatric diagnoses.",
    fix: "Remove every clinical detail; offer to talk privately.",
    suggestions: [SAFE_REPLY],
    guidance: REVIEWS,
    fire: [
        ex("Sorry you weren't happy with your Botox results, but you were warned"),
        ex("Dear Mr Evans, your insurer didn't cover it, as we explained"),
    ],
    pass: [ex("Thank you for your kind review! We're glad the new booking system helps")],
});

conduct_rule!(HOSTILE_REPLY {
    id: "conduct/review-hostile", kind: ReviewResponse, severity: Caution,
    name: "Hostile reply to a reviewer",
    message: "A hostile reply to a reviewer escalates and may disclose.",
    what: "Replies that accuse, threaten or belittle a reviewer: \"liar\", \"known to us for being abusive\", \"legal action\".",
    why: "Arguing with a reviewer in public looks unprofessional, usually confirms the relationship, and has led to regulatory penalties.",
    fix: "Reply calmly with the safe template and take it offline.",
    suggestions: [SAFE_REPLY],
    guidance: REVIEWS,
    fire: [ex("Thanks for your review. This patient is known to us for being abusive."), ex("Your review is full of lies and we will take legal action")],
    pass: [ex("Thank you for your feedback, we'd love to hear more - please call us")],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &CONFIRMS_PATIENT,
        include_str!("../../data/conduct/review_response/confirms-patient.tsv"),
    )
    .needs(Needs::ReviewReply)
    .unless(include_str!(
        "../../data/conduct/review_response/confirms-patient.unless.txt"
    )),
    // Telling someone about their own care confirms them as a patient wherever it is posted.
    Matcher::new(
        &CONFIRMS_PATIENT,
        include_str!("../../data/conduct/review_response/confirms-patient-2.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/review_response/confirms-patient-2.unless.txt"
    )),
    Matcher::new(
        &CLINICAL_DETAIL,
        include_str!("../../data/conduct/review_response/clinical-detail.tsv"),
    )
    .needs(Needs::ReviewReply),
    Matcher::new(
        &HOSTILE_REPLY,
        include_str!("../../data/conduct/review_response/hostile-reply.tsv"),
    )
    .needs(Needs::ReviewReply),
];
