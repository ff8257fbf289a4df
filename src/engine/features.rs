//! The features the learned layer reads: for each token (the tagger, which decides names,
//! places, dates and ages in context) and for the whole post (the conduct classifier). The
//! detectors' candidates are features too ("a rule proposed this span", "this post has a
//! testimonial phrase"), beside the words, their shapes, the name lists and the
//! patient-story frame, so the models learn when a candidate holds. Training reads exactly
//! these numbers (`chaperone features`), so the engine and `tools/train.py` cannot drift.

use crate::context::{Ctx, Hit};
use crate::finding::{Category, Kind};
use crate::lexicon::names::{in_list, without_possessive, FIRST_NAMES, SURNAMES};
use crate::lexicon::places::is_place;
use crate::lexicon::vocab::{lists, CONCEPTS, VOCAB};
use crate::model::hash::{feature, pair, FnvMap};
use crate::model::tokens::{Class, Token};
use crate::phi::ages;

/// Features of every token, flat: token `i` has `ids[starts[i]..starts[i + 1]]`.
pub struct TokenFeatures {
    pub ids: Vec<u32>,
    pub starts: Vec<usize>,
    /// Whether a detector proposed an identifier over each token.
    pub proposed: Vec<bool>,
}

impl TokenFeatures {
    pub fn of(&self, i: usize) -> &[u32] {
        &self.ids[self.starts[i]..self.starts[i + 1]]
    }
}

/// A post-level feature and the token it was read at, if any (for explanations).
pub struct PostFeature {
    pub id: u32,
    pub token: Option<usize>,
}

/// A word's shape: letters become `X`/`x`, digits `d`, runs collapse ("Milo" → `Xx`,
/// "3/14/1951" → `d/d/d`, "MRN" → `X`), at most 8 bytes.
fn shape(word: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_alphabetic() {
            b'x'
        } else if c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'*'
        };
        if out.last() != Some(&s) && out.len() < 8 {
            out.push(s);
        }
    }
}

fn bucket(n: u32) -> &'static [u8] {
    match n {
        0 => b"0",
        1 => b"1",
        2 => b"2",
        _ => b"3+",
    }
}

fn kind_tag(kind: Kind) -> &'static [u8] {
    kind.as_str().as_bytes()
}

/// Each token's feature value (its ASCII-lowercased text for words, without a possessive
/// "'s", so "Harris's" reads as "harris"; its shape for numbers; `<nl>` for a line break) and
/// its shape, computed once a check and read by both the token and the post features.
pub struct Words {
    buf: Vec<u8>,
    /// For each token, where its value and then its shape lie in `buf`.
    at: Vec<[u32; 3]>,
    /// For each token, whether it says an age over 89 ("94", "101st", "ninety-seven"): a
    /// number's value is only its shape, and whether it is 45 or 94 is arithmetic.
    over_89: Vec<bool>,
}

impl Words {
    pub fn of(text: &str, tokens: &[Token]) -> Words {
        let mut buf = Vec::with_capacity(text.len() * 2);
        let mut at = Vec::with_capacity(tokens.len());
        let mut over_89 = Vec::with_capacity(tokens.len());
        let mut scratch = Vec::new();
        for t in tokens {
            let word = &text[t.span.clone()];
            let start = buf.len() as u32;
            shape(word, &mut scratch);
            match t.class {
                Class::Newline => buf.extend_from_slice(b"<nl>"),
                Class::Number => buf.extend_from_slice(&scratch),
                Class::Word => buf.extend(
                    without_possessive(word)
                        .bytes()
                        .map(|b| b.to_ascii_lowercase()),
                ),
                _ => buf.extend(word.bytes().map(|b| b.to_ascii_lowercase())),
            }
            let mid = buf.len() as u32;
            over_89.push(match t.class {
                Class::Number => ages::says_over_89(word),
                Class::Mixed => {
                    word.starts_with(|c: char| c.is_ascii_digit()) && ages::says_over_89(word)
                }
                Class::Word => ages::word_over_89(&buf[start as usize..]),
                _ => false,
            });
            buf.extend_from_slice(&scratch);
            at.push([start, mid, buf.len() as u32]);
        }
        Words { buf, at, over_89 }
    }

    fn value(&self, i: usize) -> &[u8] {
        let [a, b, _] = self.at[i];
        &self.buf[a as usize..b as usize]
    }

