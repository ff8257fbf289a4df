//! Prepares data the engine would otherwise prepare on its first check, in wasm slowly.
//!
//! Compiles the engine's regular expressions (`src/pattern/sources.rs`) into NFAs at build
//! time, so that the engine never parses a pattern: building them at run time was most of a
//! cold start in wasm. Writes `patterns.bin` (the NFAs) and `patterns.rs` (a static per
//! pattern, with where its NFAs start) to `OUT_DIR`; `src/pattern/mod.rs` reads both.

use std::fmt::Write as _;
use std::path::Path;

use regex_automata::nfa::thompson::{self, State, WhichCaptures, NFA};
use regex_automata::PatternID;

include!("src/pattern/sources.rs");
include!("src/lexicon/prefix_key.rs");

fn main() {
    println!("cargo::rerun-if-changed=src/pattern/sources.rs");
    println!("cargo::rerun-if-changed=src/lexicon/prefix_key.rs");
    println!("cargo::rerun-if-changed=build.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let mut words: Vec<u32> = Vec::new();
    let mut statics = String::new();
    let all = sources();
    for (name, doc, source) in &all {
        let expanded = expand(source);
        let compile = |config: thompson::Config| {
            thompson::Compiler::new()
                .configure(config)
                .build(&expanded)
                .unwrap_or_else(|e| panic!("pattern {name} does not compile: {e}"))
        };
        let forward = compile(thompson::Config::new().shrink(false));
        // Shrinking costs the build, not the engine: it makes the reverse NFAs of patterns
        // with Unicode classes several times smaller to load.
        let reverse = compile(
            thompson::Config::new()
                .reverse(true)
                .shrink(true)
                .which_captures(WhichCaptures::None),
        );
        let at = varint_len(&words);
        encode(&forward, &mut words);
        encode(&reverse, &mut words);
        writeln!(
            statics,
            "#[doc = {doc:?}]\npub static {name}: Pattern = Pattern::new({at});"
        )
        .unwrap();
    }
    // Little-endian base 128, seven bits a byte: most numbers here are small.
    let mut bytes = Vec::new();
    for mut w in words {
        while w >= 0x80 {
            bytes.push(w as u8 | 0x80);
            w >>= 7;
        }
        bytes.push(w as u8);
    }
    std::fs::write(Path::new(&out).join("patterns.bin"), bytes).unwrap();
    let names: Vec<&str> = all.iter().map(|(name, ..)| *name).collect();
    writeln!(
        statics,
        "#[cfg(test)]\nstatic ALL: [&Pattern; {}] = [&{}];",
        names.len(),
        names.join(", &")
    )
    .unwrap();
    std::fs::write(Path::new(&out).join("patterns.rs"), statics).unwrap();
    sort_names(
        &out,
        "first-names.txt",
        &["data/first-names.txt", "data/first-names-extra.txt"],
    );
    sort_names(&out, "surnames.txt", &["data/surnames.txt"]);
    check_sorted("data/places.txt");
    check_sorted("data/iban-lengths.txt");
    // The vocabularies: concepts, each conduct rule's phrases and lists, the identifier
    // detectors' and the frame's word lists.
    for dir in [
        "data/vocab",
        "data/conduct",
        "data/phi",
        "data/frame",
        "data/lexicon",
    ] {
        check_lists(Path::new(dir));
    }
}

/// Checks every list and table under `dir`, in name order.
fn check_lists(dir: &Path) {
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            check_lists(&path);
        } else {
            check_sorted(path.to_str().expect("a UTF-8 path"));
        }
    }
}

/// Fails the build unless `path` holds lowercase lines, sorted bytewise, each once: the
/// engine searches these lists as they lie, and a duplicate or a capital is a mistake. In a
/// table (`.tsv`: a phrase, a tab, its better wording) the phrases are held to this.
fn check_sorted(path: &str) {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let table = path.ends_with(".tsv");
    let keys: Vec<&str> = (text.lines().enumerate())
        .map(|(n, line)| match line.split_once('\t') {
            Some((key, _)) if table => key,
            None if !table => line,
            _ => panic!(
                "{path}:{}: {line:?}: a table's line is a phrase, a tab and its wording; a list's has no tab",
                n + 1
            ),
        })
        .collect();
    for (n, pair) in keys.windows(2).enumerate() {
        assert!(
            pair[0] < pair[1],
            "{path}:{}: {:?} is not after {:?} (the file must be sorted, each phrase once)",
            n + 2,
            pair[1],
            pair[0]
        );
    }
    for (n, key) in keys.iter().enumerate() {
        assert!(
            !key.is_empty() && key.to_lowercase() == *key && key.trim() == *key,
            "{path}:{}: {key:?} must be a lowercase word or phrase without outer spaces",
            n + 1
        );
    }
}

