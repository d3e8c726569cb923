//! A table of the user's own: a county yearbook, a firm list, any file
//! `load` reads, found and cleaned as the schema's tables are (title rows,
//! notes, 序号, merged headers; encodings; `—` and `无` as no value,
//! thousands separators, full-width digits, a column of 是/否 as BOOLEAN),
//! its headers kept as written and its types what DuckDB's sniffer makes
//! of the cleaned text. `load --create` makes a table of it and
//! `read_table` reads it in SQL; the unit a header or a `单位：` line states
//! becomes the column's comment.

use std::path::PathBuf;

use duckdb::Connection;

use super::files::{as_csv, as_utf8, detect_format, expand, tables_of, with_original_names};
use super::{FileFormat, LoadRequest, Mode, encoding, normalize, quote, reader_sql, sql_string};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;
use crate::units;

/// What to read, as `load` and `read_table` are asked.
pub struct Reading {
    pub paths: Vec<PathBuf>,
    pub sheet: Option<String>,
    pub header_row: Option<u32>,
    pub encoding: encoding::EncodingChoice,
    /// Every column as text, as DuckDB's `all_varchar`.
    pub all_varchar: bool,
    /// No word on stderr of what was read and left out.
    pub quiet: bool,
}

/// A user's table, cleaned into a CSV file that DuckDB's reader types.
pub struct OwnTable {
    cleaned: tempfile::TempPath,
    /// A Parquet file's table stays Parquet, its types its own.
    format: FileFormat,
    all_varchar: bool,
    /// Each column's header as written and the unit stated for it: in the
    /// header (`地区生产总值（万元）`), or above the table when one unit is
    /// stated there for the whole table.
    pub columns: Vec<(String, Option<String>)>,
}

impl OwnTable {
    /// DuckDB's reading of the cleaned table: the header as written, the
    /// sniffer's types over every row.
    pub fn reader(&self) -> String {
        if self.format == FileFormat::Parquet {
            return format!(
                "read_parquet({})",
                sql_string(&self.cleaned.display().to_string())
            );
        }
        format!(
            "read_csv({}, header = true, delim = ',', quote = '\"', escape = '\"', \
             sample_size = -1, normalize_names = false{})",
            sql_string(&self.cleaned.display().to_string()),
            if self.all_varchar {
                ", all_varchar = true"
            } else {
                ""
            }
        )
    }
}

/// Finds, reads and cleans the table of the files.
pub fn read(reading: &Reading) -> Result<OwnTable> {
    let request = LoadRequest {
        paths: reading.paths.clone(),
        table: String::new(),
        mode: Mode::Append,
        ignore_extra: true,
        encoding: reading.encoding,
        sheet: reading.sheet.clone(),
        quiet: reading.quiet,
        skip_id_check: true,
        maps: Vec::new(),
        units: Vec::new(),
        header_row: reading.header_row,
    };
    // No column of the schema to look for: the header is the first row of
    // two cells or more (or the one asked for).
    let originals = expand(&request.paths)?;
    let format = detect_format(&originals)?;
    let mut sheets = Vec::new();
    let mut stated = Vec::new();
    let files = as_csv(&originals, &request, &[], &mut sheets, &mut stated)?;
    let mut copies = Vec::new();
    let files = match format {
        FileFormat::Csv => {
            let readable = as_utf8(&files, &request, &sheets, &mut copies)?;
            tables_of(&readable, &request, &[], &sheets, &mut copies, &mut stated)?
        }
        FileFormat::Parquet => files,
    };
    let database = private_database()?;
    clean(&database, &files, format, reading)
        .map(|(cleaned, headers)| {
            // One unit above the table is the unit of its bare numeric
            // headers; several (单位：万元、万人), or one that not every file
            // states, cannot be given to a column, and are left unsaid
            // rather than given to the wrong one.
            let mut stated_units: Vec<&str> = stated.iter().map(|s| s.unit.as_str()).collect();
            stated_units.sort_unstable();
            stated_units.dedup();
            let every_file = originals
                .iter()
                .all(|file| stated.iter().any(|s| s.file == *file));
            let table_unit = match stated_units.as_slice() {
                [one] if every_file => Some(one.to_string()),
                _ => None,
            };
            let columns = headers
                .into_iter()
                .map(|(header, numeric)| {
                    let (_, written) = units::split_header(&header);
                    let unit = written
                        .filter(|unit| units::spelled(unit).is_some())
                        .map(str::to_string)
                        .or_else(|| table_unit.clone().filter(|_| numeric));
                    (header, unit)
                })
                .collect();
            OwnTable {
                cleaned,
                format,
                all_varchar: reading.all_varchar,
                columns,
            }
        })
        .map_err(|error| with_original_names(error, &copies, &sheets))
}

