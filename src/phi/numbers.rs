//! Other identifying numbers: social security and insurance numbers (SSN, SIN, NINO), and
//! numbers that a label or the story marks as a patient's (MRN, account, licence, plate,
//! device serial, insurance member id, claim or reference numbers).

use super::checksums::{digits_of, iban, luhn, sin, ssn};
use super::{is_token, IDENTIFIER_GUIDANCE};
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::lexicon::{gated, WordSet};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::ops::Range;
use std::sync::LazyLock;

pub static RULES: &[Rule] = &[
    SSN,
    SIN,
    NINO,
    MRN,
    ACCOUNT,
    DRIVERS_LICENCE,
    VEHICLE_PLATE,
    DEVICE_SERIAL,
    INSURANCE_ID,
    OTHER_ID,
];

const WHY_NUMBER: &str = "A number that belongs to one person (a record, an account, a licence, a card) identifies them as surely as their name, and can be used to look them up or misuse their accounts.";
const FIX_NUMBER: &str =
    "Remove the number. Describe the problem without it (\"a patient's record\").";

macro_rules! number_rule {
    ($name:ident, $id:literal, $kind:expr, $title:literal, $message:literal, $what:literal, fire: [$($fire:expr),*], pass: [$($pass:expr),*]) => {
        pub const $name: Rule = Rule {
            id: $id,
            kind: $kind,
            severity: Severity::Stop,
            stop_in: &[],
            name: $title,
            message: $message,
            what: $what,
            why: WHY_NUMBER,
            fix: FIX_NUMBER,
            suggestions: &[""],
            guidance: IDENTIFIER_GUIDANCE,
            examples: Examples { fire: &[$($fire),*], pass: &[$($pass),*] },
        };
    };
}

number_rule!(SSN, "phi/ssn", Kind::Ssn, "Social Security number", "This looks like a Social Security number.",
    "US Social Security numbers (ddd-dd-dddd, however spaced) that obey the SSA's rules for valid numbers, or nine digits after \"SSN\".",
    fire: [ex("She has her social on every page: 3 3 7 - 7 1 - 5 3 0 1."), ex("CARTER, DONNA L, SSN 148-52-9615")],
    pass: [ex("000-12-3456 is not a real number"), ex("Call 1-800-555-0199")]);
number_rule!(SIN, "phi/sin", Kind::Ssn, "Social Insurance Number", "This looks like a Canadian Social Insurance Number.",
    "Nine digits after \"SIN\" (or grouped 3-3-3 in a Canadian patient story) that pass the Luhn check.",
    fire: [ex_in(Region::Ca, "GAGNON, Jean-François / SIN 586 828 287 / on the form")],
    pass: [ex_in(Region::Ca, "My patient's number 586 828 288 fails the SIN check")]);
number_rule!(NINO, "phi/nino", Kind::Ssn, "National Insurance number", "This looks like a UK National Insurance number.",
    "UK National Insurance numbers: two letters, six digits, a final letter A-D.",
    fire: [ex_in(Region::Uk, "the fit note reads NINO JT 48 21 93 B, not fit")],
    pass: [ex_in(Region::Uk, "Book JT 48 at the desk")]);
number_rule!(MRN, "phi/mrn", Kind::Mrn, "Medical record number", "This looks like a medical record or hospital number.",
    "Numbers after MRN, hospital number, hosp no, unit number, URN or patient ID.",
    fire: [ex("MRN 00482913 — anyone seen this rash?"), ex_in(Region::Uk, "\"HOSP NO D0123456 / WD 21\""), ex("pt MR# 00482913 back again")],
    pass: [ex("Our MRN system goes live in 2025"), ex("Room 101 is a great novel")]);
