//! The third step of a load: values as Chinese files write them, made the
//! schema's, in SQL that DuckDB runs on every core as it reads. Yes/no as
//! 是/否, 有/无, √/×, Y/N; shares as `35.2%`; numbers with thousands
//! separators, full-width digits or the header's unit after them; `—`, `-`,
//! `/` and `无` for an empty value; dates as `2023/1/11`, `2023年1月11日` or
//! an Excel serial; and values in the header's unit converted to the
//! column's.
//!
//! A conversion moves the decimal point of the text (`12.5e-1`), which
//! DuckDB's reader turns into the nearest DOUBLE of the exact decimal
//! result: never the rounding of a rounded value that dividing a DOUBLE by
//! ten would be.
//!
//! Each expression comes in two kinds: strict (a value it cannot read
//! fails the statement; the quick path) and lenient (it gives NULL; the
//! validation path then names the value and its line).

use super::headers::Planned;
use crate::sql_quote::sql_string;

/// Full-width digits and signs, as Chinese input methods type them, and
/// their ASCII twins, one to one.
const FULL_WIDTH: &str = "０１２３４５６７８９．，－＋％　";
const HALF_WIDTH: &str = "0123456789.,-+% ";

/// Cells that mean "no value" in Chinese tables. (无 means "no" in a
/// yes/no column, so it is not among them there.)
const EMPTY_MARKS: &[&str] = &["", "—", "——", "–", "-", "/", "无", "N/A", "n/a", "NA"];

/// Yes and no, as Chinese and English sources write them; compared in
/// lower case.
const YES: &[&str] = &[
    "是", "有", "√", "✓", "✔", "y", "yes", "true", "t", "1", "对",
];
const NO: &[&str] = &[
    "否", "无", "没有", "×", "✗", "✘", "n", "no", "false", "f", "0",
];

/// Date layouts besides ISO's.
const DATE_FORMATS: &[&str] = &["%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y-%m-%d"];

/// SQL of the value of `text` (a VARCHAR expression) as `data_type`,
/// read as planned (`planned` is `None` for the schema's own form).
pub(super) fn value(
    text: &str,
    data_type: &str,
    planned: Option<&Planned>,
    strict: bool,
) -> String {
    let scale = planned.map_or(0, |p| p.scale);
    let kind = data_type.to_ascii_uppercase();
    let cast = |x: &str, to: &str| {
        if strict {
            format!("CAST({x} AS {to})")
        } else {
            format!("TRY_CAST({x} AS {to})")
        }
    };
    let clean = cleaned(text);
    // Each reading tries the common forms first, with one cheap cast or
    // comparison; DuckDB evaluates the rest only for the values it left.
    match kind.as_str() {
        "BOOLEAN" => {
            let marks = EMPTY_MARKS.iter().filter(|m| **m != "无");
            let lowered = format!("lower({clean})");
            format!(
                "CASE {text} WHEN '是' THEN true WHEN '否' THEN false ELSE \
                 coalesce(TRY_CAST({text} AS BOOLEAN), CASE WHEN {text} IS NULL THEN NULL \
                 WHEN {yes} THEN true WHEN {no} THEN false WHEN {marks} THEN NULL \
                 ELSE {fail} END) END",
                yes = one_of(&lowered, YES.iter()),
                no = one_of(&lowered, NO.iter()),
                marks = one_of(&clean, marks),
                fail = cast(text, "BOOLEAN"),
            )
        }
        "DATE" => {
            let formats = list(DATE_FORMATS.iter());
            let parse = if strict { "strptime" } else { "try_strptime" };
            format!(
                "coalesce(TRY_CAST({text} AS DATE), CASE WHEN {marks} THEN NULL \
                 WHEN regexp_full_match({clean}, '[0-9]{{5}}(\\.0*)?') \
                 THEN DATE '1899-12-30' + CAST(CAST({clean} AS DOUBLE) AS INTEGER) \
                 ELSE CAST({parse}({clean}, [{formats}]) AS DATE) END)",
                marks = one_of(&clean, EMPTY_MARKS.iter()),
            )
        }
        "DOUBLE" | "FLOAT" | "REAL" | "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "HUGEINT"
        | "UBIGINT" | "UINTEGER" | "USMALLINT" | "UTINYINT" => {
            let floating = matches!(kind.as_str(), "DOUBLE" | "FLOAT" | "REAL");
            // The value as the column's type, from a plain number's text.
            let scaled = |number: &str, cast: &dyn Fn(&str, &str) -> String| {
                if scale == 0 {
                    cast(number, &kind)
                } else if floating {
                    cast(&format!("({number}) || 'e{scale}'"), &kind)
                } else {
                    // A count in 万人: the exact decimal, then the nearest
                    // whole number of the column's type.
                    cast(&cast(&format!("({number}) || 'e{scale}'"), "DOUBLE"), &kind)
                }
            };
            let try_cast = |x: &str, to: &str| format!("TRY_CAST({x} AS {to})");
            let plain = scaled(text, &try_cast);
            let written = scaled(&number(&clean, planned), &cast);
            // The marks as written are tested before any cleaning: an
            // empty left year written — is common, and cleaning costs.
            format!(
                "coalesce({plain}, CASE WHEN {text} IS NULL OR {raw_marks} THEN NULL \
                 WHEN {marks} THEN NULL ELSE {written} END)",
                raw_marks = one_of(text, EMPTY_MARKS.iter()),
                marks = one_of(&clean, EMPTY_MARKS.iter()),
            )
        }
        // Text is kept as written; other types as DuckDB reads them.
        "VARCHAR" => text.to_string(),
        _ => cast(text, data_type),
    }
}

