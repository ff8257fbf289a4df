//! Properties of `check` on arbitrary Unicode: it never panics, every finding lies in bounds
//! and on character boundaries, offset conversion agrees with a naive count, and the result
//! does not depend on how the text reached the engine (the same text, however assembled).

use chaperone::text::{convert_offsets, Unit};
use chaperone::{check, Config, Region};
use proptest::prelude::*;

/// Text mixing the characters that trip offset code: emoji, combining marks, zero-width
/// characters, full-width digits, right-to-left letters, and identifier-like fragments.
fn tricky_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Mrs Okafor",
        " (94) ",
        "943 476 5919",
        "９４３ ４７６ ５９１９",
        "😀",
        "👩🏽‍⚕️",
        "e\u{301}",
        "\u{200B}",
        "\u{200D}",
        "\u{FEFF}",
        "שלום",
        "مرحبا",
        "Pri\u{200B}ya",
        "frequent flyer",
        "fr3quent fl1er",
        "\n",
        " ",
        ".",
        "07700 900123",
        "bed 12",
        "DOB 03/04/1951",
        "@sarah_runs",
        "Оkafor",
        "\u{0}",
        "MRN 00482913",
    ]);
    (prop::collection::vec(pieces, 0..24), any::<String>()).prop_map(|(parts, noise)| {
        let mut s = parts.concat();
        s.push_str(&noise);
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn findings_are_in_bounds_and_on_boundaries(text in tricky_text(), region in 0usize..4) {
        let config = Config { region: Region::ALL[region], ..Config::default() };
        for f in check(&text, &config) {
            prop_assert!(f.span.start < f.span.end, "{f:?}");
            prop_assert!(f.span.end <= text.len());
            prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        }
    }

    #[test]
    fn offset_conversion_matches_a_naive_count(text in tricky_text()) {
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let chars = convert_offsets(&text, &bytes, Unit::Char);
        let units = convert_offsets(&text, &bytes, Unit::Utf16);
        for (k, &b) in bytes.iter().enumerate() {
            prop_assert_eq!(chars[k], text[..b].chars().count());
            prop_assert_eq!(units[k], text[..b].encode_utf16().count());
        }
    }

    #[test]
    fn the_same_text_gives_the_same_findings(parts in prop::collection::vec(tricky_text(), 1..4)) {
        let whole: String = parts.concat();
        let rebuilt = String::from_utf8(whole.clone().into_bytes()).unwrap();
        prop_assert_eq!(check(&whole, &Config::default()), check(&rebuilt, &Config::default()));
    }
}

#[test]
fn a_megabyte_paste_is_checked_in_linear_time() {
    // Structural, not timed: the number of findings grows with the text, and nothing panics.
    let post = "Saw Mrs Okafor (94) in bed 12, NHS no 943 476 5919. Frequent flyer 😀.\n";
    let small = check(&post.repeat(100), &Config::default()).len();
    let large = check(&post.repeat(14_000), &Config::default()).len();
    assert!(
        large >= small * 100,
        "{small} findings on 100 posts, {large} on 14,000"
    );
}

/// Replays the fuzzer's kept corpus (`fuzz/corpus/check`, see `make fuzz`) through the same
/// checks as the fuzz target, so what the fuzzer once found stays covered without nightly.
#[test]
fn the_fuzz_corpus_stays_well_formed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/check");
    let mut replayed = 0;
    for entry in std::fs::read_dir(&dir).expect("the fuzz corpus is in the repo") {
        let data = std::fs::read(entry.unwrap().path()).unwrap();
        let Some((region, text)) = data.split_first() else {
            continue;
        };
        let text = String::from_utf8_lossy(text);
        let config = Config {
            region: Region::ALL[*region as usize % 4],
            ..Config::default()
        };
        for f in check(&text, &config) {
            assert!(
                f.span.start < f.span.end && f.span.end <= text.len(),
                "{f:?} in {text:?}"
            );
            assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
            let units = convert_offsets(&text, &[f.span.start, f.span.end], Unit::Utf16);
            assert!(units[0] < units[1], "{f:?} in {text:?}");
        }
        replayed += 1;
    }
    assert!(replayed > 100, "only {replayed} corpus inputs replayed");
}
