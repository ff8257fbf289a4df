//! Rules as data: each detector module declares its rules with their documentation (what,
//! why, guidance per region, the better wording, examples that must and must not fire); the
//! list of them all is `registry.rs`, above the detectors.
//! The catalogue (`chaperone rules`), the trainee explanations and the example tests are all
//! generated from these declarations, so the code, the docs and the tests cannot drift apart.

use crate::config::Region;
use crate::finding::{Category, Cite, Kind, Severity};
use serde::Serialize;

/// One rule: a stable id and everything a user or a trainee is told about it.
#[derive(Debug, Serialize)]
pub struct Rule {
    /// Stable id, `phi/...` or `conduct/...`.
    pub id: &'static str,
    pub kind: Kind,
    pub severity: Severity,
    /// Regions where the rule is a stop whatever its usual severity (testimonials and claims
    /// in advertising under Australia's National Law s133).
    pub stop_in: &'static [Region],
    /// A short title for the catalogue.
    pub name: &'static str,
    /// One short line for the underline's card.
    pub message: &'static str,
    /// What the rule flags.
    pub what: &'static str,
    /// Why it matters, in plain words, for a trainee.
    pub why: &'static str,
    /// How to write it better.
    pub fix: &'static str,
    /// The default replacement texts (removal is `""`); a detector may offer its own.
    pub suggestions: &'static [&'static str],
    pub guidance: Guidance,
    pub examples: Examples,
}

/// The guidance a rule maps to, for each region.
#[derive(Debug, Serialize)]
pub struct Guidance {
    pub us: &'static [Cite],
    pub uk: &'static [Cite],
    pub au: &'static [Cite],
    pub ca: &'static [Cite],
}

impl Guidance {
    pub fn for_region(&self, region: Region) -> &'static [Cite] {
        match region {
            Region::Us => self.us,
            Region::Uk => self.uk,
            Region::Au => self.au,
            Region::Ca => self.ca,
        }
    }
}

/// Texts the rule must flag and look-alikes it must leave alone; run as tests.
#[derive(Debug, Serialize)]
pub struct Examples {
    pub fire: &'static [Example],
    pub pass: &'static [Example],
}

/// One example post, checked with the given region.
#[derive(Debug, Serialize)]
pub struct Example {
    pub text: &'static str,
    pub region: Region,
}

/// An example checked with the default region (us).
pub const fn ex(text: &'static str) -> Example {
    Example {
        text,
        region: Region::Us,
    }
}

/// An example checked with a given region.
pub const fn ex_in(region: Region, text: &'static str) -> Example {
    Example { text, region }
}

impl Rule {
    pub fn category(&self) -> Category {
        self.kind.category()
    }

    /// The severity in force for the author's region.
    pub fn severity_in(&self, region: Region) -> Severity {
        if self.stop_in.contains(&region) {
            Severity::Stop
        } else {
            self.severity
        }
    }
}

impl Serialize for Region {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
