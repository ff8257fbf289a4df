//! The `chaperone` command line: check posts like a linter, and print the rule catalogue.

use chaperone::text::{convert_offsets, Unit};
use chaperone::{catalogue, check, Config, Finding, FirstReading, Region, Severity};
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Flags possible patient identifiers and unprofessional phrasing in social-media posts.
/// Everything runs on this machine; nothing is sent anywhere.
#[derive(Parser)]
#[command(name = "chaperone", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a post from FILE or standard input.
    Check(CheckArgs),
    /// For `make train`: lines of {"id", "text", "region"} in, each post's token spans
    /// (Unicode scalars) and feature ids out.
    #[command(hide = true)]
    Features,
    /// Print the rule catalogue.
    Rules {
        #[arg(long, value_enum, default_value = "markdown")]
        format: CatalogueFormat,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// The post to check; standard input when absent or `-`.
    file: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Batch mode: lines of {"id", "text"} in, lines of {"id", "findings"} out.
    #[arg(long)]
    jsonl: bool,
    /// The author's region: selects identifier families and the guidance cited.
    #[arg(long, value_parser = parse_region)]
    region: Option<Region>,
    /// A JSON config file (allow list, watch terms, disabled rules, sensitivity, region).
    #[arg(long)]
    config: Option<PathBuf>,
    /// Exit with 1 when a finding is at or above this severity.
    #[arg(long, value_enum, default_value = "caution")]
    fail_on: FailOn,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum CatalogueFormat {
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    Coach,
    Caution,
    Stop,
    Never,
}

impl FailOn {
    fn fails(self, f: &Finding) -> bool {
        match self {
            FailOn::Coach => true,
            FailOn::Caution => f.severity >= Severity::Caution,
            FailOn::Stop => f.severity >= Severity::Stop,
            FailOn::Never => false,
        }
    }
}

fn parse_region(s: &str) -> Result<Region, String> {
    Region::parse(s).ok_or_else(|| format!("unknown region {s:?}: use us, uk, au or ca"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Check(args) => run_check(args),
        Command::Features => run_features(),
        Command::Rules { format } => {
            let out = match format {
                CatalogueFormat::Json => catalogue::json().to_string() + "\n",
                CatalogueFormat::Markdown => catalogue::markdown(),
            };
            write_stdout(&out).map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("chaperone: {message}");
            ExitCode::from(2)
        }
    }
}

fn write_stdout(s: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("writing output: {e}")),
        _ => Ok(()),
    }
}

fn run_check(args: CheckArgs) -> Result<ExitCode, String> {
    let mut config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("reading config {}: {e}", path.display()))?;
            Config::from_json(&text).map_err(|e| format!("config {}: {e}", path.display()))?
        }
        None => Config::default(),
    };
    if let Some(region) = args.region {
        config.region = region;
    }
    let input = read_input(args.file.as_deref())?;
    if args.jsonl {
        return run_jsonl(&input, &config, args.region.is_some(), args.fail_on);
    }
    let text = String::from_utf8(input).map_err(|e| {
        format!(
            "input is not valid UTF-8 (at byte {})",
            e.utf8_error().valid_up_to()
        )
    })?;
    let findings = check(&text, &config);
    let out = match args.format {
        Format::Json => {
            let located = findings_json(&text, &findings);
            serde_json::to_string(&serde_json::json!({ "findings": located }))
                .map_err(|e| format!("writing output: {e}"))?
                + "\n"
        }
        Format::Human => human(&text, &findings, args.file.as_deref()),
    };
    write_stdout(&out)?;
    Ok(exit_code(&findings, args.fail_on))
}

/// One line of `check --jsonl`'s output.
#[derive(serde::Serialize)]
struct Answer<'a> {
    id: &'a serde_json::Value,
    findings: Vec<Located<'a>>,
}

/// Writes one JSON line; false once the reader has gone (a broken pipe ends the run quietly).
fn write_line(out: &mut impl Write, value: &impl serde::Serialize) -> Result<bool, String> {
    let result = serde_json::to_writer(&mut *out, value)
        .map_err(std::io::Error::from)
        .and_then(|()| out.write_all(b"\n"));
    io_result(result)
}

