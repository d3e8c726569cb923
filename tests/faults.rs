//! Faults from outside: output that cannot be written, database files that
//! are not what they claim, and inputs of unusual size. Each gets a clear
//! error and an honest exit code, and nothing is left half-done.

mod common;

use std::path::Path;
use std::process::Command;

use common::{clusterql_empty, run};

/// Files in `dir`, hidden ones included, sorted.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_full_disk_is_an_error_with_exit_1() {
    let out = run(clusterql_empty().args([
        "-o",
        "/dev/full",
        "--format",
        "csv",
        "-c",
        "select range from range(100000)",
    ]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert_eq!(
        out.stderr.trim(),
        "error: /dev/full: No space left on device (os error 28)"
    );
}

/// The output file grows past the file size limit half-way through: the
/// error names the file, and the older file of that name is kept whole.
#[test]
fn an_export_cut_short_leaves_the_old_file_and_no_partial_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("export.csv");
    std::fs::write(&target, "the previous export\n").expect("write");
    // A shell sets the limit (in 512- or 1024-byte blocks) and ignores the
    // signal, so that the write fails with EFBIG as on a full disk.
    let status = Command::new("sh")
        .args([
            "-c",
            "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\"",
            env!("CARGO_BIN_EXE_clusterql"),
            "--empty",
            "-o",
            target.to_str().expect("path"),
            "-c",
            "select range, 'row ' || range from range(1000000)",
        ])
        .env("HOME", std::env::temp_dir())
        .output()
        .expect("run under sh");
    let stderr = String::from_utf8_lossy(&status.stderr);
    assert_eq!(status.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!("error: {}: File too large", target.display())),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&target).expect("old file"),
        "the previous export\n"
    );
    assert_eq!(listing(dir.path()), ["export.csv"]);
}

#[test]
fn a_failing_batch_leaves_no_output_file_and_a_finished_one_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (format, name) in [("csv", "r.csv"), ("parquet", "r.parquet")] {
        let target = dir.path().join(name);
        let target = target.to_str().expect("path");
        let failed = run(clusterql_empty().args([
            "-o",
            target,
            "-c",
            "select 42 as answer",
            "-c",
            "create table t as select nope",
        ]));
        assert_eq!(failed.code, 1, "{format}: {}", failed.stderr);
        assert!(
            listing(dir.path()).is_empty(),
            "{format}: {:?}",
            listing(dir.path())
        );
        let kept = run(clusterql_empty().args([
            "-o",
            target,
            "--keep-going",
            "-c",
            "select 42 as answer",
            "-c",
            "create table t as select nope",
        ]));
        assert_eq!(kept.code, 1, "{format}: {}", kept.stderr);
        assert_eq!(listing(dir.path()), [name], "{format}");
        let back = run(clusterql_empty().args([
            "--format",
            "csv",
            "-c",
            &format!("select * from read_{format}('{target}')"),
        ]));
        assert_eq!(back.stdout, "answer\n42\n", "{format}: {}", back.stderr);
        std::fs::remove_file(target).expect("remove");
    }
}

#[test]
fn an_unwritable_output_path_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "not a folder").expect("write");
    let below_a_file = file.join("out.csv");
    let missing_folder = dir.path().join("missing").join("out.csv");
    for (target, reason) in [
        (below_a_file, "Not a directory"),
        (missing_folder, "No such file or directory"),
    ] {
        let out =
            run(clusterql_empty().args(["-o", target.to_str().expect("path"), "-c", "select 1"]));
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(
            out.stderr
                .starts_with(&format!("error: {}: {reason}", target.display())),
            "{}",
            out.stderr
        );
    }
    assert_eq!(listing(dir.path()), ["plain.txt"]);
}

#[test]
fn a_file_that_is_not_a_database_is_named_and_left_alone() {
    let dir = tempfile::tempdir().expect("temp dir");
    let csv = dir.path().join("roster.duckdb");
    std::fs::write(&csv, "cluster_id,name\nN2022-001,x\n").expect("write");
    for readonly in [false, true] {
        let mut command = clusterql_empty();
        if readonly {
            command.arg("--readonly");
        }
        let out = run(command.args([csv.to_str().expect("path"), "-c", "select 1"]));
        assert_eq!(out.code, 1, "{}", out.stderr);
        assert!(
            out.stderr.starts_with(&format!(
                "error: {}: not a DuckDB database file",
                csv.display()
            )),
            "{}",
            out.stderr
        );
    }
    assert_eq!(
        std::fs::read_to_string(&csv).expect("still there"),
        "cluster_id,name\nN2022-001,x\n"
    );
    assert_eq!(listing(dir.path()), ["roster.duckdb"]);
}

