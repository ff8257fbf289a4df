//! The finding: what the engine reports for one flagged span (docs/design.md, "Finding").

use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;

/// Which half of Chaperone a finding belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// A possible patient identifier.
    Phi,
    /// Unprofessional phrasing.
    Professionalism,
}

/// What kind of identifier or concern a finding is. The names are the contract's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    // Patient identifiers.
    Name,
    Date,
    Age,
    Address,
    Place,
    Phone,
    Email,
    Url,
    Handle,
    Ip,
    Ssn,
    Mrn,
    HealthId,
    Account,
    License,
    Vehicle,
    Device,
    OtherId,
    Combination,
    // Professional conduct.
    Derogatory,
    Stigmatizing,
    Colleague,
    Advice,
    Promotion,
    Claims,
    Profanity,
    Discrimination,
    Boundary,
    Intoxication,
    Consent,
    ReviewResponse,
}

impl Kind {
    /// The category this kind belongs to.
    pub fn category(self) -> Category {
        if self < Kind::Derogatory {
            Category::Phi
        } else {
            Category::Professionalism
        }
    }

    /// The contract's name of the kind, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Name => "name",
            Kind::Date => "date",
            Kind::Age => "age",
            Kind::Address => "address",
            Kind::Place => "place",
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::Url => "url",
            Kind::Handle => "handle",
            Kind::Ip => "ip",
            Kind::Ssn => "ssn",
            Kind::Mrn => "mrn",
            Kind::HealthId => "health_id",
            Kind::Account => "account",
            Kind::License => "license",
            Kind::Vehicle => "vehicle",
            Kind::Device => "device",
            Kind::OtherId => "other_id",
            Kind::Combination => "combination",
            Kind::Derogatory => "derogatory",
            Kind::Stigmatizing => "stigmatizing",
            Kind::Colleague => "colleague",
            Kind::Advice => "advice",
            Kind::Promotion => "promotion",
            Kind::Claims => "claims",
            Kind::Profanity => "profanity",
            Kind::Discrimination => "discrimination",
            Kind::Boundary => "boundary",
            Kind::Intoxication => "intoxication",
            Kind::Consent => "consent",
            Kind::ReviewResponse => "review_response",
        }
    }
}

/// How strongly a finding asks for attention. Ordered: `Coach < Caution < Stop`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Style and habit; never blocks.
    Coach,
    /// Needs the author's judgement.
    Caution,
    /// A likely breach: identifiers, discrimination, intoxication on duty.
    Stop,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Coach => "coach",
            Severity::Caution => "caution",
            Severity::Stop => "stop",
        }
    }
}

/// A citation of professional guidance: `GMC 2024 social media`, `para 19`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Cite {
    pub source: &'static str,
    pub section: &'static str,
}

/// One flagged span. `span` is in UTF-8 bytes of the checked text; the CLI and the
/// wasm binding convert it to Unicode scalars and UTF-16 code units.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    #[serde(skip)]
    pub span: Range<usize>,
    pub category: Category,
    pub kind: Kind,
    pub severity: Severity,
    pub rule: &'static str,
    /// The rule's message, or the rule's with this finding's detail.
    pub message: Cow<'static, str>,
    /// The rule's explanation, or the rule's after this finding's detail.
    pub explanation: Cow<'static, str>,
    pub guidance: &'static [Cite],
    pub suggestions: Vec<String>,
}
