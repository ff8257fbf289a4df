//! The features the learned layer reads: for each token (the tagger, which decides names,
//! places, dates and ages in context) and for the whole post (the conduct classifier). The
//! detectors' candidates are features too ("a rule proposed this span", "this post has a
//! testimonial phrase"), beside the words, their shapes, the name lists and the
//! patient-story frame, so the models learn when a candidate holds. Training reads exactly
//! these numbers (`chaperone features`), so the engine and `tools/train.py` cannot drift.

use crate::context::{Ctx, Hit};
use crate::finding::{Category, Kind};
use crate::lexicon::names::{in_list, FIRST_NAMES, SURNAMES};
use crate::lexicon::places::is_place;
use crate::lexicon::vocab::{lists, CONCEPTS, VOCAB};
use crate::model::hash::{feature, pair};
use crate::model::tokens::{Class, Token};

/// Features of every token, flat: token `i` has `ids[starts[i]..starts[i + 1]]`.
pub struct TokenFeatures {
    pub ids: Vec<u32>,
    pub starts: Vec<usize>,
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

/// What a token is, as a feature value: its ASCII-lowercased text for words, else its shape.
fn value<'a>(text: &str, t: &Token, buf: &'a mut Vec<u8>) -> &'a [u8] {
    match t.class {
        Class::Newline => {
            buf.clear();
            buf.extend_from_slice(b"<nl>");
        }
        Class::Number => shape(&text[t.span.clone()], buf),
        _ => {
            buf.clear();
            buf.extend(text[t.span.clone()].bytes().map(|b| b.to_ascii_lowercase()));
        }
    }
    buf
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
    let mut seen: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| capitalised(t)) {
        seen.entry(text[t.span.clone()].to_lowercase())
            .or_default()
            .push(i);
    }
    for places in seen.values().filter(|p| p.len() > 1) {
        for &i in places {
            out[i].0 = true;
            for &j in places.iter().filter(|&&j| j != i) {
                for &(kind, _) in &cands[j] {
                    if !out[i].1.contains(&kind) {
                        out[i].1.push(kind);
                    }
                }
            }
        }
    }
    out
}

