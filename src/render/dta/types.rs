//! The types on each side of the writer: what a result column holds
//! ([`Kind`], from its Arrow type) and how a Stata variable is stored
//! ([`Storage`]), with the limits of format 118 that bound them.

use duckdb::arrow::datatypes::{DataType, Schema, TimeUnit};

use crate::error::{Error, Result};
use crate::t;

/// The most variables a format-118 file holds (more need format 119).
pub const MAX_VARIABLES: usize = 32_767;
/// The longest `str#`; longer text is a `strL`.
pub const MAX_STR_WIDTH: u64 = 2045;

// Stata's nonmissing ranges: the values above each maximum are its
// missing-value codes (`.`, `.a` … `.z`).
pub(super) const BYTE_MIN: i64 = -127;
pub(super) const BYTE_MAX: i64 = 100;
pub(super) const INT_MIN: i64 = -32_767;
pub(super) const INT_MAX: i64 = 32_740;
pub(super) const LONG_MIN: i64 = -2_147_483_647;
pub(super) const LONG_MAX: i64 = 2_147_483_620;

// The missing value `.` of each numeric type.
pub(super) const BYTE_MISSING: i8 = 101;
pub(super) const INT_MISSING: i16 = 32_741;
pub(super) const LONG_MISSING: i32 = 2_147_483_621;
pub(super) const DOUBLE_MISSING: u64 = 0x7FE0_0000_0000_0000;

// Widths of the fixed fields of format 118, their final NUL included.
pub(super) const NAME_FIELD: usize = 129;
pub(super) const FORMAT_FIELD: usize = 57;
pub(super) const LABEL_FIELD: usize = 321;
/// Labels (variable and dataset) are at most 80 characters.
pub(super) const LABEL_CHARS: usize = 80;
/// A characteristic's contents are at most 67,784 bytes.
pub(super) const NOTE_BYTES: usize = 60_000;
/// Names are at most 32 characters.
pub(super) const NAME_CHARS: usize = 32;

/// The value label that BOOLEAN columns carry.
pub(super) const YES_NO_LABEL: &str = "yesno";

/// How a variable is stored in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Storage {
    Byte,
    Int,
    Long,
    Double,
    /// `str#`, 1 to 2045 bytes.
    Str(u16),
    StrL,
}

impl Storage {
    /// The type code of `<variable_types>`.
    pub(super) fn code(self) -> u16 {
        match self {
            Storage::Byte => 65_530,
            Storage::Int => 65_529,
            Storage::Long => 65_528,
            Storage::Double => 65_526,
            Storage::Str(width) => width,
            Storage::StrL => 32_768,
        }
    }

    /// Bytes a value takes in a row.
    pub(super) fn width(self) -> usize {
        match self {
            Storage::Byte => 1,
            Storage::Int => 2,
            Storage::Long => 4,
            Storage::Double | Storage::StrL => 8,
            Storage::Str(width) => usize::from(width),
        }
    }

    /// Stata's name of the type, as `describe` shows it.
    pub fn name(self) -> String {
        match self {
            Storage::Byte => "byte".to_string(),
            Storage::Int => "int".to_string(),
            Storage::Long => "long".to_string(),
            Storage::Double => "double".to_string(),
            Storage::Str(width) => format!("str{width}"),
            Storage::StrL => "strL".to_string(),
        }
    }
}

/// What a column holds, as far as the writer cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A column of only NULL (`SELECT NULL`).
    Null,
    Bool,
    /// Integers and whole decimals (HUGEINT arrives as DECIMAL(38,0)).
    Integer,
    /// FLOAT, DOUBLE and decimals with a fraction.
    Real,
    Date,
    Timestamp(TimeUnit),
    Text,
}

