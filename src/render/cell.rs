//! Turns Arrow values into the text DuckDB itself gives them (its cast to
//! VARCHAR, which its CSV writer uses), so that our csv cells equal
//! `COPY … (FORMAT csv)` and table cells read as in the DuckDB shell.

use std::fmt::Write as _;

use duckdb::arrow::array::{
    Array, ArrayRef, AsArray, BinaryArray, BooleanArray, Date32Array, Decimal128Array,
    DictionaryArray, FixedSizeListArray, Float32Array, Float64Array, GenericListArray,
    IntervalMonthDayNanoArray, LargeBinaryArray, LargeStringArray, MapArray, StringArray,
    StringViewArray, StructArray, Time64MicrosecondArray, TimestampMicrosecondArray,
    TimestampMillisecondArray, TimestampNanosecondArray, TimestampSecondArray,
};
use duckdb::arrow::datatypes::{
    DataType, Int8Type, Int16Type, Int32Type, Int64Type, IntervalUnit, TimeUnit, UInt8Type,
    UInt16Type, UInt32Type, UInt64Type,
};
use duckdb::arrow::util::display::{ArrayFormatter, FormatOptions};

/// Writes the text of one column's values. Built once per column and batch,
/// so the per-value work is a direct call without type dispatch.
pub struct CellWriter<'a> {
    array: &'a dyn Array,
    /// A column of DuckDB's NULL type: Arrow's NullArray keeps no validity
    /// bits, so its values do not report themselves as null.
    all_null: bool,
    write: Box<dyn Fn(usize, &mut String) + 'a>,
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
            let list = downcast::<FixedSizeListArray>(array);
            let child = value_writer(list.values().as_ref(), Nesting::Nested);
            let values = list.values();
            let size = list.value_length() as usize;
            Box::new(move |row, out: &mut String| {
                let start = list.value_offset_at(row) as usize;
                write_sequence(out, values.as_ref(), &child, start, start + size)
            })
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

fn string_writer<'a>(values: &'a StringArray, nesting: Nesting) -> Writer<'a> {
    Box::new(move |row, out: &mut String| write_string(out, values.value(row), nesting))
}

fn write_string(out: &mut String, text: &str, nesting: Nesting) {
    if nesting == Nesting::Nested && needs_quotes_when_nested(text) {
        write_quoted(out, text);
    } else {
        out.push_str(text);
    }
}

/// DuckDB quotes a string inside a list, struct or map when it is empty,
/// has surrounding spaces, spells NULL, or holds a character with meaning
/// in the nested syntax.
fn needs_quotes_when_nested(text: &str) -> bool {
    text.is_empty()
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || text.eq_ignore_ascii_case("null")
        || text.contains([',', '\'', '"', '[', ']', '{', '}', '(', ')', ':', '=', '\\'])
}

fn write_quoted(out: &mut String, text: &str) {
    out.push('\'');
    for c in text.chars() {
        if c == '\'' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
}

/// Floats as DuckDB prints them: the shortest digits that round-trip, in
/// fixed notation for decimal exponents from -4 to 15 (always with a
/// fractional part), otherwise in scientific notation like `1e+20`.
/// `shortest` is any shortest round-trip text of the value (ryu's, or
/// Rust's `{:e}`), e.g. `1.5e-7`, `0.0001`, `1e20` or `123.25`.
fn write_float(out: &mut String, nan: bool, infinite: bool, negative: bool, shortest: &str) {
    if nan {
        // A NaN's sign bit shows, as in DuckDB (`inf - inf` is `-nan` on x86).
        out.push_str(if negative { "-nan" } else { "nan" });
        return;
    }
    if infinite {
        out.push_str(if negative { "-inf" } else { "inf" });
        return;
    }
    let text = shortest.strip_prefix('-').unwrap_or(shortest);
    if negative || shortest.starts_with('-') {
        out.push('-');
    }
    let (mantissa, suffix) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let suffix: i32 = suffix.parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and the exponent of the first one.
    let mut digits = [0u8; 40];
    let mut count = 0;
    for &b in whole.as_bytes().iter().chain(fraction.as_bytes()) {
        if count == 0 && b == b'0' {
            continue;
        }
        if count < digits.len() {
            digits[count] = b;
            count += 1;
        }
    }
    let leading_zeros = whole.len() + fraction.len() - count.min(whole.len() + fraction.len());
    while count > 1 && digits[count - 1] == b'0' {
        count -= 1;
    }
    if count == 0 {
        out.push_str("0.0");
        return;
    }
    let exponent = whole.len() as i32 - leading_zeros as i32 - 1 + suffix;
    let digit = |i: usize| digits[i] as char;
    if !(-4..16).contains(&exponent) {
        out.push(digit(0));
        if count > 1 {
            out.push('.');
            (1..count).for_each(|i| out.push(digit(i)));
        }
        let _ = write!(
            out,
            "e{}{:02}",
            if exponent < 0 { '-' } else { '+' },
            exponent.abs()
        );
        return;
    }
    let point = exponent + 1;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        (0..count).for_each(|i| out.push(digit(i)));
    } else if point as usize >= count {
        (0..count).for_each(|i| out.push(digit(i)));
        out.extend(std::iter::repeat_n('0', point as usize - count));
        out.push_str(".0");
    } else {
        (0..point as usize).for_each(|i| out.push(digit(i)));
        out.push('.');
        (point as usize..count).for_each(|i| out.push(digit(i)));
    }
}

