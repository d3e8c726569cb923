//! The subcommands that do one job and exit: `check`, `views`, `load`.

use std::io::Write;
use std::sync::Arc;

use duckdb::arrow::array::{ArrayRef, StringArray};
use duckdb::arrow::record_batch::RecordBatch;

use crate::engine::Engine;
use crate::error::{Error, Location, Result};
use crate::exec;
use crate::render::{self, OutputFormat, RenderOptions, ResultKind};
use crate::script::Statement;

const CHECK_SQL: &str = "SELECT claim_id, source, statement, published_value, comparator, tolerance, \
                         computed_value, holds FROM claims_checked ORDER BY claim_id, source";

/// Prints every claim with its published and computed value; fails with
/// exit code 3, naming the claims, if any does not hold.
pub fn check(
    engine: &Engine,
    format: OutputFormat,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let location = Location {
        source: "check".to_string(),
        line: 1,
        column: 1,
    };
    let statement = Statement {
        sql: CHECK_SQL.to_string(),
        line: 1,
        column: 1,
    };
    exec::execute(engine, &statement, &location, format, options, out)?;
    out.flush().map_err(Error::Output)?;
    let mut failed_query = engine
        .connection()
        .prepare("SELECT claim_id || ' (' || source || ')' FROM claims_checked WHERE NOT holds ORDER BY claim_id")?;
    let failed: Vec<String> = failed_query
        .query_map([], |row| row.get(0))?
        .collect::<duckdb::Result<_>>()?;
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::ClaimsFailed(failed))
    }
}

/// Prints the catalogue of the view library.
pub fn views(format: OutputFormat, options: &RenderOptions, out: &mut dyn Write) -> Result<()> {
    let catalogue = crate::library::catalogue();
    let column = |values: Vec<String>| -> ArrayRef { Arc::new(StringArray::from(values)) };
    let batch = RecordBatch::try_from_iter([
        (
            "name",
            column(catalogue.iter().map(|v| v.name.clone()).collect()),
        ),
        (
            "kind",
            column(catalogue.iter().map(|v| v.kind.to_string()).collect()),
        ),
        (
            "question",
            column(catalogue.iter().map(|v| v.question.clone()).collect()),
        ),
        (
            "reproduces",
            column(catalogue.iter().map(|v| v.reproduces.clone()).collect()),
        ),
    ])
    .map_err(|e| Error::Engine(e.to_string()))?;
    let mut renderer = render::renderer(format, ResultKind::Rows, options, out);
    renderer.begin(&batch.schema()).map_err(Error::Output)?;
    renderer.push(&batch).map_err(Error::Output)?;
    renderer
        .finish(batch.num_rows() as u64)
        .map_err(Error::Output)?;
    drop(renderer);
    out.flush().map_err(Error::Output)
}

/// Loads files into a table of a database file.
pub fn load(engine: &Engine, request: &crate::load::LoadRequest, quiet: bool) -> Result<()> {
    if engine.options().database.is_none() {
        return Err(Error::Usage(
            "load writes into a database file: give one with --db PATH".to_string(),
        ));
    }
    let loaded = crate::load::load(engine, request)?;
    if !quiet {
        eprintln!("loaded {} rows into {}", loaded.rows, request.table);
    }
    Ok(())
}
