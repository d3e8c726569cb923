//! The validation path of a load, taken when the quick insert failed: the
//! files are staged as text, every rule is one set-based query naming each
//! problem's file, line, column and value, and the rows go in only when
//! none is found.

use std::fmt::Write as _;

use super::{
    Column, FileFormat, LoadRequest, Loaded, Mode, credit_codes, headers, keys, normalize, quote,
    reader_sql, sql_string,
};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;

/// Problems listed in full before the rest are only counted.
pub(super) const PROBLEM_LIMIT: usize = 20;

/// Reads the files into `temp.load_stage`, every column as text, with the
/// file name and the line (CSV) or row (Parquet) of each record.
pub(super) fn stage(engine: &Engine, files: &[String], format: FileFormat) -> Result<()> {
    let reader = reader_sql(files, format, true, None);
    // Lines: the header is line 1, so the first record is on line 2.
    let position = match format {
        FileFormat::Csv => "row_number() OVER (PARTITION BY __file) + 1",
        FileFormat::Parquet => "row_number() OVER (PARTITION BY __file)",
    };
    let sql = format!(
        "CREATE OR REPLACE TEMP TABLE load_stage AS SELECT *, {position} AS __line FROM {reader}"
    );
    // Reading is most of a load's time: long ones show their progress.
    let _progress = crate::progress::watch(engine.progress_handle());
    engine.execute_batch(&sql).map_err(|e| {
        let message = crate::error::one_line(&e.to_string());
        let hint = if message.contains("magic")
            || message.contains("Parquet")
            || message.contains("parquet")
        {
            t!("load-parquet-corrupt")
        } else {
            String::new()
        };
        Error::LoadRejected(format!("{}: {message}{hint}", files.join(", ")))
    })
}

pub(super) fn staged_columns(engine: &Engine) -> Result<Vec<(String, String)>> {
    let mut statement = engine.connection().prepare(
        "SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'load_stage' AND schema_name = 'main' \
         AND database_name = 'temp' AND column_name NOT IN ('__file', '__line') ORDER BY column_index",
    )?;
    let columns = statement
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<duckdb::Result<_>>()?;
    Ok(columns)
}

pub(super) fn validate_and_insert(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    plan: &headers::Plan,
) -> Result<Loaded> {
    let staged = staged_columns(engine)?;
    // Each staged column as text the normalizing reading takes: CSV
    // columns are text already; a Parquet file's typed ones keep their type
    // unless a unit converts them.
    let text_of = |planned: &headers::Planned| -> Option<(String, bool)> {
        let (name, data_type) = staged.iter().find(|(name, _)| *name == planned.header)?;
        let quoted = quote(name);
        Some(if data_type == "VARCHAR" {
            (quoted, true)
        } else if planned.scale != 0 {
            (format!("CAST({quoted} AS VARCHAR)"), true)
        } else {
            (quoted, false)
        })
    };
    let reading = |column: &Column| -> Option<(String, String)> {
        let planned = plan.of_column(&column.name)?;
        let (text, is_text) = text_of(planned)?;
        let value = if is_text {
            normalize::value(&text, &column.data_type, Some(planned), false)
        } else {
            format!("TRY_CAST({text} AS {})", column.data_type)
        };
        Some((text, value))
    };
    let mut problems = Problems::default();

    // Types: every value must read as its column's type.
    for column in columns {
        let Some((text, value)) = reading(column) else {
            continue;
        };
        let sql = format!(
            "SELECT __file, __line, {text}::VARCHAR FROM temp.load_stage \
             WHERE {written} AND ({value}) IS NULL ORDER BY __file, __line LIMIT {limit}",
            written = normalize::is_written(&format!("{text}::VARCHAR"), &column.data_type),
            limit = PROBLEM_LIMIT + 1
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!(
                    "load-wrong-type",
                    column = &column.name,
                    value = value,
                    type = &column.data_type
                )
            ));
        }
    }
    problems.into_result()?;

    // The typed rows, as they would be inserted.
    let select_list = columns
        .iter()
        .map(|column| match reading(column) {
            Some((_, value)) => format!(
                "CAST({value} AS {}) AS {}",
                column.data_type,
                quote(&column.name)
            ),
            None => format!(
                "CAST(NULL AS {}) AS {}",
                column.data_type,
                quote(&column.name)
            ),
        })
        .collect::<Vec<_>>()
        .join(", ");
    engine.execute_batch(&format!(
        "CREATE OR REPLACE TEMP TABLE load_typed AS SELECT __file, __line, {select_list} FROM temp.load_stage"
    ))?;
    let result =
        check_rules(engine, request, columns).and_then(|()| insert(engine, request, columns));
    let _ = engine.execute_batch("DROP TABLE IF EXISTS temp.load_typed");
    result
}

