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
    /// Which byte values the post has, so a gate can rule out what it cannot contain
    /// without searching.
    pub bytes: ByteSet,
}

/// A set of byte values.
#[derive(Default)]
pub struct ByteSet([u64; 4]);

impl ByteSet {
    pub fn of(text: &str) -> ByteSet {
        let mut set = ByteSet::default();
        for b in text.bytes() {
            set.0[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        set
    }

    pub fn has(&self, b: u8) -> bool {
        self.0[usize::from(b >> 6)] & (1 << (b & 63)) != 0
    }
}

impl Ctx<'_> {
    pub fn region(&self) -> Region {
        self.config.region
    }

    /// Whether the lowercased post contains any of `needles`: a cheap gate before a pattern.
    pub fn mentions(&self, needles: &[&str]) -> bool {
        needles.iter().any(|n| match n.as_bytes() {
            &[b] => self.bytes.has(b),
            bytes => bytes.iter().all(|&b| self.bytes.has(b)) && self.lower.contains(n),
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
    fn a_byte_set_knows_its_bytes() {
        let set = ByteSet::of("ab\u{201D}");
        assert!(set.has(b'a') && set.has(b'b') && set.has(0xE2) && set.has(0x9D));
        assert!(!set.has(b'c') && !set.has(0) && !set.has(255));
    }
}
