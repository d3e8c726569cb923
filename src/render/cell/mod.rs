//! Turns Arrow values into the text DuckDB itself gives them (its cast to
//! VARCHAR, which its CSV writer uses), so that our csv cells equal
//! `COPY … (FORMAT csv)` and table cells read as in the DuckDB shell.

use std::fmt::Write as _;

use duckdb::arrow::array::{
    Array, ArrayRef, AsArray, BinaryArray, BooleanArray, Date32Array, Decimal128Array,
    FixedSizeListArray, Float32Array, Float64Array, GenericListArray, IntervalMonthDayNanoArray,
    LargeBinaryArray, LargeStringArray, MapArray, StringArray, StringViewArray, StructArray,
    Time64MicrosecondArray,
};
use duckdb::arrow::datatypes::{
    DataType, Int8Type, Int16Type, Int32Type, Int64Type, IntervalUnit, TimeUnit, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use duckdb::arrow::util::display::{ArrayFormatter, FormatOptions};

mod nested;
mod numbers;
mod temporal;
mod text;

use nested::{dictionary_writer, fixed_size_list_writer, list_writer, map_writer, struct_writer};
use numbers::{float_writer, write_decimal};
use temporal::{timestamp_writer, write_date, write_interval, write_time_of_day};
use text::{string_writer, write_blob, write_string};

/// Writes the text of one column's values. Built once per column and batch,
/// so the per-value work is a direct call without type dispatch.
pub struct CellWriter<'a> {
    array: &'a dyn Array,
    /// A column of DuckDB's NULL type: Arrow's NullArray keeps no validity
    /// bits, so its values do not report themselves as null.
    all_null: bool,
    write: Writer<'a>,
}

impl<'a> CellWriter<'a> {
    pub fn new(array: &'a ArrayRef) -> Self {
        Self::for_array(array.as_ref())
    }

    pub fn for_array(array: &'a dyn Array) -> Self {
        CellWriter {
            array,
            all_null: *array.data_type() == DataType::Null,
            write: value_writer(array, Nesting::TopLevel),
        }
    }

    pub fn is_null(&self, row: usize) -> bool {
        self.all_null || self.array.is_null(row)
    }

    /// Appends the value's text; the caller decides how a NULL looks.
    pub fn write(&self, row: usize, out: &mut String) {
        (self.write)(row, out)
    }
}

/// Whether a value stands alone or inside a list, struct or map, where
/// DuckDB quotes strings that could be misread.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Nesting {
    TopLevel,
    Nested,
}

type Writer<'a> = Box<dyn Fn(usize, &mut String) + 'a>;

