//! Settings shared by the CLI (`--config FILE`) and the extension (`storage.sync`).
//!
//! The format is JSON, the same structure everywhere:
//!
//! ```json
//! { "region": "uk", "allow": ["Dr Amara Obi", "Riverside Surgery"],
//!   "watch": ["Project Nightingale"], "disabled_rules": ["conduct/profanity"],
//!   "sensitivity": "balanced" }
//! ```
//!
//! Unknown keys are rejected so that a misspelt setting is an error, not a silent no-op.

use serde::Deserialize;
use std::fmt;

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
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
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

/// A config that could not be read, with what was wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// Reads a config from JSON text, naming the problem (and its line and column) on failure.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let config: Config = serde_json::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        for id in &self.disabled_rules {
            if !crate::rules::is_known_id_or_category(id) {
                return Err(ConfigError(format!(
                    "unknown rule or category {id:?} in disabled_rules (see `chaperone rules`)"
                )));
            }
        }
        for (key, terms) in [("allow", &self.allow), ("watch", &self.watch)] {
            if let Some(t) = terms.iter().find(|t| t.trim().is_empty()) {
                return Err(ConfigError(format!("empty term {t:?} in {key}")));
            }
        }
        Ok(())
    }

    /// Whether a rule is switched off, by its id or its category.
    pub fn is_disabled(&self, rule_id: &str, category: crate::Category) -> bool {
        let cat = match category {
            crate::Category::Phi => "phi",
            crate::Category::Professionalism => "professionalism",
        };
        self.disabled_rules.iter().any(|d| d == rule_id || d == cat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_full_config() {
        let c = Config::from_json(
            r#"{"region":"uk","allow":["Dr Obi"],"watch":["Nightingale"],
                "disabled_rules":["phi/nhs-number","professionalism"],"sensitivity":"high"}"#,
        )
        .unwrap();
        assert_eq!(c.region, Region::Uk);
        assert_eq!(c.sensitivity, Sensitivity::High);
        assert!(c.is_disabled("phi/nhs-number", crate::Category::Phi));
        assert!(c.is_disabled("conduct/profanity", crate::Category::Professionalism));
    }

    #[test]
    fn empty_object_is_the_default() {
        assert_eq!(Config::from_json("{}").unwrap(), Config::default());
    }

    #[test]
    fn errors_name_the_problem() {
        let e = Config::from_json(r#"{"regoin":"uk"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("regoin"), "{e}");
        let e = Config::from_json(r#"{"region":"fr"}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("fr"), "{e}");
        let e = Config::from_json(r#"{"disabled_rules":["phi/nope"]}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("phi/nope"), "{e}");
        let e = Config::from_json("{\"allow\": [1]")
            .unwrap_err()
            .to_string();
        assert!(e.contains("line 1"), "{e}");
    }
}
