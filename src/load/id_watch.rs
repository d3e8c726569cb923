//! The ids of a roster load, watched as they go in. The quick path's
//! `INSERT … SELECT` filters its rows through a scalar function in Rust
//! that DuckDB calls on each chunk of ids, on every core: it checks each
//! id as a unified social credit code (unless `--no-id-check`; which ids
//! are wrong, and where, the validation path says) and notes its hash.
//!
//! The hashes are what the roster's key check needs: a load into an empty
//! table (or one it replaces) then finds two equal ids by sorting them,
//! without reading the table back. Reading the ids back and hashing them
//! in DuckDB cost a Parquet load about a second in seven; noting them on
//! the way costs nothing measurable. (Testing the ids after the insert
//! cost a load 30 %, `INSERT … RETURNING` 99 %, and the view library's
//! `credit_code_valid` macro is about 30 times slower than Rust.)

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use duckdb::core::{DataChunkHandle, LogicalTypeHandle, LogicalTypeId};
use duckdb::ffi::duckdb_string_t;
use duckdb::types::DuckString;
use duckdb::vscalar::{ScalarFunctionSignature, VScalar};
use duckdb::vtab::arrow::WritableVector;
use twox_hash::XxHash64;

use crate::credit_code;
use crate::engine::Engine;

/// A watch registered on the connection for one load.
pub(super) struct IdWatch {
    /// The function's SQL name, one a load: DuckDB keeps a function's
    /// state from its registration, and each load needs its own.
    name: String,
    seen: Seen,
}

/// What the function shares with the load: whether it checks codes, and
/// the hashes of the ids it has let through.
#[derive(Clone, Default)]
struct Seen {
    check_codes: bool,
    hashes: Arc<Mutex<Vec<u64>>>,
}

impl IdWatch {
    /// Registers the watch of this load's ids; `None` when it could not be
    /// (the caller then loads by the validation path, which checks them
    /// itself).
    pub fn register(engine: &Engine, check_codes: bool) -> Option<IdWatch> {
        static LOADS: AtomicU64 = AtomicU64::new(0);
        let name = format!(
            "clusterql_watch_ids_{}",
            LOADS.fetch_add(1, Ordering::Relaxed)
        );
        let seen = Seen {
            check_codes,
            hashes: Arc::default(),
        };
        engine
            .connection()
            .register_scalar_function_with_state::<WatchIds>(&name, &seen)
            .ok()?;
        Some(IdWatch { name, seen })
    }

    /// The condition that lets every row of an `INSERT … SELECT` through,
    /// noting its id (the SQL `id`), or fails the statement at the first
    /// id that is not a valid code.
    pub fn condition(&self, id: &str) -> String {
        // DuckDB may answer NULL for a NULL id without calling the
        // function; the row must still reach the insert, whose NOT NULL
        // refuses it, not vanish from the filter.
        format!("coalesce({}({id}), true)", self.name)
    }

    /// Forgets the ids seen, before an attempt whose rows may be rolled
    /// back.
    pub fn forget(&self) {
        self.hashes().clear();
    }

    /// Whether two of the ids seen since [`IdWatch::forget`] may be equal:
    /// their hashes are. A collision only sends the load to the
    /// validation, which compares the ids themselves.
    pub fn may_repeat(&self) -> bool {
        let mut hashes = std::mem::take(&mut *self.hashes());
        hashes.sort_unstable();
        hashes.windows(2).any(|pair| pair[0] == pair[1])
    }

    fn hashes(&self) -> std::sync::MutexGuard<'_, Vec<u64>> {
        // A poisoned lock only means a chunk's invocation panicked; its
        // statement failed and the attempt is rolled back.
        self.seen
            .hashes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for IdWatch {
    /// DuckDB keeps the function, and its state, for the session: the
    /// hashes of a load whose key was checked otherwise go with the load.
    fn drop(&mut self) {
        *self.hashes() = Vec::new();
    }
}

/// `clusterql_watch_ids_N(id)`: true for every id, noting its hash, or an
/// error at the first id that is not a valid code when codes are checked.
/// A NULL id is let through unnoted: the column's NOT NULL refuses it.
struct WatchIds;

impl VScalar for WatchIds {
    type State = Seen;

    fn invoke(
        seen: &Self::State,
        input: &mut DataChunkHandle,
        output: &mut dyn WritableVector,
    ) -> Result<(), Box<dyn std::error::Error>> {
        let rows = input.len();
        let ids = input.flat_vector(0);
        // SAFETY: DuckDB hands a flat VARCHAR vector of `rows` strings.
        let values = unsafe { ids.as_slice_with_len::<duckdb_string_t>(rows) };
        // Hashed into a chunk's own list, so that the lock is taken once
        // a chunk, not once an id.
        let mut hashes = Vec::with_capacity(rows);
        for (row, value) in values.iter().enumerate() {
            if ids.row_is_null(row as u64) {
                continue;
            }
            let mut value = *value;
            let bytes = DuckString::new(&mut value).as_bytes();
            if seen.check_codes && !credit_code::is_valid_bytes(bytes) {
                return Err("not a unified social credit code".into());
            }
            hashes.push(XxHash64::oneshot(0, bytes));
        }
        seen.hashes
            .lock()
            .map_err(|_| "the ids' hashes were lost")?
            .extend_from_slice(&hashes);
        let mut out = output.flat_vector();
        // SAFETY: the output is a BOOLEAN vector of `rows` values.
        let answers = unsafe { out.as_mut_slice_with_len::<bool>(rows) };
        answers.fill(true);
        Ok(())
    }

    /// Volatile, so that DuckDB calls it on every row: a function it takes
    /// for pure may be pushed into a Parquet scan and run once a
    /// dictionary entry, or once for a constant vector, and an id held
    /// twice would then be noted once.
    fn volatile() -> bool {
        true
    }

    fn signatures() -> Vec<ScalarFunctionSignature> {
        vec![ScalarFunctionSignature::exact(
            vec![LogicalTypeHandle::from(LogicalTypeId::Varchar)],
            LogicalTypeHandle::from(LogicalTypeId::Boolean),
        )]
    }
}
