//! The boxed table. With a row limit it keeps the text of the first rows and
//! Arrow slices of the last ones, so rows in between are counted but never
//! turned into text: a ten-million-row result prints as fast as DuckDB can
//! produce it, in flat memory.

use std::collections::VecDeque;
use std::io::{self, Write};

use comfy_table::{Cell, CellAlignment, ContentArrangement, presets};
use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::{CellWriter, RenderOptions, Renderer};
use crate::t;

/// Narrowest a column is squeezed to before columns are hidden instead.
const MIN_COLUMN_WIDTH: usize = 10;

pub struct Table<'w> {
    options: RenderOptions,
    out: &'w mut dyn Write,
    names: Vec<String>,
    numeric: Vec<bool>,
    head: Vec<Vec<String>>,
    head_limit: usize,
    tail: VecDeque<RecordBatch>,
    tail_rows: usize,
    tail_limit: usize,
}

impl<'w> Table<'w> {
    pub fn new(options: RenderOptions, out: &'w mut dyn Write) -> Self {
        let (head_limit, tail_limit) = match options.max_rows {
            Some(limit) => {
                let limit = limit.max(1);
                (limit.div_ceil(2), limit / 2)
            }
            None => (usize::MAX, 0),
        };
        Table {
            options,
            out,
            names: Vec::new(),
            numeric: Vec::new(),
            head: Vec::new(),
            head_limit,
            tail: VecDeque::new(),
            tail_rows: 0,
            tail_limit,
        }
    }

    fn rows_as_text(
        &self,
        batch: &RecordBatch,
        rows: std::ops::Range<usize>,
        into: &mut Vec<Vec<String>>,
    ) {
        let columns: Vec<CellWriter<'_>> = batch.columns().iter().map(CellWriter::new).collect();
        for row in rows {
            let cells = columns
                .iter()
                .map(|column| {
                    if column.is_null(row) {
                        self.options.null_text.clone()
                    } else {
                        let mut text = String::new();
                        column.write(row, &mut text);
                        single_line(text)
                    }
                })
                .collect();
            into.push(cells);
        }
    }

    /// Keeps only the last `tail_limit` rows in the tail.
    fn trim_tail(&mut self) {
        while let Some(front) = self.tail.front() {
            let excess = self.tail_rows.saturating_sub(self.tail_limit);
            if excess == 0 {
                break;
            }
            if front.num_rows() <= excess {
                self.tail_rows -= front.num_rows();
                self.tail.pop_front();
            } else {
                let kept = front.slice(excess, front.num_rows() - excess);
                self.tail_rows -= excess;
                self.tail[0] = kept;
            }
        }
    }
}

impl Renderer for Table<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        self.names = schema
            .fields()
            .iter()
            .map(|field| single_line(field.name().clone()))
            .collect();
        self.numeric = schema
            .fields()
            .iter()
            .map(|field| crate::duck_text::is_numeric_field(field))
            .collect();
        Ok(())
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let into_head = (self.head_limit - self.head.len()).min(batch.num_rows());
        let mut head = std::mem::take(&mut self.head);
        self.rows_as_text(batch, 0..into_head, &mut head);
        self.head = head;
        let rest = batch.num_rows() - into_head;
        if rest > 0 && self.tail_limit > 0 {
            self.tail.push_back(batch.slice(into_head, rest));
            self.tail_rows += rest;
            self.trim_tail();
        }
        Ok(())
    }

    fn finish(&mut self, row_count: u64) -> io::Result<()> {
        let mut tail = Vec::new();
        for batch in std::mem::take(&mut self.tail) {
            self.rows_as_text(&batch, 0..batch.num_rows(), &mut tail);
        }
        let shown = (self.head.len() + tail.len()) as u64;
        let elided = row_count.saturating_sub(shown);
        let layout = Layout::fit(
            &self.names,
            self.head.iter().chain(&tail),
            self.options.max_width,
        );
        let text = self.draw(&layout, &tail, elided);
        let footer = footer(row_count, shown, self.names.len() - layout.visible);
        self.out.write_all(text.as_bytes())?;
        writeln!(self.out, "{footer}")
    }
}