/// A database of its own for reading a table apart from the session's
/// (a table function cannot query the connection that runs it); as the
/// session's, it fetches nothing.
pub fn private_database() -> Result<Connection> {
    let config = duckdb::Config::default()
        .enable_autoload_extension(false)?
        .with("autoinstall_known_extensions", "false")?;
    Ok(Connection::open_in_memory_with_flags(config)?)
}

/// Writes the cleaned table as CSV; gives each header with whether its
/// values are all numbers.
fn clean(
    database: &Connection,
    files: &[String],
    format: FileFormat,
    reading: &Reading,
) -> Result<(tempfile::TempPath, Vec<(String, bool)>)> {
    let reader = reader_sql(files, format, false, None);
    let refused = |e: duckdb::Error| {
        Error::LoadRejected(format!(
            "{}: {}",
            files.join(", "),
            crate::error::one_line(&e.to_string())
        ))
    };
    let names: Vec<String> = database
        .prepare(&format!("DESCRIBE SELECT * FROM {reader}"))
        .and_then(|mut statement| {
            statement
                .query_map([], |row| row.get::<_, String>(0))?
                .collect::<duckdb::Result<Vec<_>>>()
        })
        .map_err(refused)?;
    // What each column holds: text that is all 是/否, all numbers, and
    // (a 序号 column) the row numbers 1 to n.
    let mut probes = Vec::new();
    for name in &names {
        let text = format!("CAST({} AS VARCHAR)", quote(name));
        let cell = normalize::own_cell(&text, false);
        probes.push(format!(
            "count({cell}) > 0 AND bool_and({cell} IS NULL OR {yes_no}), \
             bool_and({cell} IS NULL OR TRY_CAST({cell} AS DOUBLE) IS NOT NULL), \
             count(DISTINCT TRY_CAST({cell} AS BIGINT)) = count(*) AND min(TRY_CAST({cell} AS BIGINT)) = 1 \
             AND max(TRY_CAST({cell} AS BIGINT)) = count(*)",
            yes_no = normalize::is_yes_no(&text)
        ));
    }
    let kinds: Vec<(bool, bool, bool)> = database
        .query_row(
            &format!("SELECT {} FROM {reader}", probes.join(", ")),
            [],
            |row| {
                (0..names.len())
                    .map(|i| {
                        Ok((
                            row.get::<_, Option<bool>>(3 * i)?.unwrap_or(false),
                            row.get::<_, Option<bool>>(3 * i + 1)?.unwrap_or(false),
                            row.get::<_, Option<bool>>(3 * i + 2)?.unwrap_or(false),
                        ))
                    })
                    .collect()
            },
        )
        .map_err(refused)?;
    let mut select = Vec::new();
    let mut headers = Vec::new();
    for (name, (yes_no, numeric, numbered)) in names.iter().zip(kinds) {
        // Only 序号 is the rows' numbers here: a user's 编号 may be an id.
        if numbered && name.trim() == "序号" {
            if !reading.quiet {
                eprintln!("{}", t!("load-row-numbers-dropped-own", header = name));
            }
            continue;
        }
        let text = format!("CAST({} AS VARCHAR)", quote(name));
        let value = match format {
            // A Parquet file's columns keep the types they were written in.
            FileFormat::Parquet => quote(name),
            FileFormat::Csv => normalize::own_cell(&text, yes_no),
        };
        select.push(format!("{value} AS {}", quote(name)));
        headers.push((name.clone(), numeric && !yes_no));
    }
    if select.is_empty() {
        return Err(Error::LoadRejected(t!(
            "load-own-no-columns",
            file = files.join(", ")
        )));
    }
    let (copy_format, options) = match format {
        FileFormat::Csv => ("csv", "HEADER, DELIMITER ','"),
        FileFormat::Parquet => ("parquet", "FORMAT parquet"),
    };
    let (_, cleaned) = super::copies::new_copy(copy_format)?;
    database
        .execute_batch(&format!(
            "COPY (SELECT {} FROM {reader}) TO {} ({options})",
            select.join(", "),
            sql_string(&cleaned.display().to_string())
        ))
        .map_err(refused)?;
    Ok((cleaned, headers))
}

