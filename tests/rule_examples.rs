//! Every rule's documented examples, run as tests: each `fire` example must raise the rule,
//! each `pass` example must not. Also checks that every rule is fully documented.

use chaperone::{check, registry, Config};
use std::collections::HashSet;

#[test]
fn every_rule_fires_on_its_examples_and_not_on_its_look_alikes() {
    let mut failures = Vec::new();
    for rule in registry::all() {
        for ex in rule.examples.fire {
            let config = Config {
                region: ex.region,
                ..Config::default()
            };
            let found = check(ex.text, &config);
            if !found.iter().any(|f| f.rule == rule.id) {
                let got: Vec<_> = found.iter().map(|f| f.rule).collect();
                failures.push(format!(
                    "{} should fire ({}): {:?}; got {got:?}",
                    rule.id,
                    ex.region.as_str(),
                    ex.text
                ));
            }
        }
        for ex in rule.examples.pass {
            let config = Config {
                region: ex.region,
                ..Config::default()
            };
            if let Some(f) = check(ex.text, &config).iter().find(|f| f.rule == rule.id) {
                failures.push(format!(
                    "{} should not fire ({}): {:?} on {:?}",
                    rule.id,
                    ex.region.as_str(),
                    ex.text,
                    &ex.text[f.span.clone()]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} example(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_is_documented_with_guidance_for_every_region() {
    let mut ids = HashSet::new();
    for rule in registry::all() {
        assert!(ids.insert(rule.id), "duplicate rule id {}", rule.id);
        let prefix = match rule.category() {
            chaperone::Category::Phi => "phi/",
            chaperone::Category::Professionalism => "conduct/",
        };
        assert!(
            rule.id.starts_with(prefix),
            "{} should start with {prefix}",
            rule.id
        );
        for (field, text) in [
            ("name", rule.name),
            ("message", rule.message),
            ("what", rule.what),
            ("why", rule.why),
            ("fix", rule.fix),
        ] {
            assert!(!text.trim().is_empty(), "{} has no {field}", rule.id);
        }
        for region in chaperone::Region::ALL {
            assert!(
                !rule.guidance.for_region(region).is_empty(),
                "{} has no guidance for {}",
                rule.id,
                region.as_str()
            );
        }
        if rule.id != "phi/watch-term" {
            assert!(
                !rule.examples.fire.is_empty(),
                "{} has no example that fires",
                rule.id
            );
            assert!(
                !rule.examples.pass.is_empty(),
                "{} has no look-alike that must not fire",
                rule.id
            );
        }
    }
}
