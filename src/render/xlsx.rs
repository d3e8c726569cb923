//! Excel workbooks: one sheet per result of a run, typed cells (numbers as
//! numbers, dates as dates, booleans as booleans), a bold header frozen in
//! place, and columns wide enough for their text, Chinese counted double.
//! Rows stream to disk as they come (rust_xlsxwriter's constant-memory
//! mode); the workbook is written when the run ends, under a temporary name
//! that becomes the file's only when the run succeeded, like every output.

use std::path::Path;

use duckdb::arrow::array::{Array, AsArray, BooleanArray, Date32Array, TimestampMicrosecondArray};
use duckdb::arrow::datatypes::{
    DataType, Date32Type, Decimal128Type, Float32Type, Float64Type, Int8Type, Int16Type, Int32Type,
    Int64Type, Schema, TimeUnit, TimestampMicrosecondType, UInt8Type, UInt16Type, UInt32Type,
    UInt64Type,
};
use duckdb::arrow::record_batch::RecordBatch;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

use super::CellWriter;
use crate::error::{Error, Result};
use crate::t;

/// Rows in an Excel sheet, the header's included.
pub const EXCEL_ROWS: u64 = 1_048_576;
/// Days from Excel's day 0 (1899-12-30) to 1970-01-01.
const UNIX_EPOCH_IN_EXCEL: f64 = 25_569.0;
/// Integers beyond this lose digits as Excel numbers; they go in as text.
const EXACT_INTEGERS: f64 = 1e15;
/// Widest a column is made, in characters.
const MAX_WIDTH: usize = 60;

pub struct XlsxBook {
    book: Workbook,
    sheets: usize,
    header: Format,
    date: Format,
    datetime: Format,
    /// Headers show the data dictionary's titles (`--labels`).
    labels: bool,
}

/// The sheet being written: where its next row goes and how wide each
/// column has to be.
pub struct Sheet {
    index: usize,
    next_row: u32,
    widths: Vec<usize>,
}

impl Default for XlsxBook {
    fn default() -> Self {
        XlsxBook {
            book: Workbook::new(),
            sheets: 0,
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            datetime: Format::new().set_num_format("yyyy-mm-dd hh:mm:ss"),
            labels: false,
        }
    }
}

fn xlsx_error(error: XlsxError) -> Error {
    Error::Engine(t!("xlsx-write-failed", reason = error.to_string()))
}

impl XlsxBook {
    /// A workbook whose headers show the data dictionary's titles (`--labels`).
    pub fn with_labels(labels: bool) -> Self {
        XlsxBook {
            labels,
            ..XlsxBook::default()
        }
    }

    /// Starts the sheet of the next result, with its header.
    pub fn begin(&mut self, schema: &Schema) -> Result<Sheet> {
        let relabelled;
        let schema = if self.labels {
            relabelled = super::labels::relabel(schema);
            &relabelled
        } else {
            schema
        };
        self.sheets += 1;
        let header = self.header.clone();
        let sheet = self
            .book
            .add_worksheet_with_constant_memory()
            .map_err(xlsx_error)?;
        sheet
            .set_name(format!("Result {}", self.sheets))
            .map_err(xlsx_error)?;
        let mut widths = Vec::new();
        for (column, field) in schema.fields().iter().enumerate() {
            sheet
                .write_string_with_format(0, column as u16, field.name(), &header)
                .map_err(xlsx_error)?;
            widths.push(field.name().width());
        }
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        Ok(Sheet {
            index: self.sheets - 1,
            next_row: 1,
            widths,
        })
    }

