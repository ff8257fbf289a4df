/// A name's first two bytes as one number (a second byte of 0 for a one-byte name), or
/// `None` for an empty one: how `build.rs` groups the sorted name lists and how
/// `IndexedLines` finds a word's group. Both include this one file, so they cannot disagree.
pub fn prefix_key(name: &[u8]) -> Option<u16> {
    let (&first, rest) = name.split_first()?;
    Some(u16::from(first) << 8 | u16::from(rest.first().copied().unwrap_or(0)))
}
