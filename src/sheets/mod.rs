//! Reading a spreadsheet's table, for `load` (which copies it to a CSV
//! file cell for cell) and for the `read_xlsx` function alike: the first
//! sheet of an `.xlsx`, `.xlsm`, `.xls` or `.ods` file (or the one asked
//! for), read by calamine, its table found under any title rows
//! ([`layout`]) and each cell read as it shows, a percent format included
//! (the number formats are read here, as calamine does not hand them out
//! for every format). Cells are named as the person who made the sheet
//! sees them (`Sheet1!C12`).

use std::collections::VecDeque;
use std::path::Path;
use std::sync::mpsc::{Receiver, sync_channel};

use calamine::{Data, Dimensions, Reader, Sheets, Xlsx, open_workbook, open_workbook_auto};

pub mod layout;
mod number_format;
mod ods_percents;
mod stream;
mod xls_percents;

use layout::SparseRow;
pub use layout::{CellRange, HeaderChoice, Layout};
use stream::{MESSAGES_AHEAD, Message, stream};

use crate::error::{Error, Result};
use crate::t;

/// Extensions of the spreadsheets `load` reads.
pub fn is_spreadsheet(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    [".xlsx", ".xlsm", ".xls", ".ods"]
        .iter()
        .any(|extension| lower.ends_with(extension))
}

/// Whether `load` reads the number formats of this spreadsheet (its
/// percent cells), so that a cell reads as what it shows: every `.xlsx`
/// and `.ods`, and an `.xls` saved by Excel 97 or later.
pub fn formats_read(file: &str) -> bool {
    let lower = file.to_ascii_lowercase();
    if lower.ends_with(".xls") {
        return xls_percents::readable(Path::new(file));
    }
    lower.ends_with(".xlsx") || lower.ends_with(".xlsm") || lower.ends_with(".ods")
}

/// A sheet being read row by row, its header found and checked.
pub struct Sheet {
    pub original: String,
    pub name: String,
    /// Each column's name and its letters (`C`).
    pub columns: Vec<(String, String)>,
    /// The last row of the header (from 0; −1 for a table without one
    /// that starts at the sheet's top): data rows count from it.
    pub first_row: i64,
    first_column: u32,
    rows: Rows,
    /// Rows read ahead (to find the header) and not yet handed out.
    pending: VecDeque<SparseRow>,
    /// The last row handed out, or the header's.
    previous_row: i64,
    /// Empty rows still to hand out (a table read past its empty rows).
    empty_rows: u32,
    ended: bool,
    layout: Reading,
    /// Notes under the table (`注：…`), with their cells, never data.
    pub notes: Vec<String>,
    /// Text above the header (a title), skipped: each cell (`Sheet1!A1`)
    /// and its text.
    pub skipped: Vec<(String, String)>,
}

/// How a sheet's table is read, once found.
#[derive(Clone, Copy)]
struct Reading {
    /// The table ends at its first empty row.
    stop_at_empty: bool,
    /// A row of data under that end is refused (`load`: it would be lost),
    /// not left unread (`read_xlsx`, as DuckDB's reader does).
    refuse_after_end: bool,
    /// The part of the sheet asked for (`range`); cells outside it are not
    /// read.
    range: Option<CellRange>,
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
        /// Cells (row, column) that show their fraction as a percent.
        percents: std::collections::HashSet<(u32, u32)>,
    },
}

impl Sheet {
    /// `Sheet1!C12` for a cell of the sheet (0, 0 being its first cell).
    pub fn cell(&self, row: usize, column: usize) -> String {
        format!(
            "{}!{}{}",
            self.name,
            letters(self.first_column + column as u32),
            self.first_row + row as i64 + 1
        )
    }

    pub fn refused(&self, message: String) -> Error {
        Error::LoadRejected(format!("{}: {message}", self.original))
    }

    /// The next row of the table, `None` at its end: the sheet's end, the
    /// range's, or (as asked) its first empty row or a note under it.
    pub fn next_row(&mut self) -> Result<Option<DataRow>> {
        if self.empty_rows > 0 {
            self.empty_rows -= 1;
            self.previous_row += 1;
            let index = (self.previous_row - self.first_row) as usize;
            return Ok(Some(DataRow {
                index,
                cells: vec![Data::Empty; self.columns.len()],
            }));
        }
        if self.ended {
            return Ok(None);
        }
        let Some((row, cells)) = self.next_table_row()? else {
            return Ok(None);
        };
        if i64::from(row) > self.previous_row + 1 {
            if self.layout.stop_at_empty {
                self.ended = true;
                self.read_after_end((row, cells))?;
                return Ok(None);
            }
            self.empty_rows = (i64::from(row) - self.previous_row - 1) as u32;
            self.pending.push_front((row, cells));
            return self.next_row();
        }
        if self.layout.stop_at_empty && layout::is_note(&cells, plain_text) {
            self.ended = true;
            self.read_after_end((row, cells))?;
            return Ok(None);
        }
        self.previous_row = i64::from(row);
        let index = (self.previous_row - self.first_row) as usize;
        let mut values = vec![Data::Empty; self.columns.len()];
        for (column, value) in cells {
            let named = column >= self.first_column
                && ((column - self.first_column) as usize) < self.columns.len();
            if !named {
                // A value left or right of the header: its column has no
                // name.
                return Err(self.refused(format!(
                    "{}!{}{}: {}",
                    self.name,
                    letters(column),
                    self.first_row + 1,
                    t!("sheet-empty-header")
                )));
            }
            values[(column - self.first_column) as usize] = value;
        }
        Ok(Some(DataRow {
            index,
            cells: values,
        }))
    }

