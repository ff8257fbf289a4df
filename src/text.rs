//! Normalised text for matching, with a map back to the author's original text, and the
//! offset conversions the CLI (Unicode scalars) and the browser (UTF-16) need.
//!
//! Detectors match against [`Normalized::text`]: zero-width and soft-hyphen characters are
//! dropped, full-width forms become ASCII, typographic quotes and dashes become ASCII, no-break
//! spaces become spaces, and Cyrillic or Greek look-alike letters inside a Latin word become
//! Latin. Every normalised byte remembers which original bytes it came from, so a finding
//! on "Pri\u{200B}ya" or "９４３ ４７６ ５９１９" is reported on the original characters.

use std::ops::Range;

/// The text detectors see, and how to map its byte ranges back to the original.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    /// For each byte of `text`, the original byte range of the character it came from.
    origin: Vec<(u32, u32)>,
    original_len: usize,
}

impl Normalized {
    pub fn new(original: &str) -> Normalized {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        let mut word = LatinWord::default();
        for (at, c) in original.char_indices() {
            if c.is_ascii() {
                // Nothing in ASCII folds; most posts are mostly ASCII.
                text.push(c);
                origin.push((at as u32, at as u32 + 1));
                continue;
            }
            let end = at + c.len_utf8();
            let mapped = match fold(c) {
                Fold::Drop => continue,
                Fold::To(m) => m,
                Fold::Keep if is_lookalike(c) && word.has_latin(original, at..end) => lookalike(c),
                Fold::Keep => c,
            };
            let before = text.len();
            text.push(mapped);
            for _ in before..text.len() {
                origin.push((at as u32, end as u32));
            }
        }
        Normalized {
            text,
            origin,
            original_len: original.len(),
        }
    }

    /// The original byte range covered by a byte range of the normalised text.
    pub fn to_original(&self, span: Range<usize>) -> Range<usize> {
        if span.start >= span.end || span.start >= self.origin.len() {
            let at = self
                .origin
                .get(span.start)
                .map_or(self.original_len, |o| o.0 as usize);
            return at..at;
        }
        let start = self.origin[span.start].0 as usize;
        let end = self.origin[(span.end - 1).min(self.origin.len() - 1)].1 as usize;
        start..end
    }
}

enum Fold {
    Drop,
    Keep,
    To(char),
}

fn fold(c: char) -> Fold {
    match c {
        // Zero-width space, non-joiner, joiner, word joiner, BOM, soft hyphen, invisible operators.
        '\u{200B}'..='\u{200D}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{00AD}' => Fold::Drop,
        // Bidirectional controls carry no text.
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Fold::Drop,
        // Full-width ASCII forms.
        '\u{FF01}'..='\u{FF5E}' => Fold::To(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)),
        '\u{3000}' | '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' => {
            Fold::To(' ')
        }
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Fold::To('\''),
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => Fold::To('"'),
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => {
            Fold::To('-')
        }
        // Mathematical and other digit forms (e.g. "𝟗" or Arabic-Indic digits) become ASCII.
        _ => match c.to_digit(10) {
            Some(_) => Fold::Keep,
            None => match other_digit(c) {
                Some(d) => Fold::To(d),
                None => Fold::Keep,
            },
        },
    }
}

/// Decimal digits of other scripts and mathematical alphabets, as ASCII digits, so that the
/// patterns need only ASCII digits (a Unicode `\d` compiles to a far larger automaton).
fn other_digit(c: char) -> Option<char> {
    let u = c as u32;
    let z = ZEROS[ZEROS.partition_point(|&z| z <= u).checked_sub(1)?];
    // Superscript one, two and three are not at 0x2071..0x2073.
    let superscript_gap = (0x2071..=0x2073).contains(&u);
    (u - z < 10 && !superscript_gap).then(|| char::from_digit(u - z, 10))?
}

/// The zero of every run of ten decimal digits (Unicode category Nd) outside ASCII, from the
/// Unicode Character Database (15.0), and the superscript digits. Sorted.
const ZEROS: [u32; 68] = [
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66,
    0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0x2070, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x11F50, 0x16A60,
    0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E4F0,
    0x1E950, 0x1FBF0,
];

fn is_lookalike(c: char) -> bool {
    lookalike(c) != c
}

/// Cyrillic and Greek letters that look like Latin ones.
fn lookalike(c: char) -> char {
    match c {
        'а' => 'a',
        'е' => 'e',
        'о' => 'o',
        'р' => 'p',
        'с' => 'c',
        'у' => 'y',
        'х' => 'x',
        'і' => 'i',
        'ј' => 'j',
        'ѕ' => 's',
        'һ' => 'h',
        'ԁ' => 'd',
        'ӏ' => 'l',
        'А' => 'A',
        'В' => 'B',
        'Е' => 'E',
        'К' => 'K',
        'М' => 'M',
        'Н' => 'H',
        'О' => 'O',
        'Р' => 'P',
        'С' => 'C',
        'Т' => 'T',
        'У' => 'Y',
        'Х' => 'X',
        'І' => 'I',
        'Ј' => 'J',
        'Ѕ' => 'S',
        'ο' => 'o',
        'α' => 'a',
        'ν' => 'v',
        'Α' => 'A',
        'Β' => 'B',
        'Ε' => 'E',
        'Η' => 'H',
        'Ι' => 'I',
        'Κ' => 'K',
        'Μ' => 'M',
        'Ν' => 'N',
        'Ο' => 'O',
        'Ρ' => 'P',
        'Τ' => 'T',
        'Χ' => 'X',
        'Ζ' => 'Z',
        _ => c,
    }
}

