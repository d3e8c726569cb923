//! Stata files (`--format dta`, `-o FILE.dta`): Stata's format 118, the
//! format of Stata 14 and later, whose text is UTF-8.
//!
//! A Stata variable's storage type is fixed in the file's header, before
//! its rows, and a Stata user expects the smallest that holds the column
//! (`byte` for a count of at most 100, `str12` for names of at most 12
//! bytes). So a result is written in two steps: one aggregate query over
//! the result ([`stats_sql`], read back by [`read_stats`]) measures each
//! column's range or longest text, [`DtaPlan::new`] chooses the types from
//! the schema and those measures, and [`DtaWriter`] then writes the rows as
//! they stream. The observation count and the file's section map are
//! patched in place at the end, so no row is held back. Text longer than
//! 2045 bytes goes to `strL`, whose contents Stata keeps after the data: it
//! is spilled to one temporary file per variable while the rows stream and
//! copied in at the end, in the order of (variable, observation) the format
//! asks for.
//!
//! Types that Stata cannot hold (lists, structs, maps, times of day,
//! intervals, blobs, timestamps with a time zone) are refused by
//! [`check_types`] before anything is run or written, with the cast that
//! would fit.

use std::fs::File;
use std::io::{self, BufWriter, Seek, SeekFrom, Write};

use duckdb::arrow::array::{Array, ArrayRef, AsArray, StringArray};
use duckdb::arrow::compute::{CastOptions, cast, cast_with_options};
use duckdb::arrow::datatypes::{
    DataType, Date32Type, Float64Type, Int32Type, Int64Type, Schema, TimeUnit,
};
use duckdb::arrow::record_batch::RecordBatch;

use crate::error::{Error, Result};
use crate::i18n::{Arg, Lang};
use crate::t;

/// The most variables a format-118 file holds (more need format 119).
pub const MAX_VARIABLES: usize = 32_767;
/// The longest `str#`; longer text is a `strL`.
pub const MAX_STR_WIDTH: u64 = 2045;

// Stata's nonmissing ranges: the values above each maximum are its
// missing-value codes (`.`, `.a` … `.z`).
const BYTE_MIN: i64 = -127;
const BYTE_MAX: i64 = 100;
const INT_MIN: i64 = -32_767;
const INT_MAX: i64 = 32_740;
const LONG_MIN: i64 = -2_147_483_647;
const LONG_MAX: i64 = 2_147_483_620;

// The missing value `.` of each numeric type.
const BYTE_MISSING: i8 = 101;
const INT_MISSING: i16 = 32_741;
const LONG_MISSING: i32 = 2_147_483_621;
const DOUBLE_MISSING: u64 = 0x7FE0_0000_0000_0000;

/// Days from Stata's day 0 (1960-01-01) to 1970-01-01.
const STATA_EPOCH_DAYS: i64 = 3653;
/// Milliseconds from 1960-01-01 00:00:00 to 1970-01-01 00:00:00.
const STATA_EPOCH_MILLIS: i64 = STATA_EPOCH_DAYS * 86_400_000;
/// Milliseconds past this lose their unit in a double (and DuckDB's
/// infinite timestamps lie past it).
const EXACT_DOUBLE: i64 = 1 << 53;

// Widths of the fixed fields of format 118, their final NUL included.
const NAME_FIELD: usize = 129;
const FORMAT_FIELD: usize = 57;
const LABEL_FIELD: usize = 321;
/// Labels (variable and dataset) are at most 80 characters.
const LABEL_CHARS: usize = 80;
/// A characteristic's contents are at most 67,784 bytes.
const NOTE_BYTES: usize = 60_000;
/// Names are at most 32 characters.
const NAME_CHARS: usize = 32;

/// The value label that BOOLEAN columns carry.
const YES_NO_LABEL: &str = "yesno";