impl Table<'_> {
    fn draw(&self, layout: &Layout, tail: &[Vec<String>], elided: u64) -> String {
        let mut table = comfy_table::Table::new();
        table.load_style(if self.options.ascii {
            presets::ASCII_FULL_CONDENSED
        } else {
            presets::UTF8_FULL_CONDENSED
        });
        table.set_content_arrangement(ContentArrangement::Disabled);
        let cells = |texts: &[String]| -> Vec<Cell> {
            texts[..layout.visible]
                .iter()
                .enumerate()
                .map(|(i, text)| Cell::new(cut(text, layout.widths[i])))
                .collect()
        };
        table.set_header(cells(&self.names));
        for row in self.head.iter().chain(tail) {
            table.add_row(cells(row));
        }
        for (index, numeric) in self.numeric[..layout.visible].iter().enumerate() {
            if let Some(column) = table.column_mut(index)
                && *numeric
            {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
        let mut lines: Vec<String> = table.to_string().lines().map(str::to_string).collect();
        if elided > 0 {
            // Top border, header and header separator come before the rows.
            let at = (3 + self.head.len()).min(lines.len());
            let inner = lines
                .first()
                .map_or(0, |line| line.width())
                .saturating_sub(2);
            let mut label = t!("table-elided", rows = group_thousands(elided));
            // A narrow table still keeps its borders straight: the count
            // is in the footer anyway.
            if label.width() > inner {
                label = "…".to_string();
            }
            let border = if self.options.ascii { "|" } else { "│" };
            let padding = inner.saturating_sub(label.width());
            let left = padding / 2;
            lines.insert(
                at,
                format!(
                    "{border}{}{label}{}{border}",
                    " ".repeat(left),
                    " ".repeat(padding - left)
                ),
            );
        }
        let mut text = lines.join("\n");
        text.push('\n');
        text
    }
}

/// Which columns are shown and how wide each may be.
struct Layout {
    visible: usize,
    widths: Vec<usize>,
}

impl Layout {
    fn fit<'a>(
        names: &[String],
        rows: impl Iterator<Item = &'a Vec<String>>,
        max_width: Option<usize>,
    ) -> Layout {
        let mut widths: Vec<usize> = names.iter().map(|name| name.width()).collect();
        for row in rows {
            for (width, text) in widths.iter_mut().zip(row) {
                *width = (*width).max(text.width());
            }
        }
        let Some(max_width) = max_width else {
            return Layout {
                visible: widths.len(),
                widths,
            };
        };
        // Each column takes its content plus a space either side and a border.
        let total = |widths: &[usize]| widths.iter().map(|w| w + 3).sum::<usize>() + 1;
        while total(&widths) > max_width {
            let Some((widest, width)) = widths.iter().copied().enumerate().max_by_key(|(_, w)| *w)
            else {
                break;
            };
            if width <= MIN_COLUMN_WIDTH {
                break;
            }
            widths[widest] = width - 1;
        }
        let mut visible = widths.len();
        while visible > 1 && total(&widths[..visible]) > max_width {
            visible -= 1;
        }
        Layout { visible, widths }
    }
}

/// Cuts `text` to `width` display columns, marking the cut with `…`.
pub(super) fn cut(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Table cells are one line each: control characters are shown escaped.
fn single_line(text: String) -> String {
    if !text.contains(|c: char| c.is_control()) {
        return text;
    }
    text.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect()
}

fn footer(row_count: u64, shown: u64, hidden_columns: usize) -> String {
    // The count goes in as text, grouped by thousands; `n` picks the plural.
    let mut text = t!(
        "table-rows",
        n = row_count,
        rows = group_thousands(row_count)
    );
    if shown < row_count {
        text.push_str(&t!("table-shown", shown = group_thousands(shown)));
    }
    if hidden_columns > 0 {
        text.push_str(&t!("table-hidden-columns", n = hidden_columns));
    }
    text
}

pub(crate) fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (index, c) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_display_width() {
        assert_eq!(cut("中文名字很长", 7), "中文名…");
        assert_eq!(cut("short", 7), "short");
    }

    #[test]
    fn layout_squeezes_then_hides() {
        let names = vec!["a".to_string(), "b".to_string()];
        let rows = [vec!["x".repeat(50), "y".repeat(50)]];
        let layout = Layout::fit(&names, rows.iter(), Some(40));
        assert_eq!(layout.visible, 2);
        assert!(layout.widths.iter().map(|w| w + 3).sum::<usize>() < 40);
        let narrow = Layout::fit(&names, rows.iter(), Some(12));
        assert_eq!(narrow.visible, 1);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(group_thousands(9_999_960), "9,999,960");
        assert_eq!(group_thousands(999), "999");
    }
}