/// `load FILE --table NAME --create`: the table of the files as a new table
/// of the database, its units as its columns' comments, in one
/// transaction. A table or view of that name is refused unless `replace`;
/// the schema's tables and the library's views are never replaced.
/// Gives the rows and the columns made.
pub fn create(
    engine: &Engine,
    name: &str,
    replace: bool,
    reading: &Reading,
) -> Result<(u64, usize)> {
    let reserved = crate::dataset::SMALL_TABLES
        .iter()
        .chain(crate::dataset::ROSTER_TABLES)
        .chain(&["counties"])
        .any(|table| table.eq_ignore_ascii_case(name))
        || crate::library::catalogue()
            .iter()
            .any(|view| view.name.eq_ignore_ascii_case(name));
    if reserved {
        return Err(Error::LoadRejected(t!(
            "load-create-reserved",
            table = name
        )));
    }
    let exists: bool = engine.connection().query_row(
        "SELECT count(*) > 0 FROM (SELECT table_name AS name FROM duckdb_tables() \
         WHERE database_name = current_database() AND schema_name = 'main' \
         UNION ALL SELECT view_name FROM duckdb_views() WHERE database_name = current_database() \
         AND schema_name = 'main') WHERE lower(name) = lower(?)",
        [name],
        |row| row.get(0),
    )?;
    if exists && !replace {
        return Err(Error::LoadRejected(t!("load-create-exists", table = name)));
    }
    let table = read(reading)?;
    let target = format!("main.{}", quote(name));
    let mut sql = format!(
        "BEGIN TRANSACTION;\nDROP TABLE IF EXISTS {target};\n\
         CREATE TABLE {target} AS SELECT * FROM {};\n",
        table.reader()
    );
    for (header, unit) in &table.columns {
        if let Some(unit) = unit {
            sql.push_str(&format!(
                "COMMENT ON COLUMN {target}.{} IS {};\n",
                quote(header),
                sql_string(unit)
            ));
        }
    }
    sql.push_str("COMMIT;");
    if let Err(error) = engine.execute_batch(&sql) {
        let _ = engine.execute_batch("ROLLBACK");
        return Err(Error::LoadRejected(t!(
            "load-write-failed",
            table = name,
            reason = crate::error::one_line(&error.to_string())
        )));
    }
    if !reading.quiet {
        for (header, unit) in &table.columns {
            if let Some(unit) = unit {
                eprintln!("{}", t!("load-own-unit", header = header, unit = unit));
            }
        }
    }
    let rows: i64 =
        engine
            .connection()
            .query_row(&format!("SELECT count(*) FROM {target}"), [], |row| {
                row.get(0)
            })?;
    Ok((rows as u64, table.columns.len()))
}
