//! A GitHub-flavoured markdown table, streamed row by row (markdown needs
//! no column widths), numbers aligned right.

use std::io::{self, Write};

use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;

use super::{CellWriter, Renderer};

pub struct Markdown<'w> {
    null_text: String,
    out: &'w mut dyn Write,
}

impl<'w> Markdown<'w> {
    pub fn new(null_text: String, out: &'w mut dyn Write) -> Self {
        Markdown { null_text, out }
    }
}

/// Pipes would end the cell and line breaks the row.
fn escape(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace('\n', "<br>")
}

impl Renderer for Markdown<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        let mut text = String::from("|");
        for field in schema.fields() {
            text.push(' ');
            text.push_str(&escape(field.name()));
            text.push_str(" |");
        }
        text.push_str("\n|");
        for field in schema.fields() {
            text.push_str(if crate::duck_text::is_numeric_field(field) {
                " ---: |"
            } else {
                " --- |"
            });
        }
        text.push('\n');
        self.out.write_all(text.as_bytes())
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let columns: Vec<CellWriter<'_>> = batch.columns().iter().map(CellWriter::new).collect();
        let mut text = String::new();
        let mut cell = String::new();
        for row in 0..batch.num_rows() {
            text.push('|');
            for column in &columns {
                cell.clear();
                if column.is_null(row) {
                    cell.push_str(&self.null_text);
                } else {
                    column.write(row, &mut cell);
                }
                text.push(' ');
                text.push_str(&escape(&cell));
                text.push_str(" |");
            }
            text.push('\n');
        }
        self.out.write_all(text.as_bytes())
    }

    fn finish(&mut self, _row_count: u64) -> io::Result<()> {
        Ok(())
    }
}
