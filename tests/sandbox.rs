//! `--sandbox` and `--readonly` against the ways out that DuckDB offers:
//! each attempt must fail with a clear error and change nothing.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{clusterql, run};

/// A folder with a file to read, and a snapshot of what is in it.
struct Outside {
    dir: tempfile::TempDir,
}

impl Outside {
    fn new() -> Outside {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("secret.csv"), "a\n1\n").expect("write csv");
        Outside { dir }
    }

    fn path(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }

    /// Every file below the folder with its content.
    fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        fn walk(dir: &Path, into: &mut BTreeMap<PathBuf, Vec<u8>>) {
            for entry in std::fs::read_dir(dir).expect("read dir").flatten() {
                let path = entry.path();
                if path.is_dir() {
                    into.insert(path.clone(), Vec::new());
                    walk(&path, into);
                } else {
                    into.insert(path.clone(), std::fs::read(&path).expect("read"));
                }
            }
        }
        let mut files = BTreeMap::new();
        walk(self.dir.path(), &mut files);
        files
    }
}

/// Runs one attempt and checks that it failed with an error naming the
/// statement and containing `reason`.
fn refused(args: &[&str], sql: &str, reason: &str) {
    let out = run(clusterql().args(args).args(["-c", sql]));
    assert_eq!(
        out.code, 1,
        "let through with {args:?}: {sql}\n{}",
        out.stdout
    );
    assert!(
        out.stderr.starts_with("error: -c:1:") && out.stderr.contains(reason),
        "{sql}: expected an error with {reason:?}, got: {}",
        out.stderr
    );
    assert_eq!(out.stdout, "", "{sql} printed results");
}

#[test]
fn sandbox_refuses_every_way_to_files_and_keeps_them_unchanged() {
    let outside = Outside::new();
    let before = outside.snapshot();
    let secret = outside.path("secret.csv");
    let file = |name: &str| outside.path(name);
    let denied = "Permission Error";
    let attempts: Vec<(String, &str)> = vec![
        // Every reader, and the replacement scan of a bare file name.
        (format!("select * from read_csv('{secret}')"), denied),
        (format!("select * from read_csv_auto('{secret}')"), denied),
        (format!("select * from '{secret}'"), denied),
        (format!("select * from read_json('{secret}')"), denied),
        (format!("select * from read_parquet('{secret}')"), denied),
        (
            format!("select * from parquet_metadata('{secret}')"),
            denied,
        ),
        (format!("select * from read_text('{secret}')"), denied),
        (format!("select * from read_blob('{secret}')"), denied),
        (format!("select * from sniff_csv('{secret}')"), denied),
        (format!("select * from glob('{}/*')", file("")), denied),
        // A path that climbs out of the one folder the sandbox allows.
        (
            format!(
                "select * from read_csv('{}/../../../../../../{secret}')",
                common::data_dir().display()
            ),
            denied,
        ),
        // Writing.
        (format!("copy (select 1) to '{}'", file("out.csv")), denied),
        (
            format!(
                "copy (select 1) to '{}' (format parquet)",
                file("out.parquet")
            ),
            denied,
        ),
        (format!("export database '{}'", file("export")), denied),
        (format!("import database '{}'", file("export")), denied),
        (
            format!("create temp table t (a int); copy t from '{secret}'",),
            denied,
        ),
        // Other databases and extensions.
        (
            format!("attach '{}' as other", file("other.duckdb")),
            denied,
        ),
        ("install httpfs".to_string(), denied),
        (format!("load '{}'", file("evil.duckdb_extension")), denied),
        // Secrets live in files.
        (
            "create secret s (type s3, key_id 'k', secret 'v')".to_string(),
            denied,
        ),
        (
            "create persistent secret p (type s3, key_id 'k', secret 'v')".to_string(),
            denied,
        ),
        ("select * from duckdb_secrets()".to_string(), denied),
        // The environment.
        ("select getenv('HOME')".to_string(), "getenv does not exist"),
    ];
    for (sql, reason) in &attempts {
        refused(&["--sandbox"], sql, reason);
    }
    assert_eq!(
        outside.snapshot(),
        before,
        "a sandboxed statement touched files"
    );
}

