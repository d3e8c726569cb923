//! `clusterql check`: every claim of the briefing, published against
//! computed; exit code 3, naming the claims, when one does not hold.
//!
//! A person reads a verdict: on a terminal each source's claims form one
//! table whose statements wrap instead of being cut, with figures in the
//! claim's unit. Programs read the raw numbers: csv, tsv, json and jsonl
//! print `claims_checked` as it is.

use std::io::Write;
use std::sync::Arc;

use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};
use duckdb::arrow::array::{ArrayRef, StringArray};
use duckdb::arrow::record_batch::RecordBatch;

use crate::engine::Engine;
use crate::error::{Error, Location, Result};
use crate::exec;
use crate::render::{self, OutputFormat, RenderOptions, ResultKind};
use crate::script::Statement;

const CHECK_SQL: &str = "SELECT claim_id, source, statement, published_value, unit, comparator, tolerance, \
                         computed_value, holds FROM claims_checked ORDER BY source, claim_id";

/// One claim as checked on the data.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClaim {
    pub claim_id: String,
    pub source: String,
    pub statement: String,
    pub published: f64,
    pub unit: String,
    pub comparator: String,
    pub tolerance: f64,
    pub computed: Option<f64>,
    pub holds: bool,
}

pub fn check(
    engine: &Engine,
    format: OutputFormat,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let claims = checked_claims(engine)?;
    match format {
        OutputFormat::Table => {
            let text = verdict_tables(&claims, options.max_width, options.ascii);
            out.write_all(text.as_bytes()).map_err(Error::Output)?;
        }
        OutputFormat::Markdown | OutputFormat::Line => {
            let batch = verdict_batch(&claims, options.ascii)?;
            let mut renderer = render::renderer(format, ResultKind::Rows, options, out);
            renderer.begin(&batch.schema()).map_err(Error::Output)?;
            renderer.push(&batch).map_err(Error::Output)?;
            renderer
                .finish(batch.num_rows() as u64)
                .map_err(Error::Output)?;
        }
        _ => {
            let location = Location {
                source: "check".to_string(),
                line: 1,
                column: 1,
            };
            let statement = Statement {
                sql: CHECK_SQL.to_string(),
                line: 1,
                column: 1,
            };
            exec::execute(engine, &statement, &location, format, options, out)?;
        }
    }
    out.flush().map_err(Error::Output)?;
    let failed: Vec<String> = claims
        .iter()
        .filter(|claim| !claim.holds)
        .map(|claim| format!("{} ({})", claim.claim_id, claim.source))
        .collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::ClaimsFailed(failed))
    }
}

