//! Spreadsheets in `load`: the first sheet of an `.xlsx`, `.xlsm`, `.xls`
//! or `.ods` file (or the one `--sheet` names), read by calamine and
//! written as a temporary CSV that the usual path loads, cell for cell:
//! numbers, text, dates and empty cells keep their meaning. Problems name
//! the sheet and the cell (`Sheet1!C12`), as the person who made the
//! spreadsheet sees it.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufReader, BufWriter, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use calamine::{Data, DataRef, Reader, Xlsx, open_workbook, open_workbook_auto};

use crate::error::{Error, Result};
use crate::t;

/// Extensions of the spreadsheets `load` reads.
pub fn is_spreadsheet(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|extension| lower.ends_with(extension))
}

/// A sheet copied as CSV; removed when dropped.
pub struct SheetCopy {
    pub original: String,
    pub sheet: String,
    pub copy: tempfile::TempPath,
    /// Each column's header, its letters (`C`), and the table column the
    /// header names (a dictionary title names another), which messages use.
    columns: Vec<(String, String, Option<String>)>,
    /// The sheet row of each CSV line from line 2 on.
    rows: Vec<u32>,
}

impl SheetCopy {
    /// Records which table column each header names, so that messages
    /// about a column find its letters.
    pub fn name_columns(&mut self, named: impl Fn(&str) -> Option<String>) {
        for (header, _, column) in &mut self.columns {
            *column = named(header);
        }
    }

    /// A message about the CSV copy, told in cells of the sheet:
    /// `copy.csv:3: column 'x': …` becomes `book.xlsx Sheet1!C4: column 'x': …`.
    pub fn in_cells(&self, message: &str) -> String {
        let copy = format!("{}:", self.copy.display());
        let mut out = String::new();
        let mut rest = message;
        while let Some(at) = rest.find(&copy) {
            out.push_str(&rest[..at]);
            let after = &rest[at + copy.len()..];
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            let line: usize = after[..digits].parse().unwrap_or(0);
            let row = line
                .checked_sub(2)
                .and_then(|index| self.rows.get(index))
                .copied();
            let column = self.columns.iter().find(|(header, _, named)| {
                let name = named.as_deref().unwrap_or(header);
                after[digits..].starts_with(&format!(": column '{name}'"))
            });
            match (row, column) {
                (Some(row), Some((_, letters, _))) => {
                    out.push_str(&format!("{} {}!{letters}{row}", self.original, self.sheet))
                }
                (Some(row), None) => {
                    out.push_str(&format!("{} {} row {row}", self.original, self.sheet))
                }
                _ => out.push_str(&format!("{} {}", self.original, self.sheet)),
            }
            rest = &after[digits..];
        }
        out.push_str(rest);
        // Anything else that names the copy (DuckDB's own messages).
        out.replace(
            &self.copy.display().to_string(),
            &format!("{} {}", self.original, self.sheet),
        )
    }
}

/// A sheet being read row by row, its header checked.
pub struct Sheet {
    pub original: String,
    pub name: String,
    /// Each column's name and its letters (`C`).
    pub columns: Vec<(String, String)>,
    first_row: u32,
    first_column: u32,
    rows: Rows,
}

/// One row of data: its index (the header being 0) and a value a column.
pub struct DataRow {
    pub index: usize,
    pub cells: Vec<Data>,
}

/// Where a sheet's rows come from. An `.xlsx` is streamed cell by cell by a
/// thread of its own, a few hundred rows ahead, so memory stays flat
/// whatever the sheet's size; older formats (`.xls`, `.ods`) are read
/// whole by calamine and walked.
enum Rows {
    Streamed {
        receiver: Receiver<Message>,
        pending: VecDeque<SparseRow>,
        done: bool,
    },
    Whole {
        range: calamine::Range<Data>,
        next: usize,
    },
}

/// A row as the XML has it: its sheet row and its cells' columns, both
/// counted from 0, only the cells that exist.
type SparseRow = (u32, Vec<(u32, Data)>);

enum Message {
    Rows(Vec<SparseRow>),
    Failed(String),
    /// Every row has been sent: a channel that closes without this means
    /// the reading thread died, and the sheet was not read to its end.
    End,
}