/// Floats through ryu (the fastest shortest round-trip formatting), with a
/// buffer reused across values so that a large export does not allocate.
fn float_writer<'a, T: ryu::Float + Copy + 'a>(
    value: impl Fn(usize) -> T + 'a,
    classify: impl Fn(T) -> (bool, bool, bool) + 'a,
) -> Writer<'a> {
    let buffer = std::cell::RefCell::new(ryu::Buffer::new());
    Box::new(move |row, out: &mut String| {
        let v = value(row);
        let (nan, infinite, negative) = classify(v);
        if nan || infinite {
            write_float(out, nan, infinite, negative, "");
        } else {
            let mut buffer = buffer.borrow_mut();
            write_float(out, false, false, false, buffer.format_finite(v));
        }
    })
}

/// A decimal with all its scale's digits. A type with no integer digits
/// (DECIMAL(2,2)) has no leading zero in DuckDB's text: `-.50`.
fn write_decimal(out: &mut String, value: i128, precision: u8, scale: i8) {
    if scale <= 0 {
        let _ = write!(out, "{value}");
        return;
    }
    let scale = scale as u32;
    let divisor = 10u128.pow(scale);
    let magnitude = value.unsigned_abs();
    if value < 0 {
        out.push('-');
    }
    if u32::from(precision) > scale {
        let _ = write!(out, "{}", magnitude / divisor);
    }
    let _ = write!(
        out,
        ".{:0width$}",
        magnitude % divisor,
        width = scale as usize
    );
}

