//! A load's problems as records (a file's record, the column, what is
//! wrong, the other records it concerns), told only when the load is
//! refused, each at the place the user sees: the line an editor shows in a
//! text file ([`lines`](super::lines)), a sheet's cell, a Parquet row. No
//! message is read back to find where it points.

use std::fmt::Write as _;
use std::path::Path;

use super::sheet_copy::SheetCopy;
use crate::error::{Error, Result};
use crate::t;

/// Problems listed in full before the rest are only counted.
pub(super) const PROBLEM_LIMIT: usize = 20;

/// `(file, record)` pairs of a DuckDB list of `{'f': …, 'l': …}`.
pub(super) fn places_in(list: &duckdb::types::Value) -> Vec<(String, i64)> {
    use duckdb::types::Value;
    let Value::List(items) = list else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|item| {
            let Value::Struct(fields) = item else {
                return None;
            };
            let mut file = None;
            let mut record = None;
            for (name, value) in fields.iter() {
                match (name.as_str(), value) {
                    ("f", Value::Text(text)) => file = Some(text.clone()),
                    ("l", Value::BigInt(n)) => record = Some(*n),
                    _ => {}
                }
            }
            Some((file?, record?))
        })
        .collect()
}

/// A problem: said as it is (of a header, of the files), or at a record
/// of a file (its number there, from 1), perhaps with other records it
/// concerns too (a key held twice). Records become lines or cells only
/// when the problems are told ([`Places`]), so no message is ever read
/// back to find where it points.
enum Problem {
    Said(String),
    /// A problem of some files of a load and not of others (a column one
    /// file lacks): told under those files' names.
    OfFiles {
        files: Vec<String>,
        text: String,
    },
    /// A problem of a header in the files that share it: told at the
    /// header's cell or line in each.
    OfHeader {
        files: Vec<String>,
        header: String,
        text: String,
    },
    At {
        file: String,
        record: i64,
        /// The table column it concerns, which a sheet shows as a letter.
        column: Option<String>,
        text: String,
        also: Vec<(String, i64)>,
    },
}

/// Problems found, kept up to the limit and counted beyond it.
#[derive(Default)]
pub(super) struct Problems {
    listed: Vec<Problem>,
    more: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        if self.listed.len() < PROBLEM_LIMIT {
            self.listed.push(problem);
        } else {
            self.more += 1;
        }
    }

    /// A problem told as it is, its place in its text.
    pub(super) fn add(&mut self, problem: String) {
        self.push(Problem::Said(problem));
    }

    /// A problem of the `files` read, and not of the load's other files.
    pub(super) fn add_of_files(&mut self, files: &[String], text: String) {
        self.push(Problem::OfFiles {
            files: files.to_vec(),
            text,
        });
    }

    /// A problem of the header `header` of the `files` read.
    pub(super) fn add_of_header(&mut self, files: &[String], header: &str, text: String) {
        self.push(Problem::OfHeader {
            files: files.to_vec(),
            header: header.to_string(),
            text,
        });
    }

    /// A problem of one record (`record` from 1) of `file`, in `column`
    /// of the table when it concerns one.
    pub(super) fn add_at(&mut self, file: String, record: i64, column: Option<&str>, text: String) {
        self.add_at_also(file, record, column, text, Vec::new());
    }

    /// A problem of a record and of others (`also`: file and record).
    pub(super) fn add_at_also(
        &mut self,
        file: String,
        record: i64,
        column: Option<&str>,
        text: String,
        also: Vec<(String, i64)>,
    ) {
        self.push(Problem::At {
            file,
            record,
            column: column.map(str::to_string),
            text,
            also,
        });
    }

    /// The problems told, each record at its line as the file shows it
    /// (`places`), or `Ok` when there are none.
    pub(super) fn into_result_at(self, places: &Places<'_>) -> Result<()> {
        if self.listed.is_empty() {
            return Ok(());
        }
        let mut wanted: Vec<(String, i64)> = Vec::new();
        for problem in &self.listed {
            if let Problem::At {
                file, record, also, ..
            } = problem
            {
                wanted.push((file.clone(), *record));
                wanted.extend(also.iter().cloned());
            }
        }
        let lines = places.lines(&wanted);
        let at = |file: &str, record: i64, column: Option<&str>| {
            if let Some(sheet) = places.sheets.iter().find(|s| *s.copy == *Path::new(file)) {
                return sheet.place(record, column);
            }
            let line = lines
                .get(&(file.to_string(), record))
                .copied()
                .unwrap_or(record);
            let shown = places
                .text_files
                .iter()
                .find(|text| text.read == file)
                .map_or(file, |text| text.shown.as_str());
            format!("{shown}:{line}")
        };
        let count = self.listed.len() + self.more;
        let mut text = t!("load-rejected", count = count);
        for problem in &self.listed {
            let told = match problem {
                Problem::Said(said) => said.clone(),
                Problem::OfFiles { files, text } => {
                    let shown: Vec<String> = files
                        .iter()
                        .map(|file| places.file_shown(file).unwrap_or_else(|| file.clone()))
                        .collect();
                    format!("{}: {text}", shown.join(", "))
                }
                Problem::OfHeader {
                    files,
                    header,
                    text,
                } => {
                    let at: Vec<String> = files
                        .iter()
                        .map(|file| places.of_header(file, header))
                        .collect();
                    format!(
                        "{}: {}",
                        at.join(", "),
                        t!("load-at-header", header = header, problem = text)
                    )
                }
                Problem::At {
                    file,
                    record,
                    column,
                    text,
                    also,
                } => {
                    let column = column.as_deref();
                    let mut told = format!("{}: {text}", at(file, *record, column));
                    if !also.is_empty() {
                        let others: Vec<String> =
                            also.iter().map(|(f, r)| at(f, *r, column)).collect();
                        told.push_str(&t!("load-also-at", places = others.join(", ")));
                    }
                    told
                }
            };
            let _ = write!(text, "\n  {told}");
        }
        if self.more > 0 {
            let _ = write!(text, "\n  {}", t!("load-and-more", count = self.more));
        }
        Err(Error::LoadRejected(text))
    }
}

