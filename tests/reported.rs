//! What users reported trying Chaperone as new users (issue 12), each a case: the post, its
//! region and what a clinician expects. The cases are checked together and every failure is
//! named, so one regression does not hide the others.
//!
//! Still wrong, and so not yet here (the learned layer has to learn them from more posts like
//! them, not from these): "Noncompliant diabetic #3 of the day" (stigmatising) gets nothing;
//! "Reg had been a welder for 40 years" is not read as a name.

use chaperone::{check, Config, Finding, Kind, Region};

/// What a post should get.
enum Expect {
    /// At least one finding of each kind.
    Flags(&'static [Kind]),
    /// No finding of any of these kinds.
    NoFlag(&'static [Kind]),
}

use Expect::{Flags, NoFlag};

const CASES: &[(Region, &str, Expect)] = &[
    // A clinic's own address and number in its announcement are not a patient's, and the
    // number is not an NHS number.
    (
        Region::Us,
        "Get your flu shot this Saturday at Riverside Clinic, 42 Elm St, call 555-201-3344",
        NoFlag(&[Kind::HealthId, Kind::Address, Kind::Phone]),
    ),
    // A unique description in a small place identifies her.
    (
        Region::Uk,
        "Just had the honour of delivering twins for the only female firefighter in Whitby",
        Flags(&[Kind::Combination]),
    ),
    (
        Region::Uk,
        "Had a joint on my lunch break, back to seeing patients now",
        Flags(&[Kind::Intoxication]),
    ),
    (
        Region::Uk,
        "Matched with a patient on Hinge lol",
        Flags(&[Kind::Boundary]),
    ),
    (
        Region::Uk,
        "Old people on ICU are a waste of beds",
        Flags(&[Kind::Discrimination]),
    ),
    (
        Region::Uk,
        // Diagnosing someone in public. Whether @tomo_88 is a patient is unclear, so the
        // guide (ANNOTATION.md) makes his handle a "may": flagging it is neither required
        // nor a false alarm.
        "@tomo_88 that's a boxer's fracture mate. Buddy strap it",
        Flags(&[Kind::Advice]),
    ),
    (
        Region::Us,
        "My card 4454794511390933 was charged twice",
        Flags(&[Kind::Account]),
    ),
    // One lawful evening.
    (
        Region::Uk,
        "Had a glass of wine with dinner, on call from 8 tomorrow",
        NoFlag(&[Kind::Intoxication]),
    ),
    // Shifts, "my patients" in general and therapy abbreviations are not patient stories.
    (
        Region::Uk,
        "Just finished a 13-hour shift and my feet are done",
        NoFlag(&[Kind::Consent]),
    ),
    (
        Region::Uk,
        "I love my patients, they make this job worth it",
        NoFlag(&[Kind::Consent]),
    ),
    (
        Region::Us,
        "Our PT and OT teams are the best in the hospital",
        NoFlag(&[Kind::Consent]),
    ),
    // A consented story is not a story without consent; a third-person one is a story.
    (
        Region::Us,
        "Shared with her family's permission: Maria, 7, rang the bell today after her last \
         round of chemo at St Mary's.",
        NoFlag(&[Kind::Consent]),
    ),
    (
        Region::Us,
        "Hospital news: Maria Lopez, 7, from Riverside rang the end-of-treatment bell on Ward \
         4 today after two years of chemo. Her mum says she wants to be a nurse.",
        Flags(&[Kind::Consent, Kind::Name]),
    ),
    // Patients named in plain prose.
    (Region::Us, "Milo was diagnosed at 3", Flags(&[Kind::Name])),
    // Ordinary words, countries and cities are not names.
    (
        Region::Us,
        "Going to three weddings this summer",
        NoFlag(&[Kind::Name]),
    ),
    (
        Region::Us,
        "Be kind to your nurses, they work so hard",
        NoFlag(&[Kind::Name]),
    ),
    (
        Region::Us,
        "America needs more primary care doctors",
        NoFlag(&[Kind::Name]),
    ),
    (
        Region::Au,
        "Flying to Sydney for the conference next week",
        NoFlag(&[Kind::Name, Kind::Place]),
    ),
];

fn failure(found: &[Finding], expect: &Expect) -> Option<String> {
    match expect {
        Flags(kinds) => {
            let missing: Vec<_> = (kinds.iter())
                .filter(|k| !found.iter().any(|f| f.kind == **k))
                .collect();
            (!missing.is_empty()).then(|| format!("no finding of {missing:?}"))
        }
        NoFlag(kinds) => (found.iter())
            .find(|f| kinds.contains(&f.kind))
            .map(|f| format!("flagged {:?} ({})", f.kind, f.rule)),
    }
}

#[test]
fn the_reported_posts_get_what_a_clinician_expects() {
    let failures: Vec<String> = (CASES.iter())
        .filter_map(|(region, text, expect)| {
            let config = Config {
                region: *region,
                ..Config::default()
            };
            let found = check(text, &config);
            let got: Vec<_> = found.iter().map(|f| f.rule).collect();
            failure(&found, expect).map(|why| format!("{text:?}: {why}; got {got:?}"))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} reported cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