/// Whether a column of this type holds whole numbers.
pub(super) fn is_integer(data_type: &str) -> bool {
    matches!(
        data_type.to_ascii_uppercase().as_str(),
        "INTEGER"
            | "BIGINT"
            | "SMALLINT"
            | "TINYINT"
            | "HUGEINT"
            | "UBIGINT"
            | "UINTEGER"
            | "USMALLINT"
            | "UTINYINT"
    )
}

/// The message of the error that stops a quick insert at a value that is
/// not whole; the validation path then names it and its line.
const NOT_WHOLE: &str = "clusterql: a count that is not whole";

/// SQL of `number` (a DOUBLE column of the reading) as `data_type` when it
/// is whole, an error when not: a cast would round 4.5 persons to 5.
pub(super) fn whole(number: &str, data_type: &str) -> String {
    format!(
        "CASE WHEN {number} = trunc({number}) THEN CAST({number} AS {data_type}) \
         WHEN {number} IS NULL THEN NULL ELSE error('{NOT_WHOLE}') END"
    )
}

/// SQL of a cell of a user's own table (`load --create`, `read_table`),
/// cleaned as the schema's tables are before its type is known: no value
/// for the marks of none (`—`, `无`), thousands separators and full-width
/// digits gone from numbers, a percent (`35.2%`, or a cell formatted so)
/// as its share, and 是/否 as true/false when `yes_no` (a
/// column that holds nothing else). Other text is kept as written, only
/// trimmed.
pub(super) fn own_cell(text: &str, yes_no: bool) -> String {
    let clean = cleaned(text);
    let thousands = format!(
        "CASE WHEN regexp_full_match({clean}, '[+-]?[0-9]{{1,3}}(,[0-9]{{3}})+(\\.[0-9]*)?') \
         THEN replace({clean}, ',', '') \
         WHEN regexp_full_match({clean}, '[+-]?[0-9]+(\\.[0-9]*)?') THEN {clean} \
         WHEN regexp_full_match({clean}, '[+-]?[0-9]+(\\.[0-9]*)?%') \
         THEN CAST(CAST(rtrim({clean}, '%') || 'e-2' AS DOUBLE) AS VARCHAR) ELSE trim({text}) END"
    );
    let value = if yes_no {
        format!("CASE {clean} WHEN '是' THEN 'true' WHEN '否' THEN 'false' END")
    } else {
        thousands
    };
    format!(
        "CASE WHEN {text} IS NULL OR {marks} THEN NULL ELSE {value} END",
        marks = one_of(&clean, EMPTY_MARKS.iter()),
    )
}

