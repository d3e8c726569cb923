//! Hints for failed statements: DuckDB says what went wrong in its own
//! words; a hint line adds what clusterql knows in the session's language.
//! A table that does not exist gets the closest names among the user's
//! tables and the view library, a missing column the closest columns of the
//! tables the statement reads, a value that does not convert its type and
//! the column's unit, a broken CHECK its rule in words.
//!
//! A hint is a courtesy: any failure to find one (a catalogue query refused
//! inside an aborted transaction, a message of another shape) gives none.

mod rules;

use std::sync::OnceLock;

use regex::Regex;

use crate::engine::Engine;
use crate::t;

/// Names offered as "the closest" at most.
const CLOSEST_SHOWN: usize = 3;

/// The hint for DuckDB's `message` about `sql`, if there is one to give.
pub fn for_error(engine: &Engine, sql: &str, message: &str) -> Option<String> {
    if let Some(name) = capture(missing_table(), message) {
        return Some(missing_table_hint(engine, &name));
    }
    if let Some((table, name)) = missing_column(message) {
        return missing_column_hint(engine, sql, table.as_deref(), &name);
    }
    if let Some(captures) = check_failed().captures(message) {
        let table = captures.get(1)?.as_str();
        let rule = rules::in_words(captures.get(2)?.as_str());
        return Some(t!("hint-check", table = table, rule = rule));
    }
    if let Some(captures) = conversion().captures(message) {
        let value = captures.get(1)?.as_str();
        let target = captures.get(2)?.as_str();
        let column = captures
            .get(3)
            .map(|m| m.as_str().to_string())
            .or_else(|| column_given(sql, value));
        return Some(conversion_hint(value, target, column.as_deref()));
    }
    None
}

fn missing_table() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r#"^Catalog Error: Table with name "?([^"!\s]+)"? does not exist"#)
            .expect("valid pattern")
    })
}

fn check_failed() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r#"CHECK constraint failed on table "?([^"\s]+)"? with expression CHECK\((.*)\)"#,
        )
        .expect("valid pattern")
    })
}

fn conversion() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(
            r#"^Conversion Error: Could not convert string '(.*?)' to ([A-Z0-9_]+)(?:.*?column "?([A-Za-z_][A-Za-z0-9_]*)"?)?"#,
        )
        .expect("valid pattern")
    })
}

fn capture(pattern: &Regex, message: &str) -> Option<String> {
    Some(pattern.captures(message)?.get(1)?.as_str().to_string())
}

