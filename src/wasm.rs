//! The JavaScript binding: the only module that knows about the browser. Findings cross
//! with UTF-16 offsets, which is what DOM ranges and JavaScript strings use.

use crate::text::{convert_offsets, Unit};
use crate::{catalogue, check, Config, Finding, Region};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

/// A configured checker. `new Engine('{"region":"uk"}')`; `engine.check(text)`.
#[wasm_bindgen]
pub struct Engine {
    config: Config,
}

#[derive(Serialize)]
struct JsFinding<'a> {
    start: usize,
    end: usize,
    #[serde(flatten)]
    finding: &'a Finding,
}

#[wasm_bindgen]
impl Engine {
    /// Builds an engine from a JSON config (`""` or `"{}"` for the defaults). A malformed
    /// config throws an `Error` whose message names the problem.
    #[wasm_bindgen(constructor)]
    pub fn new(config_json: &str) -> Result<Engine, JsError> {
        Ok(Engine {
            config: parse_config(config_json)?,
        })
    }

    /// Replaces the settings; on error the previous settings stay in force.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&mut self, config_json: &str) -> Result<(), JsError> {
        self.config = parse_config(config_json)?;
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
        let out: Vec<JsFinding> = findings
            .iter()
            .zip(units.chunks(2))
            .map(|(f, u)| JsFinding {
                start: u[0],
                end: u[1],
                finding: f,
            })
            .collect();
        // One JSON string parsed natively: building the objects field by field from wasm
        // decoded every message separately and cost a third of a short post's check.
        let json = serde_json::to_string(&out).map_err(|e| JsError::new(&e.to_string()))?;
        js_sys::JSON::parse(&json).map_err(|_| JsError::new("findings did not serialise"))
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