/// Names Stata keeps for itself ([U] 11.3); `str1` … `str2045` too.
const RESERVED_NAMES: [&str; 20] = [
    "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n",
    "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with",
];

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
    fn code(self) -> u16 {
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
    fn width(self) -> usize {
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
enum Kind {
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

/// What a column is measured for before writing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Measure {
    /// Its smallest and largest value.
    Range,
    /// Its longest value in bytes.
    Bytes,
    None,
}

impl Kind {
    fn measure(self) -> Measure {
        match self {
            Kind::Integer => Measure::Range,
            Kind::Text => Measure::Bytes,
            _ => Measure::None,
        }
    }
}

/// The kind of a column Stata can hold, or the refusal's type name and
/// the SQL expression (`{}` for the column) that would fit.
fn kind_of(data_type: &DataType) -> std::result::Result<Kind, (String, &'static str)> {
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

fn kinds(schema: &Schema) -> Result<Vec<Kind>> {
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

/// What the aggregate query found of one column.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ColumnStats {
    /// The smallest and largest value of a whole-number column; `None`
    /// when it has no value but NULL.
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// The longest value of a text column, in bytes.
    pub max_bytes: Option<u64>,
}

/// The position name of column `index` in the measuring query.
fn position(index: usize) -> String {
    format!("__c{index}")
}

/// The aggregate query that measures the result of `sql` (one statement,
/// whose result has `schema`): for each whole-number column its smallest
/// and largest value, for each text column its longest value in bytes, all
/// as DOUBLE, in the order of the columns. Columns are taken by position,
/// so duplicate or odd names need no care. `None` when no column needs
/// measuring, and nothing has to run.
pub fn stats_sql(sql: &str, schema: &Schema) -> Option<String> {
    let mut measures = Vec::new();
    for (index, field) in schema.fields().iter().enumerate() {
        let column = position(index);
        match kind_of(field.data_type()).map(Kind::measure) {
            Ok(Measure::Range) => {
                measures.push(format!("CAST(min({column}) AS DOUBLE)"));
                measures.push(format!("CAST(max({column}) AS DOUBLE)"));
            }
            Ok(Measure::Bytes) => {
                measures.push(format!(
                    "CAST(max(strlen(CAST({column} AS VARCHAR))) AS DOUBLE)"
                ));
            }
            Ok(Measure::None) | Err(_) => {}
        }
    }
    if measures.is_empty() {
        return None;
    }
    let positions: Vec<String> = (0..schema.fields().len()).map(position).collect();
    // The line breaks keep a trailing `--` comment of the query inside it.
    Some(format!(
        "SELECT {} FROM (\n{sql}\n) AS __result({})",
        measures.join(", "),
        positions.join(", ")
    ))
}

/// The measures of each column of `schema` from the one-row result of
/// [`stats_sql`]; columns that need none get the default.
pub fn read_stats(schema: &Schema, batch: &RecordBatch) -> Result<Vec<ColumnStats>> {
    let mut next = 0;
    let mut value = || -> Result<Option<f64>> {
        let array = batch
            .columns()
            .get(next)
            .ok_or_else(|| write_failed("the measuring query gave too few columns"))?;
        next += 1;
        let doubles = cast(array.as_ref(), &DataType::Float64).map_err(write_failed)?;
        let doubles = doubles
            .as_primitive_opt::<Float64Type>()
            .ok_or_else(|| write_failed("the measuring query gave no numbers"))?;
        Ok((batch.num_rows() > 0 && !doubles.is_null(0)).then(|| doubles.value(0)))
    };
    let mut stats = Vec::with_capacity(schema.fields().len());
    for field in schema.fields() {
        let mut column = ColumnStats::default();
        match kind_of(field.data_type()).map(Kind::measure) {
            Ok(Measure::Range) => {
                column.min = value()?;
                column.max = value()?;
            }
            Ok(Measure::Bytes) => column.max_bytes = value()?.map(|bytes| bytes as u64),
            Ok(Measure::None) | Err(_) => {}
        }
        stats.push(column);
    }
    Ok(stats)
}

/// The smallest integer type whose nonmissing range holds `min..=max`;
/// `double` past `long`. A column without values is a `byte`.
pub fn smallest_integer(min: Option<f64>, max: Option<f64>) -> Storage {
    let (Some(min), Some(max)) = (min, max) else {
        return Storage::Byte;
    };
    let fits = |low: i64, high: i64| min >= low as f64 && max <= high as f64;
    if fits(BYTE_MIN, BYTE_MAX) {
        Storage::Byte
    } else if fits(INT_MIN, INT_MAX) {
        Storage::Int
    } else if fits(LONG_MIN, LONG_MAX) {
        Storage::Long
    } else {
        Storage::Double
    }
}

/// `str#` for text of at most 2045 bytes (at least `str1`), else `strL`.
pub fn text_storage(max_bytes: Option<u64>) -> Storage {
    match max_bytes.unwrap_or(0) {
        bytes if bytes > MAX_STR_WIDTH => Storage::StrL,
        bytes => Storage::Str(bytes.max(1) as u16),
    }
}

/// Whether `name` is a Stata variable name: 1 to 32 ASCII letters,
/// digits and `_`, not starting with a digit, not a reserved word.
pub fn is_stata_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    name.len() <= NAME_CHARS
        && (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !is_reserved(name)
}

fn is_reserved(name: &str) -> bool {
    RESERVED_NAMES.contains(&name)
        || name
            .strip_prefix("str")
            .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The ASCII name a column gets when its own breaks Stata's rules: its
/// runs of letters, digits and `_` joined by `_` (`gross output (bn)` is
/// `gross_output_bn`), `v` before a leading digit, `v` and the column's
/// number when nothing is left (`总产值`, the third column, is `v3`), cut
/// to 32 characters, `_` after a reserved word.
fn ascii_name(name: &str, number: usize) -> String {
    let runs: Vec<&str> = name
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|run| !run.is_empty())
        .collect();
    let mut candidate = runs.join("_");
    if candidate.is_empty() {
        candidate = format!("v{number}");
    } else if candidate.starts_with(|c: char| c.is_ascii_digit()) {
        candidate.insert(0, 'v');
    }
    candidate.truncate(NAME_CHARS);
    if is_reserved(&candidate) {
        candidate.push('_');
    }
    candidate
}

/// The Stata name of each column and whether it had to change. A column
/// whose name is a Stata name keeps it, unless an earlier column took it
/// (in any case: `A` and `a` would trouble case-blind tools); the others
/// get [`ascii_name`], with `_2`, `_3`, … when that is taken. The same
/// names always give the same result.
pub fn stata_names(names: &[&str]) -> Vec<(String, bool)> {
    let mut taken = std::collections::HashSet::new();
    let mut chosen: Vec<Option<(String, bool)>> = names
        .iter()
        .map(|name| {
            (is_stata_name(name) && taken.insert(name.to_ascii_lowercase()))
                .then(|| (name.to_string(), false))
        })
        .collect();
    for (index, slot) in chosen.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let base = ascii_name(names[index], index + 1);
        let mut candidate = base.clone();
        let mut suffix = 1;
        while !taken.insert(candidate.to_ascii_lowercase()) {
            suffix += 1;
            let tail = format!("_{suffix}");
            let mut head = base.clone();
            head.truncate(NAME_CHARS - tail.len());
            candidate = head + &tail;
        }
        *slot = Some((candidate, true));
    }
    chosen.into_iter().flatten().collect()
}

/// The longest start of `text` of at most `max_chars` characters and
/// `max_bytes` bytes, cut between characters.
fn clip(text: &str, max_chars: usize, max_bytes: usize) -> &str {
    let mut end = 0;
    for (count, (at, c)) in text.char_indices().enumerate() {
        if count == max_chars || at + c.len_utf8() > max_bytes {
            break;
        }
        end = at + c.len_utf8();
    }
    &text[..end]
}

/// One variable of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct DtaVariable {
    /// The result column's own name.
    pub column: String,
    /// The Stata name.
    pub name: String,
    /// The variable label: the column's own name when the Stata name
    /// differs, else the dictionary's title with its unit, else empty.
    pub label: String,
    pub storage: Storage,
    /// The display format (`%td`, `%tc`, `%8.0g`, `%12s`).
    pub format: String,
    /// The value label attached (BOOLEAN columns' yes/no).
    pub value_label: Option<String>,
    kind: Kind,
}

/// How a result becomes a Stata file: its variables, labels and the
/// dataset's label, chosen before any row is written.
#[derive(Debug, Clone, PartialEq)]
pub struct DtaPlan {
    pub variables: Vec<DtaVariable>,
    /// `clusterql: <query>`, cut to Stata's 80 characters.
    pub dataset_label: String,
    /// The whole query, kept as the dataset's note (`notes` in Stata).
    pub note: String,
    /// The file's time stamp, as seconds since 1970 (UTC); none by default,
    /// so the same query writes the same bytes.
    pub timestamp: Option<i64>,
    /// The texts of 0 and 1 in the yes/no value label.
    yes_no: (String, String),
}

impl DtaPlan {
    /// The plan for a result of `schema` measured as `stats` (one per
    /// column, from [`read_stats`]; a column without them gets the widest
    /// type, `double` or `strL`), written by `query`, in the session's
    /// language.
    pub fn new(schema: &Schema, stats: &[ColumnStats], query: &str) -> Result<DtaPlan> {
        DtaPlan::in_language(crate::i18n::current(), schema, stats, query)
    }

    /// [`DtaPlan::new`] with labels in `lang`.
    pub fn in_language(
        lang: Lang,
        schema: &Schema,
        stats: &[ColumnStats],
        query: &str,
    ) -> Result<DtaPlan> {
        let kinds = kinds(schema)?;
        let columns: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let names = stata_names(&columns);
        let variables = schema
            .fields()
            .iter()
            .zip(kinds)
            .zip(names)
            .enumerate()
            .map(|(index, ((field, kind), (name, renamed)))| {
                let measured = stats.get(index);
                let storage = match kind {
                    Kind::Null | Kind::Bool => Storage::Byte,
                    Kind::Integer => match measured {
                        Some(s) => smallest_integer(s.min, s.max),
                        None => Storage::Double,
                    },
                    Kind::Real | Kind::Timestamp(_) => Storage::Double,
                    Kind::Date => Storage::Long,
                    Kind::Text => match measured {
                        Some(s) => text_storage(s.max_bytes),
                        None => Storage::StrL,
                    },
                };
                let format = match (kind, storage) {
                    (Kind::Date, _) => "%td".to_string(),
                    (Kind::Timestamp(_), _) => "%tc".to_string(),
                    (Kind::Integer, Storage::Double) => "%20.0g".to_string(),
                    (_, Storage::Byte | Storage::Int) => "%8.0g".to_string(),
                    (_, Storage::Long) => "%12.0g".to_string(),
                    (_, Storage::Double) => "%10.0g".to_string(),
                    (_, Storage::Str(width)) => format!("%{}s", width.max(9)),
                    (_, Storage::StrL) => "%9s".to_string(),
                };
                let column = field.name().to_string();
                let label = if renamed {
                    column.clone()
                } else {
                    crate::dictionary::entry(&column, kind == Kind::Bool)
                        .map(|entry| entry.heading(lang))
                        .unwrap_or_default()
                };
                DtaVariable {
                    label: clip(&label, LABEL_CHARS, LABEL_FIELD - 1).to_string(),
                    column,
                    name,
                    storage,
                    format,
                    value_label: (kind == Kind::Bool).then(|| YES_NO_LABEL.to_string()),
                    kind,
                }
            })
            .collect();
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
        let label_text = |text: &str| {
            crate::i18n::message_in(lang, "dta-dataset-label", &[("query", Arg::from(text))])
        };
        let mut dataset_label = label_text(&query);
        if dataset_label.chars().count() > LABEL_CHARS {
            // Cut the query, not the name of clusterql, and show the cut.
            let frame = dataset_label.chars().count() - query.chars().count();
            let room = LABEL_CHARS.saturating_sub(frame + 1);
            dataset_label = label_text(&format!("{}…", clip(&query, room, usize::MAX)));
        }
        Ok(DtaPlan {
            variables,
            dataset_label: clip(&dataset_label, LABEL_CHARS, LABEL_FIELD - 1).to_string(),
            note: clip(&label_text(&query), usize::MAX, NOTE_BYTES).to_string(),
            timestamp: None,
            yes_no: (
                crate::i18n::message_in(lang, "dta-bool-no", &[]),
                crate::i18n::message_in(lang, "dta-bool-yes", &[]),
            ),
        })
    }

    fn has_booleans(&self) -> bool {
        self.variables.iter().any(|v| v.kind == Kind::Bool)
    }
}

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

/// The civil date (year, month, day) of a day counted from 1970-01-01.
fn civil_date(days: i64) -> (i64, u32, u32) {
    // Days from 0000-03-01, so that a leap day ends its year.
    let shifted = days + 719_468;
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month as u32, day as u32)
}

