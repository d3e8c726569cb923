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

use crate::load::sheet::{DataRow, Sheet, open_sheet, text_of};
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

/// What the query named and the columns' kinds; the sheet as the sample
/// left it, for the first scan to go on with.
pub struct Bound {
    path: String,
    wanted: Option<String>,
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

/// The sandbox's function has nothing to read.
pub struct Nothing;

fn kind_of<'a>(values: impl Iterator<Item = &'a Data>) -> Kind {
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
    kind.unwrap_or(Kind::Text)
}

struct ReadXlsx;

impl VTab for ReadXlsx {
    type InitData = Cursor;
    type BindData = Bound;

    fn bind(bind: &BindInfo) -> Result<Bound, Box<dyn std::error::Error>> {
        let path = bind.get_parameter(0).to_string();
        let wanted = bind.get_named_parameter("sheet").map(|v| v.to_string());
        let all_varchar = bind
            .get_named_parameter("all_varchar")
            .is_some_and(|v| v.to_string() == "true");
        let mut sheet = open_sheet(std::path::Path::new(&path), wanted.as_deref())?;
        let mut sampled = VecDeque::new();
        while sampled.len() < SAMPLE {
            match sheet.next_row()? {
                Some(row) => sampled.push_back(row),
                None => break,
            }
        }
        let kinds: Vec<Kind> = (0..sheet.columns.len())
            .map(|column| {
                if all_varchar {
                    Kind::Text
                } else {
                    kind_of(sampled.iter().filter_map(|row| row.cells.get(column)))
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
            wanted,
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
                sheet: open_sheet(std::path::Path::new(&bound.path), bound.wanted.as_deref())?,
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
            .map_err(|_| "read_xlsx: this scan stopped part way")?;
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
                "all_varchar".to_string(),
                LogicalTypeHandle::from(LogicalTypeId::Boolean),
            ),
        ])
    }
}

/// The function as the sandbox has it: present, and refusing.
struct ReadXlsxRefused;

impl VTab for ReadXlsxRefused {
    type InitData = Nothing;
    type BindData = Nothing;

    fn bind(_: &BindInfo) -> Result<Nothing, Box<dyn std::error::Error>> {
        Err(t!("read-xlsx-sandbox").into())
    }

    fn init(_: &InitInfo) -> Result<Nothing, Box<dyn std::error::Error>> {
        Ok(Nothing)
    }

    fn func(
        _: &TableFunctionInfo<Self>,
        output: &mut DataChunkHandle,
    ) -> Result<(), Box<dyn std::error::Error>> {
        output.set_len(0);
        Ok(())
    }

    fn parameters() -> Option<Vec<LogicalTypeHandle>> {
        ReadXlsx::parameters()
    }

    fn named_parameters() -> Option<Vec<(String, LogicalTypeHandle)>> {
        ReadXlsx::named_parameters()
    }
}

/// Makes `read_xlsx` known to the connection.
pub fn register(connection: &Connection, sandbox: bool) -> duckdb::Result<()> {
    if sandbox {
        connection.register_table_function::<ReadXlsxRefused>("read_xlsx")
    } else {
        connection.register_table_function::<ReadXlsx>("read_xlsx")
    }
}
