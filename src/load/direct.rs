//! The quick way in: one `INSERT` straight from DuckDB's reader inside a
//! transaction, the schema's own constraints (types, NOT NULL, CHECKs, the
//! small tables' keys and references) judging every row as it goes in, and
//! set queries the roster's keys and references (`keys`) before the commit;
//! the ids of `enterprises` are checked and noted as they go in
//! (`id_watch`), which spares their key check a second reading.
//! A good file needs nothing more. On any failure the transaction is rolled back, leaving the
//! database as it was, and the caller runs the validation that finds and
//! explains every problem.

use super::headers::Plan;
use super::id_watch::IdWatch;
use super::{Column, FileFormat, LoadRequest, Loaded, Mode, normalize, quote, reader_sql};
use crate::engine::Engine;
use crate::error::{Error, Result};

/// Loads the files when they are good; `None` when anything is wrong
/// (the database is then unchanged). Only an interrupt is an error: the
/// user asked to stop, not to be told what is wrong.
///
/// A CSV file is first read with each column parsed straight into its
/// type, unless a header's unit converts its values. When that reading
/// fails on a value (是/否, `35.2%`, `1,234`) or was skipped, the file is
/// read as text and normalized on the way in.
pub(super) fn insert(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    format: FileFormat,
    plans: &[(String, Plan)],
) -> Result<Option<Loaded>> {
    let check_codes = super::credit_codes::applies(request);
    let key = super::keys::single_key(&request.table);
    let watch = match key {
        Some(_) => match IdWatch::register(engine, check_codes) {
            None if check_codes => return Ok(None),
            watch => watch,
        },
        None => None,
    };
    // Only a watch that sees every row's id may stand for the key check.
    let watch = watch.zip(key).filter(|(_, key)| {
        plans
            .iter()
            .all(|(_, plan)| plan.planned.iter().any(|planned| planned.column == *key))
    });
    // One statement a file, in one transaction, so that stderr can say
    // what each file gave.
    // A Parquet file's integer columns are whole already: they need no
    // reading as DOUBLE to prove it (their metadata says so, cheaply).
    let files: Vec<String> = plans.iter().map(|(file, _)| file.clone()).collect();
    let whole_already: Vec<Vec<String>> = files
        .iter()
        .map(|file| match format {
            FileFormat::Parquet => integer_columns(engine, file),
            FileFormat::Csv => Vec::new(),
        })
        .collect();
    let statements = |typed: bool| -> Vec<String> {
        plans
            .iter()
            .zip(&whole_already)
            .map(|((file, plan), whole)| {
                statement(
                    request,
                    columns,
                    watch.as_ref().map(|(watch, key)| (watch, *key)),
                    std::slice::from_ref(file),
                    format,
                    plan,
                    typed,
                    whole,
                )
            })
            .collect()
    };
    let watched = watch.as_ref().map(|(watch, _)| watch);
    let converts = plans.iter().any(|(_, plan)| plan.converts());
    if format == FileFormat::Parquet || !converts {
        match attempt(engine, request, &files, &statements(true), watched)? {
            Attempt::Loaded(loaded) => return Ok(Some(loaded)),
            Attempt::Failed { on_a_value } if !on_a_value || format == FileFormat::Parquet => {
                return Ok(None);
            }
            Attempt::Failed { .. } => {}
        }
    }
    match attempt(engine, request, &files, &statements(false), watched)? {
        Attempt::Loaded(loaded) => Ok(Some(loaded)),
        Attempt::Failed { .. } => Ok(None),
    }
}

/// The headers of a Parquet file whose columns hold integers; none when
/// its schema cannot be read (the insert then finds out why).
fn integer_columns(engine: &Engine, file: &str) -> Vec<String> {
    let sql = format!(
        "DESCRIBE SELECT * FROM {}",
        reader_sql(&[file.to_string()], FileFormat::Parquet, false, None)
    );
    let Ok(mut statement) = engine.connection().prepare(&sql) else {
        return Vec::new();
    };
    statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map(|rows| {
            rows.filter_map(|row| row.ok())
                .filter(|(_, data_type)| normalize::is_integer(data_type))
                .map(|(name, _)| name)
                .collect()
        })
        .unwrap_or_default()
}

