//! An `.xlsx` sheet read by a thread of its own, cell by cell in the XML's
//! order and gathered into rows, a few hundred rows ahead of the reader
//! (`super::Sheet`), so that memory stays flat whatever the sheet's size; a cell
//! formatted as a percent becomes, where asked, the text it shows.

use std::fs::File;
use std::io::BufReader;
use std::sync::mpsc::SyncSender;

use calamine::{Data, DataRef, Xlsx};

use super::layout::SparseRow;

/// What the reading thread sends.
pub(super) enum Message {
    Rows(Vec<SparseRow>),
    Failed(String),
    /// Every row has been sent: a channel that closes without this means
    /// the reading thread died, and the sheet was not read to its end.
    End,
}

/// Rows a reading thread sends at a time, and batches it may run ahead.
pub(super) const ROWS_A_MESSAGE: usize = 256;
pub(super) const MESSAGES_AHEAD: usize = 8;

/// The reading thread: the sheet's cells in the XML's order, gathered into
/// rows. It stops when the reader goes away. With `percents_as_shown`, a
/// number in a cell formatted as a percent becomes the text it shows.
pub(super) fn stream(
    mut book: Xlsx<BufReader<File>>,
    name: &str,
    percents_as_shown: bool,
    sender: &SyncSender<Message>,
) {
    let mut reader = match book.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        Err(error) => {
            let _ = sender.send(Message::Failed(error.to_string()));
            return;
        }
    };
    // Read once: which of the workbook's styles show a percent.
    let percent_styles: Vec<bool> = if percents_as_shown {
        reader
            .styles()
            .iter()
            .map(super::number_format::shows_percent)
            .collect()
    } else {
        Vec::new()
    };
    let mut batch: Vec<SparseRow> = Vec::with_capacity(ROWS_A_MESSAGE);
    let mut current: Option<SparseRow> = None;
    loop {
        match reader.next_cell_with_style_id() {
            Ok(Some((cell, style))) => {
                // A formatted cell without a value is no cell, as in
                // calamine's whole-sheet ranges.
                if *cell.get_value() == DataRef::Empty {
                    continue;
                }
                let (row, column) = cell.get_position();
                let value = match cell.get_value() {
                    DataRef::Float(fraction) if percent_styles.get(style) == Some(&true) => {
                        Data::String(super::number_format::as_percent(*fraction))
                    }
                    DataRef::Int(fraction) if percent_styles.get(style) == Some(&true) => {
                        Data::String(super::number_format::as_percent(*fraction as f64))
                    }
                    other => Data::from(other.clone()),
                };
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
