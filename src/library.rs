//! The SQL view library of `sql/views/`, compiled into the binary and
//! installed in every database clusterql opens, and its catalogue, read
//! from each file's header comment.

use crate::engine::Engine;
use crate::error::{Error, Result};

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
];

/// One entry of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewInfo {
    pub file: &'static str,
    pub name: String,
    /// `view` or `macro`.
    pub kind: &'static str,
    pub question: String,
    pub reproduces: String,
}

/// The header field `-- key: value` of a view file.
fn header_field(sql: &str, key: &str) -> Option<String> {
    let prefix = format!("-- {key}:");
    sql.lines()
        .take_while(|line| line.starts_with("--"))
        .find_map(|line| line.strip_prefix(&prefix))
        .map(|value| value.trim().to_string())
}

pub fn catalogue() -> Vec<ViewInfo> {
    VIEW_FILES
        .iter()
        .map(|(file, sql)| ViewInfo {
            file,
            name: header_field(sql, "name").unwrap_or_else(|| file.to_string()),
            kind: if sql.contains("CREATE OR REPLACE MACRO") {
                "macro"
            } else {
                "view"
            },
            question: header_field(sql, "question").unwrap_or_default(),
            reproduces: header_field(sql, "reproduces").unwrap_or_default(),
        })
        .collect()
}

/// Installs every view. A read-only database cannot store them, so there
/// they become temporary views of this session.
pub fn install(engine: &Engine, temporary: bool) -> Result<()> {
    for (file, sql) in VIEW_FILES {
        let sql = if temporary {
            sql.replace("CREATE OR REPLACE VIEW", "CREATE OR REPLACE TEMP VIEW")
                .replace("CREATE OR REPLACE MACRO", "CREATE OR REPLACE TEMP MACRO")
        } else {
            sql.to_string()
        };
        engine.execute_batch(&sql).map_err(|e| {
            Error::Engine(format!(
                "view library: sql/views/{file}: {} (the database's tables may not match clusterql's schema; --empty or a new --db file gives the schema)",
                crate::error::one_line(&e.to_string())
            ))
        })?;
    }
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
