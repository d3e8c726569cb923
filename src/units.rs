//! Units of measure (`sql/units.csv`): what each unit measures, its power
//! of ten within that dimension, and how Chinese and English sources spell
//! it. The dictionary names each column's unit by its key here (`bn CNY`);
//! `load` reads units in headers (`总产值（亿元）`) and converts them to the
//! column's, and `--labels` headings name them the same way, so that a
//! heading loads back as it was written.

use std::sync::OnceLock;

const UNITS_CSV: &str = include_str!("../sql/units.csv");

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// The key the dictionary uses (`bn CNY`, `persons`, `share`).
    pub key: String,
    /// What it measures: units convert only within one dimension.
    pub dimension: String,
    /// Its size as a power of ten of the dimension's base (元, 人, 1):
    /// every Chinese unit of money and count is one (万, 亿).
    pub power_of_ten: i32,
    /// Whether a heading names it (`总产值（十亿元）`); counts, shares and
    /// years read plainly.
    pub shown: bool,
    pub zh: String,
    pub en: String,
    /// Other spellings sources use, in either language.
    pub also: Vec<String>,
}

impl Unit {
    /// Its name in `lang`, as headings write it.
    pub fn name(&self, lang: crate::i18n::Lang) -> &str {
        match lang {
            crate::i18n::Lang::En => &self.en,
            crate::i18n::Lang::Zh => &self.zh,
        }
    }

    /// Every spelling a header or a cell may use.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        [self.zh.as_str(), self.en.as_str()]
            .into_iter()
            .chain(self.also.iter().map(String::as_str))
            .filter(|spelling| !spelling.is_empty())
    }

    /// Whether `text` is one of its spellings (English ones in any case).
    pub fn is_spelled(&self, text: &str) -> bool {
        let text = text.trim();
        self.spellings()
            .any(|spelling| spelling == text || spelling.eq_ignore_ascii_case(text))
    }
}

/// Every unit, in the table's order.
pub fn all() -> &'static [Unit] {
    static UNITS: OnceLock<Vec<Unit>> = OnceLock::new();
    UNITS.get_or_init(|| {
        crate::csv_line::records(UNITS_CSV)
            .filter_map(|fields| {
                let field = |i: usize| fields.get(i).cloned().unwrap_or_default();
                Some(Unit {
                    key: field(0),
                    dimension: field(1),
                    power_of_ten: field(2).parse().ok()?,
                    shown: field(3) == "1",
                    zh: field(4),
                    en: field(5),
                    also: field(6)
                        .split('|')
                        .filter(|s| !s.is_empty())
                        .map(str::to_string)
                        .collect(),
                })
            })
            .collect()
    })
}

/// The unit of a dictionary key (`bn CNY`).
pub fn by_key(key: &str) -> Option<&'static Unit> {
    all().iter().find(|unit| unit.key == key)
}

/// The unit a header or cell spells (`亿元`, `100 million yuan`, `%`).
pub fn spelled(text: &str) -> Option<&'static Unit> {
    all().iter().find(|unit| unit.is_spelled(text))
}

/// The unit `text` spells, among those of `dimension` first: 个 counts
/// enterprises under 企业数 and clusters under 集群数.
pub fn spelled_for(text: &str, dimension: &str) -> Option<&'static Unit> {
    all()
        .iter()
        .find(|unit| unit.dimension == dimension && unit.is_spelled(text))
        .or_else(|| spelled(text))
}

/// The units of one dimension, as a list for messages (`元, 千元, 万元`).
pub fn names_of(dimension: &str, lang: crate::i18n::Lang) -> String {
    all()
        .iter()
        .filter(|unit| unit.dimension == dimension)
        .map(|unit| unit.name(lang))
        .collect::<Vec<_>>()
        .join(match lang {
            crate::i18n::Lang::En => ", ",
            crate::i18n::Lang::Zh => "、",
        })
}

/// A header split into its title and the unit it names: `总产值（亿元）`,
/// `总产值(亿元)`, `出口额/亿元`, `Total output (100 million yuan)`. The
/// unit part is returned as written, known or not; `None` when the header
/// names none.
pub fn split_header(header: &str) -> (&str, Option<&str>) {
    let header = header.trim();
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = header.strip_suffix(close)
            && let Some(at) = inner.rfind(open)
        {
            let title = inner[..at].trim();
            if !title.is_empty() {
                return (title, Some(inner[at + open.len_utf8()..].trim()));
            }
        }
    }
    // After a slash: the first slash whose right side is a unit (a unit
    // may hold a slash itself: 吨标准煤/万元).
    for (at, slash) in header.match_indices(['/', '／']) {
        let (title, unit) = (&header[..at], &header[at + slash.len()..]);
        if !title.trim().is_empty() && spelled(unit).is_some() {
            return (title.trim(), Some(unit.trim()));
        }
    }
    (header, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dictionary_unit_is_known_and_spellings_are_unique() {
        for entry in crate::dictionary::entries() {
            assert!(
                entry.unit.is_empty() || by_key(&entry.unit).is_some(),
                "{entry:?}"
            );
        }
        // One spelling, one unit within a dimension (个 counts enterprises
        // and clusters alike).
        let mut seen = std::collections::HashMap::new();
        for unit in all() {
            for spelling in unit.spellings() {
                let before = seen.insert((spelling.to_lowercase(), &unit.dimension), &unit.key);
                assert!(
                    before.is_none() || before == Some(&unit.key),
                    "{spelling} spells {before:?} and {}",
                    unit.key
                );
            }
        }
    }

    #[test]
    fn headers_split_into_title_and_unit() {
        assert_eq!(split_header("总产值（亿元）"), ("总产值", Some("亿元")));
        assert_eq!(split_header("总产值(万元)"), ("总产值", Some("万元")));
        assert_eq!(split_header("出口额/亿元"), ("出口额", Some("亿元")));
        assert_eq!(
            split_header("Total output (100 million yuan)"),
            ("Total output", Some("100 million yuan"))
        );
        assert_eq!(
            split_header("万元产值综合能耗（吨标准煤/万元）"),
            ("万元产值综合能耗", Some("吨标准煤/万元"))
        );
        assert_eq!(
            split_header("万元产值综合能耗/吨标准煤/万元"),
            ("万元产值综合能耗", Some("吨标准煤/万元"))
        );
        assert_eq!(split_header("总产值"), ("总产值", None));
        // An unknown unit is still a unit part: the loader names it.
        assert_eq!(split_header("总产值（美元）"), ("总产值", Some("美元")));
    }

    #[test]
    fn a_unit_is_found_by_any_spelling() {
        assert_eq!(spelled("亿元").map(|u| u.power_of_ten), Some(8));
        assert_eq!(
            spelled("100 Million Yuan").map(|u| u.key.as_str()),
            Some("100mn CNY")
        );
        assert_eq!(spelled("％").map(|u| u.power_of_ten), Some(-2));
        assert_eq!(spelled("美元"), None);
    }
}
