//! The JavaScript binding: the only module that knows about the browser. Findings cross
//! with UTF-16 offsets, which is what DOM ranges and JavaScript strings use.

use crate::finding::{Category, Cite, Kind, Severity};
use crate::rules::Rule;
use crate::text::{convert_offsets, Unit};
use crate::{catalogue, check, rules, Config, Finding, Region};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::LazyLock;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A configured checker. `new Engine('{"region":"uk"}')`; `engine.check(text)`.
#[wasm_bindgen]
pub struct Engine {
    config: Config,
    /// What every finding of a rule shares in the configured region, as frozen JavaScript
    /// objects in the order of `rules::all()`.
    rules: JsValue,
}

// A check sends each finding across as a few numbers and only what differs from its rule;
// the shared parts are parsed once per region. Sending whole findings as JSON cost a third
// of a 280-character post's check, most of it copying the same explanations every time.
#[wasm_bindgen(inline_js = r#"
const freeze = (value) => {
  if (value && typeof value === 'object') Object.values(value).forEach(freeze);
  return Object.freeze(value);
};
export function rulesFrom(json) {
  return JSON.parse(json).map(freeze);
}
export function findingsFrom(json, rules) {
  return JSON.parse(json).map(([start, end, index, message, explanation, suggestions]) => {
    const rule = rules[index];
    return {
      start,
      end,
      category: rule.category,
      kind: rule.kind,
      severity: rule.severity,
      rule: rule.rule,
      message: message ?? rule.message,
      explanation: explanation ?? rule.explanation,
      guidance: rule.guidance,
      suggestions: suggestions ?? rule.suggestions,
    };
  });
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = rulesFrom)]
    fn rules_from(json: &str) -> JsValue;
    #[wasm_bindgen(js_name = findingsFrom)]
    fn findings_from(json: &str, rules: &JsValue) -> JsValue;
}

/// The shared part of each rule's findings in `region`: a finding with nothing of its own
/// is these fields and its offsets.
fn shared_parts(region: Region) -> JsValue {
    #[derive(Serialize)]
    struct Shared {
        category: Category,
        kind: Kind,
        severity: Severity,
        rule: &'static str,
        message: &'static str,
        explanation: &'static str,
        guidance: &'static [Cite],
        suggestions: &'static [&'static str],
    }
    let parts: Vec<Shared> = rules::all()
        .map(|r| Shared {
            category: r.category(),
            kind: r.kind,
            severity: r.severity_in(region),
            rule: r.id,
            message: r.message,
            explanation: r.why,
            guidance: r.guidance.for_region(region),
            suggestions: r.suggestions,
        })
        .collect();
    rules_from(&serde_json::to_string(&parts).expect("rules serialise"))
}

/// A finding as it crosses: UTF-16 offsets, the rule's index, then the message, explanation
/// and suggestions when they are not the rule's own (`null` when they are).
type Compact<'a> = (
    usize,
    usize,
    usize,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a [String]>,
);

fn compact<'a>(f: &'a Finding, units: &[usize]) -> Compact<'a> {
    static INDEX: LazyLock<HashMap<&str, (usize, &Rule)>> = LazyLock::new(|| {
        rules::all()
            .enumerate()
            .map(|(i, r)| (r.id, (i, r)))
            .collect()
    });
    let (index, rule) = INDEX[f.rule];
    let own_suggestions = f.suggestions.len() != rule.suggestions.len()
        || f.suggestions
            .iter()
            .zip(rule.suggestions)
            .any(|(a, b)| a != b);
    (
        units[0],
        units[1],
        index,
        (f.message != rule.message).then_some(&*f.message),
        (f.explanation != rule.why).then_some(&*f.explanation),
        own_suggestions.then_some(&f.suggestions[..]),
    )
}

#[wasm_bindgen]
impl Engine {
    /// Builds an engine from a JSON config (`""` or `"{}"` for the defaults). A malformed
    /// config throws an `Error` whose message names the problem.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> Result<Engine, JsError> {
        let config = parse_config(config_json)?;
        Ok(Engine {
            rules: shared_parts(config.region),
            config,
        })
    }

    /// Replaces the settings; on error the previous settings stay in force.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config_json: &str) -> Result<(), JsError> {
        let config = parse_config(config_json)?;
        if config.region != self.config.region {
            self.rules = shared_parts(config.region);
        }
        self.config = config;
        Ok(())
    }

    /// The region in force: `us`, `uk`, `au` or `ca`.
    #[wasm_bindgen(getter)]
    pub fn region(&self) -> String {
        self.config.region.as_str().to_string()
    }

    /// Builds what rule number `index` needs for the current settings, so later checks are
    /// quick; false once `index` is past the last rule. Called rule by rule when an editor
    /// gets focus, yielding between rules so a keystroke's check need not wait.
    #[wasm_bindgen(js_name = warmRule)]
    pub fn warm_rule(&self, index: usize) -> bool {
        crate::warm_rule(&self.config, index)
    }

    /// Checks `text` and returns an array of findings with UTF-16 `start`/`end`.
    /// Lone surrogates arrive as U+FFFD, one code unit each, so offsets stay aligned.
    pub fn check(&self, text: &str) -> Result<JsValue, JsError> {
        let findings = check(text, &self.config);
        let bytes: Vec<usize> = findings
            .iter()
            .flat_map(|f| [f.span.start, f.span.end])
            .collect();
        let units = convert_offsets(text, &bytes, Unit::Utf16);
        let out: Vec<Compact> = findings
            .iter()
            .zip(units.chunks(2))
            .map(|(f, u)| compact(f, u))
            .collect();
        let json = serde_json::to_string(&out).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(findings_from(&json, &self.rules))
    }
}

fn parse_config(json: &str) -> Result<Config, JsError> {
    if json.trim().is_empty() {
        return Ok(Config::default());
    }
    Config::from_json(json).map_err(|e| JsError::new(&format!("invalid settings: {e}")))
}

/// The rule catalogue as a JSON string (`{"rules": [...]}`).
#[wasm_bindgen]
pub fn rules() -> String {
    catalogue::json().to_string()
}

/// The regions the engine knows, for settings pages.
#[wasm_bindgen]
pub fn regions() -> Vec<String> {
    Region::ALL.iter().map(|r| r.as_str().to_string()).collect()
}
