//! Evasion and messy text: homoglyphs, zero-width joiners, spaced and dotted digits,
//! full-width digits, line-broken names, ALL CAPS and leetspeak are still found, with
//! offsets in the original text.

use chaperone::{check, Config, Region};

fn flagged(region: Region, text: &str) -> Vec<(&'static str, String)> {
    check(
        text,
        &Config {
            region,
            ..Config::default()
        },
    )
    .into_iter()
    .map(|f| (f.rule, text[f.span].to_string()))
    .collect()
}

fn has(found: &[(&str, String)], rule: &str, text: &str) -> bool {
    found.iter().any(|(r, t)| *r == rule && t == text)
}

#[test]
fn cyrillic_homoglyphs_in_a_name() {
    let text = "Saw Mrs Оkаfor in clinic today, her hip is healing well"; // Cyrillic О and а
    assert!(has(&flagged(Region::Uk, text), "phi/person-name", "Оkаfor"));
}

#[test]
fn zero_width_characters_inside_names_and_numbers() {
    let f = flagged(Region::Uk, "Mrs Ade\u{200D}bayo, NHS 943\u{200B} 476 5919");
    assert!(has(&f, "phi/person-name", "Ade\u{200D}bayo"), "{f:?}");
    assert!(has(&f, "phi/nhs-number", "943\u{200B} 476 5919"), "{f:?}");
}

#[test]
fn spaced_dotted_and_full_width_digits() {
    let f = flagged(
        Region::Us,
        "her social on every page: 3 3 7 - 7 1 - 5 3 0 1.",
    );
    assert!(has(&f, "phi/ssn", "3 3 7 - 7 1 - 5 3 0 1"), "{f:?}");
    let f = flagged(Region::Uk, "NHS 943.476.5919 and ９４３ ４７６ ５９１９");
    assert!(has(&f, "phi/nhs-number", "943.476.5919"), "{f:?}");
    assert!(has(&f, "phi/nhs-number", "９４３ ４７６ ５９１９"), "{f:?}");
}

#[test]
fn a_name_split_over_lines_and_in_capitals() {
    let f = flagged(
        Region::Us,
        "Today\nHarold\nBlackwood\nwalked 50 feet after his stroke",
    );
    assert!(has(&f, "phi/person-name", "Harold\nBlackwood"), "{f:?}");
    let f = flagged(Region::Uk, "\"Re: MRS FATIMA BEGUM, ?BCC\"");
    assert!(has(&f, "phi/person-name", "FATIMA BEGUM"), "{f:?}");
}

#[test]
fn leetspeak_slang_and_emoji_around_spans() {
    let f = flagged(Region::Uk, "our fr3quent fl1er 🙄 is back");
    assert!(
        has(&f, "conduct/derogatory-slang", "fr3quent fl1er"),
        "{f:?}"
    );
    let f = flagged(Region::Uk, "😀😀 NHS 943 476 5919 👩🏽‍⚕️");
    assert!(has(&f, "phi/nhs-number", "943 476 5919"), "{f:?}");
}

#[test]
fn shouted_dates_ages_and_wards_with_accents() {
    let f = flagged(
        Region::Ca,
        "Mme Roux admise le 14 FÉVRIER, décédée le 2 AOÛT. NONAGÉNAIRE, AGED 94, WARD 7",
    );
    for (rule, text) in [
        ("phi/patient-date", "14 FÉVRIER"),
        ("phi/patient-date", "2 AOÛT"),
        ("phi/age-over-89", "NONAGÉNAIRE"),
        ("phi/age-over-89", "94"),
        ("phi/ward-bed-room", "WARD 7"),
    ] {
        assert!(has(&f, rule, text), "{rule} {text}: {f:?}");
    }
}

#[test]
fn digits_of_other_scripts() {
    // Arabic-Indic, Devanagari and Bengali digits are read as the NHS number they spell.
    let numbers = ["٩٤٣ ٤٧٦ ٥٩١٩", "९४३ ४७६ ५९१९", "৯৪৩ ৪৭৬ ৫৯১৯"];
    let f = flagged(
        Region::Uk,
        &format!("Mrs Khan, NHS {}", numbers.join(", NHS ")),
    );
    for n in numbers {
        assert!(has(&f, "phi/nhs-number", n), "{n}: {f:?}");
    }
}
