//! Professional conduct: the twelve categories of the GMC's, AMA's, AHPRA's and CPSO's
//! social-media guidance. One category a file; each declares its rules and the phrases, the
//! context and the exceptions that decide them (see `matcher`).

/// Declares a conduct rule with its documentation and examples.
macro_rules! conduct_rule {
    ($name:ident {
        id: $id:literal, kind: $kind:ident, severity: $sev:ident, $(stop_in: [$($region:ident),*],)?
        name: $title:literal, message: $message:literal, what: $what:literal, why: $why:literal,
        fix: $fix:literal, suggestions: [$($s:expr),*], guidance: $guidance:ident,
        fire: [$($fire:expr),* $(,)?], pass: [$($pass:expr),* $(,)?] $(,)?
    }) => {
        pub const $name: crate::rules::Rule = crate::rules::Rule {
            id: $id,
            kind: crate::finding::Kind::$kind,
            severity: crate::finding::Severity::$sev,
            stop_in: &[$($(crate::config::Region::$region),*)?],
            name: $title,
            message: $message,
            what: $what,
            why: $why,
            fix: $fix,
            suggestions: &[$($s),*],
            guidance: super::$guidance,
            examples: crate::rules::Examples { fire: &[$($fire),*], pass: &[$($pass),*] },
        };
    };
}

mod advice;
mod boundary;
mod claims;
mod colleague;
mod consent;
mod derogatory;
mod discrimination;
mod intoxication;
mod matcher;
mod profanity;
mod promotion;
mod review_response;
mod stigmatizing;

use crate::context::{Ctx, Hit};
use crate::guidance::*;
use crate::rules::{Guidance, Rule};
use matcher::{Compiled, Scan};
use std::sync::LazyLock;

/// The conduct rules, one slice per category.
pub static RULES: &[&[Rule]] = &[
    derogatory::RULES,
    stigmatizing::RULES,
    colleague::RULES,
    advice::RULES,
    promotion::RULES,
    claims::RULES,
    profanity::RULES,
    discrimination::RULES,
    boundary::RULES,
    intoxication::RULES,
    consent::RULES,
    review_response::RULES,
];

/// Every category's phrase rules, in one automaton.
static MATCHERS: LazyLock<Compiled> = LazyLock::new(|| {
    Compiled::new(&[
        derogatory::MATCHERS,
        stigmatizing::MATCHERS,
        colleague::MATCHERS,
        advice::MATCHERS,
        promotion::MATCHERS,
        claims::MATCHERS,
        profanity::MATCHERS,
        discrimination::MATCHERS,
        boundary::MATCHERS,
        intoxication::MATCHERS,
        review_response::MATCHERS,
        consent::MATCHERS,
    ])
});

/// Runs every conduct rule.
pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let scan = Scan::new(ctx);
    MATCHERS.run(&scan, hits);
    consent::detect_story(&scan, hits);
}

/// Respect for patients: derogatory slang and mocking.
const RESPECT: Guidance = Guidance {
    us: &[AMA_232_F, FSMB_SOCIAL],
    uk: &[GMC_SM_14, BMA_SOCIAL],
    au: &[AHPRA_SOCIAL_CONDUCT, MBA_CODE_RESPECT],
    ca: &[CMA_CODE_31_33, CPSO_SOCIAL],
};

/// Stigmatising clinical language.
const STIGMA: Guidance = Guidance {
    us: &[STIGMA_RESEARCH, AMA_232_F],
    uk: &[STIGMA_RESEARCH, GMC_SM_18],
    au: &[STIGMA_RESEARCH, AHPRA_SOCIAL_CONDUCT],
    ca: &[STIGMA_RESEARCH, CMA_CODE_31_33],
};

const COLLEAGUES: Guidance = Guidance {
    us: &[AMA_232_F, FSMB_SOCIAL],
    uk: &[GMC_SM_14, GMC_SM_15],
    au: &[MBA_CODE_RESPECT, AHPRA_SOCIAL_CONDUCT],
    ca: &[CMA_CODE_31_33, CPSO_SOCIAL],
};

const ADVICE: Guidance = Guidance {
    us: &[FSMB_SOCIAL, AMA_232_C],
    uk: &[GMC_SM_4, BMA_SOCIAL],
    au: &[AHPRA_SOCIAL_BOUNDARIES, MBA_CODE_PRIVACY],
    ca: &[CMA_SOCIAL, CPSO_SOCIAL],
};

const PROMOTION: Guidance = Guidance {
    us: &[FTC_ENDORSEMENT, AMA_232_F],
    uk: &[GMP_CONFLICTS, BMA_SOCIAL],
    au: &[NATIONAL_LAW_S133, AHPRA_ADVERTISING],
    ca: &[CPSO_ADVERTISING, CPSO_SOCIAL],
};

const CLAIMS: Guidance = Guidance {
    us: &[FSMB_SOCIAL, FTC_ENDORSEMENT],
    uk: &[GMP_MISLEADING, GMP_81],
    au: &[NATIONAL_LAW_S133, AHPRA_ADVERTISING],
    ca: &[CMA_CODE_41, CPSO_ADVERTISING],
};

const CIVILITY: Guidance = Guidance {
    us: &[AMA_232_F, FSMB_SOCIAL],
    uk: &[GMC_SM_4, GMP_81],
    au: &[AHPRA_SOCIAL_CONDUCT, MBA_CODE_RESPECT],
    ca: &[CMA_CODE_31_33, CPSO_SOCIAL],
};

const DISCRIMINATION: Guidance = Guidance {
    us: &[AMA_232_F, FSMB_SOCIAL],
    uk: &[GMC_SM_14, GMC_SM_15],
    au: &[AHPRA_SOCIAL_CONDUCT, MBA_CODE_RESPECT],
    ca: &[CPSO_SOCIAL, CMA_CODE_31_33],
};

const BOUNDARIES: Guidance = Guidance {
    us: &[AMA_232_C, FSMB_SOCIAL],
    uk: &[GMC_BOUNDARIES, BMA_SOCIAL],
    au: &[AHPRA_SOCIAL_BOUNDARIES, MBA_CODE_PRIVACY],
    ca: &[CPSO_SOCIAL, CMA_SOCIAL],
};

const FITNESS: Guidance = Guidance {
    us: &[AMA_232_F, FSMB_SOCIAL],
    uk: &[GMP_81, GMC_SM_4],
    au: &[NATIONAL_LAW_S140, AHPRA_SOCIAL_CONDUCT],
    ca: &[CPSO_SOCIAL, CMA_CODE_31_33],
};

const CONSENT: Guidance = Guidance {
    us: &[HIPAA_DISCLOSURE, AMA_232_A],
    uk: &[GMC_SM_20, GMC_SM_19],
    au: &[AHPRA_SOCIAL_CONFIDENTIALITY, MBA_CODE_PRIVACY],
    ca: &[CPSO_SOCIAL, PHIPA],
};

const REVIEWS: Guidance = Guidance {
    us: &[OCR_REVIEWS, HIPAA_DISCLOSURE],
    uk: &[GMC_SM_18, GMC_CONFIDENTIALITY],
    au: &[AHPRA_SOCIAL_CONFIDENTIALITY, MBA_CODE_PRIVACY],
    ca: &[CPSO_SOCIAL, PHIPA],
};
