//! The batch runner: query files, stdin scripts, variables, errors and
//! `--keep-going`, as a scheduled job meets them.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};

use common::{clusterql, clusterql_empty, run};

fn script(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write script");
    path.to_str().expect("utf-8 path").to_string()
}

#[test]
fn a_query_file_runs_every_statement_in_order() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = script(
        &dir,
        "q.sql",
        "-- a saved job\ncreate table t as select 2 as a;\nselect a * 10 as x from t;\n/* done; */ select 'last;' as y",
    );
    let out = run(clusterql_empty().args(["--format", "csv", "-f", &file]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "x\n20\ny\nlast;\n");
    let via_run = run(clusterql_empty().args(["--format", "csv", "run", &file]));
    assert_eq!(via_run.stdout, out.stdout);
}

#[test]
fn commands_and_files_mix_in_the_order_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = script(&dir, "b.sql", "select 'file' as source;");
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "-c",
        "select 'first' as source",
        "-f",
        &file,
        "-c",
        "select 'last' as source",
    ]));
    assert_eq!(out.stdout, "source\nfirst\nsource\nfile\nsource\nlast\n");
}

#[test]
fn an_error_in_a_file_names_its_line_and_column_and_stops() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = script(
        &dir,
        "bad.sql",
        "select 1 as a;\n\n   select nope from nowhere;\nselect 3 as c;\n",
    );
    let out = run(clusterql_empty().args(["--format", "csv", "-f", &file]));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.starts_with(&format!("error: {file}:3:4: ")),
        "{}",
        out.stderr
    );
    assert_eq!(out.stdout, "a\n1\n", "the batch stops at the first error");
}

#[test]
fn keep_going_reports_each_error_and_still_fails() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = script(
        &dir,
        "bad.sql",
        "select nope;\nselect 2 as b;\nselect also_nope;\nselect 4 as d;\n",
    );
    let out = run(clusterql_empty().args(["--keep-going", "--format", "csv", "-f", &file]));
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "b\n2\nd\n4\n");
    let errors: Vec<&str> = out.stderr.lines().collect();
    assert!(
        errors[0].starts_with(&format!("error: {file}:1:1: ")),
        "{}",
        out.stderr
    );
    assert!(
        errors[1].starts_with(&format!("error: {file}:3:1: ")),
        "{}",
        out.stderr
    );
    assert_eq!(errors[2], "error: 2 statements failed");
}

#[test]
fn a_script_on_stdin_runs_when_stdin_is_not_a_terminal() {
    let mut child = common::clusterql_process()
        .args(["--empty", "--format", "csv"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"select 1 as a;\r\nselect 'b;' as b\r\n")
        .expect("write stdin");
    let output = child.wait_with_output().expect("exit");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&output.stdout), "a\n1\nb\nb;\n");
}

#[test]
fn variables_are_values_not_sql() {
    let out = run(clusterql_empty().args([
        "--format",
        "csv",
        "--var",
        "province=Zhejiang",
        "--var",
        "sneaky='); drop table x; --",
        "-c",
        "select getvariable('province') as p, getvariable('sneaky') as s",
    ]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "p,s\nZhejiang,'); drop table x; --\n");
    assert_eq!(
        run(clusterql_empty().args(["--var", "no value", "-c", "select 1"])).code,
        2
    );
}

#[test]
fn the_example_query_files_run_on_the_bundled_data() {
    let example = |file: &str, extra: &[&str]| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(file);
        let out = run(clusterql()
            .args(["--format", "csv"])
            .args(extra)
            .args(["-f", path.to_str().expect("path")]));
        assert_eq!(out.code, 0, "{file}: {}", out.stderr);
        out.stdout
    };
    let ranking = example("province_ranking.sql", &[]);
    assert!(
        ranking.starts_with("province,clusters,total_output_bn_cny"),
        "{ranking}"
    );
    assert!(ranking.lines().count() > 20);
    let pyramid = example("province_pyramid.sql", &["--var", "province=Zhejiang"]);
    assert!(
        pyramid.contains("2022,national,2022,innovative_sme,"),
        "{pyramid}"
    );
    // One report year: each tier of a batch once.
    assert_eq!(
        pyramid
            .matches("national,2022,manufacturing_champion,")
            .count(),
        1,
        "{pyramid}"
    );
    let compared = example("batches_compared.sql", &[]);
    // A hundred in each batch; the 2022 batch keeps those that passed its
    // review, the 2025 review's published count (claim R03).
    let reviewed = run(clusterql().args([
        "--format",
        "csv",
        "-c",
        "select published_value::INTEGER as n from briefing_claims where claim_id = 'R03'",
    ]))
    .stdout
    .lines()
    .nth(1)
    .expect("R03 is a claim")
    .to_string();
    assert!(
        compared.contains(&format!("clusters,100.0,100.0,100.0,100.0,{reviewed}.0\n")),
        "{compared}"
    );
    assert!(
        compared.contains("region,clusters_2022,clusters_2023,clusters_2024,clusters_2025"),
        "{compared}"
    );
}

