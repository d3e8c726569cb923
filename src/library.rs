//! The SQL view library of `sql/views/`, compiled into the binary and
//! installed in every database clusterql opens, and its catalogue, read
//! from each file's header comment.

use std::sync::OnceLock;

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::sql_quote::sql_string;
use crate::t;

/// The library's files in installation order (a view may use the ones
/// before it). A test checks that this lists every file of `sql/views/`.
pub const VIEW_FILES: &[(&str, &str)] = &[
    (
        "01_cluster_tiers.sql",
        include_str!("../sql/views/01_cluster_tiers.sql"),
    ),
    (
        "02_batch_headline.sql",
        include_str!("../sql/views/02_batch_headline.sql"),
    ),
    (
        "03_briefing_headline.sql",
        include_str!("../sql/views/03_briefing_headline.sql"),
    ),
    (
        "04_briefing_metrics.sql",
        include_str!("../sql/views/04_briefing_metrics.sql"),
    ),
    (
        "05_claims_checked.sql",
        include_str!("../sql/views/05_claims_checked.sql"),
    ),
    (
        "06_quality_pyramid.sql",
        include_str!("../sql/views/06_quality_pyramid.sql"),
    ),
    (
        "07_quality_share.sql",
        include_str!("../sql/views/07_quality_share.sql"),
    ),
    (
        "08_leading_industry_share.sql",
        include_str!("../sql/views/08_leading_industry_share.sql"),
    ),
    (
        "09_service_coverage.sql",
        include_str!("../sql/views/09_service_coverage.sql"),
    ),
    (
        "10_chain_link_suppliers.sql",
        include_str!("../sql/views/10_chain_link_suppliers.sql"),
    ),
    (
        "11_output_growth.sql",
        include_str!("../sql/views/11_output_growth.sql"),
    ),
    (
        "12_cluster_profile.sql",
        include_str!("../sql/views/12_cluster_profile.sql"),
    ),
    (
        "13_summary_by_group.sql",
        include_str!("../sql/views/13_summary_by_group.sql"),
    ),
    (
        "14_summary_by_province.sql",
        include_str!("../sql/views/14_summary_by_province.sql"),
    ),
    (
        "15_summary_by_region.sql",
        include_str!("../sql/views/15_summary_by_region.sql"),
    ),
    (
        "16_summary_by_sector.sql",
        include_str!("../sql/views/16_summary_by_sector.sql"),
    ),
    (
        "17_batches_compared.sql",
        include_str!("../sql/views/17_batches_compared.sql"),
    ),
    (
        "18_recognition_review.sql",
        include_str!("../sql/views/18_recognition_review.sql"),
    ),
    (
        "19_recognition_summary.sql",
        include_str!("../sql/views/19_recognition_summary.sql"),
    ),
    (
        "20_data_consistency.sql",
        include_str!("../sql/views/20_data_consistency.sql"),
    ),
    (
        "21_recognition_panel.sql",
        include_str!("../sql/views/21_recognition_panel.sql"),
    ),
    (
        "22_recognition_event_study.sql",
        include_str!("../sql/views/22_recognition_event_study.sql"),
    ),
    (
        "23_cluster_places.sql",
        include_str!("../sql/views/23_cluster_places.sql"),
    ),
    (
        "24_credit_code_valid.sql",
        include_str!("../sql/views/24_credit_code_valid.sql"),
    ),
    (
        "25_credit_code_county.sql",
        include_str!("../sql/views/25_credit_code_county.sql"),
    ),
];

/// One entry of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewInfo {
    pub file: &'static str,
    pub name: String,
    /// `view` or `macro`.
    pub kind: &'static str,
    /// A macro that returns a table (`AS TABLE`), not a value.
    pub is_table_macro: bool,
    pub question: String,
    pub question_zh: String,
    pub reproduces: String,
    /// Each result column with its description in English and in Chinese.
    pub columns: Vec<ColumnNote>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnNote {
    pub name: String,
    pub en: String,
    pub zh: String,
}

