//! The command line as a user meets it: the real binary, real files.

mod common;

use common::{clusterql, clusterql_empty, run};

/// A result with every kind of value the formats must get right.
const TYPES_QUERY: &str = "SELECT * FROM (VALUES \
    (1, 12.50::DECIMAL(6,2), 0.1::DOUBLE, '杭州 \"萧山\", 区', DATE '2024-01-02', TIMESTAMP '2024-01-02 03:04:05.5', true, [1, 2], {'k': 'v'}, NULL::VARCHAR), \
    (-7, -0.05, 1e20, '', DATE '1999-12-31', TIMESTAMP '1999-12-31 23:59:59', false, [], {'k': NULL}, 'x')) \
    AS t(i, d, f, s, dt, ts, b, l, st, n)";

/// Many more values, for comparing our CSV with DuckDB's own writer.
const WIDE_QUERY: &str = "SELECT i, i * 1.5 AS half, i::DOUBLE / 7 AS seventh, 1e-7 * i AS tiny, \
    1e18 * i AS huge, 'v' || i AS s, CASE WHEN i % 3 = 0 THEN NULL ELSE 'a,b\"c' END AS quoted, \
    DATE '2020-01-01' + i::INTEGER AS dt, TIMESTAMP '2020-01-01' + INTERVAL (i) SECOND AS ts, \
    TIME '01:02:03.25' AS tm, i % 2 = 0 AS even, [i, NULL, i + 1] AS l, {'n': i, 's': 'x y'} AS st, \
    ['a b', '', 'it''s', NULL] AS ls, (i / 3)::DECIMAL(18, 3) AS dec, INTERVAL (i) DAY AS iv, \
    '中文' AS zh, -0.0::DOUBLE AS negzero, 'inf'::DOUBLE AS inf, 3.25::FLOAT AS fl, \
    12345678901234567890::HUGEINT AS hi, 'a\\x0Ab'::BLOB AS bl, MAP {'k': i} AS mp \
    FROM range(1, 200) AS r(i)";

#[test]
fn csv_cells_equal_duckdbs_own_csv_writer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let copy_path = dir.path().join("copy.csv");
    let copy_sql = format!(
        "COPY ({WIDE_QUERY}) TO '{}' (FORMAT csv, HEADER true)",
        copy_path.display()
    );
    let copied = run(clusterql_empty().args(["-c", &copy_sql]));
    assert_eq!(copied.code, 0, "{}", copied.stderr);
    let ours = run(clusterql_empty().args(["--format", "csv", "-c", WIDE_QUERY]));
    assert_eq!(ours.code, 0, "{}", ours.stderr);
    let theirs = std::fs::read_to_string(&copy_path).expect("COPY wrote the file");
    for (line, (a, b)) in ours.stdout.lines().zip(theirs.lines()).enumerate() {
        assert_eq!(a, b, "line {} differs", line + 1);
    }
    assert_eq!(ours.stdout.lines().count(), theirs.lines().count());
}

#[test]
fn an_sql_error_exits_1_with_one_line_naming_the_position() {
    let out = run(clusterql_empty().args(["-c", "select 1;\n  select * from no_such_table;"]));
    assert_eq!(out.code, 1);
    // The error's line, then the one line of its hint.
    let lines: Vec<&str> = out.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", out.stderr);
    assert!(lines[1].starts_with("hint: "), "{}", out.stderr);
    assert!(
        out.stderr.starts_with("error: -c:2:3: Catalog Error: "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("no_such_table"));
    // The statement before the error ran and printed.
    assert!(out.stdout.contains('1'));
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(run(clusterql().arg("--no-such-flag")).code, 2);
    let parquet_to_stdout = run(clusterql_empty().args(["--format", "parquet", "-c", "select 1"]));
    assert_eq!(parquet_to_stdout.code, 2);
    assert!(parquet_to_stdout.stderr.contains("-o"));
}

#[test]
fn success_exits_0_and_stdout_holds_only_results() {
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        "create table t(a int); insert into t values (1), (2); select sum(a) as s from t",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "s\n3\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn several_commands_print_in_order() {
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        "select 1 as a",
        "-c",
        "select 2 as b; select 3 as c",
    ]));
    assert_eq!(out.stdout, "a\n1\nb\n2\nc\n3\n");
}

/// A query shows its one column named `Count` however it starts: DuckDB
/// answers a statement without rows with a lone BIGINT `Count` (or BOOLEAN
/// `Success`), so the runner tells them apart by the statement's kind, and
/// a parenthesised query printed nothing while it was not counted as one.
#[test]
fn a_query_shows_a_column_named_count_however_it_starts() {
    for sql in [
        r#"(SELECT 1 AS "Count")"#,
        r#"(SELECT 1::BIGINT AS "Count")"#,
        r#"(SELECT count(*) AS "Count" FROM range(1))"#,
        r#"WITH t AS (SELECT 1::BIGINT AS "Count") SELECT * FROM t"#,
        r#"SELECT 1::BIGINT AS "Count""#,
    ] {
        let out = run(clusterql_empty().args(["-c", sql]));
        assert_eq!(out.code, 0, "{sql}: {}", out.stderr);
        assert!(
            out.stdout.contains("Count") && out.stdout.contains('1'),
            "{sql}: {}",
            out.stdout
        );
        let csv = run(clusterql_empty().args(["--format", "csv", "-c", sql]));
        assert_eq!(csv.stdout, "Count\n1\n", "{sql}");
    }
    // A statement without rows still prints nothing.
    let out =
        run(clusterql_empty().args(["-c", "create table t(a int); insert into t values (1)"]));
    assert_eq!((out.code, out.stdout.as_str()), (0, ""), "{}", out.stderr);
}

