//! Patient identifiers: HIPAA Safe Harbor's 18 families and their UK, Australian and
//! Canadian equivalents. One detector family a file; each declares its rules.

mod addresses;
pub(crate) mod ages;
mod checksums;
mod combination;
mod contact;
mod dates;
mod health_ids;
mod names;
mod numbers;
mod places;
mod watch;

use crate::context::{Ctx, Hit};
use crate::guidance::*;
use crate::rules::{Guidance, Rule};

/// A title ("mrs", "dr") is never a name alone: the learned layer asks it too.
pub(crate) use names::is_title;

/// The identifier rules, one slice per detector family.
pub static RULES: &[&[Rule]] = &[
    names::RULES,
    dates::RULES,
    ages::RULES,
    addresses::RULES,
    places::RULES,
    contact::RULES,
    health_ids::RULES,
    numbers::RULES,
    combination::RULES,
    watch::RULES,
];

/// Runs every identifier detector; the combination detector runs last and reads the others.
pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    // Every health and record number has digits (full-width ones are folded to ASCII): text
    // without any skips those detectors, and the first such check does not compile them.
    if ctx.digits {
        health_ids::detect(ctx, hits);
    }
    contact::detect(ctx, hits);
    if ctx.digits {
        numbers::detect(ctx, hits);
    }
    dates::detect(ctx, hits);
    ages::detect(ctx, hits);
    addresses::detect(ctx, hits);
    places::detect(ctx, hits);
    names::detect(ctx, hits);
    watch::detect(ctx, hits);
    combination::detect(ctx, hits);
}

/// The guidance every direct identifier maps to.
pub(crate) const IDENTIFIER_GUIDANCE: Guidance = Guidance {
    us: &[HIPAA_SAFE_HARBOR, AMA_232_A],
    uk: &[GMC_SM_20, GMC_CONFIDENTIALITY],
    au: &[AHPRA_SOCIAL_CONFIDENTIALITY, MBA_CODE_PRIVACY],
    ca: &[CPSO_SOCIAL, PHIPA],
};

/// The guidance for details that identify a patient in context (a town, a ward, a date).
pub(crate) const CONTEXT_GUIDANCE: Guidance = Guidance {
    us: &[HIPAA_SAFE_HARBOR, AMA_232_A],
    uk: &[GMC_SM_19, GMC_SM_20],
    au: &[AHPRA_SOCIAL_CONFIDENTIALITY, MBA_CODE_PRIVACY],
    ca: &[CPSO_SOCIAL, CMA_SOCIAL],
};

/// Whether the byte before `at` and the byte at `end` leave `text[at..end]` a whole token
/// (no letter or digit glued on either side).
pub(crate) fn is_token(text: &str, at: usize, end: usize) -> bool {
    crate::lexicon::is_word_bounded(text.as_bytes(), at, end)
}
