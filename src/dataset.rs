//! The bundled dataset: where it lives and how a database gets it.
//!
//! An in-memory session reads the small tables from their CSV files into
//! tables (a few milliseconds) and sees the roster through views over the
//! Parquet files, so start-up does no work proportional to the roster. A new
//! database file gets every table filled, in one transaction.

use std::path::{Path, PathBuf};

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::script;
use crate::sql_quote::sql_string;
use crate::t;

pub const SCHEMA_SQL: &str = include_str!("../sql/schema.sql");

/// Tables small enough to keep as CSV, in the order their keys need.
pub const SMALL_TABLES: &[&str] = &[
    "clusters",
    "cluster_reports",
    "chain_links",
    "briefing_claims",
    "recognition_criteria",
];
/// Tables kept as Parquet; in memory they are views over the files.
pub const ROSTER_TABLES: &[&str] = &["enterprises", "enterprise_honors"];

/// The folder of the bundled dataset: `CLUSTERQL_DATA` if set, else the
/// `data/` folder of the source tree this binary was built from (so that a
/// binary from `cargo install --path .` finds it from any directory).
pub fn data_dir() -> PathBuf {
    match std::env::var_os("CLUSTERQL_DATA") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/data")),
    }
}

/// How a database gets its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provision {
    /// In memory over the bundled files.
    MemoryOverBundled,
    /// Tables created (if missing) and left empty (`--empty`).
    EmptyTables,
    /// A new database file: tables created and filled from the files.
    FillNewFile,
    /// An existing file: its tables are the user's; nothing is touched.
    Existing,
}

pub fn provision(engine: &Engine, how: Provision, dir: &Path) -> Result<()> {
    match how {
        Provision::Existing => Ok(()),
        // The counties are reference data, not the bundled dataset: clusters
        // of one's own refer to them.
        Provision::EmptyTables => {
            create_tables(engine, |_| true)?;
            fill_counties(engine)
        }
        Provision::MemoryOverBundled => {
            check_files(dir)?;
            create_tables(engine, |table| !ROSTER_TABLES.contains(&table))?;
            fill_small_tables(engine, dir)?;
            for table in ROSTER_TABLES {
                let path = sql_string(&dir.join(format!("{table}.parquet")).to_string_lossy());
                engine.execute_batch(&format!(
                    "CREATE VIEW {table} AS SELECT * FROM read_parquet({path})"
                ))?;
            }
            Ok(())
        }
        Provision::FillNewFile => {
            check_files(dir)?;
            engine.execute_batch("BEGIN TRANSACTION")?;
            let filled = create_tables(engine, |_| true)
                .and_then(|()| fill_small_tables(engine, dir))
                .and_then(|()| {
                    for table in ROSTER_TABLES {
                        let path =
                            sql_string(&dir.join(format!("{table}.parquet")).to_string_lossy());
                        engine.execute_batch(&format!(
                            "INSERT INTO {table} SELECT * FROM read_parquet({path})"
                        ))?;
                    }
                    Ok(())
                });
            match filled {
                Ok(()) => Ok(engine.execute_batch("COMMIT")?),
                Err(error) => {
                    let _ = engine.execute_batch("ROLLBACK");
                    Err(error)
                }
            }
        }
    }
}

/// Runs the schema's CREATE TABLE statements for the tables `wanted` keeps.
fn create_tables(engine: &Engine, wanted: impl Fn(&str) -> bool) -> Result<()> {
    for statement in script::split(SCHEMA_SQL) {
        let table = created_table(&statement.sql).unwrap_or_default();
        if wanted(&table) {
            engine.execute_batch(&statement.sql)?;
        }
    }
    Ok(())
}

/// The table a `CREATE TABLE [IF NOT EXISTS] name (` statement creates.
fn created_table(sql: &str) -> Option<String> {
    let words: Vec<&str> = sql.split_whitespace().take(6).collect();
    let position = words.iter().position(|w| w.eq_ignore_ascii_case("TABLE"))?;
    let mut name = words.get(position + 1)?;
    if name.eq_ignore_ascii_case("IF") {
        name = words.get(position + 4)?;
    }
    name.split('(')
        .next()
        .filter(|n| !n.is_empty())
        .map(str::to_string)
}

fn fill_small_tables(engine: &Engine, dir: &Path) -> Result<()> {
    fill_counties(engine)?;
    for table in SMALL_TABLES {
        let path = sql_string(&dir.join(format!("{table}.csv")).to_string_lossy());
        let columns = column_types(engine, table)?;
        engine.execute_batch(&format!(
            "INSERT INTO {table} SELECT * FROM read_csv({path}, header = true, auto_detect = false, columns = {columns})"
        ))?;
    }
    Ok(())
}

/// The counties from the copy of `data/counties.csv` built into the binary
/// ([`crate::counties`]), so that every database, an empty one too, has
/// the codes its clusters refer to.
fn fill_counties(engine: &Engine) -> Result<()> {
    let mut appender = engine.connection().appender("counties")?;
    for county in crate::counties::all() {
        appender.append_row([
            county.code,
            county.name,
            county.prefecture_code,
            county.prefecture,
            county.province_code,
            county.province,
        ])?;
    }
    appender.flush()?;
    Ok(())
}

/// The table's columns and types as a `read_csv` `columns` argument, so
/// that CSV text is read with the schema's types, not guessed ones.
pub fn column_types(engine: &Engine, table: &str) -> Result<String> {
    let mut statement = engine.connection().prepare(
        "SELECT column_name, data_type FROM duckdb_columns() \
         WHERE table_name = ? AND schema_name = current_schema() ORDER BY column_index",
    )?;
    let pairs = statement
        .query_map([table], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<duckdb::Result<Vec<_>>>()?;
    let entries: Vec<String> = pairs
        .iter()
        .map(|(name, data_type)| format!("{}: {}", sql_string(name), sql_string(data_type)))
        .collect();
    Ok(format!("{{{}}}", entries.join(", ")))
}

fn check_files(dir: &Path) -> Result<()> {
    let missing: Vec<String> = SMALL_TABLES
        .iter()
        .map(|t| format!("{t}.csv"))
        .chain(ROSTER_TABLES.iter().map(|t| format!("{t}.parquet")))
        .filter(|file| !dir.join(file).is_file())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    Err(Error::Engine(t!(
        "dataset-incomplete",
        dir = dir.display().to_string(),
        missing = missing.join(", ")
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_created_table_names() {
        assert_eq!(
            created_table("CREATE TABLE IF NOT EXISTS clusters (\n a int)"),
            Some("clusters".into())
        );
        assert_eq!(
            created_table("create table enterprises(a int)"),
            Some("enterprises".into())
        );
    }
}
