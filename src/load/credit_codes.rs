//! The enterprise ids of a roster load: every `enterprise_id` that goes
//! into `enterprises` must be a unified social credit code
//! (`crate::credit_code` knows the rules). A wrong check character is the
//! mark of a code mistyped or cut, and a roster keyed by codes joins
//! nothing else once one is. `--no-id-check` loads a roster keyed by other
//! identifiers.
//!
//! The quick path tests the ids as they go in ([`super::id_watch`]);
//! this room finds and tells the ids that are wrong, for the validation.

use duckdb::arrow::array::{Array, StringArray};

use super::LoadRequest;
use crate::credit_code::{self, Invalid};
use crate::engine::Engine;
use crate::t;

/// The table whose ids are credit codes, and the column.
const TABLE: &str = "enterprises";
pub(super) const COLUMN: &str = "enterprise_id";

/// Whether this load checks ids.
pub(super) fn applies(request: &LoadRequest) -> bool {
    request.table == TABLE && !request.skip_id_check
}

/// The invalid ids among the typed rows of a load (`temp.load_typed`), up
/// to `limit`, each as a located problem: file, line, the value and what is
/// wrong with it.
pub(super) fn problems(
    engine: &Engine,
    limit: usize,
) -> crate::error::Result<Vec<(String, i64, String)>> {
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
                found.push((
                    files.value(row).to_string(),
                    lines.value(row),
                    t!(
                        "load-bad-credit-code",
                        column = COLUMN,
                        value = id,
                        reason = reason(&invalid)
                    ),
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