    /// Rows under the table's end: notes are kept for the reader to tell;
    /// a row of data is refused when it would be lost silently.
    fn read_after_end(&mut self, first: SparseRow) -> Result<()> {
        let mut next = Some(first);
        while let Some((row, cells)) = next {
            if layout::is_note(&cells, plain_text) {
                let (column, value) = &cells[0];
                self.notes.push(format!(
                    "{}!{}{}: {}",
                    self.name,
                    letters(*column),
                    row + 1,
                    plain_text(value)
                ));
            } else if self.layout.refuse_after_end {
                let column = cells.first().map_or(0, |(c, _)| *c);
                return Err(self.refused(format!(
                    "{}!{}{}: {}",
                    self.name,
                    letters(column),
                    row + 1,
                    t!("sheet-row-after-end", end = self.previous_row + 2)
                )));
            } else {
                return Ok(());
            }
            next = self.next_table_row()?;
        }
        Ok(())
    }

    /// The next row that holds anything inside the range asked for.
    fn next_table_row(&mut self) -> Result<Option<SparseRow>> {
        loop {
            let Some((row, mut cells)) = (match self.pending.pop_front() {
                Some(row) => Some(row),
                None => self.next_sparse()?,
            }) else {
                return Ok(None);
            };
            if let Some(range) = self.layout.range {
                if range.last_row.is_some_and(|last| row > last) {
                    return Ok(None);
                }
                if row < range.first_row {
                    continue;
                }
                cells.retain(|(column, _)| range.holds_column(*column));
            }
            if !cells.is_empty() {
                return Ok(Some((row, cells)));
            }
        }
    }

    /// The sheet's next row that holds anything, as the workbook has it.
    fn next_sparse(&mut self) -> Result<Option<SparseRow>> {
        let Sheet { original, rows, .. } = self;
        match rows {
            Rows::Whole {
                range,
                next,
                percents,
            } => loop {
                if *next >= range.height() {
                    return Ok(None);
                }
                let index = *next;
                *next += 1;
                let (top, left) = range.start().unwrap_or((0, 0));
                let row = top + index as u32;
                let cells: Vec<(u32, Data)> = (0..range.width())
                    .filter_map(|column| {
                        let at = left + column as u32;
                        range
                            .get((index, column))
                            .filter(|value| **value != Data::Empty)
                            .map(|value| match value {
                                Data::Float(fraction) if percents.contains(&(row, at)) => {
                                    Data::String(number_format::as_percent(*fraction))
                                }
                                Data::Int(fraction) if percents.contains(&(row, at)) => {
                                    Data::String(number_format::as_percent(*fraction as f64))
                                }
                                other => other.clone(),
                            })
                            .map(|value| (at, value))
                    })
                    .collect();
                if !cells.is_empty() {
                    return Ok(Some((row, cells)));
                }
            },
            Rows::Streamed {
                receiver,
                pending,
                done,
            } => loop {
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
            },
        }
    }
}

/// A header cell's text, or a note's: what the cell shows.
fn plain_text(value: &Data) -> String {
    text_of(value, String::new).unwrap_or_default()
}

