//! One statement from text to output: execute, classify the result, stream
//! its batches into the chosen renderer. Shared by the batch runner and the
//! shell.

use std::io::Write;
use std::path::Path;

use duckdb::arrow::datatypes::{DataType, Schema};

use crate::engine::Engine;
use crate::error::{Error, Location, Result};
use crate::render::{self, OutputFormat, RenderOptions, ResultKind};
use crate::script::{Statement, StatementKind};
use crate::sql_quote::sql_string;

/// What a statement left behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// A result was shown with this many rows.
    Rows(u64),
    /// A statement with nothing to show (DDL, SET, INSERT without RETURNING).
    Done,
}

/// Whether the result is only DuckDB's status for a statement without
/// rows: a lone `Count` or `Success` column. DuckDB's shell prints nothing
/// for these, and neither do we.
pub fn is_status_only(schema: &Schema, kind: StatementKind) -> bool {
    if schema.fields().is_empty() {
        return true;
    }
    if kind.shows_rows() || schema.fields().len() != 1 {
        return false;
    }
    let field = &schema.fields()[0];
    matches!(
        (field.name().as_str(), field.data_type()),
        ("Count", DataType::Int64) | ("Success", DataType::Boolean)
    )
}

/// Runs `statement` and writes its result to `out` in `format`.
pub fn execute(
    engine: &Engine,
    statement: &Statement,
    location: &Location,
    format: OutputFormat,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<Outcome> {
    let sql_error = |e: duckdb::Error| failed(engine, statement, location, &e);
    let _progress = crate::progress::watch(engine.progress_handle());
    let statement_kind = statement.kind();
    let query = engine
        .query_as_text(
            &statement.sql,
            format.text_form(),
            statement_kind == StatementKind::Query,
        )
        .map_err(sql_error)?;
    let schema = query.schema();
    if is_status_only(&schema, statement_kind) {
        while query.next_batch().map_err(sql_error)?.is_some() {}
        return Ok(Outcome::Done);
    }
    let kind = if statement_kind == StatementKind::Plan {
        ResultKind::Plan
    } else {
        ResultKind::Rows
    };
    let mut options = options.clone();
    if kind == ResultKind::Plan {
        options.max_rows = None;
    }
    let mut renderer = render::renderer(format, kind, &options, out);
    renderer.begin(&schema).map_err(Error::Output)?;
    let mut rows = 0u64;
    while let Some(batch) = query.next_batch().map_err(sql_error)? {
        rows += batch.num_rows() as u64;
        renderer.push(&batch).map_err(Error::Output)?;
        if crate::interrupt::requested() {
            return Err(Error::Interrupted);
        }
    }
    renderer.finish(rows).map_err(Error::Output)?;
    Ok(Outcome::Rows(rows))
}

/// Writes a query's result to a Parquet file with DuckDB's own writer.
pub fn execute_to_parquet(
    engine: &Engine,
    statement: &Statement,
    location: &Location,
    path: &Path,
) -> Result<Outcome> {
    let sql = format!(
        "COPY ({}) TO {} (FORMAT parquet)",
        statement.sql,
        sql_string(&path.to_string_lossy())
    );
    let sql_error = |e: duckdb::Error| failed(engine, statement, location, &e);
    let query = engine.query(&sql).map_err(sql_error)?;
    let mut rows = 0u64;
    while let Some(batch) = query.next_batch().map_err(sql_error)? {
        // COPY answers with the number of rows it wrote.
        if let Some(count) = batch
            .column(0)
            .as_any()
            .downcast_ref::<duckdb::arrow::array::Int64Array>()
        {
            rows += count.values().iter().map(|n| *n as u64).sum::<u64>();
        }
    }
    Ok(Outcome::Rows(rows))
}

/// Writes a query's result as a Stata file at `path`; the Stata writer
/// runs the query in its own passes (see [`crate::render::dta::write_file`]).
pub fn execute_to_dta(
    engine: &Engine,
    statement: &Statement,
    location: &Location,
    path: &Path,
) -> Result<Outcome> {
    let sql_error = |e: duckdb::Error| failed(engine, statement, location, &e);
    let rows = crate::render::dta::write_file(engine, &statement.sql, path, sql_error).map_err(
        |error| match error {
            Error::Usage(message) | Error::Engine(message) => {
                Error::Engine(format!("{location}: {message}"))
            }
            other => other,
        },
    )?;
    Ok(Outcome::Rows(rows))
}

/// Writes a query's result as the next sheet of a workbook, with its
/// values' types (not their text).
pub fn execute_to_sheet(
    engine: &Engine,
    statement: &Statement,
    location: &Location,
    book: &mut crate::render::xlsx::XlsxBook,
) -> Result<Outcome> {
    let sql_error = |e: duckdb::Error| failed(engine, statement, location, &e);
    let _progress = crate::progress::watch(engine.progress_handle());
    let query = engine.query(&statement.sql).map_err(sql_error)?;
    let mut sheet = book.begin(&query.schema())?;
    let mut rows = 0u64;
    while let Some(batch) = query.next_batch().map_err(sql_error)? {
        rows += batch.num_rows() as u64;
        book.push(&mut sheet, &batch).map_err(|e| match e {
            Error::Engine(message) => Error::Engine(format!("{location}: {message}")),
            other => other,
        })?;
        if crate::interrupt::requested() {
            return Err(Error::Interrupted);
        }
    }
    book.finish(sheet)?;
    Ok(Outcome::Rows(rows))
}

/// The error of a failed statement, with the hint clusterql can add to
/// DuckDB's message (see [`crate::hints`]).
fn failed(
    engine: &Engine,
    statement: &Statement,
    location: &Location,
    error: &duckdb::Error,
) -> Error {
    Error::sql(location.clone(), error)
        .with_hint(|message| crate::hints::for_error(engine, &statement.sql, message))
}
