use chaperone::{check, Config};
const SENTENCES: &[&str] = &[
    "Saw Mrs Okafor (94) in bed 12 on Ward 7 this morning, NHS no 943 476 5919. ",
    "Her daughter Priya called from 07700 900123 😀 ",
    "Flu clinic Sat 12 Oct 9am-1pm at the practice, BP 120/80 checks, see doi:10.1056/NEJMoa2034577. ",
    "3rd visit this week from our favourite frequent flyer, classic drug-seeking 🙄 ",
];
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let reps: usize = std::env::args().nth(2).unwrap().parse().unwrap();
    let text: String = SENTENCES
        .iter()
        .cycle()
        .flat_map(|s| s.chars())
        .take(n)
        .collect();
    let c = Config::default();
    let t = std::time::Instant::now();
    let mut k = 0;
    for _ in 0..reps {
        k += check(&text, &c).len();
    }
    eprintln!("{k} {:?}/check", t.elapsed() / reps as u32);
}
