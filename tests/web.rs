//! The wasm binding in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! findings cross with UTF-16 offsets, bad settings throw a clear error, and lone surrogates
//! from the page neither panic nor shift offsets.

#![cfg(target_arch = "wasm32")]

use chaperone::wasm::Engine;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn only_finding(engine: &Engine, text: &str) -> JsValue {
    let findings = js_sys::Array::from(&engine.check(text).unwrap());
    assert_eq!(findings.length(), 1, "{text:?}");
    findings.get(0)
}

#[wasm_bindgen_test]
fn offsets_are_utf16_code_units() {
    let engine = Engine::new(r#"{"region":"uk"}"#).unwrap();
    let f = only_finding(&engine, "😀😀 NHS 943 476 5919");
    assert_eq!(get(&f, "start").as_f64(), Some(9.0));
    assert_eq!(get(&f, "end").as_f64(), Some(21.0));
    assert_eq!(
        get(&f, "rule").as_string().as_deref(),
        Some("phi/nhs-number")
    );
    assert_eq!(get(&f, "severity").as_string().as_deref(), Some("stop"));
    assert_eq!(get(&f, "category").as_string().as_deref(), Some("phi"));
    assert!(js_sys::Array::is_array(&get(&f, "guidance")));
}

#[wasm_bindgen_test]
fn lone_surrogates_keep_offsets_aligned() {
    // A page can hold "\uD800" alone; it reaches Rust as U+FFFD, still one code unit.
    let units: Vec<u16> = "\u{0} NHS 943 476 5919".encode_utf16().collect();
    let mut units = units;
    units[0] = 0xD800;
    let text = js_sys::JsString::from_char_code(&units)
        .as_string()
        .unwrap();
    let f = only_finding(&Engine::new("").unwrap(), &text);
    assert_eq!(get(&f, "start").as_f64(), Some(6.0));
}

#[wasm_bindgen_test]
fn malformed_settings_are_a_clear_error_and_keep_the_old_ones() {
    assert!(Engine::new(r#"{"region":"mars"}"#).is_err());
    let mut engine = Engine::new(r#"{"region":"au"}"#).unwrap();
    assert!(engine.set_config("{not json").is_err());
    assert_eq!(engine.region(), "au");
}

#[wasm_bindgen_test]
fn the_catalogue_is_json() {
    let rules: serde_json::Value = serde_json::from_str(&chaperone::wasm::rules()).unwrap();
    assert!(rules["rules"].as_array().is_some_and(|r| !r.is_empty()));
}
