//! The crate's one fast hasher, FNV-1a, and the hash maps and sets built on
//! it. Keys are short words and hashes of words, for which FNV is much
//! faster than the default SipHash; there is no untrusted-key concern (a
//! collision costs a slower lookup or, in sentence alignment, a wrong anchor
//! that the word diff then corrects), and the hash is deterministic, so a
//! comparison gives the same answer on every run.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over bytes.
#[derive(Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(OFFSET)
    }
}

impl Fnv {
    /// Feeds one byte.
    #[inline]
    pub fn byte(&mut self, b: u8) {
        self.0 = (self.0 ^ u64::from(b)).wrapping_mul(PRIME);
    }
}

impl Hasher for Fnv {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.byte(b);
        }
    }

    /// A `u64` key is already a hash: one multiply spreads it enough for a
    /// table.
    #[inline]
    fn write_u64(&mut self, v: u64) {
        self.0 = (self.0 ^ v).wrapping_mul(PRIME);
    }
}

/// The `BuildHasher` of the crate's maps and sets.
pub type FnvBuild = BuildHasherDefault<Fnv>;
/// A hash map with [`Fnv`].
pub type FastMap<K, V> = HashMap<K, V, FnvBuild>;
/// A hash set with [`Fnv`].
pub type FastSet<T> = HashSet<T, FnvBuild>;

/// The FNV-1a hash of a string's bytes.
pub fn hash_str(s: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(s.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_the_published_fnv1a_vectors() {
        // Test vectors from the FNV reference (draft-eastlake-fnv).
        for (input, want) in [
            ("", 0xcbf2_9ce4_8422_2325_u64),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            assert_eq!(hash_str(input), want, "{input:?}");
        }
    }

    #[test]
    fn maps_and_sets_find_their_keys() {
        let mut m: FastMap<&str, u32> = FastMap::default();
        m.insert("march", 3);
        let s: FastSet<u64> = [hash_str("march")].into_iter().collect();
        assert_eq!(m.get("march"), Some(&3));
        assert!(s.contains(&hash_str("march")));
        assert!(!s.contains(&hash_str("april")));
    }
}
