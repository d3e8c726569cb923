//! `clusterql load`: the user's CSV, Parquet or spreadsheet files into a
//! table of the schema, in one transaction, so that a rejected load leaves
//! the database exactly as it was.
//!
//! Spreadsheets ([`sheet`]) and text in other encodings than UTF-8
//! ([`encoding`]) become temporary UTF-8 CSV copies first; messages name
//! the user's file, sheet and cell, never the copy.
//!
//! Good files go in by one `INSERT` from DuckDB's reader ([`direct`]), the
//! schema's constraints checking every row. When that fails, the files are
//! read again into a temporary staging table with every column as text;
//! each rule is then one set-based query over the staging table, so that
//! every problem is reported with its file, line and column, not just the
//! first one DuckDB stopped at.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

mod credit_codes;
mod csv_layout;
mod direct;
pub mod encoding;
mod headers;
mod keys;
mod layout;
mod normalize;
pub mod sheet;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::sql_quote::{sql_identifier as quote, sql_string};
use crate::t;

/// A new temporary file for a copy of the user's file, created exclusively
/// under a name no other copy has, and removed when the path is dropped.
/// `extension` keeps the original's (a `.tsv` copy is read with tabs).
fn new_copy(extension: &str) -> Result<(std::fs::File, tempfile::TempPath)> {
    let file = tempfile::Builder::new()
        .prefix("clusterql-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    Ok(file.into_parts())
}

/// Problems listed in full before the rest are only counted.
const PROBLEM_LIMIT: usize = 20;

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

pub struct Loaded {
    pub rows: u64,
}

pub fn load(engine: &Engine, request: &LoadRequest) -> Result<Loaded> {
    let columns = table_columns(engine, &request.table)?;
    let files = expand(&request.paths)?;
    let mut sheets = Vec::new();
    let files = as_csv(&files, request, &columns, &mut sheets)?;
    for sheet in &mut sheets {
        sheet.name_columns(|header| {
            headers::column_of(request, header, &columns).map(|(column, _)| column)
        });
    }
    let format = detect_format(&files)?;
    let mut copies = Vec::new();
    let files = match format {
        FileFormat::Csv => {
            let readable = as_utf8(&files, request, &sheets, &mut copies)?;
            tables_of(&readable, request, &columns, &sheets, &mut copies)?
        }
        FileFormat::Parquet => files,
    };
    load_files(
        engine,
        request,
        &columns,
        &files,
        format,
        !sheets.is_empty(),
    )
    .map_err(|error| with_original_names(error, &copies, &sheets))
}

/// Spreadsheets as CSV copies (kept in `sheets` until the load is over);
/// other files as they are.
fn as_csv(
    files: &[String],
    request: &LoadRequest,
    columns: &[Column],
    sheets: &mut Vec<sheet::SheetCopy>,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let names_column = |text: &str| headers::column_of(request, text, columns).is_some();
    let layout = sheet::Layout::for_load(&names_column, request.header_row);
    for file in files {
        if !sheet::is_spreadsheet(file) {
            out.push(file.clone());
            continue;
        }
        let copy = sheet::to_csv(Path::new(file), request.sheet.as_deref(), &layout)?;
        if !request.quiet {
            eprintln!(
                "{}",
                t!("load-reading-sheet", file = file, sheet = &copy.sheet)
            );
            for text in &copy.skipped {
                eprintln!(
                    "{}",
                    t!(
                        "load-sheet-skipped",
                        file = file,
                        sheet = &copy.sheet,
                        text = text
                    )
                );
            }
            for note in &copy.notes {
                eprintln!("{}", t!("load-sheet-note", file = file, note = note));
            }
        }
        out.push(copy.copy.display().to_string());
        sheets.push(copy);
    }
    Ok(out)
}

/// The CSV files as DuckDB can read them: UTF-8 ones as they are, others
/// through a UTF-8 copy (kept in `copies` until the load is over). Globs
/// go to DuckDB as they are.
fn as_utf8(
    files: &[String],
    request: &LoadRequest,
    sheets: &[sheet::SheetCopy],
    copies: &mut Vec<encoding::Transcoded>,
) -> Result<Vec<String>> {
    let mut readable = Vec::new();
    for file in files {
        let path = Path::new(file);
        // Globs go to DuckDB; sheet copies are UTF-8 already.
        if !path.is_file() || sheets.iter().any(|sheet| *sheet.copy == *path) {
            readable.push(file.clone());
            continue;
        }
        let (found, how) = match request.encoding.0 {
            Some(forced) => (forced, t!("load-encoding-asked")),
            None => (encoding::detect(path)?, t!("load-encoding-detected")),
        };
        if !request.quiet {
            let name = found.name().to_uppercase();
            eprintln!(
                "{}",
                t!(
                    "load-reading-encoding",
                    file = file,
                    encoding = name,
                    how = how
                )
            );
        }
        if found == encoding_rs::UTF_8 {
            readable.push(file.clone());
        } else {
            let copy = encoding::transcode(path, found)?;
            readable.push(copy.copy.display().to_string());
            copies.push(copy);
        }
    }
    Ok(readable)
}

/// Each CSV file's table: a file with title lines above its header or
/// notes under its rows is read from a copy of the table alone (kept in
/// `copies`), and stderr says what was left out.
fn tables_of(
    files: &[String],
    request: &LoadRequest,
    columns: &[Column],
    sheets: &[sheet::SheetCopy],
    copies: &mut Vec<encoding::Transcoded>,
) -> Result<Vec<String>> {
    let names_column = |text: &str| headers::column_of(request, text, columns).is_some();
    let mut tables = Vec::new();
    for file in files {
        let path = Path::new(file);
        // Sheets were laid out already; tab-separated text is left whole.
        let tabbed = csv_delimiter(std::slice::from_ref(file)) == "\t";
        if !path.is_file() || tabbed || sheets.iter().any(|sheet| *sheet.copy == *path) {
            tables.push(file.clone());
            continue;
        }
        let original = copies
            .iter()
            .find(|copy| *copy.copy == *path)
            .map_or_else(|| file.clone(), |copy| copy.original.clone());
        let Some(trimmed) = csv_layout::find(path, &original, &names_column, request.header_row)?
        else {
            tables.push(file.clone());
            continue;
        };
        if !request.quiet {
            for text in &trimmed.titles {
                eprintln!("{}", t!("load-csv-skipped", file = &original, text = text));
            }
            for note in &trimmed.notes {
                eprintln!("{}", t!("load-csv-note", file = &original, note = note));
            }
        }
        let copy = trimmed.copy(path)?;
        tables.push(copy.display().to_string());
        copies.push(encoding::Transcoded {
            original,
            copy,
            lines_above: trimmed.lines_above,
        });
    }
    Ok(tables)
}

/// Messages name the user's files and cells, not the copies DuckDB read.
fn with_original_names(
    error: Error,
    copies: &[encoding::Transcoded],
    sheets: &[sheet::SheetCopy],
) -> Error {
    let rename = |mut text: String| {
        for copy in copies {
            text = renamed(&text, copy);
        }
        for sheet in sheets {
            text = sheet.in_cells(&text);
        }
        text
    };
    match error {
        Error::LoadRejected(text) => Error::LoadRejected(rename(text)),
        Error::Engine(text) => Error::Engine(rename(text)),
        other => other,
    }
}

/// `text` with the copy's name replaced by the original's, and the line
/// after it (`copy.csv:3:`) counted as the original counts it.
fn renamed(text: &str, copy: &encoding::Transcoded) -> String {
    let name = copy.copy.display().to_string();
    if copy.lines_above == 0 {
        return text.replace(&name, &copy.original);
    }
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(&name) {
        out.push_str(&rest[..at]);
        out.push_str(&copy.original);
        rest = &rest[at + name.len()..];
        if let Some(after) = rest.strip_prefix(':') {
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            if let Ok(line) = after[..digits].parse::<usize>() {
                out.push_str(&format!(":{}", line + copy.lines_above));
                rest = &after[digits..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn load_files(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    files: &[String],
    format: FileFormat,
    from_sheets: bool,
) -> Result<Loaded> {
    let plan = plan_headers(engine, request, columns, files, format)?;
    if let Some(header) = &plan.row_numbers {
        check_row_numbers(engine, request, files, format, header)?;
    }
    if from_sheets {
        check_formatted_percents(engine, files, format, &plan)?;
    }
    if !request.quiet {
        for notice in &plan.notices {
            eprintln!("{notice}");
        }
    }
    if let Some(loaded) = direct::insert(engine, request, columns, files, format, &plan)? {
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
    let result = validate_and_insert(engine, request, columns, &plan);
    let _ = engine.execute_batch("DROP TABLE IF EXISTS temp.load_stage");
    result
}

/// A `序号` column is left out when it numbers the rows 1 to n (in any
/// order); anything else in it might be data, and is not dropped in silence.
fn check_row_numbers(
    engine: &Engine,
    request: &LoadRequest,
    files: &[String],
    format: FileFormat,
    header: &str,
) -> Result<()> {
    // Each file numbers its own rows.
    let reader = reader_sql(files, format, true, None);
    let column = quote(header);
    let sql = format!(
        "SELECT sum(n)::BIGINT, bool_and(numbered) FROM (SELECT count(*) AS n, \
         count(DISTINCT v) = count(*) AND count(v) = count(*) AND min(v) = 1 \
         AND max(v) = count(*) AND bool_and(v = round(v)) AS numbered \
         FROM (SELECT __file, TRY_CAST(TRY_CAST({column} AS VARCHAR) AS DOUBLE) AS v FROM {reader}) \
         GROUP BY __file)"
    );
    let (rows, numbers): (Option<i64>, Option<bool>) =
        engine
            .connection()
            .query_row(&sql, [], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let rows = rows.unwrap_or(0);
    if numbers == Some(true) || rows == 0 {
        if !request.quiet {
            eprintln!(
                "{}",
                t!("load-row-numbers-dropped", header = header, rows = rows)
            );
        }
        return Ok(());
    }
    if request.ignore_extra {
        return Ok(());
    }
    Err(Error::LoadRejected(format!(
        "{}:1: {}",
        files.join(", "),
        t!(
            "load-at-header",
            header = header,
            problem = t!(
                "load-row-numbers-not",
                table = &request.table,
                header = header
            )
        )
    )))
}

/// A spreadsheet keeps a cell formatted as a percent as its fraction (35.2 %
/// is 0.352), so under a `（%）` header those cells would load a hundred
/// times too small, and be valid shares. A column of such a header whose
/// every value lies between 0 and 1 is refused rather than guessed at.
fn check_formatted_percents(
    engine: &Engine,
    files: &[String],
    format: FileFormat,
    plan: &headers::Plan,
) -> Result<()> {
    let reader = reader_sql(files, format, false, None);
    let mut problems = Problems::default();
    for planned in &plan.planned {
        let in_percent = planned
            .unit
            .is_some_and(|unit| unit.dimension == "share" && unit.power_of_ten < 0);
        if !in_percent {
            continue;
        }
        let column = quote(&planned.header);
        let sql = format!(
            "SELECT count(v), count(*) FILTER (WHERE abs(v) > 1) \
             FROM (SELECT TRY_CAST(TRY_CAST({column} AS VARCHAR) AS DOUBLE) AS v FROM {reader})"
        );
        let (values, above_one): (i64, i64) = engine
            .connection()
            .query_row(&sql, [], |row| Ok((row.get(0)?, row.get(1)?)))?;
        if values > 0 && above_one == 0 {
            problems.add(format!(
                "{}:1: {}",
                files.join(", "),
                t!(
                    "load-at-header",
                    header = &planned.header,
                    problem = t!("load-percent-as-fraction")
                )
            ));
        }
    }
    problems.into_result()
}

/// The files' headers, each to its column and unit, or every header
/// problem at once.
fn plan_headers(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    files: &[String],
    format: FileFormat,
) -> Result<headers::Plan> {
    let reader = reader_sql(files, format, false, None);
    let names = match engine.result_names(&format!("SELECT * FROM {reader}")) {
        Some(names) => names,
        None => {
            // Unreadable: staging says why, with the file's name.
            if format == FileFormat::Csv {
                for file in files {
                    check_utf8(file)?;
                }
            }
            stage(engine, files, format)?;
            let names = staged_columns(engine)?
                .into_iter()
                .map(|(n, _)| n)
                .collect();
            let _ = engine.execute_batch("DROP TABLE IF EXISTS temp.load_stage");
            names
        }
    };
    headers::plan(request, &files.join(", "), &names, columns).map_err(|found| {
        let mut problems = Problems::default();
        for problem in found {
            problems.add(problem);
        }
        problems
            .into_result()
            .err()
            .unwrap_or_else(|| Error::LoadRejected(String::new()))
    })
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

/// Folders become the CSV or Parquet files below them; globs are passed to
/// DuckDB as they are.
fn expand(paths: &[PathBuf]) -> Result<Vec<String>> {
    let mut files = Vec::new();
    for path in paths {
        let text = path.to_string_lossy().to_string();
        if path.is_dir() {
            let pattern = if has_files(path, "parquet") {
                "**/*.parquet"
            } else {
                "**/*.csv"
            };
            files.push(format!("{}/{pattern}", text.trim_end_matches('/')));
        } else if text.contains(['*', '?', '[']) || path.is_file() {
            files.push(text);
        } else {
            return Err(Error::LoadRejected(t!("load-no-such-file", file = text)));
        }
    }
    Ok(files)
}

fn has_files(dir: &Path, extension: &str) -> bool {
    std::fs::read_dir(dir).map_or(false, |entries| {
        entries.filter_map(|e| e.ok()).any(|e| {
            let path = e.path();
            path.extension().is_some_and(|x| x == extension)
                || (path.is_dir() && has_files(&path, extension))
        })
    })
}

/// The format from the extension, else from the first bytes: Parquet files
/// start with `PAR1`.
fn detect_format(files: &[String]) -> Result<FileFormat> {
    let first = files
        .first()
        .ok_or_else(|| Error::Usage("load: no file given".to_string()))?;
    let lower = first.to_ascii_lowercase();
    if lower.ends_with(".parquet") || lower.ends_with(".pq") {
        return Ok(FileFormat::Parquet);
    }
    if lower.ends_with(".csv")
        || lower.ends_with(".tsv")
        || lower.ends_with(".txt")
        || lower.contains('*')
    {
        return Ok(FileFormat::Csv);
    }
    let mut magic = [0u8; 4];
    let read =
        std::fs::File::open(first).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic));
    Ok(if read.is_ok() && &magic == b"PAR1" {
        FileFormat::Parquet
    } else {
        FileFormat::Csv
    })
}

/// DuckDB's reader of the files, with the file name of each row in
/// `__file` when `with_file_name`. A CSV file's columns are read as text,
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
    let file_name = if with_file_name {
        ", filename = '__file'"
    } else {
        ""
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

/// Rejects text that is not UTF-8, naming the line and, when it looks like
/// it, the Chinese encoding it probably is.
fn check_utf8(file: &str) -> Result<()> {
    let path = Path::new(file);
    if !path.is_file() {
        return Ok(()); // a glob: DuckDB reads and checks it
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let Err(error) = std::str::from_utf8(&bytes) else {
        return Ok(());
    };
    let offset = error.valid_up_to();
    let (line, column) = encoding::line_and_column(&bytes[..offset]);
    let rest = &bytes[offset..];
    let guess = if encoding::looks_like_chinese(&rest[..rest.len().min(4096)]) {
        t!("load-looks-like-gbk", file = file)
    } else {
        t!("load-convert-to-utf8", file = file)
    };
    Err(Error::LoadRejected(format!(
        "{file}:{line}:{column}: {}",
        t!("load-not-utf8", guess = guess)
    )))
}

/// Reads the files into `temp.load_stage`, every column as text, with the
/// file name and the line (CSV) or row (Parquet) of each record.
fn stage(engine: &Engine, files: &[String], format: FileFormat) -> Result<()> {
    let reader = reader_sql(files, format, true, None);
    // Lines: the header is line 1, so the first record is on line 2.
    let position = match format {
        FileFormat::Csv => "row_number() OVER (PARTITION BY __file) + 1",
        FileFormat::Parquet => "row_number() OVER (PARTITION BY __file)",
    };
    let sql = format!(
        "CREATE OR REPLACE TEMP TABLE load_stage AS SELECT *, {position} AS __line FROM {reader}"
    );
    // Reading is most of a load's time: long ones show their progress.
    let _progress = crate::progress::watch(engine.progress_handle());
    engine.execute_batch(&sql).map_err(|e| {
        let message = crate::error::one_line(&e.to_string());
        let hint = if message.contains("magic")
            || message.contains("Parquet")
            || message.contains("parquet")
        {
            t!("load-parquet-corrupt")
        } else {
            String::new()
        };
        Error::LoadRejected(format!("{}: {message}{hint}", files.join(", ")))
    })
}

fn staged_columns(engine: &Engine) -> Result<Vec<(String, String)>> {
    let mut statement = engine.connection().prepare(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'load_stage' AND schema_name = 'main' \
         AND database_name = 'temp' AND column_name NOT IN ('__file', '__line') ORDER BY column_index",
    )?;
    let columns = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(columns)
}

fn validate_and_insert(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    plan: &headers::Plan,
) -> Result<Loaded> {
    let staged = staged_columns(engine)?;
    // Each staged column as text the normalizing reading takes: CSV
    // columns are text already; a Parquet file's typed ones keep their type
    // unless a unit converts them.
    let text_of = |planned: &headers::Planned| -> Option<(String, bool)> {
        let (name, data_type) = staged.iter().find(|(name, _)| *name == planned.header)?;
        let quoted = quote(name);
        Some(if data_type == "VARCHAR" {
            (quoted, true)
        } else if planned.scale != 0 {
            (format!("CAST({quoted} AS VARCHAR)"), true)
        } else {
            (quoted, false)
        })
    };
    let reading = |column: &Column| -> Option<(String, String)> {
        let planned = plan.of_column(&column.name)?;
        let (text, is_text) = text_of(planned)?;
        let value = if is_text {
            normalize::value(&text, &column.data_type, Some(planned), false)
        } else {
            format!("TRY_CAST({text} AS {})", column.data_type)
        };
        Some((text, value))
    };
    let mut problems = Problems::default();

    // Types: every value must read as its column's type.
    for column in columns {
        let Some((text, value)) = reading(column) else {
            continue;
        };
        let sql = format!(
            "SELECT __file, __line, {text}::VARCHAR FROM temp.load_stage \
             WHERE {written} AND ({value}) IS NULL ORDER BY __file, __line LIMIT {limit}",
            written = normalize::is_written(&format!("{text}::VARCHAR"), &column.data_type),
            limit = PROBLEM_LIMIT + 1
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!(
                    "load-wrong-type",
                    column = &column.name,
                    value = value,
                    type = &column.data_type
                )
            ));
        }
    }
    problems.into_result()?;

    // The typed rows, as they would be inserted.
    let select_list = columns
        .iter()
        .map(|column| match reading(column) {
            Some((_, value)) => format!(
                "CAST({value} AS {}) AS {}",
                column.data_type,
                quote(&column.name)
            ),
            None => format!(
                "CAST(NULL AS {}) AS {}",
                column.data_type,
                quote(&column.name)
            ),
        })
        .collect::<Vec<_>>()
        .join(", ");
    engine.execute_batch(&format!(
        "CREATE OR REPLACE TEMP TABLE load_typed AS SELECT __file, __line, {select_list} FROM temp.load_stage"
    ))?;
    let result =
        check_rules(engine, request, columns).and_then(|()| insert(engine, request, columns));
    let _ = engine.execute_batch("DROP TABLE IF EXISTS temp.load_typed");
    result
}

fn check_rules(engine: &Engine, request: &LoadRequest, columns: &[Column]) -> Result<()> {
    let table = &request.table;
    let mut problems = Problems::default();
    let limit = PROBLEM_LIMIT + 1;
    for column in columns.iter().filter(|c| !c.nullable) {
        let name = quote(&column.name);
        let sql = format!(
            "SELECT __file, __line, 'NULL' FROM temp.load_typed WHERE {name} IS NULL ORDER BY 1, 2 LIMIT {limit}"
        );
        for (file, line, _) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!("load-empty-required", column = &column.name)
            ));
        }
    }
    // Keys: unique within the files and, when appending, against the table.
    let key = primary_key(engine, table)?;
    if !key.is_empty() {
        let key_list = key.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let key_text = key_as_text(&key, "");
        let sql = format!(
            "SELECT __file, __line, {key_text} FROM (SELECT *, count(*) OVER (PARTITION BY {key_list}) AS n FROM temp.load_typed) \
             WHERE n > 1 ORDER BY 1, 2 LIMIT {limit}"
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!("load-duplicate-key", key = key.join(", "), value = value)
            ));
        }
        if request.mode == Mode::Append {
            let join = key
                .iter()
                .map(|k| format!("t.{0} = s.{0}", quote(k)))
                .collect::<Vec<_>>()
                .join(" AND ");
            let sql = format!(
                "SELECT s.__file, s.__line, {} FROM temp.load_typed AS s SEMI JOIN main.{table} AS t ON {join} ORDER BY 1, 2 LIMIT {limit}",
                key_as_text(&key, "s.")
            );
            for (file, line, value) in problem_rows(engine, &sql)? {
                problems.add(format!(
                    "{file}:{line}: {}",
                    t!(
                        "load-key-exists",
                        key = key.join(", "),
                        value = value,
                        table = table
                    )
                ));
            }
        }
    }
    // Enterprise ids are credit codes (unless the user said otherwise).
    if credit_codes::applies(request) {
        for problem in credit_codes::problems(engine, limit)? {
            problems.add(problem);
        }
    }
    // References to counties, clusters and enterprises.
    for (column, target) in [
        ("county_code", "counties"),
        ("cluster_id", "clusters"),
        ("enterprise_id", "enterprises"),
    ] {
        let references = columns.iter().any(|c| c.name == column)
            && target != table
            && !(table == "enterprises" && column == "enterprise_id");
        if !references {
            continue;
        }
        let sql = format!(
            "SELECT __file, __line, {column} FROM temp.load_typed WHERE {column} IS NOT NULL \
             AND {column} NOT IN (SELECT {column} FROM main.{target}) ORDER BY 1, 2 LIMIT {limit}"
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!(
                    "load-missing-reference",
                    column = column,
                    value = value,
                    target = target
                )
            ));
        }
    }
    // Rows of the roster that refer to this table must still find theirs
    // when the load replaces it.
    if request.mode == Mode::Replace {
        for (referrer, column) in keys::referrers(table) {
            let sql = format!(
                "SELECT '{referrer}', count(*), any_value({column}) FROM main.{referrer} \
                 WHERE {column} NOT IN (SELECT {column} FROM temp.load_typed) HAVING count(*) > 0"
            );
            for (_, count, example) in problem_rows(engine, &sql)? {
                problems.add(t!(
                    "load-replace-strands",
                    count = count,
                    referrer = referrer,
                    column = column,
                    example = example
                ));
            }
        }
    }
    // The schema's CHECK constraints: counts, shares, lists, orderings.
    for check in check_constraints(engine, table)? {
        let values = values_in_rule(&check, columns);
        let sql = format!(
            "SELECT __file, __line, {values} FROM temp.load_typed WHERE NOT coalesce(({check}), true) ORDER BY 1, 2 LIMIT {limit}"
        );
        let rows = problem_rows(engine, &sql).map_err(|e| {
            Error::Engine(t!(
                "load-checking-rule",
                rule = &check,
                reason = e.to_string()
            ))
        })?;
        for (file, line, found) in rows {
            let problem = if found.is_empty() {
                t!("load-breaks-rule", rule = &check)
            } else {
                t!("load-breaks-rule-found", rule = &check, found = found)
            };
            problems.add(format!("{file}:{line}: {problem}"));
        }
    }
    problems.into_result()
}

