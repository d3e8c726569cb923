//! The quick way in: one `INSERT` straight from DuckDB's reader inside a
//! transaction, the schema's own constraints (types, NOT NULL, CHECKs, the
//! small tables' keys and references) judging every row as it goes in, and
//! set queries the roster's keys and references (`keys`) before the commit;
//! the ids of `enterprises` are checked as the insert returns them
//! (`credit_codes`).
//! A good file needs nothing more. On any failure the transaction is rolled back, leaving the
//! database as it was, and the caller runs the validation that finds and
//! explains every problem.

use super::{Column, FileFormat, LoadRequest, Loaded, Mode, quote, reader_sql};
use crate::engine::Engine;
use crate::error::{Error, Result};

/// Loads the files when they are good; `None` when anything is wrong
/// (the database is then unchanged). Only an interrupt is an error: the
/// user asked to stop, not to be told what is wrong.
pub(super) fn insert(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    files: &[String],
    format: FileFormat,
) -> Result<Option<Loaded>> {
    let untyped = reader_sql(files, format, false, None);
    let Some(file_columns) = engine.result_names(&format!("SELECT * FROM {untyped}")) else {
        return Ok(None);
    };
    // Each table column from the file column of its name, in any case.
    let mut targets = Vec::new();
    let mut sources = Vec::new();
    // A CSV file's reader parses each column straight into the table's
    // type: quicker than text cast afterwards, and no guessing.
    let mut csv_types = Vec::new();
    for name in &file_columns {
        let named = super::column_named(&request.table, name, columns);
        match columns.iter().find(|c| Some(&c.name) == named.as_ref()) {
            Some(column) => {
                targets.push(quote(&column.name));
                sources.push(format!("CAST({} AS {})", quote(name), column.data_type));
                csv_types.push(format!(
                    "{}: {}",
                    crate::sql_quote::sql_string(name),
                    crate::sql_quote::sql_string(&column.data_type)
                ));
            }
            None if request.ignore_extra => {}
            // An unknown column is a problem to report.
            None => return Ok(None),
        }
    }
    if targets.is_empty() {
        return Ok(None);
    }
    let reader = match format {
        FileFormat::Csv => reader_sql(files, format, false, Some(&csv_types.join(", "))),
        FileFormat::Parquet => untyped,
    };
    let table = &request.table;
    let _progress = crate::progress::watch(engine.progress_handle());
    if engine.execute_batch("BEGIN TRANSACTION").is_err() {
        return Ok(None);
    }
    let written = (|| -> duckdb::Result<(usize, bool)> {
        if request.mode == Mode::Replace {
            engine.execute_batch(&format!("DELETE FROM main.{table}"))?;
        }
        let insert = format!(
            "INSERT INTO main.{table} ({}) SELECT {} FROM {reader}",
            targets.join(", "),
            sources.join(", ")
        );
        if super::credit_codes::applies(request) {
            // The ids come back from the insert itself, checked as they come.
            let query = engine.query(&(insert + &super::credit_codes::returning()))?;
            let (rows, ids_valid) = super::credit_codes::all_valid(&query)?;
            drop(query);
            return Ok((rows, !ids_valid || violates_keys(engine, table)?));
        }
        let rows = engine.connection().execute(&insert, [])?;
        Ok((rows, violates_keys(engine, table)?))
    })();
    let committed = written.and_then(|(rows, violates)| {
        if violates {
            let _ = engine.execute_batch("ROLLBACK");
            return Ok(None);
        }
        engine.execute_batch("COMMIT").map(|()| Some(rows))
    });
    match committed {
        Ok(None) => Ok(None),
        Ok(Some(rows)) => Ok(Some(Loaded { rows: rows as u64 })),
        Err(error) => {
            let _ = engine.execute_batch("ROLLBACK");
            match Error::from(error) {
                Error::Interrupted => Err(Error::Interrupted),
                _ => Ok(None),
            }
        }
    }
}

/// Whether the table, as this load leaves it, breaks a key or reference that
/// no index guards (the roster's, see `keys`).
fn violates_keys(engine: &Engine, table: &str) -> duckdb::Result<bool> {
    if let Some(sql) = super::keys::key_hash_query(table)
        && has_equal_hashes(engine, &sql)?
    {
        return Ok(true);
    }
    match super::keys::violation_query(table) {
        Some(sql) => engine.connection().query_row(&sql, [], |row| row.get(0)),
        None => Ok(false),
    }
}

/// Whether two of the hashes the query returns are equal. DuckDB computes
/// them in parallel; sorting eight bytes a row here is quicker than DuckDB
/// grouping by them, which builds a hash table of every key.
fn has_equal_hashes(engine: &Engine, sql: &str) -> duckdb::Result<bool> {
    use duckdb::arrow::array::{Array, UInt64Array};
    let query = engine.query(sql)?;
    let mut hashes: Vec<u64> = Vec::new();
    while let Some(batch) = query.next_batch()? {
        let Some(column) = batch.column(0).as_any().downcast_ref::<UInt64Array>() else {
            // Not the UBIGINT that hash() gives: let the validation decide.
            return Ok(true);
        };
        hashes.extend(column.values().iter().copied());
    }
    hashes.sort_unstable();
    Ok(hashes.windows(2).any(|pair| pair[0] == pair[1]))
}
