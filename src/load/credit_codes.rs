//! The enterprise ids of a roster load: every `enterprise_id` that goes
//! into `enterprises` must be a unified social credit code
//! (`crate::credit_code` knows the rules). A wrong check character is the
//! mark of a code mistyped or cut, and a roster keyed by codes joins
//! nothing else once one is. `--no-id-check` loads a roster keyed by other
//! identifiers.
//!
//! The test runs in Rust over the ids as DuckDB hands them over in Arrow
//! batches: the quick path reads them back from the insert itself
//! (`INSERT … RETURNING`), so the file is read once.

use duckdb::arrow::array::{Array, StringArray};

use super::LoadRequest;
use crate::credit_code::{self, Invalid};
use crate::engine::{Engine, Query};
use crate::t;

/// The table whose ids are checked, and the column.
const TABLE: &str = "enterprises";
const COLUMN: &str = "enterprise_id";

/// Whether this load's ids are to be checked.
pub(super) fn applies(request: &LoadRequest) -> bool {
    request.table == TABLE && !request.skip_id_check
}

/// The `RETURNING` clause that hands the inserted ids back to
/// [`all_valid`].
pub(super) fn returning() -> String {
    format!(" RETURNING {COLUMN}")
}

/// Counts the rows of an `INSERT … RETURNING enterprise_id` and says
/// whether every id among them is a valid code.
pub(super) fn all_valid(query: &Query<'_>) -> duckdb::Result<(usize, bool)> {
    let mut rows = 0;
    let mut valid = true;
    while let Some(batch) = query.next_batch()? {
        rows += batch.num_rows();
        if !valid {
            continue;
        }
        match batch.column(0).as_any().downcast_ref::<StringArray>() {
            Some(ids) => valid = ids.iter().flatten().all(credit_code::is_valid),
            // Not text: the validation path names the problem.
            None => valid = false,
        }
    }
    Ok((rows, valid))
}

/// The invalid ids among the typed rows of a load (`temp.load_typed`), up
/// to `limit`, each as a located problem: file, line, the value and what is
/// wrong with it.
pub(super) fn problems(engine: &Engine, limit: usize) -> crate::error::Result<Vec<String>> {
    let query = engine.query(&format!(
        "SELECT __file::VARCHAR, __line::BIGINT, {COLUMN}::VARCHAR FROM temp.load_typed WHERE {COLUMN} IS NOT NULL ORDER BY 1, 2"
    ))?;
    let mut found = Vec::new();
    while let Some(batch) = query.next_batch()? {
        let files = batch.column(0).as_any().downcast_ref::<StringArray>();
        let lines = batch
            .column(1)
            .as_any()
            .downcast_ref::<duckdb::arrow::array::Int64Array>();
        let ids = batch.column(2).as_any().downcast_ref::<StringArray>();
        let (Some(files), Some(lines), Some(ids)) = (files, lines, ids) else {
            break;
        };
        for row in 0..batch.num_rows() {
            let id = ids.value(row);
            if let Err(invalid) = credit_code::validate(id) {
                found.push(format!(
                    "{}:{}: {}",
                    files.value(row),
                    lines.value(row),
                    t!(
                        "load-bad-credit-code",
                        column = COLUMN,
                        value = id,
                        reason = reason(&invalid)
                    )
                ));
                if found.len() >= limit {
                    return Ok(found);
                }
            }
        }
    }
    Ok(found)
}

/// What is wrong with a code, in the session's language.
fn reason(invalid: &Invalid) -> String {
    match *invalid {
        Invalid::Length(count) => t!("credit-code-length", count = count),
        Invalid::Character { position, found } => t!(
            "credit-code-character",
            position = position,
            found = found.to_string()
        ),
        Invalid::Division { position, found } => t!(
            "credit-code-division",
            position = position,
            found = found.to_string()
        ),
        Invalid::Check { expected, found } => t!(
            "credit-code-check",
            expected = expected.to_string(),
            found = found.to_string()
        ),
        Invalid::OrganizationCheck { expected, found } => t!(
            "credit-code-organization-check",
            expected = expected.to_string(),
            found = found.to_string()
        ),
    }
}
