//! Contact details: phone and fax numbers, e-mail addresses, links and @handles that point to
//! a patient, IP addresses.

use super::{is_token, IDENTIFIER_GUIDANCE};
use crate::config::Region;
use crate::context::{Ctx, Hit};
use crate::finding::{Kind, Severity};
use crate::pattern;
use crate::rules::{ex, ex_in, Examples, Rule};
use std::ops::Range;

pub static RULES: &[Rule] = &[PHONE, EMAIL, PATIENT_URL, PATIENT_HANDLE, IP_ADDRESS];

pub const PHONE: Rule = Rule {
    id: "phi/phone",
    kind: Kind::Phone,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Phone or fax number",
    message: "This looks like a phone number.",
    what: "Phone and fax numbers in national and international formats (UK, US/Canada, Australia, E.164).",
    why: "A patient's or relative's phone number identifies them directly and lets anyone contact them. Even a practice number next to a patient story can point to the patient.",
    fix: "Remove the number. If readers need to contact your service, give the service's public number in a separate post.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex_in(Region::Uk, "pt's daughter rang from 07700 900123 again"),
            ex("call her son at (555) 010-4477"),
            ex_in(Region::Au, "her number is 0491 570 156"),
            ex_in(Region::Ca, "His partner's number is 867-555-0109."),
            ex_in(Region::Uk, "ring +44 20 7946 0018 and ask for him"),
        ],
        pass: &[
            ex("BP 120/80, HR 72, Hb 92"),
            ex("NCT04368728 recruited 1,200 adults"),
            ex("doi:10.1056/NEJMoa2034577"),
            ex("Clinic runs 9am-1pm, 2,000 vaccines given in 2023."),
            ex("Billing questions to the office, fax 555-123-4567"),
            ex_in(Region::Uk, "NHS number 485 777 3456 on a letter left in the canteen"),
        ],
    },
};

pub const EMAIL: Rule = Rule {
    id: "phi/email",
    kind: Kind::Email,
    severity: Severity::Stop,
    stop_in: &[],
    name: "E-mail address",
    message: "This looks like an e-mail address.",
    what: "E-mail addresses, including ones spelt out to dodge filters (\"name at example dot com\").",
    why: "An e-mail address usually names its owner and lets anyone contact them; posting a patient's is a disclosure of their identity.",
    fix: "Remove the address.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex("She kept writing from jdoe63@example.com at 2am"),
            ex("asked me to email results to \"pattyhb58 at example dot com\""),
        ],
        pass: &[
            ex("Tag us @NHSEngland for updates"),
            ex("Meet me at 10 at the café"),
            ex("We're hiring! Send your CV to recruitment@example.nhs.uk"),
        ],
    },
};

pub const PATIENT_URL: Rule = Rule {
    id: "phi/patient-url",
    kind: Kind::Url,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Link to a patient's page",
    message: "This link may lead to a patient's own page.",
    what: "Links to personal pages (fundraisers, social-media profiles) in a post about a patient; journal, guideline and organisation links are left alone.",
    why: "A link to a patient's fundraiser or profile names them as surely as writing their name.",
    fix: "Remove the link, or share the page only from the patient's own account with their consent.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex("My patient's family set up gofundme.com/f/help-jayden-walk-again, please share")],
        pass: &[
            ex("Great review: https://www.nejm.org/doi/full/10.1056/NEJMoa2034577"),
            ex("Guideline here: https://www.nice.org.uk/guidance/ng28"),
        ],
    },
};

pub const PATIENT_HANDLE: Rule = Rule {
    id: "phi/patient-handle",
    kind: Kind::Handle,
    severity: Severity::Stop,
    stop_in: &[],
    name: "Patient's @handle",
    message: "This @handle may belong to a patient.",
    what: "@usernames in a post about a patient; organisations' and colleagues' handles are left alone.",
    why: "Tagging or naming a patient's account identifies them to everyone who reads the post and confirms they are your patient.",
    fix: "Remove the handle. Congratulate patients privately, or share their post only if they made it public themselves.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[
            ex("Congrats to my patient @sarah_runs on her first 5k"),
            ex("a patient found me on Instagram (@meg.jxnes) and sent flowers"),
        ],
        pass: &[
            ex("Great chat with @DrSmith about research"),
            ex("thanks @NHSEngland for the update"),
        ],
    },
};