pub(super) fn check_rules(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
) -> Result<()> {
    let table = &request.table;
    let mut problems = Problems::default();
    let limit = PROBLEM_LIMIT + 1;
    for column in columns.iter().filter(|c| !c.nullable) {
        let name = quote(&column.name);
        let sql = format!(
            "SELECT __file, __line, 'NULL' FROM temp.load_typed WHERE {name} IS NULL ORDER BY 1, 2 LIMIT {limit}"
        );
        for (file, line, _) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!("load-empty-required", column = &column.name)
            ));
        }
    }
    // Keys: unique within the files and, when appending, against the table.
    let key = primary_key(engine, table)?;
    if !key.is_empty() {
        let key_list = key.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let key_text = key_as_text(&key, "");
        let sql = format!(
            "SELECT __file, __line, {key_text} FROM (SELECT *, count(*) OVER (PARTITION BY {key_list}) AS n FROM temp.load_typed) \
             WHERE n > 1 ORDER BY 1, 2 LIMIT {limit}"
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!("load-duplicate-key", key = key.join(", "), value = value)
            ));
        }
        if request.mode == Mode::Append {
            let join = key
                .iter()
                .map(|k| format!("t.{0} = s.{0}", quote(k)))
                .collect::<Vec<_>>()
                .join(" AND ");
            let sql = format!(
                "SELECT s.__file, s.__line, {} FROM temp.load_typed AS s SEMI JOIN main.{table} AS t ON {join} ORDER BY 1, 2 LIMIT {limit}",
                key_as_text(&key, "s.")
            );
            for (file, line, value) in problem_rows(engine, &sql)? {
                problems.add(format!(
                    "{file}:{line}: {}",
                    t!(
                        "load-key-exists",
                        key = key.join(", "),
                        value = value,
                        table = table
                    )
                ));
            }
        }
    }
    // Enterprise ids are credit codes (unless the user said otherwise).
    if credit_codes::applies(request) {
        for problem in credit_codes::problems(engine, limit)? {
            problems.add(problem);
        }
    }
    // References to counties, clusters and enterprises.
    for (column, target) in [
        ("county_code", "counties"),
        ("cluster_id", "clusters"),
        ("enterprise_id", "enterprises"),
    ] {
        let references = columns.iter().any(|c| c.name == column)
            && target != table
            && !(table == "enterprises" && column == "enterprise_id");
        if !references {
            continue;
        }
        let sql = format!(
            "SELECT __file, __line, {column} FROM temp.load_typed WHERE {column} IS NOT NULL \
             AND {column} NOT IN (SELECT {column} FROM main.{target}) ORDER BY 1, 2 LIMIT {limit}"
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add(format!(
                "{file}:{line}: {}",
                t!(
                    "load-missing-reference",
                    column = column,
                    value = value,
                    target = target
                )
            ));
        }
    }
    // Rows of the roster that refer to this table must still find theirs
    // when the load replaces it.
    if request.mode == Mode::Replace {
        for (referrer, column) in keys::referrers(table) {
            let sql = format!(
                "SELECT '{referrer}', count(*), any_value({column}) FROM main.{referrer} \
                 WHERE {column} NOT IN (SELECT {column} FROM temp.load_typed) HAVING count(*) > 0"
            );
            for (_, count, example) in problem_rows(engine, &sql)? {
                problems.add(t!(
                    "load-replace-strands",
                    count = count,
                    referrer = referrer,
                    column = column,
                    example = example
                ));
            }
        }
    }
    // The schema's CHECK constraints: counts, shares, lists, orderings.
    for check in check_constraints(engine, table)? {
        let values = values_in_rule(&check, columns);
        let sql = format!(
            "SELECT __file, __line, {values} FROM temp.load_typed WHERE NOT coalesce(({check}), true) ORDER BY 1, 2 LIMIT {limit}"
        );
        let rows = problem_rows(engine, &sql).map_err(|e| {
            Error::Engine(t!(
                "load-checking-rule",
                rule = &check,
                reason = e.to_string()
            ))
        })?;
        for (file, line, found) in rows {
            let problem = if found.is_empty() {
                t!("load-breaks-rule", rule = &check)
            } else {
                t!("load-breaks-rule-found", rule = &check, found = found)
            };
            problems.add(format!("{file}:{line}: {problem}"));
        }
    }
    problems.into_result()
}