fn flush(out: &mut impl Write) -> Result<bool, String> {
    io_result(out.flush())
}

fn io_result(result: std::io::Result<()>) -> Result<bool, String> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(format!("writing output: {e}")),
    }
}

fn read_input(file: Option<&std::path::Path>) -> Result<Vec<u8>, String> {
    match file {
        Some(p) if p.as_os_str() != "-" => {
            std::fs::read(p).map_err(|e| format!("reading {}: {e}", p.display()))
        }
        _ => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("reading standard input: {e}"))?;
            Ok(buf)
        }
    }
}

fn exit_code(findings: &[Finding], fail_on: FailOn) -> ExitCode {
    if findings.iter().any(|f| fail_on.fails(f)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A finding as the contract's JSON: its offsets in Unicode scalar values beside the
/// finding's fields, serialised straight from the finding (its rule's text is not copied).
#[derive(serde::Serialize)]
struct Located<'a> {
    start: usize,
    end: usize,
    #[serde(flatten)]
    finding: &'a Finding,
}

/// Findings as the contract's JSON, with offsets in Unicode scalar values.
fn findings_json<'a>(text: &str, findings: &'a [Finding]) -> Vec<Located<'a>> {
    let bytes: Vec<usize> = findings
        .iter()
        .flat_map(|f| [f.span.start, f.span.end])
        .collect();
    let chars = convert_offsets(text, &bytes, Unit::Char);
    findings
        .iter()
        .zip(chars.chunks(2))
        .map(|(finding, c)| Located {
            start: c[0],
            end: c[1],
            finding,
        })
        .collect()
}

