//! A sheet's table as a temporary CSV file for `load`, cell for cell, with
//! what it takes to tell messages about the copy in the sheet's cells
//! (`Sheet1!C12`), as the person who made the spreadsheet sees them.

use std::io::{BufWriter, Write};
use std::path::Path;

use calamine::Data;

use crate::error::{Error, Result};
use crate::sheets::{Layout, open_sheet, text_of};
use crate::t;

/// A sheet copied as CSV; removed when dropped.
pub struct SheetCopy {
    pub original: String,
    pub sheet: String,
    pub copy: tempfile::TempPath,
    /// Each column's header, its letters (`C`), and the table column the
    /// header names (a dictionary title names another), which messages use.
    columns: Vec<(String, String, Option<String>)>,
    /// The sheet row of each CSV line from line 2 on, and of the header
    /// (line 1).
    rows: Vec<u32>,
    header_row: u32,
    /// Notes under the table and text above it, for stderr.
    pub notes: Vec<String>,
    /// Each cell above the table (`Sheet1!A1`) and its text.
    pub skipped: Vec<(String, String)>,
}

impl SheetCopy {
    /// Records which table column each header names, so that messages
    /// about a column find its letters.
    pub fn name_columns(&mut self, named: impl Fn(&str) -> Option<String>) {
        for (header, _, column) in &mut self.columns {
            *column = named(header);
        }
    }

    /// Where record `record` (from 1) of the copy is in the sheet: the cell
    /// of `column` (a table column, or a header) when the sheet has it,
    /// else the row.
    pub fn place(&self, record: i64, column: Option<&str>) -> String {
        let row = usize::try_from(record - 1)
            .ok()
            .and_then(|index| self.rows.get(index))
            .copied();
        let letters = column.and_then(|wanted| {
            self.columns
                .iter()
                .find(|(header, _, named)| named.as_deref() == Some(wanted) || header == wanted)
                .map(|(_, letters, _)| letters)
        });
        match (row, letters) {
            (Some(row), Some(letters)) => {
                format!("{} {}!{letters}{row}", self.original, self.sheet)
            }
            (Some(row), None) => t!(
                "sheet-row",
                file = &self.original,
                sheet = &self.sheet,
                row = row
            ),
            _ => format!("{} {}", self.original, self.sheet),
        }
    }

    /// The cell of the header `header` in the sheet.
    pub fn header_place(&self, header: &str) -> String {
        match self
            .columns
            .iter()
            .find(|(written, _, _)| written == header)
        {
            Some((_, letters, _)) => {
                format!(
                    "{} {}!{letters}{}",
                    self.original, self.sheet, self.header_row
                )
            }
            None => t!(
                "sheet-row",
                file = &self.original,
                sheet = &self.sheet,
                row = self.header_row
            ),
        }
    }
}

/// Copies the sheet (`wanted`: a name, or a number from 1; the first when
/// `None`) of the workbook at `path` as CSV.
pub fn to_csv(path: &Path, wanted: Option<&str>, layout: &Layout<'_>) -> Result<SheetCopy> {
    let mut sheet = open_sheet(path, wanted, layout)?;
    let (file, copy) = super::copies::new_copy("csv")?;
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
        header_row: (sheet.first_row + 1).max(1) as u32,
        notes: Vec::new(),
        skipped: Vec::new(),
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
        copied
            .rows
            .push((sheet.first_row + row.index as i64 + 1) as u32);
        if line.len() > 1 << 16 {
            out.write_all(line.as_bytes())
                .map_err(|e| Error::io(&copied.copy, e))?;
            line.clear();
        }
    }
    out.write_all(line.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| Error::io(&copied.copy, e))?;
    copied.notes = std::mem::take(&mut sheet.notes);
    copied.skipped = std::mem::take(&mut sheet.skipped);
    Ok(copied)
}

fn quoted(text: &str) -> String {
    if text.is_empty() || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}
