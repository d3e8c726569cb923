//! `clusterql load`: the user's CSV, Parquet or spreadsheet files into a
//! table of the schema, in one transaction, so that a rejected load leaves
//! the database exactly as it was.
//!
//! The data flows one way through the rooms of this folder: [`files`]
//! makes the files readable (spreadsheets, other encodings and CSV with a
//! title or notes become copies of their table alone, found by
//! [`crate::sheets::layout`] and [`csv_layout`]); [`plan`] maps each header to a column and a unit
//! ([`headers`]); [`normalize`] reads values as Chinese sources write them;
//! good files go in by one `INSERT` a file from DuckDB's reader
//! ([`direct`]), and when that fails [`validate`] stages the files as text
//! and reports every problem with its file, line (or cell) and column
//! before anything is written: problems are records, told at the end at
//! the lines an editor shows ([`lines`]). Units may also be stated above a
//! table ([`stated_units`]) or by a cell's number format,
//! which [`crate::sheets`] reads. [`own_table`] reads a user's own
//! table the same way, for `load --create` and `read_table`.

use std::path::{Path, PathBuf};

mod copies;
mod counts;
mod credit_codes;
mod csv_layout;
mod direct;
pub mod encoding;
mod files;
mod headers;
mod id_watch;
mod keys;
mod lines;
mod normalize;
pub mod own_table;
mod plan;
mod problems;
mod sheet_copy;
mod stated_units;
mod validate;

use files::{as_csv, as_utf8, check_utf8, detect_format, expand, tables_of, with_original_names};
use plan::{check_formatted_percents, check_row_numbers, plan_headers};
use problems::{Places, TextFile};
use validate::{stage, validate_and_insert};

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::sql_quote::{sql_identifier as quote, sql_string};
use crate::t;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Add to what the table holds (the default).
    Append,
    /// Replace the table's rows.
    Replace,
}

pub struct LoadRequest {
    pub paths: Vec<PathBuf>,
    pub table: String,
    pub mode: Mode,
    pub ignore_extra: bool,
    /// The text files' encoding; detected when `None`.
    pub encoding: encoding::EncodingChoice,
    /// The sheet of a spreadsheet: a name, or a number from 1.
    pub sheet: Option<String>,
    /// No word on stderr of the encoding read.
    pub quiet: bool,
    /// Load `enterprises` ids that are not unified social credit codes.
    pub skip_id_check: bool,
    /// Headers the user mapped to columns (`--map HEADER=COLUMN`).
    pub maps: Vec<(String, String)>,
    /// Units of headers that give none (`--unit COLUMN=UNIT`).
    pub units: Vec<(String, String)>,
    /// The sheet row (from 1) that names a spreadsheet's columns; found
    /// when `None`.
    pub header_row: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileFormat {
    Csv,
    Parquet,
}

struct Column {
    name: String,
    data_type: String,
    nullable: bool,
}

/// The units stated above the tables of the load's files (`单位：万人`),
/// and the files as the user named them, each of which must state a unit
/// for it to be given to a bare header.
pub(crate) struct Stated {
    statements: Vec<stated_units::Statement>,
    files: Vec<String>,
}

pub struct Loaded {
    pub rows: u64,
    /// The rows each file gave, by the name DuckDB read it under.
    pub(crate) by_file: Vec<(String, u64)>,
}

pub fn load(engine: &Engine, request: &LoadRequest) -> Result<Loaded> {
    let columns = table_columns(engine, &request.table)?;
    let originals = expand(&request.paths)?;
    // Before any file is copied: one reading must take them all.
    let format = detect_format(&originals)?;
    let mut sheets = Vec::new();
    let mut stated = Vec::new();
    let files = as_csv(&originals, request, &columns, &mut sheets, &mut stated)?;
    for sheet in &mut sheets {
        sheet.name_columns(|header| {
            headers::column_of(request, header, &columns).map(|(column, _)| column)
        });
    }
    let mut copies = Vec::new();
    let files = match format {
        FileFormat::Csv => {
            let readable = as_utf8(&files, request, &sheets, &mut copies)?;
            tables_of(
                &readable,
                request,
                &columns,
                &sheets,
                &mut copies,
                &mut stated,
            )?
        }
        FileFormat::Parquet => files,
    };
    // The percent cells of a sheet were read as the percents they show;
    // where the formats could not be read (an .xls older than Excel 97), a
    // `（%）` column of the sheet that holds a fraction is refused.
    let formats_unread: Vec<String> = sheets
        .iter()
        .filter(|sheet| !crate::sheets::formats_read(&sheet.original))
        .map(|sheet| sheet.copy.display().to_string())
        .collect();
    let stated = Stated {
        statements: stated,
        files: originals,
    };
    let places = places_of(&files, &stated.files, format, &copies, &sheets);
    let loaded = load_files(
        engine,
        request,
        &columns,
        &files,
        &stated,
        &places,
        format,
        &formats_unread,
    )
    .map_err(|error| with_original_names(error, &copies, &sheets))?;
    if !request.quiet && files.len() > 1 {
        // Every file named with what it gave: none is left out unseen.
        for (read, original) in files.iter().zip(&stated.files) {
            let rows = loaded
                .by_file
                .iter()
                .find(|(name, _)| name == read)
                .map_or(0, |(_, rows)| *rows);
            let shown = match sheets.iter().find(|s| *s.copy == *Path::new(read)) {
                Some(sheet) => format!("{} {}", sheet.original, sheet.sheet),
                None => original.clone(),
            };
            eprintln!("{}", t!("load-file-rows", file = shown, rows = rows));
        }
    }
    Ok(loaded)
}

/// How problems name the records of the files read (`files`, the user's
/// `originals` one for one): a text file's by the lines an editor shows in
/// the user's file, a sheet's by its cells, a Parquet file's by its rows.
fn places_of<'s>(
    files: &[String],
    originals: &[String],
    format: FileFormat,
    copies: &[encoding::Transcoded],
    sheets: &'s [sheet_copy::SheetCopy],
) -> Places<'s> {
    let text_files = match format {
        FileFormat::Csv => files
            .iter()
            .zip(originals)
            .filter(|(file, _)| !sheets.iter().any(|s| *s.copy == *Path::new(file)))
            .map(|(file, original)| {
                let copy = copies.iter().find(|c| *c.copy == *Path::new(file));
                TextFile {
                    read: file.clone(),
                    shown: original.clone(),
                    delimiter: csv_delimiter(std::slice::from_ref(original)).as_bytes()[0],
                    lines_above: copy.map_or(0, |c| c.lines_above as i64),
                }
            })
            .collect(),
        FileFormat::Parquet => Vec::new(),
    };
    Places {
        text_files,
        rows: format == FileFormat::Parquet,
        sheets,
    }
}

