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

use crate::claims::{
    CheckedClaim, checked_claims, claims_sql, computed_text, failed_claims, published_text,
    source_name, verdict_text,
};
use crate::engine::Engine;
use crate::error::{Error, Location, Result};
use crate::render::{self, OutputFormat, RenderOptions};
use crate::runner::exec;
use crate::script::Statement;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::example as claim;

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
