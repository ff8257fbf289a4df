//! What every detector is given (`Ctx`) and what it returns (`Hit`).

use crate::config::{Config, Region, Sensitivity};
use crate::frame::Frame;
use crate::rules::Rule;
use std::ops::Range;

/// The post as detectors see it: normalised text, an ASCII-lowercased copy with the same
/// byte offsets, the author's settings and the patient-story frame.
pub struct Ctx<'a> {
    /// Normalised text (see `text::Normalized`).
    pub text: &'a str,
    /// `text` with ASCII letters lowercased; byte offsets are the same.
    pub lower: &'a str,
    pub config: &'a Config,
    pub frame: &'a Frame,
    /// Whether the post has any (ASCII, after folding) digit. Detectors whose patterns all
    /// need one skip their scans, and the patterns are not compiled until a post has digits.
    pub digits: bool,
    /// Which bytes and pairs of bytes the post has, so a gate can rule out what it cannot
    /// contain without searching.
    pub grams: Grams,
}

/// The bytes of a text, and (hashed into 4,096 bits) its pairs of adjacent bytes: a needle
/// with a byte or a pair the text lacks is not in it.
pub struct Grams {
    bytes: [u64; 4],
    pairs: [u64; 64],
}

impl Grams {
    pub fn of(text: &str) -> Grams {
        let mut grams = Grams {
            bytes: [0; 4],
            pairs: [0; 64],
        };
        let bytes = text.as_bytes();
        for &b in bytes {
            set(&mut grams.bytes, usize::from(b));
        }
        for pair in bytes.windows(2) {
            set(&mut grams.pairs, pair_bit(pair));
        }
        grams
    }

    pub fn has_byte(&self, b: u8) -> bool {
        get(&self.bytes, usize::from(b))
    }

    /// False when `needle` cannot be in the text; true when it may be.
    pub fn may_contain(&self, needle: &[u8]) -> bool {
        needle.iter().all(|&b| self.has_byte(b))
            && needle.windows(2).all(|p| get(&self.pairs, pair_bit(p)))
    }
}

fn pair_bit(pair: &[u8]) -> usize {
    (usize::from(pair[0]) * 31 + usize::from(pair[1])) & 4095
}

fn set(bits: &mut [u64], i: usize) {
    bits[i / 64] |= 1 << (i % 64);
}

fn get(bits: &[u64], i: usize) -> bool {
    bits[i / 64] & (1 << (i % 64)) != 0
}

impl Ctx<'_> {
    pub fn region(&self) -> Region {
        self.config.region
    }

    /// Whether the lowercased post contains any of `needles`: a cheap gate before a pattern.
    pub fn mentions(&self, needles: &[&str]) -> bool {
        needles.iter().any(|n| match n.as_bytes() {
            &[b] => self.grams.has_byte(b),
            bytes => self.grams.may_contain(bytes) && self.lower.contains(n),
        })
    }

    /// Whether the post could hold a signed quotation ("'...' - Sandra"): a closing quote or
    /// "!" and a dash.
    pub fn may_sign_a_quote(&self) -> bool {
        self.mentions(&["\"", "'", "!", "\u{201D}", "\u{2019}"])
            && self.mentions(&["-", "\u{2013}", "\u{2014}", "~"])
    }

    pub fn sensitivity(&self) -> Sensitivity {
        self.config.sensitivity
    }

    /// Up to `n` bytes of lowercased text before `at`, cut at a character boundary.
    pub fn lower_before(&self, at: usize, n: usize) -> &str {
        let mut a = at.saturating_sub(n);
        while !self.lower.is_char_boundary(a) {
            a += 1;
        }
        &self.lower[a..at]
    }

    /// Up to `n` bytes of lowercased text after `at`, cut at a character boundary.
    pub fn lower_after(&self, at: usize, n: usize) -> &str {
        let mut b = (at + n).min(self.lower.len());
        while !self.lower.is_char_boundary(b) {
            b -= 1;
        }
        &self.lower[at..b]
    }
}

/// A detector's raw result: a rule and a span of the normalised text.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: &'static Rule,
    pub span: Range<usize>,
    /// Replacements for this span; `None` takes the rule's defaults.
    pub suggestions: Option<Vec<String>>,
    /// A specific line added to the explanation (e.g. the details a combination joins).
    pub detail: Option<String>,
}

impl Hit {
    pub fn new(rule: &'static Rule, span: Range<usize>) -> Hit {
        Hit {
            rule,
            span,
            suggestions: None,
            detail: None,
        }
    }

    pub fn with_suggestions(mut self, suggestions: Vec<String>) -> Hit {
        self.suggestions = Some(suggestions);
        self
    }

    pub fn with_detail(mut self, detail: String) -> Hit {
        self.detail = Some(detail);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_rule_out_what_a_text_lacks() {
        let g = Grams::of("ab\u{201D} nurse");
        assert!(g.has_byte(b'a') && g.has_byte(0xE2) && g.has_byte(0x9D));
        assert!(!g.has_byte(b'c') && !g.has_byte(0) && !g.has_byte(255));
        assert!(g.may_contain(b"nurse") && g.may_contain(b"b\xE2") && g.may_contain(b"ur"));
        assert!(!g.may_contain(b"nursing") && !g.may_contain(b"ba") && !g.may_contain(b"c"));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn grams_never_rule_out_what_a_text_has(text in ".{0,60}", a in 0usize..60, n in 0usize..12) {
            let bytes = text.as_bytes();
            let a = a.min(bytes.len());
            let needle = &bytes[a..(a + n).min(bytes.len())];
            proptest::prop_assert!(Grams::of(&text).may_contain(needle));
        }
    }
}