impl ViewInfo {
    /// The question the view answers, in `lang`.
    pub fn question_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.question,
            Lang::Zh => &self.question_zh,
        }
    }
}

/// The header field `-- key: value` of a view file.
fn header_field(sql: &str, key: &str) -> Option<String> {
    let prefix = format!("-- {key}:");
    header(sql)
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim().to_string())
}

/// The leading comment lines of a view file.
fn header(sql: &str) -> impl Iterator<Item = &str> {
    sql.lines().take_while(|line| line.starts_with("--"))
}

/// The entries of a header block such as `columns:`, one per column: the
/// block's lines read `--   a, b: description`. A block whose first line
/// refers to another view instead (`those of X…`, `同 X…`) is `Err(X)`.
fn column_block(sql: &str, key: &str) -> std::result::Result<Vec<(String, String)>, String> {
    let prefix = format!("-- {key}:");
    let mut lines = header(sql).skip_while(|line| !line.starts_with(&prefix));
    let inline = lines
        .next()
        .and_then(|line| line.strip_prefix(&prefix))
        .map(str::trim)
        .unwrap_or_default();
    let referred = inline
        .strip_prefix("those of ")
        .or_else(|| inline.strip_prefix("同 "));
    if let Some(rest) = referred {
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        return Err(name);
    }
    let mut entries = Vec::new();
    for line in lines.map_while(|line| line.strip_prefix("--   ")) {
        let Some((names, description)) = line.split_once(": ") else {
            continue;
        };
        for name in names.split(", ") {
            entries.push((name.trim().to_string(), description.trim().to_string()));
        }
    }
    Ok(entries)
}

/// The catalogue, read once from the headers compiled into the binary.
pub fn catalogue() -> &'static [ViewInfo] {
    static CATALOGUE: OnceLock<Vec<ViewInfo>> = OnceLock::new();
    CATALOGUE.get_or_init(read_catalogue)
}

fn read_catalogue() -> Vec<ViewInfo> {
    let own = |sql: &str| -> Option<Vec<ColumnNote>> {
        let en = column_block(sql, "columns").ok()?;
        let zh = column_block(sql, "columns_zh").ok()?;
        Some(
            en.into_iter()
                .map(|(name, en)| {
                    let zh = zh
                        .iter()
                        .find(|(n, _)| *n == name)
                        .map(|(_, d)| d.clone())
                        .unwrap_or_default();
                    ColumnNote { name, en, zh }
                })
                .collect(),
        )
    };
    let mut views: Vec<ViewInfo> = VIEW_FILES
        .iter()
        .map(|(file, sql)| ViewInfo {
            file,
            name: header_field(sql, "name").unwrap_or_else(|| file.to_string()),
            kind: if sql.contains("CREATE OR REPLACE MACRO") {
                "macro"
            } else {
                "view"
            },
            is_table_macro: sql.contains("CREATE OR REPLACE MACRO") && sql.contains("AS TABLE"),
            question: header_field(sql, "question").unwrap_or_default(),
            question_zh: header_field(sql, "question_zh").unwrap_or_default(),
            reproduces: header_field(sql, "reproduces").unwrap_or_default(),
            columns: own(sql).unwrap_or_default(),
        })
        .collect();
    // A view may describe its columns as those of another.
    for (index, (_, sql)) in VIEW_FILES.iter().enumerate() {
        if let Err(other) = column_block(sql, "columns") {
            let inherited = views
                .iter()
                .find(|view| view.name == other)
                .map(|view| view.columns.clone());
            if let Some(columns) = inherited {
                views[index].columns = columns;
            }
        }
    }
    views
}

