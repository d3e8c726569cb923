//! Property tests of everything that reads text from outside: the
//! statement splitter, the shell's dot commands, `--var` and the loader's
//! validation. Random bytes and random well-formed input: no panic, no
//! hang, nothing lost. `PROPTEST_CASES=N` raises the budget
//! (`bash bench/fuzz.sh N` runs them all with it and reports the time).

use std::path::{Path, PathBuf};

use clusterql::cli::{Invocation, parse_variable};
use clusterql::engine::{Engine, EngineOptions};
use clusterql::error::Error;
use clusterql::load::encoding::EncodingChoice;
use clusterql::load::{LoadRequest, Mode, load};
use clusterql::repl::dot::DotCommand;
use clusterql::script;
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// Runs a costlier property (one that opens databases) on `default_cases`
/// cases, unless PROPTEST_CASES says otherwise.
fn check<S: Strategy>(
    default_cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    let mut runner = TestRunner::new(Config::with_cases(cases));
    if let Err(failure) = runner.run(&strategy, test) {
        panic!("{failure}");
    }
}

/// Loads one file into `chain_links`.
fn load_links(engine: &Engine, path: &Path, mode: Mode) -> clusterql::error::Result<u64> {
    load_links_as(engine, path, mode, EncodingChoice(None))
}

/// The same, with the files' encoding named instead of detected.
fn load_links_as(
    engine: &Engine,
    path: &Path,
    mode: Mode,
    encoding: EncodingChoice,
) -> clusterql::error::Result<u64> {
    let request = LoadRequest {
        paths: vec![path.to_path_buf()],
        table: "chain_links".to_string(),
        mode,
        ignore_extra: false,
        sheet: None,
        encoding,
        quiet: true,
        skip_id_check: false,
        maps: Vec::new(),
        units: Vec::new(),
        header_row: None,
    };
    load(engine, &request).map(|loaded| loaded.rows)
}

/// A piece of a statement that may hide semicolons, quotes or comment
/// markers inside strings, identifiers, comments and dollar-quoted bodies.
fn fragment() -> impl Strategy<Value = String> {
    let plain = "[a-z_][a-z0-9_]{0,6}".prop_map(|s| s);
    let number = (0u32..100_000).prop_map(|n| n.to_string());
    let text = "[a-z;'\" $-]{0,8}";
    prop_oneof![
        plain,
        number,
        text.prop_map(|s| format!("'{}'", s.replace('\'', "''"))),
        text.prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
        text.prop_map(|s| format!("E'{}'", s.replace('\\', "").replace('\'', "\\'"))),
        text.prop_map(|s| format!("/* {} */", s.replace("*/", "").replace("/*", ""))),
        text.prop_map(|s| format!("-- {}\n", s.replace('\n', ""))),
        text.prop_map(|s| format!("$$ {} $$", s.replace('$', ""))),
        text.prop_map(|s| format!("$q$ {} $q$", s.replace('$', ""))),
    ]
}

fn statement() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..6).prop_map(|parts| format!("select {}", parts.join(" ")))
}

proptest! {
    #[test]
    fn joined_statements_split_back(statements in prop::collection::vec(statement(), 1..6), crlf in any::<bool>()) {
        let separator = if crlf { ";\r\n" } else { ";\n" };
        let text = statements.join(separator);
        let split = script::split(&text);
        let texts: Vec<String> = split.iter().map(|s| s.sql.clone()).collect();
        let expected: Vec<String> = statements.iter().map(|s| s.trim_end().to_string()).collect();
        prop_assert_eq!(texts, expected);
        let terminated = format!("{};", text);
        prop_assert!(script::is_complete(&terminated));
    }

    #[test]
    fn positions_point_at_each_statement(statements in prop::collection::vec(statement(), 1..5)) {
        let text = statements.join(";\n\n");
        let lines: Vec<&str> = text.split('\n').collect();
        for found in script::split(&text) {
            let line = lines[found.line - 1];
            let rest: String = line.chars().skip(found.column - 1).collect();
            prop_assert!(rest.starts_with("select"), "{:?} at {}:{}", rest, found.line, found.column);
        }
    }
}

/// Text made of SQL's special characters, so that strings, comments and
/// dollar quotes open and close at random.
fn sql_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("select ".to_string()),
        Just(";".to_string()),
        Just("'".to_string()),
        Just("\"".to_string()),
        Just("--".to_string()),
        Just("/*".to_string()),
        Just("*/".to_string()),
        Just("$$".to_string()),
        Just("$t$".to_string()),
        Just("E'\\'".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        "[a-z0-9 ]{1,5}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

/// Random bytes read as text the way a file with bad bytes would be.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300)
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
        sql_like(),
    ]
}

