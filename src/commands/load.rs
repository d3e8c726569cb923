//! `clusterql load`: files into a table of a database file, validated, all
//! or nothing (the work is in `crate::load`).

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;

pub fn load(engine: &Engine, request: &crate::load::LoadRequest) -> Result<()> {
    if engine.options().database.is_none() {
        return Err(Error::Usage(t!("load-needs-database")));
    }
    let loaded = crate::load::load(engine, request)?;
    if !request.quiet {
        eprintln!(
            "{}",
            t!("load-loaded", rows = loaded.rows, table = &request.table)
        );
    }
    Ok(())
}
