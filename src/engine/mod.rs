//! `check`: normalise, read the frame, run every detector, then apply the author's settings
//! (disabled rules, allow list, watch terms) and map spans back to the original text.

mod features;
mod learned;
mod reread;

use crate::config::Config;
use crate::context::{Ctx, Grams, Hit};
use crate::finding::{Category, Finding};
use crate::frame::Frame;
use crate::model::tokens::tokenize;
use crate::text::Normalized;
use crate::{conduct, phi, registry};
use std::borrow::Cow;
use std::ops::Range;

/// Prepares what a check may need, so that the first check as the author types is as quick
/// as the rest: checks the first must-fire example of rule number `index` (in catalogue
/// order), which opens that rule's gates and loads its patterns and builds its word sets for
/// `config`'s region; false once `index` is past the last rule. The extension's background
/// warms rule by rule when an editor gets focus, so a keystroke's check never waits for more
/// than one rule.
pub fn warm_rule(config: &Config, index: usize) -> bool {
    let Some(rule) = registry::all().nth(index) else {
        return false;
    };
    if let Some(example) = rule.examples.fire.first() {
        check(example.text, config);
    }
    true
}

/// Checks a post. Findings are sorted by position; spans are UTF-8 byte ranges of `text`.
pub fn check(text: &str, config: &Config) -> Vec<Finding> {
    // An empty field is checked when it gets focus: answer without waking every detector.
    if text.trim().is_empty() {
        return Vec::new();
    }
    with_context(text, config, |ctx, norm| {
        let hits = candidates(ctx);
        let tokens = tokenize(ctx.text);
        let mut hits = learned::decide(ctx, &tokens, hits);

        hits.retain(|h| !config.is_disabled(h.rule.id, h.rule.category()));
        let allowed = allowed_spans(ctx);
        hits.retain(|h| !allowed.iter().any(|a| overlaps(a, &h.span)));
        let hits = dedupe(hits);

        let mut findings: Vec<Finding> = hits
            .into_iter()
            .map(|h| to_finding(h, norm, config))
            .filter(|f| !f.span.is_empty())
            .collect();
        findings.sort_by_key(|f| (f.span.start, f.span.end));
        findings
    })
}

/// What `make train` learns from, exactly as `check` computes it: the features of every
/// token (with its span as a byte range of `text`), of the whole post, and the detectors'
/// candidates (span, rule id). The post's features include the tagger's first reading of
/// its tokens: the shipped tagger's, or the one given (out of fold, from `make train`); given
/// the post classifier's scores too, also the second reading's features of every token. An
/// error if the first reading has not one entry per token or one score per label.
#[doc(hidden)]
pub fn training_features(
    text: &str,
    config: &Config,
    first: Option<&FirstReading>,
) -> Result<Training, String> {
    with_context(text, config, |ctx, norm| {
        let hits = candidates(ctx);
        let tokens = tokenize(ctx.text);
        let words = features::Words::of(ctx.text, &tokens);
        let per_token = features::tokens(ctx, &tokens, &words, &hits);
        let shipped;
        let (identifier, class) = match first {
            None => {
                shipped = learned::first_reading(&per_token, tokens.len());
                (&shipped.0, &shipped.1)
            }
            Some(f) if f.identifier.len() != tokens.len() || f.class.len() != tokens.len() => {
                return Err(format!(
                    "a first reading of {} tokens for a post of {}",
                    f.identifier.len().min(f.class.len()),
                    tokens.len()
                ))
            }
            Some(f) => (&f.identifier, &f.class),
        };
        let second = match first.and_then(|f| f.post.as_ref()) {
            None => None,
            Some(scores) if scores.len() != learned::LABEL_COUNT => {
                return Err(format!(
                    "a first reading of {} post scores, not {}",
                    scores.len(),
                    learned::LABEL_COUNT
                ))
            }
            Some(scores) => {
                let post = learned::post_scores(scores);
                let (ids, starts) = learned::second_features(&per_token, identifier, class, post);
                Some(
                    starts
                        .windows(2)
                        .map(|w| ids[w[0]..w[1]].to_vec())
                        .collect(),
                )
            }
        };
        let spans = tokens
            .iter()
            .enumerate()
            .map(|(i, t)| (norm.to_original(t.span.clone()), per_token.of(i).to_vec()))
            .collect();
        let post = learned::present(&learned::post_features(
            ctx, &tokens, &words, &hits, identifier, class,
        ));
        let candidates = hits
            .iter()
            .map(|h| (norm.to_original(h.span.clone()), h.rule.id))
            .collect();
        Ok(Training {
            tokens: spans,
            post,
            candidates,
            second,
        })
    })
}

/// A first reading of a post, for [`training_features`]: each token's P(identifier) and
/// likeliest identifier class, and, for the second reading, the post classifier's scores
/// (one per label, in the model's order).
#[doc(hidden)]
pub struct FirstReading {
    pub identifier: Vec<f32>,
    pub class: Vec<usize>,
    pub post: Option<Vec<f32>>,
}

