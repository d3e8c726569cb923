//! The enterprise ids of a roster load: every `enterprise_id` that goes
//! into `enterprises` must be a unified social credit code
//! (`crate::credit_code` knows the rules). A wrong check character is the
//! mark of a code mistyped or cut, and a roster keyed by codes joins
//! nothing else once one is. `--no-id-check` loads a roster keyed by other
//! identifiers.
//!
//! The quick path tests the ids inside the insert itself: a scalar
//! function in Rust ([`RequireCreditCode`]) that DuckDB calls on each chunk
//! of ids, on every core, failing the statement at the first invalid one.
//! (Reading the inserted ids back and testing them afterwards cost a load
//! 30 %; `INSERT … RETURNING` 99 %; the view library's `credit_code_valid`
//! macro is about 30 times slower than Rust.)

use duckdb::arrow::array::{Array, StringArray};
use duckdb::core::{DataChunkHandle, LogicalTypeHandle, LogicalTypeId};
use duckdb::ffi::duckdb_string_t;
use duckdb::types::DuckString;
use duckdb::vscalar::{ScalarFunctionSignature, VScalar};
use duckdb::vtab::arrow::WritableVector;

use super::LoadRequest;
use crate::credit_code::{self, Invalid};
use crate::engine::Engine;
use crate::t;

/// The table whose ids are checked, and the column.
const TABLE: &str = "enterprises";
pub(super) const COLUMN: &str = "enterprise_id";

/// The SQL name of [`RequireCreditCode`]; internal to loading.
const FUNCTION: &str = "clusterql_require_credit_code";

/// Whether this load checks ids.
pub(super) fn applies(request: &LoadRequest) -> bool {
    request.table == TABLE && !request.skip_id_check
}

/// Makes the quick path's test of ids known to the connection; false when
/// it could not be (the validation path then does the work).
pub(super) fn register(engine: &Engine) -> bool {
    let registered = engine.connection().query_row(
        "SELECT count(*) > 0 FROM duckdb_functions() WHERE function_name = ?",
        [FUNCTION],
        |row| row.get::<_, bool>(0),
    );
    match registered {
        Ok(true) => true,
        Ok(false) => engine
            .connection()
            .register_scalar_function::<RequireCreditCode>(FUNCTION)
            .is_ok(),
        Err(_) => false,
    }
}

/// The condition that fails the quick path's `INSERT … SELECT` at the
/// first id that is not a valid code; `id` is the SQL of the id being
/// inserted.
pub(super) fn require_valid(id: &str) -> String {
    format!("{FUNCTION}({id})")
}

/// `clusterql_require_credit_code(id)`: true for a valid code or NULL, an
/// error for anything else, so that a filter of it stops an insert at
/// the first bad id. Which id, and where, the validation path says.
struct RequireCreditCode;

impl VScalar for RequireCreditCode {
    type State = ();

    fn invoke(
        _: &Self::State,
        input: &mut DataChunkHandle,
        output: &mut dyn WritableVector,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let rows = input.len();
        let ids = input.flat_vector(0);
        // SAFETY: DuckDB hands a flat VARCHAR vector of `rows` strings.
        let values = unsafe { ids.as_slice_with_len::<duckdb_string_t>(rows) };
        for (row, value) in values.iter().enumerate() {
            if ids.row_is_null(row as u64) {
                continue;
            }
            let mut value = *value;
            let bytes = DuckString::new(&mut value).as_bytes();
            let valid = std::str::from_utf8(bytes).is_ok_and(credit_code::is_valid);
            if !valid {
                return Err("not a unified social credit code".into());
            }
        }
        let mut out = output.flat_vector();
        // SAFETY: the output is a BOOLEAN vector of `rows` values.
        let answers = unsafe { out.as_mut_slice_with_len::<bool>(rows) };
        answers.fill(true);
        Ok(())
    }

    fn signatures() -> Vec<ScalarFunctionSignature> {
        vec![ScalarFunctionSignature::exact(
            vec![LogicalTypeHandle::from(LogicalTypeId::Varchar)],
            LogicalTypeHandle::from(LogicalTypeId::Boolean),
        )]
    }
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
