//! `check` reads as a verdict on a terminal (every statement whole, figures
//! in their unit) and keeps the raw numbers for programs.

mod common;

use common::{clusterql, run};
use rexpect::session::spawn_command;
use unicode_width::UnicodeWidthStr;

/// `clusterql check` on a 100-column pseudo-terminal: everything it printed.
fn check_on_a_terminal(ascii: bool) -> String {
    let mut command = common::clusterql_process();
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
    let claims = common::checked_claims();
    assert_eq!(text.matches("✓ holds").count(), claims, "{text}");
    assert!(
        text.contains(&format!(
            "{claims} claims: all hold; 1 erratum listed apart"
        )),
        "{text}"
    );
}

#[test]
fn figures_read_in_their_unit_and_the_source_is_said_once() {
    let text = check_on_a_terminal(true);
    assert!(!text.contains("0.2 "), "{text}");
    assert!(
        text.contains("28,000-odd"),
        "the Chinese original's 2.8万多家:\n{text}"
    );
    assert!(text.contains("> 20 %"), "shares read as percents:\n{text}");
    assert!(
        text.contains("> 1,800 bn yuan"),
        "money has its unit:\n{text}"
    );
    assert!(
        text.contains("~ 87 % +/- 0.5 pt"),
        "--ascii keeps to ASCII:\n{text}"
    );
    for heading in [
        "scio-2023-04-20-zh, report year 2022:",
        "cctv-2023-06, report year 2023:",
        "miit-2025-review, report year 2024:",
        "miit-2025-review, report year 2025:",
    ] {
        assert_eq!(text.matches(heading).count(), 1, "{heading}:\n{text}");
    }
    assert_eq!(
        text.matches("| holds").count(),
        common::checked_claims(),
        "{text}"
    );
    // The English transcript's 280,000 only in the errata, after the rest.
    let errata = text.find("Errata").expect("an errata section");
    assert!(!text[..errata].contains("280,000"), "{text}");
    assert!(text[errata..].contains("> 280,000"), "{text}");
    assert!(text[errata..].contains("erratum: 28,000"), "{text}");
    assert!(text[errata..].contains("2.8万多家"), "{text}");
}

#[test]
fn csv_keeps_the_raw_numbers() {
    let out = run(clusterql().args(["--format", "csv", "check"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mut lines = out.stdout.lines();
    assert_eq!(
        lines.next(),
        Some(
            "source_key,claim_id,report_year,source,statement,statement_zh,published_value,unit,comparator,tolerance,computed_value,holds,erratum,corrected_value,note,verdict"
        )
    );
    assert!(
        out.stdout
            .contains(",28000.0,enterprises,odd,1000.0,28460.0,true,false,,"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(",280000.0,enterprises,>,0.0,"),
        "{}",
        out.stdout
    );
}
