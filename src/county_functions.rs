//! Places by name in SQL: `county_code(place)`, `county_code(province,
//! county)` and `county_name(code)`, so that a county yearbook keyed by
//! names joins the clusters by code. The matching is `counties`' (the one
//! module that knows places); a name that is unknown, or that fits more
//! than one county without its province (宝山区), gives NULL, never a
//! guess.

use duckdb::Connection;
use duckdb::core::{DataChunkHandle, Inserter, LogicalTypeHandle, LogicalTypeId};
use duckdb::ffi::duckdb_string_t;
use duckdb::types::DuckString;
use duckdb::vscalar::{ScalarFunctionSignature, VScalar};
use duckdb::vtab::arrow::WritableVector;

use crate::counties;

/// Makes the functions known to a connection.
pub fn register(connection: &Connection) -> duckdb::Result<()> {
    connection.register_scalar_function::<CountyCode>("county_code")?;
    connection.register_scalar_function::<CountyName>("county_name")
}

/// The text of each row of the chunk's column `column`, `None` for NULL.
fn texts(input: &DataChunkHandle, column: usize) -> Vec<Option<String>> {
    let rows = input.len();
    let vector = input.flat_vector(column);
    // SAFETY: DuckDB hands a flat VARCHAR vector of `rows` strings, as the
    // signatures below ask.
    let values = unsafe { vector.as_slice_with_len::<duckdb_string_t>(rows) };
    values
        .iter()
        .enumerate()
        .map(|(row, value)| {
            if vector.row_is_null(row as u64) {
                return None;
            }
            let mut value = *value;
            Some(String::from_utf8_lossy(DuckString::new(&mut value).as_bytes()).into_owned())
        })
        .collect()
}

/// Writes one text or NULL a row.
fn write(output: &mut dyn WritableVector, answers: &[Option<String>]) {
    let mut out = output.flat_vector();
    for (row, answer) in answers.iter().enumerate() {
        match answer {
            Some(text) => out.insert(row, text.as_str()),
            None => out.set_null(row),
        }
    }
}

fn varchar() -> LogicalTypeHandle {
    LogicalTypeHandle::from(LogicalTypeId::Varchar)
}

/// Answers each row from its text arguments; a row with a NULL argument
/// gets NULL, as SQL functions do.
fn each_row(
    input: &DataChunkHandle,
    output: &mut dyn WritableVector,
    answer: impl Fn(&[&str]) -> Option<String>,
) {
    let columns: Vec<Vec<Option<String>>> =
        (0..input.num_columns()).map(|c| texts(input, c)).collect();
    let answers: Vec<Option<String>> = (0..input.len())
        .map(|row| {
            let arguments: Option<Vec<&str>> = columns
                .iter()
                .map(|column| column[row].as_deref())
                .collect();
            answer(&arguments?)
        })
        .collect();
    write(output, &answers);
}

/// `county_code(place)` and `county_code(province, county)`.
struct CountyCode;

impl VScalar for CountyCode {
    type State = ();

    fn invoke(
        _: &Self::State,
        input: &mut DataChunkHandle,
        output: &mut dyn WritableVector,
    ) -> Result<(), Box<dyn std::error::Error>> {
        each_row(input, output, |arguments| {
            let county = match arguments {
                [place] => counties::by_place(place),
                [province, county] => counties::by_name(province, county),
                _ => None,
            };
            county.map(|county| county.code.to_string())
        });
        Ok(())
    }

    fn signatures() -> Vec<ScalarFunctionSignature> {
        vec![
            ScalarFunctionSignature::exact(vec![varchar()], varchar()),
            ScalarFunctionSignature::exact(vec![varchar(), varchar()], varchar()),
        ]
    }
}

/// `county_name(code)`: the place as offices write it, province first.
struct CountyName;

impl VScalar for CountyName {
    type State = ();

    fn invoke(
        _: &Self::State,
        input: &mut DataChunkHandle,
        output: &mut dyn WritableVector,
    ) -> Result<(), Box<dyn std::error::Error>> {
        each_row(input, output, |arguments| {
            arguments
                .first()
                .and_then(|code| counties::place_name(code))
        });
        Ok(())
    }

    fn signatures() -> Vec<ScalarFunctionSignature> {
        vec![ScalarFunctionSignature::exact(vec![varchar()], varchar())]
    }
}
