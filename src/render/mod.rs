//! Output formats. Every format is a [`Renderer`] that receives one result
//! as a stream of Arrow record batches and writes it as it goes; only the
//! table keeps rows back, and only the few it shows.

mod bar;
mod cell;
mod delimited;
pub mod dta;
mod explain;
mod json;
mod labels;
mod line;
mod markdown;
mod table;
pub mod xlsx;

use std::io::{self, Write};

use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;

pub use cell::CellWriter;
pub(crate) use table::group_thousands;

/// The output formats of `--format` and the shell's `.mode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Boxed table, cut to the terminal.
    Table,
    /// Comma-separated values (RFC 4180), header line, NULL empty.
    Csv,
    /// Tab-separated values, header line, NULL empty.
    Tsv,
    /// One JSON array of objects per result.
    Json,
    /// One JSON object per line.
    Jsonl,
    /// A GitHub-flavoured markdown table.
    Markdown,
    /// `column = value`, a blank line between rows.
    Line,
    /// Horizontal bars of a label column and a numeric column.
    Bar,
    /// Apache Parquet, written by DuckDB; only to a file (-o).
    Parquet,
    /// An Excel workbook, one sheet per result; only to a file (-o).
    Xlsx,
    /// A Stata dataset (format 118), one result; only to a file (-o).
    Dta,
}

impl OutputFormat {
    /// The format a file name asks for by its extension, if any.
    pub fn from_extension(path: &std::path::Path) -> Option<OutputFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match extension.as_str() {
            "csv" => OutputFormat::Csv,
            "tsv" | "tab" => OutputFormat::Tsv,
            "json" => OutputFormat::Json,
            "jsonl" | "ndjson" => OutputFormat::Jsonl,
            "md" | "markdown" => OutputFormat::Markdown,
            "parquet" | "pq" => OutputFormat::Parquet,
            "xlsx" => OutputFormat::Xlsx,
            "dta" => OutputFormat::Dta,
            "txt" => OutputFormat::Table,
            _ => return None,
        })
    }

    /// How this format's renderer wants the values of the types whose text
    /// DuckDB writes (see [`crate::duck_text`]).
    pub fn text_form(self) -> crate::duck_text::TextForm {
        match self {
            OutputFormat::Json | OutputFormat::Jsonl => crate::duck_text::TextForm::Json,
            _ => crate::duck_text::TextForm::Varchar,
        }
    }

    /// Whether results go only to a file (-o), written whole by DuckDB or
    /// by a writer that needs to seek or to save at the end.
    pub fn is_file_only(self) -> bool {
        matches!(
            self,
            OutputFormat::Parquet | OutputFormat::Xlsx | OutputFormat::Dta
        )
    }

    pub fn name(self) -> &'static str {
        match self {
            OutputFormat::Table => "table",
            OutputFormat::Csv => "csv",
            OutputFormat::Tsv => "tsv",
            OutputFormat::Json => "json",
            OutputFormat::Jsonl => "jsonl",
            OutputFormat::Markdown => "markdown",
            OutputFormat::Line => "line",
            OutputFormat::Bar => "bar",
            OutputFormat::Parquet => "parquet",
            OutputFormat::Xlsx => "xlsx",
            OutputFormat::Dta => "dta",
        }
    }
}

/// How a result is shown; set from the command line and the shell's dot
/// commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderOptions {
    /// Rows a table shows before it elides the middle; `None` shows all.
    pub max_rows: Option<usize>,
    /// Display columns a table may take; `None` means no limit.
    pub max_width: Option<usize>,
    /// How NULL reads in table, markdown and line output.
    pub null_text: String,
    /// ASCII borders instead of box-drawing characters.
    pub ascii: bool,
    /// Headers show the data dictionary's titles (`--labels`).
    pub labels: bool,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            max_rows: None,
            max_width: None,
            null_text: "NULL".to_string(),
            ascii: false,
            labels: false,
        }
    }
}

/// Column names as DuckDB's own writers put them in a header or a JSON
/// object: a name already used (in any case) gets the first free `_1`,
/// `_2`, … suffix, so that every name is unique.
pub fn unique_names(schema: &Schema) -> Vec<String> {
    let mut taken = std::collections::HashSet::new();
    schema
        .fields()
        .iter()
        .map(|field| {
            let name = field.name();
            let mut candidate = name.clone();
            let mut suffix = 0;
            while !taken.insert(candidate.to_lowercase()) {
                suffix += 1;
                candidate = format!("{name}_{suffix}");
            }
            candidate
        })
        .collect()
}

/// A writer of one result.
pub trait Renderer {
    fn begin(&mut self, schema: &Schema) -> io::Result<()>;
    fn push(&mut self, batch: &RecordBatch) -> io::Result<()>;
    /// Called once after the last batch with the number of rows seen.
    fn finish(&mut self, row_count: u64) -> io::Result<()>;
}

/// Writes a whole result held in one batch (a catalogue, a verdict).
pub fn write_batch(
    format: OutputFormat,
    options: &RenderOptions,
    batch: &RecordBatch,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut renderer = renderer(format, ResultKind::Rows, options, out);
    renderer.begin(&batch.schema())?;
    renderer.push(batch)?;
    renderer.finish(batch.num_rows() as u64)
}

/// What kind of statement produced the result, where it changes rendering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    Rows,
    /// An EXPLAIN plan: shown as its text, never cut.
    Plan,
}

/// The renderer for `format` writing to `out`. Parquet is written by DuckDB
/// itself and has no renderer here.
pub fn renderer<'w>(
    format: OutputFormat,
    kind: ResultKind,
    options: &RenderOptions,
    out: &'w mut dyn Write,
) -> Box<dyn Renderer + 'w> {
    let renderer = plain_renderer(format, kind, options, out);
    let for_people = matches!(
        format,
        OutputFormat::Table | OutputFormat::Line | OutputFormat::Markdown
    );
    if options.labels && for_people && kind == ResultKind::Rows {
        Box::new(labels::Labelled::new(renderer))
    } else {
        renderer
    }
}

fn plain_renderer<'w>(
    format: OutputFormat,
    kind: ResultKind,
    options: &RenderOptions,
    out: &'w mut dyn Write,
) -> Box<dyn Renderer + 'w> {
    match (format, kind) {
        (OutputFormat::Table | OutputFormat::Line | OutputFormat::Markdown, ResultKind::Plan) => {
            Box::new(explain::PlanText::new(out))
        }
        // A file format's run shows what is not a query's result as a table.
        (
            OutputFormat::Table | OutputFormat::Parquet | OutputFormat::Xlsx | OutputFormat::Dta,
            _,
        ) => Box::new(table::Table::new(options.clone(), out)),
        (OutputFormat::Csv, _) => Box::new(delimited::Delimited::new(b',', out)),
        (OutputFormat::Tsv, _) => Box::new(delimited::Delimited::new(b'\t', out)),
        (OutputFormat::Json, _) => Box::new(json::Json::array(out)),
        (OutputFormat::Jsonl, _) => Box::new(json::Json::lines(out)),
        (OutputFormat::Markdown, _) => {
            Box::new(markdown::Markdown::new(options.null_text.clone(), out))
        }
        (OutputFormat::Line, _) => Box::new(line::Line::new(options.null_text.clone(), out)),
        (OutputFormat::Bar, ResultKind::Plan) => Box::new(explain::PlanText::new(out)),
        (OutputFormat::Bar, _) => Box::new(bar::Bar::new(options.clone(), out)),
    }
}
