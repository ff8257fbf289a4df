//! Fuzzes `check` with arbitrary bytes read as (lossy) UTF-8 and every region: it must never
//! panic, and every finding must lie in bounds on character boundaries and convert to UTF-16
//! offsets in order.
#![no_main]

use chaperone::text::{convert_offsets, Unit};
use chaperone::{check, Config, Region};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (region, text) = data
        .split_first()
        .map_or((0, &[][..]), |(r, t)| (*r as usize % 4, t));
    let text = String::from_utf8_lossy(text);
    let config = Config {
        region: Region::ALL[region],
        ..Config::default()
    };
    for f in check(&text, &config) {
        assert!(f.span.start < f.span.end && f.span.end <= text.len());
        assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
        let units = convert_offsets(&text, &[f.span.start, f.span.end], Unit::Utf16);
        assert!(units[0] < units[1]);
    }
});
