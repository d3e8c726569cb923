//! Dates, times, timestamps and intervals as DuckDB writes them.

use std::fmt::Write as _;

use duckdb::arrow::array::{
    Array, TimestampMicrosecondArray, TimestampMillisecondArray, TimestampNanosecondArray,
    TimestampSecondArray,
};
use duckdb::arrow::datatypes::TimeUnit;

use super::{Writer, downcast};

/// Proleptic Gregorian date from days since 1970-01-01, with DuckDB's
/// `(BC)` suffix for years before 1.
pub(super) fn write_date(out: &mut String, days: i64) {
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
pub(super) fn write_time_of_day(out: &mut String, micros: i64) {
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

pub(super) fn timestamp_writer<'a>(
    array: &'a dyn Array,
    unit: TimeUnit,
    with_zone: bool,
) -> Writer<'a> {
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
pub(super) fn write_interval(out: &mut String, months: i32, days: i32, micros: i64) {
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

#[cfg(test)]
mod tests {
    // moved from src/render/cell.rs
    use super::*;

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
