//! JSON output: numbers and booleans as JSON values, lists as arrays,
//! structs and maps as objects, NULL as null, everything else as the string
//! DuckDB would print for it.

use std::fmt::Write as _;
use std::io::{self, Write};

use duckdb::arrow::array::{
    Array, AsArray, GenericListArray, MapArray, OffsetSizeTrait, StructArray,
};
use duckdb::arrow::datatypes::{DataType, Schema};
use duckdb::arrow::record_batch::RecordBatch;

use super::{CellWriter, Renderer};

pub struct Json<'w> {
    out: &'w mut dyn Write,
    /// One array of objects (`json`) or one object per line (`jsonl`).
    as_array: bool,
    keys: Vec<String>,
    rows_written: u64,
    buffer: String,
}

impl<'w> Json<'w> {
    pub fn array(out: &'w mut dyn Write) -> Self {
        Json {
            out,
            as_array: true,
            keys: Vec::new(),
            rows_written: 0,
            buffer: String::new(),
        }
    }

    pub fn lines(out: &'w mut dyn Write) -> Self {
        Json {
            as_array: false,
            ..Json::array(out)
        }
    }
}

impl Renderer for Json<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        // Keys are unique, as in DuckDB's writer: a JSON object with a
        // repeated key loses a value in most readers.
        self.keys = super::unique_names(schema)
            .iter()
            .map(|name| {
                let mut key = String::new();
                write_json_string(&mut key, name);
                key
            })
            .collect();
        self.rows_written = 0;
        if self.as_array {
            self.out.write_all(b"[")
        } else {
            Ok(())
        }
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        // Top-level scalar columns get their writer once per batch; nested
        // ones go through the recursive path.
        let schema = batch.schema();
        let leaves: Vec<Option<Leaf<'_>>> = batch
            .columns()
            .iter()
            .zip(schema.fields())
            .map(|(column, field)| {
                if crate::duck_text::is_raw_json(field) {
                    Some(Leaf::raw(column.as_ref()))
                } else {
                    Leaf::new(column.as_ref())
                }
            })
            .collect();
        self.buffer.clear();
        for row in 0..batch.num_rows() {
            if self.as_array && self.rows_written > 0 {
                self.buffer.push_str(",\n");
            }
            self.buffer.push('{');
            for (index, (column, leaf)) in batch.columns().iter().zip(&leaves).enumerate() {
                if index > 0 {
                    self.buffer.push(',');
                }
                self.buffer.push_str(&self.keys[index]);
                self.buffer.push(':');
                match leaf {
                    Some(leaf) if leaf.writer.is_null(row) => self.buffer.push_str("null"),
                    Some(leaf) => leaf.write(row, &mut self.buffer),
                    None => write_json_value(&mut self.buffer, column.as_ref(), row),
                }
            }
            self.buffer.push('}');
            if !self.as_array {
                self.buffer.push('\n');
            }
            self.rows_written += 1;
        }
        self.out.write_all(self.buffer.as_bytes())
    }

    fn finish(&mut self, _row_count: u64) -> io::Result<()> {
        if self.as_array {
            self.out.write_all(b"]\n")
        } else {
            Ok(())
        }
    }
}

/// Writes one value. Per-value dispatch is acceptable here: JSON is meant
/// for results a program reads, and nested values need recursion anyway.
fn write_json_value(out: &mut String, array: &dyn Array, row: usize) {
    if array.is_null(row) {
        out.push_str("null");
        return;
    }
    match array.data_type() {
        DataType::List(_) => write_list(out, array.as_list::<i32>(), row),
        DataType::LargeList(_) => write_list(out, array.as_list::<i64>(), row),
        DataType::FixedSizeList(_, size) => {
            let list = array.as_fixed_size_list();
            let start = list.value_offset_at(row) as usize;
            write_elements(out, list.values().as_ref(), start, start + *size as usize);
        }
        DataType::Struct(_) => write_struct(out, array.as_struct(), row),
        DataType::Map(_, _) => write_map(out, array.as_map(), row),
        _ => {
            if let Some(leaf) = Leaf::new(array) {
                leaf.write(row, out);
            }
        }
    }
}

/// A column of scalars and how its values appear in JSON.
struct Leaf<'a> {
    writer: CellWriter<'a>,
    form: LeafForm,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LeafForm {
    /// Numbers and booleans: bare JSON values.
    Bare,
    /// Everything else of ours: JSON strings.
    Quoted,
    /// JSON text that DuckDB wrote (`to_json`), written as it is.
    Raw,
}

impl<'a> Leaf<'a> {
    /// `None` for nested types, which have no single text.
    fn new(array: &'a dyn Array) -> Option<Leaf<'a>> {
        let data_type = array.data_type();
        if data_type.is_nested() {
            return None;
        }
        let form = if data_type.is_numeric() || *data_type == DataType::Boolean {
            LeafForm::Bare
        } else {
            LeafForm::Quoted
        };
        Some(Leaf {
            writer: CellWriter::for_array(array),
            form,
        })
    }

    fn raw(array: &'a dyn Array) -> Leaf<'a> {
        Leaf {
            writer: CellWriter::for_array(array),
            form: LeafForm::Raw,
        }
    }

    fn write(&self, row: usize, out: &mut String) {
        let start = out.len();
        self.writer.write(row, out);
        if self.form == LeafForm::Raw {
            return;
        }
        if self.form == LeafForm::Bare {
            // DuckDB's JSON writer spells a double's NaN and infinities as
            // JavaScript does (not strict JSON); the results of statements
            // that DuckDB does not write for us (SUMMARIZE, PRAGMA) agree.
            // No other number or boolean has an n or i.
            if !out[start..].contains(['n', 'i']) {
                return;
            }
            let spelled = match &out[start..] {
                "inf" => "Infinity",
                "-inf" => "-Infinity",
                _ => "NaN",
            };
            out.truncate(start);
            out.push_str(spelled);
        } else {
            let text = out.split_off(start);
            write_json_string(out, &text);
        }
    }
}

fn write_list<O: OffsetSizeTrait>(out: &mut String, list: &GenericListArray<O>, row: usize) {
    let offsets = list.value_offsets();
    write_elements(
        out,
        list.values().as_ref(),
        offsets[row].as_usize(),
        offsets[row + 1].as_usize(),
    );
}

fn write_elements(out: &mut String, values: &dyn Array, start: usize, end: usize) {
    out.push('[');
    for index in start..end {
        if index > start {
            out.push(',');
        }
        write_json_value(out, values, index);
    }
    out.push(']');
}

fn write_struct(out: &mut String, array: &StructArray, row: usize) {
    out.push('{');
    for (index, (field, column)) in array.fields().iter().zip(array.columns()).enumerate() {
        if index > 0 {
            out.push(',');
        }
        write_json_string(out, field.name());
        out.push(':');
        write_json_value(out, column.as_ref(), row);
    }
    out.push('}');
}

fn write_map(out: &mut String, map: &MapArray, row: usize) {
    let offsets = map.value_offsets();
    let (start, end) = (offsets[row] as usize, offsets[row + 1] as usize);
    let keys = map.keys();
    let key_text = CellWriter::new(keys);
    out.push('{');
    for index in start..end {
        if index > start {
            out.push(',');
        }
        let mut key = String::new();
        key_text.write(index, &mut key);
        write_json_string(out, &key);
        out.push(':');
        write_json_value(out, map.values().as_ref(), index);
    }
    out.push('}');
}

pub(crate) fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