/// SQL for the text `a = 1.7, b = 2` of the columns a rule reads, so that
/// a broken rule shows the values that broke it.
pub(super) fn values_in_rule(check: &str, columns: &[Column]) -> String {
    let words: Vec<&str> = check
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    let parts: Vec<String> = columns
        .iter()
        .filter(|column| words.contains(&column.name.as_str()))
        .map(|column| {
            format!(
                "{} || coalesce({}::VARCHAR, 'NULL')",
                sql_string(&format!("{} = ", column.name)),
                quote(&column.name)
            )
        })
        .collect();
    if parts.is_empty() {
        "''".to_string()
    } else {
        format!("concat_ws(', ', {})", parts.join(", "))
    }
}

pub(super) fn insert(engine: &Engine, request: &LoadRequest, columns: &[Column]) -> Result<Loaded> {
    let table = &request.table;
    let names = columns
        .iter()
        .map(|c| quote(&c.name))
        .collect::<Vec<_>>()
        .join(", ");
    engine.execute_batch("BEGIN TRANSACTION")?;
    let written = (|| -> Result<u64> {
        if request.mode == Mode::Replace {
            engine.execute_batch(&format!("DELETE FROM main.{table}"))?;
        }
        let rows = engine
            .connection()
            .execute(&format!("INSERT INTO main.{table} ({names}) SELECT {names} FROM temp.load_typed ORDER BY __file, __line"), [])?;
        engine.execute_batch("COMMIT")?;
        Ok(rows as u64)
    })();
    match written {
        Ok(rows) => Ok(Loaded { rows }),
        Err(error) => {
            let _ = engine.execute_batch("ROLLBACK");
            Err(Error::LoadRejected(t!(
                "load-write-failed",
                table = table,
                reason = error.to_string()
            )))
        }
    }
}

pub(super) fn primary_key(engine: &Engine, table: &str) -> Result<Vec<String>> {
    let mut statement = engine.connection().prepare(
        "SELECT constraint_column_names FROM duckdb_constraints() \
         WHERE table_name = ? AND schema_name = 'main' AND constraint_type = 'PRIMARY KEY'",
    )?;
    let keys: Vec<Vec<String>> = statement
        .query_map([table], |row| {
            let list: duckdb::types::Value = row.get(0)?;
            Ok(match list {
                duckdb::types::Value::List(items) => items
                    .into_iter()
                    .filter_map(|v| {
                        if let duckdb::types::Value::Text(t) = v {
                            Some(t)
                        } else {
                            None
                        }
                    })
                    .collect(),
                _ => Vec::new(),
            })
        })?
        .collect::<duckdb::Result<_>>()?;
    let declared = keys.into_iter().next().unwrap_or_default();
    if !declared.is_empty() {
        return Ok(declared);
    }
    Ok(keys::unindexed_keys(table)
        .map(|k| k.key.iter().map(|c| c.to_string()).collect())
        .unwrap_or_default())
}

pub(super) fn check_constraints(engine: &Engine, table: &str) -> Result<Vec<String>> {
    let mut statement = engine.connection().prepare(
        "SELECT expression FROM duckdb_constraints() WHERE table_name = ? AND schema_name = 'main' \
         AND constraint_type = 'CHECK' AND expression IS NOT NULL ORDER BY constraint_index",
    )?;
    let checks = statement
        .query_map([table], |row| row.get(0))?
        .collect::<duckdb::Result<_>>()?;
    Ok(checks)
}

pub(super) fn problem_rows(engine: &Engine, sql: &str) -> Result<Vec<(String, i64, String)>> {
    let mut statement = engine.connection().prepare(sql)?;
    let rows = statement
        .query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, Option<String>>(2)?.unwrap_or_default(),
            ))
        })?
        .collect::<duckdb::Result<_>>()?;
    Ok(rows)
}

/// A key's columns as one text for messages (`a/b`), each column read
/// through `qualifier` (`s.` or nothing).
pub(super) fn key_as_text(key: &[String], qualifier: &str) -> String {
    key.iter()
        .map(|k| format!("{qualifier}{}::VARCHAR", quote(k)))
        .collect::<Vec<_>>()
        .join(" || '/' || ")
}

/// Problems found, kept up to the limit and counted beyond it.
#[derive(Default)]
pub(super) struct Problems {
    listed: Vec<String>,
    more: usize,
}

impl Problems {
    pub(super) fn add(&mut self, problem: String) {
        if self.listed.len() < PROBLEM_LIMIT {
            self.listed.push(problem);
        } else {
            self.more += 1;
        }
    }

    pub(super) fn into_result(self) -> Result<()> {
        if self.listed.is_empty() {
            return Ok(());
        }
        let count = self.listed.len() + self.more;
        let mut text = t!("load-rejected", count = count);
        for problem in &self.listed {
            let _ = write!(text, "\n  {problem}");
        }
        if self.more > 0 {
            let _ = write!(text, "\n  {}", t!("load-and-more", count = self.more));
        }
        Err(Error::LoadRejected(text))
    }
}
