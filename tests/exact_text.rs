//! Every cell equals what DuckDB's own writers write: each statement of
//! `tests/corpus/types.sql` (every DuckDB type, nested and NULL) runs
//! through the clusterql binary as csv, tsv, json and jsonl, and through
//! `COPY (…) TO … (FORMAT csv / json)` of the same engine, and the texts
//! must be equal.

mod common;

use std::path::Path;

use common::{clusterql_empty, run};

const CORPUS: &str = include_str!("corpus/types.sql");

/// The corpus' statements: one a line, `--` lines are comments.
fn statements() -> Vec<&'static str> {
    CORPUS
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("--"))
        .collect()
}

/// What DuckDB's COPY writes for `sql` with `options`.
fn duckdb_writes(connection: &duckdb::Connection, dir: &Path, sql: &str, options: &str) -> String {
    let file = dir.join("reference");
    let copy = format!(
        "COPY (\n{sql}\n) TO '{}' ({options})",
        file.display().to_string().replace('\'', "''")
    );
    connection
        .execute_batch(&copy)
        .unwrap_or_else(|e| panic!("DuckDB refuses the corpus statement {sql}: {e}"));
    std::fs::read_to_string(&file).expect("COPY wrote its file")
}

/// What clusterql prints for `sql` in `format`.
fn clusterql_writes(sql: &str, format: &str) -> Result<String, String> {
    let out = run(clusterql_empty().args(["--format", format, "-c", sql]));
    if out.code != 0 {
        return Err(format!("exit {}: {}", out.code, out.stderr.trim()));
    }
    Ok(out.stdout)
}

/// DuckDB's JSON writer puts one object a line; our `json` is an array of
/// the same objects.
fn as_json_array(lines: &str) -> String {
    let objects: Vec<&str> = lines.lines().collect();
    format!("[{}]\n", objects.join(",\n"))
}

#[test]
fn corpus_is_large_and_covers_every_type() {
    let statements = statements();
    assert!(statements.len() >= 300, "{} statements", statements.len());
    let corpus = CORPUS.to_ascii_uppercase();
    for type_name in [
        "HUGEINT",
        "UHUGEINT",
        "DECIMAL(4",
        "DECIMAL(9",
        "DECIMAL(18",
        "DECIMAL(38",
        "FLOAT",
        "DOUBLE",
        "INTERVAL",
        "TIMESTAMPTZ",
        "TIMETZ",
        "TIMESTAMP_NS",
        "TIMESTAMP_MS",
        "TIMESTAMP_S",
        "BLOB",
        "BIT",
        "UUID",
        "ENUM",
        "MAP",
        "UNION",
        "STRUCT",
        "ROW(",
        "[]",
        "NULL",
    ] {
        assert!(corpus.contains(type_name), "no statement uses {type_name}");
    }
}

/// The formats compared, with the COPY options that make DuckDB write each.
const FORMATS: [(&str, &str); 4] = [
    ("csv", "FORMAT csv"),
    ("tsv", "FORMAT csv, DELIMITER '\t'"),
    ("jsonl", "FORMAT json"),
    ("json", "FORMAT json"),
];

fn expected_text(connection: &duckdb::Connection, dir: &Path, sql: &str, format: &str) -> String {
    let options = FORMATS
        .iter()
        .find(|(name, _)| *name == format)
        .map(|(_, options)| *options)
        .expect("a compared format");
    let text = duckdb_writes(connection, dir, sql, options);
    if format == "json" {
        as_json_array(&text)
    } else {
        text
    }
}

/// The whole corpus runs as one script per format, whose output is the
/// results one after the other; only when that differs does each statement
/// run alone, to name the ones that differ.
#[test]
fn every_cell_equals_duckdbs_own_writers() {
    let connection = duckdb::Connection::open_in_memory().expect("DuckDB opens");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let statements = statements();
    let script = dir.path().join("corpus.sql");
    std::fs::write(&script, statements.join(";\n") + ";\n").expect("write the script");
    let mut differences = Vec::new();
    for (format, _) in FORMATS {
        let expected: String = statements
            .iter()
            .map(|sql| expected_text(&connection, dir.path(), sql, format))
            .collect();
        let out = run(clusterql_empty()
            .args(["--format", format, "-f"])
            .arg(&script));
        if out.code == 0 && out.stdout == expected {
            continue;
        }
        for sql in &statements {
            let expected = expected_text(&connection, dir.path(), sql, format);
            match clusterql_writes(sql, format) {
                Ok(actual) if actual == expected => {}
                Ok(actual) => differences.push(format!(
                    "{format} of {sql}\n  DuckDB:    {expected:?}\n  clusterql: {actual:?}"
                )),
                Err(error) => differences.push(format!("{format} of {sql}: {error}")),
            }
        }
    }
    assert!(
        differences.is_empty(),
        "{} of {} outputs differ from DuckDB's writers:\n{}",
        differences.len(),
        statements.len() * FORMATS.len(),
        differences
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
