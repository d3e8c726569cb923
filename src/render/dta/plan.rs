//! The plan of a file, chosen before any row is written: each variable's
//! name, storage type, display format and label, and the dataset's label
//! and note.

use duckdb::arrow::datatypes::Schema;

use super::measure::ColumnStats;
use super::names::stata_names;
use super::types::{
    BYTE_MAX, BYTE_MIN, INT_MAX, INT_MIN, Kind, LABEL_CHARS, LABEL_FIELD, LONG_MAX, LONG_MIN,
    MAX_STR_WIDTH, NOTE_BYTES, Storage, YES_NO_LABEL, kinds,
};
use crate::error::Result;
use crate::i18n::{Arg, Lang};

/// The smallest integer type whose nonmissing range holds `min..=max`;
/// `double` past `long`. A column without values is a `byte`.
pub fn smallest_integer(min: Option<f64>, max: Option<f64>) -> Storage {
    let (Some(min), Some(max)) = (min, max) else {
        return Storage::Byte;
    };
    let fits = |low: i64, high: i64| min >= low as f64 && max <= high as f64;
    if fits(BYTE_MIN, BYTE_MAX) {
        Storage::Byte
    } else if fits(INT_MIN, INT_MAX) {
        Storage::Int
    } else if fits(LONG_MIN, LONG_MAX) {
        Storage::Long
    } else {
        Storage::Double
    }
}

/// `str#` for text of at most 2045 bytes (at least `str1`), else `strL`.
pub fn text_storage(max_bytes: Option<u64>) -> Storage {
    match max_bytes.unwrap_or(0) {
        bytes if bytes > MAX_STR_WIDTH => Storage::StrL,
        bytes => Storage::Str(bytes.max(1) as u16),
    }
}

/// The longest start of `text` of at most `max_chars` characters and
/// `max_bytes` bytes, cut between characters.
pub(super) fn clip(text: &str, max_chars: usize, max_bytes: usize) -> &str {
    let mut end = 0;
    for (count, (at, c)) in text.char_indices().enumerate() {
        if count == max_chars || at + c.len_utf8() > max_bytes {
            break;
        }
        end = at + c.len_utf8();
    }
    &text[..end]
}

/// One variable of the file.
#[derive(Debug, Clone, PartialEq)]
pub struct DtaVariable {
    /// The result column's own name.
    pub column: String,
    /// The Stata name.
    pub name: String,
    /// The variable label: the column's own name when the Stata name
    /// differs, else the dictionary's title with its unit, else empty.
    pub label: String,
    pub storage: Storage,
    /// The display format (`%td`, `%tc`, `%8.0g`, `%12s`).
    pub format: String,
    /// The value label attached (BOOLEAN columns' yes/no).
    pub value_label: Option<String>,
    pub(super) kind: Kind,
}

/// How a result becomes a Stata file: its variables, labels and the
/// dataset's label, chosen before any row is written.
#[derive(Debug, Clone, PartialEq)]
pub struct DtaPlan {
    pub variables: Vec<DtaVariable>,
    /// `clusterql: <query>`, cut to Stata's 80 characters.
    pub dataset_label: String,
    /// The whole query, kept as the dataset's note (`notes` in Stata).
    pub note: String,
    /// The file's time stamp, as seconds since 1970 (UTC); none by default,
    /// so the same query writes the same bytes.
    pub timestamp: Option<i64>,
    /// The texts of 0 and 1 in the yes/no value label.
    pub(super) yes_no: (String, String),
}

impl DtaPlan {
    /// The plan for a result of `schema` measured as `stats` (one per
    /// column, from [`super::read_stats`]; a column without them gets the
    /// widest type, `double` or `strL`), written by `query`, in the
    /// session's language.
    pub fn new(schema: &Schema, stats: &[ColumnStats], query: &str) -> Result<DtaPlan> {
        DtaPlan::in_language(crate::i18n::current(), schema, stats, query)
    }

