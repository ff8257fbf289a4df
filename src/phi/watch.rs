//! The author's own watch terms (`watch` in the config): always flagged.

use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::guidance::*;
use crate::lexicon::is_word_bounded;
use crate::rules::{Examples, Guidance, Rule};
use crate::text::Normalized;

pub static RULES: &[Rule] = &[WATCH_TERM];

pub const WATCH_TERM: Rule = Rule {
    id: "phi/watch-term",
    kind: Kind::OtherId,
    severity: Severity::Caution,
    stop_in: &[],
    name: "Watch term",
    message: "This is on your list of terms to keep out of posts.",
    what: "Any term from the author's own watch list (a ward's nickname, a local project, a patient group).",
    why: "You or your organisation asked to be warned whenever this term appears, because it could point to a patient or a confidential matter.",
    fix: "Remove or generalise the term.",
    suggestions: &[""],
    guidance: Guidance {
        us: &[HIPAA_SAFE_HARBOR],
        uk: &[GMC_SM_19],
        au: &[AHPRA_SOCIAL_CONFIDENTIALITY],
        ca: &[CPSO_SOCIAL],
    },
    examples: Examples { fire: &[], pass: &[] },
};

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let bytes = ctx.lower.as_bytes();
    for term in &ctx.config.watch {
        let needle = Normalized::new(term.trim()).text.to_ascii_lowercase();
        if needle.is_empty() {
            continue;
        }
        let mut from = 0;
        while let Some(i) = ctx.lower[from..].find(&needle) {
            let (s, e) = (from + i, from + i + needle.len());
            if is_word_bounded(bytes, s, e) {
                hits.push(Hit::new(&WATCH_TERM, s..e));
            }
            from = e;
        }
    }
}
