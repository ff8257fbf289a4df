//! The learned layer: weighs the detectors' candidates in context, and finds what no
//! detector proposed.
//!
//! - Identifiers decided by their format or checksum (numbers, contact details, emails,
//!   URLs) stand as the detectors found them.
//! - Names, places, addresses, dates, ages, handles and phone numbers are decided token by
//!   token: the tagger reads each token, and the second reading (`reread`) weighs that
//!   reading beside the rest of the post. A candidate stands when one of its tokens reads as
//!   an identifier, and a run of such tokens that no candidate covers becomes a finding of
//!   its own, which names the words that carried it.
//! - Each conduct label, and "recognisable by a combination of details", is decided by the
//!   post classifier, which reads the post and the tagger's first reading of it: a label
//!   below its threshold silences that label's candidates; a label above it keeps them,
//!   or, where no phrase rule fired, becomes one finding on the words that weighed most,
//!   which it names.
//!
//! Thresholds were chosen by `make train` out of fold, for precision on ordinary posts.

use super::features::{self, PostFeature, TokenFeatures, Words};
use super::reread::{self, PostScores};
use crate::context::{Ctx, Hit};
use crate::finding::{Category, Kind};
use crate::model::linear::Linear;
use crate::model::tokens::{Class, Token};
use crate::phi::{ages, is_title};
use crate::registry;
use crate::rules::Rule;
use std::ops::Range;
use std::sync::LazyLock;

static TAGGER: LazyLock<Linear> = LazyLock::new(|| {
    Linear::from_bytes(include_bytes!("../../data/model/tagger.bin"))
        .expect("data/model/tagger.bin is read by a test")
});

static REREAD: LazyLock<Linear> = LazyLock::new(|| {
    Linear::from_bytes(include_bytes!("../../data/model/reread.bin"))
        .expect("data/model/reread.bin is read by a test")
});

static POST: LazyLock<Linear> = LazyLock::new(|| {
    Linear::from_bytes(include_bytes!("../../data/model/post.bin"))
        .expect("data/model/post.bin is read by a test")
});

/// The tagger's classes, in the model's output order (`tools/train.py`'s `CLASSES`), with
/// the rule a finding of that class is reported under.
const TAG_RULES: [&str; 7] = [
    "",
    "phi/person-name",
    "phi/patient-place",
    "phi/patient-date",
    "phi/age-over-89",
    "phi/patient-handle",
    "phi/other-id",
];

/// How many outputs the post classifier has.
pub(super) const LABEL_COUNT: usize = 13;

/// The post classifier's outputs, in the model's order (`tools/train.py`'s `LABELS`).
const LABELS: [Kind; LABEL_COUNT] = [
    Kind::Derogatory,
    Kind::Stigmatizing,
    Kind::Colleague,
    Kind::Advice,
    Kind::Promotion,
    Kind::Claims,
    Kind::Profanity,
    Kind::Discrimination,
    Kind::Boundary,
    Kind::Intoxication,
    Kind::Consent,
    Kind::ReviewResponse,
    Kind::Combination,
];

/// The post classifier's output for a conduct kind or a combination.
fn label_of(kind: Kind) -> Option<usize> {
    LABELS.iter().position(|&l| l == kind)
}

/// The rule a learned finding of each label is reported under (in `LABELS` order): the
/// label's "read in context" rule, whose message and severity speak of a judgement rather
/// than of the words a phrase rule names; a story without consent, a reply confirming a
/// reviewer, profanity and a combination have one rule that is that judgement already.
const LABEL_RULE_IDS: [&str; LABEL_COUNT] = [
    "conduct/derogatory-in-context",
    "conduct/stigmatizing-in-context",
    "conduct/colleague-in-context",
    "conduct/advice-in-context",
    "conduct/promotion-in-context",
    "conduct/claims-in-context",
    "conduct/profanity",
    "conduct/discrimination-in-context",
    "conduct/boundary-in-context",
    "conduct/intoxication-in-context",
    "conduct/story-without-consent",
    "conduct/review-confirms-patient",
    "phi/combination",
];

static LABEL_RULES: LazyLock<Vec<&'static Rule>> = LazyLock::new(|| {
    LABEL_RULE_IDS
        .iter()
        .map(|id| registry::by_id(id).expect("every label's rule is registered"))
        .collect()
});

