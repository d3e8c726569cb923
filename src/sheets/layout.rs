//! The first step of reading a spreadsheet: where its table is. Lists as
//! ministries and provinces publish them put a title above the table (one
//! cell, often merged across it), sometimes a header of two rows (`2022年`
//! merged over `产值 | 企业数`), and notes under the rows (`注：…`,
//! `数据来源：…`). The table is found, not assumed: this module judges the
//! first rows of a sheet (and `load` a CSV file's, the same way); the
//! sheet reader goes on from what it found.

use calamine::{Data, Dimensions};

/// A row as a sheet holds it: its row and its cells' columns (both from
/// 0), only the cells that exist.
pub type SparseRow = (u32, Vec<(u32, Data)>);

/// Rows of a sheet looked at to find its header.
pub const WINDOW: usize = 30;

/// Which row names the columns.
pub enum HeaderChoice<'a> {
    /// The first row with two cells or more (a single cell above it is a
    /// title): what `read_xlsx` does by itself.
    First,
    /// The row among the first ones whose cells name most columns of the
    /// table being loaded (`load`); the first with two cells if none does.
    Best(&'a dyn Fn(&str) -> bool),
    /// This sheet row, from 0 (`--header-row`, `range`).
    At(u32),
}

/// Where a sheet's table is and how it ends.
pub struct Layout<'a> {
    pub header: HeaderChoice<'a>,
    /// Whether the table's first row names its columns (`read_xlsx`'s
    /// `header`); else columns are named by their letters.
    pub has_header: bool,
    pub range: Option<CellRange>,
    pub stop_at_empty: bool,
    pub refuse_after_end: bool,
    /// A cell formatted as a percent reads as the text it shows (`35.2%`),
    /// not as the fraction the file keeps (`load`, which then reads it as
    /// the share it is whatever the header says); `read_xlsx` keeps the
    /// fraction, as DuckDB's reader does.
    pub percents_as_shown: bool,
}

impl Layout<'_> {
    /// `load`'s reading: the header found among the first rows (or the row
    /// asked for), the table to its first empty row, anything but notes
    /// under it refused.
    pub fn for_load<'a>(
        names_column: &'a dyn Fn(&str) -> bool,
        header_row: Option<u32>,
    ) -> Layout<'a> {
        Layout {
            header: match header_row {
                Some(row) => HeaderChoice::At(row.saturating_sub(1)),
                None => HeaderChoice::Best(names_column),
            },
            has_header: true,
            range: None,
            stop_at_empty: true,
            refuse_after_end: true,
            percents_as_shown: true,
        }
    }
}

/// A block of cells in A1 notation (`A2:F200`, `A5:Z`, `E:Z`), from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellRange {
    pub first_row: u32,
    pub first_column: u32,
    pub last_row: Option<u32>,
    pub last_column: Option<u32>,
}

impl CellRange {
    /// Reads `A2:F200`; `None` when it is not a range.
    pub fn parse(text: &str) -> Option<CellRange> {
        let (from, to) = text.trim().split_once(':').unwrap_or((text.trim(), ""));
        let corner = |part: &str| -> Option<(Option<u32>, Option<u32>)> {
            let letters_end = part
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(part.len());
            let (letters, digits) = part.split_at(letters_end);
            // Excel's columns end at XFD: three letters at most.
            if letters.len() > 3 {
                return None;
            }
            let column = (!letters.is_empty()).then(|| {
                letters.chars().fold(0u32, |n, c| {
                    n * 26 + (c.to_ascii_uppercase() as u32 - 'A' as u32 + 1)
                }) - 1
            });
            let row = if digits.is_empty() {
                None
            } else {
                Some(digits.parse::<u32>().ok()?.checked_sub(1)?)
            };
            (column.is_some() || row.is_some()).then_some((column, row))
        };
        let (first_column, first_row) = corner(from)?;
        let (last_column, last_row) = if to.is_empty() {
            (None, None)
        } else {
            corner(to)?
        };
        Some(CellRange {
            first_row: first_row.unwrap_or(0),
            first_column: first_column.unwrap_or(0),
            last_row,
            last_column,
        })
    }

    pub(super) fn holds_column(&self, column: u32) -> bool {
        column >= self.first_column && self.last_column.is_none_or(|last| column <= last)
    }
}

/// The index in `window` of the row that names the columns.
pub fn header_row(
    window: &[SparseRow],
    choice: &HeaderChoice<'_>,
    text: impl Fn(&Data) -> String,
) -> Option<usize> {
    let first_wide = || window.iter().position(|(_, cells)| cells.len() >= 2);
    match choice {
        HeaderChoice::At(row) => window.iter().position(|(at, _)| at == row),
        HeaderChoice::First => first_wide().or(if window.is_empty() { None } else { Some(0) }),
        HeaderChoice::Best(names) => {
            let score =
                |cells: &[(u32, Data)]| cells.iter().filter(|(_, v)| names(&text(v))).count();
            let best = window
                .iter()
                .enumerate()
                .map(|(index, (_, cells))| (score(cells), index))
                // The first of the best: max_by_key keeps the last.
                .fold(None, |kept: Option<(usize, usize)>, (s, i)| match kept {
                    Some((k, _)) if k >= s => kept,
                    _ => Some((s, i)),
                });
            match best {
                Some((score, index)) if score > 0 => Some(index),
                _ => first_wide().or(if window.is_empty() { None } else { Some(0) }),
            }
        }
    }
}

