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
    let clean = format!("translate(trim({text}), '{FULL_WIDTH}', '{HALF_WIDTH}')");
    match kind.as_str() {
        "BOOLEAN" => {
            let marks = list(EMPTY_MARKS.iter().filter(|m| **m != "无"));
            format!(
                "coalesce(TRY_CAST({text} AS BOOLEAN), CASE WHEN lower({clean}) IN ({yes}) THEN true \
                 WHEN lower({clean}) IN ({no}) THEN false WHEN {clean} IN ({marks}) THEN NULL \
                 ELSE {fail} END)",
                yes = list(YES.iter()),
                no = list(NO.iter()),
                fail = cast(text, "BOOLEAN"),
            )
        }
        "DATE" => {
            let formats = list(DATE_FORMATS.iter());
            let parse = if strict { "strptime" } else { "try_strptime" };
            format!(
                "coalesce(TRY_CAST({text} AS DATE), CASE WHEN {clean} IN ({marks}) THEN NULL \
                 WHEN regexp_full_match({clean}, '[0-9]{{5}}(\\.0*)?') \
                 THEN DATE '1899-12-30' + CAST(CAST({clean} AS DOUBLE) AS INTEGER) \
                 ELSE CAST({parse}({clean}, [{formats}]) AS DATE) END)",
                marks = list(EMPTY_MARKS.iter()),
            )
        }
        "DOUBLE" | "FLOAT" | "REAL" | "INTEGER" | "BIGINT" | "SMALLINT" | "TINYINT" | "HUGEINT"
        | "UBIGINT" | "UINTEGER" | "USMALLINT" | "UTINYINT" => {
            let number = number(&clean, planned);
            let marks = list(EMPTY_MARKS.iter());
            let read = if scale == 0 {
                cast(&number, &kind)
            } else if kind == "DOUBLE" || kind == "FLOAT" || kind == "REAL" {
                cast(&format!("({number}) || 'e{scale}'"), &kind)
            } else {
                // A count in 万人: the exact decimal, then the nearest
                // whole number of the column's type.
                cast(&cast(&format!("({number}) || 'e{scale}'"), "DOUBLE"), &kind)
            };
            let converted = format!("CASE WHEN {clean} IN ({marks}) THEN NULL ELSE {read} END");
            if scale == 0 {
                // Values already in the schema's form skip the work.
                format!("coalesce(TRY_CAST({text} AS {kind}), {converted})")
            } else {
                converted
            }
        }
        // Text is kept as written; other types as DuckDB reads them.
        "VARCHAR" => text.to_string(),
        _ => cast(text, data_type),
    }
}

/// SQL of whether `text` is a value (not NULL, nor a mark of an empty
/// one), so that a value the lenient reading turns into NULL is known to
/// be unreadable.
pub(super) fn is_written(text: &str, data_type: &str) -> String {
    let clean = format!("translate(trim({text}), '{FULL_WIDTH}', '{HALF_WIDTH}')");
    let marks = if data_type.eq_ignore_ascii_case("BOOLEAN") {
        list(EMPTY_MARKS.iter().filter(|m| **m != "无"))
    } else {
        list(EMPTY_MARKS.iter())
    };
    format!("({text} IS NOT NULL AND {clean} NOT IN ({marks}))")
}

/// The number in a cleaned text: without the header's unit after it,
/// without thousands separators, and a percent sign as a power of ten.
fn number(clean: &str, planned: Option<&Planned>) -> String {
    let unit = planned.and_then(|p| p.unit);
    let mut x = clean.to_string();
    // A cell may repeat its header's unit: 12.5亿元 under 总产值（亿元）.
    if let Some(unit) = unit {
        let spellings: Vec<String> = unit.spellings().map(regex::escape).collect();
        x = format!(
            "regexp_replace({x}, {}, '')",
            sql_string(&format!("(?i)\\s*(?:{})$", spellings.join("|")))
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