/// Rows a reading thread sends at a time, and batches it may run ahead.
const ROWS_A_MESSAGE: usize = 256;
const MESSAGES_AHEAD: usize = 8;

impl Sheet {
    /// `Sheet1!C12` for a cell of the sheet (0, 0 being its first cell).
    pub fn cell(&self, row: usize, column: usize) -> String {
        format!(
            "{}!{}{}",
            self.name,
            letters(self.first_column + column as u32),
            self.first_row as usize + row + 1
        )
    }

    fn refused(&self, message: String) -> Error {
        Error::LoadRejected(format!("{}: {message}", self.original))
    }

    /// The next row that holds anything; spreadsheets often end in empty
    /// rows, which are no data.
    pub fn next_row(&mut self) -> Result<Option<DataRow>> {
        loop {
            let Some((index, cells)) = self.next_any_row()? else {
                return Ok(None);
            };
            if index == 0 {
                continue;
            }
            if cells.iter().any(|value| *value != Data::Empty) {
                return Ok(Some(DataRow { index, cells }));
            }
        }
    }

    /// The next row of the sheet, empty or not, as (index, a value a column).
    fn next_any_row(&mut self) -> Result<Option<(usize, Vec<Data>)>> {
        let width = self.columns.len().max(1);
        let (first_row, first_column) = (self.first_row, self.first_column);
        match &mut self.rows {
            Rows::Whole { range, next } => {
                if *next >= range.height() {
                    return Ok(None);
                }
                let index = *next;
                *next += 1;
                let cells = (0..range.width())
                    .map(|column| range.get((index, column)).cloned().unwrap_or(Data::Empty))
                    .collect();
                Ok(Some((index, cells)))
            }
            Rows::Streamed { .. } => {
                let Some((row, cells)) = self.next_sparse()? else {
                    return Ok(None);
                };
                let index = row.saturating_sub(first_row) as usize;
                let mut values = vec![Data::Empty; width];
                for (column, value) in cells {
                    let named = column >= first_column
                        && ((column - first_column) as usize) < self.columns.len();
                    if !named {
                        // A value left or right of the header: its column
                        // has no name.
                        return Err(self.refused(format!(
                            "{}!{}{}: {}",
                            self.name,
                            letters(column),
                            first_row + 1,
                            t!("sheet-empty-header")
                        )));
                    }
                    if let Some(slot) = values.get_mut((column - first_column) as usize) {
                        *slot = value;
                    }
                }
                Ok(Some((index, values)))
            }
        }
    }

    fn next_sparse(&mut self) -> Result<Option<SparseRow>> {
        let Sheet { original, rows, .. } = self;
        let Rows::Streamed {
            receiver,
            pending,
            done,
        } = rows
        else {
            return Ok(None);
        };
        loop {
            if let Some(row) = pending.pop_front() {
                return Ok(Some(row));
            }
            if *done {
                return Ok(None);
            }
            match receiver.recv() {
                Ok(Message::Rows(rows)) => pending.extend(rows),
                Ok(Message::End) => *done = true,
                Ok(Message::Failed(message)) => {
                    return Err(Error::LoadRejected(format!("{original}: {message}")));
                }
                Err(_) => {
                    return Err(Error::LoadRejected(format!(
                        "{original}: {}",
                        t!("sheet-reader-stopped")
                    )));
                }
            }
        }
    }
}