fn load_files(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    files: &[String],
    stated: &Stated,
    places: &Places<'_>,
    format: FileFormat,
    formats_unread: &[String],
) -> Result<Loaded> {
    let plans = plan_headers(engine, request, columns, files, stated, format, places)?;
    for (file, plan) in &plans {
        let file = std::slice::from_ref(file);
        if let Some(header) = &plan.row_numbers {
            check_row_numbers(engine, request, file, format, header, places)?;
        }
        if formats_unread.contains(&file[0]) {
            // Only the sheets whose number formats were not read.
            check_formatted_percents(engine, file, format, plan, places)?;
        }
    }
    if !request.quiet {
        tell_plans(&plans, places);
    }
    if let Some(loaded) = direct::insert(engine, request, columns, format, &plans)? {
        return Ok(loaded);
    }
    // Something is wrong with the files; the validation below finds out
    // what, and where, before it writes anything.
    if format == FileFormat::Csv {
        for file in files {
            check_utf8(file)?;
        }
    }
    stage(engine, files, format)?;
    let result = validate_and_insert(engine, request, columns, &plans, places);
    validate::unstage(engine);
    result
}

/// Stderr says how each header is read: once for all files when they are
/// read alike (a folder of one template), else under each file's name.
fn tell_plans(plans: &[(String, headers::Plan)], places: &Places<'_>) {
    let alike = plans
        .windows(2)
        .all(|pair| pair[0].1.notices == pair[1].1.notices);
    for (index, (file, plan)) in plans.iter().enumerate() {
        if alike && index > 0 {
            break;
        }
        if !alike && !plan.notices.is_empty() {
            // A Parquet file is read as it is, under the user's name.
            let shown = places.file_shown(file).unwrap_or_else(|| file.clone());
            eprintln!("{shown}:");
        }
        for notice in &plan.notices {
            eprintln!("{notice}");
        }
    }
    tell_columns_some_files_lack(plans, places);
}

