//! Stata files (`--format dta`, `-o FILE.dta`): Stata's format 118, the
//! format of Stata 14 and later, whose text is UTF-8.
//!
//! A Stata variable's storage type is fixed in the file's header, before
//! its rows, and a Stata user expects the smallest that holds the column
//! (`byte` for a count of at most 100, `str12` for names of at most 12
//! bytes). So [`write_file`] runs a query in passes: its schema alone,
//! which [`check_types`] may refuse before anything is written; one
//! aggregate query over the result ([`stats_sql`], read back by
//! [`read_stats`]) that measures each column's range or longest text; and
//! the query itself, whose rows [`DtaWriter`] writes as they stream, in
//! the types [`DtaPlan::new`] chose from the schema and those measures.
//!
//! The rooms, by job: `types` (what a column holds, how a variable is
//! stored, format 118's limits), `measure` (the measuring query), `names`
//! (Stata's variable names), `plan` (types, formats and labels), `dates`
//! (Stata's clocks), `cells` (values in a block of rows), `strls` (text
//! past 2045 bytes, kept after the data) and `writer` (the file's
//! sections).

mod cells;
mod dates;
mod measure;
mod names;
mod plan;
mod strls;
mod types;
mod writer;

use std::path::Path;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;

pub use dates::{stata_days, stata_millis};
pub use measure::{ColumnStats, read_stats, stats_sql};
pub use names::{is_stata_name, stata_names};
pub use plan::{DtaPlan, DtaVariable, smallest_integer, text_storage};
pub use types::{MAX_STR_WIDTH, MAX_VARIABLES, Storage, check_types};
pub use writer::DtaWriter;

/// Writes the result of `sql`, one statement, as a Stata file at `path`;
/// returns its row count. The query runs up to three times: for its
/// schema (a streaming start reads no rows), to be measured, and for its
/// rows. DuckDB's errors go through `sql_error`; the file's own (a type
/// Stata cannot hold, rows that changed between the passes) come without
/// the statement's place, which is the caller's to add.
pub fn write_file(
    engine: &Engine,
    sql: &str,
    path: &Path,
    sql_error: impl Fn(duckdb::Error) -> Error,
) -> Result<u64> {
    let schema = engine.query(sql).map_err(&sql_error)?.schema();
    check_types(&schema)?;
    let stats = match stats_sql(sql, &schema) {
        Some(measuring) => {
            let measured = engine.query(&measuring).map_err(&sql_error)?;
            let batch = measured
                .next_batch()
                .map_err(&sql_error)?
                .ok_or_else(|| Error::Engine("the measuring query gave no row".to_string()))?;
            read_stats(&schema, &batch)?
        }
        None => Vec::new(),
    };
    let plan = DtaPlan::new(&schema, &stats, sql)?;
    let file = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut writer = DtaWriter::new(file);
    writer.begin(plan)?;
    let _progress = crate::progress::watch(engine.progress_handle());
    let query = engine.query(sql).map_err(&sql_error)?;
    let mut rows = 0u64;
    while let Some(batch) = query.next_batch().map_err(&sql_error)? {
        rows += batch.num_rows() as u64;
        writer.push(&batch)?;
        if crate::interrupt::requested() {
            return Err(Error::Interrupted);
        }
    }
    writer.finish(rows)?;
    Ok(rows)
}

/// A failure of the writer's own, in the session's language.
fn write_failed(reason: impl ToString) -> Error {
    Error::Engine(t!("dta-write-failed", reason = reason.to_string()))
}