pub const IP_ADDRESS: Rule = Rule {
    id: "phi/ip-address",
    kind: Kind::Ip,
    severity: Severity::Stop,
    stop_in: &[],
    name: "IP address",
    message: "This looks like an IP address.",
    what: "IPv4 and IPv6 addresses.",
    why: "HIPAA lists IP addresses among the 18 identifiers: they can be traced to a household.",
    fix: "Remove the address.",
    suggestions: &[""],
    guidance: IDENTIFIER_GUIDANCE,
    examples: Examples {
        fire: &[ex(
            "every portal login attempt came from 198.51.100.23 at 2am",
        )],
        pass: &[
            ex("Version 2.10.3 of the app fixed it"),
            ex("Rounds at 10:30:00 sharp"),
        ],
    },
};

/// Personal-page hosts: a link there in a patient story points to a person.
const PERSONAL_HOSTS: &str = include_str!("../../data/phi/personal-hosts.txt");

/// Words just before a phone number that make it a practice's or a service's line: "call
/// our practice manager on", "reception:", "Lifeline on".
const ORGANISATION_LINES: &str = include_str!("../../data/phi/organisation-lines.txt");

fn is_an_organisation_s_line(ctx: &Ctx, at: usize) -> bool {
    let before = ctx.lower_before(at, 40);
    let before = before.trim_end();
    let introduces = [" on", ":", " at", " is", "-", "("]
        .iter()
        .any(|e| before.ends_with(e));
    ORGANISATION_LINES
        .lines()
        .any(|w| before.ends_with(w) || (introduces && before.contains(w)))
}

/// Mailboxes of a role, not a person ("recruitment@", "info@"): an organisation's address.
const ROLE_ACCOUNTS: &str = include_str!("../../data/phi/role-accounts.txt");

fn is_role_account(address: &str) -> bool {
    let local = address
        .split(['@', ' ', '(', '['])
        .next()
        .unwrap_or_default();
    ROLE_ACCOUNTS.lines().any(|r| r == local)
}

/// Each family runs only when the post has what all its forms need (digits, an "@", a link),
/// so its pattern is compiled the first time a post could hold one.
pub fn detect(ctx: &Ctx, hits: &mut Vec<Hit>) {
    if ctx.digits {
        phones(ctx, hits);
    }
    let emails = if ctx.mentions(&["@", "dot"]) {
        emails(ctx, hits)
    } else {
        Vec::new()
    };
    if ctx.mentions(&["http", "www.", ".com", ".me/", ".org"]) {
        links(ctx, hits);
    }
    if ctx.mentions(&["@"]) {
        handles(ctx, hits, &emails);
    }
    if ctx.digits {
        ip_addresses(ctx, hits);
    }
}

/// An announcement's phone numbers and addresses are the organisation's, unless the sentence
/// is itself about a patient.
fn organisation_s(ctx: &Ctx, at: usize) -> bool {
    ctx.frame.is_announcement()
        && ctx
            .frame
            .sentence_at(at)
            .is_none_or(|s| s.patient_cues == 0)
}

fn phones(ctx: &Ctx, hits: &mut Vec<Hit>) {
    let text = ctx.text;
    for m in pattern::PHONE.find_iter(text) {
        let r = m.range();
        if organisation_s(ctx, r.start) || is_an_organisation_s_line(ctx, r.start) {
            continue;
        }
        let glued = ctx.lower_before(r.start, 1).ends_with(['-', '.', '/']);
        if glued || !is_token(text, r.start, r.end) || preceded_by_id_label(ctx, r.start) {
            continue;
        }
        hits.push(Hit::new(&PHONE, r));
    }
}

/// Flags e-mail addresses and returns the spans of all of them (a handle inside one is not
/// a handle).
fn emails(ctx: &Ctx, hits: &mut Vec<Hit>) -> Vec<Range<usize>> {
    let mut emails = Vec::new();
    for m in pattern::EMAIL.find_iter(ctx.text) {
        emails.push(m.range());
        if !is_role_account(&ctx.lower[m.range()]) && !organisation_s(ctx, m.start()) {
            hits.push(Hit::new(&EMAIL, m.range()));
        }
    }
    emails
}

fn links(ctx: &Ctx, hits: &mut Vec<Hit>) {
    for m in pattern::URL.find_iter(ctx.text) {
        let r = trim_trailing_punct(ctx.text, m.range());
        let url = &ctx.lower[r.clone()];
        if PERSONAL_HOSTS.lines().any(|h| url.contains(h)) && ctx.frame.patient_story_at(r.start) {
            hits.push(Hit::new(&PATIENT_URL, r));
        }
    }
}