/// The kind of a column Stata can hold, or the refusal's type name and
/// the SQL expression (`{}` for the column) that would fit.
pub(super) fn kind_of(data_type: &DataType) -> std::result::Result<Kind, (String, &'static str)> {
    use DataType as D;
    let to_text = "CAST({} AS VARCHAR)";
    Ok(match data_type {
        D::Null => Kind::Null,
        D::Boolean => Kind::Bool,
        D::Int8 | D::Int16 | D::Int32 | D::Int64 => Kind::Integer,
        D::UInt8 | D::UInt16 | D::UInt32 | D::UInt64 => Kind::Integer,
        D::Decimal32(_, scale)
        | D::Decimal64(_, scale)
        | D::Decimal128(_, scale)
        | D::Decimal256(_, scale) => {
            if *scale <= 0 {
                Kind::Integer
            } else {
                Kind::Real
            }
        }
        D::Float16 | D::Float32 | D::Float64 => Kind::Real,
        D::Date32 | D::Date64 => Kind::Date,
        D::Timestamp(unit, None) => Kind::Timestamp(*unit),
        D::Timestamp(_, Some(_)) => {
            return Err((
                "TIMESTAMP WITH TIME ZONE".to_string(),
                "CAST({} AS TIMESTAMP)",
            ));
        }
        D::Utf8 | D::LargeUtf8 | D::Utf8View => Kind::Text,
        D::Dictionary(_, values) if matches!(**values, D::Utf8 | D::LargeUtf8 | D::Utf8View) => {
            Kind::Text
        }
        D::Time32(_) | D::Time64(_) => return Err(("TIME".to_string(), to_text)),
        D::Interval(_) | D::Duration(_) => return Err(("INTERVAL".to_string(), "epoch({})")),
        D::Binary | D::LargeBinary | D::BinaryView | D::FixedSizeBinary(_) => {
            return Err(("BLOB".to_string(), "hex({})"));
        }
        D::List(_) | D::LargeList(_) | D::ListView(_) | D::LargeListView(_) => {
            return Err(("LIST".to_string(), to_text));
        }
        D::FixedSizeList(_, _) => return Err(("ARRAY".to_string(), to_text)),
        D::Struct(_) => return Err(("STRUCT".to_string(), to_text)),
        D::Map(_, _) => return Err(("MAP".to_string(), to_text)),
        D::Union(_, _) => return Err(("UNION".to_string(), to_text)),
        other => return Err((other.to_string(), to_text)),
    })
}

/// Refuses a result that a Stata file cannot hold: too many columns, or a
/// column of a type Stata has no place for, named with the cast that would
/// fit. Called before anything is run or written.
pub fn check_types(schema: &Schema) -> Result<()> {
    kinds(schema).map(|_| ())
}

/// The kind of each column of `schema`, or the refusal of the first that
/// Stata cannot hold.
pub(super) fn kinds(schema: &Schema) -> Result<Vec<Kind>> {
    let count = schema.fields().len();
    if count > MAX_VARIABLES {
        return Err(Error::Usage(t!(
            "dta-too-many-columns",
            count = count.to_string(),
            max = MAX_VARIABLES.to_string()
        )));
    }
    schema
        .fields()
        .iter()
        .map(|field| {
            kind_of(field.data_type()).map_err(|(kind, fit)| {
                let column = crate::sql_quote::sql_identifier(field.name());
                Error::Usage(t!(
                    "dta-unsupported-type",
                    column = field.name().as_str(),
                    kind = kind,
                    cast = fit.replace("{}", &column)
                ))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;
    use std::sync::Arc;

    use duckdb::arrow::datatypes::Field;

    #[test]
    fn what_stata_cannot_hold_is_refused_with_the_cast_that_fits() {
        let list = DataType::List(Arc::new(Field::new("item", DataType::Int32, true)));
        let schema = Schema::new(vec![
            Field::new("n", DataType::Int64, true),
            Field::new("tags", list, true),
        ]);
        let message = check_types(&schema).unwrap_err().to_string();
        assert!(message.contains("tags"), "{message}");
        assert!(message.contains("CAST(\"tags\" AS VARCHAR)"), "{message}");
        let zoned = Schema::new(vec![Field::new(
            "at",
            DataType::Timestamp(TimeUnit::Microsecond, Some("UTC".into())),
            true,
        )]);
        let message = check_types(&zoned).unwrap_err().to_string();
        assert!(message.contains("CAST(\"at\" AS TIMESTAMP)"), "{message}");
        let plain = Schema::new(vec![
            Field::new("d", DataType::Date32, true),
            Field::new("h", DataType::Decimal128(38, 0), true),
            Field::new(
                "e",
                DataType::Dictionary(Box::new(DataType::UInt8), Box::new(DataType::Utf8)),
                true,
            ),
        ]);
        assert!(check_types(&plain).is_ok());
    }
}
