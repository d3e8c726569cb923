//! The headers' plan (`headers`), made from the files' header row and
//! held against their values where a header alone cannot tell: a `序号`
//! column must number the rows, and a spreadsheet's `（%）` column must not
//! hold fractions.

use super::files::check_utf8;
use super::problems::{Places, Problems};
use super::validate::{stage, staged_columns, unstage};
use super::{Column, FileFormat, LoadRequest, headers, quote, reader_sql};
use crate::engine::Engine;
use crate::error::Result;
use crate::t;

/// Each file's headers, each to its column and unit (a file read as the
/// same file named alone would be: its own header, the units its own
/// layout states), or every header problem of every file at once. A
/// problem that several files share is told once, at each file's header.
pub(super) fn plan_headers(
    engine: &Engine,
    request: &LoadRequest,
    columns: &[Column],
    files: &[String],
    stated: &super::Stated,
    format: FileFormat,
    places: &Places<'_>,
) -> Result<Vec<(String, headers::Plan)>> {
    let mut plans = Vec::new();
    // (header, problem, whether an unused option, the files that have
    // it), in the order found.
    let mut found: Vec<(Option<String>, String, bool, Vec<String>)> = Vec::new();
    for (file, original) in files.iter().zip(&stated.files) {
        let names = header_names(engine, file, format)?;
        let statements: Vec<_> = stated
            .statements
            .iter()
            .filter(|statement| statement.file == *original)
            .cloned()
            .collect();
        let (plan, problems) = headers::plan(
            request,
            &names,
            columns,
            (&statements, std::slice::from_ref(original)),
        );
        plans.push((file.clone(), plan));
        for problem in problems {
            match found
                .iter_mut()
                .find(|(h, text, _, _)| *h == problem.header && *text == problem.text)
            {
                Some((_, _, _, with)) => with.push(file.clone()),
                None => found.push((
                    problem.header,
                    problem.text,
                    problem.unused_option,
                    vec![file.clone()],
                )),
            }
        }
    }
    let mut problems = Problems::default();
    for (header, text, unused_option, with) in found {
        let all = with.len() == files.len();
        match header {
            // A --map or --unit that another file of the load uses.
            _ if unused_option && !all => {}
            Some(header) => problems.add_of_header(&with, &header, text),
            // Which files, when not all of them (a column one lacks).
            None if !all => problems.add_of_files(&with, text),
            None => problems.add(text),
        }
    }
    problems.into_result_at(places)?;
    Ok(plans)
}

/// The header a file is read with.
fn header_names(engine: &Engine, file: &str, format: FileFormat) -> Result<Vec<String>> {
    let files = vec![file.to_string()];
    let reader = reader_sql(&files, format, false, None);
    if let Some(names) = engine.result_names(&format!("SELECT * FROM {reader}")) {
        return Ok(names);
    }
    // Unreadable: staging says why, with the file's name.
    if format == FileFormat::Csv {
        check_utf8(file)?;
    }
    stage(engine, &files, format)?;
    let names = staged_columns(engine)?
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    unstage(engine);
    Ok(names)
}

/// A `序号` column is left out when it numbers the rows 1 to n (in any
/// order); anything else in it might be data, and is not dropped in silence.
pub(super) fn check_row_numbers(
    engine: &Engine,
    request: &LoadRequest,
    files: &[String],
    format: FileFormat,
    header: &str,
    places: &Places<'_>,
) -> Result<()> {
    // Each file numbers its own rows.
    let reader = reader_sql(files, format, true, None);
    let column = quote(header);
    let sql = format!(
        "SELECT sum(n)::BIGINT, bool_and(numbered) FROM (SELECT count(*) AS n, \
         count(DISTINCT v) = count(*) AND count(v) = count(*) AND min(v) = 1 \
         AND max(v) = count(*) AND bool_and(v = round(v)) AS numbered \
         FROM (SELECT __file, TRY_CAST(TRY_CAST({column} AS VARCHAR) AS DOUBLE) AS v FROM {reader}) \
         GROUP BY __file)"
    );
    let (rows, numbers): (Option<i64>, Option<bool>) =
        engine
            .connection()
            .query_row(&sql, [], |row| Ok((row.get(0)?, row.get(1)?)))?;
    let rows = rows.unwrap_or(0);
    if numbers == Some(true) || rows == 0 {
        if !request.quiet {
            eprintln!(
                "{}",
                t!("load-row-numbers-dropped", header = header, rows = rows)
            );
        }
        return Ok(());
    }
    if request.ignore_extra {
        return Ok(());
    }
    let mut problems = Problems::default();
    problems.add_of_header(
        files,
        header,
        t!(
            "load-row-numbers-not",
            table = &request.table,
            header = header
        ),
    );
    problems.into_result_at(places)
}

/// A spreadsheet keeps a cell formatted as a percent as its fraction (35.2 %
/// is 0.352), so under a `（%）` header those cells would load a hundred
/// times too small, and be valid shares. Where the cells' formats are not
/// read (an `.xls`), a column of such a header that holds any value
/// between -1 and 1 but 0 is refused rather than guessed at: one percent
/// cell among typed numbers would pass a test of the whole column.
pub(super) fn check_formatted_percents(
    engine: &Engine,
    files: &[String],
    format: FileFormat,
    plan: &headers::Plan,
    places: &Places<'_>,
) -> Result<()> {
    let reader = reader_sql(files, format, false, None);
    let mut problems = Problems::default();
    for planned in &plan.planned {
        let in_percent = planned
            .unit
            .is_some_and(|unit| unit.dimension == "share" && unit.power_of_ten < 0);
        if !in_percent {
            continue;
        }
        let column = quote(&planned.header);
        let sql = format!(
            "SELECT min(t) FROM (SELECT TRY_CAST({column} AS VARCHAR) AS t FROM {reader}) \
             WHERE TRY_CAST(t AS DOUBLE) <> 0 AND abs(TRY_CAST(t AS DOUBLE)) <= 1"
        );
        let fraction: Option<String> = engine.connection().query_row(&sql, [], |row| row.get(0))?;
        if let Some(fraction) = fraction {
            problems.add_of_header(
                files,
                &planned.header,
                t!("load-percent-as-fraction", value = fraction),
            );
        }
    }
    problems.into_result_at(places)
}
