//! Patient identifiers: HIPAA Safe Harbor's 18 families and their UK, Australian and
//! Canadian equivalents. One detector family a file; each declares its rules.

mod checksums;
mod combination;
mod health_ids;
mod watch;

use crate::context::{Ctx, Hit};
use crate::rules::Rule;

/// The identifier rules, one slice per detector family.
pub static RULES: &[&[Rule]] = &[health_ids::RULES, combination::RULES, watch::RULES];

/// Runs every identifier detector.
pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    health_ids::detect(ctx, hits);
    watch::detect(ctx, hits);
    combination::detect(ctx, hits);
}