/// What may stand between statements besides comments: blanks, stray
/// semicolons, and byte-order marks (files joined with `cat` carry them).
fn ignorable(c: char) -> bool {
    c.is_whitespace() || c == ';' || c == '\u{feff}'
}

/// The byte offset of a 1-based line and character column.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    let in_line: usize = text[line_start..]
        .chars()
        .take(column - 1)
        .map(char::len_utf8)
        .sum();
    line_start + in_line
}

/// Text between statements that has no comment in it has nothing else.
fn assert_only_ignorable(between: &str) -> Result<(), TestCaseError> {
    if !between.contains("--") && !between.contains("/*") {
        prop_assert!(between.chars().all(ignorable), "lost text {:?}", between);
    }
    Ok(())
}

proptest! {
    /// Every statement is the text at its reported position, in order;
    /// what lies between them is only blanks, semicolons and comments.
    #[test]
    fn split_statements_are_the_text_at_their_positions(text in any_text()) {
        let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
        let mut previous_end = 0;
        for statement in script::split(&text) {
            prop_assert!(!statement.sql.is_empty());
            let at = byte_offset(body, statement.line, statement.column);
            prop_assert!(at >= previous_end, "{:?} overlaps the statement before", statement);
            prop_assert!(
                body[at..].starts_with(&statement.sql),
                "{:?} is not the text at {}:{}", statement.sql, statement.line, statement.column
            );
            assert_only_ignorable(&body[previous_end..at])?;
            previous_end = at + statement.sql.len();
        }
        assert_only_ignorable(&body[previous_end..])?;
    }

    /// Joining the statements again, each ended on a line of its own, and
    /// splitting gives the same statements. (The last may be left open, as
    /// in `select '…` at the end of a file, so it ends the text again.)
    #[test]
    fn splitting_then_joining_keeps_the_statements(text in any_text()) {
        let first: Vec<String> = script::split(&text).into_iter().map(|s| s.sql).collect();
        let joined = first.join("\n;\n");
        let second: Vec<String> = script::split(&joined).into_iter().map(|s| s.sql).collect();
        prop_assert_eq!(first, second);
    }

    /// Text the shell counts as complete leaves nothing open: a statement
    /// typed after it on a new line is a statement of its own.
    #[test]
    fn complete_text_leaves_nothing_open(text in any_text()) {
        if script::is_complete(&text) {
            let mut expected: Vec<String> = script::split(&text).into_iter().map(|s| s.sql).collect();
            expected.push("select 1".to_string());
            let continued = format!("{text}\nselect 1");
            let found: Vec<String> = script::split(&continued).into_iter().map(|s| s.sql).collect();
            prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn dot_commands_parse_or_explain(line in any_text()) {
        if let Err(message) = DotCommand::parse(&format!(".{line}")) {
            prop_assert!(!message.is_empty());
        }
    }

    /// A path argument comes back as typed, quoted or not. (A `;` ending
    /// the line is dropped, as people type one out of habit.)
    #[test]
    fn dot_command_paths_come_back_whole(
        command in prop::sample::select(vec!["output", "once", "read", "open"]),
        path in "[^'\"\\s][^\\n\\r]{0,40}[^'\"\\s;]",
        quote in prop::sample::select(vec!["", "'", "\""]),
    ) {
        let parsed = DotCommand::parse(&format!(".{command} {quote}{path}{quote}"));
        let path = PathBuf::from(path.trim());
        let expected = match command {
            "output" => DotCommand::Output(Some(path)),
            "once" => DotCommand::Once(path),
            "read" => DotCommand::Read(path),
            _ => DotCommand::Open(path),
        };
        prop_assert_eq!(parsed, Ok(expected));
    }

    /// `NAME=VALUE` splits at the first `=`; any value survives, and a name
    /// that is not an identifier is refused.
    #[test]
    fn variables_split_at_the_first_equals_sign(name in "\\PC{0,12}", value in "\\PC{0,40}") {
        let text = format!("{name}={value}");
        let parsed = parse_variable(&text);
        // The name ends at the first `=`, wherever it is.
        let (name, value) = text.split_once('=').map(|(n, v)| (n.to_string(), v.to_string())).unwrap_or_default();
        let identifier = !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
            && !name.starts_with(|c: char| c.is_ascii_digit());
        if identifier {
            prop_assert_eq!(parsed, Ok((name, value)));
        } else {
            prop_assert!(parsed.is_err());
        }
    }
}

/// A variable given on the command line reaches SQL with its exact value,
/// whatever quotes, semicolons or characters it holds.
#[test]
fn variables_reach_sql_unchanged() {
    // Names include SQL keywords, which must not end up as bare SQL text.
    let name = prop_oneof![
        "[a-z_][a-z0-9_]{0,10}",
        prop::sample::select(vec![
            "in", "select", "from", "order", "table", "default", "null"
        ])
        .prop_map(str::to_string),
    ];
    let strategy = (name, "[^\\x00]{0,60}");
    check(32, strategy, |(name, value)| {
        let invocation =
            Invocation::parse_from(["clusterql".to_string(), format!("--var={name}={value}")]);
        prop_assert_eq!(&invocation.cli.vars, &vec![(name.clone(), value.clone())]);
        let engine =
            clusterql::open::open_configured(&EngineOptions::default(), true, &invocation.cli.vars)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let seen: String = engine
            .connection()
            .query_row(&format!("SELECT getvariable('{name}')"), [], |row| {
                row.get(0)
            })
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(seen, value);
        Ok(())
    });
}

/// A database file with the bundled data, for loading into.
fn loading_fixture() -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = EngineOptions {
        database: Some(dir.path().join("load.duckdb")),
        ..EngineOptions::default()
    };
    let engine = clusterql::open::open_configured(&options, false, &[]).expect("open");
    (dir, engine)
}

fn cluster_ids(engine: &Engine) -> Vec<String> {
    let mut statement = engine
        .connection()
        .prepare("SELECT cluster_id FROM clusters ORDER BY cluster_id LIMIT 5")
        .expect("prepare");
    statement
        .query_map([], |row| row.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("ids")
}

/// The chain links in the table, sorted, as one comparable list.
fn chain_links(engine: &Engine) -> Vec<(String, String)> {
    let mut statement = engine
        .connection()
        .prepare("SELECT cluster_id, link FROM chain_links ORDER BY ALL")
        .expect("prepare");
    statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// A CSV field as RFC 4180 writes it: quoted when it must be, or at random.
fn csv_field(text: &str, force_quotes: bool) -> String {
    if force_quotes || text.contains([',', '"', '\n', '\r']) || text.trim() != text {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Link names with the characters that trouble CSV readers.
fn link_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-z]{1,6}",
        "[产业集群链条制造]{1,4}",
        Just(",".to_string()),
        Just("\"".to_string()),
        Just(";".to_string()),
        Just("|".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just(" ".to_string()),
        Just("'".to_string()),
    ];
    prop::collection::vec(piece, 1..6)
        .prop_map(|pieces| pieces.concat())
        .prop_filter("a name has a visible character", |s| {
            s.chars().any(|c| c.is_alphanumeric())
        })
}

/// Well-formed files load exactly: every row, every character, whatever
/// the quoting, line ends, column order or byte-order mark.
#[test]
fn valid_csv_files_load_exactly() {
    let (dir, engine) = loading_fixture();
    let ids = cluster_ids(&engine);
    let path = dir.path().join("links.csv");
    let strategy = (
        prop::collection::btree_set((0..ids.len(), link_text()), 1..20),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    );
    check(
        48,
        strategy,
        |(rows, crlf, bom, swap_columns, quote_all, final_newline)| {
            let end = if crlf { "\r\n" } else { "\n" };
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            text += if swap_columns {
                "link,cluster_id"
            } else {
                "cluster_id,link"
            };
            let mut expected = Vec::new();
            for (index, link) in &rows {
                let (id, link_field) = (&ids[*index], csv_field(link, quote_all));
                let id_field = csv_field(id, quote_all);
                text += end;
                text += &if swap_columns {
                    format!("{link_field},{id_field}")
                } else {
                    format!("{id_field},{link_field}")
                };
                expected.push((id.clone(), link.clone()));
            }
            if final_newline {
                text += end;
            }
            std::fs::write(&path, &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            let loaded = load_links(&engine, &path, Mode::Replace)
                .map_err(|e| TestCaseError::fail(format!("{e}\n--- file ---\n{text}")))?;
            prop_assert_eq!(loaded, expected.len() as u64);
            expected.sort();
            prop_assert_eq!(chain_links(&engine), expected, "file:\n{}", text);
            Ok(())
        },
    );
}

/// Bytes in the encodings researchers' files come in that are not UTF-8:
/// GBK (产业集群), UTF-16 with its byte-order mark, a lone high byte.
fn foreign_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        Just(vec![0xB2, 0xFA, 0xD2, 0xB5, 0xBC, 0xAF, 0xC8, 0xBA]),
        Just(vec![0xFF, 0xFE, b'a', 0x00]),
        Just(vec![0xE9]),
    ]
}

/// Damage done to a good file: bytes cut, doubled, swapped for others.
#[derive(Debug, Clone)]
enum Damage {
    Truncate(usize),
    Insert(usize, Vec<u8>),
    Overwrite(usize, u8),
    Foreign(usize, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    let special = prop::sample::select(vec![
        b",".to_vec(),
        b"\"".to_vec(),
        b"\n".to_vec(),
        b"\r".to_vec(),
        b";".to_vec(),
        b"\t".to_vec(),
        b"N2099-999".to_vec(),
        b"\0".to_vec(),
    ]);
    prop_oneof![
        (0usize..400).prop_map(Damage::Truncate),
        (0usize..400, special).prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
        (0usize..400, any::<u8>()).prop_map(|(at, byte)| Damage::Overwrite(at, byte)),
        (0usize..400, foreign_bytes()).prop_map(|(at, bytes)| Damage::Foreign(at, bytes)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    let at = |n: usize, len: usize| if len == 0 { 0 } else { n % (len + 1) };
    match damage {
        Damage::Truncate(n) => bytes.truncate(at(*n, bytes.len())),
        Damage::Insert(n, extra) | Damage::Foreign(n, extra) => {
            let position = at(*n, bytes.len());
            bytes.splice(position..position, extra.iter().copied());
        }
        Damage::Overwrite(n, byte) => {
            if !bytes.is_empty() {
                let position = n % bytes.len();
                bytes[position] = *byte;
            }
        }
    }
}

/// A damaged file either loads (the damage was harmless) or is rejected
/// with a message naming it, and then the table is exactly as it was.
/// Nothing panics and no other kind of error comes out.
#[test]
fn damaged_csv_files_are_rejected_or_loaded_never_half() {
    let (dir, engine) = loading_fixture();
    let ids = cluster_ids(&engine);
    let path = dir.path().join("damaged.csv");
    let good: String = std::iter::once("cluster_id,link".to_string())
        .chain((0..12).map(|i| format!("{},\"link, no. {i}\"", ids[i % ids.len()])))
        .collect::<Vec<_>>()
        .join("\n");
    let strategy = prop::collection::vec(damage(), 1..4);
    check(64, strategy, |damages| {
        let mut bytes = good.clone().into_bytes();
        for damage in &damages {
            apply(&mut bytes, damage);
        }
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let before = chain_links(&engine);
        match load_links(&engine, &path, Mode::Append) {
            Ok(loaded) => {
                prop_assert_eq!(chain_links(&engine).len(), before.len() + loaded as usize);
                // Loaded rows are taken out again, for the next case.
                engine
                    .execute_batch(&format!(
                        "DELETE FROM chain_links WHERE link NOT IN ({})",
                        before
                            .iter()
                            .map(|(_, l)| clusterql::sql_quote::sql_string(l))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            Err(Error::LoadRejected(message)) => {
                let named = message.contains("damaged.csv") || message.starts_with("load rejected");
                prop_assert!(named, "{}", message);
                prop_assert_eq!(chain_links(&engine), before, "{}", message);
            }
            Err(other) => {
                return Err(TestCaseError::fail(format!(
                    "not a load rejection: {other}\n--- file ---\n{}",
                    String::from_utf8_lossy(&bytes)
                )));
            }
        }
        Ok(())
    });
}

/// Text in another encoding, read as the UTF-8 the user said it is, is
/// refused with the line and column of the first foreign byte, and GBK is
/// named. (Detected, GBK is read as GB18030: tests/load.rs.)
#[test]
fn foreign_encodings_are_refused_at_their_first_byte() {
    let (dir, engine) = loading_fixture();
    let path = dir.path().join("encoded.csv");
    let strategy = (0usize..5, 0usize..8, foreign_bytes());
    check(32, strategy, |(line, column, foreign)| {
        let mut bytes = b"cluster_id,link\n".to_vec();
        for row in 0..5 {
            let mut text = format!("N2022-00{},abcdefgh", row + 1).into_bytes();
            if row == line {
                let at = "N2022-001,".len() + column;
                text.splice(at..at, foreign.iter().copied());
            }
            bytes.extend(text);
            bytes.push(b'\n');
        }
        std::fs::write(&path, &bytes).map_err(|e| TestCaseError::fail(e.to_string()))?;
        match load_links_as(
            &engine,
            &path,
            Mode::Append,
            EncodingChoice(Some(encoding_rs::UTF_8)),
        ) {
            Err(Error::LoadRejected(message)) => {
                let position = format!(
                    "encoded.csv:{}:{}:",
                    line + 2,
                    "N2022-001,".len() + column + 1
                );
                prop_assert!(
                    message.contains(&position),
                    "{} lacks {}",
                    message,
                    position
                );
                if foreign[0] == 0xB2 {
                    prop_assert!(message.contains("GBK"), "{}", message);
                }
            }
            other => {
                return Err(TestCaseError::fail(format!("not refused: {:?}", other)));
            }
        }
        Ok(())
    });
}
