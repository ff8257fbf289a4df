//! Concept vocabularies (`data/vocab/*.txt`, documented in `data/SOURCES.md`): words and
//! short phrases for ideas the conduct classifier weighs together, such as alcohol or drugs
//! and being on duty, an insult and a colleague's role, a group and a generalisation. A
//! concept generalises where single words cannot: a drink the training posts never named
//! still counts as a drink. `build.rs` checks every file is lowercase, sorted and unique.

use super::WordSet;
use std::ops::Range;
use std::sync::LazyLock;

macro_rules! concepts {
    ($($name:literal),* $(,)?) => {
        /// The concepts, by name, with their files' text.
        pub const CONCEPTS: &[(&str, &str)] = &[
            $(($name, include_str!(concat!("../../data/vocab/", $name, ".txt")))),*
        ];
    };
}

concepts!(
    "advice-words",
    "alcohol-drugs",
    "claims",
    "commerce",
    "consent-words",
    "disclosure",
    "duty",
    "generalisers",
    "insults",
    "protected-groups",
    "review-words",
    "romance-sexual",
    "staff-roles",
    "titles",
);

/// The text of concept `name`'s file (empty for no such concept).
pub fn text(name: &str) -> &'static str {
    CONCEPTS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, text)| text)
}

/// Whether `word` (lowercase) is a line of concept `name`'s file.
pub fn lists(name: &str, word: &str) -> bool {
    super::SortedLines(text(name)).contains(word)
}

/// Every concept's phrases in one set; a phrase listed under several concepts has them all.
pub struct Vocab {
    set: WordSet,
    /// For each phrase of `set`, a bit per concept (index into `CONCEPTS`).
    masks: Vec<u32>,
}

pub static VOCAB: LazyLock<Vocab> = LazyLock::new(|| {
    let mut phrases: Vec<(&str, u32)> = CONCEPTS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, text))| text.lines().map(move |l| (l, 1u32 << i)))
        .filter(|(l, _)| !l.is_empty())
        .collect();
    phrases.sort_unstable();
    let mut merged: Vec<(&str, u32)> = Vec::with_capacity(phrases.len());
    for (p, m) in phrases {
        match merged.last_mut() {
            Some(last) if last.0 == p => last.1 |= m,
            _ => merged.push((p, m)),
        }
    }
    let words: Vec<&str> = merged.iter().map(|(p, _)| *p).collect();
    Vocab {
        set: WordSet::new(&words),
        masks: merged.iter().map(|(_, m)| *m).collect(),
    }
});

impl Vocab {
    /// Each whole-word match in lowercased `text`, with its concepts as a bit set.
    pub fn find_iter<'a>(
        &'a self,
        lower: &'a str,
    ) -> impl Iterator<Item = (Range<usize>, u32)> + 'a {
        self.set
            .find_iter(lower)
            .map(|(span, i)| (span, self.masks[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concepts_in(text: &str) -> Vec<&'static str> {
        let mask = VOCAB.find_iter(text).fold(0, |m, (_, c)| m | c);
        (0..CONCEPTS.len())
            .filter(|i| mask & (1 << i) != 0)
            .map(|i| CONCEPTS[i].0)
            .collect()
    }

    #[test]
    fn lists_single_words() {
        assert!(lists("titles", "mrs") && !lists("titles", "doctor") && !lists("nope", "mrs"));
    }

    #[test]
    fn finds_concepts_on_whole_words() {
        assert_eq!(
            concepts_in("two beers before my shift"),
            ["alcohol-drugs", "duty"]
        );
        assert_eq!(
            concepts_in("the registrar is an idiot"),
            ["insults", "staff-roles"]
        );
        assert!(concepts_in("beerhall shiftwork").is_empty());
    }
}