fn run_jsonl(
    input: &[u8],
    config: &Config,
    region_fixed: bool,
    fail_on: FailOn,
) -> Result<ExitCode, String> {
    // Each answer is written as it is made: a large batch never waits in memory.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut any_error = false;
    let mut any_fail = false;
    for (n, line) in input.split(|&b| b == b'\n').enumerate() {
        let line_no = n + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record: serde_json::Value = match serde_json::from_slice(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("chaperone: line {line_no}: not a JSON object: {e}");
                any_error = true;
                continue;
            }
        };
        let (Some(id), Some(text)) = (
            record.get("id"),
            record.get("text").and_then(|t| t.as_str()),
        ) else {
            eprintln!(
                "chaperone: line {line_no}: expected an object with \"id\" and \"text\" (a string)"
            );
            any_error = true;
            continue;
        };
        let mut line_config;
        let mut use_config = config;
        if !region_fixed {
            if let Some(r) = record
                .get("region")
                .and_then(|r| r.as_str())
                .and_then(Region::parse)
            {
                line_config = config.clone();
                line_config.region = r;
                use_config = &line_config;
            }
        }
        let findings = check(text, use_config);
        any_fail |= findings.iter().any(|f| fail_on.fails(f));
        let answer = Answer {
            id,
            findings: findings_json(text, &findings),
        };
        if !write_line(&mut out, &answer)? {
            return Ok(ExitCode::SUCCESS);
        }
    }
    if !flush(&mut out)? {
        return Ok(ExitCode::SUCCESS);
    }
    Ok(if any_error {
        ExitCode::from(2)
    } else if any_fail {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn run_features() -> Result<ExitCode, String> {
    let input = read_input(None)?;
    let mut out = String::new();
    for (n, line) in input.split(|&b| b == b'\n').enumerate() {
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let record: serde_json::Value = serde_json::from_slice(line)
            .map_err(|e| format!("line {}: not a JSON object: {e}", n + 1))?;
        let text = record["text"]
            .as_str()
            .ok_or_else(|| format!("line {}: no \"text\"", n + 1))?;
        let config = Config {
            region: record["region"]
                .as_str()
                .and_then(Region::parse)
                .unwrap_or_default(),
            ..Config::default()
        };
        let first = record
            .get("first")
            .map(|f| first_reading(f, n + 1))
            .transpose()?;
        let t = chaperone::training_features(text, &config, first.as_ref())
            .map_err(|e| format!("line {}: {e}", n + 1))?;
        let bytes: Vec<usize> = (t.tokens.iter().map(|(s, _)| s))
            .chain(t.candidates.iter().map(|(s, _)| s))
            .flat_map(|s| [s.start, s.end])
            .collect();
        let chars = convert_offsets(text, &bytes, Unit::Char);
        let (token_chars, candidate_chars) = chars.split_at(t.tokens.len() * 2);
        let tokens: Vec<_> = (t.tokens.iter().zip(token_chars.chunks(2)))
            .map(|((_, ids), c)| json!([c[0], c[1], ids]))
            .collect();
        let candidates: Vec<_> = (t.candidates.iter().zip(candidate_chars.chunks(2)))
            .map(|((_, rule), c)| json!([c[0], c[1], rule]))
            .collect();
        let mut line = json!({ "id": record["id"], "tokens": tokens, "post": t.post, "candidates": candidates });
        if let Some(second) = t.second {
            line["second"] = json!(second);
        }
        out.push_str(&line.to_string());
        out.push('\n');
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// A `features` line's first reading: `{"identifier": [p…], "class": [k…], "post": [p…]}`,
/// one identifier and class per token, and (for the second reading) one score per label of
/// the post classifier.
fn first_reading(value: &serde_json::Value, line: usize) -> Result<FirstReading, String> {
    let bad = |what: &str| format!("line {line}: \"first\" needs {what}");
    let numbers = |key: &str| -> Result<&Vec<serde_json::Value>, String> {
        value[key]
            .as_array()
            .ok_or_else(|| bad(&format!("an array \"{key}\"")))
    };
    let probabilities = |key: &str| -> Result<Vec<f32>, String> {
        (numbers(key)?.iter())
            .map(|v| v.as_f64().map(|p| p as f32).ok_or_else(|| bad("numbers")))
            .collect()
    };
    let class = (numbers("class")?.iter())
        .map(|v| {
            v.as_u64()
                .map(|k| k as usize)
                .ok_or_else(|| bad("whole classes"))
        })
        .collect::<Result<_, _>>()?;
    Ok(FirstReading {
        identifier: probabilities("identifier")?,
        class,
        post: value
            .get("post")
            .map(|_| probabilities("post"))
            .transpose()?,
    })
}

/// A linter-style report: `FILE:LINE:COL: severity rule  message  "text"`, then a summary.
fn human(text: &str, findings: &[Finding], file: Option<&std::path::Path>) -> String {
    let name = file.map_or("<stdin>".to_string(), |p| p.display().to_string());
    let mut out = String::new();
    // Findings come sorted by start: line and column advance with them, so a megabyte paste
    // with thousands of findings is reported in linear time.
    let (mut at, mut line, mut col) = (0, 1, 1);
    for f in findings {
        for c in text[at..f.span.start].chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        at = f.span.start;
        let snippet: String = text[f.span.clone()].chars().take(60).collect();
        out.push_str(&format!(
            "{name}:{line}:{col}: {} {}  {}  \"{}\"\n",
            f.severity.as_str(),
            f.rule,
            f.message,
            snippet.replace('\n', " ")
        ));
        if let Some(s) = f.suggestions.first() {
            let s = if s.is_empty() {
                "remove it".to_string()
            } else {
                format!("\"{s}\"")
            };
            out.push_str(&format!("    fix: {s}\n"));
        }
    }
    let phi = findings
        .iter()
        .filter(|f| f.category == chaperone::Category::Phi)
        .count();
    let conduct = findings.len() - phi;
    out.push_str(&format!(
        "{} finding{}: {phi} possible patient identifier{}, {conduct} professionalism concern{}\n",
        findings.len(),
        if findings.len() == 1 { "" } else { "s" },
        if phi == 1 { "" } else { "s" },
        if conduct == 1 { "" } else { "s" },
    ));
    out
}
