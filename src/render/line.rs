//! One `column = value` line per value, a blank line between rows, the
//! names padded so that the equals signs line up (the sqlite shell's
//! `.mode line`), for reading wide rows on a narrow terminal.

use std::io::{self, Write};

use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;
use unicode_width::UnicodeWidthStr;

use super::{CellWriter, Renderer};

pub struct Line<'w> {
    null_text: String,
    out: &'w mut dyn Write,
    /// Column names, already padded to a common display width.
    labels: Vec<String>,
    rows_written: u64,
}

impl<'w> Line<'w> {
    pub fn new(null_text: String, out: &'w mut dyn Write) -> Self {
        Line {
            null_text,
            out,
            labels: Vec::new(),
            rows_written: 0,
        }
    }
}

impl Renderer for Line<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        let names: Vec<&str> = schema
            .fields()
            .iter()
            .map(|field| field.name().as_str())
            .collect();
        let width = names.iter().map(|name| name.width()).max().unwrap_or(0);
        self.labels = names
            .iter()
            .map(|name| format!("{}{}", " ".repeat(width - name.width()), name))
            .collect();
        self.rows_written = 0;
        Ok(())
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let columns: Vec<CellWriter<'_>> = batch.columns().iter().map(CellWriter::new).collect();
        let mut text = String::new();
        for row in 0..batch.num_rows() {
            if self.rows_written > 0 {
                text.push('\n');
            }
            for (label, column) in self.labels.iter().zip(&columns) {
                text.push_str(label);
                text.push_str(" = ");
                if column.is_null(row) {
                    text.push_str(&self.null_text);
                } else {
                    column.write(row, &mut text);
                }
                text.push('\n');
            }
            self.rows_written += 1;
        }
        self.out.write_all(text.as_bytes())
    }

    fn finish(&mut self, _row_count: u64) -> io::Result<()> {
        Ok(())
    }
}