/// The header's time stamp, `dd Mon yyyy hh:mm` (UTC), if the year has
/// four digits.
fn time_stamp(unix_seconds: i64) -> Option<String> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (year, month, day) = civil_date(unix_seconds.div_euclid(86_400));
    let minute_of_day = unix_seconds.rem_euclid(86_400) / 60;
    (1000..=9999).contains(&year).then(|| {
        format!(
            "{day:02} {} {year} {:02}:{:02}",
            MONTHS[month as usize - 1],
            minute_of_day / 60,
            minute_of_day % 60
        )
    })
}

fn write_failed(reason: impl ToString) -> Error {
    Error::Engine(t!("dta-write-failed", reason = reason.to_string()))
}

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
struct Cells<'a> {
    rows: &'a mut [u8],
    row_width: usize,
    offset: usize,
    width: usize,
}

impl Cells<'_> {
    fn cell(&mut self, row: usize) -> &mut [u8] {
        let at = row * self.row_width + self.offset;
        &mut self.rows[at..at + self.width]
    }
}

/// The strL values of one variable, as GSO blocks, until the data ends.
struct Spill {
    file: BufWriter<File>,
}

impl Spill {
    fn new() -> io::Result<Spill> {
        Ok(Spill {
            file: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
        })
    }

    /// A GSO block: `GSO`, v (u32), o (u64), type 130 (text), the length
    /// with the final NUL, the text, NUL.
    fn put(&mut self, variable: u32, observation: u64, text: &[u8]) -> Result<()> {
        let length = u32::try_from(text.len() + 1).map_err(write_failed)?;
        let mut head = [0u8; 20];
        head[..3].copy_from_slice(b"GSO");
        head[3..7].copy_from_slice(&variable.to_le_bytes());
        head[7..15].copy_from_slice(&observation.to_le_bytes());
        head[15] = 130;
        head[16..20].copy_from_slice(&length.to_le_bytes());
        self.file.write_all(&head).map_err(Error::Output)?;
        self.file.write_all(text).map_err(Error::Output)?;
        self.file.write_all(&[0]).map_err(Error::Output)
    }
}