#[test]
fn readonly_refuses_writes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("ro.duckdb");
    let db = db.to_str().expect("utf-8 path");
    let created = run(clusterql().args([
        "--empty",
        db,
        "-c",
        "create table t(a int); insert into t values (1)",
    ]));
    assert_eq!(created.code, 0, "{}", created.stderr);
    let refused = run(clusterql().args(["--readonly", db, "-c", "insert into t values (2)"]));
    assert_eq!(refused.code, 1);
    assert!(
        refused.stderr.to_lowercase().contains("read-only"),
        "{}",
        refused.stderr
    );
    let read = run(clusterql().args([
        "--readonly",
        "--format",
        "csv",
        db,
        "-c",
        "select count(*) as n from t",
    ]));
    assert_eq!(read.stdout, "n\n1\n", "{}", read.stderr);
}

#[test]
fn output_file_format_follows_its_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let json = dir.path().join("r.json");
    let out = run(clusterql_empty().args([
        "-o",
        json.to_str().expect("path"),
        "-c",
        "select 1 as a, 'x' as b",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "");
    assert_eq!(
        std::fs::read_to_string(&json).expect("written"),
        "[{\"a\":1,\"b\":\"x\"}]\n"
    );
}

#[test]
fn parquet_is_written_by_duckdb_and_reads_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let parquet = dir.path().join("r.parquet");
    let parquet = parquet.to_str().expect("path");
    let out = run(clusterql_empty().args(["-o", parquet, "-c", TYPES_QUERY]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let direct = run(clusterql_empty().args(["--format", "csv", "-c", TYPES_QUERY]));
    let back = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        &format!("select * from '{parquet}'"),
    ]));
    assert_eq!(back.stdout, direct.stdout);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = common::clusterql_process()
        .args([
            "--empty",
            "--format",
            "csv",
            "-c",
            "select * from range(10000000)",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout);
    let output = child.wait_with_output().expect("exit");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

/// A database whose tables an earlier clusterql made (no panel columns):
/// its data and its own views stay reachable, with a warning.
#[test]
fn a_database_of_an_earlier_schema_still_opens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("old.duckdb");
    {
        let connection = duckdb::Connection::open(&db).expect("DuckDB creates the file");
        connection
            .execute_batch(
                "CREATE TABLE enterprises (enterprise_id VARCHAR, cluster_id VARCHAR);
                 INSERT INTO enterprises VALUES ('913301010010000001', 'N2022-001');
                 CREATE VIEW old_view AS SELECT count(*) AS n FROM enterprises;",
            )
            .expect("an old-style database");
    }
    let out = run(clusterql().args([
        db.to_str().expect("path"),
        "--format",
        "csv",
        "-c",
        "select n from old_view",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "n\n1\n");
    assert!(
        out.stderr
            .starts_with("warning: the view library was not installed"),
        "{}",
        out.stderr
    );
}

/// A database that holds this build's library, in this language, is opened
/// without a write; a view dropped by hand or another language brings the
/// library back in.
#[test]
fn a_database_holding_the_library_is_opened_without_a_write() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("own.duckdb");
    let db_arg = db.to_str().expect("path");
    let query = |args: &[&str], sql: &str| {
        let out = run(clusterql()
            .args(args)
            .args([db_arg, "--format", "csv", "-c", sql]));
        assert_eq!(out.code, 0, "{sql}: {}", out.stderr);
        out.stdout
    };
    query(&["--empty"], "select 1");
    let first = std::fs::read(&db).expect("the database file");
    assert_eq!(query(&[], "select 1"), "1\n1\n");
    assert!(
        std::fs::read(&db).expect("the database file") == first,
        "opening wrote to the file"
    );
    // Read-only, the stored views serve: no temporary copies.
    assert_eq!(
        query(
            &["--readonly"],
            "select count(*) as n from duckdb_views() where temporary and not internal"
        ),
        "n\n0\n"
    );
    query(&[], "drop view batches_compared");
    assert_eq!(
        query(
            &[],
            "select count(*) as n from duckdb_views() where view_name = 'batches_compared'"
        ),
        "n\n1\n"
    );
    let comment = "select comment from duckdb_views() where view_name = 'batches_compared'";
    let english = query(&[], comment);
    let chinese = query(&["--lang", "zh"], comment);
    assert_ne!(english, chinese);
    assert!(
        chinese
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{chinese}"
    );
}
