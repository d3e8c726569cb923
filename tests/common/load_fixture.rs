//! A database file with the bundled data for tests of `load`, and the
//! checks those tests share: a refused file names its problems and
//! changes nothing.

use std::path::{Path, PathBuf};

use super::{clusterql, run};

const TABLES: [&str; 7] = [
    "clusters",
    "cluster_reports",
    "enterprises",
    "enterprise_honors",
    "chain_links",
    "briefing_claims",
    "recognition_criteria",
];

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Fixture {
    /// A new database file with the bundled data.
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("clusters.duckdb");
        let made = run(clusterql().args(["--db", db.to_str().expect("path"), "-c", "select 1"]));
        assert_eq!(made.code, 0, "{}", made.stderr);
        Fixture { dir, db }
    }

    pub fn file(&self, name: &str, content: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, content).expect("write fixture file");
        path
    }

    /// Runs SQL on the database, CSV out.
    pub fn query(&self, sql: &str) -> super::Output {
        let db = self.db.to_str().expect("path");
        run(clusterql().args(["--db", db, "--format", "csv", "-c", sql]))
    }

    pub fn counts(&self) -> String {
        let sql = TABLES
            .iter()
            .map(|t| format!("(SELECT count(*) FROM {t})"))
            .collect::<Vec<_>>()
            .join(" || ',' || ");
        let out = self.query(&format!("select {sql} as counts"));
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    }

    pub fn load(&self, path: &Path, table: &str, extra: &[&str]) -> super::Output {
        let mut command = clusterql();
        command.args([
            "--db",
            self.db.to_str().expect("path"),
            "load",
            path.to_str().expect("path"),
            "--table",
            table,
        ]);
        command.args(extra);
        run(&mut command)
    }

    /// Loads a bad file: exit 4, the message contains every `expected`
    /// fragment, and no table changed.
    pub fn rejects(&self, name: &str, content: &[u8], table: &str, expected: &[&str]) {
        self.rejects_with(name, content, table, &[], expected);
    }

    /// [`Fixture::rejects`] with more arguments to `load` (`--lang zh`).
    pub fn rejects_with(
        &self,
        name: &str,
        content: &[u8],
        table: &str,
        extra: &[&str],
        expected: &[&str],
    ) {
        let before = self.counts();
        let path = self.file(name, content);
        let out = self.load(&path, table, extra);
        assert_eq!(out.code, 4, "{name} was not rejected: {}", out.stderr);
        for fragment in expected {
            assert!(
                out.stderr.contains(fragment),
                "{name}: expected {fragment:?} in: {}",
                out.stderr
            );
        }
        assert_eq!(self.counts(), before, "{name} changed the database");
    }
}
