//! clusterql's own SQL functions, on every connection it opens for SQL:
//! `read_xlsx` and `read_table` (a user's files read as `load` reads them)
//! and the county functions.
//!
//! Opening an engine with them lives here, above the loaders, and not in
//! [`crate::engine`]: `read_table` is built on the loaders, which run
//! their SQL on an engine, so the engine cannot name it without a circle.

use duckdb::Connection;

use crate::engine::{Engine, EngineOptions};
use crate::error::Result;

impl Engine {
    /// Opens the database with clusterql's functions. The sandbox is not
    /// closed yet: the caller sets up the bundled data first and then calls
    /// [`Engine::lock_down`] (the functions that read files take the
    /// sandbox from `options`, and refuse under it).
    pub fn open(options: &EngineOptions) -> Result<Engine> {
        let engine = Engine::connect(options)?;
        register(engine.connection(), options.sandbox)?;
        Ok(engine)
    }
}

fn register(connection: &Connection, sandbox: bool) -> duckdb::Result<()> {
    crate::read_xlsx::register(connection, sandbox)?;
    crate::read_table::register(connection, sandbox)?;
    crate::county_functions::register(connection)
}
