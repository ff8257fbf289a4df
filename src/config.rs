//! The author's settings: region, allow list, watch terms, disabled rules, sensitivity.
//! Shared by the CLI (`--config FILE`) and the extension (`storage.sync`); read from JSON by
//! `settings.rs`, which sits above the rule registry it checks rule ids against.

use serde::Deserialize;

/// The author's jurisdiction: selects identifier families and the guidance cited.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    #[default]
    Us,
    Uk,
    Au,
    Ca,
}

impl Region {
    pub const ALL: [Region; 4] = [Region::Us, Region::Uk, Region::Au, Region::Ca];

    pub fn as_str(self) -> &'static str {
        match self {
            Region::Us => "us",
            Region::Uk => "uk",
            Region::Au => "au",
            Region::Ca => "ca",
        }
    }

    /// Parses `us`, `uk`, `au` or `ca` (any case; `gb` is taken as `uk`).
    pub fn parse(s: &str) -> Option<Region> {
        match s.to_ascii_lowercase().as_str() {
            "us" => Some(Region::Us),
            "uk" | "gb" => Some(Region::Uk),
            "au" => Some(Region::Au),
            "ca" => Some(Region::Ca),
            _ => None,
        }
    }
}

/// How eager the detectors are. `balanced` is tuned for few false alarms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sensitivity {
    /// Only findings that are nearly certain (checksummed numbers, titled names).
    Low,
    #[default]
    Balanced,
    /// Also weaker signals: bare first names and dates without a clear patient frame.
    High,
}

/// Everything that changes what `check` reports.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Config {
    pub region: Region,
    /// Terms never flagged: the author's own name, the practice's name and number.
    pub allow: Vec<String>,
    /// Extra terms always flagged as a possible identifier (a ward's nickname, a project name).
    pub watch: Vec<String>,
    /// Rule ids (`phi/nhs-number`) or whole categories (`phi`, `professionalism`) to skip.
    pub disabled_rules: Vec<String>,
    pub sensitivity: Sensitivity,
}

impl Config {
    /// Whether a rule is switched off, by its id or its category.
    pub fn is_disabled(&self, rule_id: &str, category: crate::Category) -> bool {
        let cat = match category {
            crate::Category::Phi => "phi",
            crate::Category::Professionalism => "professionalism",
        };
        self.disabled_rules.iter().any(|d| d == rule_id || d == cat)
    }
}
