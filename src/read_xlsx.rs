//! `read_xlsx('file.xlsx', sheet => 'name')` in SQL, under the name of
//! DuckDB's own (downloadable) extension, so that a spreadsheet joins the
//! bundled data in an ad hoc query, offline. A column of numbers is DOUBLE,
//! of booleans BOOLEAN, anything else VARCHAR (dates as ISO text, which
//! DuckDB casts). Under `--sandbox` the function exists and refuses, like
//! every other file access.

use crate::t;
use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::Data;
use duckdb::Connection;
use duckdb::core::{DataChunkHandle, Inserter, LogicalTypeHandle, LogicalTypeId};
use duckdb::vtab::{BindInfo, InitInfo, TableFunctionInfo, VTab};

use crate::load::sheet::{Sheet, open_sheet, text_of};

/// Rows handed to DuckDB at a time (its vector size).
const CHUNK: usize = 2048;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Boolean,
    Text,
}

/// The sheet as read at bind time; cells become values chunk by chunk,
/// so the sheet is held once, not twice.
pub struct Bound {
    sheet: Sheet,
    kinds: Vec<Kind>,
    /// The range's rows that hold data, in order.
    rows: Vec<usize>,
}

pub struct Cursor {
    next: AtomicUsize,
}

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
        let sheet = open_sheet(std::path::Path::new(&path), wanted.as_deref())?;
        let rows = sheet.data_row_indexes();
        let kinds: Vec<Kind> = (0..sheet.columns.len())
            .map(|column| kind_of(rows.iter().map(|row| sheet.value(*row, column))))
            .collect();
        for ((name, _), kind) in sheet.columns.iter().zip(&kinds) {
            let id = match kind {
                Kind::Number => LogicalTypeId::Double,
                Kind::Boolean => LogicalTypeId::Boolean,
                Kind::Text => LogicalTypeId::Varchar,
            };
            bind.add_result_column(name, LogicalTypeHandle::from(id));
        }
        Ok(Bound { sheet, kinds, rows })
    }

    fn init(_: &InitInfo) -> Result<Cursor, Box<dyn std::error::Error>> {
        Ok(Cursor {
            next: AtomicUsize::new(0),
        })
    }

    fn func(
        func: &TableFunctionInfo<Self>,
        output: &mut DataChunkHandle,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let bound = func.get_bind_data();
        let start = func
            .get_init_data()
            .next
            .fetch_add(CHUNK, Ordering::Relaxed)
            .min(bound.rows.len());
        let rows = &bound.rows[start..(start + CHUNK).min(bound.rows.len())];
        for (column, kind) in bound.kinds.iter().enumerate() {
            let mut vector = output.flat_vector(column);
            for (at, row) in rows.iter().enumerate() {
                match (bound.sheet.value(*row, column), kind) {
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
                    (other, _) => {
                        let text = text_of(other, || bound.sheet.cell(*row, column))?;
                        vector.insert(at, text.as_str());
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
        Some(vec![(
            "sheet".to_string(),
            LogicalTypeHandle::from(LogicalTypeId::Varchar),
        )])
    }
}

/// The function as the sandbox has it: present, and refusing.
struct ReadXlsxRefused;

impl VTab for ReadXlsxRefused {
    type InitData = Cursor;
    type BindData = Cursor;

    fn bind(_: &BindInfo) -> Result<Cursor, Box<dyn std::error::Error>> {
        Err(t!("read-xlsx-sandbox").into())
    }

    fn init(_: &InitInfo) -> Result<Cursor, Box<dyn std::error::Error>> {
        Ok(Cursor {
            next: AtomicUsize::new(0),
        })
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
