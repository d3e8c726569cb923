//! The table in a CSV file, found as in a sheet (`layout`): CSV saved from
//! an official spreadsheet keeps its title line above the header
//! (`2023年度…名单,,,,`) and its notes under the rows (`注：…,,,,`). Only
//! the file's head and tail are read to find them; a file that has either
//! is loaded from a copy of its table alone, and messages count lines as
//! the user's file has them.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;

use calamine::Data;

use crate::error::{Error, Result};
use crate::sheets::layout::{self, HeaderChoice, SparseRow};
use crate::t;

/// Bytes of the head and of the tail read to find the table.
const EDGE: u64 = 64 * 1024;

/// A CSV file's table, where it is not the whole file.
pub struct Trimmed {
    /// Lines above the header (titles), 0 when the header is line 1.
    pub lines_above: usize,
    /// Each line above the header (from 1) that holds text, and its text.
    pub titles: Vec<(usize, String)>,
    pub notes: Vec<String>,
    /// The bytes of the header and the rows.
    start: u64,
    end: u64,
}

/// Where the table of the UTF-8 CSV file `path` is: `None` when it is the
/// whole file (the usual case, which costs two small reads). `header_line`
/// (from 1) names the header's line; `shown` is the file as messages
/// name it. A line of data under the table's end is refused: it would be
/// lost.
pub fn find(
    path: &Path,
    shown: &str,
    names_column: &dyn Fn(&str) -> bool,
    header_line: Option<u32>,
) -> Result<Option<Trimmed>> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let size = file.metadata().map_err(|e| Error::io(path, e))?.len();
    let mut head = Vec::new();
    (&mut file)
        .take(EDGE)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(path, e))?;
    let bom = if head.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        0
    };
    let head_lines = lines(&head[bom..], size <= EDGE);
    // The header among the first lines, as a sheet's among its first rows.
    // Lines are judged one by one only up to a quoted field that runs on
    // to the next line (an odd number of quotes).
    let choice = match header_line {
        Some(line) => HeaderChoice::At(line.saturating_sub(1)),
        None => HeaderChoice::Best(names_column),
    };
    let looked_at = layout::WINDOW.max(header_line.unwrap_or(0) as usize);
    let window: Vec<SparseRow> = head_lines
        .iter()
        .take(looked_at)
        .take_while(|(_, text)| balanced(text))
        .enumerate()
        .map(|(index, (_, text))| (index as u32, cells(text)))
        .filter(|(_, cells)| !cells.is_empty())
        .collect();
    let Some(at) = layout::header_row(&window, &choice, plain) else {
        return match header_line {
            Some(line) => Err(Error::LoadRejected(format!(
                "{shown}:{line}: {}",
                t!("load-csv-no-header-line")
            ))),
            None => Ok(None),
        };
    };
    let lines_above = window[at].0 as usize;
    let start = bom as u64 + head_lines.get(lines_above).map_or(0, |(offset, _)| *offset);
    let titles = head_lines[..lines_above]
        .iter()
        .enumerate()
        .map(|(index, (_, text))| (index + 1, fields(text).join(" ").trim().to_string()))
        .filter(|(_, t)| !t.is_empty())
        .collect();

    // Notes and empty lines at the end: the table ends above them.
    let tail_start = size.saturating_sub(EDGE).max(start);
    file.seek(SeekFrom::Start(tail_start))
        .map_err(|e| Error::io(path, e))?;
    let mut tail = Vec::new();
    file.read_to_end(&mut tail)
        .map_err(|e| Error::io(path, e))?;
    let mut tail_lines = lines(&tail, true);
    if tail_start > start {
        // Read from the middle of the file, it starts mid-line.
        tail_lines.remove(0);
    }
    let mut trailing = Vec::new();
    for (offset, text) in tail_lines.iter().rev() {
        let row = cells(text);
        if row.len() >= 2 || !balanced(text) {
            break;
        }
        trailing.push((tail_start + offset, row));
    }
    // From the top of what trails: the table ends at its first empty line
    // or note (a line of one cell right above them is still a row); under
    // that end, only empty lines and notes.
    trailing.reverse();
    let mut end = size;
    let mut notes = Vec::new();
    for (offset, row) in trailing {
        let note = layout::is_note(&row, plain);
        if end == size {
            if !row.is_empty() && !note {
                continue;
            }
            end = offset;
        }
        match row.as_slice() {
            [] => {}
            [(_, value)] if note => notes.push(plain(value)),
            _ => {
                let text = row
                    .iter()
                    .map(|(_, v)| plain(v))
                    .collect::<Vec<_>>()
                    .join(",");
                return Err(Error::LoadRejected(format!(
                    "{shown}: {}",
                    t!("load-csv-row-after-end", text = text)
                )));
            }
        }
    }
    if lines_above == 0 && end == size {
        return Ok(None);
    }
    Ok(Some(Trimmed {
        lines_above,
        titles,
        notes,
        start,
        end,
    }))
}