fn checked_claims(engine: &Engine) -> Result<Vec<CheckedClaim>> {
    let mut statement = engine.connection().prepare(CHECK_SQL)?;
    let claims = statement
        .query_map([], |row| {
            Ok(CheckedClaim {
                claim_id: row.get(0)?,
                source: row.get(1)?,
                statement: row.get(2)?,
                published: row.get(3)?,
                unit: row.get(4)?,
                comparator: row.get(5)?,
                tolerance: row.get(6)?,
                computed: row.get(7)?,
                holds: row.get(8)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(claims)
}

/// The claims as tables, one per source under its name, fitted to
/// `max_width` by wrapping the statements, with a closing tally.
pub fn verdict_tables(claims: &[CheckedClaim], max_width: Option<usize>, ascii: bool) -> String {
    let mut text = String::new();
    let mut sources: Vec<&str> = claims.iter().map(|c| c.source.as_str()).collect();
    sources.dedup();
    for source in sources {
        let group: Vec<&CheckedClaim> = claims.iter().filter(|c| c.source == source).collect();
        text.push_str(source);
        text.push('\n');
        text.push_str(&verdict_table(&group, max_width, ascii));
        text.push('\n');
    }
    let failed: Vec<&str> = claims
        .iter()
        .filter(|c| !c.holds)
        .map(|c| c.claim_id.as_str())
        .collect();
    let noun = if claims.len() == 1 { "claim" } else { "claims" };
    if failed.is_empty() {
        text.push_str(&format!("{} {noun}: all hold\n", claims.len()));
    } else {
        text.push_str(&format!(
            "{} {noun}: {} hold, {} fail ({})\n",
            claims.len(),
            claims.len() - failed.len(),
            failed.len(),
            failed.join(", ")
        ));
    }
    text
}

fn verdict_table(claims: &[&CheckedClaim], max_width: Option<usize>, ascii: bool) -> String {
    let mut table = comfy_table::Table::new();
    table.load_style(if ascii {
        presets::ASCII_FULL_CONDENSED
    } else {
        presets::UTF8_FULL_CONDENSED
    });
    match max_width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(u16::try_from(width).unwrap_or(u16::MAX));
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table.set_header(["claim", "statement", "published", "computed", "verdict"]);
    for claim in claims {
        table.add_row(verdict_row(claim, ascii));
    }
    // Only the statement gives way to the terminal's width: the figures
    // and the verdict are short and must stay whole.
    for index in [0, 2, 3, 4] {
        if let Some(column) = table.column_mut(index) {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    if let Some(column) = table.column_mut(1) {
        column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(16)));
    }
    for index in [2, 3] {
        if let Some(column) = table.column_mut(index) {
            column.set_cell_alignment(CellAlignment::Right);
        }
    }
    let mut text = table.to_string();
    text.push('\n');
    text
}

fn verdict_row(claim: &CheckedClaim, ascii: bool) -> Vec<Cell> {
    [
        claim.claim_id.clone(),
        claim.statement.clone(),
        published_text(claim, ascii),
        claim
            .computed
            .map_or_else(|| "unknown".to_string(), |v| figure(v, &claim.unit)),
        verdict_text(claim.holds, ascii).to_string(),
    ]
    .into_iter()
    .map(Cell::new)
    .collect()
}

/// The claims as one row each, for markdown and line output.
fn verdict_batch(claims: &[CheckedClaim], ascii: bool) -> Result<RecordBatch> {
    let column = |values: Vec<String>| -> ArrayRef { Arc::new(StringArray::from(values)) };
    let pick = |f: &dyn Fn(&CheckedClaim) -> String| claims.iter().map(f).collect::<Vec<_>>();
    RecordBatch::try_from_iter([
        ("claim", column(pick(&|c| c.claim_id.clone()))),
        ("source", column(pick(&|c| c.source.clone()))),
        ("statement", column(pick(&|c| c.statement.clone()))),
        ("published", column(pick(&|c| published_text(c, ascii)))),
        (
            "computed",
            column(pick(&|c| {
                c.computed
                    .map_or_else(|| "unknown".to_string(), |v| figure(v, &c.unit))
            })),
        ),
        (
            "verdict",
            column(pick(&|c| verdict_text(c.holds, ascii).to_string())),
        ),
    ])
    .map_err(|e| Error::Engine(e.to_string()))
}

fn verdict_text(holds: bool, ascii: bool) -> &'static str {
    match (holds, ascii) {
        (true, false) => "✓ holds",
        (false, false) => "✗ FAILS",
        (true, true) => "holds",
        (false, true) => "FAILS",
    }
}

/// The published figure with how it is compared: `> 280,000`,
/// `≈ 87 % ± 0.5 pt`; `--ascii` spells the signs that CJK terminals may
/// draw wide (`>=`, `~`, `+/-`).
fn published_text(claim: &CheckedClaim, ascii: bool) -> String {
    let value = figure(claim.published, &claim.unit);
    let prefix = match (claim.comparator.as_str(), ascii) {
        (">", _) => "> ",
        ("<", _) => "< ",
        (">=", false) => "≥ ",
        ("<=", false) => "≤ ",
        ("~", false) => "≈ ",
        (">=", true) => ">= ",
        ("<=", true) => "<= ",
        ("~", true) => "~ ",
        _ => "",
    };
    let mut text = format!("{prefix}{value}");
    if claim.tolerance > 0.0 {
        let tolerance = match claim.unit.as_str() {
            "share" => format!("{} pt", decimal(claim.tolerance * 100.0, 1)),
            _ => decimal(claim.tolerance, 1),
        };
        text.push_str(if ascii { " +/- " } else { " ± " });
        text.push_str(&tolerance);
    }
    text
}

/// A figure in its unit: shares as percents, money with its unit, counts as
/// whole numbers with thousands separators.
pub fn figure(value: f64, unit: &str) -> String {
    match unit {
        "share" => format!("{} %", decimal(value * 100.0, 1)),
        "bn CNY" => format!("{} bn yuan", decimal(value, 1)),
        _ => decimal(value, 1),
    }
}

/// `value` rounded to at most `places` decimals, trailing zeros dropped,
/// thousands grouped: 1923.46 → `1,923.5`, 280000.0 → `280,000`.
fn decimal(value: f64, places: usize) -> String {
    let text = format!("{:.*}", places, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let fraction = fraction.trim_end_matches('0');
    let whole: u64 = whole.parse().unwrap_or(0);
    let sign = if value < 0.0 && (whole > 0 || !fraction.is_empty()) {
        "-"
    } else {
        ""
    };
    let grouped = crate::render::group_thousands(whole);
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{fraction}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(statement: &str, published: f64, unit: &str, comparator: &str) -> CheckedClaim {
        CheckedClaim {
            claim_id: "C01".to_string(),
            source: "a source".to_string(),
            statement: statement.to_string(),
            published,
            unit: unit.to_string(),
            comparator: comparator.to_string(),
            tolerance: 0.0,
            computed: Some(published),
            holds: true,
        }
    }

    #[test]
    fn figures_read_in_their_unit() {
        assert_eq!(figure(28_000.0, "enterprises"), "28,000");
        assert_eq!(figure(0.222_337_66, "share"), "22.2 %");
        assert_eq!(figure(0.87, "share"), "87 %");
        assert_eq!(figure(1923.456, "bn CNY"), "1,923.5 bn yuan");
        assert_eq!(figure(-0.04, "share"), "-4 %");
        let mut around = claim("x", 0.87, "share", "~");
        around.tolerance = 0.005;
        assert_eq!(published_text(&around, false), "≈ 87 % ± 0.5 pt");
        assert_eq!(published_text(&around, true), "~ 87 % +/- 0.5 pt");
        assert_eq!(
            published_text(&claim("x", 280_000.0, "enterprises", ">"), false),
            "> 280,000"
        );
    }

    #[test]
    fn statements_wrap_whole_within_the_width() {
        let long = "clusters supply key links of major chains: high-performance materials, smart chips, precision instruments, propulsion systems for new energy vehicles, industrial robots";
        let claims = vec![
            claim(long, 5.0, "links", "="),
            claim("short", 1.0, "share", "="),
        ];
        let text = verdict_tables(&claims, Some(100), false);
        for line in text.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= 100,
                "too wide: {line}"
            );
        }
        // Every word of the statement is there, none cut with an ellipsis.
        for word in long.split_whitespace() {
            assert!(text.contains(word), "{word} is missing:\n{text}");
        }
        assert!(!text.contains('…'));
        assert!(text.ends_with("2 claims: all hold\n"), "{text}");
    }
}