/// Whether the header row's neighbours or gaps could hide merged cells
/// worth reading (a clean table whose header is its first row needs none,
/// and reading them costs a second pass over an `.xlsx`).
pub fn may_be_merged(window: &[SparseRow], at: usize) -> bool {
    let (_, cells) = &window[at];
    let columns: Vec<u32> = cells.iter().map(|(c, _)| *c).collect();
    let gap = columns.windows(2).any(|pair| pair[1] > pair[0] + 1);
    at > 0 || gap
}

/// The header as found: its rows and each column's name.
#[derive(Debug)]
pub struct Header {
    /// The sheet rows of the header, from 0: one, or two under merged
    /// group labels.
    pub first_row: u32,
    pub last_row: u32,
    pub first_column: u32,
    /// A name for each column from the first to the last that has one;
    /// `None` where no cell names it.
    pub names: Vec<Option<String>>,
    /// Text above the header (titles), skipped: each cell's row, column
    /// (from 0) and text.
    pub skipped: Vec<(u32, u32, String)>,
}

/// The header at `window[at]`, widened to the rows its merged cells span:
/// a label merged across columns names each column under it, joined to
/// the name below (`2022年` over `产值` is `2022年产值`); a name merged down
/// two rows names its column once.
pub fn header(
    window: &[SparseRow],
    at: usize,
    merges: &[Dimensions],
    text: impl Fn(&Data) -> String,
) -> Header {
    let row = window[at].0;
    let mut first_row = row;
    let mut last_row = row;
    for merge in merges {
        let (top, bottom) = (merge.start.0, merge.end.0);
        let across = merge.end.1 > merge.start.1;
        // A region starting on the header row reaches down to where its
        // names end; one over several columns has names under it.
        if top == row {
            last_row = last_row.max(bottom);
            if across && bottom == row && all_text(window, row + 1) {
                last_row = last_row.max(row + 1);
            }
        }
        // A group label in the row just above, over the header's cells.
        if top + 1 == row && bottom < row && across && wide(window, top) {
            first_row = first_row.min(top);
        }
        if top < row && bottom >= row && wide(window, top) {
            first_row = first_row.min(top);
        }
    }
    let value_at = |r: u32, c: u32| -> Option<String> {
        let (r, c) = merges
            .iter()
            .find(|m| m.start.0 <= r && r <= m.end.0 && m.start.1 <= c && c <= m.end.1)
            .map_or((r, c), |m| m.start);
        if r < first_row {
            return None;
        }
        window
            .iter()
            .find(|(at, _)| *at == r)
            .and_then(|(_, cells)| cells.iter().find(|(column, _)| *column == c))
            .map(|(_, value)| text(value).trim().to_string())
            .filter(|t| !t.is_empty())
    };
    let header_rows = || {
        window
            .iter()
            .filter(|(r, _)| (first_row..=last_row).contains(r))
    };
    let first_column = header_rows()
        .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
        .min()
        .unwrap_or(0);
    let last_column = header_rows()
        .flat_map(|(_, cells)| cells.iter().map(|(c, _)| *c))
        .chain(
            merges
                .iter()
                .filter(|m| m.start.0 >= first_row && m.start.0 <= last_row)
                .map(|m| m.end.1),
        )
        .max()
        .unwrap_or(0);
    let names = (first_column..=last_column)
        .map(|column| {
            let mut parts: Vec<String> = Vec::new();
            for r in first_row..=last_row {
                if let Some(part) = value_at(r, column)
                    && parts.last() != Some(&part)
                {
                    parts.push(part);
                }
            }
            (!parts.is_empty()).then(|| parts.concat())
        })
        .collect();
    let skipped = window
        .iter()
        .filter(|(r, _)| *r < first_row)
        .flat_map(|(r, cells)| cells.iter().map(|(c, v)| (*r, *c, text(v))))
        .filter(|(_, _, t)| !t.trim().is_empty())
        .collect();
    Header {
        first_row,
        last_row,
        first_column,
        names,
        skipped,
    }
}

/// Whether `row` has two cells or more: labels over a header, not a title.
fn wide(window: &[SparseRow], row: u32) -> bool {
    window
        .iter()
        .any(|(r, cells)| *r == row && cells.len() >= 2)
}

/// Whether `row` is there and holds text only, as a row of names does.
fn all_text(window: &[SparseRow], row: u32) -> bool {
    window
        .iter()
        .any(|(r, cells)| *r == row && cells.iter().all(|(_, v)| matches!(v, Data::String(_))))
}