fn value_writer<'a>(array: &'a dyn Array, nesting: Nesting) -> Writer<'a> {
    macro_rules! integers {
        ($t:ty) => {{
            let values = array.as_primitive::<$t>();
            Box::new(move |row, out: &mut String| {
                let _ = write!(out, "{}", values.value(row));
            })
        }};
    }
    match array.data_type() {
        DataType::Null => Box::new(|_, out: &mut String| out.push_str("NULL")),
        DataType::Boolean => {
            let values = downcast::<BooleanArray>(array);
            Box::new(move |row, out: &mut String| {
                out.push_str(if values.value(row) { "true" } else { "false" })
            })
        }
        DataType::Int8 => integers!(Int8Type),
        DataType::Int16 => integers!(Int16Type),
        DataType::Int32 => integers!(Int32Type),
        DataType::Int64 => integers!(Int64Type),
        DataType::UInt8 => integers!(UInt8Type),
        DataType::UInt16 => integers!(UInt16Type),
        DataType::UInt32 => integers!(UInt32Type),
        DataType::UInt64 => integers!(UInt64Type),
        DataType::Float32 => {
            let values = downcast::<Float32Array>(array);
            float_writer(
                move |row| values.value(row),
                |v: f32| (v.is_nan(), v.is_infinite(), v.is_sign_negative()),
            )
        }
        DataType::Float64 => {
            let values = downcast::<Float64Array>(array);
            float_writer(
                move |row| values.value(row),
                |v: f64| (v.is_nan(), v.is_infinite(), v.is_sign_negative()),
            )
        }
        DataType::Decimal128(precision, scale) => {
            let values = downcast::<Decimal128Array>(array);
            let (precision, scale) = (*precision, *scale);
            Box::new(move |row, out: &mut String| {
                write_decimal(out, values.value(row), precision, scale)
            })
        }
        DataType::Utf8 => string_writer(downcast::<StringArray>(array), nesting),
        DataType::LargeUtf8 => {
            let values = downcast::<LargeStringArray>(array);
            Box::new(move |row, out: &mut String| write_string(out, values.value(row), nesting))
        }
        DataType::Utf8View => {
            let values = downcast::<StringViewArray>(array);
            Box::new(move |row, out: &mut String| write_string(out, values.value(row), nesting))
        }
        DataType::Binary => {
            let values = downcast::<BinaryArray>(array);
            Box::new(move |row, out: &mut String| write_blob(out, values.value(row)))
        }
        DataType::LargeBinary => {
            let values = downcast::<LargeBinaryArray>(array);
            Box::new(move |row, out: &mut String| write_blob(out, values.value(row)))
        }
        DataType::Date32 => {
            let values = downcast::<Date32Array>(array);
            Box::new(move |row, out: &mut String| write_date(out, i64::from(values.value(row))))
        }
        DataType::Time64(TimeUnit::Microsecond) => {
            let values = downcast::<Time64MicrosecondArray>(array);
            Box::new(move |row, out: &mut String| write_time_of_day(out, values.value(row)))
        }
        DataType::Timestamp(unit, zone) => timestamp_writer(array, *unit, zone.is_some()),
        // Intervals, lists, structs and maps: a query's result gets their
        // text from DuckDB (crate::duck_text), but three paths still bring
        // them here raw: statements that cannot be wrapped in a projection
        // (CALL, PRAGMA, SHOW of a function returning lists), a query that
        // DuckDB cannot DESCRIBE, and xlsx cells, which read the unwrapped
        // result for its numbers and dates.
        DataType::Interval(IntervalUnit::MonthDayNano) => {
            let values = downcast::<IntervalMonthDayNanoArray>(array);
            Box::new(move |row, out: &mut String| {
                let v = values.value(row);
                write_interval(out, v.months, v.days, v.nanoseconds / 1000)
            })
        }
        DataType::List(_) => list_writer(downcast::<GenericListArray<i32>>(array)),
        DataType::LargeList(_) => list_writer(downcast::<GenericListArray<i64>>(array)),
        DataType::FixedSizeList(_, _) => {
            fixed_size_list_writer(downcast::<FixedSizeListArray>(array))
        }
        DataType::Struct(_) => struct_writer(downcast::<StructArray>(array)),
        DataType::Map(_, _) => map_writer(downcast::<MapArray>(array)),
        DataType::Dictionary(key, _) if **key == DataType::UInt8 => {
            dictionary_writer(array.as_dictionary::<UInt8Type>(), nesting)
        }
        DataType::Dictionary(key, _) if **key == DataType::UInt16 => {
            dictionary_writer(array.as_dictionary::<UInt16Type>(), nesting)
        }
        DataType::Dictionary(key, _) if **key == DataType::UInt32 => {
            dictionary_writer(array.as_dictionary::<UInt32Type>(), nesting)
        }
        _ => fallback_writer(array),
    }
}

fn downcast<T: 'static>(array: &dyn Array) -> &T {
    // The caller matched on the data type, which fixes the concrete array type.
    array
        .as_any()
        .downcast_ref::<T>()
        .expect("array type matches its data type")
}

/// Types DuckDB rarely hands over (unions, exotic units) use Arrow's own
/// display, which is readable if not byte-identical to DuckDB's.
fn fallback_writer<'a>(array: &'a dyn Array) -> Writer<'a> {
    let options = FormatOptions::default().with_null("NULL");
    match ArrayFormatter::try_new(array, &options) {
        Ok(formatter) => Box::new(move |row, out: &mut String| {
            let _ = write!(out, "{}", formatter.value(row));
        }),
        Err(_) => {
            let name = array.data_type().to_string();
            Box::new(move |_, out: &mut String| {
                let _ = write!(out, "<{name}>");
            })
        }
    }
}