/// `COMMENT ON` statements that give each view its question and each
/// column its description in `lang`, for `duckdb_views()`,
/// `duckdb_columns()` and the shell's `.describe`.
fn comments_sql(lang: Lang) -> String {
    let mut sql = String::new();
    for view in catalogue() {
        let question = sql_string(view.question_in(lang));
        if view.kind == "macro" {
            // A table macro (`AS TABLE …`) and a scalar one are commented
            // on differently.
            let table = if view.is_table_macro { "TABLE " } else { "" };
            sql.push_str(&format!(
                "COMMENT ON MACRO {table}{} IS {question};\n",
                view.name
            ));
            continue;
        }
        sql.push_str(&format!("COMMENT ON VIEW {} IS {question};\n", view.name));
        for column in &view.columns {
            let text = match lang {
                Lang::En => &column.en,
                Lang::Zh => &column.zh,
            };
            sql.push_str(&format!(
                "COMMENT ON COLUMN {}.{} IS {};\n",
                view.name,
                column.name,
                sql_string(text)
            ));
        }
    }
    sql
}

/// The tables whose columns the dictionary describes in their comments.
fn base_tables() -> impl Iterator<Item = &'static str> {
    std::iter::once("counties")
        .chain(crate::dataset::SMALL_TABLES.iter().copied())
        .chain(crate::dataset::ROSTER_TABLES.iter().copied())
}

/// `COMMENT ON COLUMN` statements that give each column of the base tables
/// its dictionary title and unit in `lang`, for the columns `exists` says
/// the database has (an older file may lack a table).
fn table_comments_sql(lang: Lang, exists: impl Fn(&str, &str) -> bool) -> String {
    let mut sql = String::new();
    for entry in crate::dictionary::entries() {
        let base = base_tables().any(|table| table == entry.table);
        if base && exists(&entry.table, &entry.column) {
            sql.push_str(&format!(
                "COMMENT ON COLUMN {}.{} IS {};\n",
                entry.table,
                entry.column,
                sql_string(&entry.described(lang))
            ));
        }
    }
    sql
}

/// The base tables' columns this database has, as (table, column).
fn existing_columns(engine: &Engine) -> Result<Vec<(String, String)>> {
    let tables: Vec<String> = base_tables().map(sql_string).collect();
    let mut statement = engine.connection().prepare(&format!(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() \
         AND schema_name = 'main' AND table_name IN ({})",
        tables.join(", ")
    ))?;
    let columns = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(columns)
}

/// The table macro that records, in a database, which library it holds:
/// `SELECT * FROM clusterql_library()`.
const MARKER: &str = "clusterql_library";

/// A fingerprint of everything `install` writes in the session's
/// language: the view files and their comments. It names the library a
/// database holds and keys the cached catalogues.
pub fn fingerprint() -> String {
    fingerprint_of(&all_comments(crate::i18n::current()))
}

/// Every comment the library may write in `lang`: the views' and the base
/// tables' (all of them, so that a change to the dictionary installs the
/// library again).
fn all_comments(lang: Lang) -> String {
    comments_sql(lang) + &table_comments_sql(lang, |_, _| true)
}

fn fingerprint_of(comments: &str) -> String {
    let mut fingerprint = crate::fingerprint::Fingerprint::default();
    for (file, sql) in VIEW_FILES {
        fingerprint.add(file.as_bytes());
        fingerprint.add(sql.as_bytes());
    }
    fingerprint.add(comments.as_bytes());
    fingerprint.hex()
}

/// Whether the database already holds this library, in the session's
/// language, every view and macro of it still there: opening it then
/// writes nothing.
pub fn is_installed(engine: &Engine) -> bool {
    let names: Vec<String> = catalogue().iter().map(|v| sql_string(&v.name)).collect();
    let sql = format!(
        "SELECT (SELECT fingerprint FROM main.{MARKER}())
              = {fingerprint}
            AND (SELECT count(*) FROM duckdb_views() WHERE database_name = current_database()
                   AND schema_name = 'main' AND view_name IN ({names}))
              + (SELECT count(DISTINCT function_name) FROM duckdb_functions()
                   WHERE database_name = current_database() AND schema_name = 'main'
                   AND function_type IN ('table_macro', 'macro') AND function_name IN ({names}))
              = {count}",
        fingerprint = sql_string(&fingerprint()),
        names = names.join(", "),
        count = names.len()
    );
    engine
        .connection()
        .query_row(&sql, [], |row| row.get::<_, bool>(0))
        .unwrap_or(false)
}