/// Words that open a note under a table (`注：`, `数据来源：`, `制表人：`).
const NOTE_OPENINGS: &[&str] = &[
    "注",
    "备注",
    "说明",
    "数据来源",
    "资料来源",
    "来源",
    "填表说明",
    "填报说明",
    "填表人",
    "制表人",
    "制表单位",
    "制表日期",
    "制表",
    "单位",
    "Note",
    "Notes",
    "Source",
    "Sources",
];

/// Whether a row under a table is a note: one cell of text that is a
/// note's word followed by a colon (a number may come between: `注1：`),
/// or the word alone. Any other row under a table may be data.
pub fn is_note(cells: &[(u32, Data)], text: impl Fn(&Data) -> String) -> bool {
    let [(_, value)] = cells else {
        return false;
    };
    let Data::String(_) = value else {
        return false;
    };
    let text = text(value);
    let text = text.trim();
    NOTE_OPENINGS.iter().any(|opening| {
        let Some(rest) = text.strip_prefix(opening) else {
            return false;
        };
        let rest = rest.trim_start_matches(|c: char| {
            c.is_ascii_digit() || c.is_whitespace() || "一二三四五六七八九十".contains(c)
        });
        rest.is_empty() || rest.starts_with(['：', ':'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(value: &Data) -> String {
        match value {
            Data::String(s) => s.clone(),
            Data::Float(f) => f.to_string(),
            Data::Int(i) => i.to_string(),
            _ => String::new(),
        }
    }

    fn s(text: &str) -> Data {
        Data::String(text.to_string())
    }

    fn region(top: u32, left: u32, bottom: u32, right: u32) -> Dimensions {
        Dimensions {
            start: (top, left),
            end: (bottom, right),
        }
    }

    #[test]
    fn a_title_above_the_header_is_skipped() {
        let window: Vec<SparseRow> = vec![
            (0, vec![(0, s("2023年度中小企业特色产业集群名单"))]),
            (2, vec![(0, s("序号")), (1, s("省份")), (2, s("集群名称"))]),
            (
                3,
                vec![(0, Data::Float(1.0)), (1, s("北京市")), (2, s("x"))],
            ),
        ];
        let at = header_row(&window, &HeaderChoice::First, text).expect("found");
        assert_eq!(at, 1);
        let found = header(&window, at, &[region(0, 0, 0, 2)], text);
        assert_eq!((found.first_row, found.last_row), (2, 2));
        assert_eq!(
            found.names,
            [
                Some("序号".into()),
                Some("省份".into()),
                Some("集群名称".into())
            ]
        );
        assert_eq!(
            found.skipped,
            [(0, 0, "2023年度中小企业特色产业集群名单".to_string())]
        );
    }

    #[test]
    fn merged_group_labels_join_the_names_under_them() {
        // 集群 merged down two rows; 2022年 and 2023年 each across two.
        let window: Vec<SparseRow> = vec![
            (0, vec![(0, s("集群")), (1, s("2022年")), (3, s("2023年"))]),
            (
                1,
                vec![
                    (1, s("产值")),
                    (2, s("企业数")),
                    (3, s("产值")),
                    (4, s("企业数")),
                ],
            ),
            (2, vec![(0, s("a")), (1, Data::Float(1.0))]),
        ];
        let merges = [region(0, 0, 1, 0), region(0, 1, 0, 2), region(0, 3, 0, 4)];
        let at = header_row(&window, &HeaderChoice::First, text).expect("found");
        let found = header(&window, at, &merges, text);
        assert_eq!((found.first_row, found.last_row), (0, 1));
        let names: Vec<String> = found.names.into_iter().flatten().collect();
        assert_eq!(
            names,
            [
                "集群",
                "2022年产值",
                "2022年企业数",
                "2023年产值",
                "2023年企业数"
            ]
        );
    }

    #[test]
    fn load_takes_the_row_that_names_its_columns() {
        let window: Vec<SparseRow> = vec![
            (0, vec![(0, s("附件")), (1, s("（第一批）"))]),
            (1, vec![(0, s("集群编号")), (1, s("产业链关键环节"))]),
        ];
        let names = |t: &str| t == "集群编号" || t == "产业链关键环节";
        assert_eq!(
            header_row(&window, &HeaderChoice::Best(&names), text),
            Some(1)
        );
        assert_eq!(header_row(&window, &HeaderChoice::First, text), Some(0));
    }

    #[test]
    fn notes_are_told_from_rows() {
        assert!(is_note(&[(0, s("注：数据截至2023年底"))], text));
        assert!(is_note(&[(0, s("注1: 不含港澳台"))], text));
        assert!(is_note(&[(0, s("数据来源：工业和信息化部"))], text));
        assert!(is_note(&[(0, s("Source: MIIT"))], text));
        assert!(!is_note(&[(0, s("北京市"))], text));
        // Words that only begin like a note's are data.
        assert!(!is_note(&[(0, s("注塑模具产业集群"))], text));
        assert!(!is_note(&[(0, s("说明书印刷"))], text));
        assert!(!is_note(&[(0, s("注：")), (1, s("x"))], text));
    }
}
