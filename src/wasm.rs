//! The JavaScript binding: the only module that knows about the browser. Findings cross
//! with UTF-16 offsets, which is what DOM ranges and JavaScript strings use.

use crate::finding::{Category, Cite, Kind, Severity};
use crate::model::hash::FnvMap;
use crate::rules::Rule;
use crate::settings::Dropped;
use crate::text::{convert_offsets, Unit};
use crate::{catalogue, check, registry, Config, Finding, Region};
use serde::Serialize;
use std::cell::RefCell;
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
    /// objects at the rule's index in `registry::all()`, sent the first time a rule is found.
    rules: JsValue,
    /// Which rules' shared parts `rules` holds.
    sent: RefCell<Vec<bool>>,
}

// A check sends each finding across as a few numbers and only what differs from its rule,
// with the shared parts of rules not sent before. Sending whole findings as JSON cost a
// third of a 280-character post's check, most of it copying the same explanations.
#[wasm_bindgen(inline_js = r#"
const freeze = (value) => {
  if (value && typeof value === 'object') Object.values(value).forEach(freeze);
  return Object.freeze(value);
};
export function findingsFrom(json, rules) {
  const { parts, findings } = JSON.parse(json);
  for (const [index, part] of parts) rules[index] = freeze(part);
  return findings.map(([start, end, index, message, explanation, suggestions]) => {
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
    #[wasm_bindgen(js_name = findingsFrom)]
    fn findings_from(json: &str, rules: &JsValue) -> JsValue;
}

/// What every finding of a rule shares in a region: a finding with nothing of its own is
/// these fields and its offsets.
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

impl Shared {
    fn of(r: &'static Rule, region: Region) -> Shared {
        Shared {
            category: r.category(),
            kind: r.kind,
            severity: r.severity_in(region),
            rule: r.id,
            message: r.message,
            explanation: r.why,
            guidance: r.guidance.for_region(region),
            suggestions: r.suggestions,
        }
    }
}

/// What one check sends across: the shared parts of rules found for the first time, then
/// the findings.
#[derive(Serialize)]
struct Checked<'a> {
    parts: Vec<(usize, Shared)>,
    findings: Vec<Compact<'a>>,
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

/// Each rule's index in `registry::all()`, by id.
static INDEX: LazyLock<FnvMap<&str, (usize, &Rule)>> = LazyLock::new(|| {
    registry::all()
        .enumerate()
        .map(|(i, r)| (r.id, (i, r)))
        .collect()
});

fn compact<'a>(f: &'a Finding, rule: &Rule, index: usize, units: &[usize]) -> Compact<'a> {
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
    /// Builds an engine from a JSON config (`""` or `"{}"` for the defaults). The config is
    /// read strictly: any problem throws an `Error` whose message names it.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> Result<Engine, JsError> {
        let config = if config_json.trim().is_empty() {
            Config::default()
        } else {
            Config::from_json(config_json).map_err(invalid)?
        };
        Ok(Engine {
            config,
            rules: js_sys::Array::new().into(),
            sent: RefCell::new(vec![false; INDEX.len()]),
        })
    }

    /// Replaces the settings, leniently: each invalid key or list entry is left out on its
    /// own and the rest apply. Returns what was left out, as `validateSettings` does. Text
    /// that is not a JSON object throws, and the previous settings stay in force.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config_json: &str) -> Result<JsValue, JsError> {
        let (config, dropped) = parse_lenient(config_json)?;
        if config.region != self.config.region {
            // The shared parts hold the region's severities and guidance.
            self.rules = js_sys::Array::new().into();
            self.sent.borrow_mut().fill(false);
        }
        self.config = config;
        dropped_to_js(&dropped)
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
        let mut sent = self.sent.borrow_mut();
        let mut checked = Checked {
            parts: Vec::new(),
            findings: Vec::with_capacity(findings.len()),
        };
        for (f, u) in findings.iter().zip(units.chunks(2)) {
            let (index, rule) = INDEX[f.rule];
            if !std::mem::replace(&mut sent[index], true) {
                checked
                    .parts
                    .push((index, Shared::of(rule, self.config.region)));
            }
            checked.findings.push(compact(f, rule, index, u));
        }
        let json = serde_json::to_string(&checked).map_err(|e| JsError::new(&e.to_string()))?;
        Ok(findings_from(&json, &self.rules))
    }
}

fn invalid(e: crate::ConfigError) -> JsError {
    JsError::new(&format!("invalid settings: {e}"))
}

fn parse_lenient(json: &str) -> Result<(Config, Vec<Dropped>), JsError> {
    if json.trim().is_empty() {
        return Ok((Config::default(), Vec::new()));
    }
    Config::from_json_lenient(json).map_err(invalid)
}

/// What a lenient read left out, as an array of `{key, index, value, reason}` (`index` is
/// `null` when the whole key was dropped, else the entry's position in its list).
fn dropped_to_js(dropped: &[Dropped]) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(dropped).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not read the dropped settings"))
}

/// What the engine would leave out of these settings (see `Engine.setConfig`), without
/// changing any engine: lets settings from several places be checked one place at a time.
/// Text that is not a JSON object throws.
#[wasm_bindgen(js_name = validateSettings)]
pub fn validate_settings(config_json: &str) -> Result<JsValue, JsError> {
    dropped_to_js(&parse_lenient(config_json)?.1)
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
