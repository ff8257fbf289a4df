//! Undisclosed commercial interests, patient testimonials and inducements.

use super::matcher::Matcher;
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[
    UNDISCLOSED_SPONSORSHIP,
    PHARMA_HOSPITALITY,
    TESTIMONIAL,
    INDUCEMENT,
    PROMOTION_IN_CONTEXT,
];

/// Words that disclose a commercial relationship and so silence the promotion rules.
const DISCLOSURE: &str = include_str!("../../data/conduct/promotion/disclosure.txt");

conduct_rule!(UNDISCLOSED_SPONSORSHIP {
    id: "conduct/undisclosed-sponsorship", kind: Promotion, severity: Caution,
    name: "Commercial link without disclosure",
    message: "A commercial link needs a clear disclosure.",
    what: "Discount codes, affiliate links, \"link in bio\", brand ambassadorships and sponsored or gifted products with no disclosure (#ad, paid partnership, COI statement).",
    why: "Patients and followers trust a doctor's recommendation; hiding a financial interest misleads them. The FTC's Endorsement Guides, the GMC and the BMA all require clear disclosure of material connections.",
    fix: "Disclose the relationship at the start (\"#ad - paid partnership with X\") or remove the promotion.",
    suggestions: [],
    guidance: PROMOTION,
    fire: [
        ex("Loving these compression socks on long shifts! Use my code DRJEN20 for 20% off"),
        ex("Proud brand ambassador for GlowSkin serum, link in bio"),
    ],
    pass: [
        ex("#ad - paid partnership with GlowSkin. Use my code DRJEN20 for 20% off"),
        ex("Code blue in the cafeteria today, all fine"),
    ],
});

conduct_rule!(PHARMA_HOSPITALITY {
    id: "conduct/pharma-hospitality", kind: Promotion, severity: Caution,
    name: "Industry hospitality without disclosure",
    message: "Industry-paid hospitality should be disclosed.",
    what: "Dinners, trips and gifts from drug or device companies mentioned without a disclosure.",
    why: "Undisclosed industry hospitality is a conflict of interest that readers cannot weigh; disclosure is required by the GMC, BMA, AMA and the Sunshine Act's spirit.",
    fix: "State the relationship (\"dinner sponsored by X; I have no other COI\") or leave it out.",
    suggestions: [],
    guidance: PROMOTION,
    fire: [ex("Amazing steak dinner courtesy of Pfizer tonight"), ex("Thanks Novo Nordisk for the trip to Copenhagen!")],
    pass: [
        ex("Pfizer's trial results are out in NEJM"),
        ex("Disclosure: dinner sponsored by Pfizer; I have no other COI"),
        ex("Huge thanks to the Mayo Clinic team in Rochester for hosting us this week"),
    ],
});

conduct_rule!(TESTIMONIAL {
    id: "conduct/testimonial", kind: Promotion, severity: Caution, stop_in: [Au],
    name: "Patient testimonial used to promote",
    message: "Patient testimonials in your own promotion are restricted (banned in Australia).",
    what: "Reposted patient praise, star ratings, \"what my patients say\", \"best surgeon ever\", \"swipe for her transformation\" in a post that promotes your service.",
    why: "Testimonials exploit patients' trust and cannot be balanced; Australia's National Law s133 bans them in advertising a regulated health service, and the CPSO prohibits them in Ontario.",
    fix: "Remove the testimonial; state factual information about the service.",
    suggestions: [""],
    guidance: PROMOTION,
    fire: [
        ex_in(Region::Au, "What my patients say ⭐⭐⭐⭐⭐ 'Dr Lee fixed my back in one session!'"),
        ex("Swipe for Jenny's transformation after her rhinoplasty"),
        ex("'Best surgeon ever, thank you Dr Smith' - so grateful for the kind words! Book now"),
        ex_in(Region::Au, "Check out our 5-star Google reviews! Patients love our anti-wrinkle injections."),
        ex("\"Thank you Dr Jones, you saved my life\" - the card that made my week"),
    ],
    pass: [
        ex("Grateful to my patients for what they teach me every day"),
        ex("Five-star hotel for the conference"),
        ex("Never answer our reviews with clinical details: that confirms a patient"),
        ex("Thank you Dr Patel for a brilliant grand round today"),
    ],
});