    /// Writes a batch's rows, each cell with its type.
    pub fn push(&mut self, sheet: &mut Sheet, batch: &RecordBatch) -> Result<()> {
        let rows = batch.num_rows() as u64;
        if u64::from(sheet.next_row) + rows > EXCEL_ROWS {
            return Err(Error::Engine(t!(
                "xlsx-too-many-rows",
                rows = (EXCEL_ROWS - 1).to_string(),
                sheet_rows = EXCEL_ROWS.to_string()
            )));
        }
        let (date, datetime) = (self.date.clone(), self.datetime.clone());
        let worksheet = self
            .book
            .worksheet_from_index(sheet.index)
            .map_err(xlsx_error)?;
        let columns: Vec<(&dyn Array, Cells<'_>)> = batch
            .columns()
            .iter()
            .map(|array| (array.as_ref(), Cells::new(array.as_ref())))
            .collect();
        // One buffer for every cell's text.
        let mut text = String::new();
        // Constant-memory sheets take their rows in order, each whole.
        for row in 0..batch.num_rows() {
            let at = sheet.next_row + row as u32;
            for (column, (array, cells)) in columns.iter().enumerate() {
                if array.is_null(row) || *array.data_type() == DataType::Null {
                    continue;
                }
                let width = &mut sheet.widths[column];
                cells
                    .write(
                        worksheet,
                        at,
                        column as u16,
                        row,
                        (&date, &datetime),
                        width,
                        &mut text,
                    )
                    .map_err(xlsx_error)?;
            }
        }
        sheet.next_row += rows as u32;
        Ok(())
    }

    /// Sets the sheet's column widths from what it holds.
    pub fn finish(&mut self, sheet: Sheet) -> Result<()> {
        let worksheet = self
            .book
            .worksheet_from_index(sheet.index)
            .map_err(xlsx_error)?;
        for (column, width) in sheet.widths.iter().enumerate() {
            let width = (*width).clamp(4, MAX_WIDTH) + 2;
            worksheet
                .set_column_width(column as u16, width as f64)
                .map_err(xlsx_error)?;
        }
        Ok(())
    }

    /// Writes the workbook; a run without a result still gets a sheet.
    pub fn save(mut self, path: &Path) -> Result<()> {
        if self.sheets == 0 {
            self.book.add_worksheet();
        }
        // An output error: the run names the file the user asked for.
        self.book.save(path).map_err(|e| match e {
            XlsxError::IoError(io) => Error::Output(io),
            other => xlsx_error(other),
        })
    }
}

/// How one column's values go into cells.
enum Cells<'a> {
    Integer(Box<dyn Fn(usize) -> i128 + 'a>),
    Number(Box<dyn Fn(usize) -> f64 + 'a>),
    Boolean(&'a BooleanArray),
    Date(&'a Date32Array),
    Timestamp(&'a TimestampMicrosecondArray),
    /// Everything else as DuckDB-like text.
    Text(CellWriter<'a>),
}

impl<'a> Cells<'a> {
    fn new(array: &'a dyn Array) -> Cells<'a> {
        macro_rules! number {
            ($t:ty) => {{
                let values = array.as_primitive::<$t>();
                Cells::Integer(Box::new(move |row| i128::from(values.value(row))))
            }};
        }
        match array.data_type() {
            DataType::Int8 => number!(Int8Type),
            DataType::Int16 => number!(Int16Type),
            DataType::Int32 => number!(Int32Type),
            DataType::Int64 => number!(Int64Type),
            DataType::UInt8 => number!(UInt8Type),
            DataType::UInt16 => number!(UInt16Type),
            DataType::UInt32 => number!(UInt32Type),
            DataType::UInt64 => number!(UInt64Type),
            DataType::Float32 => {
                let values = array.as_primitive::<Float32Type>();
                Cells::Number(Box::new(move |row| f64::from(values.value(row))))
            }
            DataType::Float64 => {
                let values = array.as_primitive::<Float64Type>();
                Cells::Number(Box::new(move |row| values.value(row)))
            }
            DataType::Decimal128(_, scale) => {
                let values = array.as_primitive::<Decimal128Type>();
                if *scale == 0 {
                    // Whole decimals (HUGEINT ids, DECIMAL(38,0)) keep every digit.
                    Cells::Integer(Box::new(move |row| values.value(row)))
                } else {
                    let divisor = 10f64.powi(i32::from(*scale));
                    Cells::Number(Box::new(move |row| values.value(row) as f64 / divisor))
                }
            }
            DataType::Boolean => Cells::Boolean(array.as_boolean()),
            DataType::Date32 => Cells::Date(array.as_primitive::<Date32Type>()),
            DataType::Timestamp(TimeUnit::Microsecond, None) => {
                Cells::Timestamp(array.as_primitive::<TimestampMicrosecondType>())
            }
            _ => Cells::Text(CellWriter::for_array(array)),
        }
    }

    fn write(
        &self,
        sheet: &mut Worksheet,
        at: u32,
        column: u16,
        row: usize,
        (date, datetime): (&Format, &Format),
        width: &mut usize,
        text: &mut String,
    ) -> std::result::Result<(), XlsxError> {
        use std::fmt::Write as _;
        text.clear();
        match self {
            Cells::Integer(value) => {
                let value = value(row);
                let _ = write!(text, "{value}");
                // Excel numbers are doubles: long integers (ids) would lose
                // digits, so they go in as text.
                if value.unsigned_abs() < EXACT_INTEGERS as u128 {
                    sheet.write_number(at, column, value as f64)?;
                } else {
                    sheet.write_string(at, column, text.as_str())?;
                }
            }
            Cells::Number(value) => {
                let value = value(row);
                let _ = write!(text, "{value}");
                if value.is_finite() {
                    sheet.write_number(at, column, value)?;
                } else {
                    // Excel has no NaN or infinity.
                    sheet.write_string(at, column, text.as_str())?;
                }
            }
            Cells::Boolean(values) => {
                sheet.write_boolean(at, column, values.value(row))?;
                text.push_str("FALSE");
            }
            Cells::Date(values) => {
                let serial = f64::from(values.value(row)) + UNIX_EPOCH_IN_EXCEL;
                sheet.write_number_with_format(at, column, serial, date)?;
                text.push_str("yyyy-mm-dd");
            }
            Cells::Timestamp(values) => {
                let days = values.value(row) as f64 / 86_400_000_000.0;
                sheet.write_number_with_format(at, column, days + UNIX_EPOCH_IN_EXCEL, datetime)?;
                text.push_str("yyyy-mm-dd hh:mm:ss");
            }
            Cells::Text(writer) => {
                writer.write(row, text);
                sheet.write_string(at, column, text.as_str())?;
            }
        }
        *width = (*width).max(text.width());
        Ok(())
    }
}
