//! The rule registry: every rule the detectors declare, in catalogue order. It sits above
//! the detectors (`phi`, `conduct`), which import only the [`Rule`] type from `rules.rs`.

use crate::rules::Rule;

/// Every rule, in catalogue order: identifiers first, then conduct.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    crate::phi::RULES
        .iter()
        .chain(crate::conduct::RULES.iter())
        .flat_map(|group| group.iter())
}

/// The rule with this id.
pub fn by_id(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

/// Whether `id` names a rule or a category (`phi`, `professionalism`).
pub fn is_known_id_or_category(id: &str) -> bool {
    id == "phi" || id == "professionalism" || by_id(id).is_some()
}