conduct_rule!(INDUCEMENT {
    id: "conduct/inducement", kind: Promotion, severity: Caution, stop_in: [Au],
    name: "Inducement to use a health service",
    message: "Offers and discounts that push people to a treatment are restricted.",
    what: "Limited-time offers, discounts, free consults and gifts to encourage a treatment: \"20% off Botox this week\", \"book now, free consultation\".",
    why: "Inducements encourage unnecessary treatment; s133 of the National Law restricts them in Australia and colleges elsewhere treat them as unprofessional advertising.",
    fix: "Give neutral information about the service and who it suits.",
    suggestions: [],
    guidance: PROMOTION,
    fire: [ex_in(Region::Au, "20% off Botox this week only! Book now"), ex("Limited time offer: free consultation with every filler")],
    pass: [ex("Flu vaccines are free for over-65s through the NHS"), ex("Book now for the CPD course")],
});

conduct_rule!(PROMOTION_IN_CONTEXT {
    id: "conduct/promotion-in-context", kind: Promotion, severity: Caution,
    name: "Promotion without disclosure, read in context",
    message: "Read in context, this may promote a product or service without a disclosure.",
    what: "Posts the post classifier reads as endorsing a product, sponsor or paid service without saying so when no phrase rule named the words: gifts and dinners from companies, free samples, offers. The finding underlines the words that weighed most.",
    why: "Readers trust a doctor's recommendation; an undisclosed interest misleads them, and advertising law (the FTC guides, s133 of the National Law, CPSO and GMC rules) requires the interest to be clear.",
    fix: "Disclose the relationship plainly (\"#ad\", \"I received this free\") or remove the endorsement.",
    suggestions: [],
    guidance: PROMOTION,
    fire: [
        ex("So grateful to the pharma team for the amazing dinner last night, their new inhaler is a game changer"),
        ex("Huge thanks to my friends at a skincare brand for the free samples, my patients love them"),
    ],
    pass: [
        ex("Disclosure: I have received speaker fees from two inhaler makers. Here is what the trial showed"),
        ex("Our dinner meeting on asthma was funded by the hospital education budget"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &UNDISCLOSED_SPONSORSHIP,
        include_str!("../../data/conduct/promotion/undisclosed-sponsorship.tsv"),
    )
    .unless_post(DISCLOSURE)
    .unless(include_str!(
        "../../data/conduct/promotion/undisclosed-sponsorship.unless.txt"
    )),
    Matcher::new(
        &PHARMA_HOSPITALITY,
        include_str!("../../data/conduct/promotion/pharma-hospitality.tsv"),
    )
    .unless_post(DISCLOSURE),
    // Thanks for a trip or a dinner are hospitality when a company gives them; a hospital
    // or a university hosting a visit is not.
    Matcher::new(
        &PHARMA_HOSPITALITY,
        include_str!("../../data/conduct/promotion/pharma-hospitality-2.tsv"),
    )
    .with(include_str!(
        "../../data/conduct/promotion/pharma-hospitality-2.with.txt"
    ))
    .unless_post(DISCLOSURE),
    Matcher::new(
        &TESTIMONIAL,
        include_str!("../../data/conduct/promotion/testimonial.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/promotion/testimonial.unless.txt"
    )),
    // Thanking a doctor is a testimonial in a patient's voice, not for a talk or teaching.
    Matcher::new(
        &TESTIMONIAL,
        include_str!("../../data/conduct/promotion/testimonial-2.tsv"),
    )
    .with(include_str!(
        "../../data/conduct/promotion/testimonial-2.with.txt"
    )),
    Matcher::new(
        &INDUCEMENT,
        include_str!("../../data/conduct/promotion/inducement.tsv"),
    )
    .with(include_str!(
        "../../data/conduct/promotion/inducement.with.txt"
    ))
    .unless_post(DISCLOSURE),
];