static TAG_RULE_REFS: LazyLock<Vec<Option<&'static Rule>>> =
    LazyLock::new(|| TAG_RULES.iter().map(|id| registry::by_id(id)).collect());

/// Whether an identifier rule is decided by its format, not by context: everything but
/// names, places, street addresses, dates, ages, @handles and phone numbers, whose owner
/// context decides (postcodes and ZIP codes are formats).
fn by_format(rule: &Rule) -> bool {
    !matches!(
        rule.kind,
        Kind::Name
            | Kind::Place
            | Kind::Address
            | Kind::Date
            | Kind::Age
            | Kind::Handle
            | Kind::Phone
            | Kind::Combination
    ) || matches!(rule.id, "phi/postcode" | "phi/zip-code")
}

/// Decides the candidates of one post; returns the findings to report.
pub fn decide(ctx: &Ctx, tokens: &[Token], hits: Vec<Hit>) -> Vec<Hit> {
    let words = Words::of(ctx.text, tokens);
    let feats = features::tokens(ctx, tokens, &words, &hits);
    let (identifier, class) = first_reading(&feats, tokens.len());
    let post = post_features(ctx, tokens, &words, &hits, &identifier, &class);
    let mut scores = Vec::new();
    POST.predict(&present(&post), &mut scores);
    // A label's first threshold holds where no detector proposed it, its second where one
    // did (a phrase rule's candidate is evidence of its own).
    let mut proposed = [false; LABELS.len()];
    for k in hits.iter().filter_map(|h| label_of(h.rule.kind)) {
        proposed[k] = true;
    }
    let on: Vec<bool> = (0..LABELS.len())
        .map(|k| scores[k] >= POST.threshold(k + LABELS.len() * usize::from(proposed[k])))
        .collect();

    let tags = tag(&feats, &identifier, &class, post_scores(&scores));
    let mut out = Vec::with_capacity(hits.len());
    // Tokens inside a kept context candidate, and tokens any kept identifier touches (as
    // tools/train.py's `phi_findings` decides them).
    let mut covered = vec![false; tokens.len()];
    let mut touched = vec![false; tokens.len()];
    let mut found = [false; LABELS.len()];
    for hit in hits {
        let kind = hit.rule.kind;
        let keep = if kind.category() == Category::Professionalism || kind == Kind::Combination {
            let k = label_of(kind).expect("a label");
            found[k] |= on[k];
            on[k]
        } else if by_format(hit.rule) {
            true
        } else {
            let ts = token_range(tokens, &hit.span);
            let yes = tags[ts.clone()]
                .iter()
                .any(|t| t.0 >= REREAD.threshold(KEEP));
            if yes {
                covered[ts].iter_mut().for_each(|c| *c = true);
            }
            yes
        };
        if keep {
            // A combination spans its sentence; it does not stand in for the identifiers in it.
            if kind.category() == Category::Phi && kind != Kind::Combination {
                touched[token_range(tokens, &hit.span)]
                    .iter_mut()
                    .for_each(|t| *t = true);
            }
            out.push(hit);
        }
    }
    learned_identifiers(ctx, tokens, &tags, &covered, &touched, &mut out);
    for k in (0..LABELS.len()).filter(|&k| on[k] && !found[k]) {
        if let Some(hit) = learned_label(ctx, tokens, &post, k) {
            out.push(hit);
        }
    }
    out
}

/// The tokens overlapping `span`.
fn token_range(tokens: &[Token], span: &Range<usize>) -> Range<usize> {
    let a = tokens.partition_point(|t| t.span.end <= span.start);
    let b = tokens.partition_point(|t| t.span.start < span.end);
    a..b.max(a)
}

/// The second reading's thresholds on P(identifier): its first for keeping a candidate, its
/// second for a finding of its own (`tools/train.py` chooses both).
const KEEP: usize = 0;
const NEW: usize = 1;

/// For each token, given its first reading and the post classifier's scores, P(identifier)
/// from both readings and the likeliest identifier class of the first (0 and "outside" for
/// a token the tagger does not read).
fn tag(
    feats: &TokenFeatures,
    identifier: &[f32],
    class: &[usize],
    post: PostScores,
) -> Vec<(f32, usize)> {
    let (ids, starts) = second_features(feats, identifier, class, post);
    let mut p = Vec::new();
    (0..identifier.len())
        .map(|i| {
            if feats.of(i).is_empty() {
                return (0.0, 0);
            }
            REREAD.predict(&ids[starts[i]..starts[i + 1]], &mut p);
            (mean_log_odds(identifier[i], p[0]), class[i])
        })
        .collect()
}