/// A blob as DuckDB prints it: printable ASCII as it is, other bytes and
/// the characters that quote or escape (`\\`, `'`, `"`) as `\\xNN`.
fn write_blob(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        if (0x20..0x7f).contains(&b) && !matches!(b, b'\\' | b'\'' | b'"') {
            out.push(b as char);
        } else {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
}

/// Proleptic Gregorian date from days since 1970-01-01, with DuckDB's
/// `(BC)` suffix for years before 1.
fn write_date(out: &mut String, days: i64) {
    // DuckDB's infinite dates are the extreme 32-bit day numbers.
    if days == i64::from(i32::MAX) {
        out.push_str("infinity");
        return;
    }
    if days == -i64::from(i32::MAX) {
        out.push_str("-infinity");
        return;
    }
    let (year, month, day) = civil_from_days(days);
    if year <= 0 {
        let _ = write!(out, "{:04}-{month:02}-{day:02} (BC)", 1 - year);
    } else {
        let _ = write!(out, "{year:04}-{month:02}-{day:02}");
    }
}

/// Howard Hinnant's days-to-civil algorithm.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

const MICROS_PER_SECOND: i64 = 1_000_000;
const MICROS_PER_DAY: i64 = 86_400 * MICROS_PER_SECOND;

/// `HH:MM:SS` with the fraction's trailing zeros trimmed, as DuckDB does.
fn write_time_of_day(out: &mut String, micros: i64) {
    let seconds = micros / MICROS_PER_SECOND;
    let fraction = micros % MICROS_PER_SECOND;
    let _ = write!(
        out,
        "{:02}:{:02}:{:02}",
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    );
    if fraction != 0 {
        let digits = format!("{fraction:06}");
        out.push('.');
        out.push_str(digits.trim_end_matches('0'));
    }
}

fn write_timestamp(out: &mut String, micros: i64, with_zone: bool) {
    // DuckDB's infinite timestamps are the extreme 64-bit microseconds.
    if micros == i64::MAX {
        out.push_str("infinity");
        return;
    }
    if micros == -i64::MAX {
        out.push_str("-infinity");
        return;
    }
    let days = micros.div_euclid(MICROS_PER_DAY);
    write_date(out, days);
    out.push(' ');
    write_time_of_day(out, micros.rem_euclid(MICROS_PER_DAY));
    if with_zone {
        // Without ICU (not in the bundled build) DuckDB shows UTC.
        out.push_str("+00");
    }
}

fn timestamp_writer<'a>(array: &'a dyn Array, unit: TimeUnit, with_zone: bool) -> Writer<'a> {
    match unit {
        TimeUnit::Second => {
            let values = downcast::<TimestampSecondArray>(array);
            Box::new(move |row, out: &mut String| {
                write_timestamp(out, values.value(row) * MICROS_PER_SECOND, with_zone)
            })
        }
        TimeUnit::Millisecond => {
            let values = downcast::<TimestampMillisecondArray>(array);
            Box::new(move |row, out: &mut String| {
                write_timestamp(out, values.value(row) * 1000, with_zone)
            })
        }
        TimeUnit::Microsecond => {
            let values = downcast::<TimestampMicrosecondArray>(array);
            Box::new(move |row, out: &mut String| {
                write_timestamp(out, values.value(row), with_zone)
            })
        }
        TimeUnit::Nanosecond => {
            let values = downcast::<TimestampNanosecondArray>(array);
            Box::new(move |row, out: &mut String| {
                let nanos = values.value(row);
                write_timestamp(out, nanos.div_euclid(1000), with_zone);
                let rest = nanos.rem_euclid(1000);
                if rest != 0 {
                    let _ = write!(out, "{rest:03}");
                }
            })
        }
    }
}

/// DuckDB's interval text: `1 year 2 months 3 days 04:05:06.5`, or
/// `00:00:00` for an empty interval.
fn write_interval(out: &mut String, months: i32, days: i32, micros: i64) {
    let mut parts: Vec<String> = Vec::new();
    let (years, months) = (months / 12, months % 12);
    for (count, unit) in [(years, "year"), (months, "month"), (days, "day")] {
        if count != 0 {
            let plural = if count.abs() == 1 { "" } else { "s" };
            parts.push(format!("{count} {unit}{plural}"));
        }
    }
    if micros != 0 || parts.is_empty() {
        let mut clock = String::new();
        if micros < 0 {
            clock.push('-');
        }
        write_time_of_day(&mut clock, micros.abs());
        parts.push(clock);
    }
    out.push_str(&parts.join(" "));
}

fn write_sequence(
    out: &mut String,
    values: &dyn Array,
    child: &Writer<'_>,
    start: usize,
    end: usize,
) {
    out.push('[');
    for index in start..end {
        if index > start {
            out.push_str(", ");
        }
        if values.is_null(index) {
            out.push_str("NULL");
        } else {
            child(index, out);
        }
    }
    out.push(']');
}

fn list_writer<'a, O: duckdb::arrow::array::OffsetSizeTrait>(
    list: &'a GenericListArray<O>,
) -> Writer<'a> {
    let values = list.values();
    let child = value_writer(values.as_ref(), Nesting::Nested);
    Box::new(move |row, out: &mut String| {
        let offsets = list.value_offsets();
        let (start, end) = (offsets[row].as_usize(), offsets[row + 1].as_usize());
        write_sequence(out, values.as_ref(), &child, start, end)
    })
}