#[test]
fn an_interrupted_batch_exits_130() {
    let child = common::clusterql_process()
        .args(["--empty", "-c", "select count(*) from range(100000000000)"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let status = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success());
    let output = child.wait_with_output().expect("exit");
    assert_eq!(output.status.code(), Some(130));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "error: interrupted\n"
    );
}

#[test]
fn check_exits_3_and_names_the_claim_when_a_figure_changes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("copy.duckdb");
    let db = db.to_str().expect("path");
    let holds = run(clusterql().args(["--db", db, "--format", "csv", "check"]));
    assert_eq!(holds.code, 0, "{}", holds.stderr);
    assert_eq!(
        holds.stdout.matches(",holds\n").count(),
        common::checked_claims(),
        "{}",
        holds.stdout
    );
    assert_eq!(holds.stdout.matches(",erratum\n").count(), 1);
    // The erratum is not checked: changing it changes nothing.
    let erratum = run(clusterql().args(["--db", db, "-c", "update briefing_claims set published_value = 999999 where source_key = 'scio-2023-04-20-en'"]));
    assert_eq!(erratum.code, 0, "{}", erratum.stderr);
    assert_eq!(run(clusterql().args(["--db", db, "check"])).code, 0);
    // A published figure of the June update that the data does not give.
    let june = run(clusterql().args(["--db", db, "-c", "update briefing_claims set published_value = 75 where source_key = 'cctv-2023-06' and claim_id = 'J03'"]));
    assert_eq!(june.code, 0, "{}", june.stderr);
    let fails = run(clusterql().args(["--db", db, "--format", "csv", "check"]));
    assert_eq!(fails.code, 3);
    assert!(
        fails.stderr.contains("J03 (cctv-2023-06)"),
        "{}",
        fails.stderr
    );
    assert!(!fails.stderr.contains("scio"), "{}", fails.stderr);
    // Data that no longer gives a figure of the April briefing.
    let changed = run(clusterql().args(["--db", db, "-c", "update cluster_reports set has_rights_protection = false where report_year = 2022 and cluster_id between 'N2022-001' and 'N2022-010'"]));
    assert_eq!(changed.code, 0, "{}", changed.stderr);
    let fails = run(clusterql().args([
        "--db",
        db,
        "--format",
        "csv",
        "check",
        "--source",
        "scio-2023-04-20-zh",
    ]));
    assert_eq!(fails.code, 3);
    assert!(
        fails.stderr.contains("C14 (scio-2023-04-20-zh)"),
        "{}",
        fails.stderr
    );
    assert!(!fails.stderr.contains("C13"), "{}", fails.stderr);
    assert!(
        !fails.stderr.contains("J03"),
        "--source limits the check: {}",
        fails.stderr
    );
    let unknown = run(clusterql().args(["--db", db, "check", "--source", "no-such-source"]));
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("cctv-2023-06"),
        "{}",
        unknown.stderr
    );
}

#[test]
fn views_lists_the_whole_library() {
    let out = run(clusterql().args(["--format", "csv", "views"]));
    assert_eq!(out.code, 0, "{}", out.stderr);
    for name in [
        "briefing_headline",
        "claims_checked",
        "quality_pyramid",
        "recognition_review",
        "data_consistency",
        "batch_headline",
        "recognition_panel",
        "recognition_event_study",
    ] {
        assert!(
            out.stdout.contains(&format!("\n{name},")),
            "{name} missing from: {}",
            out.stdout
        );
    }
    // A header line and one line a file of the library.
    assert_eq!(
        out.stdout.lines().count(),
        1 + clusterql::library::VIEW_FILES.len()
    );
}

/// A script saved by an editor on Chinese Windows (GB18030) runs, and
/// stderr says how it was read; bytes valid in no encoding are located.
#[test]
fn scripts_in_gb18030_run_and_broken_ones_are_located() {
    let dir = tempfile::tempdir().expect("temp dir");
    let script = dir.path().join("省份.sql");
    // "select '浙江' as 省份;" in GB18030.
    let mut bytes = b"select '".to_vec();
    bytes.extend_from_slice(&[0xD5, 0xE3, 0xBD, 0xAD]);
    bytes.extend_from_slice(b"' as p;\n");
    std::fs::write(&script, &bytes).expect("write");
    let out = run(clusterql_empty()
        .args(["--format", "csv", "-f"])
        .arg(&script));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout, "p\n浙江\n");
    assert!(
        out.stderr.contains("read as GB18030 text"),
        "{}",
        out.stderr
    );
    // A lead byte with nothing after it, on line 2.
    std::fs::write(&script, b"select 1;\nselect '\xD5").expect("write");
    let out = run(clusterql_empty().arg("-f").arg(&script));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr
            .contains(".sql:2:9: not UTF-8, UTF-16 or GB18030 text"),
        "{}",
        out.stderr
    );
}
