//! `clusterql load`: files into a table of a database file, validated, all
//! or nothing (the work is in `crate::load`).

use crate::engine::Engine;
use crate::error::{Error, Result};
use crate::t;

pub fn load(engine: &Engine, request: &crate::load::LoadRequest, create: bool) -> Result<()> {
    if engine.options().database.is_none() {
        return Err(Error::Usage(t!("load-needs-database")));
    }
    if create {
        let reading = crate::load::own_table::Reading {
            paths: request.paths.clone(),
            sheet: request.sheet.clone(),
            header_row: request.header_row,
            encoding: request.encoding,
            all_varchar: false,
            quiet: request.quiet,
        };
        let replace = request.mode == crate::load::Mode::Replace;
        let (rows, columns) =
            crate::load::own_table::create(engine, &request.table, replace, &reading)?;
        if !request.quiet {
            eprintln!(
                "{}",
                t!(
                    "load-created",
                    table = &request.table,
                    rows = rows,
                    columns = columns
                )
            );
        }
        return Ok(());
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