number_rule!(ACCOUNT, "phi/account-number", Kind::Account, "Account number", "This looks like an account or billing number.",
    "Bank accounts, sort codes, BSBs, card and billing/encounter numbers after their label; payment card numbers that pass the Luhn check wherever they stand; IBANs that pass their check digits, in a UK post or after \"IBAN\".",
    fire: [ex_in(Region::Uk, "Mr Al-Rashid, sort code 20-45-77, account 41738862"), ex_in(Region::Au, "BSB 062-914, acct 1048 2231"), ex("My card 4454794511390933 was charged twice"), ex_in(Region::Uk, "her card 4539 1488 0343 6467 was left at the desk"), ex_in(Region::Uk, "refund her to GB82 WEST 1234 5698 7654 32 by Friday"), ex("his family asked us to pay IBAN DE89 3704 0044 0532 0130 00")],
    pass: [ex("Our account of the study is in the BMJ"), ex("2,000 accounts were audited"), ex("order 4454794511390934 shipped today"), ex_in(Region::Uk, "refund her to GB82 WEST 1234 5698 7654 33 by Friday"), ex("ref DE89 3704 0044 0532 0130 00 on the invoice")]);
number_rule!(DRIVERS_LICENCE, "phi/drivers-licence", Kind::License, "Driver's licence number", "This looks like a driver's licence number.",
    "Numbers after driver's licence, DL or licence no.",
    fire: [ex("It wants his DL # (S530-4417-2291) on every page"), ex_in(Region::Ca, "the patient's BC driver's licence (4829173)")],
    pass: [ex("My medical licence renewal is due in 2026"), ex("Licence to practise: GMC guidance")]);
number_rule!(VEHICLE_PLATE, "phi/vehicle-plate", Kind::Vehicle, "Vehicle plate", "This looks like a vehicle registration plate.",
    "UK plates (LK19 XRT), and plates or VINs after \"plate\", \"rego\" or a vehicle word.",
    fire: [ex_in(Region::Uk, "parked his Qashqai (LK19 XRT) across the ambulance bay"), ex("a parking slip for his truck, plate 7KQN482"), ex_in(Region::Au, "Mr Lee parked his ute (1XY 2ZW) in the ambulance bay again")],
    pass: [ex("Plate of sandwiches in the mess"), ex_in(Region::Uk, "COVID19 cases rose")]);
number_rule!(DEVICE_SERIAL, "phi/device-serial", Kind::Device, "Device serial number", "This looks like a device or implant serial number.",
    "Serial, lot, UDI and IMEI numbers of implants and devices after their label.",
    fire: [ex("she has a device on the advisory list (serial RRN337912A)")],
    pass: [ex("The serial killer podcast was grim"), ex("Lot of patients today")]);
number_rule!(INSURANCE_ID, "phi/insurance-id", Kind::HealthId, "Health-plan or insurance number", "This looks like a health-plan, insurance or member number.",
    "Numbers after member ID, policy, insurance, Medicaid or health-plan labels.",
    fire: [ex("Her Medicaid ID 4471 2290 8813 keeps getting rejected"), ex("member ID XJH448812097 on the card")],
    pass: [ex("Medicaid expansion covered 2,000,000 more people"), ex("Our policy is 2 visitors per bed")]);
number_rule!(OTHER_ID, "phi/other-id", Kind::OtherId, "Other identifying number", "This number may identify a patient.",
    "Reference, claim, case and referral numbers after their label, and long record-like numbers in a story about a patient.",
    fire: [ex_in(Region::Uk, "Re: Mr Rahimi, HO ref R1184273, DOB 01/01/1990"), ex_in(Region::Uk, "NHS 7921742181, UBRN 0004 5671 2389, rejected twice")],
    pass: [ex("NCT04368728 recruited 1,200 adults"), ex("PMID 31234567 is worth a read"), ex("doi:10.1056/NEJMoa2034577")]);

