//! A linear model over hashed features, as `tools/train.py` writes it: for each feature id
//! one weight per output, quantised to 16 bits. Scores are sums of the weights of the
//! features present; `Link` turns them into probabilities.
//!
//! File layout (little-endian): `CHPM`, version 1, the number of outputs (u8), the link
//! (u8: 0 softmax, 1 one sigmoid per output), the number of thresholds (u8), the number of
//! features (u32), the weight scale (f32), the thresholds (f32 each; what each means is the
//! caller's), the feature ids in ascending order (u32 each), then the weights feature by
//! feature (i16 each; a weight is `q * scale`).

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
    /// Open addressing: for each slot, a feature id and its row in `weights` (`EMPTY` if
    /// none). A lookup is a multiply and, most often, one probe: every token asks for some
    /// thirty features, so a binary search was a fifth of a check.
    slots: Vec<(u32, u32)>,
    shift: u32,
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
        if version != 1 {
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
        let ids = (0..features)
            .map(|_| Ok(u32::from_le_bytes(r.take()?)))
            .collect::<Result<Vec<_>, ModelError>>()?;
        if !ids.windows(2).all(|w| w[0] < w[1]) {
            return Err(ModelError("feature ids not ascending"));
        }
        let weights = (0..features * outputs)
            .map(|_| Ok(i16::from_le_bytes(r.take()?)))
            .collect::<Result<Vec<_>, ModelError>>()?;
        if !r.0.is_empty() {
            return Err(ModelError("trailing bytes"));
        }
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

    /// The weights of feature `id`, one per output, or `None` for a feature the model lacks.
    pub fn weights_of(&self, id: u32) -> Option<&[i16]> {
        let mask = self.slots.len() - 1;
        let mut at = slot_of(id, self.shift);
        loop {
            let (key, row) = self.slots[at];
            if row == EMPTY {
                return None;
            }
            if key == id {
                let i = row as usize;
                return Some(&self.weights[i * self.outputs..(i + 1) * self.outputs]);
            }
            at = (at + 1) & mask;
        }
    }

    /// The real value of a quantised weight.
    pub fn real(&self, q: i16) -> f32 {
        f32::from(q) * self.scale
    }

    /// Probabilities of each output given the features present (repeats count again).
    pub fn predict(&self, features: &[u32], out: &mut Vec<f32>) {
        let mut sums = [0i32; MAX_OUTPUTS];
        let sums = &mut sums[..self.outputs];
        for &id in features {
            if let Some(w) = self.weights_of(id) {
                for (s, &q) in sums.iter_mut().zip(w) {
                    *s += i32::from(q);
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

    fn model(link: u8, ids: &[u32], weights: &[i16], outputs: u8) -> Vec<u8> {
        let mut b = b"CHPM".to_vec();
        b.extend([1, outputs, link, outputs]);
        b.extend((ids.len() as u32).to_le_bytes());
        b.extend(0.5f32.to_le_bytes());
        for _ in 0..outputs {
            b.extend(0.25f32.to_le_bytes());
        }
        ids.iter().for_each(|i| b.extend(i.to_le_bytes()));
        weights.iter().for_each(|w| b.extend(w.to_le_bytes()));
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
        let weights: Vec<i16> = (0..500).map(|i| i as i16).collect();
        let m = Linear::from_bytes(&model(1, &ids, &weights, 1)).unwrap();
        for (row, &id) in ids.iter().enumerate() {
            assert_eq!(m.weights_of(id), Some(&[row as i16][..]));
            assert_eq!(m.weights_of(id + 1), None);
        }
        let empty = Linear::from_bytes(&model(1, &[], &[], 1)).unwrap();
        assert_eq!(empty.weights_of(3), None);
    }

    #[test]
    fn rejects_bad_bytes_without_panicking() {
        let good = model(1, &[3, 9], &[2, -2, 4, 0], 2);
        for n in 0..good.len() {
            assert!(Linear::from_bytes(&good[..n]).is_err());
        }
        assert!(Linear::from_bytes(&model(1, &[9, 3], &[2, -2, 4, 0], 2)).is_err());
        assert!(Linear::from_bytes(&model(7, &[3], &[2, 0], 2)).is_err());
        let mut long = good.clone();
        long.push(0);
        assert!(Linear::from_bytes(&long).is_err());
    }
}
