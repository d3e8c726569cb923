//! The data dictionary (`sql/dictionary.csv`): every column of the schema
//! with its English and Chinese title and its unit. One table that the
//! loader reads (a ministry-style sheet headed 集群编号 loads into
//! `cluster_id`), and that column titles and the report can read too.

use std::sync::OnceLock;

const DICTIONARY_CSV: &str = include_str!("../sql/dictionary.csv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub table: String,
    pub column: String,
    pub title_en: String,
    pub title_zh: String,
    pub unit: String,
}

impl Entry {
    /// The column's title in `lang`.
    pub fn title(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.title_en,
            crate::i18n::Lang::Zh => &self.title_zh,
        }
    }

    /// The column's unit (`sql/units.csv`), if it has one.
    pub fn unit(&self) -> Option<&'static crate::units::Unit> {
        crate::units::by_key(&self.unit)
    }

    /// The unit of a measure (money, area, intensity) in `lang`
    /// (`十亿元`, `bn yuan`); counts, shares and years have none to name.
    pub fn measure_unit(&self, lang: crate::i18n::Lang) -> Option<String> {
        self.unit()
            .filter(|unit| unit.shown)
            .map(|unit| unit.name(lang).to_string())
    }

    /// The column's title with the unit of a measure: `总产值（十亿元）`,
    /// `Output (bn yuan)`. Counts and shares read plainly without one.
    pub fn heading(&self, lang: crate::i18n::Lang) -> String {
        let title = self.title(lang);
        match self.measure_unit(lang) {
            Some(unit) => crate::i18n::message_in(
                lang,
                "label-with-unit",
                &[("title", title.into()), ("unit", unit.into())],
            ),
            None => title.to_string(),
        }
    }
}

impl Entry {
    /// The column's title with whatever unit it counts in, measures and
    /// counts alike (`从业人员数（人）`, `Output (bn yuan)`): a table column's
    /// comment, read in `duckdb_columns()` and `.describe`.
    pub fn described(&self, lang: crate::i18n::Lang) -> String {
        let title = self.title(lang);
        match self.unit().filter(|unit| unit.dimension != "year") {
            Some(unit) => crate::i18n::message_in(
                lang,
                "label-with-unit",
                &[("title", title.into()), ("unit", unit.name(lang).into())],
            ),
            None => title.to_string(),
        }
    }
}

/// The dictionary's entries, in the schema's order.
pub fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        crate::csv_line::records(DICTIONARY_CSV)
            .filter_map(|fields| {
                let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
                (fields.len() >= 4).then(|| Entry {
                    table: field(0),
                    column: field(1),
                    title_en: field(2),
                    title_zh: field(3),
                    unit: field(4),
                })
            })
            .collect()
    })
}

/// The entry of a result column named `column`, if the dictionary knows
/// the name. One name may be a yes/no flag in one table and a count in a
/// view (`above_scale`); `is_flag` picks the entry of the same kind.
pub fn entry(column: &str, is_flag: bool) -> Option<&'static Entry> {
    let mut named = entries().iter().filter(|e| e.column == column);
    let first = named.clone().next()?;
    Some(
        named
            .find(|e| e.unit.is_empty() == is_flag)
            .unwrap_or(first),
    )
}

/// The column of `table` that a file's header names: the column's own
/// name in any case, or its English or Chinese title.
pub fn column_named<'c>(table: &str, header: &str, columns: &'c [String]) -> Option<&'c String> {
    let header = header.trim();
    columns
        .iter()
        .find(|column| column.eq_ignore_ascii_case(header))
        .or_else(|| {
            let entry = entries().iter().find(|e| {
                e.table == table
                    && (e.title_zh == header || e.title_en.eq_ignore_ascii_case(header))
            })?;
            columns.iter().find(|column| **column == entry.column)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_schema_column_has_both_titles_once() {
        let schema = include_str!("../sql/schema.sql");
        let mut table = String::new();
        let mut columns = Vec::new();
        for line in schema.lines().map(str::trim) {
            if let Some(rest) = line.strip_prefix("CREATE TABLE IF NOT EXISTS ") {
                table = rest
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
            } else if let Some(word) = line.split_whitespace().next()
                && !table.is_empty()
                && !line.starts_with("--")
                && !["CHECK", "PRIMARY", ")", ");"].contains(&word)
                && word
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            {
                columns.push((table.clone(), word.to_string()));
            }
        }
        // The schema's tables come first, in the schema's order; the view
        // library's own result columns follow.
        let tables: Vec<&String> = columns.iter().map(|(t, _)| t).collect();
        let listed: Vec<(String, String)> = entries()
            .iter()
            .take_while(|e| tables.contains(&&e.table))
            .map(|e| (e.table.clone(), e.column.clone()))
            .collect();
        assert_eq!(listed, columns);
        let views: Vec<&str> = crate::library::catalogue()
            .iter()
            .map(|v| v.name.as_str())
            .collect();
        for entry in &entries()[listed.len()..] {
            assert!(
                views.contains(&entry.table.as_str()),
                "{entry:?} names no view"
            );
        }
        for entry in entries() {
            assert!(
                !entry.title_en.is_empty() && !entry.title_zh.is_empty(),
                "{entry:?}"
            );
            let same_title = entries()
                .iter()
                .filter(|e| e.table == entry.table && e.title_zh == entry.title_zh)
                .count();
            assert_eq!(same_title, 1, "{entry:?}");
        }
    }

    #[test]
    fn chinese_and_english_titles_name_columns() {
        let columns = ["cluster_id".to_string(), "link".to_string()];
        assert_eq!(
            column_named("chain_links", "集群编号", &columns),
            Some(&columns[0])
        );
        assert_eq!(
            column_named("chain_links", "Chain link", &columns),
            Some(&columns[1])
        );
        assert_eq!(
            column_named("chain_links", "LINK", &columns),
            Some(&columns[1])
        );
        assert_eq!(column_named("chain_links", "别的", &columns), None);
    }
}