/// The output with the count of bytes written, for the section map.
struct Counted<W: Write + Seek> {
    out: BufWriter<W>,
    position: u64,
}

impl<W: Write + Seek> Counted<W> {
    fn put(&mut self, bytes: &[u8]) -> Result<()> {
        self.out.write_all(bytes).map_err(Error::Output)?;
        self.position += bytes.len() as u64;
        Ok(())
    }

    /// `text` cut to `width - 1` bytes between characters, NUL-padded.
    fn put_fixed(&mut self, text: &str, width: usize) -> Result<()> {
        let text = clip(text, usize::MAX, width - 1);
        self.put(text.as_bytes())?;
        self.put(&vec![0; width - text.len()])
    }

    /// A section of one fixed-width text a variable: `<tag>`, the texts,
    /// `</tag>`.
    fn put_fixed_section<'t>(
        &mut self,
        tag: &str,
        texts: impl Iterator<Item = &'t str>,
        width: usize,
    ) -> Result<()> {
        self.put(format!("<{tag}>").as_bytes())?;
        for text in texts {
            self.put_fixed(text, width)?;
        }
        self.put(format!("</{tag}>").as_bytes())
    }
}

/// Index of each section in `<map>`.
mod section {
    pub const MAP: usize = 1;
    pub const VARIABLE_TYPES: usize = 2;
    pub const VARNAMES: usize = 3;
    pub const SORTLIST: usize = 4;
    pub const FORMATS: usize = 5;
    pub const VALUE_LABEL_NAMES: usize = 6;
    pub const VARIABLE_LABELS: usize = 7;
    pub const CHARACTERISTICS: usize = 8;
    pub const DATA: usize = 9;
    pub const STRLS: usize = 10;
    pub const VALUE_LABELS: usize = 11;
    pub const CLOSE: usize = 12;
    pub const END: usize = 13;
}

/// Writes one result as a Stata file: [`begin`](Self::begin) with the
/// plan, [`push`](Self::push) each batch, [`finish`](Self::finish).
pub struct DtaWriter<W: Write + Seek> {
    out: Counted<W>,
    plan: Option<DtaPlan>,
    map: [u64; 14],
    /// Where N, the observation count, is patched at the end.
    count_at: u64,
    rows: u64,
    row_width: usize,
    offsets: Vec<usize>,
    /// One block of rows, reused batch after batch.
    block: Vec<u8>,
    spills: Vec<Option<Spill>>,
}

impl<W: Write + Seek> DtaWriter<W> {
    /// A writer to `out`, a new file (or one it may overwrite from its
    /// current position, which must be its start).
    pub fn new(out: W) -> Self {
        DtaWriter {
            out: Counted {
                out: BufWriter::with_capacity(1 << 20, out),
                position: 0,
            },
            plan: None,
            map: [0; 14],
            count_at: 0,
            rows: 0,
            row_width: 0,
            offsets: Vec::new(),
            block: Vec::new(),
            spills: Vec::new(),
        }
    }

