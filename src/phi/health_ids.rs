//! National health identifiers validated by their check digits: NHS number.

use super::checksums::{digits_of, nhs_number};
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::Kind;
use crate::finding::Severity;
use crate::guidance::*;
use crate::rules::{ex, ex_in, Examples, Guidance, Rule};
use regex::Regex;
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[NHS_NUMBER];

pub const NHS_NUMBER: Rule = Rule {
    id: "phi/nhs-number",
    kind: Kind::HealthId,
    severity: Severity::Stop,
    name: "NHS number",
    message: "This looks like an NHS number.",
    what: "Ten digits, however spaced, that pass the NHS number's modulus-11 check.",
    why: "An NHS number identifies one patient for life; anyone who sees it can look up or link their record. It must never appear in a post.",
    fix: "Remove the number. If you need to refer to the case, say \"a patient\".",
    suggestions: &[""],
    guidance: Guidance {
        us: &[HIPAA_SAFE_HARBOR, AMA_232_A],
        uk: &[GMC_SM_20, GMC_CONFIDENTIALITY],
        au: &[AHPRA_SOCIAL_CONFIDENTIALITY, MBA_CODE_PRIVACY],
        ca: &[CPSO_SOCIAL, PHIPA],
    },
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "her NHS no. is 943 476 5919"),
            ex_in(Region::Uk, "NHS 943-476-5919 anyone seen this rash?"),
            ex("９４３ ４７６ ５９１９ is his number"),
        ],
        pass: &[
            ex_in(Region::Uk, "call 943 476 5918 to book"),
            ex_in(Region::Uk, "NCT04368728 recruited 1,200"),
        ],
    },
};

static TEN_DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)\d{3}[ .\-]?\d{3}[ .\-]?\d{4}(?-u:\b)").expect("valid pattern")
});

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    for m in TEN_DIGITS.find_iter(ctx.text) {
        if digits_of(m.as_str()).is_some_and(|d| nhs_number(&d)) {
            hits.push(Hit::new(&NHS_NUMBER, m.range()));
        }
    }
}
