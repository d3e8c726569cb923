//! The view library under SQL logic tests: each `tests/slt/*.slt` file
//! runs on a fresh database, the fixture files on empty tables they fill
//! with hand-made rows (expected answers worked out by hand in their
//! comments), `bundled_*.slt` on the bundled dataset.
//!
//! The files use the portable subset of the sqllogictest format:
//! `statement ok`, `statement error`, and `query <types> [rowsort]` with the
//! expected rows after `----`, one row a line, values separated by one
//! space, NULL as `NULL` and the empty string as `(empty)`. The runner is
//! ours: the sqllogictest crate's proc-macros change the features of
//! crates that DuckDB's build script shares, which would compile DuckDB a
//! second time for the tests.

use std::path::Path;

use clusterql::engine::{Engine, EngineOptions};
use clusterql::open;
use clusterql::render::CellWriter;

/// One record of an .slt file.
#[derive(Debug)]
enum Record {
    Statement {
        line: usize,
        sql: String,
        expect_error: bool,
    },
    Query {
        line: usize,
        sql: String,
        rowsort: bool,
        expected: Vec<String>,
    },
}

fn parse(text: &str) -> Vec<Record> {
    let mut records = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let header = lines[i].trim();
        let start = i + 1;
        i += 1;
        if header.is_empty() || header.starts_with('#') {
            continue;
        }
        let mut sql = Vec::new();
        while i < lines.len() && !lines[i].trim().is_empty() && lines[i].trim() != "----" {
            sql.push(lines[i]);
            i += 1;
        }
        let sql = sql.join("\n");
        let words: Vec<&str> = header.split_whitespace().collect();
        match words.as_slice() {
            ["statement", outcome] => {
                records.push(Record::Statement {
                    line: start,
                    sql,
                    expect_error: *outcome == "error",
                });
            }
            ["query", _types, rest @ ..] => {
                let mut expected = Vec::new();
                if i < lines.len() && lines[i].trim() == "----" {
                    i += 1;
                    while i < lines.len() && !lines[i].trim().is_empty() {
                        expected.push(lines[i].trim_end().to_string());
                        i += 1;
                    }
                }
                records.push(Record::Query {
                    line: start,
                    sql,
                    rowsort: rest.contains(&"rowsort"),
                    expected,
                });
            }
            _ => panic!("line {start}: unknown record '{header}'"),
        }
    }
    records
}

/// Runs `sql` and returns its rows, each as its values joined by spaces.
fn rows(engine: &Engine, sql: &str) -> Result<Vec<String>, String> {
    let query = engine.query(sql).map_err(|e| e.to_string())?;
    let mut rows = Vec::new();
    while let Some(batch) = query.next_batch().map_err(|e| e.to_string())? {
        let columns: Vec<CellWriter<'_>> = batch.columns().iter().map(CellWriter::new).collect();
        for row in 0..batch.num_rows() {
            let values: Vec<String> = columns
                .iter()
                .map(|column| {
                    let mut text = String::new();
                    if column.is_null(row) {
                        text.push_str("NULL");
                    } else {
                        column.write(row, &mut text);
                        if text.is_empty() {
                            text.push_str("(empty)");
                        }
                    }
                    text
                })
                .collect();
            rows.push(values.join(" "));
        }
    }
    Ok(rows)
}

fn run_file(path: &Path) {
    let name = path.display();
    let text = std::fs::read_to_string(path).expect("readable slt file");
    let empty = !path
        .file_name()
        .is_some_and(|file| file.to_string_lossy().starts_with("bundled_"));
    let engine =
        open::open_configured(&EngineOptions::default(), empty, &[]).expect("database opens");
    for record in parse(&text) {
        match record {
            Record::Statement {
                line,
                sql,
                expect_error,
            } => {
                let result = rows(&engine, &sql);
                match (result, expect_error) {
                    (Ok(_), false) | (Err(_), true) => {}
                    (Ok(_), true) => panic!("{name}:{line}: statement should have failed"),
                    (Err(error), false) => panic!("{name}:{line}: statement failed: {error}"),
                }
            }
            Record::Query {
                line,
                sql,
                rowsort,
                mut expected,
            } => {
                let mut actual = rows(&engine, &sql)
                    .unwrap_or_else(|e| panic!("{name}:{line}: query failed: {e}"));
                if rowsort {
                    actual.sort();
                    expected.sort();
                }
                assert_eq!(actual, expected, "{name}:{line}: rows differ");
            }
        }
    }
}

#[test]
fn view_library_sql_tests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/slt");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/slt exists")
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "slt"))
        .collect();
    files.sort();
    assert!(files.len() >= 3, "expected slt files in {}", dir.display());
    for file in files {
        run_file(&file);
    }
}

#[test]
fn the_runner_notices_a_wrong_answer() {
    let engine =
        open::open_configured(&EngineOptions::default(), true, &[]).expect("database opens");
    assert_eq!(
        rows(&engine, "select 1, NULL, ''").expect("runs"),
        ["1 NULL (empty)"]
    );
    let records = parse("query I\nselect 1\n----\n2\n");
    let Record::Query { expected, .. } = &records[0] else {
        panic!("a query record")
    };
    assert_ne!(rows(&engine, "select 1").expect("runs"), *expected);
}