    /// Writes everything before the rows: header, map, variables, labels.
    pub fn begin(&mut self, plan: DtaPlan) -> Result<()> {
        let out = &mut self.out;
        out.put(b"<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>")?;
        out.put(&(plan.variables.len() as u16).to_le_bytes())?;
        out.put(b"</K><N>")?;
        self.count_at = out.position;
        out.put(&0u64.to_le_bytes())?;
        out.put(b"</N><label>")?;
        out.put(&(plan.dataset_label.len() as u16).to_le_bytes())?;
        out.put(plan.dataset_label.as_bytes())?;
        out.put(b"</label><timestamp>")?;
        match plan.timestamp.and_then(time_stamp) {
            Some(stamp) => {
                out.put(&[stamp.len() as u8])?;
                out.put(stamp.as_bytes())?;
            }
            None => out.put(&[0])?,
        }
        out.put(b"</timestamp></header>")?;

        self.map[section::MAP] = out.position;
        out.put(b"<map>")?;
        out.put(&[0; 14 * 8])?;
        out.put(b"</map>")?;

        self.map[section::VARIABLE_TYPES] = out.position;
        out.put(b"<variable_types>")?;
        for variable in &plan.variables {
            out.put(&variable.storage.code().to_le_bytes())?;
        }
        out.put(b"</variable_types>")?;

        self.map[section::VARNAMES] = out.position;
        let names = plan.variables.iter().map(|v| v.name.as_str());
        out.put_fixed_section("varnames", names, NAME_FIELD)?;

        self.map[section::SORTLIST] = out.position;
        out.put(b"<sortlist>")?;
        out.put(&vec![0; (plan.variables.len() + 1) * 2])?;
        out.put(b"</sortlist>")?;

        self.map[section::FORMATS] = out.position;
        let formats = plan.variables.iter().map(|v| v.format.as_str());
        out.put_fixed_section("formats", formats, FORMAT_FIELD)?;

        self.map[section::VALUE_LABEL_NAMES] = out.position;
        let value_labels = plan
            .variables
            .iter()
            .map(|v| v.value_label.as_deref().unwrap_or(""));
        out.put_fixed_section("value_label_names", value_labels, NAME_FIELD)?;

        self.map[section::VARIABLE_LABELS] = out.position;
        let labels = plan.variables.iter().map(|v| v.label.as_str());
        out.put_fixed_section("variable_labels", labels, LABEL_FIELD)?;

        // The whole query as the dataset's one note: `_dta[note0]` counts
        // the notes, `_dta[note1]` is the first.
        self.map[section::CHARACTERISTICS] = out.position;
        out.put(b"<characteristics>")?;
        for (name, contents) in [("note0", "1"), ("note1", plan.note.as_str())] {
            let length = (2 * NAME_FIELD + contents.len() + 1) as u32;
            out.put(b"<ch>")?;
            out.put(&length.to_le_bytes())?;
            out.put_fixed("_dta", NAME_FIELD)?;
            out.put_fixed(name, NAME_FIELD)?;
            out.put(contents.as_bytes())?;
            out.put(&[0])?;
            out.put(b"</ch>")?;
        }
        out.put(b"</characteristics>")?;

        self.map[section::DATA] = out.position;
        out.put(b"<data>")?;

        self.offsets = plan
            .variables
            .iter()
            .scan(0, |offset, variable| {
                let at = *offset;
                *offset += variable.storage.width();
                Some(at)
            })
            .collect();
        self.row_width = plan.variables.iter().map(|v| v.storage.width()).sum();
        self.spills = plan
            .variables
            .iter()
            .map(|v| (v.storage == Storage::StrL).then(Spill::new).transpose())
            .collect::<io::Result<_>>()
            .map_err(Error::Output)?;
        self.plan = Some(plan);
        Ok(())
    }

    /// Writes a batch's rows.
    pub fn push(&mut self, batch: &RecordBatch) -> Result<()> {
        let DtaWriter {
            out,
            plan,
            rows,
            row_width,
            offsets,
            block,
            spills,
            ..
        } = self;
        let plan = plan
            .as_ref()
            .ok_or_else(|| write_failed("rows before the header"))?;
        if batch.num_columns() != plan.variables.len() {
            return Err(write_failed("a batch of another shape"));
        }
        let count = batch.num_rows();
        if count == 0 || *row_width == 0 {
            return Ok(());
        }
        block.clear();
        block.resize(count * *row_width, 0);
        for (index, variable) in plan.variables.iter().enumerate() {
            let cells = Cells {
                rows: block.as_mut_slice(),
                row_width: *row_width,
                offset: offsets[index],
                width: variable.storage.width(),
            };
            let strl = Strl {
                variable: index as u32 + 1,
                first_observation: *rows + 1,
                spill: spills[index].as_mut(),
            };
            fill(variable, batch.column(index).as_ref(), count, cells, strl)?;
        }
        out.put(block.as_slice())?;
        *rows += count as u64;
        Ok(())
    }

    /// Ends the data, copies the strLs in, writes the value labels and
    /// patches N and the map; returns the output, flushed.
    pub fn finish(mut self, row_count: u64) -> Result<W> {
        let plan = self.plan.take().ok_or_else(|| write_failed("no header"))?;
        debug_assert_eq!(row_count, self.rows, "rows pushed and rows counted differ");
        let out = &mut self.out;
        out.put(b"</data>")?;

        self.map[section::STRLS] = out.position;
        out.put(b"<strls>")?;
        for spill in self.spills.iter_mut().filter_map(Option::take) {
            let mut file = spill
                .file
                .into_inner()
                .map_err(|e| Error::Output(e.into_error()))?;
            file.seek(SeekFrom::Start(0)).map_err(Error::Output)?;
            let copied = io::copy(&mut file, &mut out.out).map_err(Error::Output)?;
            out.position += copied;
        }
        out.put(b"</strls>")?;

        self.map[section::VALUE_LABELS] = out.position;
        out.put(b"<value_labels>")?;
        if plan.has_booleans() {
            let (no, yes) = (&plan.yes_no.0, &plan.yes_no.1);
            let text_length = no.len() + 1 + yes.len() + 1;
            // n, txtlen, off[2], val[2], txt.
            let table_length = 4 + 4 + 2 * 4 + 2 * 4 + text_length;
            out.put(b"<lbl>")?;
            out.put(&(table_length as i32).to_le_bytes())?;
            out.put_fixed(YES_NO_LABEL, NAME_FIELD)?;
            out.put(&[0; 3])?;
            for number in [2, text_length as i32, 0, no.len() as i32 + 1, 0, 1] {
                out.put(&i32::to_le_bytes(number))?;
            }
            for text in [no, yes] {
                out.put(text.as_bytes())?;
                out.put(&[0])?;
            }
            out.put(b"</lbl>")?;
        }
        out.put(b"</value_labels>")?;

        self.map[section::CLOSE] = out.position;
        out.put(b"</stata_dta>")?;
        self.map[section::END] = out.position;

        let map_at = self.map[section::MAP] + b"<map>".len() as u64;
        patch(&mut out.out, self.count_at, self.rows, map_at, &self.map).map_err(Error::Output)?;
        self.out
            .out
            .into_inner()
            .map_err(|e| Error::Output(e.into_error()))
    }
}