/// The post features present, each once however often the post has it: the post
/// classifier weighs whether a post has a word, not how many times, so a paste of 2,400
/// patient lines is not 2,400 times as sure of any label (counted, one small weight
/// repeated would decide it).
pub(super) fn present(post: &[PostFeature]) -> Vec<u32> {
    let mut ids: Vec<u32> = post.iter().map(|f| f.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The post classifier's features: the post's own ([`features::post`]) and the tagger's
/// first reading of its tokens ([`features::identifiers`]).
pub(super) fn post_features(
    ctx: &Ctx,
    tokens: &[Token],
    words: &Words,
    hits: &[Hit],
    identifier: &[f32],
    class: &[usize],
) -> Vec<PostFeature> {
    let mut post = features::post(ctx, tokens, words, hits);
    features::identifiers(identifier, class, TAG_RULES.len(), &mut post);
    post
}

/// What the second reading takes of the post classifier's scores (in `LABELS` order).
pub(super) fn post_scores(scores: &[f32]) -> PostScores {
    let at = |kind| scores[label_of(kind).expect("a label")];
    PostScores {
        story: at(Kind::Consent),
        review: at(Kind::ReviewResponse),
        combination: at(Kind::Combination),
    }
}

/// The probability whose log-odds are the mean of `a`'s and `b`'s. The second reading alone
/// learns that identifiers are rare outside stories and review replies, which holds of posts
/// but not of a one-line note such as "DOB 03/02/2019"; the first reading keeps what a
/// token's own words say.
fn mean_log_odds(a: f32, b: f32) -> f32 {
    let odds = |p: f32| {
        let p = p.clamp(1e-6, 1.0 - 1e-6);
        (p / (1.0 - p)).ln()
    };
    1.0 / (1.0 + (-(odds(a) + odds(b)) / 2.0).exp())
}

/// The tagger's first reading: for each token, P(identifier) and the likeliest identifier
/// class (0 and "outside" for a token it does not read).
pub(super) fn first_reading(feats: &TokenFeatures, n: usize) -> (Vec<f32>, Vec<usize>) {
    let mut p = Vec::new();
    (0..n)
        .map(|i| {
            if feats.of(i).is_empty() {
                return (0.0, 0);
            }
            TAGGER.predict(feats.of(i), &mut p);
            let class = (1..p.len())
                .max_by(|&a, &b| p[a].total_cmp(&p[b]))
                .expect("classes");
            (1.0 - p[0], class)
        })
        .unzip()
}

/// The second reading's features of each token, given a first reading (the engine's own,
/// or an out-of-fold one when `make train` fits the second reading).
pub(super) fn second_features(
    feats: &TokenFeatures,
    identifier: &[f32],
    class: &[usize],
    post: PostScores,
) -> (Vec<u32>, Vec<usize>) {
    let read: Vec<bool> = (0..identifier.len())
        .map(|i| !feats.of(i).is_empty())
        .collect();
    reread::features(&reread::First {
        identifier,
        class,
        read: &read,
        proposed: &feats.proposed,
        post,
    })
}

/// Runs of tagged tokens no kept identifier covers or borders become findings of their own.
fn learned_identifiers(
    ctx: &Ctx,
    tokens: &[Token],
    tags: &[(f32, usize)],
    covered: &[bool],
    touched: &[bool],
    out: &mut Vec<Hit>,
) {
    let new = REREAD.threshold(NEW);
    let tagged = |i: usize| tags[i].0 >= new && !covered[i];
    let mut i = 0;
    while i < tokens.len() {
        if !tagged(i) {
            i += 1;
            continue;
        }
        let class = tags[i].1;
        let mut start = i;
        while i + 1 < tokens.len() && tagged(i + 1) {
            i += 1;
        }
        // A title is never a name on its own: a run of titles stands for the word after it
        // ("Young" in "Mr Young", also an ordinary word), or for nobody.
        if TAG_RULE_REFS[class].is_some_and(|r| r.kind == Kind::Name)
            && (start..=i).all(|j| is_title_token(ctx, &tokens[j]))
        {
            match bordering(ctx, tokens, start, i)[1].filter(|&j| names_after_title(ctx, tokens, j))
            {
                Some(j) => (start, i) = (j, j),
                None => {
                    i += 1;
                    continue;
                }
            }
        }
        let span = tokens[start].span.start..tokens[i].span.end;
        let beside_kept = touched[start..=i].iter().any(|&t| t)
            || bordering(ctx, tokens, start, i)
                .into_iter()
                .flatten()
                .any(|j| touched.get(j) == Some(&true));
        i += 1;
        let Some(rule) = TAG_RULE_REFS[class] else {
            continue;
        };
        // An age finding says "over 89": a number the tagger read as an age must say so.
        if beside_kept || (rule.kind == Kind::Age && !ages::says_over_89(&ctx.text[span.clone()])) {
            continue;
        }
        let before = start
            .checked_sub(1)
            .map(|j| &ctx.text[tokens[j].span.clone()]);
        let after = tokens.get(i).map(|t| &ctx.text[t.span.clone()]);
        let context = match (before, after) {
            (Some(b), Some(a)) => format!(" between \u{201c}{b}\u{201d} and \u{201c}{a}\u{201d}"),
            (Some(b), None) => format!(" after \u{201c}{b}\u{201d}"),
            (None, Some(a)) => format!(" before \u{201c}{a}\u{201d}"),
            (None, None) => String::new(),
        };
        let detail = format!(
            "Read in context as {}: \u{201c}{}\u{201d}{context}.",
            describe(rule.kind),
            &ctx.text[span.clone()]
        );
        out.push(Hit::new(rule, span).with_detail(detail));
    }
}

/// The tokens a run from token `a` to token `b` borders: the one before it and the one after
/// it, or, when a full stop follows it unspaced ("Mrs. Brown"), the one after that. A run
/// beside a kept identifier is part of it ("Mrs" before "Brown"), not a finding of its own.
fn bordering(ctx: &Ctx, tokens: &[Token], a: usize, b: usize) -> [Option<usize>; 2] {
    let mut after = b + 1;
    if tokens.get(after + 1).is_some()
        && tokens[after].span.start == tokens[b].span.end
        && &ctx.text[tokens[after].span.clone()] == "."
    {
        after += 1;
    }
    [a.checked_sub(1), Some(after)]
}

/// Whether a token is a title ("Mr", "dr", "Mrs."), which is never a name alone.
fn is_title_token(ctx: &Ctx, token: &Token) -> bool {
    token.class == Class::Word
        && is_title(
            &ctx.text[token.span.clone()]
                .trim_end_matches('.')
                .to_lowercase(),
        )
}

/// Whether token `j` can be the name a title stands before: a capitalised word, not a title.
fn names_after_title(ctx: &Ctx, tokens: &[Token], j: usize) -> bool {
    tokens.get(j).is_some_and(|t| {
        t.class == Class::Word
            && ctx.text[t.span.clone()].starts_with(char::is_uppercase)
            && !is_title_token(ctx, t)
    })
}

fn describe(kind: Kind) -> &'static str {
    match kind {
        Kind::Name => "a person's name",
        Kind::Place => "a patient's place",
        Kind::Date => "the date of a patient event",
        Kind::Age => "an age",
        Kind::Handle => "a contact detail",
        _ => "an identifier",
    }
}

/// One finding for label `k`, on the words whose features weighed most for it, within the
/// sentence that weighed most.
fn learned_label(ctx: &Ctx, tokens: &[Token], post: &[PostFeature], k: usize) -> Option<Hit> {
    let mut weight = vec![0f32; tokens.len()];
    for f in post {
        if let Some(t) = f.token {
            weight[t] += POST.weight(f.id, k);
        }
    }
    let sentences = &ctx.frame.sentences;
    let best = sentences
        .iter()
        .map(|s| {
            let r = token_range(tokens, &s.span);
            (
                r.clone(),
                weight[r].iter().filter(|w| **w > 0.0).sum::<f32>(),
            )
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))?
        .0;
    let mut top: Vec<usize> = best.clone().filter(|&i| weight[i] > 0.0).collect();
    top.sort_by(|&a, &b| weight[b].total_cmp(&weight[a]).then(a.cmp(&b)));
    top.truncate(3);
    top.sort_unstable();
    let (first, last) = (*top.first()?, *top.last()?);
    let words: Vec<String> = top
        .iter()
        .map(|&i| format!("\u{201c}{}\u{201d}", &ctx.text[tokens[i].span.clone()]))
        .collect();
    let rule = LABEL_RULES[k];
    let detail = format!(
        "Weighed in context; the words that counted most: {}.",
        words.join(", ")
    );
    let span = tokens[first].span.start..tokens[last].span.end;
    Some(Hit::new(rule, span).with_detail(detail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_models_load_with_their_outputs() {
        assert_eq!(TAGGER.outputs(), TAG_RULES.len());
        assert_eq!(REREAD.outputs(), 1);
        assert_eq!(REREAD.thresholds(), 2);
        assert_eq!(POST.outputs(), LABELS.len());
        assert_eq!(POST.thresholds(), 2 * LABELS.len());
        assert!(TAG_RULE_REFS.iter().skip(1).all(Option::is_some));
        assert!(LABEL_RULES.iter().zip(LABELS).all(|(r, k)| r.kind == k));
    }

    /// The text of each finding of `kind` in `text`, checked with the default settings.
    fn found(text: &str, kind: Kind) -> Vec<&str> {
        crate::check(text, &crate::Config::default())
            .into_iter()
            .filter(|f| f.kind == kind)
            .map(|f| &text[f.span])
            .collect()
    }

    /// A paste of thousands of patient lines reads as the one line would: a feature counts
    /// once, so no label's small weight, repeated, decides the post (a paste of 2,400 lines
    /// once read as a health claim across its NHS numbers).
    #[test]
    fn a_dense_paste_is_weighed_by_what_it_has_not_how_often() {
        let post = |ids: &[u32]| -> Vec<PostFeature> {
            ids.iter()
                .map(|&id| PostFeature { id, token: None })
                .collect()
        };
        assert_eq!(present(&post(&[7, 3, 7, 3, 1])), [1, 3, 7]);
        let line = "Mrs Okafor (90) bed 1, NHS no 943 476 5919, 07700 900000\n";
        let conduct = |text: &str| -> Vec<Kind> {
            let mut kinds: Vec<Kind> = crate::check(text, &crate::Config::default())
                .into_iter()
                .filter(|f| f.kind.category() == Category::Professionalism)
                .map(|f| f.kind)
                .collect();
            kinds.dedup();
            kinds
        };
        assert_eq!(conduct(&line.repeat(2400)), conduct(line));
    }

    /// A courtesy title beside a name the engine keeps is part of that name, spaced or with
    /// its full stop, and never a finding of its own.
    #[test]
    fn a_title_beside_a_kept_name_is_not_a_finding_of_its_own() {
        let text = "Gynae clinic today: Mrs Brown with brown discharge, then Mrs. Green \
                    with green discharge, and Mr Patel after them.";
        assert_eq!(found(text, Kind::Name), ["Brown", "Green", "Patel"]);
    }

    /// A title is never a name alone: where the tagger reads only the title of "Mr Bishop"
    /// as a name, the finding is the name after it; a title with no name after it is none.
    #[test]
    fn a_learned_title_stands_for_the_name_after_it() {
        for (text, names) in [
            (
                "Had a lovely chat with Mr Bishop on the ward today \u{1f600}, he turns 100 next week.",
                &["Bishop"][..],
            ),
            (
                "Old Mrs Long and young Mr Short share a bay on Ward \u{ff19}.",
                &["Long", "Short"],
            ),
            ("Old Mrs Long and young Mr. Short share a bay on Ward 9.", &["Long", "Short"]),
            ("Old Mrs Long and young Mr", &["Long"]),
            ("Old Mrs Long and young Mr &", &["Long"]),
        ] {
            assert_eq!(found(text, Kind::Name), names, "{text}");
        }
    }

    /// An age the tagger reads in a story is reported only when it is over 89, as the rule
    /// that reports it says: "67" in a patient's story is no "Age over 89".
    #[test]
    fn a_learned_age_is_over_89() {
        for (text, ages) in [
            ("Mr Okoro, 67, admitted with chest pain. Bed 4.", &[][..]),
            ("Saw Mr Okoro in clinic today, 84 and still sharp.", &[]),
            ("Saw Mrs Okafor (94) this morning", &["94"]),
            // Full-width digits are read as the ASCII ones they stand for.
            (
                "Saw Mrs Okafor (\u{ff19}\u{ff14}) this morning",
                &["\u{ff19}\u{ff14}"],
            ),
            ("Saw Mr Okoro (\u{ff16}\u{ff17}) today \u{1f600}", &[]),
        ] {
            assert_eq!(found(text, Kind::Age), ages, "{text}");
        }
    }
}
