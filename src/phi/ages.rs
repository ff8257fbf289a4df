//! Ages over 89, in digits and words ("94", "aged 101", "ninety-four", "nonagenarian",
//! "turned 100"). HIPAA's Safe Harbor folds every age over 89 into "90 or older", because
//! so few people are that old that an exact age narrows them down.

use super::CONTEXT_GUIDANCE;
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::{lines, SortedLines};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[AGE_OVER_89];

pub const AGE_OVER_89: Rule = Rule {
    id: "phi/age-over-89",
    kind: Kind::Age,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Age over 89",
    message: "An exact age over 89 can identify a patient.",
    what: "A patient's age of 90 or more, in digits or words, with or without \"years old\".",
    why: "Very few people are over 89, so an exact age is close to a name: HIPAA's Safe Harbor allows only \"90 or older\", and with a place or a date it points to one person.",
    fix: "Say \"in her nineties\" or \"over 90\" instead of the exact age.",
    suggestions: &["over 90", "in their nineties"],
    guidance: CONTEXT_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "Saw Mrs Okafor (94) this morning"),
            ex("a shoutout to my ninety-seven-year-old in bed 22"),
            ex("For a 91yo's wound care"),
            ex("He's 93 and brought me zucchini"),
            ex("Our nonagenarian on the ward went home"),
            ex("Patient from the village, ninety-six, still drives"),
        ],
        pass: &[
            ex("Shingrix is 90% effective in adults 50+"),
            ex("Sats 94% on air, HR 95"),
            ex("Adults over 90 need a different approach"),
            ex("She is 45 and fit"),
            ex("95 years of care in the outback"),
            ex("Happy 90th birthday to the Royal Flying Doctor Service!"),
            ex("Married for 92 years, they came in together"),
            ex("The pass mark is ninety and most of us got it"),
        ],
    },
};

/// Words after a number of years that make it a span of time ("of care", "since").
const DURATION_AFTER: &str = include_str!("../../data/phi/duration-after.txt");

/// Words before a number of years that make it a span of time ("for", "after").
const DURATION_BEFORE: &str = include_str!("../../data/phi/duration-before.txt");

/// "95 years of care", "for 90 years", "100 years since": a span of time, not a person's age.
fn is_a_duration(ctx: &Ctx, start: usize, end: usize) -> bool {
    let matched = &ctx.lower[start..end];
    if ["old", "yo", "y/o", "y.o."]
        .iter()
        .any(|s| matched.ends_with(s))
    {
        return false;
    }
    let next = ctx.lower_after(end, 16);
    let next = next.split_whitespace().next().unwrap_or("");
    let previous = ctx.lower_before(start, 12);
    let previous = previous.split_whitespace().last().unwrap_or("");
    SortedLines(DURATION_AFTER).contains(next) || SortedLines(DURATION_BEFORE).contains(previous)
}

/// The starts of the words that put an age over 89 ("ninety", "a hundred", "nonagenarian",
/// "centenarian", "centenaire").
static OVER_89_WORDS: LazyLock<Vec<&str>> =
    LazyLock::new(|| lines(include_str!("../../data/phi/over-89-words.txt")));

/// Whether `text` (an age as the tagger read it) states an age over 89: its first number is
/// 90 to 130, or, without digits, it holds a word for an age over 89 ("ninety"). The
/// tagger weighs context; what the number says is arithmetic ("67" is not over 89).
pub fn says_over_89(text: &str) -> bool {
    let digits: String = (text.chars())
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    if !digits.is_empty() {
        return digits.parse::<u32>().is_ok_and(|n| (90..=130).contains(&n));
    }
    word_over_89(text.to_lowercase().as_bytes())
}

/// Whether a lowercased word holds a word for an age over 89 ("ninety-seven", "hundredth",
/// "nonagenarian").
pub fn word_over_89(lower: &[u8]) -> bool {
    (OVER_89_WORDS.iter()).any(|w| lower.windows(w.len()).any(|x| x == w.as_bytes()))
}

/// Ages need digits or a number word; without either the patterns are not compiled.
pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    if ctx.digits || ctx.mentions(&OVER_89_WORDS) {
        ages(ctx, hits);
    }
    if ctx.digits {
        for c in pattern::NAME_OLD_AGE.captures_iter(ctx.text) {
            if let Some(g) = c.name("a").or_else(|| c.name("b")) {
                hits.push(Hit::new(&AGE_OVER_89, g.range()));
            }
        }
    }
}

fn ages(ctx: &Ctx, hits: &mut Vec<Hit>) {
    for c in pattern::AGE.captures_iter(ctx.lower) {
        let whole = c.get(0).expect("whole match");
        if let Some(g) = c.name("ctx") {
            let after = ctx.lower_after(g.end(), 4);
            let decimal =
                after.starts_with('.') && after[1..].starts_with(|c: char| c.is_ascii_digit());
            if decimal
                || after.starts_with(['%', '/', '+'])
                || after.starts_with(" kg")
                || after.starts_with(" mm")
                || after.starts_with(" bpm")
            {
                continue;
            }
            if !ctx.frame.is_announcement() {
                hits.push(Hit::new(&AGE_OVER_89, g.range()));
            }
            continue;
        }
        if let Some(g) = c.name("story") {
            // An age in words after "is" or between commas, in a story about a patient.
            if ctx.frame.patient_story_at(g.start()) {
                hits.push(Hit::new(&AGE_OVER_89, g.range()));
            }
            continue;
        }
        let before = ctx.lower_before(whole.start(), 12);
        if ["over ", "under ", "> ", ">", "above ", "aged over "]
            .iter()
            .any(|p| before.ends_with(p))
        {
            continue;
        }
        if c.name("sex").is_some() && !ctx.frame.patient_story_at(whole.start()) {
            continue;
        }
        if c.name("unit").is_some() && is_a_duration(ctx, whole.start(), whole.end()) {
            continue;
        }
        // "Happy 75th birthday to the NHS": an institution's anniversary.
        if c.name("bday").is_some()
            && (ctx.frame.is_announcement()
                || [" to the ", " of the ", " for the "]
                    .iter()
                    .any(|p| ctx.lower_after(whole.end(), 8).starts_with(p)))
        {
            continue;
        }
        hits.push(Hit::new(&AGE_OVER_89, whole.range()));
    }
}

#[cfg(test)]
mod tests {
    use super::says_over_89;

    #[test]
    fn over_89_is_arithmetic() {
        for yes in [
            "94",
            "(94)",
            "101yo",
            "ninety-one",
            "Nonagenarian",
            "a hundred and two",
        ] {
            assert!(says_over_89(yes), "{yes}");
        }
        for no in ["67", "84", "89", "1951", "", "forty"] {
            assert!(!says_over_89(no), "{no}");
        }
    }
}