/// DuckDB's main header: a checksum of the rest of its 4096-byte block,
/// then the magic bytes and the storage version.
fn set_storage_version(path: &Path, version: u64) {
    let mut bytes = std::fs::read(path).expect("read db");
    assert_eq!(&bytes[8..12], b"DUCK", "not a DuckDB file");
    bytes[12..20].copy_from_slice(&version.to_le_bytes());
    let mut checksum: u64 = 5381;
    for word in bytes[8..4096].chunks_exact(8) {
        let value = u64::from_le_bytes(word.try_into().expect("8 bytes"));
        checksum ^= value.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    }
    bytes[0..8].copy_from_slice(&checksum.to_le_bytes());
    std::fs::write(path, bytes).expect("write db");
}

#[test]
fn a_database_from_a_newer_duckdb_gets_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("future.duckdb");
    let db_arg = db.to_str().expect("path");
    let made = run(clusterql_empty().args([db_arg, "-c", "create table t as select 1 as x"]));
    assert_eq!(made.code, 0, "{}", made.stderr);
    // The file as made opens; only the version number changes below.
    set_storage_version(&db, 68);
    let same = run(clusterql_empty().args(["--readonly", db_arg, "-c", "select x from t"]));
    assert_eq!(same.code, 0, "{}", same.stderr);
    set_storage_version(&db, 99);
    let before = std::fs::read(&db).expect("read");
    let out = run(clusterql_empty().args([db_arg, "-c", "select x from t"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.starts_with(&format!(
            "error: {}: written by a newer DuckDB than clusterql's",
            db.display()
        )) && out.stderr.contains("storage version number 99"),
        "{}",
        out.stderr
    );
    assert_eq!(std::fs::read(&db).expect("read"), before);
}

/// One statement of several megabytes on one line, and a row of 2,000
/// columns: both run and print whole.
#[test]
fn very_long_lines_and_wide_rows_print_whole() {
    let long_text = "长".repeat(2_000_000);
    let statement = format!("select length('{long_text}') as n, '{long_text}' as t");
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("long.sql");
    std::fs::write(&script, &statement).expect("write");
    let out =
        run(clusterql_empty().args(["--format", "csv", "-f", script.to_str().expect("path")]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, format!("n,t\n2000000,{long_text}\n"));

    let columns: Vec<String> = (0..2_000).map(|i| format!("{i} as c{i}")).collect();
    let wide = format!("select {}", columns.join(", "));
    for format in ["table", "csv", "json", "line", "markdown"] {
        let out = run(clusterql_empty().args(["--format", format, "-c", &wide]));
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(
            out.stdout.contains("c1999") && out.stdout.contains("1999"),
            "{format} lost columns"
        );
    }
}

#[test]
fn an_output_through_a_symbolic_link_keeps_the_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.csv");
    let link = dir.path().join("latest.csv");
    std::fs::write(&real, "old\n").expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let out = run(clusterql_empty().args([
        "-o",
        link.to_str().expect("path"),
        "-c",
        "select 1 as fresh",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).expect("real"), "fresh\n1\n");
}

/// Ctrl-C in the middle of an export: exit 130, and neither the file nor
/// its temporary stays behind.
#[test]
fn an_interrupted_export_leaves_no_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("big.csv");
    // Killed when the test ends, whatever happens: it would write for minutes.
    struct Running(std::process::Child);
    impl Drop for Running {
        fn drop(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
    let mut child = Running(
        common::clusterql_process()
            .args([
                "--empty",
                "-o",
                target.to_str().expect("path"),
                "-c",
                "select range, 'row ' || range from range(1000000000)",
            ])
            .env("HOME", std::env::temp_dir())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn"),
    );
    // Wait until the temporary file has data, so the export is under way.
    let started = std::time::Instant::now();
    let partial = loop {
        let found = std::fs::read_dir(dir.path())
            .expect("read dir")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.metadata().is_ok_and(|m| m.len() > 0));
        if let Some(path) = found {
            break path;
        }
        assert!(started.elapsed().as_secs() < 60, "the export never started");
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_ne!(partial, target, "rows went straight into the final name");
    let killed = Command::new("kill")
        .args(["-INT", &child.0.id().to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    let status = child.0.wait().expect("exit");
    let mut stderr = String::new();
    if let Some(mut pipe) = child.0.stderr.take() {
        std::io::Read::read_to_string(&mut pipe, &mut stderr).expect("stderr");
    }
    assert_eq!(status.code(), Some(130), "{stderr}");
    assert_eq!(stderr, "error: interrupted\n");
    assert!(listing(dir.path()).is_empty(), "{:?}", listing(dir.path()));
}