/// Opens the sheet (`wanted`: a name, or a number from 1; the first when
/// `None`) of the workbook at `path` and finds its table as `layout` says.
pub fn open_sheet(path: &Path, wanted: Option<&str>, layout: &Layout<'_>) -> Result<Sheet> {
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
    let (name, rows) = if streamable {
        let book: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| {
            refused(t!("sheet-unreadable", reason = e.to_string()))
        })?;
        let name = sheet_named(&book.sheet_names(), wanted).map_err(refused)?;
        let (sender, receiver) = sync_channel(MESSAGES_AHEAD);
        let thread_name = name.clone();
        let percents_as_shown = layout.percents_as_shown;
        std::thread::Builder::new()
            .name("xlsx-reader".to_string())
            .spawn(move || stream(book, &thread_name, percents_as_shown, &sender))
            .map_err(|e| Error::Engine(e.to_string()))?;
        let rows = Rows::Streamed {
            receiver,
            pending: VecDeque::new(),
            done: false,
        };
        (name, rows)
    } else {
        let mut book = open_workbook_auto(path)
            .map_err(|e| refused(t!("sheet-unreadable", reason = e.to_string())))?;
        let name = sheet_named(&book.sheet_names(), wanted).map_err(refused)?;
        let range = book.worksheet_range(&name).map_err(|e| {
            refused(t!(
                "sheet-unreadable-sheet",
                sheet = &name,
                reason = e.to_string()
            ))
        })?;
        // An .ods keeps each cell's value type, an .xls each cell's style:
        // a percentage reads as the percent it shows. (An .xls older than
        // Excel 97 keeps none that is read; `load` refuses a `（%）` column
        // of fractions from one.)
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let percents = match extension.as_str() {
            _ if !layout.percents_as_shown => Default::default(),
            "ods" => ods_percents::cells(path, &name),
            "xls" => xls_percents::cells(path, &name).unwrap_or_default(),
            _ => Default::default(),
        };
        (
            name,
            Rows::Whole {
                range,
                next: 0,
                percents,
            },
        )
    };
    let mut sheet = Sheet {
        original: original.clone(),
        name,
        columns: Vec::new(),
        first_row: 0,
        first_column: 0,
        rows,
        pending: VecDeque::new(),
        previous_row: 0,
        empty_rows: 0,
        ended: false,
        layout: Reading {
            stop_at_empty: layout.stop_at_empty,
            refuse_after_end: layout.refuse_after_end,
            range: layout.range,
        },
        notes: Vec::new(),
        skipped: Vec::new(),
    };
    // The first rows, and down to the row asked for.
    let asked = match layout.header {
        HeaderChoice::At(row) => Some(row),
        _ => None,
    };
    let mut window: Vec<SparseRow> = Vec::new();
    while window.len() < layout::WINDOW
        || asked.is_some_and(|row| window.last().is_some_and(|(last, _)| *last < row))
    {
        match sheet.next_table_row()? {
            Some(row) => window.push(row),
            None => break,
        }
    }
    if window.is_empty() {
        return Err(sheet.refused(t!("sheet-empty", sheet = &sheet.name)));
    }
    let header = if layout.has_header {
        let choice = match (&layout.header, layout.range) {
            (HeaderChoice::At(row), _) => HeaderChoice::At(*row),
            (_, Some(range)) => HeaderChoice::At(range.first_row.max(window[0].0)),
            (choice, None) => match choice {
                HeaderChoice::First => HeaderChoice::First,
                HeaderChoice::Best(names) => HeaderChoice::Best(*names),
                HeaderChoice::At(row) => HeaderChoice::At(*row),
            },
        };
        let at = layout::header_row(&window, &choice, plain_text).ok_or_else(|| {
            let row = match choice {
                HeaderChoice::At(row) => row + 1,
                _ => 1,
            };
            sheet.refused(t!("sheet-no-header-row", sheet = &sheet.name, row = row))
        })?;
        let merges = if layout::may_be_merged(&window, at) {
            merged_regions(path, &sheet.name, streamable)
        } else {
            Vec::new()
        };
        layout::header(&window, at, &merges, plain_text)
    } else {
        // No header: the columns are named by their letters, and the
        // table starts at its first row.
        let row = window[0].0;
        let first_column = window
            .iter()
            .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
            .min()
            .unwrap_or(0);
        let last_column = window
            .iter()
            .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
            .max()
            .unwrap_or(0);
        layout::Header {
            first_row: row,
            last_row: row,
            first_column,
            names: (first_column..=last_column)
                .map(|c| Some(letters(c)))
                .collect(),
            skipped: Vec::new(),
        }
    };
    // Data rows are counted from the row above the first: the header's
    // last row, or the one above a table without a header.
    let above_data = if layout.has_header {
        i64::from(header.last_row)
    } else {
        i64::from(header.first_row) - 1
    };
    sheet.first_row = above_data;
    sheet.previous_row = above_data;
    sheet.first_column = header.first_column;
    sheet.skipped = header
        .skipped
        .into_iter()
        .map(|(row, column, text)| {
            (
                format!("{}!{}{}", sheet.name, letters(column), row + 1),
                text,
            )
        })
        .collect();
    for (index, name) in header.names.into_iter().enumerate() {
        let Some(name) = name else {
            return Err(sheet.refused(format!(
                "{}!{}{}: {}",
                sheet.name,
                letters(header.first_column + index as u32),
                header.last_row + 1,
                t!("sheet-empty-header")
            )));
        };
        let column_letters = letters(header.first_column + index as u32);
        sheet.columns.push((name, column_letters));
    }
    // The rows under the header are the table's; those above were read.
    let data_from = if layout.has_header {
        header.last_row + 1
    } else {
        header.first_row
    };
    sheet
        .pending
        .extend(window.into_iter().filter(|(row, _)| *row >= data_from));
    sheet.columns.shrink_to_fit();
    Ok(sheet)
}

/// The merged regions of a sheet, read only when its first rows suggest a
/// header of merged cells: a second pass over an `.xlsx`.
fn merged_regions(path: &Path, sheet: &str, streamable: bool) -> Vec<Dimensions> {
    if streamable {
        let Ok(mut book) = open_workbook::<Xlsx<_>, _>(path) else {
            return Vec::new();
        };
        return book.merge_cells_by_sheet_name(sheet).unwrap_or_default();
    }
    match open_workbook_auto(path) {
        Ok(Sheets::Xls(book)) => book.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        Ok(Sheets::Xlsx(mut book)) => book.merge_cells_by_sheet_name(sheet).unwrap_or_default(),
        _ => Vec::new(),
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
