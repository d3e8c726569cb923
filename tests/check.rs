//! `check` reads as a verdict on a terminal (every statement whole, figures
//! in their unit) and keeps the raw numbers for programs.

mod common;

use std::process::Command;

use common::{clusterql, run};
use rexpect::session::spawn_command;
use unicode_width::UnicodeWidthStr;

/// `clusterql check` on a 100-column pseudo-terminal: everything it printed.
fn check_on_a_terminal(ascii: bool) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_clusterql"));
    command
        .arg("check")
        .env("HOME", std::env::temp_dir())
        .env("COLUMNS", "100")
        .env("TERM", "xterm");
    if ascii {
        command.arg("--ascii");
    }
    let mut session = spawn_command(command, Some(60_000)).expect("check runs in a pty");
    let text = session.exp_eof().expect("check ends");
    // The session hands over each byte as a char; the bytes are UTF-8.
    let bytes: Vec<u8> = text.chars().map(|c| c as u32 as u8).collect();
    String::from_utf8(bytes)
        .expect("check prints UTF-8")
        .replace("\r\n", "\n")
}

/// The bundled claims' statements, as DuckDB reads them from the data.
fn bundled_statements() -> Vec<String> {
    let out = run(clusterql().args([
        "--format",
        "csv",
        "-c",
        "select statement from briefing_claims order by claim_id",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
        .lines()
        .skip(1)
        .map(|line| line.trim_matches('"').replace("\"\"", "\""))
        .collect()
}

#[test]
fn every_statement_shows_whole_at_100_columns() {
    let text = check_on_a_terminal(false);
    for line in text.lines() {
        assert!(line.width() <= 100, "wider than the terminal: {line:?}");
    }
    assert!(!text.contains('…'), "something was cut:\n{text}");
    // A wrapped statement's words follow each other in the statement
    // column, line after line.
    let column_text: String = text
        .lines()
        .filter_map(|line| line.split('┆').nth(1))
        .map(|cell| cell.trim())
        .collect::<Vec<_>>()
        .join(" ");
    for statement in bundled_statements() {
        assert!(
            column_text.contains(&statement),
            "{statement:?} is not whole in:\n{text}"
        );
    }
    assert_eq!(text.matches("✓ holds").count(), 16, "{text}");
    assert!(text.contains("16 claims: all hold"), "{text}");
}

#[test]
fn figures_read_in_their_unit_and_the_source_is_said_once() {
    let text = check_on_a_terminal(true);
    assert!(!text.contains("0.2 ") && !text.contains("280000"), "{text}");
    assert!(text.contains("> 280,000"), "counts get separators:\n{text}");
    assert!(text.contains("> 20 %"), "shares read as percents:\n{text}");
    assert!(
        text.contains("> 1,800 bn yuan"),
        "money has its unit:\n{text}"
    );
    assert!(
        text.contains("~ 87 % +/- 0.5 pt"),
        "--ascii keeps to ASCII:\n{text}"
    );
    assert_eq!(
        text.matches("SCIO press conference 2023-04-20").count(),
        1,
        "{text}"
    );
    assert_eq!(text.matches("| holds").count(), 16, "{text}");
}

#[test]
fn csv_keeps_the_raw_numbers() {
    let out = run(clusterql().args(["--format", "csv", "check"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "claim_id,source,statement,published_value,unit,comparator,tolerance,computed_value,holds"
        )
    );
    assert!(
        out.stdout.contains(",280000.0,enterprises,>,0.0,"),
        "{}",
        out.stdout
    );
}