impl Trimmed {
    /// Copies the table's bytes into a new temporary file.
    pub fn copy(&self, path: &Path) -> Result<tempfile::TempPath> {
        let (mut out, copy) = super::copies::new_copy("csv")?;
        let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
        file.seek(SeekFrom::Start(self.start))
            .map_err(|e| Error::io(path, e))?;
        std::io::copy(&mut file.take(self.end - self.start), &mut out)
            .and_then(|_| out.flush())
            .map_err(|e| Error::io(&copy, e))?;
        Ok(copy)
    }
}

/// Each whole line with its byte offset; the last one only if `complete`
/// (a head or tail cut mid-line ends in part of one).
fn lines(bytes: &[u8], complete: bool) -> Vec<(u64, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, byte) in bytes.iter().enumerate() {
        if *byte == b'\n' {
            let line = &bytes[start..at];
            let line = line.strip_suffix(b"\r").unwrap_or(line);
            out.push((start as u64, String::from_utf8_lossy(line).into_owned()));
            start = at + 1;
        }
    }
    if complete && start < bytes.len() {
        out.push((
            start as u64,
            String::from_utf8_lossy(&bytes[start..]).into_owned(),
        ));
    }
    // A tail read from the middle of the file starts mid-line.
    out
}

/// Whether a line closes every quote it opens.
fn balanced(line: &str) -> bool {
    line.matches('"').count() % 2 == 0
}

fn fields(line: &str) -> Vec<String> {
    crate::csv_line::split(line)
}

/// A line's cells that hold anything, as a sheet's row.
fn cells(line: &str) -> Vec<(u32, Data)> {
    fields(line)
        .into_iter()
        .enumerate()
        .filter(|(_, field)| !field.trim().is_empty())
        .map(|(column, field)| (column as u32, Data::String(field.trim().to_string())))
        .collect()
}

fn plain(value: &Data) -> String {
    match value {
        Data::String(text) => text.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Option<(usize, String, Vec<(usize, String)>, Vec<String>)> {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).expect("written");
        let names = |t: &str| t == "集群编号" || t == "产业链关键环节";
        let trimmed = find(&path, "t.csv", &names, None).expect("read")?;
        let copy = trimmed.copy(&path).expect("copied");
        let table = std::fs::read_to_string(&copy).expect("copy");
        Some((trimmed.lines_above, table, trimmed.titles, trimmed.notes))
    }

    #[test]
    fn a_plain_file_is_read_whole() {
        assert!(found("集群编号,产业链关键环节\nN2022-001,a\n").is_none());
    }

    #[test]
    fn titles_and_notes_are_cut_away() {
        let (above, table, titles, notes) = found(
            "链条名单,,\r\n,,\r\n集群编号,产业链关键环节\r\nN2022-001,a\r\nN2022-002,b\r\n,,\r\n注：不分先后,,\r\n",
        )
        .expect("trimmed");
        assert_eq!(above, 2);
        assert_eq!(
            table,
            "集群编号,产业链关键环节\r\nN2022-001,a\r\nN2022-002,b\r\n"
        );
        assert_eq!(titles, [(1, "链条名单".to_string())]);
        assert_eq!(notes, ["注：不分先后"]);
    }

    #[test]
    fn a_row_under_the_end_is_refused() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, "集群编号,产业链关键环节\nN2022-001,a\n\nN2022-002\n")
            .expect("written");
        let names = |t: &str| t == "集群编号";
        assert!(find(&path, "t.csv", &names, None).is_err());
    }

    #[test]
    fn a_quoted_field_over_two_lines_is_not_cut() {
        assert!(found("集群编号,产业链关键环节\nN2022-001,\"a\n\"\n").is_none());
    }

    #[test]
    fn a_note_right_under_the_rows_ends_them() {
        let (above, table, _, notes) =
            found("集群编号,产业链关键环节\nN2022-001,a\n数据来源：工信部\n").expect("trimmed");
        assert_eq!(above, 0);
        assert_eq!(table, "集群编号,产业链关键环节\nN2022-001,a\n");
        assert_eq!(notes, ["数据来源：工信部"]);
    }
}
