//! Misleading or unsupported health claims ("cures", "100% effective", "guaranteed") and
//! misinformation against public-health consensus.

use super::matcher::{Compiled, Matcher, Scan};
use crate::config::Region;
use crate::context::Hit;
use crate::rules::{ex, ex_in, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[ABSOLUTE_CLAIM, SUPERLATIVE, MISINFORMATION];

/// Words near a claim that make it a denial, a question or a report of someone else's claim.
const HEDGES: &[&str] = &[
    "no",
    "not",
    "never",
    "nothing",
    "isn't",
    "aren't",
    "won't",
    "don't",
    "doesn't",
    "no such",
    "there is no",
    "there's no",
    "beware",
    "myth",
    "myths",
    "claim",
    "claims",
    "claimed",
    "scam",
    "snake oil",
    "?",
    "urgently needed",
    "needed",
    "research",
    "hope",
    "hoping",
    "searching",
    "search for",
    "looking for",
    "wish",
    "if only",
    "fake",
    "false",
    "misleading",
    "debunk",
    "debunked",
    "fact check",
    "nobody",
    "no one",
    "can't",
    "cannot",
];

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
    fire: [ex_in(Region::Au, "The best cosmetic clinic in Sydney, book today"), ex("I'm the world's leading expert on hair loss")],
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
    fire: [ex("Vaccines cause autism and they know it"), ex("Ivermectin cures covid, the data is clear")],
    pass: [ex("No, vaccines do not cause autism"), ex("The myth that mRNA changes your DNA is false")],
});

static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &ABSOLUTE_CLAIM,
        &[
            ("cures", ""),
            ("cure for", ""),
            ("will cure", ""),
            ("guaranteed", ""),
            ("guarantee", ""),
            ("100% effective", ""),
            ("100% safe", ""),
            ("100 percent effective", ""),
            ("completely safe", ""),
            ("totally safe", ""),
            ("no side effects", ""),
            ("zero side effects", ""),
            ("risk-free", ""),
            ("risk free", ""),
            ("miracle", ""),
            ("miracle cure", ""),
            ("instant results", ""),
            ("permanent results", ""),
            ("detox your", ""),
            ("boosts your immune system", ""),
            ("reverses ageing", ""),
            ("reverses aging", ""),
            ("reverse diabetes", ""),
            ("reverses diabetes", ""),
            ("boost immunity", ""),
            ("boosts immunity", ""),
            ("flush out toxins", ""),
            ("flushes out toxins", ""),
            ("flush toxins", ""),
            ("regrow", ""),
            ("regrows", ""),
            ("no surgery needed", ""),
            ("success rate", ""),
            ("% success", ""),
            ("cure hangovers", ""),
            ("works every time", ""),
        ],
    )
    .unless(HEDGES)
    .unless_post(&[
        "#medmyths",
        "myth busting",
        "mythbusting",
        "miracle on 34th",
    ]),
    Matcher::new(
        &SUPERLATIVE,
        &[
            ("the best clinic", ""),
            ("best cosmetic clinic", ""),
            ("best clinic in", ""),
            ("best surgeon in", ""),
            ("best doctor in", ""),
            ("world's leading", ""),
            ("world leading expert", ""),
            ("world-leading expert", ""),
            ("#1 rated", ""),
            ("number one rated", ""),
            ("no.1 clinic", ""),
            ("the only doctor", ""),
            ("the only clinic", ""),
            ("top-rated clinic", ""),
            ("leading expert", ""),
        ],
    )
    .unless(&[
        "best wishes",
        "best evidence",
        "best practice",
        "miracle on",
    ]),
    Matcher::new(
        &MISINFORMATION,
        &[
            ("vaccines cause autism", ""),
            ("vaccine causes autism", ""),
            ("vaccines are poison", ""),
            ("ivermectin cures", ""),
            ("hydroxychloroquine cures", ""),
            ("covid is a hoax", ""),
            ("plandemic", ""),
            ("mrna changes your dna", ""),
            ("vaccines alter your dna", ""),
            ("vaccine shedding", ""),
            ("natural immunity is better than vaccination", ""),
            ("fluoride is poison", ""),
            ("chemo is poison", ""),
            ("sunscreen causes cancer", ""),
            ("sunscreen causes", ""),
            ("ditch sunscreen", ""),
            ("ditch it", ""),
            ("drops kids' iq", ""),
            ("lowers iq", ""),
            ("lowers kids' iq", ""),
            ("fluoride drops", ""),
            ("stopped recommending fluoride", ""),
            ("vaccine injured", ""),
            ("vaccine injuries are common", ""),
            ("covid vaccines kill", ""),
        ],
    )
    .unless(HEDGES),
];

static COMPILED: LazyLock<Compiled> = LazyLock::new(|| Compiled::new(MATCHERS));

pub(super) fn detect(scan: &Scan, hits: &mut Vec<Hit>) {
    COMPILED.run(scan, hits);
}