/// Writes N, the observation count, and the map in their places.
fn patch<W: Write + Seek>(
    file: &mut BufWriter<W>,
    count_at: u64,
    rows: u64,
    map_at: u64,
    map: &[u64; 14],
) -> io::Result<()> {
    file.seek(SeekFrom::Start(count_at))?;
    file.write_all(&rows.to_le_bytes())?;
    file.seek(SeekFrom::Start(map_at))?;
    for offset in map {
        file.write_all(&offset.to_le_bytes())?;
    }
    file.seek(SeekFrom::End(0))?;
    file.flush()
}

/// Where a variable's strL values go.
struct Strl<'a> {
    /// The variable's number, from 1.
    variable: u32,
    /// The observation number, from 1, of the batch's first row.
    first_observation: u64,
    /// Its spill file, made by `begin` for a strL variable.
    spill: Option<&'a mut Spill>,
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
fn fill(
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
    use super::*;
    use std::io::Cursor;
    use std::sync::Arc;

    use duckdb::arrow::array::{
        BooleanArray, Date32Array, Decimal128Array, Float64Array, Int64Array, NullArray,
        TimestampMicrosecondArray,
    };
    use duckdb::arrow::datatypes::Field;

    #[test]
    fn the_smallest_integer_type_stops_short_of_the_missing_codes() {
        let range = |min: f64, max: f64| smallest_integer(Some(min), Some(max));
        assert_eq!(range(-127.0, 100.0), Storage::Byte);
        assert_eq!(range(0.0, 101.0), Storage::Int);
        assert_eq!(range(-128.0, 0.0), Storage::Int);
        assert_eq!(range(-32_767.0, 32_740.0), Storage::Int);
        assert_eq!(range(0.0, 32_741.0), Storage::Long);
        assert_eq!(range(-32_768.0, 0.0), Storage::Long);
        assert_eq!(range(-2_147_483_647.0, 2_147_483_620.0), Storage::Long);
        assert_eq!(range(0.0, 2_147_483_621.0), Storage::Double);
        assert_eq!(range(-2_147_483_648.0, 0.0), Storage::Double);
        assert_eq!(range(0.0, 1e30), Storage::Double);
        assert_eq!(smallest_integer(None, None), Storage::Byte);
    }

    #[test]
    fn text_up_to_2045_bytes_is_a_str_and_longer_a_strl() {
        assert_eq!(text_storage(None), Storage::Str(1));
        assert_eq!(text_storage(Some(0)), Storage::Str(1));
        assert_eq!(text_storage(Some(12)), Storage::Str(12));
        assert_eq!(text_storage(Some(2045)), Storage::Str(2045));
        assert_eq!(text_storage(Some(2046)), Storage::StrL);
    }

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

    #[test]
    fn names_follow_statas_rules_stably_and_uniquely() {
        let names = [
            "total_output_bn_cny",
            "总产值",
            "gross output (bn)",
            "gross_output_bn",
            "2023",
            "int",
            "a_name_that_is_far_longer_than_thirty_two_characters",
            "x",
            "X",
            "str5",
            "_ok",
        ];
        let chosen = stata_names(&names);
        let got: Vec<(&str, bool)> = chosen.iter().map(|(n, r)| (n.as_str(), *r)).collect();
        assert_eq!(
            got,
            vec![
                ("total_output_bn_cny", false),
                ("v2", true),
                // Its cleaned name is a later column's own, which keeps it.
                ("gross_output_bn_2", true),
                ("gross_output_bn", false),
                ("v2023", true),
                ("int_", true),
                ("a_name_that_is_far_longer_than_t", true),
                ("x", false),
                ("X_2", true),
                ("str5_", true),
                ("_ok", false),
            ]
        );
        for (name, _) in &chosen {
            assert!(is_stata_name(name), "{name}");
        }
        // The same names give the same result.
        assert_eq!(stata_names(&names), chosen);
        // Many columns of one name stay unique within 32 characters.
        let long = "é".repeat(40) + &"y".repeat(40);
        let many = vec![long.as_str(); 12];
        let chosen = stata_names(&many);
        let distinct: std::collections::HashSet<_> = chosen.iter().map(|(n, _)| n).collect();
        assert_eq!(distinct.len(), 12);
        assert!(chosen.iter().all(|(n, _)| is_stata_name(n)));
        assert_eq!(chosen[11].0, format!("{}_12", "y".repeat(29)));
    }

    #[test]
    fn dates_and_times_count_from_1960() {
        // 1960-01-01 is day -3653 of 1970's count and day 0 of Stata's.
        assert_eq!(stata_days(-3653), 0);
        assert_eq!(stata_days(0), 3653);
        // 2024-01-01.
        assert_eq!(stata_days(19_723), 23_376);
        assert_eq!(civil_date(19_723), (2024, 1, 1));
        assert_eq!(civil_date(-3653), (1960, 1, 1));
        assert_eq!(civil_date(19_782), (2024, 2, 29));
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

    #[test]
    fn labels_are_cut_between_characters() {
        assert_eq!(clip("总产值", 2, 100), "总产");
        assert_eq!(clip("总产值", 10, 7), "总产");
        assert_eq!(clip("abc", 10, 100), "abc");
        assert_eq!(clip("", 10, 100), "");
    }

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

    #[test]
    fn the_measuring_query_takes_columns_by_position() {
        let schema = Schema::new(vec![
            Field::new("n", DataType::Int64, true),
            Field::new("x", DataType::Float64, true),
            Field::new("name", DataType::Utf8, true),
        ]);
        assert_eq!(
            stats_sql("select 1 -- one", &schema).unwrap(),
            "SELECT CAST(min(__c0) AS DOUBLE), CAST(max(__c0) AS DOUBLE), \
             CAST(max(strlen(CAST(__c2 AS VARCHAR))) AS DOUBLE) FROM (\nselect 1 -- one\n) \
             AS __result(__c0, __c1, __c2)"
        );
        let only_doubles = Schema::new(vec![Field::new("x", DataType::Float64, true)]);
        assert_eq!(stats_sql("select 1.5", &only_doubles), None);
        let measured = RecordBatch::try_new(
            Arc::new(Schema::new(vec![
                Field::new("a", DataType::Float64, true),
                Field::new("b", DataType::Float64, true),
                Field::new("c", DataType::Float64, true),
            ])),
            vec![
                Arc::new(Float64Array::from(vec![Some(-3.0)])) as ArrayRef,
                Arc::new(Float64Array::from(vec![Some(200.0)])),
                Arc::new(Float64Array::from(vec![None::<f64>])),
            ],
        )
        .unwrap();
        let stats = read_stats(&schema, &measured).unwrap();
        assert_eq!(
            stats,
            vec![
                ColumnStats {
                    min: Some(-3.0),
                    max: Some(200.0),
                    max_bytes: None
                },
                ColumnStats::default(),
                ColumnStats::default(),
            ]
        );
    }

    #[test]
    fn labels_come_from_the_dictionary_or_the_original_name() {
        let schema = Schema::new(vec![
            Field::new("total_output_bn_cny", DataType::Float64, true),
            Field::new("产值 2023", DataType::Float64, true),
        ]);
        let plan = DtaPlan::in_language(Lang::Zh, &schema, &[], "select 1").unwrap();
        assert_eq!(plan.variables[0].name, "total_output_bn_cny");
        assert_eq!(plan.variables[0].label, "总产值（十亿元）");
        assert_eq!(plan.variables[1].name, "v2023");
        assert_eq!(plan.variables[1].label, "产值 2023");
        let query = format!("select {}", "x, ".repeat(60));
        let plan = DtaPlan::in_language(Lang::En, &schema, &[], &query).unwrap();
        assert_eq!(plan.variables[0].label, "Total output (bn yuan)");
        assert_eq!(plan.dataset_label.chars().count(), LABEL_CHARS);
        assert!(
            plan.dataset_label.starts_with("clusterql"),
            "{}",
            plan.dataset_label
        );
        assert!(plan.dataset_label.ends_with('…'), "{}", plan.dataset_label);
        assert!(
            plan.note
                .contains(&query.split_whitespace().collect::<Vec<_>>().join(" "))
        );
    }

    /// The eight bytes at `at` as a little-endian u64.
    fn u64_at(bytes: &[u8], at: usize) -> u64 {
        u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap())
    }

    fn sample() -> (Schema, RecordBatch) {
        let long_text = "长".repeat(700); // 2100 bytes: a strL
        let fields = vec![
            Field::new("n", DataType::Int64, true),
            Field::new("big", DataType::Decimal128(38, 0), true),
            Field::new("x", DataType::Float64, true),
            Field::new("flag", DataType::Boolean, true),
            Field::new("day", DataType::Date32, true),
            Field::new("at", DataType::Timestamp(TimeUnit::Microsecond, None), true),
            Field::new("name", DataType::Utf8, true),
            Field::new("note", DataType::Utf8, true),
            Field::new("nothing", DataType::Null, true),
        ];
        let schema = Schema::new(fields);
        let columns: Vec<ArrayRef> = vec![
            Arc::new(Int64Array::from(vec![Some(7), None])),
            Arc::new(
                Decimal128Array::from(vec![Some(3_000_000_000i128), None])
                    .with_precision_and_scale(38, 0)
                    .unwrap(),
            ),
            Arc::new(Float64Array::from(vec![Some(1.5), None])),
            Arc::new(BooleanArray::from(vec![Some(true), None])),
            Arc::new(Date32Array::from(vec![Some(0), None])),
            Arc::new(TimestampMicrosecondArray::from(vec![Some(1_000), None])),
            Arc::new(StringArray::from(vec![Some("中文"), None])),
            Arc::new(StringArray::from(vec![Some(long_text.as_str()), Some("")])),
            Arc::new(NullArray::new(2)),
        ];
        let batch = RecordBatch::try_new(Arc::new(schema.clone()), columns).unwrap();
        (schema, batch)
    }

    fn stats_of_sample() -> Vec<ColumnStats> {
        let range = |min: f64, max: f64| ColumnStats {
            min: Some(min),
            max: Some(max),
            max_bytes: None,
        };
        let bytes = |n: u64| ColumnStats {
            max_bytes: Some(n),
            ..ColumnStats::default()
        };
        vec![
            range(7.0, 7.0),
            range(3e9, 3e9),
            ColumnStats::default(),
            ColumnStats::default(),
            ColumnStats::default(),
            ColumnStats::default(),
            bytes(6),
            bytes(2100),
            ColumnStats::default(),
        ]
    }

    #[test]
    fn a_file_has_its_sections_where_the_map_says_and_the_rows_patched_in() {
        let (schema, batch) = sample();
        let plan = DtaPlan::in_language(Lang::En, &schema, &stats_of_sample(), "select 1").unwrap();
        let storages: Vec<Storage> = plan.variables.iter().map(|v| v.storage).collect();
        assert_eq!(
            storages,
            vec![
                Storage::Byte,
                Storage::Double,
                Storage::Double,
                Storage::Byte,
                Storage::Long,
                Storage::Double,
                Storage::Str(6),
                Storage::StrL,
                Storage::Byte,
            ]
        );
        let mut writer = DtaWriter::new(Cursor::new(Vec::new()));
        writer.begin(plan).unwrap();
        writer.push(&batch).unwrap();
        let bytes = writer.finish(2).unwrap().into_inner();

        assert!(bytes.starts_with(
            b"<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>"
        ));
        assert_eq!(u16::from_le_bytes([bytes[70], bytes[71]]), 9);
        assert_eq!(&bytes[72..79], b"</K><N>");
        assert_eq!(u64_at(&bytes, 79), 2);
        assert!(bytes.ends_with(b"</stata_dta>"));

        let map_at = bytes.windows(5).position(|w| w == b"<map>").unwrap();
        let map: Vec<u64> = (0..14)
            .map(|i| u64_at(&bytes, map_at + 5 + 8 * i))
            .collect();
        assert_eq!(map[0], 0);
        assert_eq!(map[1], map_at as u64);
        let tags: [(usize, &[u8]); 11] = [
            (2, b"<variable_types>"),
            (3, b"<varnames>"),
            (4, b"<sortlist>"),
            (5, b"<formats>"),
            (6, b"<value_label_names>"),
            (7, b"<variable_labels>"),
            (8, b"<characteristics>"),
            (9, b"<data>"),
            (10, b"<strls>"),
            (11, b"<value_labels>"),
            (12, b"</stata_dta>"),
        ];
        for (index, tag) in tags {
            assert!(
                bytes[map[index] as usize..].starts_with(tag),
                "map entry {index}"
            );
        }
        assert_eq!(map[13], bytes.len() as u64);

        // Row 1: 7, 3e9, 1.5, 1, day 3653, 315619200001 ms, "中文", strL (8,1), missing.
        let data = map[9] as usize + b"<data>".len();
        let row_width = 1 + 8 + 8 + 1 + 4 + 8 + 6 + 8 + 1;
        let row = &bytes[data..data + row_width];
        assert_eq!(row[0], 7);
        assert_eq!(f64::from_le_bytes(row[1..9].try_into().unwrap()), 3e9);
        assert_eq!(f64::from_le_bytes(row[9..17].try_into().unwrap()), 1.5);
        assert_eq!(row[17], 1);
        assert_eq!(i32::from_le_bytes(row[18..22].try_into().unwrap()), 3653);
        assert_eq!(
            f64::from_le_bytes(row[22..30].try_into().unwrap()),
            315_619_200_001.0
        );
        assert_eq!(&row[30..36], "中文".as_bytes());
        assert_eq!(u64_at(row, 36), 8 | (1 << 16));
        assert_eq!(row[44], 101);
        // Row 2: every value missing, text empty, the empty strL (0, 0).
        let row = &bytes[data + row_width..data + 2 * row_width];
        assert_eq!(row[0], 101);
        assert_eq!(u64_at(row, 1), DOUBLE_MISSING);
        assert_eq!(row[17], 101);
        assert_eq!(
            i32::from_le_bytes(row[18..22].try_into().unwrap()),
            LONG_MISSING
        );
        assert_eq!(&row[30..36], &[0; 6]);
        assert_eq!(u64_at(row, 36), 0);
        assert_eq!(&bytes[data + 2 * row_width..map[10] as usize], b"</data>");

        // One GSO: variable 8, observation 1, text, with its NUL.
        let strls = map[10] as usize + b"<strls>".len();
        assert_eq!(&bytes[strls..strls + 3], b"GSO");
        assert_eq!(
            u32::from_le_bytes(bytes[strls + 3..strls + 7].try_into().unwrap()),
            8
        );
        assert_eq!(u64_at(&bytes, strls + 7), 1);
        assert_eq!(bytes[strls + 15], 130);
        assert_eq!(
            u32::from_le_bytes(bytes[strls + 16..strls + 20].try_into().unwrap()),
            2101
        );
        assert_eq!(
            &bytes[strls + 20 + 2100..strls + 20 + 2101 + 8],
            b"\0</strls>"
        );

        // The yes/no label.
        let labels = &bytes[map[11] as usize..map[12] as usize];
        assert!(labels.windows(5).any(|w| w == b"yesno"));
        assert!(labels.windows(4).any(|w| w == b"yes\0"));
    }

    #[test]
    fn a_value_outside_the_measured_range_stops_the_file() {
        let schema = Schema::new(vec![
            Field::new("visits", DataType::Int64, true),
            Field::new("label_text", DataType::Utf8, true),
        ]);
        let batch = |visits: i64, text: &str| {
            let columns: Vec<ArrayRef> = vec![
                Arc::new(Int64Array::from(vec![visits])),
                Arc::new(StringArray::from(vec![text])),
            ];
            RecordBatch::try_new(Arc::new(schema.clone()), columns).unwrap()
        };
        let measured = [
            ColumnStats {
                min: Some(0.0),
                max: Some(5.0),
                max_bytes: None,
            },
            ColumnStats {
                max_bytes: Some(3),
                ..ColumnStats::default()
            },
        ];
        let writer = || {
            let plan = DtaPlan::in_language(Lang::En, &schema, &measured, "q").unwrap();
            let mut writer = DtaWriter::new(Cursor::new(Vec::new()));
            writer.begin(plan).unwrap();
            writer
        };
        // Past the measures but within the types they chose: written.
        assert!(writer().push(&batch(100, "abc")).is_ok());
        // Past a byte: refused, naming the column.
        let message = writer().push(&batch(101, "abc")).unwrap_err().to_string();
        assert!(message.contains("visits"), "{message}");
        // Longer than its str3.
        let message = writer().push(&batch(1, "abcd")).unwrap_err().to_string();
        assert!(message.contains("label_text"), "{message}");
    }
}