/// Opens the sheet (`wanted`: a name, or a number from 1; the first when
/// `None`) of the workbook at `path` and reads its header; the first row
/// must name every column.
pub fn open_sheet(path: &Path, wanted: Option<&str>) -> Result<Sheet> {
    let original = path.display().to_string();
    let refused = |message: String| Error::LoadRejected(format!("{original}: {message}"));
    let streamable = ["xlsx", "xlsm"].contains(
        &path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str(),
    );
    let mut sheet = if streamable {
        let book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| {
            refused(t!("sheet-unreadable", reason = e.to_string()))
        })?;
        let name = sheet_named(&book.sheet_names(), wanted).map_err(refused)?;
        let (sender, receiver) = sync_channel(MESSAGES_AHEAD);
        let thread_name = name.clone();
        std::thread::Builder::new()
            .name("xlsx-reader".to_string())
            .spawn(move || stream(book, &thread_name, &sender))
            .map_err(|e| Error::Engine(e.to_string()))?;
        let mut sheet = Sheet {
            original: original.clone(),
            name,
            columns: Vec::new(),
            first_row: 0,
            first_column: 0,
            rows: Rows::Streamed {
                receiver,
                pending: VecDeque::new(),
                done: false,
            },
        };
        // The header is the first row that has values, from its first to
        // its last; a gap in it is a column without a name.
        let Some((row, cells)) = sheet.next_sparse()? else {
            return Err(sheet.refused(t!("sheet-empty", sheet = &sheet.name)));
        };
        sheet.first_row = row;
        let first = cells.iter().map(|(column, _)| *column).min().unwrap_or(0);
        let last = cells.iter().map(|(column, _)| *column).max().unwrap_or(0);
        sheet.first_column = first;
        let mut header = vec![Data::Empty; (last - first + 1) as usize];
        for (column, value) in cells {
            if let Some(slot) = header.get_mut((column - first) as usize) {
                *slot = value;
            }
        }
        sheet.name_columns(&header)?;
        sheet
    } else {
        let mut book = open_workbook_auto(path)
            .map_err(|e| refused(t!("sheet-unreadable", reason = e.to_string())))?;
        let name = sheet_named(&book.sheet_names(), wanted).map_err(refused)?;
        let range = book
            .worksheet_range(&name)
            .map_err(|e| refused(format!("sheet {name}: {e}")))?;
        let (first_row, first_column) = range.start().unwrap_or((0, 0));
        let header: Vec<Data> = range
            .rows()
            .next()
            .map(<[Data]>::to_vec)
            .unwrap_or_default();
        let mut sheet = Sheet {
            original: original.clone(),
            name,
            columns: Vec::new(),
            first_row,
            first_column,
            rows: Rows::Whole { range, next: 1 },
        };
        if header.is_empty() {
            return Err(sheet.refused(t!("sheet-empty", sheet = &sheet.name)));
        }
        sheet.name_columns(&header)?;
        sheet
    };
    sheet.columns.shrink_to_fit();
    Ok(sheet)
}

impl Sheet {
    /// Names the columns from the header row; an empty header cell (a
    /// merged or missing name) is refused.
    fn name_columns(&mut self, header: &[Data]) -> Result<()> {
        for (index, value) in header.iter().enumerate() {
            let name = match value {
                Data::Empty => {
                    return Err(self.refused(format!(
                        "{}: {}",
                        self.cell(0, index),
                        t!("sheet-empty-header")
                    )));
                }
                other => text_of(other, || self.cell(0, index)).map_err(|m| self.refused(m))?,
            };
            let column_letters = letters(self.first_column + index as u32);
            self.columns.push((name, column_letters));
        }
        Ok(())
    }
}

/// The sheet `wanted` names: a sheet's name first (a sheet may be called
/// 2023), else its number from 1; the first sheet when nothing is asked.
fn sheet_named(names: &[String], wanted: Option<&str>) -> std::result::Result<String, String> {
    match wanted {
        None => names.first().cloned(),
        Some(wanted) => names.iter().find(|n| *n == wanted).cloned().or_else(|| {
            let number = wanted.parse::<usize>().ok()?;
            number.checked_sub(1).and_then(|i| names.get(i).cloned())
        }),
    }
    .ok_or_else(|| match wanted {
        Some(wanted) => t!("sheet-missing", sheet = wanted, names = names.join(", ")),
        None => t!("sheet-none"),
    })
}

/// The reading thread: the sheet's cells in the XML's order, gathered into
/// rows. It stops when the reader goes away.
fn stream(mut book: Xlsx<BufReader<File>>, name: &str, sender: &SyncSender<Message>) {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(error) => {
            let _ = sender.send(Message::Failed(error.to_string()));
            return;
        }
    };
    let mut batch: Vec<SparseRow> = Vec::with_capacity(ROWS_A_MESSAGE);
    let mut current: Option<SparseRow> = None;
    loop {
        match reader.next_cell() {
            Ok(Some(cell)) => {
                // A formatted cell without a value is no cell, as in
                // calamine's whole-sheet ranges.
                if *cell.get_value() == DataRef::Empty {
                    continue;
                }
                let (row, column) = cell.get_position();
                let value = Data::from(cell.get_value().clone());
                match &mut current {
                    Some((at, cells)) if *at == row => cells.push((column, value)),
                    _ => {
                        if let Some(done) = current.replace((row, vec![(column, value)])) {
                            batch.push(done);
                            if batch.len() == ROWS_A_MESSAGE {
                                let full = std::mem::replace(
                                    &mut batch,
                                    Vec::with_capacity(ROWS_A_MESSAGE),
                                );
                                if sender.send(Message::Rows(full)).is_err() {
                                    return;
                                }
                            }
                        }
                    }
                }
            }
            Ok(None) => break,
            Err(error) => {
                let _ = sender.send(Message::Failed(error.to_string()));
                return;
            }
        }
    }
    batch.extend(current);
    if !batch.is_empty() && sender.send(Message::Rows(batch)).is_err() {
        return;
    }
    let _ = sender.send(Message::End);
}

