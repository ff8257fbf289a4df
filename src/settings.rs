//! Reading settings ([`Config`]) from JSON, for the CLI (`--config FILE`) and the extension
//! (`storage.sync`).
//!
//! The format is JSON, the same structure everywhere:
//!
//! ```json
//! { "region": "uk", "allow": ["Dr Amara Obi", "Riverside Surgery"],
//!   "watch": ["Project Nightingale"], "disabled_rules": ["conduct/profanity"],
//!   "sensitivity": "balanced" }
//! ```
//!
//! [`Config::from_json`] is strict, for the CLI: a misspelt key or a bad value is an error, not
//! a silent no-op. [`Config::from_json_lenient`] is for the extension, whose settings come
//! from several places (the user's, an organisation's policy): it drops each invalid key or
//! list entry on its own, names it with why, and keeps the rest. Both read through the same
//! checks, so what one rejects the other drops.

use crate::config::{Config, Region, Sensitivity};
use crate::registry;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// A config that could not be read, with what was wrong and where.
#[derive(Debug, Clone, PartialEq)]
pub struct ConfigError(String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ConfigError {}

/// A key or list entry that a lenient read left out, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Dropped {
    /// The setting: `region`, `disabled_rules`, or an unknown key as written.
    pub key: String,
    /// The entry's position when one entry of a list was dropped rather than the whole key.
    pub index: Option<usize>,
    /// What was there.
    pub value: Value,
    /// Why it was dropped, in a few words.
    pub reason: String,
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(f, "{}[{i}] {}: {}", self.key, self.value, self.reason),
            None => write!(f, "{} {}: {}", self.key, self.value, self.reason),
        }
    }
}

const KEYS: &str = "region, allow, watch, disabled_rules, sensitivity";

impl Config {
    /// Reads a config from JSON text, naming the problem on failure: the line and column of
    /// malformed JSON, or the first key or entry [`Config::from_json_lenient`] would drop.
    pub fn from_json(text: &str) -> Result<Config, ConfigError> {
        let (config, dropped) = Config::from_json_lenient(text)?;
        match dropped.first() {
            Some(d) => Err(ConfigError(d.to_string())),
            None => Ok(config),
        }
    }

    /// Reads a config from JSON text, keeping every valid setting: an unknown key, a bad
    /// value or a bad entry of a list (an unknown rule id, a blank term) is left out on its
    /// own and listed with why. Only text that is not a JSON object is an error.
    pub fn from_json_lenient(text: &str) -> Result<(Config, Vec<Dropped>), ConfigError> {
        let value: Value = serde_json::from_str(text).map_err(|e| ConfigError(e.to_string()))?;
        let Value::Object(map) = value else {
            return Err(ConfigError(format!(
                "settings must be a JSON object, not {value}"
            )));
        };
        let mut config = Config::default();
        let mut dropped = Vec::new();
        let mut drop = |key: &str, index: Option<usize>, value: &Value, reason: &str| {
            dropped.push(Dropped {
                key: key.to_string(),
                index,
                value: value.clone(),
                reason: reason.to_string(),
            })
        };
        for (key, value) in &map {
            match key.as_str() {
                "region" => match Region::deserialize(value) {
                    Ok(r) => config.region = r,
                    Err(_) => drop(key, None, value, "not one of us, uk, au, ca"),
                },
                "sensitivity" => match Sensitivity::deserialize(value) {
                    Ok(s) => config.sensitivity = s,
                    Err(_) => drop(key, None, value, "not one of low, balanced, high"),
                },
                "allow" | "watch" | "disabled_rules" => {
                    let Value::Array(entries) = value else {
                        drop(key, None, value, "not a list");
                        continue;
                    };
                    let mut kept = Vec::with_capacity(entries.len());
                    for (i, entry) in entries.iter().enumerate() {
                        match (entry.as_str(), key.as_str()) {
                            (Some(t), _) if t.trim().is_empty() => {
                                drop(key, Some(i), entry, "empty term")
                            }
                            (Some(id), "disabled_rules")
                                if !registry::is_known_id_or_category(id) =>
                            {
                                drop(key, Some(i), entry, "unknown rule or category")
                            }
                            (Some(t), _) => kept.push(t.to_string()),
                            (None, _) => drop(key, Some(i), entry, "not a string"),
                        }
                    }
                    match key.as_str() {
                        "allow" => config.allow = kept,
                        "watch" => config.watch = kept,
                        _ => config.disabled_rules = kept,
                    }
                }
                _ => drop(
                    key,
                    None,
                    value,
                    &format!("unknown setting (known: {KEYS})"),
                ),
            }
        }
        Ok((config, dropped))
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
        for bad in [
            r#"{"allow":[1]}"#,
            r#"{"watch":[" "]}"#,
            r#"{"sensitivity":"loud"}"#,
            r#"{"allow":"Dr Obi"}"#,
            "[]",
        ] {
            assert!(Config::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_lenient_read_drops_each_bad_entry_alone_and_keeps_the_rest() {
        let (c, dropped) = Config::from_json_lenient(
            r#"{"region":"uk","allow":["Dr Obi",7,"  ","Riverside"],"watch":["Nightingale"],
                "disabled_rules":["conduct/profanity","conduct/nope","phi"],
                "sensitivity":"loud","regoin":"au"}"#,
        )
        .unwrap();
        assert_eq!(c.region, Region::Uk);
        assert_eq!(c.allow, ["Dr Obi", "Riverside"]);
        assert_eq!(c.watch, ["Nightingale"]);
        assert_eq!(c.disabled_rules, ["conduct/profanity", "phi"]);
        assert_eq!(c.sensitivity, Sensitivity::Balanced);
        let named: Vec<String> = dropped.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            named,
            [
                "allow[1] 7: not a string",
                "allow[2] \"  \": empty term",
                "disabled_rules[1] \"conduct/nope\": unknown rule or category",
                "regoin \"au\": unknown setting (known: region, allow, watch, disabled_rules, sensitivity)",
                "sensitivity \"loud\": not one of low, balanced, high",
            ]
        );
        let (c, dropped) = Config::from_json_lenient(r#"{"region":"mars","watch":{}}"#).unwrap();
        assert_eq!(c, Config::default());
        assert_eq!(dropped.len(), 2);
        assert!(Config::from_json_lenient("{not json").is_err());
        assert!(Config::from_json_lenient(r#""uk""#).is_err());
    }
}
