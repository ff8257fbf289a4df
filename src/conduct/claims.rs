//! Misleading or unsupported health claims ("cures", "100% effective", "guaranteed") and
//! misinformation against public-health consensus.

use super::matcher::Matcher;
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[
    ABSOLUTE_CLAIM,
    SUPERLATIVE,
    MISINFORMATION,
    CLAIMS_IN_CONTEXT,
];

/// Words near a claim that make it a denial, a question or a report of someone else's claim.
const HEDGES: &str = include_str!("../../data/conduct/claims/hedges.txt");

conduct_rule!(ABSOLUTE_CLAIM {
    id: "conduct/absolute-claim", kind: Claims, severity: Caution, stop_in: [Au],
    name: "Absolute or guaranteed health claim",
    message: "This claim promises more than evidence can.",
    what: "\"cures\", \"guaranteed results\", \"100% effective\", \"completely safe\", \"no side effects\", \"miracle\", \"detox\" about a treatment.",
    why: "Unqualified claims mislead patients and create unreasonable expectations; they are prohibited in Australian health advertising (s133) and break the GMC's and CPSO's rules on factual information.",
    fix: "Qualify and cite: \"reduced symptoms in most patients in trials (ref)\".",
    suggestions: [],
    guidance: CLAIMS,
    fire: [
        ex("This protocol cures type 2 diabetes in 8 weeks"),
        ex_in(Region::Au, "Guaranteed results with our laser package"),
        ex("100% effective and completely safe, no side effects"),
        ex("Our laser hair removal is completely painless"),
    ],
    pass: [
        ex("Cures for malaria are urgently needed"),
        ex("There is no guaranteed cure, but treatment helps"),
        ex("Shingrix is about 90% effective. Not 100%, nothing is."),
    ],
});

conduct_rule!(SUPERLATIVE {
    id: "conduct/superlative-claim", kind: Claims, severity: Caution, stop_in: [Au],
    name: "Unverifiable superlative",
    message: "Superlatives about a service can't be verified.",
    what: "\"the best clinic in\", \"world's leading expert\", \"#1 rated\", \"the only doctor who\".",
    why: "Comparative and superlative claims mislead because they cannot be verified; Ahpra's advertising guidelines and the CPSO ban them.",
    fix: "State verifiable facts: qualifications, services, hours.",
    suggestions: [],
    guidance: CLAIMS,
    fire: [
        ex_in(Region::Au, "The best cosmetic clinic in Sydney, book today"),
        ex("I'm the world's leading expert on hair loss"),
        ex_in(Region::Au, "Our new laser treatment is the best in Sydney. Book today!"),
    ],
    pass: [ex("Best wishes to all our graduates"), ex("The best evidence says exercise helps")],
});

conduct_rule!(MISINFORMATION {
    id: "conduct/health-misinformation", kind: Claims, severity: Caution,
    name: "Claim against public-health consensus",
    message: "This contradicts well-established evidence.",
    what: "Statements against the scientific consensus: \"vaccines cause autism\", \"ivermectin cures covid\", \"mRNA changes your DNA\", \"covid is a hoax\".",
    why: "Doctors' words carry authority; misinformation from a doctor harms public health. Ahpra's 2021 statement warns of regulatory action, and the CMA Code asks doctors to flag views contrary to accepted science.",
    fix: "Share the evidence, or if you dissent, say so and give your sources.",
    suggestions: [],
    guidance: CLAIMS,
    fire: [
        ex("Vaccines cause autism and they know it"),
        ex("Ivermectin cures covid, the data is clear"),
        ex("Stop taking statins, they're poison. Eat more butter instead."),
    ],
    pass: [
        ex("No, vaccines do not cause autism"),
        ex("The myth that mRNA changes your DNA is false"),
        ex("Don't stop taking statins because of a headline; talk to your GP"),
    ],
});

conduct_rule!(CLAIMS_IN_CONTEXT {
    id: "conduct/claims-in-context", kind: Claims, severity: Caution,
    name: "Misleading health claim, read in context",
    message: "Read in context, this may be a health claim the evidence does not support.",
    what: "Posts the post classifier reads as a misleading or unsupported health claim (cures, reversals, anti-vaccine claims) when no phrase rule named the words. The finding underlines the words that weighed most.",
    why: "A doctor's claim carries authority; an unsupported one can lead readers to harmful choices, and regulators (GMC, Ahpra, CPSO, FSMB) treat misleading health information as a conduct matter.",
    fix: "State what the evidence shows, with its limits, or cite it.",
    suggestions: [],
    guidance: CLAIMS,
    fire: [
        ex("Vaccines cause far more harm than the diseases they prevent"),
        ex("This diet reverses dementia, I have seen it in my own patients"),
    ],
    pass: [
        ex("The evidence that vaccines prevent far more harm than they cause is overwhelming"),
        ex("No diet has been shown to reverse dementia, though exercise may slow decline"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &ABSOLUTE_CLAIM,
        include_str!("../../data/conduct/claims/absolute-claim.tsv"),
    )
    .unless(HEDGES)
    .unless_post(include_str!(
        "../../data/conduct/claims/absolute-claim.unless-post.txt"
    )),
    Matcher::new(
        &SUPERLATIVE,
        include_str!("../../data/conduct/claims/superlative.tsv"),
    )
    .unless(include_str!(
        "../../data/conduct/claims/superlative.unless.txt"
    )),
    Matcher::new(
        &MISINFORMATION,
        include_str!("../../data/conduct/claims/misinformation.tsv"),
    )
    .unless(HEDGES),
];