/// Labels, lowercased, and the rule for the number that follows them.
const LABELS: &[(&str, &Rule)] = &[
    ("mrn", &MRN),
    ("mr#", &MRN),
    ("mr no", &MRN),
    ("medical record number", &MRN),
    ("medical record no", &MRN),
    ("hospital number", &MRN),
    ("hospital no", &MRN),
    ("hosp no", &MRN),
    ("hosp. no", &MRN),
    ("unit number", &MRN),
    ("unit no", &MRN),
    ("urn", &MRN),
    ("ur number", &MRN),
    ("ur no", &MRN),
    ("patient id", &MRN),
    ("pt id", &MRN),
    ("chart number", &MRN),
    ("chart no", &MRN),
    ("k number", &MRN),
    ("dossier", &MRN),
    ("account", &ACCOUNT),
    ("account no", &ACCOUNT),
    ("account number", &ACCOUNT),
    ("acct", &ACCOUNT),
    ("a/c", &ACCOUNT),
    ("sort code", &ACCOUNT),
    ("bsb", &ACCOUNT),
    ("iban", &ACCOUNT),
    ("routing", &ACCOUNT),
    ("card number", &ACCOUNT),
    ("card no", &ACCOUNT),
    ("fin", &ACCOUNT),
    ("encounter", &ACCOUNT),
    ("billing", &ACCOUNT),
    ("invoice", &ACCOUNT),
    ("driver's licence", &DRIVERS_LICENCE),
    ("driver's license", &DRIVERS_LICENCE),
    ("drivers licence", &DRIVERS_LICENCE),
    ("drivers license", &DRIVERS_LICENCE),
    ("driving licence", &DRIVERS_LICENCE),
    ("dl", &DRIVERS_LICENCE),
    ("dl#", &DRIVERS_LICENCE),
    ("licence no", &DRIVERS_LICENCE),
    ("license no", &DRIVERS_LICENCE),
    ("licence number", &DRIVERS_LICENCE),
    ("license number", &DRIVERS_LICENCE),
    ("plate", &VEHICLE_PLATE),
    ("number plate", &VEHICLE_PLATE),
    ("licence plate", &VEHICLE_PLATE),
    ("license plate", &VEHICLE_PLATE),
    ("rego", &VEHICLE_PLATE),
    ("vin", &VEHICLE_PLATE),
    ("serial", &DEVICE_SERIAL),
    ("serial no", &DEVICE_SERIAL),
    ("serial number", &DEVICE_SERIAL),
    ("s/n", &DEVICE_SERIAL),
    ("sn", &DEVICE_SERIAL),
    ("lot", &DEVICE_SERIAL),
    ("device id", &DEVICE_SERIAL),
    ("imei", &DEVICE_SERIAL),
    ("udi", &DEVICE_SERIAL),
    ("member id", &INSURANCE_ID),
    ("member number", &INSURANCE_ID),
    ("member no", &INSURANCE_ID),
    ("policy number", &INSURANCE_ID),
    ("policy no", &INSURANCE_ID),
    ("insurance id", &INSURANCE_ID),
    ("insurance number", &INSURANCE_ID),
    ("insurance", &INSURANCE_ID),
    ("medicaid", &INSURANCE_ID),
    ("medicaid id", &INSURANCE_ID),
    ("plan id", &INSURANCE_ID),
    ("group number", &INSURANCE_ID),
    ("subscriber id", &INSURANCE_ID),
    ("medicare", &INSURANCE_ID),
    ("ssn", &SSN),
    ("social security", &SSN),
    ("social security number", &SSN),
    ("social", &SSN),
    ("sin", &SIN),
    ("nino", &NINO),
    ("ni number", &NINO),
    ("ni no", &NINO),
    ("national insurance", &NINO),
    ("national insurance number", &NINO),
    ("tfn", &OTHER_ID),
    ("tax file number", &OTHER_ID),
    ("ref", &OTHER_ID),
    ("ref no", &OTHER_ID),
    ("reference", &OTHER_ID),
    ("reference number", &OTHER_ID),
    ("claim", &OTHER_ID),
    ("claim no", &OTHER_ID),
    ("claim number", &OTHER_ID),
    ("case no", &OTHER_ID),
    ("case number", &OTHER_ID),
    ("ubrn", &OTHER_ID),
    ("crn", &OTHER_ID),
    ("booking ref", &OTHER_ID),
    ("referral no", &OTHER_ID),
    ("file no", &OTHER_ID),
    ("file number", &OTHER_ID),
    ("nhs", &super::health_ids::NHS_NUMBER),
    ("nhs no", &super::health_ids::NHS_NUMBER),
    ("nhs number", &super::health_ids::NHS_NUMBER),
    ("chi", &super::health_ids::CHI_NUMBER),
    ("ihi", &super::health_ids::IHI),
    ("mbi", &super::health_ids::MEDICARE_MBI),
    ("ohip", &super::health_ids::HEALTH_CARD_CA),
    ("hcn", &super::health_ids::HEALTH_CARD_CA),
    ("phn", &super::health_ids::HEALTH_CARD_CA),
    ("phns", &super::health_ids::HEALTH_CARD_CA),
    ("ramq", &super::health_ids::HEALTH_CARD_CA),
    ("carte", &super::health_ids::HEALTH_CARD_CA),
    ("care card", &super::health_ids::HEALTH_CARD_CA),
    ("health card", &super::health_ids::HEALTH_CARD_CA),
];