/// See [`training_features`].
#[doc(hidden)]
pub struct Training {
    pub tokens: Vec<(Range<usize>, Vec<u32>)>,
    pub post: Vec<u32>,
    pub candidates: Vec<(Range<usize>, &'static str)>,
    /// The second reading's features of each token, given a first reading with post scores.
    pub second: Option<Vec<Vec<u32>>>,
}

/// Normalises `text`, reads its frame and hands the detectors' context to `f`.
fn with_context<T>(text: &str, config: &Config, f: impl FnOnce(&Ctx, &Normalized) -> T) -> T {
    let norm = Normalized::new(text);
    let lower = norm.text.to_ascii_lowercase();
    let frame = Frame::read(&norm.text);
    let grams = Grams::of(&lower);
    let ctx = Ctx {
        text: &norm.text,
        lower: &lower,
        config,
        frame: &frame,
        digits: (b'0'..=b'9').any(|d| grams.has_byte(d)),
        grams,
    };
    f(&ctx, &norm)
}

/// The detectors' candidates for `text` (spans of the original text, rule ids), before the
/// learned layer: what a detector's own tests check.
#[cfg(test)]
pub(crate) fn candidates_of(text: &str, config: &Config) -> Vec<(Range<usize>, &'static str)> {
    with_context(text, config, |ctx, norm| {
        let mut hits = candidates(ctx);
        hits.sort_by_key(|h| (h.span.start, h.span.end));
        (hits.into_iter())
            .map(|h| (norm.to_original(h.span), h.rule.id))
            .collect()
    })
}

/// Every detector's candidates, before the learned layer weighs them.
fn candidates(ctx: &Ctx) -> Vec<Hit> {
    let mut hits = Vec::new();
    phi::detect(ctx, &mut hits);
    conduct::detect(ctx, &mut hits);
    hits
}

fn to_finding(hit: Hit, norm: &Normalized, config: &Config) -> Finding {
    let rule = hit.rule;
    let explanation = match &hit.detail {
        Some(detail) => Cow::Owned(format!("{detail} {}", rule.why)),
        None => Cow::Borrowed(rule.why),
    };
    Finding {
        span: norm.to_original(hit.span),
        category: rule.category(),
        kind: rule.kind,
        severity: rule.severity_in(config.region),
        rule: rule.id,
        message: match &hit.detail {
            Some(d) if rule.kind == crate::Kind::Combination => {
                Cow::Owned(format!("{} {d}", rule.message))
            }
            _ => Cow::Borrowed(rule.message),
        },
        explanation,
        guidance: rule.guidance.for_region(config.region),
        suggestions: hit
            .suggestions
            .unwrap_or_else(|| rule.suggestions.iter().map(|s| s.to_string()).collect()),
    }
}

/// Spans of the normalised text covered by an allow-list term, matched case-insensitively
/// on whole words.
fn allowed_spans(ctx: &Ctx) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    for term in &ctx.config.allow {
        let needle = crate::text::Normalized::new(term.trim())
            .text
            .to_ascii_lowercase();
        if needle.is_empty() {
            continue;
        }
        let bytes = ctx.lower.as_bytes();
        let mut from = 0;
        while let Some(i) = ctx.lower[from..].find(&needle) {
            let (s, e) = (from + i, from + i + needle.len());
            if crate::lexicon::is_word_bounded(bytes, s, e) {
                spans.push(s..e);
            }
            from = s + needle.len().max(1);
            while from < ctx.lower.len() && !ctx.lower.is_char_boundary(from) {
                from += 1;
            }
        }
    }
    spans
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

const DEDUPE_WINDOW: usize = 32;

/// Keeps one identifier per stretch of text (the most severe, then the longest) and one
/// conduct finding per rule and span.
fn dedupe(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by(|a, b| {
        (a.span.start, std::cmp::Reverse(a.span.end))
            .cmp(&(b.span.start, std::cmp::Reverse(b.span.end)))
    });
    let mut kept: Vec<Hit> = Vec::with_capacity(hits.len());
    for hit in hits {
        let phi = hit.rule.category() == Category::Phi && hit.rule.kind != crate::Kind::Combination;
        // Kept hits are in text order and spans are short: an overlap can only be among the
        // last few, which keeps this linear on a megabyte paste.
        let window = kept.len().saturating_sub(DEDUPE_WINDOW);
        let clash = kept[window..].iter().rposition(|k| {
            overlaps(&k.span, &hit.span)
                && if phi {
                    k.rule.category() == Category::Phi && k.rule.kind != crate::Kind::Combination
                } else {
                    k.rule.id == hit.rule.id
                }
        });
        match clash {
            None => kept.push(hit),
            Some(i) => {
                let i = window + i;
                let k = &kept[i];
                let better = (hit.rule.severity, hit.span.len()) > (k.rule.severity, k.span.len());
                if better {
                    kept[i] = hit;
                }
            }
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn warming_leaves_checks_unchanged() {
        let text = "Mrs Okafor (94), bed 12, NHS 943 476 5919. Classic frequent flyer, total gomer";
        let config = Config::default();
        let before = check(text, &config);
        let rules_warmed = (0..).take_while(|&i| warm_rule(&config, i)).count();
        assert_eq!(rules_warmed, registry::all().count());
        assert_eq!(check(text, &config), before);
        let rules: Vec<&str> = before.iter().map(|f| f.rule).collect();
        for rule in [
            "phi/person-name",
            "phi/age-over-89",
            "phi/nhs-number",
            "conduct/derogatory-slang",
        ] {
            assert!(rules.contains(&rule), "{rule} in {rules:?}");
        }
    }
}
