//! The briefing's claims as data: each claim checked on the data, and the
//! texts its figures and verdict read as in the interface's language.
//!
//! Both `clusterql check` (a face command) and the HTML report (beside the
//! runner) show the same claims with the same figures; they live here, below
//! both, so that the report reads them without importing the face.

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;

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
pub fn failed_claims(claims: &[CheckedClaim]) -> Vec<String> {
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

/// A source's name in the interface's language; the catalogue names the
/// sources the project ships, a user's own keep the name their data gives.
pub fn source_name(key: &str, source: &str) -> String {
    crate::i18n::optional(&format!("source-{key}")).unwrap_or_else(|| source.to_string())
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

/// A claim that holds, for the tests here and of `commands::check`.
#[cfg(test)]
pub(crate) fn example(
    statement: &str,
    published: f64,
    unit: &str,
    comparator: &str,
) -> CheckedClaim {
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

// Moved here from `commands::check` with the texts it tests.
#[cfg(test)]
mod tests {
    use super::example as claim;
    use super::*;

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
}
