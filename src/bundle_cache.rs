//! Prebuilt catalogues, so that a session starts in milliseconds. Two are
//! built once each into DuckDB files in the user's cache directory:
//!
//! - the bundled dataset's (the small tables, the views over the roster's
//!   Parquet files and the whole view library), which an in-memory session
//!   attaches read-only and puts on its search path. Creating twenty views
//!   and reading five CSV files costs about 0.2 s at every start;
//!   attaching costs about 5 ms.
//! - the empty tables' and the library's, which an `--empty` session (or a
//!   new database file) copies into its own database: about 10 ms, where
//!   creating them costs about 0.1 s.
//!
//! A file's name carries a hash of everything it was built from (this
//! format's version, the language, the schema and the view library, and
//! for the bundled one the data folder and its files' sizes and times), so
//! a change to any of them builds a new one. A session that cannot build,
//! attach or copy one falls back to building its catalogue itself.

use std::path::{Path, PathBuf};

use crate::engine::{Engine, EngineOptions};
use crate::error::{Error, Result};
use crate::sql_quote::sql_string;

/// Bump when what goes into the file changes in a way the hash misses.
const FORMAT: &str = "bundle-cache-1";
/// The catalogue name the file is attached under.
pub const CATALOGUE: &str = "bundled";

/// The catalogue name the empty catalogue is attached under while it is
/// copied.
const EMPTY_CATALOGUE: &str = "clusterql_empty";

/// Which catalogue a cache file holds.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Bundled,
    Empty,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Bundled => "bundled-",
            Kind::Empty => "empty-",
        }
    }
}

/// Attaches the cached catalogue (building it first if needed). On success
/// the bundled tables and the view library resolve by their plain names.
pub fn attach(engine: &Engine, data_dir: &Path) -> Result<()> {
    let path = ready_file(Kind::Bundled, data_dir)?;
    engine.execute_batch(&format!(
        "ATTACH {} AS {CATALOGUE} (READ_ONLY); SET search_path = 'memory.main,{CATALOGUE}.main';",
        sql_string(&path.to_string_lossy())
    ))?;
    Ok(())
}

/// Copies the schema's empty tables and the view library, with its
/// comments, into the session's database (building the cached copy first
/// if needed).
pub fn copy_empty(engine: &Engine, data_dir: &Path) -> Result<()> {
    let path = ready_file(Kind::Empty, data_dir)?;
    let target: String = engine
        .connection()
        .query_row("SELECT current_database()", [], |row| row.get(0))?;
    let attached = engine.execute_batch(&format!(
        "ATTACH {} AS {EMPTY_CATALOGUE} (READ_ONLY)",
        sql_string(&path.to_string_lossy())
    ));
    let copied = attached.and_then(|()| {
        engine.execute_batch(&format!(
            "COPY FROM DATABASE {EMPTY_CATALOGUE} TO \"{}\"",
            target.replace('"', "\"\"")
        ))
    });
    let _ = engine.execute_batch(&format!("DETACH DATABASE IF EXISTS {EMPTY_CATALOGUE}"));
    Ok(copied?)
}

/// The path of the cache file of `kind`, built first if it is not there.
fn ready_file(kind: Kind, data_dir: &Path) -> Result<PathBuf> {
    let path = cache_file(kind, data_dir)
        .ok_or_else(|| Error::Engine("no cache directory".to_string()))?;
    if !path.is_file() {
        build(kind, &path, data_dir)?;
    }
    Ok(path)
}

fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("clusterql"))
}

fn cache_file(kind: Kind, data_dir: &Path) -> Option<PathBuf> {
    let mut key = crate::fingerprint::Fingerprint::default();
    key.add(FORMAT.as_bytes());
    key.add(kind.prefix().as_bytes());
    key.add(env!("CARGO_PKG_VERSION").as_bytes());
    key.add(crate::dataset::SCHEMA_SQL.as_bytes());
    // The views and their comments, which are in the session's language.
    key.add(crate::library::fingerprint().as_bytes());
    if kind == Kind::Bundled {
        key.add(data_dir.to_string_lossy().as_bytes());
        let mut entries: Vec<_> = std::fs::read_dir(data_dir)
            .ok()?
            .filter_map(|e| e.ok())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let metadata = entry.metadata().ok()?;
            key.add(entry.file_name().to_string_lossy().as_bytes());
            key.add(&metadata.len().to_le_bytes());
            if let Ok(modified) = metadata.modified()
                && let Ok(since) = modified.duration_since(std::time::UNIX_EPOCH)
            {
                key.add(&since.as_nanos().to_le_bytes());
            }
        }
    }
    Some(cache_dir()?.join(format!("{}{}.duckdb", kind.prefix(), key.hex())))
}

/// Builds the file under a temporary name and renames it into place, so a
/// session never attaches a half-built file, even with several starting.
fn build(kind: Kind, path: &Path, data_dir: &Path) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::Engine("cache path has no folder".to_string()))?;
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    // Unique to this build: sessions of one process (the tests' threads)
    // may build at once too, and must not write into each other's file.
    static BUILDS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let number = BUILDS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let temporary = path.with_extension(format!("building-{}-{number}", std::process::id()));
    let _ = std::fs::remove_file(&temporary);
    let built = (|| -> Result<()> {
        let options = EngineOptions {
            database: Some(temporary.clone()),
            ..EngineOptions::default()
        };
        let builder = Engine::open(&options)?;
        let provision = match kind {
            Kind::Bundled => crate::dataset::Provision::MemoryOverBundled,
            Kind::Empty => crate::dataset::Provision::EmptyTables,
        };
        crate::dataset::provision(&builder, provision, data_dir)?;
        crate::library::install(&builder, false)?;
        builder.execute_batch("CHECKPOINT")?;
        Ok(())
    })();
    match built {
        Ok(()) => {
            std::fs::rename(&temporary, path).map_err(|e| Error::io(path, e))?;
            remove_stale(dir);
            Ok(())
        }
        Err(error) => {
            let _ = std::fs::remove_file(&temporary);
            let mut wal = temporary.into_os_string();
            wal.push(".wal");
            let _ = std::fs::remove_file(wal);
            Err(error)
        }
    }
}

/// Catalogues of older data or versions are left behind when something
/// changes; those unused for a week go (another checkout's stays while in use).
fn remove_stale(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let week = std::time::Duration::from_secs(7 * 24 * 3600);
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().to_string();
        let stale = entry
            .metadata()
            .and_then(|m| m.accessed().or_else(|_| m.modified()))
            .ok()
            .and_then(|used| used.elapsed().ok())
            .is_some_and(|age| age > week);
        let ours = [Kind::Bundled, Kind::Empty]
            .iter()
            .any(|kind| name.starts_with(kind.prefix()));
        if ours && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}
