//! Patients recognisable by a combination of details (age + time + place + rare condition).
//! Declared here, with the identifier rules; filled in by the combination detector.

use crate::context::{Ctx, Hit};
use crate::rules::Rule;

pub static RULES: &[Rule] = &[];

pub fn detect(_ctx: &Ctx, _hits: &mut Vec<Hit>) {}
