//! `check` on realistic posts of 280, 3,000 and 40,000 characters (clinician-style sentences
//! with identifiers, slang and emoji, cycled), against the budgets in docs/design.md, and on a
//! dense pasted list, which must stay linear.

use chaperone::{check, Config};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};

const SENTENCES: &[&str] = &[
    "Saw Mrs Okafor (94) in bed 12 on Ward 7 this morning, NHS no 943 476 5919. ",
    "Her daughter Priya called from 07700 900123 😀 ",
    "Flu clinic Sat 12 Oct 9am-1pm at the practice, BP 120/80 checks, see doi:10.1056/NEJMoa2034577. ",
    "3rd visit this week from our favourite frequent flyer, classic drug-seeking 🙄 ",
    "Thanks @NHSEngland and Dr Patel for a great session on deprescribing. ",
    "Lives at 14 Brudenell Grove, LS6 1HR; MRN 00482913, DOB 03/04/1951. ",
    "Vaccines are safe and effective; Shingrix is about 90% effective in adults over 50. ",
];

/// A post of exactly `chars` Unicode scalars, cut at a character boundary.
pub fn post(chars: usize) -> String {
    SENTENCES
        .iter()
        .cycle()
        .flat_map(|s| s.chars())
        .take(chars)
        .collect()
}

fn bench(c: &mut Criterion) {
    let config = Config::default();
    let mut group = c.benchmark_group("check");
    for size in [280, 3_000, 40_000] {
        let text = post(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{size} chars"), |b| {
            b.iter(|| check(black_box(&text), &config))
        });
    }
    // A pasted list: one line of identifiers, repeated; each name recurs thousands of times,
    // which any per-pair work on repeated words turns quadratic.
    let line = "Mrs Okafor (94) bed 12, NHS no 943 476 5919, 07700 900123\n";
    let list = line.repeat(200_000 / line.len());
    group.throughput(Throughput::Bytes(list.len() as u64));
    group.sample_size(10);
    group.bench_function("pasted list, 200,000 chars", |b| {
        b.iter(|| check(black_box(&list), &config))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