    /// [`DtaPlan::new`] with labels in `lang`.
    pub fn in_language(
        lang: Lang,
        schema: &Schema,
        stats: &[ColumnStats],
        query: &str,
    ) -> Result<DtaPlan> {
        let kinds = kinds(schema)?;
        let columns: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
        let names = stata_names(&columns);
        let variables = schema
            .fields()
            .iter()
            .zip(kinds)
            .zip(names)
            .enumerate()
            .map(|(index, ((field, kind), (name, renamed)))| {
                let measured = stats.get(index);
                let storage = match kind {
                    Kind::Null | Kind::Bool => Storage::Byte,
                    Kind::Integer => match measured {
                        Some(s) => smallest_integer(s.min, s.max),
                        None => Storage::Double,
                    },
                    Kind::Real | Kind::Timestamp(_) => Storage::Double,
                    Kind::Date => Storage::Long,
                    Kind::Text => match measured {
                        Some(s) => text_storage(s.max_bytes),
                        None => Storage::StrL,
                    },
                };
                let format = match (kind, storage) {
                    (Kind::Date, _) => "%td".to_string(),
                    (Kind::Timestamp(_), _) => "%tc".to_string(),
                    (Kind::Integer, Storage::Double) => "%20.0g".to_string(),
                    (_, Storage::Byte | Storage::Int) => "%8.0g".to_string(),
                    (_, Storage::Long) => "%12.0g".to_string(),
                    (_, Storage::Double) => "%10.0g".to_string(),
                    (_, Storage::Str(width)) => format!("%{}s", width.max(9)),
                    (_, Storage::StrL) => "%9s".to_string(),
                };
                let column = field.name().to_string();
                let label = if renamed {
                    column.clone()
                } else {
                    crate::dictionary::entry(&column, kind == Kind::Bool)
                        .map(|entry| entry.heading(lang))
                        .unwrap_or_default()
                };
                DtaVariable {
                    label: clip(&label, LABEL_CHARS, LABEL_FIELD - 1).to_string(),
                    column,
                    name,
                    storage,
                    format,
                    value_label: (kind == Kind::Bool).then(|| YES_NO_LABEL.to_string()),
                    kind,
                }
            })
            .collect();
        let query = query.split_whitespace().collect::<Vec<_>>().join(" ");
        let label_text = |text: &str| {
            crate::i18n::message_in(lang, "dta-dataset-label", &[("query", Arg::from(text))])
        };
        let mut dataset_label = label_text(&query);
        if dataset_label.chars().count() > LABEL_CHARS {
            // Cut the query, not the name of clusterql, and show the cut.
            let frame = dataset_label.chars().count() - query.chars().count();
            let room = LABEL_CHARS.saturating_sub(frame + 1);
            dataset_label = label_text(&format!("{}…", clip(&query, room, usize::MAX)));
        }
        Ok(DtaPlan {
            variables,
            dataset_label: clip(&dataset_label, LABEL_CHARS, LABEL_FIELD - 1).to_string(),
            note: clip(&label_text(&query), usize::MAX, NOTE_BYTES).to_string(),
            timestamp: None,
            yes_no: (
                crate::i18n::message_in(lang, "dta-bool-no", &[]),
                crate::i18n::message_in(lang, "dta-bool-yes", &[]),
            ),
        })
    }

    pub(super) fn has_booleans(&self) -> bool {
        self.variables.iter().any(|v| v.kind == Kind::Bool)
    }
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;
    use duckdb::arrow::datatypes::{DataType, Field};

    #[test]
    fn the_smallest_integer_type_stops_short_of_the_missing_codes() {
        let range = |min: f64, max: f64| smallest_integer(Some(min), Some(max));
        assert_eq!(range(-127.0, 100.0), Storage::Byte);
        assert_eq!(range(0.0, 101.0), Storage::Int);
        assert_eq!(range(-128.0, 0.0), Storage::Int);
        assert_eq!(range(-32_767.0, 32_740.0), Storage::Int);
        assert_eq!(range(0.0, 32_741.0), Storage::Long);
        assert_eq!(range(-32_768.0, 0.0), Storage::Long);
        assert_eq!(range(-2_147_483_647.0, 2_147_483_620.0), Storage::Long);
        assert_eq!(range(0.0, 2_147_483_621.0), Storage::Double);
        assert_eq!(range(-2_147_483_648.0, 0.0), Storage::Double);
        assert_eq!(range(0.0, 1e30), Storage::Double);
        assert_eq!(smallest_integer(None, None), Storage::Byte);
    }

    #[test]
    fn text_up_to_2045_bytes_is_a_str_and_longer_a_strl() {
        assert_eq!(text_storage(None), Storage::Str(1));
        assert_eq!(text_storage(Some(0)), Storage::Str(1));
        assert_eq!(text_storage(Some(12)), Storage::Str(12));
        assert_eq!(text_storage(Some(2045)), Storage::Str(2045));
        assert_eq!(text_storage(Some(2046)), Storage::StrL);
    }

    #[test]
    fn labels_are_cut_between_characters() {
        assert_eq!(clip("总产值", 2, 100), "总产");
        assert_eq!(clip("总产值", 10, 7), "总产");
        assert_eq!(clip("abc", 10, 100), "abc");
        assert_eq!(clip("", 10, 100), "");
    }

    #[test]
    fn labels_come_from_the_dictionary_or_the_original_name() {
        let schema = Schema::new(vec![
            Field::new("total_output_bn_cny", DataType::Float64, true),
            Field::new("产值 2023", DataType::Float64, true),
        ]);
        let plan = DtaPlan::in_language(Lang::Zh, &schema, &[], "select 1").unwrap();
        assert_eq!(plan.variables[0].name, "total_output_bn_cny");
        assert_eq!(plan.variables[0].label, "总产值（十亿元）");
        assert_eq!(plan.variables[1].name, "v2023");
        assert_eq!(plan.variables[1].label, "产值 2023");
        let query = format!("select {}", "x, ".repeat(60));
        let plan = DtaPlan::in_language(Lang::En, &schema, &[], &query).unwrap();
        assert_eq!(plan.variables[0].label, "Total output (bn yuan)");
        assert_eq!(plan.dataset_label.chars().count(), LABEL_CHARS);
        assert!(
            plan.dataset_label.starts_with("clusterql"),
            "{}",
            plan.dataset_label
        );
        assert!(plan.dataset_label.ends_with('…'), "{}", plan.dataset_label);
        assert!(
            plan.note
                .contains(&query.split_whitespace().collect::<Vec<_>>().join(" "))
        );
    }
}