/// SQL of whether a cleaned cell of a user's table is 是 or 否.
pub(super) fn is_yes_no(text: &str) -> String {
    format!("{} IN ('是', '否')", cleaned(text))
}

/// SQL of `text` with full-width digits and signs made ASCII, then trimmed
/// (so that a full-width space is trimmed too).
fn cleaned(text: &str) -> String {
    format!("trim(translate({text}, '{FULL_WIDTH}', '{HALF_WIDTH}'))")
}

/// SQL of whether `text` is a value (not NULL, nor a mark of an empty
/// one), so that a value the lenient reading turns into NULL is known to
/// be unreadable.
pub(super) fn is_written(text: &str, data_type: &str) -> String {
    let clean = cleaned(text);
    let marks = if data_type.eq_ignore_ascii_case("BOOLEAN") {
        one_of(&clean, EMPTY_MARKS.iter().filter(|m| **m != "无"))
    } else {
        one_of(&clean, EMPTY_MARKS.iter())
    };
    format!("({text} IS NOT NULL AND NOT {marks})")
}

/// The number in a cleaned text: without the header's unit after it,
/// without thousands separators, and a percent sign as a power of ten.
fn number(clean: &str, planned: Option<&Planned>) -> String {
    let unit = planned.and_then(|p| p.unit);
    let mut x = clean.to_string();
    // A cell may repeat its header's unit: 12.5亿元 under 总产值（亿元）.
    if let Some(unit) = unit {
        // Right after the number; a spelling that starts with a digit
        // (`100 million yuan`) only after a space, so that the cell
        // `5100 million yuan` is not read as 5 of them (it is refused).
        let (led_by_digit, others): (Vec<&str>, Vec<&str>) = unit
            .spellings()
            .partition(|spelling| spelling.starts_with(|c: char| c.is_ascii_digit()));
        let escaped = |list: Vec<&str>| {
            list.into_iter()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join("|")
        };
        let pattern = match (escaped(others), escaped(led_by_digit)) {
            (others, led) if led.is_empty() => format!("\\s*(?:{others})"),
            (others, led) if others.is_empty() => format!("\\s+(?:{led})"),
            (others, led) => format!("(?:\\s*(?:{others})|\\s+(?:{led}))"),
        };
        x = format!(
            "regexp_replace({x}, {}, '\\1')",
            sql_string(&format!("(?i)([0-9.]){pattern}$"))
        );
    }
    let x = format!(
        "CASE WHEN regexp_full_match({x}, '[+-]?[0-9]{{1,3}}(,[0-9]{{3}})+(\\.[0-9]*)?') \
         THEN replace({x}, ',', '') ELSE {x} END"
    );
    // A share written as a percent where the header names no unit:
    // `35.2%` is 0.352. (Under a `（%）` header the sign went with the unit.)
    match planned {
        Some(p) if p.unit.is_none() && is_share(&p.column) => {
            format!("CASE WHEN suffix({x}, '%') THEN rtrim({x}, '%') || 'e-2' ELSE {x} END")
        }
        _ => x,
    }
}

/// Whether a column holds a share (0 to 1), per the dictionary.
fn is_share(column: &str) -> bool {
    crate::dictionary::entries()
        .iter()
        .any(|e| e.column == column && e.unit == "share")
}

fn list<'a>(items: impl Iterator<Item = &'a &'a str>) -> String {
    items
        .map(|item| sql_string(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// SQL of whether `text` is one of `items`. Not `IN (…)`: DuckDB turns a
/// long IN list into a join that computes `text` for every row, where
/// this is computed only for the rows a CASE sends to it (measured: a
/// yes/no column of a million 是 took 0.8 s with IN, 0.26 s so).
fn one_of<'a>(text: &str, items: impl Iterator<Item = &'a &'a str>) -> String {
    let joined: Vec<&str> = items.copied().collect();
    format!(
        "(contains({}, '|' || {text} || '|') AND strpos({text}, '|') = 0)",
        sql_string(&format!("|{}|", joined.join("|")))
    )
}