#[test]
fn sandbox_settings_and_pragmas_are_locked() {
    let outside = Outside::new();
    let before = outside.snapshot();
    let attempts = [
        "set enable_external_access = true".to_string(),
        "set lock_configuration = false".to_string(),
        "reset lock_configuration".to_string(),
        format!("set allowed_directories = ['{}']", outside.path("")),
        format!("set allowed_paths = ['{}']", outside.path("secret.csv")),
        format!("set temp_directory = '{}'", outside.path("tmp")),
        format!("set extension_directory = '{}'", outside.path("ext")),
        format!("set secret_directory = '{}'", outside.path("secrets")),
        format!("set home_directory = '{}'", outside.path("")),
        format!("set profiling_output = '{}'", outside.path("profile.json")),
        "pragma enable_profiling".to_string(),
        "pragma threads = 1".to_string(),
        "call enable_logging()".to_string(),
    ];
    for sql in &attempts {
        refused(&["--sandbox"], sql, "the configuration has been locked");
    }
    // Failed attempts leave the sandbox as it was, within one run too.
    let out = run(clusterql().args([
        "--sandbox",
        "--keep-going",
        "--format",
        "csv",
        "-c",
        "set enable_external_access = true",
        "-c",
        "set lock_configuration = false",
        "-c",
        "select current_setting('enable_external_access') as external, \
         current_setting('lock_configuration') as locked",
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(out.stdout, "external,locked\nfalse,true\n");
    assert_eq!(outside.snapshot(), before);
}

#[test]
fn sandbox_holds_against_a_database_file_someone_else_made() {
    let outside = Outside::new();
    let db = outside.path("shared.duckdb");
    // Without the sandbox a view may read any file; its author chose which.
    let made = run(clusterql().args([
        "--empty",
        &db,
        "-c",
        &format!(
            "create view leak as select * from read_csv('{}'); \
             create macro peek() as table select * from read_text('/etc/hostname')",
            outside.path("secret.csv")
        ),
    ]));
    assert_eq!(made.code, 0, "{}", made.stderr);
    refused(
        &["--sandbox", &db],
        "select * from leak",
        "Permission Error",
    );
    refused(
        &["--sandbox", &db],
        "select * from peek()",
        "Permission Error",
    );
    // The bundled data stays readable inside the sandbox.
    let bundled = run(clusterql().args([
        "--sandbox",
        "--format",
        "csv",
        "-c",
        "select count(*) > 0 as ok from enterprises",
    ]));
    assert_eq!(bundled.stdout, "ok\ntrue\n", "{}", bundled.stderr);
}

#[test]
fn readonly_database_cannot_be_changed_by_any_statement() {
    let outside = Outside::new();
    let db = outside.path("kept.duckdb");
    let made = run(clusterql().args(["--empty", &db, "-c", "create table kept as select 42 as x"]));
    assert_eq!(made.code, 0, "{}", made.stderr);
    let before = outside.snapshot();
    let read_only = "read-only mode";
    let attempts = [
        ("create table t (x int)".to_string(), read_only),
        ("insert into kept values (1)".to_string(), read_only),
        ("update kept set x = 1".to_string(), read_only),
        ("delete from kept".to_string(), read_only),
        ("drop table kept".to_string(), read_only),
        ("alter table kept add column y int".to_string(), read_only),
        ("create view v as select 1".to_string(), read_only),
        ("create macro m() as 1".to_string(), read_only),
        ("create sequence s".to_string(), read_only),
        ("comment on table kept is 'changed'".to_string(), read_only),
        (
            format!("copy kept from '{}'", outside.path("secret.csv")),
            read_only,
        ),
        // A second, writable handle on the same file.
        (
            format!("attach '{db}' as again (read_only false)"),
            "already attached",
        ),
        (
            "set access_mode = 'read_write'".to_string(),
            "Cannot change access_mode",
        ),
    ];
    for (sql, reason) in &attempts {
        refused(&["--readonly", &db], sql, reason);
    }
    // Also when both protections are on.
    refused(
        &["--readonly", "--sandbox", &db],
        "delete from kept",
        read_only,
    );
    assert_eq!(outside.snapshot(), before, "--readonly changed a file");
}

#[test]
fn sandbox_lets_duckdb_write_the_parquet_result_and_nothing_else() {
    let outside = Outside::new();
    let result = outside.path("result.parquet");
    let out = run(clusterql().args([
        "--sandbox",
        "--empty",
        "-o",
        &result,
        "-c",
        "select 42 as answer",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The same run may not write anywhere else.
    refused(
        &["--sandbox", "--empty", "-o", &result],
        &format!("copy (select 1) to '{}'", outside.path("other.csv")),
        "Permission Error",
    );
    let back = run(clusterql().args([
        "--empty",
        "--format",
        "csv",
        "-c",
        &format!("select * from '{result}'"),
    ]));
    assert_eq!(back.stdout, "answer\n42\n", "{}", back.stderr);
    let mut names: Vec<String> = outside
        .snapshot()
        .keys()
        .map(|p| p.display().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [outside.path("result.parquet"), outside.path("secret.csv")]
    );
}
