//! The roster's key at a size where DuckDB inserts on every core: an id
//! that repeats is refused whether the table starts empty (its key is
//! checked from the ids noted on their way in) or holds rows already (the
//! table is read back), from CSV and from Parquet, with and without the
//! credit-code check. The Parquet files are written by DuckDB's writer.

mod common;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use common::load_fixture::Fixture;

const ROWS: usize = 300_000;

/// The bundled database with no enterprises (nor their honors, which
/// refer to them), so that a roster load starts from an empty table.
fn without_enterprises() -> Fixture {
    let fx = Fixture::new();
    let out = fx.query("delete from enterprise_honors; delete from enterprises; select 1");
    assert_eq!(out.code, 0, "{}", out.stderr);
    fx
}

/// `ROWS` enterprises of N2022-001 as CSV text, the `i`-th (from 1)
/// keyed by `id(i)`.
fn roster(id: impl Fn(usize) -> String) -> String {
    roster_of(ROWS, id)
}

fn roster_of(rows: usize, id: impl Fn(usize) -> String) -> String {
    let mut text = String::from(
        "enterprise_id,cluster_id,name,size_class,is_sme,above_scale,in_leading_industry,\
         founded_year,employees,revenue_mn_cny,joined_year,left_year\n",
    );
    for i in 1..=rows {
        let _ = writeln!(
            text,
            "{},N2022-001,企业{i},small,true,false,true,2010,{},1.5,2022,",
            id(i),
            i % 300
        );
    }
    text
}

/// A valid credit code that the bundled roster does not hold.
fn code(i: usize) -> String {
    clusterql::generate::credit_codes::make('9', '1', "330102", i as u64 + 1)
}

/// The CSV file as Parquet, written by DuckDB.
fn as_parquet(fx: &Fixture, csv: &Path) -> PathBuf {
    let parquet = csv.with_extension("parquet");
    let out = fx.query(&format!(
        "copy (select * from read_csv('{}', all_varchar = true)) to '{}' (format parquet)",
        csv.display(),
        parquet.display()
    ));
    assert_eq!(out.code, 0, "{}", out.stderr);
    parquet
}

/// Loads `file`: refused for a repeated id, and nothing changed.
fn refused_as_repeated(fx: &Fixture, file: &Path, extra: &[&str], before: &str) {
    let out = fx.load(file, "enterprises", extra);
    assert_eq!(out.code, 4, "{}: {}", file.display(), out.stderr);
    assert!(
        out.stderr.contains("duplicate key enterprise_id"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);
}

fn enterprises(fx: &Fixture) -> String {
    let out =
        fx.query("select count(*) as n, count(distinct enterprise_id) as ids from enterprises");
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

#[test]
fn an_id_repeated_in_a_large_roster_is_refused_into_an_empty_table() {
    let fx = without_enterprises();
    let before = fx.counts();
    // The last record repeats the fifth's id: lines 6 and ROWS + 1.
    let repeated = roster(|i| code(if i == ROWS { 5 } else { i }));
    let csv = fx.file("roster.csv", repeated.as_bytes());
    let out = fx.load(&csv, "enterprises", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    let expected = format!(
        "roster.csv:6: duplicate key enterprise_id = '{}' within the loaded files (also at {}:{})",
        code(5),
        csv.display(),
        ROWS + 1
    );
    assert!(
        out.stderr.contains(&expected),
        "{expected:?} not in {}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);

    let parquet = as_parquet(&fx, &csv);
    refused_as_repeated(&fx, &parquet, &[], &before);
}

#[test]
fn an_id_repeated_without_the_code_check_is_refused_too() {
    let fx = without_enterprises();
    let before = fx.counts();
    let repeated = roster(|i| format!("ID{:016}", if i == ROWS { 7 } else { i }));
    let csv = fx.file("roster.csv", repeated.as_bytes());
    let parquet = as_parquet(&fx, &csv);
    for file in [&csv, &parquet] {
        refused_as_repeated(&fx, file, &["--no-id-check"], &before);
    }
}

#[test]
fn a_large_roster_loads_once_and_again_is_refused_as_already_there() {
    let fx = without_enterprises();
    let csv = fx.file("roster.csv", roster(code).as_bytes());
    let parquet = as_parquet(&fx, &csv);
    let out = fx.load(&parquet, "enterprises", &[]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let loaded = format!("n,ids\n{ROWS},{ROWS}\n");
    assert_eq!(enterprises(&fx), loaded);
    // The table holds them now: the same ids from the CSV file are no key
    // of their own.
    let before = fx.counts();
    let out = fx.load(&csv, "enterprises", &[]);
    assert_eq!(out.code, 4, "{}", out.stderr);
    assert!(
        out.stderr.contains("already in enterprises"),
        "{}",
        out.stderr
    );
    assert_eq!(fx.counts(), before);
    // Replacing them starts from an empty table again.
    let out = fx.load(&csv, "enterprises", &["--replace"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(enterprises(&fx), loaded);
}

#[test]
fn an_id_repeated_in_a_small_parquet_file_is_refused() {
    // Two ids, three rows each, in a small file, whose ids DuckDB's writer
    // keeps as a dictionary: each row counts however the reader hands them
    // over (the watch is volatile so that DuckDB calls it on every row).
    let fx = without_enterprises();
    let before = fx.counts();
    let csv = fx.file("few.csv", roster_of(6, |i| code(i % 2)).as_bytes());
    let parquet = as_parquet(&fx, &csv);
    for extra in [&[][..], &["--no-id-check"][..]] {
        refused_as_repeated(&fx, &parquet, extra, &before);
    }
}
