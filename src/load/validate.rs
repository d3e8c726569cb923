//! The validation path of a load, taken when the quick insert failed: the
//! files are staged as text, every rule is one set-based query naming each
//! problem's file, line, column and value, and the rows go in only when
//! none is found.

use super::counts;
use super::problems::{PROBLEM_LIMIT, Places, Problems, places_in};
use super::{
    Column, FileFormat, LoadRequest, Loaded, Mode, credit_codes, headers, keys, normalize, quote,
    reader_sql, sql_string,
};
use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;

/// Reads the files into `temp.load_read`, every column of a CSV file as
/// text, and shows them as `temp.load_stage` with the file name and the
/// number of each record in its file, from 1 (`__line`: a CSV record's
/// line is found from it by [`Places`](super::problems::Places), a Parquet
/// row is its number).
pub(super) fn stage(engine: &Engine, files: &[String], format: FileFormat) -> Result<()> {
    let reader = reader_sql(files, format, true, None);
    // A window over a parallel scan numbers rows in no set order, and a
    // sort or a second copy of a large file costs memory: the number comes
    // from the file itself (Parquet), or from the order a table keeps its
    // rows in, which is the files' one after the other (DuckDB preserves
    // insertion order): a row's id less its file's first.
    let numbered = match format {
        FileFormat::Csv => {
            "SELECT r.*, r.rowid + 1 - f.first AS __line FROM temp.load_read AS r \
             JOIN (SELECT __file, min(rowid) AS first FROM temp.load_read GROUP BY __file) AS f \
             USING (__file)"
        }
        FileFormat::Parquet => {
            "SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS __line FROM temp.load_read"
        }
    };
    // The numbering needs the order DuckDB keeps by default; a session
    // that turned it off (a memory tip) has it back for the copy alone.
    let kept: bool = engine
        .connection()
        .query_row(
            "SELECT current_setting('preserve_insertion_order')",
            [],
            |row| row.get(0),
        )
        .unwrap_or(true);
    let (keep, restore) = if kept {
        ("", "")
    } else {
        (
            "SET preserve_insertion_order = true; ",
            "; SET preserve_insertion_order = false",
        )
    };
    let sql = format!(
        "{keep}CREATE OR REPLACE TEMP TABLE load_read AS SELECT * FROM {reader}; \
         CREATE OR REPLACE TEMP VIEW load_stage AS {numbered}{restore}"
    );
    // Reading is most of a load's time: long ones show their progress.
    let _progress = crate::progress::watch(engine.progress_handle());
    engine.execute_batch(&sql).map_err(|e| {
        unstage(engine);
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

/// Drops what [`stage`] made.
pub(super) fn unstage(engine: &Engine) {
    let _ = engine
        .execute_batch("DROP VIEW IF EXISTS temp.load_stage; DROP TABLE IF EXISTS temp.load_read");
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
    plans: &[(String, headers::Plan)],
    places: &Places<'_>,
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
    // A column's text, its value, and for an integer column the number as
    // read before it must prove whole, as one file's plan reads them.
    let reading_in = |plan: &headers::Plan, column: &Column| -> Option<[String; 3]> {
        let planned = plan.of_column(&column.name)?;
        let (text, is_text) = text_of(planned)?;
        let read_as = |data_type: &str| {
            if is_text {
                normalize::value(&text, data_type, Some(planned), false)
            } else {
                format!("TRY_CAST({text} AS {data_type})")
            }
        };
        if normalize::is_integer(&column.data_type) {
            let number = read_as("DOUBLE");
            let value = format!(
                "TRY_CAST(CASE WHEN {number} = trunc({number}) THEN {number} END AS {})",
                column.data_type
            );
            return Some([text, value, number]);
        }
        let value = read_as(&column.data_type);
        Some([text, value, String::new()])
    };
    // The same over every file's rows: each file read by its own plan.
    let reading = |column: &Column| -> Option<(String, String, Option<String>)> {
        let per_file: Vec<(&str, Option<[String; 3]>)> = plans
            .iter()
            .map(|(file, plan)| (file.as_str(), reading_in(plan, column)))
            .collect();
        let part = |index: usize| -> Vec<(&str, Option<&str>)> {
            per_file
                .iter()
                // An empty part is none: the number of a column that is
                // no count.
                .map(|(file, read)| {
                    let part = read.as_ref().map(|r| r[index].as_str());
                    (*file, part.filter(|part| !part.is_empty()))
                })
                .collect()
        };
        let text = by_file("__file", &part(0))?;
        let value = by_file("__file", &part(1))?;
        let number = by_file("__file", &part(2)).filter(|n| !n.is_empty());
        Some((text, value, number))
    };
    let plan_of = |file: &str| plans.iter().find(|(f, _)| f == file).map(|(_, plan)| plan);
    let mut problems = Problems::default();

    // Counts: a number of persons or enterprises is whole once in the
    // column's unit; 4.5 persons is a unit error, not a number to round.
    for column in columns {
        let Some((text, _, Some(number))) = reading(column) else {
            continue;
        };
        let sql = format!(
            "SELECT __file, __line, {text}::VARCHAR, {number} FROM temp.load_stage \
             WHERE {number} <> trunc({number}) ORDER BY __file, __line LIMIT {limit}",
            limit = PROBLEM_LIMIT + 1
        );
        let mut statement = engine.connection().prepare(&sql)?;
        let rows: Vec<(String, i64, String, f64)> = statement
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<duckdb::Result<_>>()?;
        for (file, line, value, number) in rows {
            let planned = plan_of(&file).and_then(|plan| plan.of_column(&column.name));
            let problem = counts::not_whole(request, column, planned, &value, number);
            problems.add_at(file, line, Some(&column.name), problem);
        }
    }

    // Types: every value must read as its column's type.
    for column in columns {
        let Some((text, value, number)) = reading(column) else {
            continue;
        };
        // A count that is not whole was named above.
        let whole = number.map_or_else(String::new, |n| {
            format!(" AND NOT coalesce(({n}) <> trunc({n}), false)")
        });
        let sql = format!(
            "SELECT __file, __line, {text}::VARCHAR FROM temp.load_stage \
             WHERE {written} AND ({value}) IS NULL{whole} ORDER BY __file, __line LIMIT {limit}",
            written = normalize::is_written(&format!("{text}::VARCHAR"), &column.data_type),
            limit = PROBLEM_LIMIT + 1
        );
        for (file, line, value) in problem_rows(engine, &sql)? {
            problems.add_at(
                file,
                line,
                Some(&column.name),
                t!(
                    "load-wrong-type",
                    column = &column.name,
                    value = value,
                    type = &column.data_type
                ),
            );
        }
    }
    problems.into_result_at(places)?;

    // The typed rows, as they would be inserted.
    let select_list = columns
        .iter()
        .map(|column| match reading(column) {
            Some((_, value, _)) => format!(
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
    // Each column's text as written, in the staged rows (`s`), so that a
    // broken rule can show `135%`, not only the 1.35 it was read as.
    let written: Vec<(String, String)> = columns
        .iter()
        .filter_map(|column| {
            let per_file: Vec<(&str, Option<String>)> = plans
                .iter()
                .map(|(file, plan)| {
                    let planned = plan.of_column(&column.name);
                    let text = planned.map(|p| format!("CAST(s.{} AS VARCHAR)", quote(&p.header)));
                    (file.as_str(), text)
                })
                .collect();
            let parts: Vec<(&str, Option<&str>)> = per_file
                .iter()
                .map(|(file, text)| (*file, text.as_deref()))
                .collect();
            Some((column.name.clone(), by_file("s.__file", &parts)?))
        })
        .collect();
    let result = check_rules(engine, request, columns, &written, places)
        .and_then(|()| insert(engine, request, columns));
    let _ = engine.execute_batch("DROP TABLE IF EXISTS temp.load_typed");
    result
}

/// One SQL expression over the staged rows from each file's own
/// (`file_column` names the row's file): the expression itself when every
/// file reads the column alike, else a CASE on the row's file; `None` when
/// no file has the column.
fn by_file(file_column: &str, parts: &[(&str, Option<&str>)]) -> Option<String> {
    let first = parts.first()?.1;
    if parts.iter().all(|(_, part)| *part == first) {
        return first.map(str::to_string);
    }
    let arms: String = parts
        .iter()
        .filter_map(|(file, part)| part.map(|p| format!(" WHEN {} THEN {p}", sql_string(file))))
        .collect();
    if arms.is_empty() {
        return None;
    }
    Some(format!("CASE {file_column}{arms} END"))
}

pub(super) fn check_rules(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    written: &[(String, String)],
    places: &Places<'_>,
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
            problems.add_at(
                file,
                line,
                Some(&column.name),
                t!("load-empty-required", column = &column.name),
            );
        }
    }
    // Keys: unique within the files and, when appending, against the table.
    let key = primary_key(engine, table)?;
    if !key.is_empty() {
        let key_list = key.iter().map(|k| quote(k)).collect::<Vec<_>>().join(", ");
        let key_text = key_as_text(&key, "");
        // Each key found twice, once, at its first record, with up to
        // five other records that hold it. (A key with an empty part is
        // named as empty above; the places are listed only for the keys
        // found twice, not gathered for every row.)
        let present = key
            .iter()
            .map(|k| format!("{} IS NOT NULL", quote(k)))
            .collect::<Vec<_>>()
            .join(" AND ");
        let sql = format!(
            "WITH twice AS (SELECT {key_list} FROM temp.load_typed WHERE {present} \
             GROUP BY {key_list} HAVING count(*) > 1 LIMIT {limit}) \
             SELECT places[1].f, places[1].l, value, places[2:6] FROM ( \
             SELECT {key_text} AS value, list({{'f': __file, 'l': __line}} ORDER BY __file, __line) AS places \
             FROM temp.load_typed SEMI JOIN twice USING ({key_list}) GROUP BY {key_list}) \
             ORDER BY 1, 2"
        );
        let mut statement = engine.connection().prepare(&sql)?;
        let found: Vec<(String, i64, Option<String>, duckdb::types::Value)> = statement
            .query_map([], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?
            .collect::<duckdb::Result<_>>()?;
        for (file, line, value, others) in found {
            let value = value.unwrap_or_default();
            problems.add_at_also(
                file,
                line,
                key.first().map(String::as_str),
                t!("load-duplicate-key", key = key.join(", "), value = value),
                places_in(&others),
            );
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
                problems.add_at(
                    file,
                    line,
                    key.first().map(String::as_str),
                    t!(
                        "load-key-exists",
                        key = key.join(", "),
                        value = value,
                        table = table
                    ),
                );
            }
        }
    }
    // Enterprise ids are credit codes (unless the user said otherwise).
    if credit_codes::applies(request) {
        for (file, line, problem) in credit_codes::problems(engine, limit)? {
            problems.add_at(file, line, Some(credit_codes::COLUMN), problem);
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
            problems.add_at(
                file,
                line,
                Some(column),
                t!(
                    "load-missing-reference",
                    column = column,
                    value = value,
                    target = target
                ),
            );
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
        // The rows that break it first, then their text as written.
        let values = values_in_rule(&check, columns, written);
        let sql = format!(
            "SELECT t.__file, t.__line, {values} FROM (SELECT * FROM temp.load_typed \
             WHERE NOT coalesce(({check}), true) ORDER BY __file, __line LIMIT {limit}) AS t \
             JOIN temp.load_stage AS s ON s.__file = t.__file AND s.__line = t.__line ORDER BY 1, 2"
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
            problems.add_at(file, line, None, problem);
        }
    }
    problems.into_result_at(places)
}

/// SQL for the text `a = 1.7, b = 2` of the columns a rule reads in the
/// typed rows `t`, so that a broken rule shows the values that broke it,
/// each with its text as the file writes it (`written`: a column's SQL
/// over the staged rows) where that differs (`a = 1.35 (written '135%')`).
pub(super) fn values_in_rule(
    check: &str,
    columns: &[Column],
    written: &[(String, String)],
) -> String {
    let words: Vec<&str> = check
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .collect();
    let parts: Vec<String> = columns
        .iter()
        .filter(|column| words.contains(&column.name.as_str()))
        .map(|column| {
            let value = format!("t.{}::VARCHAR", quote(&column.name));
            let shown = format!(
                "{} || coalesce({value}, 'NULL')",
                sql_string(&format!("{} = ", column.name))
            );
            match written.iter().find(|(name, _)| *name == column.name) {
                Some((_, text)) => format!(
                    "{shown} || CASE WHEN {text} IS NOT NULL AND {text} IS DISTINCT FROM {value} \
                     THEN {} || {text} || ''')' ELSE '' END",
                    sql_string(&format!(" ({} '", t!("load-written-as")))
                ),
                None => shown,
            }
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
    let by_file = || -> Result<Vec<(String, u64)>> {
        let mut statement = engine
            .connection()
            .prepare("SELECT __file, count(*) FROM temp.load_typed GROUP BY 1")?;
        let rows = statement
            .query_map([], |row| Ok((row.get(0)?, row.get::<_, i64>(1)? as u64)))?
            .collect::<duckdb::Result<_>>()?;
        Ok(rows)
    };
    match written {
        Ok(rows) => Ok(Loaded {
            rows,
            by_file: by_file()?,
        }),
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