/// The column DuckDB could not find, and the table it looked in when the
/// message names one.
fn missing_column(message: &str) -> Option<(Option<String>, String)> {
    static IN_FROM: OnceLock<Regex> = OnceLock::new();
    static IN_TABLE: OnceLock<Regex> = OnceLock::new();
    let in_from = IN_FROM.get_or_init(|| {
        Regex::new(r#"Referenced column "?([^"\s]+)"? not found"#).expect("valid pattern")
    });
    let in_table = IN_TABLE.get_or_init(|| {
        Regex::new(
            r#"Table "?([^"\s]+)"? does not have a column (?:named|with name) "?([^"\s]+)"?"#,
        )
        .expect("valid pattern")
    });
    if let Some(captures) = in_table.captures(message) {
        return Some((
            Some(captures.get(1)?.as_str().to_string()),
            captures.get(2)?.as_str().to_string(),
        ));
    }
    Some((None, capture(in_from, message)?))
}

fn missing_table_hint(engine: &Engine, name: &str) -> String {
    // A table macro named without its arguments reads as a missing table.
    let macros = strings(
        engine,
        "SELECT DISTINCT function_name FROM duckdb_functions() \
         WHERE function_type = 'table_macro' AND NOT internal AND lower(function_name) = lower(?)",
        Some(name),
    );
    if let Some(called) = macros.first() {
        return t!("hint-table-macro", name = called.as_str());
    }
    let known = relation_names(engine);
    let closest = closest(name, known.iter().map(String::as_str));
    if closest.is_empty() {
        t!("hint-no-table", name = name)
    } else {
        t!(
            "hint-no-table-closest",
            name = name,
            closest = closest.join(", ")
        )
    }
}

fn missing_column_hint(
    engine: &Engine,
    sql: &str,
    named_table: Option<&str>,
    name: &str,
) -> Option<String> {
    let known = relation_names(engine);
    // The table DuckDB named (which may be an alias, and then has no
    // columns of its own), then the tables the statement reads.
    let tables = named_table.map(str::to_string).into_iter().chain(
        tables_read(sql)
            .into_iter()
            .filter(|table| known.iter().any(|k| k.eq_ignore_ascii_case(table))),
    );
    // The table with the closest column is the one the user most likely
    // meant; with no close column, the first table read.
    let mut best: Option<(String, Vec<String>, Vec<String>)> = None;
    for table in tables {
        let columns = column_names(engine, &table);
        if columns.is_empty() {
            continue;
        }
        let near = closest(name, columns.iter().map(String::as_str));
        let better = match &best {
            None => true,
            Some((_, _, best_near)) => best_near.is_empty() && !near.is_empty(),
        };
        if better {
            best = Some((table, columns, near));
        }
    }
    let (table, columns, near) = best?;
    let count = columns.len();
    Some(if near.is_empty() {
        t!("hint-no-column", table = table, name = name, count = count)
    } else {
        t!(
            "hint-no-column-closest",
            table = table,
            name = name,
            closest = near.join(", "),
            count = count
        )
    })
}

fn conversion_hint(value: &str, target: &str, column: Option<&str>) -> String {
    let target = sql_type_name(target);
    let lang = crate::i18n::current();
    let entry = column.and_then(|c| crate::dictionary::entry(c, false));
    match (column, entry) {
        (Some(column), Some(entry)) => {
            let title = entry.title(lang).to_string();
            match entry.measure_unit(lang) {
                Some(unit) => t!(
                    "hint-conversion-unit",
                    value = value,
                    target = target,
                    column = column,
                    title = title,
                    unit = unit
                ),
                None if entry.unit == "share" => t!(
                    "hint-conversion-share",
                    value = value,
                    target = target,
                    column = column,
                    title = title
                ),
                None => t!(
                    "hint-conversion-title",
                    value = value,
                    target = target,
                    column = column,
                    title = title
                ),
            }
        }
        _ => t!("hint-conversion", value = value, target = target),
    }
}

/// DuckDB's internal type names (`INT32`) as SQL writes them (`INTEGER`).
fn sql_type_name(internal: &str) -> &str {
    match internal {
        "INT8" => "TINYINT",
        "INT16" => "SMALLINT",
        "INT32" => "INTEGER",
        "INT64" => "BIGINT",
        "INT128" => "HUGEINT",
        "UINT8" => "UTINYINT",
        "UINT16" => "USMALLINT",
        "UINT32" => "UINTEGER",
        "UINT64" => "UBIGINT",
        "FLOAT" => "FLOAT",
        other => other,
    }
}

/// The names a user may mean: their tables and views, and the view
/// library's table macros, without DuckDB's internal catalogue.
fn relation_names(engine: &Engine) -> Vec<String> {
    let sql = "SELECT DISTINCT name FROM ( \
                 SELECT table_name AS name FROM duckdb_tables() WHERE NOT internal \
                 UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal \
                 UNION ALL SELECT function_name FROM duckdb_functions() \
                   WHERE function_type = 'table_macro' AND NOT internal \
               ) ORDER BY name";
    strings(engine, sql, None)
}

fn column_names(engine: &Engine, table: &str) -> Vec<String> {
    let bare = table.rsplit('.').next().unwrap_or(table);
    let sql = "SELECT column_name FROM duckdb_columns() WHERE lower(table_name) = lower(?) \
               AND NOT internal ORDER BY database_name = 'temp' DESC, column_index";
    let mut names = strings(engine, sql, Some(bare));
    // A table in two catalogues (a temporary view over a stored one) lists
    // its columns once.
    let mut seen = std::collections::HashSet::new();
    names.retain(|name| seen.insert(name.clone()));
    names
}

fn strings(engine: &Engine, sql: &str, parameter: Option<&str>) -> Vec<String> {
    let Ok(mut statement) = engine.connection().prepare(sql) else {
        return Vec::new();
    };
    let parameters: Vec<&str> = parameter.into_iter().collect();
    statement
        .query_map(duckdb::params_from_iter(parameters), |row| {
            row.get::<_, String>(0)
        })
        .map(|rows| rows.filter_map(Result::ok).collect())
        .unwrap_or_default()
}

/// The column that `sql` gives the text `'value'`, when DuckDB's message
/// does not say: `column = 'value'` (SET, WHERE), or the same place in an
/// `INSERT INTO t (a, b) VALUES (…)` list.
fn column_given(sql: &str, value: &str) -> Option<String> {
    let literal = crate::sql_quote::sql_string(value);
    let compared = Regex::new(&format!(
        r"(\w+)\s*(?:=|<>|!=|<=|>=|<|>)\s*{}",
        regex::escape(&literal)
    ))
    .ok()?;
    if let Some(captures) = compared.captures(sql) {
        return Some(captures[1].to_string());
    }
    static INSERT: OnceLock<Regex> = OnceLock::new();
    let insert = INSERT.get_or_init(|| {
        Regex::new(r"(?is)insert\s+into\s+[\w.]+\s*\(([^)]*)\)\s*values\s*\((.*)\)")
            .expect("valid pattern")
    });
    let captures = insert.captures(sql)?;
    let columns: Vec<&str> = captures[1]
        .split(',')
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    let position = split_values(&captures[2])
        .iter()
        .position(|v| v.trim() == literal)?;
    columns.get(position).map(|c| c.to_string())
}

/// The values of one `VALUES (…)` row, split at commas outside quotes.
fn split_values(row: &str) -> Vec<String> {
    let mut values = vec![String::new()];
    let mut quoted = false;
    let mut depth = 0usize;
    for character in row.chars() {
        match character {
            '\'' => quoted = !quoted,
            '(' if !quoted => depth += 1,
            ')' if !quoted && depth == 0 => break,
            ')' if !quoted => depth -= 1,
            ',' if !quoted && depth == 0 => {
                values.push(String::new());
                continue;
            }
            _ => {}
        }
        if let Some(last) = values.last_mut() {
            last.push(character);
        }
    }
    values
}

/// The relations named after FROM or JOIN in `sql`, in order.
fn tables_read(sql: &str) -> Vec<String> {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    let pattern = PATTERN.get_or_init(|| {
        Regex::new(r#"(?i)\b(?:from|join)\s+"?([A-Za-z_][A-Za-z0-9_.]*)"?"#).expect("valid pattern")
    });
    pattern
        .captures_iter(sql)
        .filter_map(|c| c.get(1))
        .map(|m| {
            m.as_str()
                .rsplit('.')
                .next()
                .unwrap_or(m.as_str())
                .to_string()
        })
        .collect()
}

/// Up to three of `candidates` closest to `name` by edit distance (case
/// ignored), nearest first; a candidate too far to be a slip is left out.
fn closest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Vec<String> {
    let wanted = name.to_lowercase();
    let limit = (wanted.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, usize, &str)> = candidates
        .map(|candidate| {
            let lower = candidate.to_lowercase();
            let distance = strsim::levenshtein(&wanted, &lower);
            // A prefix typed in full (`cluster` for `clusters`, `cluster_reports`)
            // counts as close whatever the rest.
            let score = if lower.starts_with(&wanted) && wanted.len() >= 3 {
                distance.min(1)
            } else {
                distance
            };
            (score, distance, candidate)
        })
        .filter(|(score, _, _)| *score <= limit)
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(CLOSEST_SHOWN)
        .map(|(_, _, candidate)| candidate.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_names_are_near_and_nearest_first() {
        let names = ["clusters", "cluster_reports", "enterprises", "pg_sequences"];
        assert_eq!(
            closest("cluster", names.iter().copied()),
            vec!["clusters", "cluster_reports"]
        );
        assert_eq!(
            closest("enterprize", names.iter().copied()),
            vec!["enterprises"]
        );
        assert!(closest("nosuch", names.iter().copied()).is_empty());
    }

    #[test]
    fn finds_the_tables_a_statement_reads() {
        assert_eq!(
            tables_read(
                "select x from main.clusters c join \"cluster_reports\" r using (cluster_id)"
            ),
            vec!["clusters", "cluster_reports"]
        );
    }

    #[test]
    fn reads_the_shapes_of_duckdb_messages() {
        assert_eq!(
            capture(
                missing_table(),
                "Catalog Error: Table with name nosuch does not exist!; Did you mean \"pg_sequences\"?"
            )
            .as_deref(),
            Some("nosuch")
        );
        assert_eq!(
            missing_column("Binder Error: Referenced column \"nam\" not found in FROM clause!"),
            Some((None, "nam".to_string()))
        );
        assert_eq!(
            missing_column("Binder Error: Table \"c\" does not have a column named \"nam\""),
            Some((Some("c".to_string()), "nam".to_string()))
        );
        let conversion = conversion()
            .captures("Conversion Error: Could not convert string 'abc' to INT32 when casting from source column employees")
            .expect("matches");
        assert_eq!(&conversion[1], "abc");
        assert_eq!(&conversion[2], "INT32");
        assert_eq!(conversion.get(3).map(|m| m.as_str()), Some("employees"));
    }

    #[test]
    fn finds_the_column_a_value_was_given_to() {
        assert_eq!(
            column_given(
                "update r set total_output_bn_cny = '12亿' where x = 1",
                "12亿"
            )
            .as_deref(),
            Some("total_output_bn_cny")
        );
        assert_eq!(
            column_given(
                "insert into r (cluster_id, employees, export_bn_cny) values ('a,b', '3万', 1)",
                "3万"
            )
            .as_deref(),
            Some("employees")
        );
        assert_eq!(column_given("select '3万'::INTEGER", "3万"), None);
    }
}
