//! National health identifiers, validated by their check digits or their distinctive format:
//! NHS and CHI numbers, US Medicare (MBI), Australian Medicare and IHI, Canadian health cards.

use super::checksums::{au_medicare, digits_of, luhn, nhs_number};
use super::{is_token, IDENTIFIER_GUIDANCE};
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};

pub static RULES: &[Rule] = &[
    NHS_NUMBER,
    CHI_NUMBER,
    MEDICARE_MBI,
    MEDICARE_AU,
    IHI,
    HEALTH_CARD_CA,
];

const WHY_HEALTH_ID: &str = "A health-service number identifies one patient for life; anyone who sees it can look up or link their record. It must never appear in a post, even with the name removed.";
const FIX_HEALTH_ID: &str =
    "Remove the number. If you need to refer to the case, say \"a patient\".";

pub const NHS_NUMBER: Rule = Rule {
    id: "phi/nhs-number",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    stop_in: &[],
    name: "NHS number",
    message: "This looks like an NHS number.",
    what: "Ten digits, however spaced, that pass the NHS number's modulus-11 check, or that follow \"NHS no\".",
    why: WHY_HEALTH_ID,
    fix: FIX_HEALTH_ID,
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "her NHS no. is 943 476 5919"),
            ex_in(Region::Uk, "NHS 943-476-5919 anyone seen this rash?"),
            ex_in(Region::Uk, "９４３ ４７６ ５９１９ is his number"),
            ex("his NHS number 943 476 5919 from his years in Leeds"),
            ex_in(Region::Uk, "NHS number 485 777 3456 on a letter left in the canteen"),
        ],
        pass: &[
            ex_in(Region::Uk, "call 943 476 5918 to book"),
            ex_in(Region::Uk, "NCT04368728 recruited 1,200"),
            ex("Get your flu shot this Saturday at Riverside Clinic, call 555-201-3344"),
        ],
    },
};

pub const CHI_NUMBER: Rule = Rule {
    id: "phi/chi-number",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    stop_in: &[],
    name: "CHI number",
    message: "This looks like a Scottish CHI number.",
    what: "Ten digits after \"CHI\" that start with a valid date of birth (DDMMYY) and pass the modulus-11 check.",
    why: WHY_HEALTH_ID,
    fix: FIX_HEALTH_ID,
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex_in(Region::Uk, "CHI 120354 1236 on the request form")],
        pass: &[ex_in(Region::Uk, "Our CHI team met today to plan 2025")],
    },
};

pub const MEDICARE_MBI: Rule = Rule {
    id: "phi/medicare-mbi",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    stop_in: &[],
    name: "US Medicare number (MBI)",
    message: "This looks like a Medicare Beneficiary Identifier.",
    what: "Eleven characters in the MBI's format (digit, letter, letter-or-digit, digit, ...), with or without dashes.",
    why: WHY_HEALTH_ID,
    fix: FIX_HEALTH_ID,
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex("I keyed her MBI as 5RW2-HC8-AJ47 instead")],
        pass: &[ex("Order set ABC-123 updated"), ex("Vitamin D3 1000IU daily")],
    },
};

pub const MEDICARE_AU: Rule = Rule {
    id: "phi/medicare-au",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Australian Medicare number",
    message: "This looks like an Australian Medicare number.",
    what: "Ten or eleven digits that pass the Medicare card's check digit, in an Australian post or after \"Medicare\".",
    why: WHY_HEALTH_ID,
    fix: FIX_HEALTH_ID,
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex_in(Region::Au, "Medicare 2123 45670 1 on the referral")],
        pass: &[ex_in(Region::Au, "Medicare 2123 45671 1 fails the check")],
    },
};

pub const IHI: Rule = Rule {
    id: "phi/ihi",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Individual Healthcare Identifier",
    message: "This looks like an Australian IHI.",
    what: "Sixteen digits starting 800360 that pass the Luhn check.",
    why: WHY_HEALTH_ID,
    fix: FIX_HEALTH_ID,
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex_in(Region::Au, "IHI 8003 6080 0003 7213 was wrong")],
        pass: &[ex_in(Region::Au, "8003 6080 0003 7214 fails the check")],
    },
};

pub const HEALTH_CARD_CA: Rule = Rule {
    id: "phi/health-card-ca",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Canadian provincial health card",
    message: "This looks like a provincial health card number.",
    what: "Ontario health numbers with their version code (1234-567-890-AB), and numbers after OHIP, HCN, PHN, RAMQ, carte or Care Card.",
    why: WHY_HEALTH_ID,
    fix: FIX_HEALTH_ID,
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Ca, "OHIP 4681-930-360-JF on every page"),
            ex_in(Region::Ca, "she shows up under two PHNs, 40982-1176 and 40982-1167"),
        ],
        pass: &[ex_in(Region::Ca, "OHIP covers 2 eye exams a year")],
    },
};

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let text = ctx.text;
    for m in pattern::TEN_DIGITS.find_iter(text) {
        let Some(d) = digits_of(m.as_str()) else {
            continue;
        };
        let before = ctx.lower_before(m.start(), 16);
        let labelled_chi = before.contains("chi");
        // NHS and CHI numbers exist in the UK; elsewhere ten digits are a phone number
        // unless a label names the family.
        let in_family = ctx.region() == Region::Uk || labelled_chi || before.contains("nhs");
        if !in_family {
            continue;
        }
        if labelled_chi && is_ddmmyy(&d) && nhs_number(&d) {
            hits.push(Hit::new(&CHI_NUMBER, m.range()));
        } else if nhs_number(&d) {
            hits.push(Hit::new(&NHS_NUMBER, m.range()));
        }
    }
    for m in pattern::MBI.find_iter(text) {
        hits.push(Hit::new(&MEDICARE_MBI, m.range()));
    }
    for m in pattern::MEDICARE_AU.find_iter(text) {
        let labelled = ctx.lower_before(m.start(), 16).contains("medicare");
        let d = digits_of(m.as_str()).unwrap_or_default();
        if (labelled || ctx.region() == Region::Au) && au_medicare(&d) {
            hits.push(Hit::new(&MEDICARE_AU, m.range()));
        }
    }
    for m in pattern::IHI.find_iter(text) {
        if digits_of(m.as_str()).is_some_and(|d| luhn(&d)) {
            hits.push(Hit::new(&IHI, m.range()));
        }
    }
    for m in pattern::OHIP.find_iter(text) {
        if is_token(text, m.start(), m.end()) {
            hits.push(Hit::new(&HEALTH_CARD_CA, m.range()));
        }
    }
}

/// Whether the first six digits are a plausible DDMMYY date (CHI numbers start with one).
fn is_ddmmyy(d: &[u8]) -> bool {
    let day = d[0] * 10 + d[1];
    let month = d[2] * 10 + d[3];
    (1..=31).contains(&day) && (1..=12).contains(&month)
}
