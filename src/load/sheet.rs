//! Spreadsheets in `load`: the first sheet of an `.xlsx`, `.xlsm`, `.xls`
//! or `.ods` file (or the one `--sheet` names), read by calamine and
//! written as a temporary CSV that the usual path loads, cell for cell:
//! numbers, text, dates and empty cells keep their meaning. Problems name
//! the sheet and the cell (`Sheet1!C12`), as the person who made the
//! spreadsheet sees it.

use crate::t;
use std::io::{BufWriter, Write};
use std::path::Path;

use calamine::{Data, Reader, open_workbook_auto};

use crate::error::{Error, Result};

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

/// A sheet read whole, its header checked.
pub struct Sheet {
    pub original: String,
    pub name: String,
    /// Each column's name and its letters (`C`).
    pub columns: Vec<(String, String)>,
    range: calamine::Range<Data>,
    first_row: u32,
    first_column: u32,
}

impl Sheet {
    /// `Sheet1!C12` for a cell of the range (0, 0 being its first cell).
    pub fn cell(&self, row: usize, column: usize) -> String {
        format!(
            "{}!{}{}",
            self.name,
            letters(self.first_column + column as u32),
            self.first_row as usize + row + 1
        )
    }

    /// The indexes (0 being the header) of the rows that hold anything.
    pub fn data_row_indexes(&self) -> Vec<usize> {
        self.range
            .rows()
            .enumerate()
            .skip(1)
            // Spreadsheets often end in empty rows; they are no data.
            .filter(|(_, row)| row.iter().any(|value| *value != Data::Empty))
            .map(|(index, _)| index)
            .collect()
    }

    /// The cell at `row`, `column` of the range (0, 0 being its first).
    pub fn value(&self, row: usize, column: usize) -> &Data {
        self.range.get((row, column)).unwrap_or(&Data::Empty)
    }

    fn refused(&self, message: String) -> Error {
        Error::LoadRejected(format!("{}: {message}", self.original))
    }
}

/// Reads the sheet (`wanted`: a name, or a number from 1; the first when
/// `None`) of the workbook at `path`; the first row must name every column.
pub fn open_sheet(path: &Path, wanted: Option<&str>) -> Result<Sheet> {
    let original = path.display().to_string();
    let refused = |message: String| Error::LoadRejected(format!("{original}: {message}"));
    let mut book = open_workbook_auto(path)
        .map_err(|e| refused(t!("sheet-unreadable", reason = e.to_string())))?;
    let names = book.sheet_names();
    let name = match wanted {
        None => names.first().cloned(),
        // A sheet's name first: a sheet may be called 2023.
        Some(wanted) => names.iter().find(|n| *n == wanted).cloned().or_else(|| {
            let number = wanted.parse::<usize>().ok()?;
            number.checked_sub(1).and_then(|i| names.get(i).cloned())
        }),
    }
    .ok_or_else(|| {
        refused(match wanted {
            Some(wanted) => t!("sheet-missing", sheet = wanted, names = names.join(", ")),
            None => t!("sheet-none"),
        })
    })?;
    let range = book
        .worksheet_range(&name)
        .map_err(|e| refused(format!("sheet {name}: {e}")))?;
    let (first_row, first_column) = range.start().unwrap_or((0, 0));
    let mut sheet = Sheet {
        original,
        name,
        columns: Vec::new(),
        range,
        first_row,
        first_column,
    };
    let header: Vec<Data> = sheet
        .range
        .rows()
        .next()
        .map(<[Data]>::to_vec)
        .ok_or_else(|| sheet.refused(t!("sheet-empty", sheet = &sheet.name)))?;
    for (index, value) in header.iter().enumerate() {
        let name = match value {
            Data::Empty => {
                return Err(sheet.refused(format!(
                    "{}: {}",
                    sheet.cell(0, index),
                    t!("sheet-empty-header")
                )));
            }
            other => text_of(other, || sheet.cell(0, index)).map_err(|m| sheet.refused(m))?,
        };
        sheet
            .columns
            .push((name, letters(first_column + index as u32)));
    }
    Ok(sheet)
}

/// Copies the sheet (`wanted`: a name, or a number from 1; the first when
/// `None`) of the workbook at `path` as CSV.
pub fn to_csv(path: &Path, wanted: Option<&str>) -> Result<SheetCopy> {
    let sheet = open_sheet(path, wanted)?;
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
    for row in sheet.data_row_indexes() {
        for column in 0..sheet.columns.len() {
            if column > 0 {
                line.push(',');
            }
            let value = sheet.value(row, column);
            if *value != Data::Empty {
                let text =
                    text_of(value, || sheet.cell(row, column)).map_err(|m| sheet.refused(m))?;
                line.push_str(&quoted(&text));
            }
        }
        line.push('\n');
        // Excel counts rows from 1.
        copied.rows.push(sheet.first_row + row as u32 + 1);
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
