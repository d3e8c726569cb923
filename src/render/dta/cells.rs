//! A block of rows' cells, one variable at a time: each value in its
//! variable's storage type, Stata's missing value for NULL, and a refusal
//! for a value the plan did not measure room for.

use duckdb::arrow::array::{Array, ArrayRef, AsArray, StringArray};
use duckdb::arrow::compute::{CastOptions, cast, cast_with_options};
use duckdb::arrow::datatypes::{DataType, Date32Type, Float64Type, Int32Type, Int64Type};

use super::dates::{stata_days, stata_millis};
use super::plan::DtaVariable;
use super::strls::Strl;
use super::types::{
    BYTE_MAX, BYTE_MIN, BYTE_MISSING, DOUBLE_MISSING, INT_MAX, INT_MIN, INT_MISSING, Kind,
    LONG_MAX, LONG_MIN, LONG_MISSING, Storage,
};
use super::write_failed;
use crate::error::{Error, Result};
use crate::t;

/// A value outside what the plan measured: the query gave other rows the
/// second time it ran.
fn changed(variable: &DtaVariable) -> Error {
    Error::Engine(t!("dta-result-changed", column = variable.column.as_str()))
}

/// Writes `value` as an integer of `storage`; false when out of its range.
fn put_integer(cell: &mut [u8], storage: Storage, value: i64) -> bool {
    match storage {
        Storage::Byte if (BYTE_MIN..=BYTE_MAX).contains(&value) => {
            cell.copy_from_slice(&(value as i8).to_le_bytes())
        }
        Storage::Int if (INT_MIN..=INT_MAX).contains(&value) => {
            cell.copy_from_slice(&(value as i16).to_le_bytes())
        }
        Storage::Long if (LONG_MIN..=LONG_MAX).contains(&value) => {
            cell.copy_from_slice(&(value as i32).to_le_bytes())
        }
        Storage::Double => put_double(cell, Some(value as f64)),
        _ => return false,
    }
    true
}

/// Writes a double; NaN, infinities and values past Stata's largest
/// (2^1023, where the missing codes begin) are missing.
fn put_double(cell: &mut [u8], value: Option<f64>) {
    let bits = match value {
        Some(v) if v.is_finite() && v < f64::from_bits(DOUBLE_MISSING) => v.to_bits(),
        _ => DOUBLE_MISSING,
    };
    cell.copy_from_slice(&bits.to_le_bytes());
}

/// Writes `.` in a cell of `storage` (text is empty, as zeros).
fn put_missing(cell: &mut [u8], storage: Storage) {
    match storage {
        Storage::Byte => cell.copy_from_slice(&BYTE_MISSING.to_le_bytes()),
        Storage::Int => cell.copy_from_slice(&INT_MISSING.to_le_bytes()),
        Storage::Long => cell.copy_from_slice(&LONG_MISSING.to_le_bytes()),
        Storage::Double => put_double(cell, None),
        Storage::Str(_) | Storage::StrL => cell.fill(0),
    }
}

/// The cells of one variable in a block of rows.
pub(super) struct Cells<'a> {
    pub(super) rows: &'a mut [u8],
    pub(super) row_width: usize,
    pub(super) offset: usize,
    pub(super) width: usize,
}

impl Cells<'_> {
    fn cell(&mut self, row: usize) -> &mut [u8] {
        let at = row * self.row_width + self.offset;
        &mut self.rows[at..at + self.width]
    }
}

/// `array` cast to `to`, failing (not turning into NULL) on a value that
/// does not fit.
fn cast_exact(array: &dyn Array, to: &DataType) -> std::result::Result<ArrayRef, ()> {
    let options = CastOptions {
        safe: false,
        ..Default::default()
    };
    cast_with_options(array, to, &options).map_err(|_| ())
}

