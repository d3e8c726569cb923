//! Stata files as Stata's readers see them: every `.dta` clusterql writes
//! here is read by pyreadstat and by pandas' `read_stata`
//! (`tests/dta/check_dta.py`), and every cell is compared with the csv
//! output of the same query. The two readers are installed from PyPI, at
//! the versions `tests/dta/requirements.txt` pins, into a virtual
//! environment in the build's temporary folder, once.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use common::{clusterql, clusterql_empty, run};

/// The Python of the readers' environment, made on first use.
fn python() -> &'static Path {
    static PYTHON: OnceLock<PathBuf> = OnceLock::new();
    PYTHON.get_or_init(|| {
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
        let requirements = manifest.join("tests/dta/requirements.txt");
        let wanted = std::fs::read_to_string(&requirements).expect("requirements");
        let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("dta-readers");
        let python = venv.join("bin/python");
        // The environment records what it was made from, and is made again
        // when the pins change.
        let stamp = venv.join("requirements.txt");
        if std::fs::read_to_string(&stamp).ok().as_deref() == Some(wanted.as_str()) {
            return python;
        }
        let _ = std::fs::remove_dir_all(&venv);
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .expect("python3 runs");
        assert!(made.success(), "python3 -m venv failed");
        let installed = Command::new(&python)
            .args([
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(&requirements)
            .status()
            .expect("pip runs");
        assert!(
            installed.success(),
            "pip could not install {}",
            requirements.display()
        );
        std::fs::write(&stamp, wanted).expect("stamp written");
        python
    })
}

/// Runs the readers' check of `dta` against `csv` with `expectations`
/// (`--expect-…` options) and returns what it printed.
fn readers_check(dta: &Path, csv: &Path, expectations: &[&str]) -> String {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/dta/check_dta.py");
    let out = Command::new(python())
        .arg(script)
        .arg(dta)
        .arg(csv)
        .args(expectations)
        .output()
        .expect("the check runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the readers disagree with the csv:\n{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Writes `sql`'s result as `name.dta` and as `name.csv` with the same
/// options, and returns both paths.
fn both_outputs(dir: &Path, name: &str, options: &[&str], sql: &str) -> (PathBuf, PathBuf) {
    let dta = dir.join(format!("{name}.dta"));
    let csv = dir.join(format!("{name}.csv"));
    for (path, format) in [(&dta, "dta"), (&csv, "csv")] {
        let out = run(clusterql()
            .args(options)
            .args(["--format", format, "-o"])
            .arg(path)
            .args(["-c", sql]));
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(
            out.stdout.is_empty(),
            "stdout carries nothing: {}",
            out.stdout
        );
    }
    (dta, csv)
}

/// One row of values at the edges of each type's range, one of other
/// values, one of NULLs, and a column whose name Stata refuses.
const EVERY_TYPE: &str = "select * from (values \
    (1, -127::TINYINT, -32767::SMALLINT, -2147483647::INTEGER, 3000000000::BIGINT, \
     1.5::DOUBLE, 12.34::DECIMAL(10,2), 101::SMALLINT, true, date '2023-01-11', \
     timestamp '2023-01-11 10:20:30.123', '浙江省诸暨市', repeat('长', 1000), 7), \
    (2, 100::TINYINT, 32740::SMALLINT, 2147483620::INTEGER, -3000000000::BIGINT, \
     -2.25e10, -0.01, -100::SMALLINT, false, date '1959-12-31', \
     timestamp '1960-01-01 00:00:00', 'Zhejiang', 'short', 8), \
    (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)) \
    as v(row_id, small, medium, large, huge, real, money, hundreds, flag, day, moment, \
         place, essay, \"总产值\")";

#[test]
fn every_type_reads_back_cell_for_cell_with_the_smallest_storage() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (dta, csv) = both_outputs(
        dir.path(),
        "types",
        &["--empty", "--lang", "en"],
        EVERY_TYPE,
    );
    let printed = readers_check(
        &dta,
        &csv,
        &[
            "--expect-type",
            "row_id=byte",
            "--expect-type",
            "small=byte",
            "--expect-type",
            "medium=int",
            "--expect-type",
            "large=long",
            "--expect-type",
            "huge=double",
            "--expect-type",
            "money=double",
            // 101 is past byte's 100, Stata's first missing code.
            "--expect-type",
            "hundreds=int",
            "--expect-type",
            "flag=byte",
            "--expect-value-label",
            "flag=1=yes",
            "--expect-format",
            "day=%td",
            "--expect-format",
            "moment=%tc",
            // 18 bytes of Chinese text, and 3,000 beyond str2045.
            "--expect-type",
            "place=str18",
            "--expect-type",
            "essay=strL",
            // A name Stata refuses gets an ASCII one; the label keeps it.
            "--expect-label",
            "v14=总产值",
            "--expect-dataset-label-contains",
            "clusterql",
        ],
    );
    assert!(printed.contains("42 cells"), "{printed}");
}

#[test]
fn labels_are_the_dictionarys_titles_in_the_sessions_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sql = "select cluster_id, report_year, total_output_bn_cny, industrial_internet_rate, \
               is_county_pillar from cluster_reports order by cluster_id, report_year";
    let (dta, csv) = both_outputs(dir.path(), "zh", &["--lang", "zh"], sql);
    readers_check(
        &dta,
        &csv,
        &[
            "--expect-label",
            "cluster_id=集群编号",
            "--expect-label",
            "total_output_bn_cny=总产值（十亿元）",
            "--expect-label",
            "industrial_internet_rate=工业互联网平台普及率",
            "--expect-value-label",
            "is_county_pillar=1=是",
            "--expect-value-label",
            "is_county_pillar=0=否",
            "--expect-type",
            "report_year=int",
        ],
    );
    let (dta, csv) = both_outputs(dir.path(), "en", &["--lang", "en"], sql);
    readers_check(
        &dta,
        &csv,
        &[
            "--expect-label",
            "total_output_bn_cny=Total output (bn yuan)",
            "--expect-value-label",
            "is_county_pillar=1=yes",
        ],
    );
}

#[test]
fn a_type_stata_cannot_hold_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nested.dta");
    let out = run(clusterql_empty()
        .arg("-o")
        .arg(&path)
        .args(["-c", "select 1 as id, [1, 2] as links"]));
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr.contains("links") && out.stderr.contains("CAST(\"links\" AS VARCHAR)"),
        "{}",
        out.stderr
    );
    assert!(!path.exists());
    assert_eq!(std::fs::read_dir(dir.path()).expect("dir").count(), 0);
}

#[test]
fn a_stata_file_holds_one_result_and_needs_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("two.dta");
    let out = run(clusterql_empty().arg("-o").arg(&path).args([
        "-c",
        "select 1 as a",
        "-c",
        "select 2 as b",
    ]));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("a dta file holds one result"),
        "{}",
        out.stderr
    );
    assert!(!path.exists(), "a failed run leaves no file");
    let out = run(clusterql_empty().args(["--format", "dta", "-c", "select 1"]));
    assert_eq!(out.code, 2, "{}", out.stderr);
}