/// The `INSERT … SELECT` of the planned columns from the files: each value
/// parsed by the reader into its column's type (`typed`, a CSV file), or
/// read as text and normalized. `whole_already` names the headers whose
/// values are integers in the file itself; `watch` sees the values of its
/// key column.
fn statement(
    request: &LoadRequest,
    columns: &[Column],
    watch: Option<(&IdWatch, &str)>,
    files: &[String],
    format: FileFormat,
    plan: &Plan,
    typed: bool,
    whole_already: &[String],
) -> String {
    let mut targets = Vec::new();
    let mut sources = Vec::new();
    // The outer SELECT over `sources`: an integer column is read as a
    // DOUBLE and must be whole there (a count of 4.5 persons is a unit
    // error, which a cast would round away); others pass as they are.
    let mut finished = Vec::new();
    // A CSV file's reader parses each column straight into the table's
    // type: quicker than text cast afterwards, and no guessing.
    let mut csv_types = Vec::new();
    for planned in &plan.planned {
        let Some(column) = columns.iter().find(|c| c.name == planned.column) else {
            continue;
        };
        let header = quote(&planned.header);
        let target = quote(&column.name);
        let whole = normalize::is_integer(&column.data_type)
            && !(planned.scale == 0 && whole_already.contains(&planned.header));
        // What the inner SELECT reads the column as.
        let read_as = if whole { "DOUBLE" } else { &column.data_type };
        sources.push(format!(
            "{} AS {target}",
            if planned.scale != 0 || (!typed && format == FileFormat::Csv) {
                let text = match format {
                    FileFormat::Csv => header,
                    FileFormat::Parquet => format!("CAST({header} AS VARCHAR)"),
                };
                normalize::value(&text, read_as, Some(planned), true)
            } else {
                format!("CAST({header} AS {read_as})")
            }
        ));
        finished.push(if whole {
            normalize::whole(&target, &column.data_type)
        } else {
            target.clone()
        });
        targets.push(target);
        csv_types.push(format!(
            "{}: {}",
            crate::sql_quote::sql_string(&planned.header),
            crate::sql_quote::sql_string(read_as)
        ));
    }
    let reader = match format {
        FileFormat::Csv if typed => reader_sql(files, format, false, Some(&csv_types.join(", "))),
        _ => reader_sql(files, format, false, None),
    };
    let id_check = watch.and_then(|(watch, key)| {
        let key = quote(key);
        targets
            .iter()
            .find(|target| **target == key)
            .map(|id| watch.condition(id))
    });
    format!(
        "INSERT INTO main.{} ({}) SELECT {} FROM (SELECT {} FROM {reader}){}",
        request.table,
        targets.join(", "),
        finished.join(", "),
        sources.join(", "),
        id_check.map_or_else(String::new, |condition| format!(" WHERE {condition}"))
    )
}

enum Attempt {
    Loaded(Loaded),
    /// Rolled back; `on_a_value` when a value could not be read as its
    /// type (another reading may still take it).
    Failed {
        on_a_value: bool,
    },
}

/// Runs the inserts (one a file of `files`) in a transaction with the
/// roster's key checks, and commits them if all holds.
fn attempt(
    engine: &Engine,
    request: &LoadRequest,
    files: &[String],
    inserts: &[String],
    watch: Option<&IdWatch>,
) -> Result<Attempt> {
    let table = &request.table;
    let _progress = crate::progress::watch(engine.progress_handle());
    if engine.execute_batch("BEGIN TRANSACTION").is_err() {
        return Ok(Attempt::Failed { on_a_value: false });
    }
    let written = (|| -> duckdb::Result<(Vec<(String, u64)>, bool)> {
        if request.mode == Mode::Replace {
            engine.execute_batch(&format!("DELETE FROM main.{table}"))?;
        }
        // The ids the watch sees are all of the table's when it starts
        // empty; else the rows already there are read for the check.
        let watch = match watch {
            Some(watch) if is_empty(engine, table)? => {
                watch.forget();
                Some(watch)
            }
            _ => None,
        };
        let mut rows = Vec::new();
        for (file, insert) in files.iter().zip(inserts) {
            rows.push((
                file.clone(),
                engine.connection().execute(insert, [])? as u64,
            ));
        }
        Ok((rows, violates_keys(engine, table, watch)?))
    })();
    let committed = written.and_then(|(rows, violates)| {
        if violates {
            let _ = engine.execute_batch("ROLLBACK");
            return Ok(None);
        }
        engine.execute_batch("COMMIT").map(|()| Some(rows))
    });
    match committed {
        Ok(None) => Ok(Attempt::Failed { on_a_value: false }),
        Ok(Some(by_file)) => Ok(Attempt::Loaded(Loaded {
            rows: by_file.iter().map(|(_, rows)| rows).sum(),
            by_file,
        })),
        Err(error) => {
            let _ = engine.execute_batch("ROLLBACK");
            // DuckDB's words for a value its reader or a cast could not
            // take ("Could not convert string '是' to 'BOOLEAN'").
            let on_a_value = error.to_string().contains("onver");
            match Error::from(error) {
                Error::Interrupted => Err(Error::Interrupted),
                _ => Ok(Attempt::Failed { on_a_value }),
            }
        }
    }
}

fn is_empty(engine: &Engine, table: &str) -> duckdb::Result<bool> {
    engine.connection().query_row(
        &format!("SELECT count(*) = 0 FROM main.{table}"),
        [],
        |row| row.get(0),
    )
}

/// Whether the table, as this load leaves it, breaks a key or reference that
/// no index guards (the roster's, see `keys`); `watch` saw every id of the
/// table when there is one.
fn violates_keys(engine: &Engine, table: &str, watch: Option<&IdWatch>) -> duckdb::Result<bool> {
    let repeats = match (watch, super::keys::key_hash_query(table)) {
        (Some(watch), _) => watch.may_repeat(),
        (None, Some(sql)) => has_equal_hashes(engine, &sql)?,
        (None, None) => false,
    };
    if repeats {
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
