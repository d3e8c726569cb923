//! `read_xlsx('file.xlsx', sheet => 'name')` in SQL, under the name of
//! DuckDB's own (downloadable) extension, so that a spreadsheet joins the
//! bundled data in an ad hoc query, offline. A column of numbers is DOUBLE,
//! of booleans BOOLEAN, anything else VARCHAR (dates as ISO text, which
//! DuckDB casts). Under `--sandbox` the function exists and refuses, like
//! every other file access.

use std::collections::VecDeque;
use std::sync::Mutex;

use calamine::Data;
use duckdb::Connection;
use duckdb::core::{DataChunkHandle, Inserter, LogicalTypeHandle, LogicalTypeId};
use duckdb::vtab::{BindInfo, InitInfo, TableFunctionInfo, VTab};

use crate::sandbox_refusal::{ReadsFiles, Refused};
use crate::sheets::{CellRange, DataRow, HeaderChoice, Layout, Sheet, open_sheet, text_of};
use crate::t;

/// Rows handed to DuckDB at a time (its vector size).
const CHUNK: usize = 2048;
/// Data rows read at bind time to decide each column's type, as DuckDB's
/// own readers sniff a sample; a later cell of another kind is refused
/// with its cell, and `all_varchar := true` reads every column as text.
const SAMPLE: usize = 1000;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Boolean,
    Text,
}

/// The options of DuckDB's excel extension, with its meanings.
#[derive(Clone)]
struct Options {
    /// `sheet`: a name, or a number from 1.
    wanted: Option<String>,
    /// `header`: the table's first row names its columns (else they are
    /// named by their letters).
    header: bool,
    /// `range`: `A2:F200`; found when not given (the title rows above a
    /// list skipped).
    range: Option<CellRange>,
    /// `stop_at_empty`: the table ends at its first empty row (true unless
    /// a range is given).
    stop_at_empty: bool,
    /// `all_varchar`: every column as text.
    all_varchar: bool,
    /// `empty_as_varchar`: a column without a value is VARCHAR, not DOUBLE.
    empty_as_varchar: bool,
    /// `ignore_errors`: a cell of another kind than its column's is NULL.
    ignore_errors: bool,
}

impl Options {
    fn layout(&self) -> Layout<'static> {
        Layout {
            header: HeaderChoice::First,
            has_header: self.header,
            range: self.range,
            stop_at_empty: self.stop_at_empty,
            refuse_after_end: false,
            percents_as_shown: false,
        }
    }

    fn open(&self, path: &str) -> crate::error::Result<Sheet> {
        open_sheet(
            std::path::Path::new(path),
            self.wanted.as_deref(),
            &self.layout(),
        )
    }
}

/// What the query named and the columns' kinds; the sheet as the sample
/// left it, for the first scan to go on with.
pub struct Bound {
    path: String,
    options: Options,
    kinds: Vec<Kind>,
    first_scan: Mutex<Option<Reading>>,
}

/// A scan of the sheet, with the rows the sample took from it first.
struct Reading {
    sheet: Sheet,
    sampled: VecDeque<DataRow>,
}

/// One scan's reading. A plan run again (a prepared statement) scans again
/// from the top, so each scan has its own.
pub struct Cursor {
    reading: Mutex<Reading>,
}

/// The kind of a column from its sampled values; a column without any is
/// DOUBLE, as in DuckDB's reader, or VARCHAR when `empty_as_varchar`.
fn kind_of<'a>(values: impl Iterator<Item = &'a Data>, empty_as_varchar: bool) -> Kind {
    let mut kind = None;
    for value in values {
        let this = match value {
            Data::Empty => continue,
            Data::Int(_) | Data::Float(_) => Kind::Number,
            Data::Bool(_) => Kind::Boolean,
            _ => return Kind::Text,
        };
        match kind {
            None => kind = Some(this),
            Some(seen) if seen != this => return Kind::Text,
            Some(_) => {}
        }
    }
    kind.unwrap_or(if empty_as_varchar {
        Kind::Text
    } else {
        Kind::Number
    })
}

struct ReadXlsx;

impl VTab for ReadXlsx {
    type InitData = Cursor;
    type BindData = Bound;