/// A column that some files of a load fill and others do not is NULL in
/// the others' rows: said under each of those, as a folder of one
/// template with a column gone from one file is more likely a slip than a
/// choice. (A column no file fills is the table's default, as for one
/// file.)
fn tell_columns_some_files_lack(plans: &[(String, headers::Plan)], places: &Places<'_>) {
    let mut filled: Vec<&str> = Vec::new();
    for (_, plan) in plans {
        for planned in &plan.planned {
            if !filled.contains(&planned.column.as_str()) {
                filled.push(&planned.column);
            }
        }
    }
    for (file, plan) in plans {
        let lacking: Vec<&str> = filled
            .iter()
            .copied()
            .filter(|column| plan.of_column(column).is_none())
            .collect();
        if !lacking.is_empty() {
            let shown = places.file_shown(file).unwrap_or_else(|| file.clone());
            let columns = lacking.join(", ");
            eprintln!(
                "{}",
                t!(
                    "load-columns-other-files-fill",
                    file = shown,
                    columns = columns
                )
            );
        }
    }
}

fn table_columns(engine: &Engine, table: &str) -> Result<Vec<Column>> {
    if !crate::dataset::SMALL_TABLES.contains(&table)
        && !crate::dataset::ROSTER_TABLES.contains(&table)
    {
        let known = crate::dataset::SMALL_TABLES
            .iter()
            .chain(crate::dataset::ROSTER_TABLES)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        return Err(Error::Usage(t!(
            "load-not-a-schema-table",
            table = table,
            known = known
        )));
    }
    let mut statement = engine.connection().prepare(
        "SELECT column_name, data_type, is_nullable FROM duckdb_columns() \
         WHERE table_name = ? AND schema_name = 'main' AND database_name = current_database() ORDER BY column_index",
    )?;
    let columns: Vec<Column> = statement
        .query_map([table], |row| {
            Ok(Column {
                name: row.get(0)?,
                data_type: row.get(1)?,
                nullable: row.get(2)?,
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    let is_table: bool = engine.connection().query_row(
        "SELECT count(*) > 0 FROM duckdb_tables() WHERE table_name = ? AND schema_name = 'main'",
        [table],
        |row| row.get(0),
    )?;
    if columns.is_empty() || !is_table {
        return Err(Error::Usage(t!("load-not-a-table-here", table = table)));
    }
    Ok(columns)
}

/// DuckDB's reader of the files, with the file name of each row in
/// `__file` when `with_file_name` (and a Parquet row's number in its file,
/// from 0, in `file_row_number`). A CSV file's columns are read as text,
/// or, given `csv_types` (`'column': 'TYPE', …`), each in its type.
fn reader_sql(
    files: &[String],
    format: FileFormat,
    with_file_name: bool,
    csv_types: Option<&str>,
) -> String {
    let list = files
        .iter()
        .map(|f| sql_string(f))
        .collect::<Vec<_>>()
        .join(", ");
    // Files of one load are matched by their headers' names, not by
    // position: a column moved in one file still lands in its column.
    let file_name = match (with_file_name, files.len() > 1) {
        (true, true) => ", filename = '__file', union_by_name = true",
        (true, false) => ", filename = '__file'",
        (false, true) => ", union_by_name = true",
        (false, false) => "",
    };
    match format {
        // RFC 4180 quoting, and the delimiter its extension promises: left
        // to guess, DuckDB's sniffer can take a quote or a tab inside the
        // values for the file's structure. Types come from the table, not
        // from a guess (a guessed number would drop an id's leading zeros).
        FileFormat::Csv => format!(
            "read_csv([{list}], header = true, {}{file_name}, \
             delim = {}, quote = '\"', escape = '\"')",
            csv_types.map_or_else(
                || "all_varchar = true".to_string(),
                |types| format!("types = {{{types}}}")
            ),
            sql_string(csv_delimiter(files))
        ),
        FileFormat::Parquet if with_file_name => {
            format!("read_parquet([{list}]{file_name}, file_row_number = true)")
        }
        FileFormat::Parquet => format!("read_parquet([{list}]{file_name})"),
    }
}

/// Tab for `.tsv` and `.tab` files, else a comma.
fn csv_delimiter(files: &[String]) -> &'static str {
    let first = files
        .first()
        .map(|f| f.to_ascii_lowercase())
        .unwrap_or_default();
    if first.ends_with(".tsv") || first.ends_with(".tab") {
        "\t"
    } else {
        ","
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_gbk_text() {
        // "产业集群" in GBK.
        let gbk = [0xB2, 0xFA, 0xD2, 0xB5, 0xBC, 0xAF, 0xC8, 0xBA];
        assert!(encoding::looks_like_chinese(&gbk));
        assert!(!encoding::looks_like_chinese(&[0xFF, 0x20]));
    }
}
