//! Units a table states outside its headers. Statistics offices write the
//! unit of a whole table once, above it (`单位：万人`, `计量单位：万元`, a
//! title ending in `（单位：万元）`, or a cell at the right of the title
//! row), and leave its headers bare: `从业人员数` then counts 万人, and read
//! as persons it would load ten thousand times too small.
//!
//! This module only reads such statements from the text above a table and
//! says where each was found; `headers` gives their units to bare headers.

use crate::units::{self, Unit};

/// Where a statement was found, as the user sees the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A line of a text file, from 1.
    Line(usize),
    /// A sheet's cell (`Sheet1!F1`).
    Cell(String),
}

/// One unit stated above a table.
#[derive(Debug, Clone)]
pub struct Statement {
    /// The file as messages name it.
    pub file: String,
    pub place: Place,
    /// The statement as written (`单位：万人`).
    pub written: String,
    /// Its unit as written (`万人`).
    pub unit: String,
}

impl Statement {
    /// Its unit, read as one of `dimension` where the spelling is shared
    /// (`个` counts enterprises and clusters).
    pub fn unit_of(&self, dimension: &str) -> Option<&'static Unit> {
        units::spelled_for(&self.unit, dimension).filter(|unit| unit.dimension == dimension)
    }

    /// `单位：万人, line 2` or `单位：万人, Sheet1!F1`, in the session's
    /// language.
    pub fn described(&self) -> String {
        match &self.place {
            Place::Line(line) => crate::t!(
                "load-unit-stated-at-line",
                written = &self.written,
                line = *line
            ),
            Place::Cell(cell) => crate::t!(
                "load-unit-stated-at-cell",
                written = &self.written,
                cell = cell
            ),
        }
    }
}

/// Words that may open a statement of units before 单位 (`金额单位：万元`);
/// 填报单位 and 制表单位 name an office, and are not among them.
const QUALIFIERS: &[&str] = &["计量", "金额", "货币", "价值", "人数", "数量"];

/// The statements of units in a text above a table (a title line or cell),
/// each as written and with its unit; a statement may name several units
/// of different kinds (`单位：万元、万人`). Only units known to `units` are
/// taken: `填报单位：某某局` names an office, not a unit, and so does any
/// `单位` that does not open its statement.
pub fn in_text(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for opening in ["单位", "Units", "Unit", "units", "unit"] {
        for (at, _) in text.match_indices(opening) {
            // A word of what is measured may come first: 计量单位, 金额单位.
            let before = QUALIFIERS
                .iter()
                .find_map(|q| text[..at].strip_suffix(q))
                .unwrap_or(&text[..at]);
            let opens = before
                .chars()
                .next_back()
                .is_none_or(|c| "（([【 　,，;；。".contains(c));
            if !opens {
                continue;
            }
            let after_opening = &text[at + opening.len()..];
            let Some(rest) = after_opening
                .strip_prefix(['：', ':'])
                .or_else(|| after_opening.strip_prefix("为"))
            else {
                continue;
            };
            let value_end = rest.find(['）', ')', '】', ']']).unwrap_or(rest.len());
            let value = &rest[..value_end];
            let end = at + opening.len() + (after_opening.len() - rest.len()) + value_end;
            let written = text[before.len()..end].trim().to_string();
            // `10k persons` is one unit; `万元、万人` and `万元 万人` two.
            for piece in value.split(['、', '，', ',', '；', ';']) {
                let piece = piece.trim();
                if units::spelled(piece).is_some() {
                    found.push((written.clone(), piece.to_string()));
                    continue;
                }
                for word in piece.split([' ', '　']) {
                    if units::spelled(word).is_some() {
                        found.push((written.clone(), word.to_string()));
                    }
                }
            }
        }
    }
    found
}

/// The unit the statements give to a bare header whose column counts in
/// `dimension`: `Ok(None)` when none states one, the statement when they
/// agree, and both statements when two disagree (or when a unit is stated
/// in some of the files and not in others, which would read the others'
/// values in it too).
pub fn for_dimension<'s>(
    statements: &'s [Statement],
    files: &[String],
    dimension: &str,
) -> Result<Option<(&'s Statement, &'static Unit)>, Conflict<'s>> {
    let stating: Vec<(&Statement, &'static Unit)> = statements
        .iter()
        .filter_map(|s| s.unit_of(dimension).map(|unit| (s, unit)))
        .collect();
    let Some(&(first, unit)) = stating.first() else {
        return Ok(None);
    };
    if let Some(&(other, _)) = stating.iter().find(|(_, u)| u.key != unit.key) {
        return Err(Conflict::Disagree(first, other));
    }
    if let Some(silent) = files
        .iter()
        .find(|file| !stating.iter().any(|(s, _)| s.file == **file))
    {
        return Err(Conflict::NotInAll(first, silent.clone()));
    }
    Ok(Some((first, unit)))
}

/// Why stated units cannot be given to a header.
#[derive(Debug)]
pub enum Conflict<'s> {
    /// Two statements of one kind of unit name different units.
    Disagree(&'s Statement, &'s Statement),
    /// One file states the unit, another of the same load none.
    NotInAll(&'s Statement, String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(text: &str) -> Vec<String> {
        in_text(text).into_iter().map(|(_, unit)| unit).collect()
    }

    #[test]
    fn statements_as_offices_write_them() {
        assert_eq!(
            in_text("单位：万人"),
            [("单位：万人".into(), "万人".into())]
        );
        assert_eq!(units("计量单位:万元"), ["万元"]);
        assert_eq!(
            in_text("2023年全省县域经济主要指标（单位：万元）"),
            [("单位：万元".into(), "万元".into())]
        );
        assert_eq!(units("某市统计表 单位：万元、万人"), ["万元", "万人"]);
        assert_eq!(units("Unit: 10k persons"), ["10k persons"]);
        assert_eq!(in_text("计量单位：万元")[0].0, "计量单位：万元");
        assert_eq!(
            in_text("金额单位：万元"),
            [("金额单位：万元".into(), "万元".into())]
        );
    }

    #[test]
    fn offices_and_unknown_words_are_no_units() {
        assert!(in_text("填报单位：某某市工业和信息化局").is_empty());
        assert!(in_text("制表单位：统计局").is_empty());
        assert!(in_text("单位：某某局").is_empty());
        assert!(in_text("2023年度中小企业特色产业集群名单").is_empty());
    }

    fn stated(file: &str, unit: &str, line: usize) -> Statement {
        Statement {
            file: file.into(),
            place: Place::Line(line),
            written: format!("单位：{unit}"),
            unit: unit.into(),
        }
    }

    #[test]
    fn units_of_one_kind_must_agree() {
        let files = ["a.csv".to_string()];
        let agree = [stated("a.csv", "万人", 2)];
        let (statement, unit) = for_dimension(&agree, &files, "persons")
            .expect("agrees")
            .expect("stated");
        assert_eq!((statement.unit.as_str(), unit.power_of_ten), ("万人", 4));
        assert!(
            for_dimension(&agree, &files, "money")
                .expect("none")
                .is_none()
        );
        let disagree = [stated("a.csv", "万人", 2), stated("a.csv", "人", 3)];
        assert!(matches!(
            for_dimension(&disagree, &files, "persons"),
            Err(Conflict::Disagree(..))
        ));
        let two_files = ["a.csv".to_string(), "b.csv".to_string()];
        assert!(matches!(
            for_dimension(&agree, &two_files, "persons"),
            Err(Conflict::NotInAll(_, file)) if file == "b.csv"
        ));
    }
}
