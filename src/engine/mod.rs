//! `check`: normalise, read the frame, run every detector, then apply the author's settings
//! (disabled rules, allow list, watch terms) and map spans back to the original text.

use crate::config::Config;
use crate::context::{Ctx, Grams, Hit};
use crate::finding::{Category, Finding};
use crate::frame::Frame;
use crate::text::Normalized;
use crate::{conduct, phi, rules};
use std::borrow::Cow;
use std::ops::Range;

/// Prepares what a check may need, so that the first check as the author types is as quick
/// as the rest: checks the first must-fire example of rule number `index` (in catalogue
/// order), which opens that rule's gates and loads its patterns and builds its word sets for
/// `config`'s region; false once `index` is past the last rule. The extension's background
/// warms rule by rule when an editor gets focus, so a keystroke's check never waits for more
/// than one rule.
pub fn warm_rule(config: &Config, index: usize) -> bool {
    let Some(rule) = rules::all().nth(index) else {
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

    let mut hits = Vec::new();
    phi::detect(&ctx, &mut hits);
    conduct::detect(&ctx, &mut hits);

    hits.retain(|h| !config.is_disabled(h.rule.id, h.rule.category()));
    let allowed = allowed_spans(&ctx);
    hits.retain(|h| !allowed.iter().any(|a| overlaps(a, &h.span)));
    let hits = dedupe(hits);

    let mut findings: Vec<Finding> = hits
        .into_iter()
        .map(|h| to_finding(h, &norm, config))
        .filter(|f| !f.span.is_empty())
        .collect();
    findings.sort_by_key(|f| (f.span.start, f.span.end));
    findings
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
        let text = "Mrs Okafor (94), bed 12, NHS 943 476 5919, called her a frequent flyer";
        let config = Config::default();
        let before = check(text, &config);
        let rules_warmed = (0..).take_while(|&i| warm_rule(&config, i)).count();
        assert_eq!(rules_warmed, rules::all().count());
        assert_eq!(check(text, &config), before);
        let rules: Vec<&str> = before.iter().map(|f| f.rule).collect();
        assert_eq!(
            rules,
            [
                "conduct/story-without-consent",
                "phi/person-name",
                "phi/age-over-89",
                "phi/ward-bed-room",
                "phi/nhs-number",
                "conduct/derogatory-slang"
            ]
        );
    }
}
