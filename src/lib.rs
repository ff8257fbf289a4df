//! Chaperone's engine: finds possible patient identifiers and unprofessional phrasing in a
//! clinician's social-media post. Pure Rust, no browser types (the `wasm` module is the only
//! place that knows about JavaScript), and a pure function: [`check`].
//!
//! ```
//! use chaperone::{check, Config};
//! let findings = check("NHS no 943 476 5919", &Config::default());
//! assert_eq!(findings[0].rule, "phi/nhs-number");
//! assert_eq!(&"NHS no 943 476 5919"[findings[0].span.clone()], "943 476 5919");
//! ```

pub mod catalogue;
pub mod conduct;
pub mod config;
mod context;
mod engine;
pub mod finding;
mod frame;
mod guidance;
mod lexicon;
mod model;
mod pattern;
pub mod phi;
pub mod registry;
pub mod rules;
pub mod settings;
pub mod text;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use config::{Config, Region, Sensitivity};
pub use engine::{check, training_features, warm_rule, FirstReading, Training};
pub use finding::{Category, Cite, Finding, Kind, Severity};
pub use settings::ConfigError;
