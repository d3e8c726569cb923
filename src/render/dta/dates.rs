//! Stata's clocks: days (%td) and milliseconds (%tc) counted from
//! 1960-01-01, and the header's time stamp. The calendar is chrono's.

use chrono::{DateTime, Datelike, NaiveDate};
use duckdb::arrow::datatypes::TimeUnit;

/// Stata's day 0.
const STATA_EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1960, 1, 1).expect("a calendar date");
/// Days from Stata's day 0 to 1970-01-01, where Arrow's count starts.
const STATA_EPOCH_DAYS: i64 = -(STATA_EPOCH.to_epoch_days() as i64);
/// Milliseconds from 1960-01-01 00:00:00 to 1970-01-01 00:00:00.
const STATA_EPOCH_MILLIS: i64 = STATA_EPOCH_DAYS * 86_400_000;
/// Milliseconds past this lose their unit in a double (and DuckDB's
/// infinite timestamps lie past it).
const EXACT_DOUBLE: i64 = 1 << 53;

/// Stata's day number (%td) of a day counted from 1970-01-01.
pub fn stata_days(unix_days: i64) -> i64 {
    unix_days + STATA_EPOCH_DAYS
}

/// Stata's millisecond clock (%tc, from 1960-01-01 00:00:00) of a Unix
/// timestamp in `unit`; sub-milliseconds are dropped toward the past.
/// `None` past what a double holds to the millisecond (DuckDB's infinite
/// timestamps).
pub fn stata_millis(value: i64, unit: TimeUnit) -> Option<f64> {
    let millis = match unit {
        TimeUnit::Second => value.checked_mul(1000)?,
        TimeUnit::Millisecond => value,
        TimeUnit::Microsecond => value.div_euclid(1000),
        TimeUnit::Nanosecond => value.div_euclid(1_000_000),
    };
    let stata = millis.checked_add(STATA_EPOCH_MILLIS)?;
    (stata.abs() <= EXACT_DOUBLE).then_some(stata as f64)
}

/// The header's time stamp, `dd Mon yyyy hh:mm` (UTC), if the year has
/// four digits.
pub(super) fn time_stamp(unix_seconds: i64) -> Option<String> {
    let moment = DateTime::from_timestamp(unix_seconds, 0)?;
    // `%b` is the English abbreviation the format asks for, whatever the
    // locale.
    (1000..=9999)
        .contains(&moment.year())
        .then(|| moment.format("%d %b %Y %H:%M").to_string())
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;

    #[test]
    fn dates_and_times_count_from_1960() {
        // 1960-01-01 is day -3653 of 1970's count and day 0 of Stata's.
        assert_eq!(stata_days(-3653), 0);
        assert_eq!(stata_days(0), 3653);
        // 2024-01-01.
        assert_eq!(stata_days(19_723), 23_376);
        // The calendar under the time stamp: Stata's day 0, a year's
        // first day, a leap day.
        let midnight = |days: i64| time_stamp(days * 86_400);
        assert_eq!(midnight(19_723).as_deref(), Some("01 Jan 2024 00:00"));
        assert_eq!(midnight(-3653).as_deref(), Some("01 Jan 1960 00:00"));
        assert_eq!(midnight(19_782).as_deref(), Some("29 Feb 2024 00:00"));
        assert_eq!(
            stata_millis(0, TimeUnit::Microsecond),
            Some(315_619_200_000.0)
        );
        assert_eq!(stata_millis(0, TimeUnit::Second), Some(315_619_200_000.0));
        // Sub-milliseconds are dropped toward the past.
        assert_eq!(
            stata_millis(-1, TimeUnit::Microsecond),
            Some(315_619_199_999.0)
        );
        assert_eq!(
            stata_millis(1_999_999, TimeUnit::Nanosecond),
            Some(315_619_200_001.0)
        );
        // 1960-01-01 00:00:00.
        assert_eq!(stata_millis(-315_619_200, TimeUnit::Second), Some(0.0));
        // DuckDB's infinity.
        assert_eq!(stata_millis(i64::MAX, TimeUnit::Microsecond), None);
        assert_eq!(stata_millis(i64::MAX, TimeUnit::Second), None);
        assert_eq!(
            time_stamp(1_704_112_200).as_deref(),
            Some("01 Jan 2024 12:30")
        );
        assert_eq!(time_stamp(i64::MAX / 2), None);
    }
}