    fn shape(&self, i: usize) -> &[u8] {
        let [_, b, c] = self.at[i];
        &self.buf[b as usize..c as usize]
    }
}

/// The PHI candidates covering each token: for token `i`, the kinds of the identifier hits
/// that overlap it.
fn candidate_kinds(tokens: &[Token], hits: &[Hit]) -> Vec<Vec<(Kind, &'static str)>> {
    let mut out = vec![Vec::new(); tokens.len()];
    for h in hits.iter().filter(|h| h.rule.category() == Category::Phi) {
        let from = tokens.partition_point(|t| t.span.end <= h.span.start);
        for (i, t) in tokens.iter().enumerate().skip(from) {
            if t.span.start >= h.span.end {
                break;
            }
            out[i].push((h.rule.kind, h.rule.id));
        }
    }
    out
}

/// For each token, whether it is part of a listed place name of one to three words.
fn place_marks(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut marks = vec![false; tokens.len()];
    let mut name = String::new();
    for i in 0..tokens.len() {
        name.clear();
        for n in 0..3 {
            let Some(t) = tokens.get(i + n) else { break };
            let word = &text[t.span.clone()];
            if t.class != Class::Word || !word.starts_with(|c: char| c.is_uppercase()) {
                break;
            }
            if n > 0 {
                name.push(' ');
            }
            name.extend(word.chars().flat_map(char::to_lowercase));
            if is_place(&name) {
                marks[i..=i + n].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    marks
}

/// For each capitalised word, whether the post has it again elsewhere, and the kinds of the
/// identifier candidates covering its other occurrences: a name is a name wherever it recurs.
fn echoes(
    text: &str,
    tokens: &[Token],
    cands: &[Vec<(Kind, &'static str)>],
) -> Vec<(bool, Vec<Kind>)> {
    let mut out = vec![(false, Vec::new()); tokens.len()];
    let capitalised = |t: &Token| {
        t.class == Class::Word && text[t.span.clone()].starts_with(|c: char| c.is_uppercase())
    };
    let mut seen: FnvMap<String, Vec<usize>> = Default::default();
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| capitalised(t)) {
        seen.entry(text[t.span.clone()].to_lowercase())
            .or_default()
            .push(i);
    }
    for places in seen.values().filter(|p| p.len() > 1) {
        // How many of the occurrences each kind covers, counted once a group so that a word
        // repeated thousands of times (a pasted list) costs linear time, not quadratic.
        let mut covering: Vec<(Kind, usize)> = Vec::new();
        for &j in places {
            for kind in kinds_of(&cands[j]) {
                match covering.iter_mut().find(|(k, _)| *k == kind) {
                    Some((_, n)) => *n += 1,
                    None => covering.push((kind, 1)),
                }
            }
        }
        for &i in places {
            let own = |kind: Kind| cands[i].iter().any(|&(k, _)| k == kind);
            out[i].0 = true;
            out[i].1 = (covering.iter())
                .filter(|&&(kind, n)| n > usize::from(own(kind)))
                .map(|&(kind, _)| kind)
                .collect();
        }
    }
    out
}

/// The distinct kinds of a token's candidates.
fn kinds_of(cands: &[(Kind, &'static str)]) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = Vec::with_capacity(cands.len());
    for &(kind, _) in cands {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// Which name lists a capitalised word is in (bit 0: first names, bit 1: surnames); other
/// words are not looked up.
fn name_marks(text: &str, tokens: &[Token], words: &Words) -> Vec<u8> {
    (tokens.iter().enumerate())
        .map(|(i, t)| {
            if t.class != Class::Word || !words.shape(i).contains(&b'X') {
                return 0;
            }
            let word = &text[t.span.clone()];
            u8::from(in_list(&FIRST_NAMES, word)) | u8::from(in_list(&SURNAMES, word)) << 1
        })
        .collect()
}

/// Whether the tagger reads token `i` at all: an identifier has a capital, a digit, a
/// detector's candidate or an age over 89 ("ninety-seven") on it. Three tokens in four are
/// none of these, and the tagger scores them as outside without features (`tools/train.py`
/// leaves them out too).
fn taggable(words: &Words, cands: &[Vec<(Kind, &'static str)>], i: usize) -> bool {
    !cands[i].is_empty()
        || words.shape(i).iter().any(|&b| b == b'X' || b == b'd')
        || words.over_89[i]
}

/// The features of every token of the post; a token the tagger does not read
/// ([`taggable`]) has none.
pub fn tokens(ctx: &Ctx, tokens: &[Token], words: &Words, hits: &[Hit]) -> TokenFeatures {
    let text = ctx.text;
    let cands = candidate_kinds(tokens, hits);
    let places = place_marks(text, tokens);
    let echoes = echoes(text, tokens, &cands);
    let names = name_marks(text, tokens, words);
    let name_at = |j: Option<usize>| j.and_then(|j| names.get(j)).copied().unwrap_or(0);
    let mut f = TokenFeatures {
        ids: Vec::with_capacity(tokens.len() * 32),
        starts: Vec::with_capacity(tokens.len() + 1),
        proposed: cands.iter().map(|c| !c.is_empty()).collect(),
    };
    let region = ctx.region().as_str().as_bytes();
    let story = ctx.frame.is_patient_story();
    let announcement = ctx.frame.is_announcement();
    let value_at = |j: Option<usize>, edge: &'static [u8]| -> &[u8] {
        match j.filter(|&j| j < tokens.len()) {
            Some(j) => words.value(j),
            None => edge,
        }
    };
    let shape_at = |j: Option<usize>| -> &[u8] {
        match j.filter(|&j| j < tokens.len()) {
            Some(j) => words.shape(j),
            None => b"",
        }
    };
    for (i, t) in tokens.iter().enumerate() {
        f.starts.push(f.ids.len());
        if !taggable(words, &cands, i) {
            continue;
        }
        let ids = &mut f.ids;
        let word = &text[t.span.clone()];
        let w0 = words.value(i);
        let prev = i.checked_sub(1).map(|j| &tokens[j]);
        let wp = value_at(i.checked_sub(1), b"<s>");
        let wn = value_at(Some(i + 1), b"</s>");
        let s0 = words.shape(i);
        let sp = shape_at(i.checked_sub(1));
        let sn = shape_at(Some(i + 1));
        ids.push(feature(b"b", b""));
        ids.push(feature(b"w", w0));
        ids.push(feature(b"w-1", wp));
        ids.push(feature(b"w+1", wn));
        ids.push(pair(b"w-1w", wp, w0));
        ids.push(pair(b"ww+1", w0, wn));
        ids.push(feature(b"w-2", value_at(i.checked_sub(2), b"<s>")));
        ids.push(feature(b"w+2", value_at(Some(i + 2), b"<s>")));
        ids.push(feature(b"s", s0));
        ids.push(pair(b"s-1s", sp, s0));
        ids.push(pair(b"ss+1", s0, sn));
        ids.push(pair(b"w-1s", wp, s0));
        ids.push(pair(b"sw+1", s0, wn));
        if t.class == Class::Word && w0.len() >= 4 {
            ids.push(feature(b"x3", &w0[w0.len() - 3..]));
        }
        if t.class == Class::Number {
            let digits = word.bytes().filter(u8::is_ascii_digit).count() as u32;
            ids.push(feature(b"nd", digits.to_string().as_bytes()));
        }
        if words.over_89[i] {
            ids.push(feature(b"o89", b""));
            ids.push(feature(b"o89-1", wp));
            ids.push(feature(b"o89+1", wn));
        }
        if t.class == Class::Word {
            // Only a capitalised word is looked up: the lists are asked of every name-like
            // word, and most words are not.
            if names[i] & 1 != 0 {
                ids.push(feature(b"fn", s0));
            }
            if names[i] & 2 != 0 {
                ids.push(feature(b"sn", s0));
            }
            // "Dwayne Harris": a name list's word beside another is evidence for both.
            for (tag, j) in [(b"nl-1", i.checked_sub(1)), (b"nl+1", Some(i + 1))] {
                let m = name_at(j);
                if m != 0 {
                    ids.push(pair(tag, &[b'0' + m], s0));
                }
            }
            if without_possessive(word).len() < word.len() {
                ids.push(feature(b"poss", s0));
            }
            let initial = prev.is_none_or(|p| {
                p.class == Class::Newline || matches!(&text[p.span.clone()], "." | "!" | "?" | ":")
            });
            if initial {
                ids.push(feature(b"init", s0));
            }
            let after_title = prev.is_some_and(|p| {
                let w = std::str::from_utf8(wp).unwrap_or("");
                p.class == Class::Word && lists("titles", w.trim_end_matches('.'))
            });
            if after_title {
                ids.push(feature(b"title-1", s0));
            }
            let (repeated, kinds) = &echoes[i];
            if *repeated {
                ids.push(feature(b"rep", s0));
            }
            for kind in kinds {
                ids.push(feature(b"repk", kind_tag(*kind)));
            }
            if places[i] {
                ids.push(feature(b"pl", s0));
                ids.push(pair(b"plw-1", wp, s0));
            }
        }
        for &(kind, rule) in &cands[i] {
            ids.push(feature(b"rk", kind_tag(kind)));
            ids.push(feature(b"r", rule.as_bytes()));
            ids.push(pair(b"rks", kind_tag(kind), s0));
        }
        if i > 0 {
            for &(kind, _) in &cands[i - 1] {
                ids.push(feature(b"rk-1", kind_tag(kind)));
            }
        }
        if let Some(n) = cands.get(i + 1) {
            for &(kind, _) in n {
                ids.push(feature(b"rk+1", kind_tag(kind)));
            }
        }
        if let Some(s) = ctx.frame.sentence_at(t.span.start) {
            let pc = bucket(u32::from(s.patient_cues));
            let pb = bucket(u32::from(s.public_cues));
            ids.push(pair(b"pc", pc, s0));
            ids.push(pair(b"pub", pb, s0));
            if s.time_anchor {
                ids.push(feature(b"ta", s0));
            }
        }
        ids.push(pair(b"story", if story { b"1" } else { b"0" }, s0));
        if announcement {
            ids.push(feature(b"ann", s0));
        }
        ids.push(pair(b"reg", region, s0));
    }
    f.starts.push(f.ids.len());
    f
}

/// The features of the whole post, each with the token it was read at.
pub fn post(ctx: &Ctx, tokens: &[Token], words: &Words, hits: &[Hit]) -> Vec<PostFeature> {
    let mut out = Vec::with_capacity(tokens.len() * 2 + hits.len() * 2 + 16);
    let mut push = |id, token| out.push(PostFeature { id, token });
    let push = &mut push;
    push(feature(b"b", b""), None);
    push(feature(b"reg", ctx.region().as_str().as_bytes()), None);
    if !tokens.is_empty() {
        push(feature(b"first", words.shape(0)), Some(0));
    }
    for (i, t) in tokens.iter().enumerate() {
        let w = words.value(i);
        push(feature(b"u", w), Some(i));
        // A word's first five letters stand for its inflections ("retard", "retarded").
        if w.len() > 5 && t.class == Class::Word {
            push(feature(b"u5", &w[..5]), Some(i));
        }
        if i > 0 {
            push(pair(b"bi", words.value(i - 1), words.value(i)), Some(i));
        }
    }
    for h in hits {
        let at = tokens.partition_point(|t| t.span.end <= h.span.start);
        let at = (at < tokens.len()).then_some(at);
        push(feature(b"r", h.rule.id.as_bytes()), at);
        push(feature(b"rk", kind_tag(h.rule.kind)), at);
    }
    concepts(ctx, tokens, push);
    let frame = ctx.frame;
    push(
        feature(b"story", if frame.is_patient_story() { b"1" } else { b"0" }),
        None,
    );
    if frame.is_announcement() {
        push(feature(b"ann", b""), None);
    }
    push(feature(b"pc", bucket(frame.post_patient_cues)), None);
    push(feature(b"pub", bucket(frame.post_public_cues)), None);
    push(feature(b"ages", bucket(frame.post_ages)), None);
    if frame.sentences.iter().any(|s| s.time_anchor) {
        push(feature(b"ta", b""), None);
    }
    out
}

/// The tagger's first reading as evidence about the whole post: for each identifier class
/// (`classes` of them, under ten, 0 being outside), how confident its likeliest token is
/// (five bins, read at that token when it reads as an identifier), and how many tokens read
/// as one. A post that names its patient, gives their hospital number or their town tells
/// their story, whatever words it tells it in; the detectors' candidates alone say this far
/// less surely (most capitalised words are not names). `identifier` and `class` are the
/// tagger's first reading, token by token.
pub fn identifiers(
    identifier: &[f32],
    class: &[usize],
    classes: usize,
    out: &mut Vec<PostFeature>,
) {
    // Each class's likeliest token (class 0 is "outside").
    let mut best = vec![(0f32, 0usize); classes];
    let mut confident = 0u32;
    for (i, (&p, &c)) in identifier.iter().zip(class).enumerate() {
        if (1..classes).contains(&c) && p > best[c].0 {
            best[c] = (p, i);
        }
        confident += u32::from(p >= 0.5);
    }
    for (c, &(p, i)) in best.iter().enumerate().skip(1) {
        out.push(PostFeature {
            id: pair(b"idc", &[b'0' + c as u8], &[b'0' + bin(p, 5)]),
            token: (p >= 0.5).then_some(i),
        });
    }
    out.push(PostFeature {
        id: feature(b"idn", bucket(confident)),
        token: None,
    });
}

/// A probability's bin of `n` equal bins.
pub(super) fn bin(p: f32, n: u8) -> u8 {
    ((p.clamp(0.0, 1.0) * f32::from(n)) as u8).min(n - 1)
}

/// Concept features: each concept the post mentions (with how often), and each pair of
/// concepts that meet in one sentence (alcohol and duty, an insult and a colleague's role).
fn concepts(ctx: &Ctx, tokens: &[Token], push: &mut impl FnMut(u32, Option<usize>)) {
    let mut counts = [0u32; 32];
    let mut sentence_masks: Vec<u32> = vec![0; ctx.frame.sentences.len()];
    for (span, mask) in VOCAB.find_iter(ctx.lower) {
        let at = tokens.partition_point(|t| t.span.end <= span.start);
        for (c, count) in counts.iter_mut().enumerate().take(CONCEPTS.len()) {
            if mask & (1 << c) != 0 {
                *count += 1;
                push(feature(b"c@", CONCEPTS[c].0.as_bytes()), Some(at));
            }
        }
        let s = ctx
            .frame
            .sentences
            .partition_point(|s| s.span.end <= span.start);
        if let Some(m) = sentence_masks.get_mut(s) {
            *m |= mask;
        }
    }
    for (c, &n) in counts.iter().enumerate().take(CONCEPTS.len()) {
        if n > 0 {
            push(pair(b"c", CONCEPTS[c].0.as_bytes(), bucket(n)), None);
        }
    }
    for m in sentence_masks {
        let present: Vec<&str> = (CONCEPTS.iter().enumerate())
            .filter(|(c, _)| m & (1 << c) != 0)
            .map(|(_, (name, _))| *name)
            .collect();
        for (i, a) in present.iter().enumerate() {
            for b in &present[i + 1..] {
                push(pair(b"cc", a.as_bytes(), b.as_bytes()), None);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_reading_is_evidence_about_the_post() {
        let mut out = Vec::new();
        // A confident name, an unread token, a doubtful date, a second name.
        identifiers(&[0.9, 0.0, 0.3, 0.6], &[1, 0, 3, 1], 7, &mut out);
        assert_eq!(out.len(), 7, "one a class, and the count");
        assert_eq!(out[0].id, pair(b"idc", b"1", b"4"));
        assert_eq!(out[0].token, Some(0), "read at the likeliest name");
        assert_eq!(out[1].id, pair(b"idc", b"2", b"0"));
        assert_eq!(out[2].id, pair(b"idc", b"3", b"1"));
        assert_eq!(out[2].token, None, "a doubtful date names no word");
        assert_eq!(out[6].id, feature(b"idn", b"2"));
    }

    #[test]
    fn a_number_says_whether_it_is_over_89_in_digits_or_words() {
        let text = "She was ninety-seven, he is 94, not 45, and Happy 101st, 1951 and forty";
        let tokens = crate::model::tokens::tokenize(text);
        let words = Words::of(text, &tokens);
        let over: Vec<&str> = (tokens.iter().enumerate())
            .filter(|&(i, _)| words.over_89[i])
            .map(|(_, t)| &text[t.span.clone()])
            .collect();
        assert_eq!(over, ["ninety-seven", "94", "101st"]);
        // A spelled-out age has no capital or digit, and is read all the same.
        assert!(taggable(&words, &vec![Vec::new(); tokens.len()], 2));
    }

    #[test]
    fn shapes() {
        let mut s = Vec::new();
        for (w, want) in [
            ("Milo", "Xx"),
            ("3/14/1951", "d/d/d"),
            ("MRN", "X"),
            ("O'Neil", "X'Xx"),
        ] {
            shape(w, &mut s);
            assert_eq!(s, want.as_bytes(), "{w}");
        }
    }
}