/// The features of every token of the post.
pub fn tokens(ctx: &Ctx, tokens: &[Token], hits: &[Hit]) -> TokenFeatures {
    let text = ctx.text;
    let cands = candidate_kinds(tokens, hits);
    let places = place_marks(text, tokens);
    let echoes = echoes(text, tokens, &cands);
    let mut f = TokenFeatures {
        ids: Vec::with_capacity(tokens.len() * 32),
        starts: Vec::with_capacity(tokens.len() + 1),
    };
    let (mut b0, mut b1, mut b2, mut b3) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut s0, mut sp, mut sn) = (Vec::new(), Vec::new(), Vec::new());
    let region = ctx.region().as_str().as_bytes();
    let story = ctx.frame.is_patient_story();
    let announcement = ctx.frame.is_announcement();
    for (i, t) in tokens.iter().enumerate() {
        f.starts.push(f.ids.len());
        let ids = &mut f.ids;
        let word = &text[t.span.clone()];
        let w0 = value(text, t, &mut b0);
        let prev = i.checked_sub(1).map(|j| &tokens[j]);
        let next = tokens.get(i + 1);
        let wp: &[u8] = match prev {
            Some(p) => value(text, p, &mut b1),
            None => b"<s>",
        };
        let wn: &[u8] = match next {
            Some(n) => value(text, n, &mut b2),
            None => b"</s>",
        };
        shape(word, &mut s0);
        match prev {
            Some(p) => shape(&text[p.span.clone()], &mut sp),
            None => sp.clear(),
        }
        match next {
            Some(n) => shape(&text[n.span.clone()], &mut sn),
            None => sn.clear(),
        }
        ids.push(feature(b"b", b""));
        ids.push(feature(b"w", w0));
        ids.push(feature(b"w-1", wp));
        ids.push(feature(b"w+1", wn));
        ids.push(pair(b"w-1w", wp, w0));
        ids.push(pair(b"ww+1", w0, wn));
        for (tag, j) in [(&b"w-2"[..], i.checked_sub(2)), (b"w+2", Some(i + 2))] {
            let v: &[u8] = match j.and_then(|j| tokens.get(j)) {
                Some(t2) => value(text, t2, &mut b3),
                None => b"<s>",
            };
            ids.push(feature(tag, v));
        }
        ids.push(feature(b"s", &s0));
        ids.push(pair(b"s-1s", &sp, &s0));
        ids.push(pair(b"ss+1", &s0, &sn));
        ids.push(pair(b"w-1s", wp, &s0));
        ids.push(pair(b"sw+1", &s0, wn));
        if t.class == Class::Word && w0.len() >= 4 {
            ids.push(feature(b"x3", &w0[w0.len() - 3..]));
        }
        if t.class == Class::Number {
            let digits = word.bytes().filter(u8::is_ascii_digit).count() as u32;
            ids.push(feature(b"nd", digits.to_string().as_bytes()));
        }
        if t.class == Class::Word {
            // Only a capitalised word is looked up: the lists are asked of every name-like
            // word, and most words are not.
            if s0.contains(&b'X') {
                if in_list(&FIRST_NAMES, word) {
                    ids.push(feature(b"fn", &s0));
                }
                if in_list(&SURNAMES, word) {
                    ids.push(feature(b"sn", &s0));
                }
            }
            let initial = prev.is_none_or(|p| {
                p.class == Class::Newline || matches!(&text[p.span.clone()], "." | "!" | "?" | ":")
            });
            if initial {
                ids.push(feature(b"init", &s0));
            }
            let after_title = prev.is_some_and(|p| {
                let w = std::str::from_utf8(wp).unwrap_or("");
                p.class == Class::Word && lists("titles", w.trim_end_matches('.'))
            });
            if after_title {
                ids.push(feature(b"title-1", &s0));
            }
            let (repeated, kinds) = &echoes[i];
            if *repeated {
                ids.push(feature(b"rep", &s0));
            }
            for kind in kinds {
                ids.push(feature(b"repk", kind_tag(*kind)));
            }
            if places[i] {
                ids.push(feature(b"pl", &s0));
                ids.push(pair(b"plw-1", wp, &s0));
            }
        }
        for &(kind, rule) in &cands[i] {
            ids.push(feature(b"rk", kind_tag(kind)));
            ids.push(feature(b"r", rule.as_bytes()));
            ids.push(pair(b"rks", kind_tag(kind), &s0));
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
            ids.push(pair(b"pc", pc, &s0));
            ids.push(pair(b"pub", pb, &s0));
            if s.time_anchor {
                ids.push(feature(b"ta", &s0));
            }
        }
        ids.push(pair(b"story", if story { b"1" } else { b"0" }, &s0));
        if announcement {
            ids.push(feature(b"ann", &s0));
        }
        ids.push(pair(b"reg", region, &s0));
    }
    f.starts.push(f.ids.len());
    f
}

/// The features of the whole post, each with the token it was read at.
pub fn post(ctx: &Ctx, tokens: &[Token], hits: &[Hit]) -> Vec<PostFeature> {
    let text = ctx.text;
    let mut out = Vec::with_capacity(tokens.len() * 2 + hits.len() * 2 + 16);
    let mut push = |id, token| out.push(PostFeature { id, token });
    let push = &mut push;
    push(feature(b"b", b""), None);
    push(feature(b"reg", ctx.region().as_str().as_bytes()), None);
    let (mut b0, mut b1) = (Vec::new(), Vec::new());
    if let Some(first) = tokens.first() {
        shape(&text[first.span.clone()], &mut b0);
        push(feature(b"first", &b0), Some(0));
    }
    let mut prev: Option<usize> = None;
    for (i, t) in tokens.iter().enumerate() {
        let w = value(text, t, &mut b0);
        push(feature(b"u", w), Some(i));
        if let Some(p) = prev {
            let wp = value(text, &tokens[p], &mut b1);
            push(pair(b"bi", wp, w), Some(i));
        }
        prev = Some(i);
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
