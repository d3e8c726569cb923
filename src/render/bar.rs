//! `--format bar`: a result with a label column and a numeric column drawn
//! as horizontal bars in the terminal. Block characters with eighth-width
//! ends give the bars their precision; labels align by display width, so
//! Chinese names line up; the value stands at the bar's end; negative
//! values extend left of an axis. `--ascii` draws with `#`.
//!
//! The label is the first non-numeric column and the value the first
//! numeric one; other columns are left out, with a note on stderr. The
//! rows are kept until the end, since the longest bar sets the scale.

use std::io::{self, Write};

use duckdb::arrow::datatypes::Schema;
use duckdb::arrow::record_batch::RecordBatch;
use unicode_width::UnicodeWidthStr;

use super::cell::CellWriter;
use super::{RenderOptions, Renderer};
use crate::t;

/// Width when the output is not a terminal.
const DEFAULT_WIDTH: usize = 80;
/// The widest a label gets before it is cut with `…`.
const MAX_LABEL: usize = 32;
const EIGHTHS: [char; 8] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

pub struct Bar<'w> {
    options: RenderOptions,
    out: &'w mut dyn Write,
    /// Which columns hold the label and the value, once known.
    label: Option<usize>,
    value: Option<usize>,
    rows: Vec<(String, Option<f64>, String)>,
}

impl<'w> Bar<'w> {
    pub fn new(options: RenderOptions, out: &'w mut dyn Write) -> Self {
        Bar {
            options,
            out,
            label: None,
            value: None,
            rows: Vec::new(),
        }
    }
}

impl Renderer for Bar<'_> {
    fn begin(&mut self, schema: &Schema) -> io::Result<()> {
        let fields = schema.fields();
        let numeric = |i: usize| crate::duck_text::is_numeric_field(&fields[i]);
        self.value = (0..fields.len()).find(|&i| numeric(i));
        self.label = (0..fields.len()).find(|&i| !numeric(i));
        self.rows.clear();
        let used: Vec<usize> = [self.label, self.value].into_iter().flatten().collect();
        let ignored: Vec<&str> = (0..fields.len())
            .filter(|i| !used.contains(i))
            .map(|i| fields[i].name().as_str())
            .collect();
        match self.value {
            None => eprintln!("{}", t!("bar-no-number")),
            Some(_) if !ignored.is_empty() => {
                eprintln!("{}", t!("bar-ignored", columns = ignored.join(", ")))
            }
            Some(_) => {}
        }
        Ok(())
    }

    fn push(&mut self, batch: &RecordBatch) -> io::Result<()> {
        let label = self.label.map(|i| CellWriter::new(batch.column(i)));
        let value = self.value.map(|i| CellWriter::new(batch.column(i)));
        for row in 0..batch.num_rows() {
            let mut label_text = String::new();
            match &label {
                Some(column) if column.is_null(row) => label_text.push_str(&self.options.null_text),
                Some(column) => column.write(row, &mut label_text),
                None => label_text = (self.rows.len() + 1).to_string(),
            }
            let mut value_text = String::new();
            let number = match &value {
                Some(column) if !column.is_null(row) => {
                    column.write(row, &mut value_text);
                    value_text.parse::<f64>().ok().filter(|v| v.is_finite())
                }
                _ => {
                    value_text.push_str(&self.options.null_text);
                    None
                }
            };
            self.rows
                .push((single_line(&label_text), number, value_text));
        }
        Ok(())
    }

    fn finish(&mut self, _row_count: u64) -> io::Result<()> {
        // Without a number there are no bars; begin said so.
        if self.value.is_none() {
            return Ok(());
        }
        let text = draw(
            &self.rows,
            self.options.max_width.unwrap_or(DEFAULT_WIDTH),
            self.options.ascii,
        );
        self.out.write_all(text.as_bytes())
    }
}

fn single_line(text: &str) -> String {
    text.replace(['\n', '\r', '\t'], " ")
}

