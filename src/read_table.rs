//! `read_table('FILE', sheet => …, header_row => …, all_varchar => …)` in
//! SQL: a file of the user's own read as `load --create` reads it (any
//! encoding `load` detects, title rows and notes left out, values cleaned,
//! headers as written), so that a GBK county yearbook joins the clusters
//! in one query. Under `--sandbox` the function exists and refuses, like
//! every other file access.
//!
//! The table is read and cleaned when the query is bound, by a connection
//! of its own (a table function cannot query the connection that runs
//! it), and handed to DuckDB as Arrow batches: a file's table is held in
//! memory while the query runs, which suits the tables joined to the
//! clusters (a yearbook, a firm list).

use std::sync::Mutex;

use duckdb::Connection;
use duckdb::arrow::record_batch::RecordBatch;
use duckdb::core::{DataChunkHandle, LogicalTypeHandle, LogicalTypeId};
use duckdb::vtab::{
    BindInfo, InitInfo, TableFunctionInfo, VTab, record_batch_to_duckdb_data_chunk,
    to_duckdb_logical_type,
};

use crate::load::own_table::{Reading, read};
use crate::sandbox_refusal::{ReadsFiles, Refused};
use crate::t;

/// Rows handed to DuckDB at a time (its vector size).
const CHUNK: usize = 2048;

pub struct Bound {
    batches: Vec<RecordBatch>,
}

pub struct Cursor {
    /// The next batch, and the next row of it, to hand out.
    at: Mutex<(usize, usize)>,
}

struct ReadTable;

impl VTab for ReadTable {
    type InitData = Cursor;
    type BindData = Bound;

    fn bind(bind: &BindInfo) -> Result<Bound, Box<dyn std::error::Error>> {
        let path = bind.get_parameter(0).to_string();
        let header_row = match bind.get_named_parameter("header_row") {
            Some(value) => Some(
                value
                    .to_string()
                    .parse::<u32>()
                    .ok()
                    .filter(|row| *row >= 1)
                    .ok_or_else(|| t!("read-table-bad-header-row", value = value.to_string()))?,
            ),
            None => None,
        };
        let reading = Reading {
            paths: vec![path.into()],
            sheet: bind.get_named_parameter("sheet").map(|v| v.to_string()),
            header_row,
            encoding: crate::load::encoding::EncodingChoice(None),
            all_varchar: bind
                .get_named_parameter("all_varchar")
                .is_some_and(|value| value.to_string() == "true"),
            // A query's stderr is no place for what a load tells.
            quiet: true,
        };
        let table = read(&reading).map_err(|error| error.to_string())?;
        let database = crate::load::own_table::private_database()?;
        let mut statement = database.prepare(&format!("SELECT * FROM {}", table.reader()))?;
        let batches: Vec<RecordBatch> = statement.query_arrow([])?.collect();
        let schema = statement.schema();
        for field in schema.fields() {
            bind.add_result_column(field.name(), to_duckdb_logical_type(field.data_type())?);
        }
        Ok(Bound { batches })
    }

    fn init(_: &InitInfo) -> Result<Cursor, Box<dyn std::error::Error>> {
        Ok(Cursor {
            at: Mutex::new((0, 0)),
        })
    }

    fn func(
        func: &TableFunctionInfo<Self>,
        output: &mut DataChunkHandle,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let bound = func.get_bind_data();
        let cursor = func.get_init_data();
        let mut at = cursor.at.lock().map_err(|_| t!("read-xlsx-scan-stopped"))?;
        // An empty batch is passed over: a chunk of no rows ends the scan.
        while bound.batches.get(at.0).is_some_and(|b| b.num_rows() == 0) {
            *at = (at.0 + 1, 0);
        }
        let (batch, row) = *at;
        let Some(current) = bound.batches.get(batch) else {
            output.set_len(0);
            return Ok(());
        };
        let rows = (current.num_rows() - row).min(CHUNK);
        let slice = current.slice(row, rows);
        record_batch_to_duckdb_data_chunk(&slice, output)?;
        output.set_len(rows);
        *at = if row + rows >= current.num_rows() {
            (batch + 1, 0)
        } else {
            (batch, row + rows)
        };
        Ok(())
    }

    fn parameters() -> Option<Vec<LogicalTypeHandle>> {
        Some(vec![LogicalTypeHandle::from(LogicalTypeId::Varchar)])
    }

    fn named_parameters() -> Option<Vec<(String, LogicalTypeHandle)>> {
        Some(vec![
            (
                "sheet".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Varchar),
            ),
            (
                "header_row".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Bigint),
            ),
            (
                "all_varchar".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
        ])
    }
}

impl ReadsFiles for ReadTable {
    const REFUSAL: &'static str = "read-table-sandbox";
}

pub fn register(connection: &Connection, sandbox: bool) -> duckdb::Result<()> {
    if sandbox {
        connection.register_table_function::<Refused<ReadTable>>("read_table")
    } else {
        connection.register_table_function::<ReadTable>("read_table")
    }
}
