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
//! A file's name says everything it was built from ([`key`]: the binary,
//! DuckDB's version, the schema, the library and the counties compiled in,
//! the language, and for the bundled one the data files' contents), so a
//! change to any of them builds a new one. A session that cannot build,
//! attach or copy one falls back to building its catalogue itself.

use std::path::{Path, PathBuf};

mod key;

use key::Key;

use crate::engine::{Engine, EngineOptions};
use crate::error::{Error, Result};
use crate::sql_quote::sql_string;

/// The catalogue name the file is attached under.
pub const CATALOGUE: &str = "bundled";

/// The catalogue name the empty catalogue is attached under while it is
/// copied.
const EMPTY_CATALOGUE: &str = "clusterql_empty";

/// Which catalogue a cache file holds.
#[derive(Clone, Copy, Debug, PartialEq)]
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
    attach_file(engine, &path)
}

fn attach_file(engine: &Engine, path: &Path) -> Result<()> {
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
    let dir = cache_dir().ok_or_else(|| Error::Engine("no cache directory".to_string()))?;
    let key = Key::gather(kind, data_dir)
        .ok_or_else(|| Error::Engine("the cache key cannot be read".to_string()))?;
    ready_file_in(&dir, &key, data_dir)
}

fn ready_file_in(dir: &Path, key: &Key, data_dir: &Path) -> Result<PathBuf> {
    let path = dir.join(key.file_name());
    if !path.is_file() {
        build(key.kind, &path, data_dir)?;
        remove_superseded(dir, key);
        remove_stale(dir);
    }
    Ok(path)
}

fn cache_dir() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("clusterql"))
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

/// The files of the key's purpose that another builder made: a binary
/// since rebuilt or replaced at the same path made them, and no binary
/// there will look for them again. (One still running from before keeps
/// reading a file it has attached; a new session of it builds its own.)
fn remove_superseded(dir: &Path, key: &Key) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let (purpose, ours) = (key.purpose_prefix(), key.file_name());
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with(&purpose) && name.ends_with(".duckdb") && name != ours {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Catalogues of older data, languages or other binaries are left behind
/// when something changes; those unused for a week go (another checkout's
/// stays while in use).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn files_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok())
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        names.sort();
        names
    }

    /// A change to any of what the empty catalogue is built from, the
    /// counties, the binary, DuckDB's version, builds a new file, which
    /// takes the place of the one built before; the same key builds
    /// nothing.
    #[test]
    fn a_change_to_what_built_the_file_builds_it_again() {
        let cache = tempfile::tempdir().expect("temp dir");
        let data_dir = crate::dataset::data_dir();
        let key = Key::gather(Kind::Empty, &data_dir).expect("key");
        let path = ready_file_in(cache.path(), &key, &data_dir).expect("built");
        let built = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("time");
        assert_eq!(
            ready_file_in(cache.path(), &key, &data_dir).expect("ready"),
            path
        );
        let again = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("time");
        assert_eq!(again, built, "the same key builds nothing");

        let mut binary = key.binary.clone();
        binary.modified += 1;
        let changes = [
            Key {
                counties: key.counties ^ 1,
                ..key.clone()
            },
            Key {
                binary,
                ..key.clone()
            },
            Key {
                duckdb: format!("{} (another)", key.duckdb),
                ..key.clone()
            },
        ];
        let mut previous = path;
        for changed in &changes {
            let path = ready_file_in(cache.path(), changed, &data_dir).expect("built");
            assert_ne!(path, previous, "{changed:?}");
            assert_eq!(files_in(cache.path()), [changed.file_name()], "{changed:?}");
            previous = path;
        }
    }

    /// The bundled catalogue holds the small tables' rows: a byte changed
    /// in one, its size and time kept, is read again, and the catalogue of
    /// the old contents stays for a checkout that still has them.
    #[test]
    fn a_data_file_changed_within_its_size_and_time_is_read_again() {
        let cache = tempfile::tempdir().expect("temp dir");
        let data = tempfile::tempdir().expect("temp dir");
        for entry in std::fs::read_dir(crate::dataset::data_dir()).expect("data folder") {
            let path = entry.expect("entry").path();
            if let Some(name) = path.file_name() {
                std::fs::copy(&path, data.path().join(name)).expect("copy");
            }
        }
        let attached = || {
            let engine = Engine::open(&EngineOptions::default()).expect("engine");
            let key = Key::gather(Kind::Bundled, data.path()).expect("key");
            let path = ready_file_in(cache.path(), &key, data.path()).expect("built");
            attach_file(&engine, &path).expect("attached");
            engine
                .connection()
                .query_row(
                    "SELECT count(*) FROM recognition_criteria \
                     WHERE indicator_group = 'core Competitiveness'",
                    [],
                    |row| row.get::<_, i64>(0),
                )
                .expect("counted")
        };
        assert_eq!(attached(), 0);
        let path = data.path().join("recognition_criteria.csv");
        let modified = std::fs::metadata(&path)
            .and_then(|m| m.modified())
            .expect("time");
        let text = std::fs::read_to_string(&path).expect("read");
        let changed = text.replacen("core competitiveness", "core Competitiveness", 1);
        std::fs::write(&path, changed).expect("write");
        std::fs::File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(modified))
            .expect("set the time back");
        assert_eq!(attached(), 1);
        assert_eq!(files_in(cache.path()).len(), 2);
    }
}