fn struct_writer<'a>(array: &'a StructArray) -> Writer<'a> {
    let fields: Vec<(String, &'a dyn Array, Writer<'a>)> = array
        .fields()
        .iter()
        .zip(array.columns())
        .map(|(field, column)| {
            let mut key = String::new();
            write_quoted(&mut key, field.name());
            (
                key,
                column.as_ref(),
                value_writer(column.as_ref(), Nesting::Nested),
            )
        })
        .collect();
    Box::new(move |row, out: &mut String| {
        out.push('{');
        for (index, (key, column, writer)) in fields.iter().enumerate() {
            if index > 0 {
                out.push_str(", ");
            }
            out.push_str(key);
            out.push_str(": ");
            if column.is_null(row) {
                out.push_str("NULL");
            } else {
                writer(row, out);
            }
        }
        out.push('}');
    })
}

fn map_writer<'a>(map: &'a MapArray) -> Writer<'a> {
    let keys = map.keys();
    let values = map.values();
    let key_writer = value_writer(keys.as_ref(), Nesting::Nested);
    let value_writer = value_writer(values.as_ref(), Nesting::Nested);
    Box::new(move |row, out: &mut String| {
        let offsets = map.value_offsets();
        let (start, end) = (offsets[row] as usize, offsets[row + 1] as usize);
        out.push('{');
        for index in start..end {
            if index > start {
                out.push_str(", ");
            }
            key_writer(index, out);
            out.push('=');
            if values.is_null(index) {
                out.push_str("NULL");
            } else {
                value_writer(index, out);
            }
        }
        out.push('}');
    })
}

fn dictionary_writer<'a, K>(array: &'a DictionaryArray<K>, nesting: Nesting) -> Writer<'a>
where
    K: duckdb::arrow::datatypes::ArrowDictionaryKeyType,
    K::Native: num_index::AsIndex,
{
    let values = array.values();
    let value_writer = value_writer(values.as_ref(), nesting);
    let keys = array.keys();
    Box::new(move |row, out: &mut String| {
        use num_index::AsIndex;
        value_writer(keys.value(row).as_index(), out)
    })
}

/// Dictionary keys of the unsigned types DuckDB uses for enums, as indexes.
mod num_index {
    pub trait AsIndex {
        fn as_index(self) -> usize;
    }
    impl AsIndex for u8 {
        fn as_index(self) -> usize {
            usize::from(self)
        }
    }
    impl AsIndex for u16 {
        fn as_index(self) -> usize {
            usize::from(self)
        }
    }
    impl AsIndex for u32 {
        fn as_index(self) -> usize {
            self as usize
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn float_text(value: f64) -> String {
        let mut out = String::new();
        if value.is_finite() {
            write_float(
                &mut out,
                false,
                false,
                false,
                ryu::Buffer::new().format_finite(value),
            );
        } else {
            write_float(
                &mut out,
                value.is_nan(),
                value.is_infinite(),
                value < 0.0,
                "",
            );
        }
        out
    }

    #[test]
    fn any_shortest_form_gives_the_same_text() {
        for (a, b) in [
            ("1.5e-7", "0.00000015"),
            ("1e20", "100000000000000000000.0"),
            ("1.25e2", "125.0"),
            ("0.1", "1e-1"),
        ] {
            let (mut x, mut y) = (String::new(), String::new());
            write_float(&mut x, false, false, false, a);
            write_float(&mut y, false, false, false, b);
            assert_eq!(x, y);
        }
    }

    #[test]
    fn floats_follow_duckdb() {
        let cases = [
            (0.1, "0.1"),
            (100.0, "100.0"),
            (1e20, "1e+20"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (2.5e-7, "2.5e-07"),
            (-0.0, "-0.0"),
            (123456789.123, "123456789.123"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (0.0, "0.0"),
            (-2.5, "-2.5"),
            (1e-300, "1e-300"),
            (123456.0, "123456.0"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_text(value), expected, "{value}");
        }
    }

    #[test]
    fn decimals_keep_their_scale() {
        let mut out = String::new();
        write_decimal(&mut out, -50, 4, 1);
        out.push(' ');
        write_decimal(&mut out, 5, 3, 2);
        out.push(' ');
        write_decimal(&mut out, -50, 2, 2);
        assert_eq!(out, "-5.0 0.05 -.50");
    }

    #[test]
    fn dates_and_intervals() {
        let mut out = String::new();
        write_date(&mut out, 19_724);
        assert_eq!(out, "2024-01-02");
        out.clear();
        write_interval(&mut out, 14, 3, 14_706_500_000);
        assert_eq!(out, "1 year 2 months 3 days 04:05:06.5");
    }
}