/// Writes one variable's cells of a block of `count` rows.
pub(super) fn fill(
    variable: &DtaVariable,
    array: &dyn Array,
    count: usize,
    mut cells: Cells<'_>,
    strl: Strl<'_>,
) -> Result<()> {
    let storage = variable.storage;
    if variable.kind == Kind::Null || array.data_type() == &DataType::Null {
        for row in 0..count {
            put_missing(cells.cell(row), storage);
        }
        return Ok(());
    }
    let unreadable = || write_failed(format!("column {}", variable.column));
    match variable.kind {
        Kind::Null => {}
        Kind::Bool => {
            let values = array.as_boolean_opt().ok_or_else(unreadable)?;
            for row in 0..count {
                let cell = cells.cell(row);
                if values.is_null(row) {
                    put_missing(cell, storage);
                } else {
                    put_integer(cell, storage, i64::from(values.value(row)));
                }
            }
        }
        Kind::Integer if storage != Storage::Double => {
            let values = cast_exact(array, &DataType::Int32).map_err(|()| changed(variable))?;
            let values = values
                .as_primitive_opt::<Int32Type>()
                .ok_or_else(unreadable)?;
            for row in 0..count {
                let cell = cells.cell(row);
                if values.is_null(row) {
                    put_missing(cell, storage);
                } else if !put_integer(cell, storage, i64::from(values.value(row))) {
                    return Err(changed(variable));
                }
            }
        }
        Kind::Integer | Kind::Real => {
            let values = cast(array, &DataType::Float64).map_err(write_failed)?;
            let values = values
                .as_primitive_opt::<Float64Type>()
                .ok_or_else(unreadable)?;
            for row in 0..count {
                let value = (!values.is_null(row)).then(|| values.value(row));
                put_double(cells.cell(row), value);
            }
        }
        Kind::Date => {
            let values = cast(array, &DataType::Date32).map_err(write_failed)?;
            let values = values
                .as_primitive_opt::<Date32Type>()
                .ok_or_else(unreadable)?;
            for row in 0..count {
                let cell = cells.cell(row);
                let day = stata_days(i64::from(values.value(row)));
                // DuckDB's infinite dates are past `long`'s range: missing.
                if values.is_null(row) || !put_integer(cell, storage, day) {
                    put_missing(cell, storage);
                }
            }
        }
        Kind::Timestamp(unit) => {
            let values = cast(array, &DataType::Int64).map_err(write_failed)?;
            let values = values
                .as_primitive_opt::<Int64Type>()
                .ok_or_else(unreadable)?;
            for row in 0..count {
                let value = if values.is_null(row) {
                    None
                } else {
                    stata_millis(values.value(row), unit)
                };
                put_double(cells.cell(row), value);
            }
        }
        Kind::Text => {
            let owned: ArrayRef;
            let values: &StringArray = match array.as_string_opt::<i32>() {
                Some(values) => values,
                None => {
                    owned = cast(array, &DataType::Utf8).map_err(write_failed)?;
                    owned.as_string_opt::<i32>().ok_or_else(unreadable)?
                }
            };
            fill_text(variable, values, count, cells, strl)?;
        }
    }
    Ok(())
}

fn fill_text(
    variable: &DtaVariable,
    values: &StringArray,
    count: usize,
    mut cells: Cells<'_>,
    strl: Strl<'_>,
) -> Result<()> {
    // NULL text is empty: Stata's strings have no missing value. The
    // block starts as zeros, so an empty cell is already written.
    match variable.storage {
        Storage::Str(width) => {
            for row in 0..count {
                if values.is_null(row) {
                    continue;
                }
                let text = values.value(row).as_bytes();
                if text.len() > usize::from(width) {
                    return Err(changed(variable));
                }
                cells.cell(row)[..text.len()].copy_from_slice(text);
            }
        }
        Storage::StrL => {
            let Some(spill) = strl.spill else {
                return Err(write_failed(format!("column {}", variable.column)));
            };
            for row in 0..count {
                if values.is_null(row) || values.value(row).is_empty() {
                    continue;
                }
                let observation = strl.first_observation + row as u64;
                spill.put(strl.variable, observation, values.value(row).as_bytes())?;
                // (v, o) in format 118: v in 2 bytes, then o in 6.
                let reference = u64::from(strl.variable) | (observation << 16);
                cells.cell(row).copy_from_slice(&reference.to_le_bytes());
            }
        }
        _ => return Err(write_failed(format!("column {}", variable.column))),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;

    #[test]
    fn integers_past_their_type_are_refused_not_written_as_missing() {
        let mut cell = [0u8; 1];
        assert!(put_integer(&mut cell, Storage::Byte, 100));
        assert_eq!(cell, [100]);
        assert!(put_integer(&mut cell, Storage::Byte, -127));
        assert_eq!(cell, [0x81]);
        assert!(!put_integer(&mut cell, Storage::Byte, 101));
        assert!(!put_integer(&mut cell, Storage::Byte, -128));
        let mut cell = [0u8; 2];
        assert!(put_integer(&mut cell, Storage::Int, 32_740));
        assert!(!put_integer(&mut cell, Storage::Int, 32_741));
        let mut cell = [0u8; 4];
        assert!(put_integer(&mut cell, Storage::Long, -2_147_483_647));
        assert!(!put_integer(&mut cell, Storage::Long, 2_147_483_621));
        put_missing(&mut cell, Storage::Long);
        assert_eq!(i32::from_le_bytes(cell), 2_147_483_621);
        let mut cell = [0u8; 8];
        put_double(&mut cell, Some(f64::NAN));
        assert_eq!(u64::from_le_bytes(cell), DOUBLE_MISSING);
        put_double(&mut cell, Some(-1.5));
        assert_eq!(f64::from_le_bytes(cell), -1.5);
    }
}
