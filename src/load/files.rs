//! The first step of a load: the user's files as DuckDB can read them.
//! Folders and globs become file lists; spreadsheets become CSV copies of
//! their table (`sheet`), other encodings UTF-8 copies (`encoding`), and a
//! CSV file with a title or notes a copy of its table alone (`csv_layout`);
//! messages name the user's files, lines and cells, never the copies.

use std::path::{Path, PathBuf};

use super::{
    Column, FileFormat, LoadRequest, csv_delimiter, csv_layout, encoding, headers, sheet,
    sheet_copy,
};
use crate::error::{Error, Result};
use crate::t;

/// A new temporary file for a copy of the user's file, created exclusively
/// under a name no other copy has, and removed when the path is dropped.
/// `extension` keeps the original's (a `.tsv` copy is read with tabs).
pub(super) fn new_copy(extension: &str) -> Result<(std::fs::File, tempfile::TempPath)> {
    let file = tempfile::Builder::new()
        .prefix("clusterql-")
        .suffix(&format!(".{extension}"))
        .tempfile()
        .map_err(|e| Error::io(std::env::temp_dir(), e))?;
    Ok(file.into_parts())
}

/// Spreadsheets as CSV copies (kept in `sheets` until the load is over);
/// other files as they are.
pub(super) fn as_csv(
    files: &[String],
    request: &LoadRequest,
    columns: &[Column],
    sheets: &mut Vec<sheet_copy::SheetCopy>,
) -> Result<Vec<String>> {
    let mut out = Vec::new();
    let names_column = |text: &str| headers::column_of(request, text, columns).is_some();
    let layout = sheet::Layout::for_load(&names_column, request.header_row);
    for file in files {
        if !sheet::is_spreadsheet(file) {
            out.push(file.clone());
            continue;
        }
        let copy = sheet_copy::to_csv(Path::new(file), request.sheet.as_deref(), &layout)?;
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
/// `copies`), and stderr says what was left out.
pub(super) fn tables_of(
    files: &[String],
    request: &LoadRequest,
    columns: &[Column],
    sheets: &[sheet_copy::SheetCopy],
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
pub(super) fn with_original_names(
    error: Error,
    copies: &[encoding::Transcoded],
    sheets: &[sheet_copy::SheetCopy],
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
pub(super) fn renamed(text: &str, copy: &encoding::Transcoded) -> String {
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

/// Folders become the CSV or Parquet files below them; globs are passed to
/// DuckDB as they are.
pub(super) fn expand(paths: &[PathBuf]) -> Result<Vec<String>> {
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

pub(super) fn has_files(dir: &Path, extension: &str) -> bool {
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
pub(super) fn detect_format(files: &[String]) -> Result<FileFormat> {
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

/// Rejects text that is not UTF-8, naming the line and, when it looks like
/// it, the Chinese encoding it probably is.
pub(super) fn check_utf8(file: &str) -> Result<()> {
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
