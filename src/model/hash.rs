//! Feature ids: a 32-bit FNV-1a hash of a template tag and a value, so a feature is a number
//! computed without allocating, the same natively, in wasm and in the trainer (which only
//! ever sees the numbers the engine writes).

const OFFSET: u32 = 0x811c_9dc5;
const PRIME: u32 = 0x0100_0193;

/// The id of feature `tag` = `value`, byte for byte (callers lowercase words).
#[inline]
pub fn feature(tag: &[u8], value: &[u8]) -> u32 {
    let mut h = OFFSET;
    for &b in tag {
        h = (h ^ u32::from(b)).wrapping_mul(PRIME);
    }
    h = (h ^ u32::from(b'=')).wrapping_mul(PRIME);
    for &b in value {
        h = (h ^ u32::from(b)).wrapping_mul(PRIME);
    }
    h
}

/// The id of feature `tag` = `a` `b` (two values joined by a space).
#[inline]
pub fn pair(tag: &[u8], a: &[u8], b: &[u8]) -> u32 {
    let mut h = feature(tag, a);
    h = (h ^ u32::from(b' ')).wrapping_mul(PRIME);
    for &c in b {
        h = (h ^ u32::from(c)).wrapping_mul(PRIME);
    }
    h
}

/// FNV-1a as a [`Hasher`](std::hash::Hasher), for the maps a check fills with a post's
/// words: short keys that SipHash, the standard maps' default, spent a check's hundredth on.
/// Nothing depends on the maps' order, and no key comes from anyone but the author.
#[derive(Clone, Copy)]
pub struct Fnv(u32);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(OFFSET)
    }
}

impl std::hash::Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(PRIME);
        }
    }

    /// Spread over 64 bits: the map reads both the low bits and the top seven.
    fn finish(&self) -> u64 {
        u64::from(self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }
}

/// A map keyed with [`Fnv`].
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// A set keyed with [`Fnv`].
pub type FnvSet<K> = std::collections::HashSet<K, std::hash::BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable() {
        // The committed models depend on these exact numbers.
        assert_eq!(feature(b"w", b"a"), 0x1c26_e590);
        assert_ne!(feature(b"s", b"X"), feature(b"s", b"x"));
        assert_ne!(feature(b"w", b"milo"), feature(b"w-1", b"milo"));
        // A pair is its two values joined by a space.
        assert_eq!(pair(b"b", b"my", b"patient"), feature(b"b", b"my patient"));
        assert_ne!(
            pair(b"b", b"my", b"patient"),
            pair(b"b", b"my", b"patients")
        );
    }
}