/// Every @handle outside an e-mail address is a candidate: whose it is (a patient's, or an
/// organisation's or colleague's) is context, which the tagger weighs (`engine::learned`).
fn handles(ctx: &Ctx, hits: &mut Vec<Hit>, emails: &[Range<usize>]) {
    let text = ctx.text;
    for m in pattern::HANDLE.find_iter(text) {
        let r = m.range();
        let glued = r.start > 0 && text.as_bytes()[r.start - 1].is_ascii_alphanumeric();
        if glued || emails.iter().any(|e| e.start <= r.start && r.start < e.end) {
            continue;
        }
        hits.push(Hit::new(&PATIENT_HANDLE, r));
    }
}

fn ip_addresses(ctx: &Ctx, hits: &mut Vec<Hit>) {
    for c in pattern::IPV4.captures_iter(ctx.text) {
        let m = c.get(0).expect("whole match");
        let octets_ok = (1..=4).all(|i| c[i].parse::<u16>().is_ok_and(|o| o <= 255));
        let before = ctx.lower_before(m.start(), 1);
        if octets_ok && !before.ends_with('v') && !before.ends_with('.') {
            hits.push(Hit::new(&IP_ADDRESS, m.range()));
        }
    }
    for m in pattern::IPV6.find_iter(ctx.text) {
        let s = m.as_str();
        let hexy = s.contains("::") || s.bytes().any(|b| b.is_ascii_alphabetic());
        if hexy && s.matches(':').count() >= 3 {
            hits.push(Hit::new(&IP_ADDRESS, m.range()));
        }
    }
}

/// Labels of identifiers that a phone-shaped number may follow ("NHS", "MRN", "claim").
const ID_LABELS: &str = include_str!("../../data/phi/id-labels.txt");

/// A phone pattern right after an identifier label ("NHS no", "MRN") is that identifier.
fn preceded_by_id_label(ctx: &Ctx, at: usize) -> bool {
    let before = ctx.lower_before(at, 24);
    let before = before.trim_end_matches([' ', ':', '#', '.', '(']);
    let before = ["number", "no", "num"]
        .iter()
        .find_map(|n| before.strip_suffix(n))
        .map_or(before, str::trim_end);
    ID_LABELS.lines().any(|l| before.ends_with(l))
}

fn trim_trailing_punct(text: &str, mut r: std::ops::Range<usize>) -> std::ops::Range<usize> {
    while r.end > r.start
        && matches!(
            text.as_bytes()[r.end - 1],
            b'.' | b',' | b'!' | b'?' | b';' | b':' | b'"' | b'\''
        )
    {
        r.end -= 1;
    }
    r
}

#[cfg(test)]
mod tests {
    use crate::{check, Config};

    fn rules(text: &str) -> Vec<&'static str> {
        check(text, &Config::default())
            .into_iter()
            .filter(|f| f.category == crate::Category::Phi)
            .map(|f| f.rule)
            .collect()
    }

    #[test]
    fn an_announcement_s_numbers_are_the_organisation_s() {
        let post = "Flu clinic Saturday, walk-in welcome! Call 0113 496 0000 to book.";
        assert!(rules(post).is_empty(), "{:?}", rules(post));
        let reply =
            "Thank you for your feedback; please call our practice manager on 0113 496 0000.";
        assert!(rules(reply).is_empty(), "{:?}", rules(reply));
        let story = "My patient rang reception from 07700 900123 at 3am.";
        assert!(rules(story).contains(&"phi/phone"), "{:?}", rules(story));
        let post = format!("{post} Also my patient Jim rang from 07700 900123 to say thanks.");
        assert!(rules(&post).contains(&"phi/phone"), "{:?}", rules(&post));
    }

    #[test]
    fn phones_in_many_formats() {
        for t in [
            "07700 900123",
            "+44 7700 900123",
            "(416) 555-0199",
            "416-555-0173",
            "0491 570 156",
            "+61 2 9876 5432",
            "02 9876 5432",
        ] {
            // Whose number it is is context: here a patient's relative's.
            let post = format!("my patient's daughter asked me to call her on {t} tonight");
            assert_eq!(rules(&post), vec!["phi/phone"], "{t}");
        }
    }

    #[test]
    fn numbers_that_are_not_phones() {
        for t in [
            "BP 120/80",
            "Hb 92 g/L",
            "PMID 31234567",
            "2,000 babies",
            "ISBN 978-0-19-852663-6",
            "at 0412 in our unit",
        ] {
            assert!(rules(t).is_empty(), "{t}: {:?}", rules(t));
        }
    }

    #[test]
    fn ip_addresses_not_versions() {
        assert_eq!(rules("login from 198.51.100.23"), vec!["phi/ip-address"]);
        assert!(rules("updated to v1.2.3.4").is_empty());
        assert!(rules("rate 300.1.2.999").is_empty());
    }
}
