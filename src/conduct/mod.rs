//! Professional conduct: the twelve categories of the GMC's, AMA's, AHPRA's and CPSO's
//! social-media guidance. One category a file; each declares its rules.

use crate::context::{Ctx, Hit};
use crate::rules::Rule;

/// The conduct rules, one slice per category.
pub static RULES: &[&[Rule]] = &[];

/// Runs every conduct rule.
pub fn detect(_ctx: &Ctx, _hits: &mut Vec<Hit>) {}
