//! A linear model over hashed features, as `tools/train.py` writes it: for each feature id
//! its weights for the outputs it bears on (most features bear on one or two of the post
//! classifier's thirteen), quantised to 16 bits. Scores are sums of the weights of the
//! features present; `Link` turns them into probabilities.
//!
//! File layout (little-endian): `CHPM`, version 3, the number of outputs (u8), the link
//! (u8: 0 softmax, 1 one sigmoid per output), the number of thresholds (u8), the number of
//! features (u32), the weight scale (f32), the thresholds (f32 each; what each means is the
//! caller's), the feature ids in ascending order, each as its gap from the one before (u32
//! each; the first from 0: hashed ids are random bits, their gaps compress by a fifth in the
//! gzipped wasm where the ids themselves do not compress at all), each feature's outputs as a
//! bit mask (u16 each, bit `k` for output `k`), then the weights, feature by feature and
//! output by output, one per set bit (i16 each; a weight is `q * scale`).

use std::fmt;

/// How scores become probabilities.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// The outputs are exclusive classes (the tagger's: outside, name, place...).
    Softmax,
    /// Each output is a yes/no question of its own (the post's conduct labels).
    Sigmoid,
}

/// A model read from its bytes.
pub struct Linear {
    outputs: usize,
    link: Link,
    scale: f32,
    thresholds: Vec<f32>,
    /// Open addressing: for each slot, a feature id and its row in `rows` (`EMPTY` if
    /// none). A lookup is a multiply and, most often, one probe: every token asks for some
    /// thirty features, so a binary search was a fifth of a check.
    slots: Vec<(u32, u32)>,
    shift: u32,
    /// For each feature, its outputs' bit mask and where its weights start in `weights`.
    rows: Vec<(u16, u32)>,
    weights: Vec<i16>,
}

const EMPTY: u32 = u32::MAX;

/// Why model bytes could not be read: only a corrupt or stale `data/model/` file causes it,
/// and a test reads every shipped model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(&'static str);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "model file: {}", self.0)
    }
}

impl std::error::Error for ModelError {}

/// The most outputs a model may have (the post classifier has thirteen).
const MAX_OUTPUTS: usize = 16;

/// Fibonacci hashing: the top `32 - shift` bits of the id times the golden ratio.
fn slot_of(id: u32, shift: u32) -> usize {
    (id.wrapping_mul(0x9E37_79B9) >> shift) as usize
}

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(ModelError("truncated"))?;
        self.0 = rest;
        Ok(*head)
    }
}

impl Linear {
    pub fn from_bytes(bytes: &[u8]) -> Result<Linear, ModelError> {
        let mut r = Reader(bytes);
        if &r.take::<4>()? != b"CHPM" {
            return Err(ModelError("not a Chaperone model"));
        }
        let [version, outputs, link, thresholds] = r.take::<4>()?;
        if version != 3 {
            return Err(ModelError("unknown version"));
        }
        let link = match link {
            0 => Link::Softmax,
            1 => Link::Sigmoid,
            _ => return Err(ModelError("unknown link")),
        };
        let outputs = usize::from(outputs);
        let features = u32::from_le_bytes(r.take()?) as usize;
        let scale = f32::from_le_bytes(r.take()?);
        let thresholds = (0..thresholds)
            .map(|_| Ok(f32::from_le_bytes(r.take()?)))
            .collect::<Result<Vec<_>, ModelError>>()?;
        // The arrays are read in whole chunks, not value by value through `take`: this is
        // part of the engine's cold start.
        let (gaps, rest) = (features.checked_mul(4))
            .and_then(|n| r.0.split_at_checked(n))
            .ok_or(ModelError("truncated"))?;
        let (masks, weights) = rest
            .split_at_checked(features * 2)
            .ok_or(ModelError("truncated"))?;
        let mut id = 0u32;
        let mut ids = Vec::with_capacity(features);
        for (k, b) in gaps.chunks_exact(4).enumerate() {
            let gap = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
            id = match id.checked_add(gap) {
                Some(next) if gap > 0 || k == 0 => next,
                _ => return Err(ModelError("feature ids not ascending")),
            };
            ids.push(id);
        }
        let mut rows = Vec::with_capacity(features);
        let mut total = 0u32;
        for b in masks.chunks_exact(2) {
            let mask = u16::from_le_bytes([b[0], b[1]]);
            if usize::from(mask) >> outputs.min(16) != 0 {
                return Err(ModelError("a weight for an output the model lacks"));
            }
            rows.push((mask, total));
            total += mask.count_ones();
        }
        if weights.len() != total as usize * 2 {
            return Err(ModelError(if weights.len() < total as usize * 2 {
                "truncated"
            } else {
                "trailing bytes"
            }));
        }
        let weights: Vec<i16> = (weights.chunks_exact(2))
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect();
        if outputs > MAX_OUTPUTS {
            return Err(ModelError("too many outputs"));
        }
        // At most half full, so probes stay short.
        let bits = (features.max(1) * 2)
            .next_power_of_two()
            .trailing_zeros()
            .max(1);
        let mut slots = vec![(0, EMPTY); 1 << bits];
        let shift = 32 - bits;
        for (row, &id) in ids.iter().enumerate() {
            let mut at = slot_of(id, shift);
            while slots[at].1 != EMPTY {
                at = (at + 1) & (slots.len() - 1);
            }
            slots[at] = (id, row as u32);
        }
        Ok(Linear {
            outputs,
            link,
            scale,
            thresholds,
            slots,
            shift,
            rows,
            weights,
        })
    }

    #[cfg(test)]
    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// Decision threshold number `k`, chosen by the trainer (the caller knows which is which).
    pub fn threshold(&self, k: usize) -> f32 {
        self.thresholds[k]
    }