/// The word around the last look-alike letter asked about, so that a long word of them is
/// read once, not once per letter.
#[derive(Default)]
struct LatinWord {
    end: usize,
    has_latin: bool,
}

impl LatinWord {
    /// Whether the letter at `at` sits in a word that also has a Latin letter: a homoglyph
    /// disguising a Latin word, not Russian or Greek text.
    fn has_latin(&mut self, text: &str, at: Range<usize>) -> bool {
        if at.start < self.end {
            return self.has_latin;
        }
        let is_word = |c: &char| c.is_alphanumeric() || *c == '\u{200B}' || *c == '\u{200D}';
        let before = text[..at.start].chars().rev().take_while(is_word);
        let after = text[at.end..].chars().take_while(is_word);
        self.has_latin = before
            .clone()
            .chain(after.clone())
            .any(|c| c.is_ascii_alphabetic());
        self.end = at.end + after.map(char::len_utf8).sum::<usize>();
        self.has_latin
    }
}

/// Which unit offsets are counted in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values (the CLI's JSON; Python's `str` indexing).
    Char,
    /// UTF-16 code units (the DOM, JavaScript strings).
    Utf16,
}

/// Converts byte offsets of `text` into `unit` offsets in one pass, whatever their order.
/// Offsets that are not on a character boundary are rounded down to one.
pub fn convert_offsets(text: &str, bytes: &[usize], unit: Unit) -> Vec<usize> {
    let mut order: Vec<usize> = (0..bytes.len()).collect();
    order.sort_by_key(|&i| bytes[i]);
    let mut out = vec![0; bytes.len()];
    let mut counted = 0usize;
    let mut chars = text.char_indices().peekable();
    for i in order {
        let target = bytes[i].min(text.len());
        while let Some(&(at, c)) = chars.peek() {
            if at + c.len_utf8() > target {
                break;
            }
            counted += match unit {
                Unit::Char => 1,
                Unit::Utf16 => c.len_utf16(),
            };
            chars.next();
        }
        out[i] = counted;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(original: &str, needle: &str) -> String {
        let n = Normalized::new(original);
        let at = n.text.find(needle).expect("needle in normalised text");
        let span = n.to_original(at..at + needle.len());
        original[span].to_string()
    }

    #[test]
    fn zero_width_characters_vanish_but_offsets_cover_them() {
        assert_eq!(
            round_trip("Saw Pri\u{200B}ya today", "Priya"),
            "Pri\u{200B}ya"
        );
    }

    #[test]
    fn every_script_s_digits_become_ascii() {
        let n = Normalized::new("٣ ۴ ৫ ๖ ၇ ８ 𝟗 ⁰ ¹ ⁴ ⅷ");
        assert_eq!(n.text, "3 4 5 6 7 8 9 0 ¹ 4 ⅷ");
    }

    #[test]
    fn full_width_digits_become_ascii() {
        assert_eq!(
            round_trip("NHS ９４３ ４７６ ５９１９.", "943 476 5919"),
            "９４３ ４７６ ５９１９"
        );
    }

    #[test]
    fn homoglyphs_fold_only_inside_latin_words() {
        let n = Normalized::new("Mrs Оkafor and доктор");
        assert!(n.text.starts_with("Mrs Okafor"));
        assert!(n.text.ends_with("доктор"));
    }

    #[test]
    fn a_word_is_read_once_for_all_its_look_alike_letters() {
        let n = Normalized::new("Оkаfоr ѕаусе аѕѕ");
        assert_eq!(n.text, "Okafor ѕаусе аѕѕ");
        // A quadratic reading of this word would not finish.
        let long = format!("{}x {}", "а".repeat(200_000), "а".repeat(200_000));
        let n = Normalized::new(&long);
        assert!(n.text.starts_with("aaa") && n.text.ends_with("ааа"));
    }

    #[test]
    fn quotes_and_dashes_fold() {
        let n = Normalized::new("Parkinson\u{2019}s 9am\u{2013}1pm");
        assert_eq!(n.text, "Parkinson's 9am-1pm");
    }

    #[test]
    fn offsets_in_scalars_and_utf16() {
        let text = "😀 é́ Bob";
        let at = text.find("Bob").unwrap();
        assert_eq!(convert_offsets(text, &[at, at + 3], Unit::Char), vec![5, 8]);
        assert_eq!(
            convert_offsets(text, &[at + 3, at], Unit::Utf16),
            vec![9, 6]
        );
    }
}
