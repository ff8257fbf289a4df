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
    ids: Vec<u32>,
    weights: Vec<i16>,
}

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
        Ok(Linear {
            outputs,
            link,
            scale,
            thresholds,
            ids,
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
        let i = self.ids.binary_search(&id).ok()?;
        Some(&self.weights[i * self.outputs..(i + 1) * self.outputs])
    }

    /// The real value of a quantised weight.
    pub fn real(&self, q: i16) -> f32 {
        f32::from(q) * self.scale
    }

    /// Probabilities of each output given the features present (repeats count again).
    pub fn predict(&self, features: &[u32], out: &mut Vec<f32>) {
        let mut sums = vec![0i32; self.outputs];
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
