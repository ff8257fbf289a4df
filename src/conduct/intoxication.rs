//! Alcohol or drug use while on duty or about to be. Lawful off-duty drinking is not flagged.

use super::matcher::{Matcher, Needs};
use crate::config::Region;
use crate::rules::{ex, ex_in, Rule};

pub static RULES: &[Rule] = &[ALCOHOL_ON_DUTY, DRUGS_ON_DUTY, INTOXICATION_IN_CONTEXT];

/// Sentences about patients, guidelines or campaigns, or about drinking off duty.
const NOT_THE_AUTHOR: &str = include_str!("../../data/conduct/intoxication/not-the-author.txt");

conduct_rule!(ALCOHOL_ON_DUTY {
    id: "conduct/alcohol-on-duty", kind: Intoxication, severity: Stop,
    name: "Alcohol at or before work",
    message: "Drinking on or before duty puts patients at risk.",
    what: "The author drinking, drunk or hungover on call, on shift, before a ward round or handover.",
    why: "Working while impaired by alcohol is notifiable conduct in Australia (s140) and a fitness-to-practise matter everywhere; boards rated posts showing intoxication among the most likely to be investigated (Greysen 2013). Lawful off-duty drinking is not a concern.",
    fix: "Remove it. If you are struggling with alcohol, confidential help exists (Practitioner Health, PHPs, DrugAndAlcoholHelp).",
    suggestions: [""],
    guidance: FITNESS,
    fire: [
        ex("still drunk from last night, hope I don't have to cannulate anyone 😂"),
        ex_in(Region::Uk, "hungover on call, send help"),
        ex("beer on my lunch break mid-shift"),
        ex_in(Region::Uk, "wine in the mess before handover"),
    ],
    pass: [
        ex("Another drunk idiot in resus at 3am. Why do we bother."),
        ex("Glass of wine on holiday, bliss"),
        ex("Alcohol withdrawal guideline update for the ward"),
        ex("Dry January fundraiser for the hospice"),
        ex("Drunk patient punched the security guard on my shift"),
    ],
});

conduct_rule!(DRUGS_ON_DUTY {
    id: "conduct/drugs-on-duty", kind: Intoxication, severity: Stop,
    name: "Drugs at or before work",
    message: "Being high on or before duty puts patients at risk.",
    what: "The author high, stoned or using drugs on shift or before a ward round.",
    why: "Practising under the influence of drugs is notifiable conduct and a serious fitness-to-practise matter; a post admitting it can end a career.",
    fix: "Remove it, and seek confidential help if you need it.",
    suggestions: [""],
    guidance: FITNESS,
    fire: [ex("high as a kite before ward round"), ex("Took an edible before my night shift lol")],
    pass: [ex("Cannabis edibles are sending kids to the ED"), ex("High flow oxygen before ward round")],
});

conduct_rule!(INTOXICATION_IN_CONTEXT {
    id: "conduct/intoxication-in-context", kind: Intoxication, severity: Caution,
    name: "Impaired at work, read in context",
    message: "Read in context, this may say you were impaired on or near duty.",
    what: "Posts the post classifier reads as drinking, drug use or a hangover on or just before duty when no phrase rule named the words. The finding underlines the words that weighed most. Lawful drinking off duty is not flagged.",
    why: "Being impaired at work puts patients at risk, and saying so publicly tells patients and employers you were; regulators treat it as a fitness-to-practise matter.",
    fix: "Remove it; if you are struggling with alcohol or drugs, your occupational health service or a practitioner health programme can help in confidence.",
    suggestions: [],
    guidance: FITNESS,
    fire: [
        ex("Three pints at lunch and now back for the afternoon list, living the dream"),
        ex("Still buzzing from last night's party and my clinic starts in ten minutes"),
    ],
    pass: [
        ex("Two pints at the leaving do on Friday, then home: no call this weekend"),
        ex("Reminder: no alcohol within 12 hours of an on-call shift"),
    ],
});

pub(super) static MATCHERS: &[Matcher] = &[
    Matcher::new(
        &ALCOHOL_ON_DUTY,
        include_str!("../../data/conduct/intoxication/alcohol-on-duty.tsv"),
    )
    .needs(Needs::FirstPersonOnDuty)
    .unless(NOT_THE_AUTHOR),
    Matcher::new(
        &DRUGS_ON_DUTY,
        include_str!("../../data/conduct/intoxication/drugs-on-duty.tsv"),
    )
    .needs(Needs::FirstPersonOnDuty)
    .unless(NOT_THE_AUTHOR),
];
