//! The cells of an `.xls` sheet formatted as a percent. An Excel 97-2003
//! workbook keeps such a cell as its fraction (0.352 for 35.2 %), and the
//! cell's format only through its XF record (the cell's style), which
//! names a built-in format or a FORMAT record; calamine reads the fraction
//! and keeps no more of the format than whether it is a date. So the
//! workbook stream is read once more, record by record (never whole), for
//! the places of those cells alone.
//!
//! The records read (all in the BIFF8 workbook stream of the file's
//! compound document): FORMAT (a custom format's code), XF (each style's
//! format), BOUNDSHEET (where a sheet's records start), and in the sheet's
//! records NUMBER, RK, MULRK and FORMULA, the cells that hold numbers.

use std::collections::{HashMap, HashSet};
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::number_format::{BUILT_IN_PERCENTS, code_shows_percent};

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const FORMAT: u16 = 0x041E;
const XF: u16 = 0x00E0;
const BOUNDSHEET: u16 = 0x0085;
const NUMBER: u16 = 0x0203;
const RK: u16 = 0x027E;
const MULRK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
/// The BOF record's version of BIFF8, the only layout read here.
const BIFF8: u16 = 0x0600;

/// Whether the file is an Excel 97-2003 (BIFF8) workbook, whose formats
/// [`cells`] reads. Older workbooks (Excel 5 and 95) are read by calamine
/// without them; `load` then refuses a `（%）` column holding a fraction.
pub fn readable(path: &Path) -> bool {
    open(path).is_some()
}

/// The (row, column) of every cell of the sheet `name` formatted as a
/// percent, both from 0 as calamine counts them; `None` when the file is
/// not a BIFF8 workbook that can be read so.
pub fn cells(path: &Path, name: &str) -> Option<HashSet<(u32, u32)>> {
    let mut records = open(path)?;
    let globals = Globals::read(&mut records)?;
    let start = globals.sheets.get(name)?;
    records.seek(*start)?;
    let mut found = HashSet::new();
    // A chart inside the sheet has records of its own between a BOF and
    // an EOF; the sheet ends at the EOF of its own depth.
    let mut depth = 0usize;
    while let Some((kind, data)) = records.next() {
        match kind {
            BOF => depth += 1,
            EOF => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    break;
                }
            }
            NUMBER | RK | FORMULA if data.len() >= 6 => {
                if globals.is_percent(u16_at(data, 4)) {
                    found.insert((u32::from(u16_at(data, 0)), u32::from(u16_at(data, 2))));
                }
            }
            MULRK if data.len() >= 6 => {
                let row = u32::from(u16_at(data, 0));
                let first = u32::from(u16_at(data, 2));
                // Six bytes a cell (its XF, its RK number) between the
                // first column and the last column's two bytes.
                for (index, cell) in data[4..data.len() - 2].chunks_exact(6).enumerate() {
                    if globals.is_percent(u16_at(cell, 0)) {
                        found.insert((row, first + index as u32));
                    }
                }
            }
            _ => {}
        }
    }
    Some(found)
}

/// What the workbook's globals say of formats and sheets.
struct Globals {
    /// For each XF record in order, whether its format shows a percent.
    percent_styles: Vec<bool>,
    /// Each sheet's name and where its records start in the stream.
    sheets: HashMap<String, u64>,
}

impl Globals {
    fn read<R: Read + Seek>(records: &mut Records<R>) -> Option<Self> {
        let mut custom_percents: HashMap<u16, bool> = HashMap::new();
        let mut style_formats: Vec<u16> = Vec::new();
        let mut sheets = HashMap::new();
        while let Some((kind, data)) = records.next() {
            match kind {
                EOF => break,
                FORMAT if data.len() >= 5 => {
                    let code = unicode_string(&data[2..], 2);
                    custom_percents.insert(u16_at(data, 0), code_shows_percent(&code));
                }
                XF if data.len() >= 4 => style_formats.push(u16_at(data, 2)),
                BOUNDSHEET if data.len() >= 8 => {
                    let start = u32::from_le_bytes([data[0], data[1], data[2], data[3]]);
                    sheets.insert(unicode_string(&data[6..], 1), u64::from(start));
                }
                _ => {}
            }
        }
        let percent_styles = style_formats
            .into_iter()
            .map(|format| {
                custom_percents
                    .get(&format)
                    .copied()
                    .unwrap_or_else(|| BUILT_IN_PERCENTS.contains(&u32::from(format)))
            })
            .collect();
        Some(Self {
            percent_styles,
            sheets,
        })
    }

    fn is_percent(&self, style: u16) -> bool {
        self.percent_styles.get(usize::from(style)) == Some(&true)
    }
}

/// The workbook stream of a BIFF8 file, positioned after its first BOF.
fn open(path: &Path) -> Option<Records<cfb::Stream<std::fs::File>>> {
    let mut file = cfb::open(path).ok()?;
    let stream = file.open_stream("/Workbook").ok()?;
    let mut records = Records::new(stream);
    let (kind, data) = records.next()?;
    (kind == BOF && data.len() >= 2 && u16_at(data, 0) == BIFF8).then_some(records)
}

/// A stream read one record (a type, a length, that many bytes) at a time.
struct Records<R> {
    reader: BufReader<R>,
    data: Vec<u8>,
}

impl<R: Read + Seek> Records<R> {
    fn new(inner: R) -> Self {
        Self {
            reader: BufReader::new(inner),
            data: Vec::new(),
        }
    }

    fn seek(&mut self, offset: u64) -> Option<()> {
        self.reader.seek(SeekFrom::Start(offset)).ok().map(|_| ())
    }

    /// The next record's type and bytes; `None` at the stream's end.
    fn next(&mut self) -> Option<(u16, &[u8])> {
        let mut header = [0u8; 4];
        self.reader.read_exact(&mut header).ok()?;
        let kind = u16::from_le_bytes([header[0], header[1]]);
        let length = usize::from(u16::from_le_bytes([header[2], header[3]]));
        self.data.resize(length, 0);
        self.reader.read_exact(&mut self.data).ok()?;
        Some((kind, &self.data))
    }
}

fn u16_at(data: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([data[at], data[at + 1]])
}

/// A BIFF8 string: its length in characters (`length_bytes` of them, 1 or
/// 2), a flags byte whose low bit says two bytes a character (UTF-16)
/// rather than one (the character's low byte), then the characters.
fn unicode_string(data: &[u8], length_bytes: usize) -> String {
    if data.len() < length_bytes + 1 {
        return String::new();
    }
    let length = match length_bytes {
        1 => usize::from(data[0]),
        _ => usize::from(u16_at(data, 0)),
    };
    let wide = data[length_bytes] & 1 == 1;
    let text = &data[length_bytes + 1..];
    if wide {
        let units: Vec<u16> = text
            .chunks_exact(2)
            .take(length)
            .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        text.iter().take(length).map(|&b| char::from(b)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_of_one_and_two_bytes_a_character() {
        assert_eq!(unicode_string(&[3, 0, 0, b'0', b'.', b'0'], 2), "0.0");
        let wide = [2u8, 0, 1, 0x07, 0x4E, 0x25, 0x00];
        assert_eq!(unicode_string(&wide, 2), "万%");
        assert_eq!(unicode_string(&[2, 0, b'A', b'B', b'C'], 1), "AB");
        assert_eq!(unicode_string(&[9], 1), "");
    }
}