/// Installs every view. A read-only database cannot store them, so there
/// they become temporary views of this session; a writable one records
/// the library it now holds ([`is_installed`]).
pub fn install(engine: &Engine, temporary: bool) -> Result<()> {
    for (file, sql) in VIEW_FILES {
        let sql = if temporary {
            sql.replace("CREATE OR REPLACE VIEW", "CREATE OR REPLACE TEMP VIEW")
                .replace("CREATE OR REPLACE MACRO", "CREATE OR REPLACE TEMP MACRO")
        } else {
            sql.to_string()
        };
        engine.execute_batch(&sql).map_err(|e| {
            Error::Engine(t!(
                "library-install-failed",
                file = *file,
                reason = crate::error::one_line(&e.to_string())
            ))
        })?;
    }
    let lang = crate::i18n::current();
    let mut comments = comments_sql(lang);
    if !temporary {
        // A read-only database keeps the comments it has.
        let existing = existing_columns(engine)?;
        comments.push_str(&table_comments_sql(lang, |table, column| {
            existing.iter().any(|(t, c)| t == table && c == column)
        }));
        let fingerprint = fingerprint_of(&all_comments(lang));
        comments.push_str(&format!(
            "CREATE OR REPLACE MACRO {MARKER}() AS TABLE SELECT {} AS fingerprint;\n\
             COMMENT ON MACRO TABLE {MARKER} IS {};\n",
            sql_string(&fingerprint),
            sql_string(&t!("library-marker"))
        ));
    }
    engine.execute_batch(&comments).map_err(|e| {
        Error::Engine(t!(
            "library-comments-failed",
            reason = crate::error::one_line(&e.to_string())
        ))
    })?;
    Ok(())
}

/// Installs every view or, if one fails, none: the database keeps the
/// views it had.
pub fn install_all_or_none(engine: &Engine, temporary: bool) -> Result<()> {
    engine.execute_batch("BEGIN TRANSACTION")?;
    match install(engine, temporary) {
        Ok(()) => Ok(engine.execute_batch("COMMIT")?),
        Err(error) => {
            let _ = engine.execute_batch("ROLLBACK");
            Err(error)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_file_in_sql_views_is_installed_in_order() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/sql/views");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .expect("sql/views exists")
            .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
            .filter(|name| name.ends_with(".sql"))
            .collect();
        on_disk.sort();
        let listed: Vec<String> = VIEW_FILES
            .iter()
            .map(|(file, _)| file.to_string())
            .collect();
        assert_eq!(on_disk, listed);
    }

    #[test]
    fn every_view_has_its_question_and_columns_in_both_languages() {
        let views = catalogue();
        assert_eq!(views.len(), VIEW_FILES.len());
        for view in views {
            assert!(!view.question.is_empty(), "{}: no question", view.name);
            assert!(
                view.question_zh
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{}: no Chinese question",
                view.name
            );
            if view.kind == "macro" {
                continue;
            }
            assert!(!view.columns.is_empty(), "{}: no column notes", view.name);
            for column in &view.columns {
                assert!(
                    !column.en.is_empty(),
                    "{}.{}: no English",
                    view.name,
                    column.name
                );
                assert!(
                    !column.zh.is_empty(),
                    "{}.{}: no Chinese",
                    view.name,
                    column.name
                );
            }
        }
    }

    #[test]
    fn every_header_is_complete() {
        for (file, sql) in VIEW_FILES {
            for key in ["name", "question", "reproduces", "grain", "columns"] {
                assert!(
                    header_field(sql, key).is_some(),
                    "{file} has no '{key}:' line"
                );
            }
            let name = header_field(sql, "name").unwrap_or_default();
            assert!(
                sql.contains(&format!("CREATE OR REPLACE VIEW {name} "))
                    || sql.contains(&format!("CREATE OR REPLACE MACRO {name}(")),
                "{file} does not create {name}"
            );
        }
    }
}