/// Copies the sheet (`wanted`: a name, or a number from 1; the first when
/// `None`) of the workbook at `path` as CSV.
pub fn to_csv(path: &Path, wanted: Option<&str>) -> Result<SheetCopy> {
    let mut sheet = open_sheet(path, wanted)?;
    let (file, copy) = super::new_copy("csv")?;
    let mut copied = SheetCopy {
        original: sheet.original.clone(),
        sheet: sheet.name.clone(),
        copy,
        columns: sheet
            .columns
            .iter()
            .map(|(header, letters)| (header.clone(), letters.clone(), None))
            .collect(),
        rows: Vec::new(),
    };
    let mut out = BufWriter::new(file);
    let mut line = String::new();
    let header_line: Vec<String> = copied.columns.iter().map(|(n, _, _)| quoted(n)).collect();
    line.push_str(&header_line.join(","));
    line.push('\n');
    while let Some(row) = sheet.next_row()? {
        for (column, value) in row.cells.iter().enumerate() {
            if column > 0 {
                line.push(',');
            }
            if *value != Data::Empty {
                let text = text_of(value, || sheet.cell(row.index, column))
                    .map_err(|m| sheet.refused(m))?;
                line.push_str(&quoted(&text));
            }
        }
        line.push('\n');
        // Excel counts rows from 1.
        copied.rows.push(sheet.first_row + row.index as u32 + 1);
        if line.len() > 1 << 16 {
            out.write_all(line.as_bytes())
                .map_err(|e| Error::io(&copied.copy, e))?;
            line.clear();
        }
    }
    out.write_all(line.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io(&copied.copy, e))?;
    Ok(copied)
}

/// A cell's value as the text DuckDB casts to the column's type: whole
/// numbers without a fraction, dates as ISO dates, errors refused.
pub fn text_of(value: &Data, cell: impl Fn() -> String) -> std::result::Result<String, String> {
    Ok(match value {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(number) => number.to_string(),
        Data::Float(number) if number.fract() == 0.0 && number.abs() < 1e15 => {
            format!("{number:.0}")
        }
        Data::Float(number) => number.to_string(),
        Data::Bool(flag) => flag.to_string(),
        Data::DateTime(moment) if moment.is_duration() => {
            // A duration (`[h]:mm`) counts days; DuckDB casts this text to
            // an INTERVAL.
            let seconds = (moment.as_f64() * 86_400.0).round() as i64;
            format!(
                "{:02}:{:02}:{:02}",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60
            )
        }
        Data::DateTime(moment) => {
            // calamine knows the workbook's date system (1900 or 1904).
            let (year, month, day, hour, minute, second, milli) = moment.to_ymd_hms_milli();
            let mut text = format!("{year:04}-{month:02}-{day:02}");
            if (hour, minute, second, milli) != (0, 0, 0, 0) {
                text.push_str(&format!(" {hour:02}:{minute:02}:{second:02}"));
                if milli > 0 {
                    text.push_str(&format!(".{milli:03}"));
                }
            }
            text
        }
        Data::Error(error) => {
            return Err(format!(
                "{}: {}",
                cell(),
                t!("sheet-error-cell", error = error.to_string())
            ));
        }
    })
}

fn quoted(text: &str) -> String {
    if text.is_empty() || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// A column's letters: 0 is A, 25 Z, 26 AA.
fn letters(mut column: u32) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_in_excel() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
        assert_eq!(letters(701), "ZZ");
        assert_eq!(letters(702), "AAA");
    }
}
