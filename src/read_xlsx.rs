//! `read_xlsx('file.xlsx', sheet => 'name')` in SQL, under the name of
//! DuckDB's own (downloadable) extension, so that a spreadsheet joins the
//! bundled data in an ad hoc query, offline. A column of numbers is DOUBLE,
//! of booleans BOOLEAN, anything else VARCHAR (dates as ISO text, which
//! DuckDB casts). Under `--sandbox` the function exists and refuses, like
//! every other file access.

use std::sync::atomic::{AtomicUsize, Ordering};

use calamine::Data;
use duckdb::Connection;
use duckdb::core::{DataChunkHandle, Inserter, LogicalTypeHandle, LogicalTypeId};
use duckdb::vtab::{BindInfo, InitInfo, TableFunctionInfo, VTab};

use crate::load::sheet::{open_sheet, text_of};

/// Rows handed to DuckDB at a time (its vector size).
const CHUNK: usize = 2048;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Boolean,
    Text,
}

/// One cell as the function returns it.
enum Cell {
    Null,
    Number(f64),
    Boolean(bool),
    Text(String),
}

pub struct Sheet {
    kinds: Vec<Kind>,
    rows: Vec<Vec<Cell>>,
}

pub struct Cursor {
    next: AtomicUsize,
}

fn kind_of(values: &[&Data]) -> Kind {
    let filled: Vec<&&Data> = values.iter().filter(|v| ***v != Data::Empty).collect();
    if !filled.is_empty()
        && filled
            .iter()
            .all(|v| matches!(***v, Data::Int(_) | Data::Float(_)))
    {
        Kind::Number
    } else if !filled.is_empty() && filled.iter().all(|v| matches!(***v, Data::Bool(_))) {
        Kind::Boolean
    } else {
        Kind::Text
    }
}

struct ReadXlsx;

impl VTab for ReadXlsx {
    type InitData = Cursor;
    type BindData = Sheet;

    fn bind(bind: &BindInfo) -> Result<Sheet, Box<dyn std::error::Error>> {
        let path = bind.get_parameter(0).to_string();
        let wanted = bind.get_named_parameter("sheet").map(|v| v.to_string());
        let sheet = open_sheet(std::path::Path::new(&path), wanted.as_deref())?;
        let data: Vec<(u32, &[Data])> = sheet.data_rows().collect();
        let width = sheet.columns.len();
        let kinds: Vec<Kind> = (0..width)
            .map(|column| {
                let values: Vec<&Data> = data
                    .iter()
                    .map(|(_, row)| row.get(column).unwrap_or(&Data::Empty))
                    .collect();
                kind_of(&values)
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
        let mut rows = Vec::with_capacity(data.len());
        for (index, (_, row)) in data.iter().enumerate() {
            let mut cells = Vec::with_capacity(width);
            for (column, kind) in kinds.iter().enumerate() {
                let value = row.get(column).unwrap_or(&Data::Empty);
                cells.push(match (value, kind) {
                    (Data::Empty, _) => Cell::Null,
                    (Data::Int(n), Kind::Number) => Cell::Number(*n as f64),
                    (Data::Float(n), Kind::Number) => Cell::Number(*n),
                    (Data::Bool(b), Kind::Boolean) => Cell::Boolean(*b),
                    (other, _) => Cell::Text(text_of(other, || sheet.cell(index + 1, column))?),
                });
            }
            rows.push(cells);
        }
        Ok(Sheet { kinds, rows })
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
        let sheet = func.get_bind_data();
        let start = func
            .get_init_data()
            .next
            .fetch_add(CHUNK, Ordering::Relaxed)
            .min(sheet.rows.len());
        let rows = &sheet.rows[start..(start + CHUNK).min(sheet.rows.len())];
        for (column, kind) in sheet.kinds.iter().enumerate() {
            let mut vector = output.flat_vector(column);
            for (row, cells) in rows.iter().enumerate() {
                match (&cells[column], kind) {
                    (Cell::Null, _) => vector.set_null(row),
                    (Cell::Text(text), _) => vector.insert(row, text.as_str()),
                    // SAFETY: the vector holds DOUBLE (BOOLEAN) values, as
                    // bound for this column, and `row` < CHUNK, its size.
                    (Cell::Number(n), _) => unsafe { vector.as_mut_slice::<f64>()[row] = *n },
                    (Cell::Boolean(b), _) => unsafe { vector.as_mut_slice::<bool>()[row] = *b },
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
    type BindData = Sheet;

    fn bind(_: &BindInfo) -> Result<Sheet, Box<dyn std::error::Error>> {
        Err("read_xlsx reads a file, which --sandbox does not allow".into())
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
