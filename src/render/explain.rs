//! EXPLAIN results as the plan text itself: DuckDB returns the drawn plan in
//! its last column, and cutting or boxing it would make it unreadable.

use std::io::{self, Write};

use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;

use super::{CellWriter, Renderer};

pub struct PlanText<'w> {
    out: &'w mut dyn Write,
}

impl<'w> PlanText<'w> {
    pub fn new(out: &'w mut dyn Write) -> Self {
        PlanText { out }
    }
}

impl Renderer for PlanText<'_> {
    fn begin(&mut self, _schema: &Schema) -> io::Result<()> {
        Ok(())
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let Some(plan) = batch.columns().last() else {
            return Ok(());
        };
        let plan = CellWriter::new(plan);
        let mut text = String::new();
        for row in 0..batch.num_rows() {
            if !plan.is_null(row) {
                plan.write(row, &mut text);
                text.push('\n');
            }
        }
        self.out.write_all(text.as_bytes())
    }

    fn finish(&mut self, _row_count: u64) -> io::Result<()> {
        Ok(())
    }
}
