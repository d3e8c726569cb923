//! `clusterql check`: every claim of the briefing, published against
//! computed; exit code 3, naming the claims, when one does not hold.
//!
//! A person reads a verdict: on a terminal each source's claims form one
//! table whose statements wrap instead of being cut, with figures in the
//! claim's unit; errata (figures a source got wrong) are listed apart and
//! never fail. Programs read the raw numbers: csv, tsv, json and jsonl
//! print `claims_checked` as it is.

use crate::t;
use std::io::Write;
use std::sync::Arc;

use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Width, presets};
use duckdb::arrow::array::{ArrayRef, StringArray};
use duckdb::arrow::record_batch::RecordBatch;

use crate::engine::Engine;
use crate::error::{Error, Location, Result};
use crate::render::{self, OutputFormat, RenderOptions};
use crate::runner::exec;
use crate::script::Statement;

const CHECK_COLUMNS: &str = "source_key, claim_id, report_year, source, statement, statement_zh, \
     published_value, unit, comparator, tolerance, computed_value, holds, erratum, corrected_value, note, verdict";

/// One claim as checked on the data.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedClaim {
    pub source_key: String,
    pub claim_id: String,
    pub report_year: i32,
    pub source: String,
    pub statement: String,
    pub published: f64,
    pub unit: String,
    pub comparator: String,
    pub tolerance: f64,
    pub computed: Option<f64>,
    pub holds: bool,
    /// A figure the source got wrong, with the right one.
    pub erratum: bool,
    pub corrected: Option<f64>,
    pub note: Option<String>,
}

/// The claims that fail, each as `C08 (source)`.
fn failed_claims(claims: &[CheckedClaim]) -> Vec<String> {
    claims
        .iter()
        .filter(|claim| claim.fails())
        .map(|claim| format!("{} ({})", claim.claim_id, claim.source_key))
        .collect()
}

impl CheckedClaim {
    fn fails(&self) -> bool {
        !self.holds && !self.erratum
    }
}

/// The claims of the sources with these keys (all when empty), in the
/// order of `claims_checked`; an unknown key is a usage error.
pub fn claims_sql(engine: &Engine, sources: &[String]) -> Result<String> {
    if sources.is_empty() {
        return Ok(format!("SELECT {CHECK_COLUMNS} FROM claims_checked"));
    }
    let mut statement = engine
        .connection()
        .prepare("SELECT DISTINCT source_key FROM briefing_claims ORDER BY 1")?;
    let known: Vec<String> = statement
        .query_map([], |row| row.get(0))?
        .collect::<duckdb::Result<_>>()?;
    if let Some(unknown) = sources.iter().find(|key| !known.contains(key)) {
        return Err(Error::Usage(t!(
            "check-no-such-source",
            source = unknown,
            known = known.join(", ")
        )));
    }
    let list = sources
        .iter()
        .map(|key| crate::sql_quote::sql_string(key))
        .collect::<Vec<_>>()
        .join(", ");
    Ok(format!(
        "SELECT {CHECK_COLUMNS} FROM claims_checked WHERE source_key IN ({list})"
    ))
}

pub fn check(
    engine: &Engine,
    sources: &[String],
    format: OutputFormat,
    options: &RenderOptions,
    out: &mut dyn Write,
) -> Result<()> {
    let sql = claims_sql(engine, sources)?;
    let claims = checked_claims(engine, &sql)?;
    match format {
        OutputFormat::Table => {
            let text = verdict_tables(&claims, options.max_width, options.ascii);
            out.write_all(text.as_bytes()).map_err(Error::Output)?;
        }
        OutputFormat::Markdown | OutputFormat::Line => {
            let batch = verdict_batch(&claims, options.ascii)?;
            render::write_batch(format, options, &batch, out).map_err(Error::Output)?;
        }
        _ => {
            let location = Location {
                source: "check".to_string(),
                line: 1,
                column: 1,
            };
            let statement = Statement {
                sql: sql.clone(),
                line: 1,
                column: 1,
            };
            exec::execute(engine, &statement, &location, format, options, out)?;
        }
    }
    out.flush().map_err(Error::Output)?;
    let failed = failed_claims(&claims);
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Error::ClaimsFailed(failed))
    }
}

