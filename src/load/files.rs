//! The first step of a load: the user's files as DuckDB can read them.
//! Folders and globs become file lists; spreadsheets become CSV copies of
//! their table (`crate::sheets`), other encodings UTF-8 copies (`encoding`), and a
//! CSV file with a title or notes a copy of its table alone (`csv_layout`);
//! messages name the user's files, lines and cells, never the copies.

use std::path::{Path, PathBuf};

use super::stated_units::{self, Place, Statement};
use super::{
    Column, FileFormat, LoadRequest, csv_delimiter, csv_layout, encoding, headers, sheet_copy,
};
use crate::error::{Error, Result};
use crate::sheets;
use crate::t;

/// Spreadsheets as CSV copies (kept in `sheets` until the load is over);
/// other files as they are. Units stated above a sheet's table go to
/// `stated`.
pub(super) fn as_csv(
    files: &[String],
    request: &LoadRequest,
    columns: &[Column],
    sheets: &mut Vec<sheet_copy::SheetCopy>,
    stated: &mut Vec<Statement>,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let names_column = |text: &str| headers::column_of(request, text, columns).is_some();
    let layout = sheets::Layout::for_load(&names_column, request.header_row);
    for file in files {
        if !sheets::is_spreadsheet(file) {
            out.push(file.clone());
            continue;
        }
        let copy = sheet_copy::to_csv(Path::new(file), request.sheet.as_deref(), &layout)?;
        if !request.quiet {
            eprintln!(
                "{}",
                t!("load-reading-sheet", file = file, sheet = &copy.sheet)
            );
            for (_, text) in &copy.skipped {
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
        for (cell, text) in &copy.skipped {
            stated.extend(statements(file, Place::Cell(cell.clone()), text));
        }
        out.push(copy.copy.display().to_string());
        sheets.push(copy);
    }
    Ok(out)
}

/// The CSV files as DuckDB can read them: UTF-8 ones as they are, others
/// through a UTF-8 copy (kept in `copies` until the load is over). Globs
/// go to DuckDB as they are.
pub(super) fn as_utf8(
    files: &[String],
    request: &LoadRequest,
    sheets: &[sheet_copy::SheetCopy],
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
/// `copies`), and stderr says what was left out. Units stated in the
/// title lines go to `stated`.
pub(super) fn tables_of(
    files: &[String],
    request: &LoadRequest,
    columns: &[Column],
    sheets: &[sheet_copy::SheetCopy],
    copies: &mut Vec<encoding::Transcoded>,
    stated: &mut Vec<Statement>,
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
            for (_, text) in &trimmed.titles {
                eprintln!("{}", t!("load-csv-skipped", file = &original, text = text));
            }
            for note in &trimmed.notes {
                eprintln!("{}", t!("load-csv-note", file = &original, note = note));
            }
        }
        for (line, text) in &trimmed.titles {
            // Lines are counted in the user's file: the copy read here is
            // the same text, only in UTF-8.
            stated.extend(statements(&original, Place::Line(*line), text));
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

/// The units stated in one text above a table of `file`.
fn statements(file: &str, place: Place, text: &str) -> Vec<Statement> {
    stated_units::in_text(text)
        .into_iter()
        .map(|(written, unit)| Statement {
            file: file.to_string(),
            place: place.clone(),
            written,
            unit,
        })
        .collect()
}

/// DuckDB's own messages name the files it read: a copy's name becomes
/// the user's file (a sheet's copy, the file and its sheet). Only names
/// are replaced; the places of a load's own problems are records, told at
/// the user's lines and cells when they are written ([`super::problems`]).
pub(super) fn with_original_names(
    error: Error,
    copies: &[encoding::Transcoded],
    sheets: &[sheet_copy::SheetCopy],
) -> Error {
    let rename = |mut text: String| {
        for copy in copies {
            text = text.replace(&copy.copy.display().to_string(), &copy.original);
        }
        for sheet in sheets {
            text = text.replace(
                &sheet.copy.display().to_string(),
                &format!("{} {}", sheet.original, sheet.sheet),
            );
        }
        text
    };
    match error {
        Error::LoadRejected(text) => Error::LoadRejected(rename(text)),
        Error::Engine(text) => Error::Engine(rename(text)),
        other => other,
    }
}

/// Extensions of the files a folder's loading takes.
const LOADED_EXTENSIONS: &[&str] = &[
    "csv", "tsv", "tab", "txt", "parquet", "pq", "xlsx", "xlsm", "xls", "ods",
];

/// The files the user named: a folder becomes every file below it that
/// `load` reads, and a glob the files it matches, each in name order, so
/// that each goes through the same steps as a file named alone (its
/// encoding, its sheet, its title lines). A folder or glob that holds no
/// such file is refused, not loaded as nothing.
pub(super) fn expand(paths: &[PathBuf]) -> Result<Vec<String>> {
    let files = named_files(paths)?;
    // A file named twice (a folder and a file in it) is read once: twice,
    // each of its keys would be its own duplicate.
    let mut seen = std::collections::HashSet::new();
    Ok(files
        .into_iter()
        .filter(|file| seen.insert(std::fs::canonicalize(file).unwrap_or_else(|_| file.into())))
        .collect())
}

/// The files of each path, in the order given.
fn named_files(paths: &[PathBuf]) -> Result<Vec<String>> {
    let mut files = Vec::new();
    for path in paths {
        let text = path.to_string_lossy().to_string();
        if path.is_dir() {
            let mut found = Vec::new();
            files_below(path, &mut found)?;
            if found.is_empty() {
                return Err(Error::LoadRejected(t!("load-empty-folder", folder = text)));
            }
            found.sort();
            files.extend(found.into_iter().map(|p| p.display().to_string()));
        } else if path.is_file() {
            files.push(text);
        } else if text.contains(['*', '?', '[']) {
            let matched = glob::glob(&text).map_err(|e| {
                Error::LoadRejected(t!("load-bad-glob", pattern = &text, reason = e.to_string()))
            })?;
            let mut found: Vec<PathBuf> = matched
                .filter_map(|entry| entry.ok())
                .filter(|p| p.is_file())
                .collect();
            if found.is_empty() {
                return Err(Error::LoadRejected(t!(
                    "load-glob-matched-nothing",
                    pattern = &text
                )));
            }
            found.sort();
            files.extend(found.into_iter().map(|p| p.display().to_string()));
        } else {
            return Err(Error::LoadRejected(t!("load-no-such-file", file = text)));
        }
    }
    Ok(files)
}

/// The files below `dir` that `load` reads, at any depth. Hidden files
/// (a spreadsheet's `~$` lock file, `.DS_Store`) are no data.
fn files_below(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        if name.is_some_and(|n| n.starts_with('.') || n.starts_with("~$")) {
            continue;
        }
        if path.is_dir() {
            files_below(&path, found)?;
        } else if path.extension().is_some_and(|x| {
            LOADED_EXTENSIONS.contains(&x.to_string_lossy().to_ascii_lowercase().as_str())
        }) {
            found.push(path);
        }
    }
    Ok(())
}

/// One file's format, from its extension, else from its first bytes:
/// Parquet files start with `PAR1`.
fn format_of(file: &str) -> FileFormat {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".parquet") || lower.ends_with(".pq") {
        return FileFormat::Parquet;
    }
    if [".csv", ".tsv", ".tab", ".txt"]
        .iter()
        .any(|x| lower.ends_with(x))
    {
        return FileFormat::Csv;
    }
    let mut magic = [0u8; 4];
    let read =
        std::fs::File::open(file).and_then(|mut f| std::io::Read::read_exact(&mut f, &mut magic));
    if read.is_ok() && &magic == b"PAR1" {
        FileFormat::Parquet
    } else {
        FileFormat::Csv
    }
}

/// The files' one format (a spreadsheet is read as CSV). Files of
/// different formats, or comma- and tab-separated text together, are
/// refused with their names: one reading cannot take them all, and none
/// is left out in silence.
pub(super) fn detect_format(files: &[String]) -> Result<FileFormat> {
    let first = files
        .first()
        .ok_or_else(|| Error::Usage("load: no file given".to_string()))?;
    let kind = |file: &str| (format_of(file), csv_delimiter(&[file.to_string()]));
    let wanted = kind(first);
    let odd: Vec<usize> = (0..files.len())
        .filter(|&i| kind(&files[i]) != wanted)
        .collect();
    if odd.is_empty() {
        return Ok(wanted.0);
    }
    let name = |i: usize| files[i].clone();
    let alike: Vec<String> = (0..files.len())
        .filter(|i| !odd.contains(i))
        .map(name)
        .collect();
    let others: Vec<String> = odd.into_iter().map(name).collect();
    Err(Error::LoadRejected(t!(
        "load-mixed-formats",
        alike = short_list(&alike),
        others = short_list(&others)
    )))
}

/// A list of file names for a message: the first few, and how many more.
fn short_list(names: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut text = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        text.push_str(&t!("load-and-more-files", count = names.len() - SHOWN));
    }
    text
}

/// Rejects text that is not UTF-8, naming the line and, when it looks like
/// it, the Chinese encoding it probably is.
pub(super) fn check_utf8(file: &str) -> Result<()> {
    let path = Path::new(file);
    if !path.is_file() {
        return Ok(()); // a glob: DuckDB reads and checks it
    }
    // Read a chunk at a time: a file of any size is checked in little
    // memory, and its line counted only when a byte is wrong.
    let Some(offset) = encoding::first_invalid_utf8(path)? else {
        return Ok(());
    };
    let (line, column, rest) = encoding::at_offset(path, offset)?;
    let guess = if encoding::looks_like_chinese(&rest) {
        t!("load-looks-like-gbk", file = file)
    } else {
        t!("load-convert-to-utf8", file = file)
    };
    Err(Error::LoadRejected(format!(
        "{file}:{line}:{column}: {}",
        t!("load-not-utf8", guess = guess)
    )))
}
