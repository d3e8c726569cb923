//! The line an editor shows for a record of a CSV file. DuckDB counts a
//! file's records, not its lines: a quoted cell that runs over two lines
//! makes every record after it one line lower than its number says. Only
//! once a load is refused are the records of its problems looked up, by
//! one streaming pass over the file with the `csv` crate, which knows
//! where each record starts.

use std::collections::{BTreeSet, HashMap};
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// The line (from 1) on which each of `records` starts; records count
/// from 1, the header being record 0. A record beyond the file's end is
/// left out.
pub fn of_records(
    path: &Path,
    delimiter: u8,
    records: &BTreeSet<i64>,
) -> std::io::Result<HashMap<i64, i64>> {
    let mut found: HashMap<i64, (i64, u64)> = HashMap::new();
    let Some(&last) = records.last() else {
        return Ok(HashMap::new());
    };
    let file = std::fs::File::open(path)?;
    // As DuckDB reads it (RFC 4180, `""` inside quotes), taking rows of
    // any width: the problem may be the width.
    // The header is record 0.
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(std::io::BufReader::with_capacity(1 << 20, file));
    let mut record = csv::ByteRecord::new();
    let mut number = -1i64;
    while number < last {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            // A record the crate cannot take: the lines after it are
            // not known.
            Err(_) => break,
        }
        number += 1;
        if records.contains(&number)
            && let Some(position) = record.position()
        {
            found.insert(number, (position.line() as i64, position.byte()));
        }
    }
    // After a CRLF the crate places the next record at the LF, still on
    // the line before; the record starts after it.
    let mut file = std::fs::File::open(path)?;
    let mut byte = [0u8; 1];
    let mut lines = HashMap::new();
    for (record, (line, offset)) in found {
        file.seek(SeekFrom::Start(offset))?;
        let at_lf = file.read(&mut byte)? == 1 && byte[0] == b'\n';
        lines.insert(record, if at_lf { line + 1 } else { line });
    }
    Ok(lines)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_over_two_lines_moves_the_records_under_it() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.csv");
        std::fs::write(
            &path,
            "a,b\r\n1,\"two\r\nlines\"\r\n2,x\r\n3,\"\"\"quoted\"\"\"\r\n4,y\r\n",
        )
        .expect("written");
        let lines = of_records(&path, b',', &[1, 2, 3, 4, 9].into()).expect("read");
        assert_eq!(lines.get(&1), Some(&2));
        assert_eq!(lines.get(&2), Some(&4));
        assert_eq!(lines.get(&3), Some(&5));
        assert_eq!(lines.get(&4), Some(&6));
        assert_eq!(lines.get(&9), None);
    }

    #[test]
    fn a_byte_order_mark_is_no_line() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("t.csv");
        std::fs::write(&path, "\u{feff}a\tb\n1\t2\n3\t4\n").expect("written");
        let lines = of_records(&path, b'\t', &[2].into()).expect("read");
        assert_eq!(lines.get(&2), Some(&3));
    }

    #[test]
    fn lines_end_alike_in_lf_and_crlf() {
        let dir = tempfile::tempdir().expect("dir");
        for ending in ["\n", "\r\n"] {
            let path = dir.path().join("t.csv");
            let text = ["a,b", "1,x", "2,\"y", "z\"", "3,w"].join(ending) + ending;
            std::fs::write(&path, text).expect("written");
            let lines = of_records(&path, b',', &[1, 2, 3].into()).expect("read");
            assert_eq!(
                (lines.get(&1), lines.get(&2), lines.get(&3)),
                (Some(&2), Some(&3), Some(&5)),
                "{ending:?}"
            );
        }
    }
}
