//! The CLI contract of docs/design.md: formats, offsets in Unicode scalars, batch mode, exit codes
//! and error paths (exit 2 with a clear message, never a panic).

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const NHS: &str = "943 476 5919";

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_chaperone"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("chaperone runs");
    // The CLI may exit before reading its input (a bad option or config): ignore a broken pipe.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn assert_clean_error(o: &Output) {
    assert_eq!(o.status.code(), Some(2), "stderr: {}", stderr(o));
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(!err.trim().is_empty());
}

#[test]
fn json_offsets_are_unicode_scalars() {
    let text = format!("😀 é NHS {NHS}");
    let o = run(&["check", "--format", "json"], text.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let f = &v["findings"][0];
    let chars: Vec<char> = text.chars().collect();
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(chars[s..e].iter().collect::<String>(), NHS);
    for key in [
        "category",
        "kind",
        "severity",
        "rule",
        "message",
        "explanation",
        "guidance",
        "suggestions",
    ] {
        assert!(f.get(key).is_some(), "finding lacks {key}: {f}");
    }
}

#[test]
fn clean_text_exits_zero_and_fail_on_is_honoured() {
    let o = run(&["check"], b"Lovely sunny day for the clinic picnic.");
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 findings"));
    let o = run(&["check", "--fail-on", "never"], NHS.as_bytes());
    assert_eq!(o.status.code(), Some(0));
}

#[test]
fn human_format_reads_like_a_linter() {
    let o = run(
        &["check", "--region", "uk"],
        format!("line one\nNHS no {NHS}").as_bytes(),
    );
    let out = stdout(&o);
    assert!(out.contains("<stdin>:2:8: stop phi/nhs-number"), "{out}");
    assert!(
        out.contains("1 finding: 1 possible patient identifier, 0 professionalism concerns"),
        "{out}"
    );
    // Columns count characters, and several findings on several lines keep their places.
    let o = run(
        &["check", "--region", "uk"],
        "a\nSaw Mrs Okafor (94) 😀 today\n  NHS 943 476 5919".as_bytes(),
    );
    let out = stdout(&o);
    for place in [
        "<stdin>:2:9: stop phi/person-name",
        "<stdin>:2:17: stop phi/age-over-89",
        "<stdin>:3:7: stop phi/nhs-number",
    ] {
        assert!(out.contains(place), "{place} in {out}");
    }
}

#[test]
fn reads_a_file_argument() {
    let dir = std::env::temp_dir().join(format!("chaperone-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let post = dir.join("post.txt");
    std::fs::write(&post, format!("NHS {NHS}")).unwrap();
    let o = run(&["check", post.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stdout(&o).contains("post.txt:1:5"), "{}", stdout(&o));
}

#[test]
fn jsonl_answers_good_lines_and_reports_bad_ones_with_line_numbers() {
    let input = format!(
        "{{\"id\":\"a\",\"text\":\"NHS {NHS}\"}}\nnot json\n\n{{\"id\":7}}\n{{\"id\":\"b\",\"text\":\"fine\",\"region\":\"au\"}}\n"
    );
    let o = run(&["check", "--jsonl"], input.as_bytes());
    assert_clean_error(&o);
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["findings"].as_array().unwrap().len(), 1);
    assert_eq!(lines[1]["id"], "b");
    let err = stderr(&o);
    assert!(err.contains("line 2"), "{err}");
    assert!(err.contains("line 4"), "{err}");
}

#[test]
fn rules_catalogue_in_json_and_markdown() {
    let o = run(&["rules", "--format", "json"], b"");
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let rules = v["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "phi/nhs-number"));
    for r in rules {
        assert!(
            r["guidance"]["uk"]
                .as_array()
                .is_some_and(|g| !g.is_empty()),
            "{}",
            r["id"]
        );
    }
    let md = stdout(&run(&["rules", "--format", "markdown"], b""));
    assert!(md.contains("### `phi/nhs-number`"));
}

#[test]
fn bad_input_is_exit_two_with_a_message() {
    assert_clean_error(&run(&["check"], b"caf\xe9 NHS"));
    assert!(stderr(&run(&["check"], b"\xff\xfe")).contains("UTF-8"));
    assert_clean_error(&run(&["check", "--frobnicate"], b""));
    assert_clean_error(&run(&["check", "--region", "fr"], b""));
    assert_clean_error(&run(&["check", "/no/such/file"], b""));
    assert_clean_error(&run(&["lint"], b""));
}

#[test]
fn malformed_config_names_the_problem() {
    let dir = std::env::temp_dir().join(format!("chaperone-cfg-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cfg = dir.join("bad.json");
    std::fs::write(&cfg, r#"{"region": "uk", "alow": ["me"]}"#).unwrap();
    let o = run(&["check", "--config", cfg.to_str().unwrap()], b"hello");
    assert_clean_error(&o);
    assert!(stderr(&o).contains("alow"), "{}", stderr(&o));
    std::fs::write(&cfg, r#"{"allow": ["943 476 5919"], "region": "uk"}"#).unwrap();
    let o = run(
        &["check", "--config", cfg.to_str().unwrap()],
        format!("NHS {NHS}").as_bytes(),
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "allow-listed term should not be flagged: {}",
        stdout(&o)
    );
}

#[test]
fn large_input_is_answered() {
    let post = format!("Clinic was busy today, NHS {NHS}. 😀 Lovely team, great coffee.\n");
    let big = post.repeat(400_000 / post.len());
    let o = run(&["check", "--format", "json"], big.as_bytes());
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v["findings"].as_array().unwrap().len() >= 400_000 / post.len());
}

/// `features` (hidden, for `make train`) reads the post's features with the first reading
/// that comes with the post, gives the second reading's features of each token when the
/// first reading has post scores, and names a first reading that does not fit.
#[test]
fn features_take_a_first_reading_and_reject_one_that_does_not_fit() {
    let line = |first: &str| {
        format!(r#"{{"id": "a", "text": "Milo was seen", "region": "us", "first": {first}}}"#)
    };
    let post = format!("[{}]", ["0.1"; 13].join(", "));
    let good = line(&format!(
        r#"{{"identifier": [0.9, 0.0, 0.0], "class": [1, 0, 0], "post": {post}}}"#
    ));
    let o = run(&["features"], good.as_bytes());
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    let second = v["second"].as_array().unwrap();
    assert_eq!(second.len(), v["tokens"].as_array().unwrap().len());
    assert!(!second[0].as_array().unwrap().is_empty(), "Milo is read");

    // Without post scores there is no second reading, and the tagger's reading of "Milo"
    // is evidence about the post: that it names someone.
    let post_of = |first: &str| -> Value {
        let o = run(&["features"], line(first).as_bytes());
        assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
        let v: Value = serde_json::from_str(stdout(&o).trim()).unwrap();
        assert!(v.get("second").is_none());
        v["post"].clone()
    };
    assert_ne!(
        post_of(r#"{"identifier": [0.9, 0.0, 0.0], "class": [1, 0, 0]}"#),
        post_of(r#"{"identifier": [0.1, 0.0, 0.0], "class": [1, 0, 0]}"#)
    );

    let short = line(&format!(
        r#"{{"identifier": [0.9], "class": [1], "post": {post}}}"#
    ));
    let o = run(&["features"], short.as_bytes());
    assert_clean_error(&o);
    assert!(stderr(&o).contains("line 1"), "{}", stderr(&o));
    let o = run(&["features"], line(r#"{"identifier": "x"}"#).as_bytes());
    assert_clean_error(&o);
}
