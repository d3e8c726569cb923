//! `clusterql load`: files into a table of a database file, validated, all
//! or nothing (the work is in `crate::load`).

use crate::engine::Engine;
use crate::error::{Error, Result};

pub fn load(engine: &Engine, request: &crate::load::LoadRequest, quiet: bool) -> Result<()> {
    if engine.options().database.is_none() {
        return Err(Error::Usage(
            "load writes into a database file: give one with --db PATH".to_string(),
        ));
    }
    let loaded = crate::load::load(engine, request)?;
    if !quiet {
        let noun = if loaded.rows == 1 { "row" } else { "rows" };
        eprintln!("loaded {} {noun} into {}", loaded.rows, request.table);
    }
    Ok(())
}