/// How many bytes `words` take once written.
fn varint_len(words: &[u32]) -> usize {
    words
        .iter()
        .map(|&w| (32 - w.leading_zeros()).max(1).div_ceil(7) as usize)
        .sum()
}

/// Writes the names of `lists` to `OUT_DIR/name` sorted, once each: the engine looks names
/// up by binary search. Beside it, `name.rs`: where the names of each first two bytes start
/// (a second byte of 0 for a one-byte name), which narrows a search to a few dozen names.
fn sort_names(out: &str, name: &str, lists: &[&str]) {
    let mut texts = Vec::new();
    for list in lists {
        println!("cargo::rerun-if-changed={list}");
        texts.push(std::fs::read_to_string(list).unwrap_or_else(|e| panic!("{list}: {e}")));
    }
    let mut names: Vec<&str> = texts
        .iter()
        .flat_map(|t| t.lines())
        .filter(|l| !l.is_empty())
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut groups = String::from("&[");
    let (mut at, mut last) = (0, None);
    for n in &names {
        let key = prefix_key(n.as_bytes()).expect("empty lines are left out");
        if last != Some(key) {
            write!(groups, "({key}, {at}), ").unwrap();
            last = Some(key);
        }
        at += n.len() + 1;
    }
    groups.push(']');
    std::fs::write(Path::new(out).join(name), names.join("\n")).unwrap();
    std::fs::write(Path::new(out).join(format!("{name}.rs")), groups).unwrap();
}

/// Writes an NFA as numbers `src/pattern/mod.rs` decodes: its flags and start states, its
/// capture group names, then its states in order (so their identifiers survive).
fn encode(nfa: &NFA, out: &mut Vec<u32>) {
    let pattern = PatternID::ZERO;
    out.push(u32::from(nfa.is_utf8()));
    out.push(u32::from(nfa.is_reverse()));
    out.push(nfa.start_anchored().as_u32());
    out.push(nfa.start_unanchored().as_u32());
    out.push(nfa.start_pattern(pattern).expect("one pattern").as_u32());
    let groups = nfa.group_info().group_len(pattern);
    out.push(groups as u32);
    for group in 0..groups {
        match nfa.group_info().to_name(pattern, group) {
            None => out.push(u32::MAX),
            Some(name) => {
                out.push(name.len() as u32);
                out.extend(name.bytes().map(u32::from));
            }
        }
    }
    out.push(nfa.states().len() as u32);
    let range = |t: &thompson::Transition| u32::from(t.start) | u32::from(t.end) << 8;
    for state in nfa.states() {
        match state {
            State::ByteRange { trans } => out.extend([0, range(trans), trans.next.as_u32()]),
            State::Sparse(sparse) => {
                out.extend([1, sparse.transitions.len() as u32]);
                for t in sparse.transitions.iter() {
                    out.extend([range(t), t.next.as_u32()]);
                }
            }
            State::Dense(_) => panic!("the compiler makes no dense states"),
            State::Look { look, next } => out.extend([2, look.as_repr(), next.as_u32()]),
            State::Union { alternates } => {
                out.extend([3, alternates.len() as u32]);
                out.extend(alternates.iter().map(|s| s.as_u32()));
            }
            State::BinaryUnion { alt1, alt2 } => out.extend([3, 2, alt1.as_u32(), alt2.as_u32()]),
            State::Capture {
                next,
                group_index,
                slot,
                ..
            } => out.extend([4, next.as_u32(), group_index.as_u32(), slot.as_u32() & 1]),
            State::Fail => out.push(5),
            State::Match { .. } => out.push(6),
        }
    }
}
