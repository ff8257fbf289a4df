//! The learned layer's machinery: tokens, feature hashing and linear models whose weights
//! `make train` fits from the annotated posts in `data/train/` (see `tools/train.py`) and
//! writes to `data/model/`. What the features are, and how the engine weighs the detectors'
//! candidates with these models, is the engine's business (`engine::features`,
//! `engine::learned`); this layer knows nothing of rules or detectors.

pub mod hash;
pub mod linear;
pub mod tokens;
