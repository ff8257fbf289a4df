//! The tagger's second reading of a post.
//!
//! The first reading weighs each token by its own words, shape and candidates and by the two
//! words either side of it. It cannot see that the post, taken whole, tells a patient's
//! story, nor that its neighbour was read as a name: "Rose is going home today" reads as a
//! name only as far as "Rose" and "is" can say. The second reading weighs each token's first
//! probability of being an identifier beside its neighbours', the post's most confident
//! identifier and how many it has, and the post classifier's reading of the whole post:
//! whether it tells a patient's story without consent, answers a patient's review, or lets a
//! patient be recognised by a combination of details. It is a stacked model:
//! `tools/train.py` fits it on out-of-fold first readings, so that it learns how far to trust
//! them on posts the tagger never saw.

use super::features::bin;
use crate::model::hash::feature;

/// The first reading of a post, token by token.
pub struct First<'a> {
    /// The probability that the token is part of an identifier; zero for a token the tagger
    /// does not read.
    pub identifier: &'a [f32],
    /// The likeliest identifier class (the tagger's output index, 1 and up; 0 for a token
    /// the tagger does not read).
    pub class: &'a [usize],
    /// Whether the tagger read the token at all (it has features).
    pub read: &'a [bool],
    /// Whether a detector proposed an identifier over the token.
    pub proposed: &'a [bool],
    /// The post classifier's scores of the whole post.
    pub post: PostScores,
}

/// The post classifier's probabilities that the post tells a patient's story without
/// consent (`consent`), answers a patient's review (`review_response`), and lets a patient be
/// recognised by a combination of details (`combination`).
#[derive(Clone, Copy)]
pub struct PostScores {
    pub story: f32,
    pub review: f32,
    pub combination: f32,
}

/// Feature `tag` with a value of small numbers (each under 100), written as decimal digits
/// joined by `_`, without allocating.
fn id(tag: &[u8], parts: &[u8]) -> u32 {
    let mut value = [0u8; 16];
    let mut n = 0;
    for (k, &p) in parts.iter().enumerate() {
        if k > 0 {
            value[n] = b'_';
            n += 1;
        }
        if p >= 10 {
            value[n] = b'0' + p / 10 % 10;
            n += 1;
        }
        value[n] = b'0' + p % 10;
        n += 1;
    }
    feature(tag, &value[..n])
}

/// The second reading's features of every token the tagger read, flat: token `i` has
/// `ids[starts[i]..starts[i + 1]]`, and a token it did not read has none.
pub fn features(first: &First) -> (Vec<u32>, Vec<usize>) {
    let n = first.identifier.len();
    let read = |i: usize| first.read[i];
    let most = (0..n)
        .filter(|&i| read(i))
        .map(|i| first.identifier[i])
        .fold(0.0f32, f32::max);
    let confident = (0..n)
        .filter(|&i| read(i) && first.identifier[i] >= 0.5)
        .count()
        .min(4) as u8;
    let story = bin(first.post.story, 5);
    let review = bin(first.post.review, 5);
    let combination = bin(first.post.combination, 5);
    let mut ids = Vec::with_capacity(n * 4);
    let mut starts = Vec::with_capacity(n + 1);
    for i in 0..n {
        starts.push(ids.len());
        if !read(i) {
            continue;
        }
        let p = first.identifier[i];
        let own = bin(p, 5);
        let class = first.class[i] as u8;
        ids.push(feature(b"b", b""));
        ids.push(id(b"p", &[bin(p, 20)]));
        ids.push(id(b"pc", &[bin(p, 20), class]));
        ids.push(id(b"cand", &[u8::from(first.proposed[i]), bin(p, 10)]));
        for (tag, joint, j) in [
            (b"n-1", b"n-1p", i.checked_sub(1)),
            (b"n+1", b"n+1p", Some(i + 1).filter(|&j| j < n)),
        ] {
            // A neighbour the tagger did not read is its own value, past all bins.
            let q = j
                .filter(|&j| read(j))
                .map_or(10, |j| bin(first.identifier[j], 10));
            ids.push(id(tag, &[q]));
            ids.push(id(joint, &[q, own]));
        }
        ids.push(id(b"most", &[bin(most, 5), own]));
        ids.push(id(b"many", &[confident, own]));
        ids.push(id(b"story", &[story, own]));
        ids.push(id(b"storyc", &[story, class]));
        ids.push(id(b"review", &[review, own]));
        ids.push(id(b"combo", &[combination, own]));
    }
    starts.push(ids.len());
    (ids, starts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_decimal_digits_joined_by_underscores() {
        assert_eq!(id(b"pc", &[19, 3]), feature(b"pc", b"19_3"));
        assert_eq!(id(b"p", &[0]), feature(b"p", b"0"));
    }

    #[test]
    fn bins_cover_the_unit_interval() {
        assert_eq!(bin(0.0, 20), 0);
        assert_eq!(bin(0.999, 20), 19);
        assert_eq!(bin(1.0, 20), 19);
        assert_eq!(bin(0.5, 5), 2);
        assert_eq!(bin(f32::NAN, 5), 0);
    }

    #[test]
    fn unread_tokens_have_no_features_and_shape_their_neighbours() {
        let first = First {
            identifier: &[0.9, 0.0, 0.2],
            class: &[1, 0, 2],
            read: &[true, false, true],
            proposed: &[false, false, true],
            post: PostScores {
                story: 0.7,
                review: 0.0,
                combination: 0.1,
            },
        };
        let (ids, starts) = features(&first);
        assert_eq!(starts.len(), 4);
        assert_eq!(starts[1], starts[2], "the unread token has none");
        let of = |i: usize| &ids[starts[i]..starts[i + 1]];
        assert!(of(0).contains(&id(b"n+1", &[10])));
        assert!(of(2).contains(&id(b"n-1", &[10])));
        assert!(of(2).contains(&id(b"most", &[4, 1])));
        assert!(of(0).contains(&id(b"many", &[1, 4])));
        assert!(of(2).contains(&id(b"cand", &[1, 2])));
        assert!(of(0).contains(&id(b"story", &[3, 4])));
        assert!(of(0).contains(&id(b"storyc", &[3, 1])));
    }
}