    #[cfg(test)]
    pub fn thresholds(&self) -> usize {
        self.thresholds.len()
    }

    /// Feature `id`'s row: its outputs' mask and where its weights start.
    fn row(&self, id: u32) -> Option<(u16, usize)> {
        let mask = self.slots.len() - 1;
        let mut at = slot_of(id, self.shift);
        loop {
            let (key, row) = self.slots[at];
            if row == EMPTY {
                return None;
            }
            if key == id {
                let (bits, start) = self.rows[row as usize];
                return Some((bits, start as usize));
            }
            at = (at + 1) & mask;
        }
    }

    /// The weight of feature `id` for output `k` (zero for a feature the model lacks or one
    /// that does not bear on `k`).
    pub fn weight(&self, id: u32, k: usize) -> f32 {
        match self.row(id) {
            Some((bits, start)) if bits & (1 << k) != 0 => {
                let before = (bits & ((1 << k) - 1)).count_ones() as usize;
                f32::from(self.weights[start + before]) * self.scale
            }
            _ => 0.0,
        }
    }

    /// Probabilities of each output given the features present (repeats count again).
    pub fn predict(&self, features: &[u32], out: &mut Vec<f32>) {
        let mut sums = [0i32; MAX_OUTPUTS];
        let sums = &mut sums[..self.outputs];
        for &id in features {
            if let Some((mut bits, mut at)) = self.row(id) {
                while bits != 0 {
                    sums[bits.trailing_zeros() as usize] += i32::from(self.weights[at]);
                    bits &= bits - 1;
                    at += 1;
                }
            }
        }
        out.clear();
        out.extend(sums.iter().map(|&s| s as f32 * self.scale));
        match self.link {
            Link::Sigmoid => out.iter_mut().for_each(|z| *z = 1.0 / (1.0 + (-*z).exp())),
            Link::Softmax => {
                let max = out.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                let mut total = 0.0;
                for z in out.iter_mut() {
                    *z = (*z - max).exp();
                    total += *z;
                }
                out.iter_mut().for_each(|z| *z /= total);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A model's bytes, its ids written as gaps; `weights` are dense, one per output (zeros are left out, as
    /// `tools/train.py` leaves them out).
    fn model(link: u8, ids: &[u32], weights: &[i16], outputs: u8) -> Vec<u8> {
        let mut b = b"CHPM".to_vec();
        b.extend([3, outputs, link, outputs]);
        b.extend((ids.len() as u32).to_le_bytes());
        b.extend(0.5f32.to_le_bytes());
        for _ in 0..outputs {
            b.extend(0.25f32.to_le_bytes());
        }
        let gaps = ids.iter().scan(0u32, |last, &i| {
            Some(i.wrapping_sub(std::mem::replace(last, i)))
        });
        gaps.for_each(|g| b.extend(g.to_le_bytes()));
        let rows: Vec<&[i16]> = weights.chunks(usize::from(outputs)).collect();
        for row in &rows {
            let mask = (row.iter().enumerate()).fold(0u16, |m, (k, &w)| m | u16::from(w != 0) << k);
            b.extend(mask.to_le_bytes());
        }
        for w in weights.iter().filter(|&&w| w != 0) {
            b.extend(w.to_le_bytes());
        }
        b
    }

    #[test]
    fn sums_weights_and_applies_the_link() {
        let m = Linear::from_bytes(&model(1, &[3, 9], &[2, -2, 4, 0], 2)).unwrap();
        let mut p = Vec::new();
        m.predict(&[9, 3, 7], &mut p);
        // 3 → (2, -2), 9 → (4, 0); scale 0.5: z = (3, -1).
        assert!((p[0] - 1.0 / (1.0 + (-3f32).exp())).abs() < 1e-6);
        assert!((p[1] - 1.0 / (1.0 + 1f32.exp())).abs() < 1e-6);
        assert_eq!(m.threshold(1), 0.25);
        let m = Linear::from_bytes(&model(0, &[3], &[2, 0], 2)).unwrap();
        m.predict(&[3], &mut p);
        assert!((p[0] + p[1] - 1.0).abs() < 1e-6 && p[0] > p[1]);
    }

    #[test]
    fn finds_every_feature_and_no_other() {
        let ids: Vec<u32> = (0..500u32).map(|i| i * 7919 + 3).collect();
        let weights: Vec<i16> = (0..1000)
            .map(|i| if i % 3 == 0 { 0 } else { i as i16 })
            .collect();
        let m = Linear::from_bytes(&model(1, &ids, &weights, 2)).unwrap();
        for (row, &id) in ids.iter().enumerate() {
            for k in 0..2 {
                assert_eq!(m.weight(id, k), f32::from(weights[row * 2 + k]) * 0.5);
            }
            assert_eq!(m.weight(id + 1, 0), 0.0);
        }
        let empty = Linear::from_bytes(&model(1, &[], &[], 1)).unwrap();
        assert_eq!(empty.weight(3, 0), 0.0);
    }

    #[test]
    fn rejects_bad_bytes_without_panicking() {
        let good = model(1, &[3, 9], &[2, -2, 4, 0], 2);
        for n in 0..good.len() {
            assert!(Linear::from_bytes(&good[..n]).is_err());
        }
        assert!(Linear::from_bytes(&model(1, &[9, 3], &[2, -2, 4, 0], 2)).is_err());
        assert!(Linear::from_bytes(&model(7, &[3], &[2, 0], 2)).is_err());
        let mut stray = model(1, &[3], &[2, 0], 2);
        stray[28] = 0b100;
        assert!(
            Linear::from_bytes(&stray).is_err(),
            "a bit for a third output of two"
        );
        let mut long = good.clone();
        long.push(0);
        assert!(Linear::from_bytes(&long).is_err());
    }
}
