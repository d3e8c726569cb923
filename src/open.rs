//! Opening a database ready for user SQL: its tables, the bundled data, the
//! view library and the variables, then the sandbox. The command line's
//! session and the shell's `.open` both open databases this way.

use crate::dataset::{self, Provision};
use crate::engine::{Engine, EngineOptions};
use crate::error::{Error, Result};
use crate::t;

/// Opens a database with its tables, the bundled data unless `empty`, the
/// view library and the variables; then closes the sandbox if asked.
pub fn open_configured(
    options: &EngineOptions,
    empty: bool,
    vars: &[(String, String)],
) -> Result<Engine> {
    let existed = options.database.as_ref().is_some_and(|path| path.exists());
    let engine = Engine::open(options)?;
    let provision = match (&options.database, empty) {
        (Some(_), _) if existed => Provision::Existing,
        (_, true) => Provision::EmptyTables,
        (Some(_), false) => Provision::FillNewFile,
        (None, false) => Provision::MemoryOverBundled,
    };
    let data_dir = dataset::data_dir();
    // The usual start (in memory over the bundled data) attaches a prebuilt
    // catalogue, and an empty one copies one; anything else, or a failure
    // there, builds it here.
    let attached = match provision {
        Provision::MemoryOverBundled => crate::bundle_cache::attach(&engine, &data_dir).is_ok(),
        // A read-only session keeps its library in temporary views.
        Provision::EmptyTables if !options.readonly => {
            crate::bundle_cache::copy_empty(&engine, &data_dir).is_ok()
        }
        _ => false,
    };
    if !attached {
        dataset::provision(&engine, provision, &data_dir)?;
        if provision == Provision::Existing {
            // A database that holds this very library is left as it is
            // (quicker, and a read-only one needs no temporary copy). One
            // made by an earlier clusterql may lack columns the library
            // reads now; its data stays reachable, with the views it
            // already holds.
            if !crate::library::is_installed(&engine)
                && let Err(error) = crate::library::install_all_or_none(&engine, options.readonly)
            {
                eprintln!(
                    "{}",
                    t!("session-library-not-installed", error = error.to_string())
                );
            }
        } else {
            crate::library::install(&engine, options.readonly)?;
        }
    }
    for (name, value) in vars {
        // The name was checked to be a plain identifier, and is quoted
        // because it may be a keyword (`--var in=…`); the value is bound.
        engine
            .execute_with(&format!("SET VARIABLE \"{name}\" = ?"), &[value.as_str()])
            .map_err(|e| {
                Error::Usage(format!(
                    "--var {name}: {}",
                    crate::error::one_line(&e.to_string())
                ))
            })?;
    }
    let readable = if provision == Provision::MemoryOverBundled {
        vec![data_dir]
    } else {
        Vec::new()
    };
    engine.lock_down(&readable)?;
    Ok(engine)
}