    fn bind(bind: &BindInfo) -> Result<Bound, Box<dyn std::error::Error>> {
        let path = bind.get_parameter(0).to_string();
        let flag = |name: &str| {
            bind.get_named_parameter(name)
                .map(|value| value.to_string() == "true")
        };
        let range = match bind.get_named_parameter("range") {
            Some(text) => {
                let text = text.to_string();
                Some(
                    CellRange::parse(&text)
                        .ok_or_else(|| t!("read-xlsx-bad-range", range = text))?,
                )
            }
            None => None,
        };
        let options = Options {
            wanted: bind.get_named_parameter("sheet").map(|v| v.to_string()),
            header: flag("header").unwrap_or(true),
            stop_at_empty: flag("stop_at_empty").unwrap_or(range.is_none()),
            range,
            all_varchar: flag("all_varchar").unwrap_or(false),
            empty_as_varchar: flag("empty_as_varchar").unwrap_or(false),
            ignore_errors: flag("ignore_errors").unwrap_or(false),
        };
        let mut sheet = options.open(&path)?;
        let mut sampled = VecDeque::new();
        while sampled.len() < SAMPLE {
            match sheet.next_row()? {
                Some(row) => sampled.push_back(row),
                None => break,
            }
        }
        let kinds: Vec<Kind> = (0..sheet.columns.len())
            .map(|column| {
                if options.all_varchar {
                    Kind::Text
                } else {
                    kind_of(
                        sampled.iter().filter_map(|row| row.cells.get(column)),
                        options.empty_as_varchar,
                    )
                }
            })
            .collect();
        for ((name, _), kind) in sheet.columns.iter().zip(&kinds) {
            let id = match kind {
                Kind::Number => LogicalTypeId::Double,
                Kind::Boolean => LogicalTypeId::Boolean,
                Kind::Text => LogicalTypeId::Varchar,
            };
            bind.add_result_column(name, LogicalTypeHandle::from(id));
        }
        Ok(Bound {
            path,
            options,
            kinds,
            first_scan: Mutex::new(Some(Reading { sheet, sampled })),
        })
    }

    fn init(init: &InitInfo) -> Result<Cursor, Box<dyn std::error::Error>> {
        // SAFETY: DuckDB hands init the bind data this function's bind
        // returned, which lives as long as the plan.
        let bound = unsafe { &*init.get_bind_data::<Bound>() };
        let first = bound
            .first_scan
            .lock()
            .ok()
            .and_then(|mut first| first.take());
        let reading = match first {
            Some(reading) => reading,
            None => Reading {
                sheet: bound.options.open(&bound.path)?,
                sampled: VecDeque::new(),
            },
        };
        Ok(Cursor {
            reading: Mutex::new(reading),
        })
    }

    fn func(
        func: &TableFunctionInfo<Self>,
        output: &mut DataChunkHandle,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let bound = func.get_bind_data();
        // Poisoned only if a panic stopped an earlier chunk of this scan.
        let mut reading = func
            .get_init_data()
            .reading
            .lock()
            .map_err(|_| t!("read-xlsx-scan-stopped"))?;
        let Reading { sheet, sampled } = &mut *reading;
        let mut rows = Vec::with_capacity(CHUNK);
        while rows.len() < CHUNK {
            match sampled.pop_front() {
                Some(row) => rows.push(row),
                None => match sheet.next_row()? {
                    Some(row) => rows.push(row),
                    None => break,
                },
            }
        }
        for (column, kind) in bound.kinds.iter().enumerate() {
            let mut vector = output.flat_vector(column);
            for (at, row) in rows.iter().enumerate() {
                let value = row.cells.get(column).unwrap_or(&Data::Empty);
                match (value, kind) {
                    (Data::Empty, _) => vector.set_null(at),
                    // SAFETY: the vector holds DOUBLE values, as bound for
                    // this column, and `at` < CHUNK, its size.
                    (Data::Int(n), Kind::Number) => unsafe {
                        vector.as_mut_slice::<f64>()[at] = *n as f64
                    },
                    (Data::Float(n), Kind::Number) => unsafe {
                        vector.as_mut_slice::<f64>()[at] = *n
                    },
                    // SAFETY: as above, for a BOOLEAN column.
                    (Data::Bool(b), Kind::Boolean) => unsafe {
                        vector.as_mut_slice::<bool>()[at] = *b
                    },
                    (other, Kind::Text) => {
                        let text = text_of(other, || sheet.cell(row.index, column))?;
                        vector.insert(at, text.as_str());
                    }
                    (_, _) if bound.options.ignore_errors => vector.set_null(at),
                    (_, _) => {
                        return Err(t!(
                            "read-xlsx-kind-changed",
                            cell = sheet.cell(row.index, column),
                            column = &sheet.columns[column].0,
                            rows = SAMPLE
                        )
                        .into());
                    }
                }
            }
        }
        output.set_len(rows.len());
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
                "range".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Varchar),
            ),
            (
                "header".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
            (
                "all_varchar".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
            (
                "stop_at_empty".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
            (
                "empty_as_varchar".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
            (
                "ignore_errors".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
        ])
    }
}

impl ReadsFiles for ReadXlsx {
    const REFUSAL: &'static str = "read-xlsx-sandbox";
}

/// Makes `read_xlsx` known to the connection.
pub fn register(connection: &Connection, sandbox: bool) -> duckdb::Result<()> {
    if sandbox {
        connection.register_table_function::<Refused<ReadXlsx>>("read_xlsx")
    } else {
        connection.register_table_function::<ReadXlsx>("read_xlsx")
    }
}
