//! CSV and TSV as DuckDB's CSV writer produces them: a header line, NULL as
//! an empty field, an empty string as `""`, quotes where a field holds the
//! delimiter, a quote, a line break or a `#`; duplicate names made unique.

use std::io::{self, Write};

use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;

use super::{CellWriter, Renderer};

pub struct Delimited<'w> {
    delimiter: char,
    out: &'w mut dyn Write,
    /// Reused across batches so that a large export allocates once.
    buffer: String,
}

impl<'w> Delimited<'w> {
    pub fn new(delimiter: u8, out: &'w mut dyn Write) -> Self {
        Delimited {
            delimiter: delimiter as char,
            out,
            buffer: String::new(),
        }
    }
}

/// Quotes the field that starts at byte `start` of `buffer` if it needs it.
fn quote_field(buffer: &mut String, start: usize, delimiter: char) {
    let field = &buffer[start..];
    // DuckDB also quotes a `#`, which readers may take for a comment.
    if field.is_empty() || field.contains([delimiter, '"', '\n', '\r', '#']) {
        let quoted = format!("\"{}\"", field.replace('"', "\"\""));
        buffer.truncate(start);
        buffer.push_str(&quoted);
    }
}

impl Renderer for Delimited<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        self.buffer.clear();
        for (index, name) in super::unique_names(schema).iter().enumerate() {
            if index > 0 {
                self.buffer.push(self.delimiter);
            }
            let start = self.buffer.len();
            self.buffer.push_str(name);
            quote_field(&mut self.buffer, start, self.delimiter);
        }
        self.buffer.push('\n');
        self.out.write_all(self.buffer.as_bytes())
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let columns: Vec<CellWriter<'_>> = batch.columns().iter().map(CellWriter::new).collect();
        self.buffer.clear();
        for row in 0..batch.num_rows() {
            for (index, column) in columns.iter().enumerate() {
                if index > 0 {
                    self.buffer.push(self.delimiter);
                }
                if column.is_null(row) {
                    continue;
                }
                let start = self.buffer.len();
                column.write(row, &mut self.buffer);
                quote_field(&mut self.buffer, start, self.delimiter);
            }
            self.buffer.push('\n');
        }
        self.out.write_all(self.buffer.as_bytes())
    }

    fn finish(&mut self, _row_count: u64) -> io::Result<()> {
        Ok(())
    }
}