/// SQL for the text `a = 1.7, b = 2` of the columns a rule reads, so that
/// a broken rule shows the values that broke it.
fn values_in_rule(check: &str, columns: &[Column]) -> String {
    let words: Vec<&str> = check
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    let parts: Vec<String> = columns
        .iter()
        .filter(|column| words.contains(&column.name.as_str()))
        .map(|column| {
            format!(
                "{} || coalesce({}::VARCHAR, 'NULL')",
                sql_string(&format!("{} = ", column.name)),
                quote(&column.name)
            )
        })
        .collect();
    if parts.is_empty() {
        "''".to_string()
    } else {
        format!("concat_ws(', ', {})", parts.join(", "))
    }
}

fn insert(engine: &Engine, request: &LoadRequest, columns: &[Column]) -> Result<Loaded> {
    let table = &request.table;
    let names = columns
        .iter()
        .map(|c| quote(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    engine.execute_batch("BEGIN TRANSACTION")?;
    let written = (|| -> Result<u64> {
        if request.mode == Mode::Replace {
            engine.execute_batch(&format!("DELETE FROM main.{table}"))?;
        }
        let rows = engine
            .connection()
            .execute(&format!("INSERT INTO main.{table} ({names}) SELECT {names} FROM temp.load_typed ORDER BY __file, __line"), [])?;
        engine.execute_batch("COMMIT")?;
        Ok(rows as u64)
    })();
    match written {
        Ok(rows) => Ok(Loaded { rows }),
        Err(error) => {
            let _ = engine.execute_batch("ROLLBACK");
            Err(Error::LoadRejected(t!(
                "load-write-failed",
                table = table,
                reason = error.to_string()
            )))
        }
    }
}

fn primary_key(engine: &Engine, table: &str) -> Result<Vec<String>> {
    let mut statement = engine.connection().prepare(
        "SELECT constraint_column_names FROM duckdb_constraints() \
         WHERE table_name = ? AND schema_name = 'main' AND constraint_type = 'PRIMARY KEY'",
    )?;
    let keys: Vec<Vec<String>> = statement
        .query_map([table], |row| {
            let list: duckdb::types::Value = row.get(0)?;
            Ok(match list {
                duckdb::types::Value::List(items) => items
                    .into_iter()
                    .filter_map(|v| {
                        if let duckdb::types::Value::Text(t) = v {
                            Some(t)
                        } else {
                            None
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    let declared = keys.into_iter().next().unwrap_or_default();
    if !declared.is_empty() {
        return Ok(declared);
    }
    Ok(keys::unindexed_keys(table)
        .map(|k| k.key.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default())
}

fn check_constraints(engine: &Engine, table: &str) -> Result<Vec<String>> {
    let mut statement = engine.connection().prepare(
        "SELECT expression FROM duckdb_constraints() WHERE table_name = ? AND schema_name = 'main' \
         AND constraint_type = 'CHECK' AND expression IS NOT NULL ORDER BY constraint_index",
    )?;
    let checks = statement
        .query_map([table], |row| row.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(checks)
}

fn problem_rows(engine: &Engine, sql: &str) -> Result<Vec<(String, i64, String)>> {
    let mut statement = engine.connection().prepare(sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, Option<String>>(2)?.unwrap_or_default(),
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// A key's columns as one text for messages (`a/b`), each column read
/// through `qualifier` (`s.` or nothing).
fn key_as_text(key: &[String], qualifier: &str) -> String {
    key.iter()
        .map(|k| format!("{qualifier}{}::VARCHAR", quote(k)))
        .collect::<Vec<_>>()
        .join(" || '/' || ")
}

/// Problems found, kept up to the limit and counted beyond it.
#[derive(Default)]
struct Problems {
    listed: Vec<String>,
    more: usize,
}

impl Problems {
    fn add(&mut self, problem: String) {
        if self.listed.len() < PROBLEM_LIMIT {
            self.listed.push(problem);
        } else {
            self.more += 1;
        }
    }

    fn into_result(self) -> Result<()> {
        if self.listed.is_empty() {
            return Ok(());
        }
        let count = self.listed.len() + self.more;
        let mut text = t!("load-rejected", count = count);
        for problem in &self.listed {
            let _ = write!(text, "\n  {problem}");
        }
        if self.more > 0 {
            let _ = write!(text, "\n  {}", t!("load-and-more", count = self.more));
        }
        Err(Error::LoadRejected(text))
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
