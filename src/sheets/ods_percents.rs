//! The cells of an OpenDocument sheet that hold a percentage. LibreOffice
//! keeps such a cell as its fraction (`office:value="0.352"`) with
//! `office:value-type="percentage"`; calamine reads the fraction and not
//! the type, so the sheet's XML is read once more, as a stream, for the
//! places of those cells alone.

use std::collections::HashSet;
use std::io::BufReader;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};

/// The (row, column) of every percentage cell of the sheet `name` of the
/// `.ods` file, both from 0; empty when the file cannot be read so (the
/// sheet reader then reports what is wrong with it).
pub fn cells(path: &Path, name: &str) -> HashSet<(u32, u32)> {
    read(path, name).unwrap_or_default()
}

fn read(path: &Path, name: &str) -> Option<HashSet<(u32, u32)>> {
    let file = std::fs::File::open(path).ok()?;
    let mut archive = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let content = archive.by_name("content.xml").ok()?;
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(content));
    let mut buffer = Vec::new();
    let mut found = HashSet::new();
    let mut in_sheet = false;
    let (mut row, mut column) = (0u32, 0u32);
    // Rows the current row element stands for (`number-rows-repeated`).
    let mut row_repeats = 1u32;
    loop {
        let event = reader.read_event_into(&mut buffer).ok()?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) if e.name().0 == "table:table" => {
                in_sheet = attribute(e, "table:name").as_deref() == Some(name);
                (row, column) = (0, 0);
            }
            Event::End(ref e) if e.name().0 == "table:table" && in_sheet => break,
            Event::Start(ref e) if in_sheet && e.name().0 == "table:table-row" => {
                column = 0;
                row_repeats = repeats(e, "table:number-rows-repeated");
            }
            Event::Empty(ref e) if in_sheet && e.name().0 == "table:table-row" => {
                row = row.saturating_add(repeats(e, "table:number-rows-repeated"));
            }
            Event::End(ref e) if in_sheet && e.name().0 == "table:table-row" => {
                row = row.saturating_add(row_repeats);
            }
            Event::Start(ref e) | Event::Empty(ref e)
                if in_sheet
                    && matches!(e.name().0, "table:table-cell" | "table:covered-table-cell") =>
            {
                let across = repeats(e, "table:number-columns-repeated");
                if attribute(e, "office:value-type").as_deref() == Some("percentage") {
                    // A repeated row or cell repeats its percentage too.
                    for r in 0..row_repeats.min(1 << 16) {
                        for c in 0..across.min(1 << 14) {
                            found.insert((row + r, column + c));
                        }
                    }
                }
                column = column.saturating_add(across);
            }
            Event::Eof => break,
            _ => {}
        }
        buffer.clear();
    }
    Some(found)
}

fn attribute(element: &BytesStart<'_>, key: &str) -> Option<String> {
    element.try_get_attribute(key).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

fn repeats(element: &BytesStart<'_>, key: &str) -> u32 {
    attribute(element, key)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}
