//! The wasm binding in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! findings cross with UTF-16 offsets, bad settings throw a clear error (or, given to
//! `setConfig`, are left out entry by entry and named), and lone surrogates
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
fn set_config_drops_a_bad_entry_alone_and_names_it() {
    let mut engine = Engine::new("").unwrap();
    let settings = r#"{"region":"uk","disabled_rules":["conduct/nope"],"watch":["Nightingale"]}"#;
    let dropped = engine.set_config(settings).unwrap();
    let dropped = js_sys::JSON::stringify(&dropped)
        .unwrap()
        .as_string()
        .unwrap();
    let dropped: serde_json::Value = serde_json::from_str(&dropped).unwrap();
    assert_eq!(dropped[0]["key"], "disabled_rules");
    assert_eq!(dropped[0]["index"], 0);
    assert_eq!(dropped[0]["value"], "conduct/nope");
    assert!(dropped[0]["reason"]
        .as_str()
        .unwrap()
        .contains("unknown rule"));
    assert_eq!(dropped.as_array().unwrap().len(), 1);
    assert_eq!(engine.region(), "uk");
    let found = js_sys::JSON::stringify(&engine.check("Project Nightingale").unwrap()).unwrap();
    assert!(
        found.as_string().unwrap().contains("\"start\":8"),
        "{found:?}"
    );
    let same = chaperone::wasm::validate_settings(settings).unwrap();
    assert_eq!(js_sys::Array::from(&same).length(), 1);
    assert!(chaperone::wasm::validate_settings("[]").is_err());
}

#[wasm_bindgen_test]
fn the_catalogue_is_json() {
    let rules: serde_json::Value = serde_json::from_str(&chaperone::wasm::rules()).unwrap();
    assert!(rules["rules"].as_array().is_some_and(|r| !r.is_empty()));
}

#[wasm_bindgen_test]
fn findings_carry_every_field_the_engine_gives_in_each_region() {
    // Shared parts are cached per region: a combination's own message and explanation, and
    // a region change, must still come through.
    let texts = [
        "Saw a nonagenarian today, Mr Okafor, aged 94 on Ward 7",
        "Just treated a 97-year-old retired headteacher from Tetbury with a ruptured AAA at 3am",
        "Her daughter Priya called from 07700 900123 😀, NHS 943 476 5919",
        "3rd visit this week from our favourite frequent flyer, classic drug-seeking 🙄",
        "Lives at 14 Brudenell Grove, LS6 1HR; MRN 00482913, DOB 03/04/1951.",
    ];
    let mut engine = Engine::new("").unwrap();
    for region in ["uk", "us", "au", "ca", "uk"] {
        let settings = format!(r#"{{"region":"{region}"}}"#);
        engine.set_config(&settings).unwrap();
        let config = chaperone::Config::from_json(&settings).unwrap();
        for text in texts {
            let crossed = js_sys::JSON::stringify(&engine.check(text).unwrap()).unwrap();
            let crossed: Vec<serde_json::Value> =
                serde_json::from_str(&crossed.as_string().unwrap()).unwrap();
            let native = chaperone::check(text, &config);
            assert_eq!(crossed.len(), native.len(), "{region}: {text}");
            for (got, want) in crossed.iter().zip(&native) {
                let mut want = serde_json::to_value(want).unwrap();
                want["start"] = got["start"].clone();
                want["end"] = got["end"].clone();
                assert_eq!(got, &want, "{region}: {text}");
            }
            assert!(
                native.iter().any(|f| f.rule == "phi/combination") || !text.contains("Tetbury")
            );
        }
    }
}