fn pad_right(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

/// A bar of `cells` character cells (fractional), growing rightwards.
fn right_bar(cells: f64, ascii: bool) -> String {
    if ascii {
        return "#".repeat(cells.round() as usize);
    }
    let eighths = (cells * 8.0).round() as usize;
    let mut bar = "█".repeat(eighths / 8);
    if eighths % 8 > 0 {
        bar.push(EIGHTHS[eighths % 8]);
    }
    bar
}

/// A bar growing leftwards: Unicode has no right-aligned eighths, so it
/// is drawn in whole cells (a half cell shows as `▐`).
fn left_bar(cells: f64, ascii: bool) -> String {
    let halves = (cells * 2.0).round() as usize;
    let (full, half) = (halves / 2, halves % 2 == 1);
    if ascii {
        return "#".repeat(full + usize::from(half));
    }
    let mut bar = String::new();
    if half {
        bar.push('▐');
    }
    bar.push_str(&"█".repeat(full));
    bar
}

pub fn draw(rows: &[(String, Option<f64>, String)], width: usize, ascii: bool) -> String {
    let labels: Vec<String> = rows
        .iter()
        .map(|(l, _, _)| super::table::cut(l, MAX_LABEL))
        .collect();
    let label_width = labels.iter().map(|l| l.width()).max().unwrap_or(0);
    let value_width = rows.iter().map(|(_, _, v)| v.width()).max().unwrap_or(0);
    let max = rows.iter().filter_map(|(_, v, _)| *v).fold(0.0, f64::max);
    let min = rows.iter().filter_map(|(_, v, _)| *v).fold(0.0, f64::min);
    let negatives = min < 0.0;
    // label, space, [left side: value, space, bars] axis, bars, space, value
    let fixed = label_width
        + 1
        + (value_width + 1) * if negatives { 2 } else { 1 }
        + usize::from(negatives);
    let cells = width.saturating_sub(fixed).max(10) as f64;
    let span = max - min;
    let scale = if span > 0.0 { cells / span } else { 0.0 };
    // As wide as the longest negative bar is drawn.
    let left_cells = left_bar(-min * scale, ascii).chars().count();
    let axis = if ascii { '|' } else { '│' };
    let mut text = String::new();
    for (label, (_, value, value_text)) in labels.iter().zip(rows) {
        text.push_str(&pad_right(label, label_width));
        text.push(' ');
        match value {
            Some(v) if *v < 0.0 => {
                let bar = left_bar(-v * scale, ascii);
                let left = format!("{value_text} {bar}");
                text.push_str(&pad_left(&left, left_cells + value_width + 1));
                text.push(axis);
            }
            Some(v) => {
                if negatives {
                    text.push_str(&" ".repeat(left_cells + value_width + 1));
                    text.push(axis);
                }
                let bar = right_bar(v * scale, ascii);
                text.push_str(&bar);
                if !bar.is_empty() {
                    text.push(' ');
                }
                text.push_str(value_text);
            }
            None => {
                if negatives {
                    text.push_str(&" ".repeat(left_cells + value_width + 1));
                    text.push(axis);
                }
                text.push_str(value_text);
            }
        }
        // Trailing spaces would only make copied text untidy.
        while text.ends_with(' ') {
            text.pop();
        }
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, value: f64) -> (String, Option<f64>, String) {
        (label.to_string(), Some(value), value.to_string())
    }

    #[test]
    fn the_longest_bar_fills_the_width_and_labels_align_by_display_width() {
        let text = draw(&[row("浙江", 18.0), row("Hebei", 9.0)], 40, false);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert!(lines[0].starts_with("浙江  █"), "{text}");
        assert!(lines[1].starts_with("Hebei █"), "{text}");
        assert_eq!(lines[0].width(), 40, "{text}");
        // 31 cells for 18; half of them, 15.5, for 9.
        assert!(
            lines[0].ends_with(&format!("{} 18", "█".repeat(31))),
            "{text}"
        );
        assert!(
            lines[1].ends_with(&format!("{}▌ 9", "█".repeat(15))),
            "{text}"
        );
    }

    #[test]
    fn eighths_give_the_bars_their_precision() {
        assert_eq!(right_bar(2.5, false), "██▌");
        assert_eq!(right_bar(0.125, false), "▏");
        assert_eq!(right_bar(2.5, true), "###");
    }

    #[test]
    fn negative_values_extend_left_of_the_axis() {
        let text = draw(&[row("up", 4.0), row("down", -2.0)], 40, true);
        let lines: Vec<&str> = text.lines().collect();
        let axis = |line: &str| line.find('|').unwrap_or(usize::MAX);
        assert_eq!(axis(lines[0]), axis(lines[1]), "{text}");
        let down = lines[1];
        assert!(
            down[..axis(down)].trim_start().starts_with("down"),
            "{text}"
        );
        assert!(down[..axis(down)].ends_with('#'), "{text}");
        assert!(down.find("-2").unwrap_or(usize::MAX) < axis(down), "{text}");
        assert!(lines[0][axis(lines[0])..].contains('#'), "{text}");
    }
}