/// How the records of the files DuckDB read are shown: a CSV file's by the
/// line an editor shows (found by [`lines`](super::lines) when a problem
/// names one), a Parquet file's by its row, a sheet's copy by the cell of
/// the sheet the record came from.
#[derive(Default)]
pub(super) struct Places<'s> {
    /// The CSV files read as they are or as copies of the user's text:
    /// their lines are looked up.
    pub text_files: Vec<TextFile>,
    /// Whether the records are a Parquet file's rows (counted from 1).
    pub rows: bool,
    /// The sheets read through CSV copies.
    pub sheets: &'s [SheetCopy],
}

/// A CSV file DuckDB read, and how the user knows it.
pub(super) struct TextFile {
    /// The file DuckDB read (the user's, or a UTF-8 copy of its table).
    pub read: String,
    /// The user's file.
    pub shown: String,
    pub delimiter: u8,
    /// Lines of the user's file above the first of the one read (a title
    /// cut away).
    pub lines_above: i64,
}

impl Places<'_> {
    /// How the user knows the file read as `file`: their file, with the
    /// sheet's name for a sheet; `None` for a file read as it is.
    pub(super) fn file_shown(&self, file: &str) -> Option<String> {
        if let Some(sheet) = self.sheets.iter().find(|s| *s.copy == *Path::new(file)) {
            return Some(format!("{} {}", sheet.original, sheet.sheet));
        }
        self.text_files
            .iter()
            .find(|text| text.read == file)
            .map(|text| text.shown.clone())
    }

    /// Where the header `header` is in `file` as read: its cell in a
    /// sheet, its line in a text file (below a title cut away), or the
    /// file alone for a Parquet file, whose header is its schema.
    fn of_header(&self, file: &str, header: &str) -> String {
        if let Some(sheet) = self.sheets.iter().find(|s| *s.copy == *Path::new(file)) {
            return sheet.header_place(header);
        }
        if let Some(text) = self.text_files.iter().find(|t| t.read == file) {
            return format!("{}:{}", text.shown, text.lines_above + 1);
        }
        if self.rows {
            file.to_string()
        } else {
            format!("{file}:1")
        }
    }

    /// The line (or row) of each `(file, record)` asked for.
    fn lines(&self, wanted: &[(String, i64)]) -> std::collections::HashMap<(String, i64), i64> {
        let mut found = std::collections::HashMap::new();
        for (file, record) in wanted {
            // Until looked up: the header on line 1, a record a line.
            let line = if self.rows { *record } else { record + 1 };
            found.insert((file.clone(), *record), line);
        }
        for text in &self.text_files {
            let records: std::collections::BTreeSet<i64> = wanted
                .iter()
                .filter(|(f, _)| *f == text.read)
                .map(|(_, r)| *r)
                .collect();
            if records.is_empty() {
                continue;
            }
            if let Ok(lines) =
                super::lines::of_records(Path::new(&text.read), text.delimiter, &records)
            {
                for (record, line) in lines {
                    found.insert((text.read.clone(), record), line);
                }
            }
            for ((file, _), line) in found.iter_mut() {
                if *file == text.read {
                    *line += text.lines_above;
                }
            }
        }
        found
    }
}