/// The labels and their plurals: phrase `i` is label `i / 2`.
static LABEL_SET: LazyLock<WordSet> = LazyLock::new(|| {
    let phrases: Vec<String> = LABELS
        .iter()
        .flat_map(|(l, _)| [l.to_string(), format!("{l}s")])
        .collect();
    WordSet::new(&phrases.iter().map(String::as_str).collect::<Vec<_>>())
});

/// Prefixes that mark a number as a citation, registry or code rather than a person's.
const NOT_PERSONAL: &str = include_str!("../../data/phi/not-personal.txt");

pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let text = ctx.text;
    // A payment card is a format: the Luhn check decides, in every region.
    for m in pattern::CARD.find_iter(text) {
        if digits_of(m.as_str()).is_some_and(|d| luhn(&d)) {
            hits.push(Hit::new(&ACCOUNT, m.range()));
        }
    }
    // An IBAN is a format too, where IBANs exist (of the regions, the UK) or under its label.
    for m in pattern::IBAN.find_iter(text) {
        let compact: String = m.as_str().split(' ').collect();
        let label = floor_boundary(text, m.start().saturating_sub(12));
        let named = ctx.lower[label..m.start()].contains("iban");
        if iban(&compact) && (ctx.region() == Region::Uk || named) {
            hits.push(Hit::new(&ACCOUNT, m.range()));
        }
    }
    let mut labelled: Vec<Range<usize>> = Vec::new();
    for (label, i) in LABEL_SET.find_iter(text) {
        let rule = LABELS[i / 2].1;
        let rest = &text[label.end..floor_boundary(text, (label.end + 48).min(text.len()))];
        let Some(c) = pattern::ID_AFTER_LABEL.captures(rest) else {
            continue;
        };
        let id = c.get(1).expect("group 1");
        let span = label.end + id.start()..label.end + id.end();
        let digits = text[span.clone()]
            .bytes()
            .filter(u8::is_ascii_digit)
            .count();
        if digits < 4 || looks_like_year_or_date(&text[span.clone()]) {
            continue;
        }
        labelled.push(span.clone());
        // "two PHNs, 40982-1176 and 40982-1167": the label covers a list of numbers.
        let mut end = span.end;
        hits.push(Hit::new(rule, span));
        while let Some(c) = pattern::NEXT_IN_LIST
            .captures(&text[end..floor_boundary(text, (end + 48).min(text.len()))])
        {
            let g = c.get(1).expect("group 1");
            let next = end + g.start()..end + g.end();
            if next.len() < 4 || looks_like_year_or_date(&text[next.clone()]) {
                break;
            }
            end = next.end;
            labelled.push(next.clone());
            hits.push(Hit::new(rule, next));
        }
    }
    for m in pattern::SSN.find_iter(text) {
        let s = m.as_str();
        let separated = s.contains('-') || s.contains(' ');
        let labelled_ssn = ctx.lower_before(m.start(), 16).contains("ssn")
            || ctx.lower_before(m.start(), 24).contains("social");
        if (separated || labelled_ssn) && digits_of(s).is_some_and(|d| ssn(&d)) && s.len() <= 21 {
            let dashed = s.contains('-');
            if dashed || labelled_ssn {
                hits.push(Hit::new(&SSN, m.range()));
            }
        }
    }
    for m in pattern::SIN.find_iter(text) {
        let story = ctx.region() == Region::Ca && ctx.frame.patient_story_at(m.start());
        if story && digits_of(m.as_str()).is_some_and(|d| sin(&d)) {
            hits.push(Hit::new(&SIN, m.range()));
        }
    }
    for m in pattern::NINO.find_iter(text) {
        if m.as_str().bytes().filter(u8::is_ascii_digit).count() == 6 {
            hits.push(Hit::new(&NINO, m.range()));
        }
    }
    for m in pattern::UK_PLATE.find_iter(text) {
        hits.push(Hit::new(&VEHICLE_PLATE, m.range()));
    }
    let vehicle = ctx.grams.has_byte(b'(')
        && ctx.mentions(&[
            "car", "ute", "truck", "van", "motor", "suv", "taxi", "cab", "vehicle",
        ]);
    for c in gated(vehicle, || pattern::VEHICLE_PLATE.captures_iter(text)) {
        let g = c.get(1).expect("group 1");
        let s = g.as_str();
        if s.bytes().any(|b| b.is_ascii_digit()) && s.bytes().any(|b| b.is_ascii_uppercase()) {
            hits.push(Hit::new(&VEHICLE_PLATE, g.range()));
        }
    }
    for m in pattern::LONG_ID.find_iter(text) {
        let r = m.range();
        if labelled.iter().any(|l| l.start < r.end && r.start < l.end)
            || !is_token(text, r.start, r.end)
            || !ctx.frame.patient_story_at(r.start)
            || looks_like_year_or_date(m.as_str())
        {
            continue;
        }
        let before = ctx.lower_before(r.start, 12);
        let token = &ctx.lower[r.clone()];
        if NOT_PERSONAL
            .lines()
            .any(|p| before.contains(p) || token.starts_with(p))
            || before.ends_with(['.', '/', ':', '=', '+'])
        {
            continue;
        }
        let after = ctx.lower_after(r.end, 6);
        if after.starts_with(['.', '/', ','])
            && after[1..].starts_with(|c: char| c.is_ascii_digit())
        {
            continue;
        }
        hits.push(Hit::new(&OTHER_ID, r));
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// "2024", "1999-2003" or "12/03/2024" are dates, not identifiers.
fn looks_like_year_or_date(s: &str) -> bool {
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    let year = |d: &str| d.len() == 4 && (d.starts_with("19") || d.starts_with("20"));
    year(&digits) || (s.contains('/') && digits.len() <= 8)
}

#[cfg(test)]
mod tests {
    use crate::{check, Config, Region};

    fn rules_in(region: Region, text: &str) -> Vec<&'static str> {
        check(
            text,
            &Config {
                region,
                ..Config::default()
            },
        )
        .into_iter()
        .filter(|f| f.category == crate::Category::Phi)
        .map(|f| f.rule)
        .collect()
    }

    #[test]
    fn a_labelled_number_s_span_is_the_number_alone() {
        for text in [
            "Her Medicare number is 2123 45670 1 and it was rejected",
            "Her insurance ID was: 2123 45670 1",
        ] {
            let spans: Vec<&str> = check(text, &Config::default())
                .into_iter()
                .filter(|f| f.category == crate::Category::Phi)
                .map(|f| &text[f.span])
                .collect();
            assert_eq!(spans, vec!["2123 45670 1"], "{text}");
        }
    }

    #[test]
    fn labelled_numbers_take_their_label_s_rule() {
        assert_eq!(
            rules_in(Region::Us, "MRN 30921877 had a heparin error"),
            vec!["phi/mrn"]
        );
        assert_eq!(
            rules_in(Region::Us, "plate 7KQN482"),
            vec!["phi/vehicle-plate"]
        );
        assert_eq!(rules_in(Region::Ca, "claim 32871564"), vec!["phi/other-id"]);
    }

    #[test]
    fn evasive_ssn_is_found() {
        assert_eq!(
            rules_in(Region::Us, "her social: 3 3 7 - 7 1 - 5 3 0 1."),
            vec!["phi/ssn"]
        );
    }

    #[test]
    fn citations_and_registries_are_not_identifiers() {
        for t in [
            "My patient asked about NCT04368728",
            "My patient read PMID 31234567",
            "My patient paid £1500000 for it",
            "My patient was in the 2019-2021 cohort",
        ] {
            assert!(
                rules_in(Region::Us, t).is_empty(),
                "{t}: {:?}",
                rules_in(Region::Us, t)
            );
        }
    }
}