pub fn checked_claims(engine: &Engine, sql: &str) -> Result<Vec<CheckedClaim>> {
    let mut statement = engine.connection().prepare(sql)?;
    let claims = statement
        .query_map([], |row| {
            Ok(CheckedClaim {
                source_key: row.get(0)?,
                claim_id: row.get(1)?,
                report_year: row.get(2)?,
                source: row.get(3)?,
                statement: if crate::i18n::current() == crate::i18n::Lang::Zh {
                    row.get(5)?
                } else {
                    row.get(4)?
                },
                published: row.get(6)?,
                unit: row.get(7)?,
                comparator: row.get(8)?,
                tolerance: row.get(9)?,
                computed: row.get(10)?,
                holds: row.get(11)?,
                erratum: row.get(12)?,
                corrected: row.get(13)?,
                note: row.get(14)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(claims)
}

/// The claims as tables, one per source and report year under their name,
/// the errata apart, fitted to `max_width` by wrapping the statements,
/// with a closing tally.
pub fn verdict_tables(claims: &[CheckedClaim], max_width: Option<usize>, ascii: bool) -> String {
    let mut text = String::new();
    let mut groups: Vec<(&str, &str, i32)> = Vec::new();
    for claim in claims.iter().filter(|c| !c.erratum) {
        let group = (
            claim.source_key.as_str(),
            claim.source.as_str(),
            claim.report_year,
        );
        if !groups.contains(&group) {
            groups.push(group);
        }
    }
    for (key, source, year) in groups {
        let group: Vec<&CheckedClaim> = claims
            .iter()
            .filter(|c| !c.erratum && c.source_key == key && c.report_year == year)
            .collect();
        let heading = t!(
            "check-heading",
            key = key,
            year = year.to_string(),
            source = source_name(key, source)
        );
        for line in wrap(&heading, max_width.unwrap_or(usize::MAX)) {
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str(&verdict_table(&group, max_width, ascii));
        text.push('\n');
    }
    let errata: Vec<&CheckedClaim> = claims.iter().filter(|c| c.erratum).collect();
    if !errata.is_empty() {
        let heading = t!("check-errata-heading");
        for line in wrap(&heading, max_width.unwrap_or(usize::MAX)) {
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str(&verdict_table(&errata, max_width, ascii));
        for erratum in &errata {
            if let Some(note) = &erratum.note {
                let key = format!("claim-note-{}-{}", erratum.source_key, erratum.claim_id);
                let note = crate::i18n::optional(&key).unwrap_or_else(|| note.clone());
                let line = format!("{} [{}]: {note}", erratum.claim_id, erratum.source_key);
                for part in wrap(&line, max_width.unwrap_or(usize::MAX)) {
                    text.push_str(&part);
                    text.push('\n');
                }
            }
        }
        text.push('\n');
    }
    let checked = claims.len() - errata.len();
    let failed = failed_claims(claims);
    if failed.is_empty() {
        text.push_str(&t!("check-all-hold", n = checked));
    } else {
        text.push_str(&t!(
            "check-some-fail",
            n = checked,
            held = checked - failed.len(),
            failed = failed.len(),
            claims = failed.join(", ")
        ));
    }
    if !errata.is_empty() {
        text.push_str(&t!("check-errata-apart", n = errata.len()));
    }
    text.push('\n');
    text
}

/// The verdict table's column titles, in the interface's language.
fn header_words() -> [String; 5] {
    [
        t!("check-column-claim"),
        t!("check-column-statement"),
        t!("check-column-published"),
        t!("check-column-computed"),
        t!("check-column-verdict"),
    ]
}

/// A source's name in the interface's language; the catalogue names the
/// sources the project ships, a user's own keep the name their data gives.
pub fn source_name(key: &str, source: &str) -> String {
    crate::i18n::optional(&format!("source-{key}")).unwrap_or_else(|| source.to_string())
}

/// Lines of at most `width` display columns, broken between words, or
/// between any two characters of Chinese, which has no spaces.
fn wrap(text: &str, width: usize) -> Vec<String> {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        // Runs of narrow characters stay together; each wide one may be
        // broken before.
        let mut pieces: Vec<String> = Vec::new();
        for c in word.chars() {
            let wide = c.width().unwrap_or(0) > 1;
            match pieces.last_mut() {
                Some(piece) if !wide && !piece.chars().any(|p| p.width().unwrap_or(0) > 1) => {
                    piece.push(c)
                }
                _ => pieces.push(c.to_string()),
            }
        }
        for (index, piece) in pieces.iter().enumerate() {
            let Some(line) = lines.last_mut() else { break };
            let space = if index == 0 && !line.is_empty() { 1 } else { 0 };
            if !line.is_empty() && line.width() + space + piece.width() > width {
                lines.push(piece.clone());
            } else {
                if space == 1 {
                    line.push(' ');
                }
                line.push_str(piece);
            }
        }
    }
    lines
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
    table.set_header(header_words());
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
    let claim_id = if claim.erratum {
        format!("{} [{}]", claim.claim_id, claim.source_key)
    } else {
        claim.claim_id.clone()
    };
    [
        claim_id,
        claim.statement.clone(),
        published_text(claim, ascii),
        computed_text(claim),
        verdict_text(claim, ascii),
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
        (
            t!("check-column-claim"),
            column(pick(&|c| c.claim_id.clone())),
        ),
        (
            t!("check-column-source"),
            column(pick(&|c| c.source_key.clone())),
        ),
        (
            t!("check-column-report-year"),
            column(pick(&|c| c.report_year.to_string())),
        ),
        (
            t!("check-column-statement"),
            column(pick(&|c| c.statement.clone())),
        ),
        (
            t!("check-column-published"),
            column(pick(&|c| published_text(c, ascii))),
        ),
        (t!("check-column-computed"), column(pick(&computed_text))),
        (
            t!("check-column-verdict"),
            column(pick(&|c| verdict_text(c, ascii))),
        ),
    ])
    .map_err(|e| Error::Engine(e.to_string()))
}

/// The computed figure in the claim's unit; `unknown` when no metric gives it.
pub fn computed_text(claim: &CheckedClaim) -> String {
    claim
        .computed
        .map_or_else(|| t!("check-unknown"), |v| figure(v, &claim.unit))
}

pub fn verdict_text(claim: &CheckedClaim, ascii: bool) -> String {
    if claim.erratum {
        return match claim.corrected {
            Some(value) => t!(
                "check-erratum-corrected",
                value = figure(value, &claim.unit)
            ),
            None => t!("check-erratum"),
        };
    }
    let (mark, word) = if claim.holds {
        ("✓ ", t!("check-holds"))
    } else {
        ("✗ ", t!("check-fails"))
    };
    if ascii { word } else { format!("{mark}{word}") }
}

/// The published figure with how it is compared: `> 1,800 bn yuan`,
/// `28,000-odd`, `≈ 87 % ± 0.5 pt`; `--ascii` spells the signs that CJK
/// terminals may draw wide (`>=`, `~`, `+/-`).
pub fn published_text(claim: &CheckedClaim, ascii: bool) -> String {
    let value = figure(claim.published, &claim.unit);
    if claim.comparator == "odd" {
        return t!("check-odd", value = value);
    }
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
            "share" => t!("check-points", value = decimal(claim.tolerance * 100.0, 2)),
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
        // Chinese counts money in 亿 (10^8): 1,800 bn yuan is 18,000 亿元.
        "bn CNY" if crate::i18n::current() == crate::i18n::Lang::Zh => {
            t!("check-money", value = decimal(value * money_scale(), 0))
        }
        "bn CNY" => t!("check-money", value = decimal(value, 1)),
        _ => decimal(value, 1),
    }
}

/// Billions of yuan in the unit the interface's language counts money in:
/// Chinese counts in 亿 (10^8), ten to a billion. Queries stay in billions.
pub fn money_scale() -> f64 {
    match crate::i18n::current() {
        crate::i18n::Lang::En => 1.0,
        crate::i18n::Lang::Zh => 10.0,
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
            source_key: "a-source".to_string(),
            claim_id: "C01".to_string(),
            report_year: 2022,
            source: "a source".to_string(),
            statement: statement.to_string(),
            published,
            unit: unit.to_string(),
            comparator: comparator.to_string(),
            tolerance: 0.0,
            computed: Some(published),
            holds: true,
            erratum: false,
            corrected: None,
            note: None,
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
            published_text(&claim("x", 1_800.0, "bn CNY", ">"), false),
            "> 1,800 bn yuan"
        );
        let mut odd = claim("x", 28_000.0, "enterprises", "odd");
        odd.tolerance = 1_000.0;
        assert_eq!(published_text(&odd, false), "28,000-odd");
        let mut growth = claim("x", 0.192, "share", "~");
        growth.tolerance = 0.0005;
        assert_eq!(published_text(&growth, false), "≈ 19.2 % ± 0.05 pt");
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

    #[test]
    fn errata_are_listed_apart_and_never_fail() {
        let mut wrong = claim("more than 280,000 SMEs", 280_000.0, "enterprises", ">");
        wrong.source_key = "transcript".to_string();
        wrong.holds = false;
        wrong.erratum = true;
        wrong.corrected = Some(28_000.0);
        let claims = vec![claim("fine", 1.0, "share", "="), wrong];
        let text = verdict_tables(&claims, Some(100), false);
        let errata_at = text.find("Errata").expect("an errata section");
        assert!(text[errata_at..].contains("> 280,000"), "{text}");
        assert!(text[errata_at..].contains("erratum: 28,000"), "{text}");
        assert!(!text[..errata_at].contains("280,000"), "{text}");
        assert!(
            text.ends_with("1 claim: all hold; 1 erratum listed apart\n"),
            "{text}"
        );
    }
}
