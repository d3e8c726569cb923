//! What a cached catalogue is built from, and the file name that says it.
//!
//! The name holds two hashes. The first says what the file is for: its
//! kind, the executable's path, the language, and for the bundled
//! catalogue the data folder and its files' contents. The second says what
//! built it: the executable's identity, DuckDB's version and everything
//! compiled in that goes into the file. One binary makes one file for each
//! purpose, so when a file is built, the files of the same purpose with
//! another builder are those of a binary since replaced at that path.
//!
//! The parts are combined with FNV ([`crate::fingerprint`]) and the data
//! files hashed with XXH64, two fixed algorithms, so a name is a function
//! of the key alone. std's `DefaultHasher` may change between Rust
//! releases; with the binary's identity in the key that would cost no more
//! than a rebuild (a new Rust makes a new binary), but the tests compare
//! names across keys they build, which wants the same hash every time.

use std::fs::File;
use std::hash::Hasher as _;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use twox_hash::XxHash64;

use super::Kind;
use crate::fingerprint::Fingerprint;

/// Bump when what goes into the file changes in a way the key misses.
const FORMAT: &str = "bundle-cache-2";

/// Everything a cache file is built from, gathered by [`Key::gather`].
/// The official list of clusters is compiled in too, but only the
/// generator reads it (`generate::official`): a catalogue holds it only as
/// the CSV files the generator wrote, whose contents are in the key.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Key {
    pub kind: Kind,
    pub binary: Binary,
    /// DuckDB's version: the file is in its storage format, and the views
    /// and macros in it are its reading of our SQL.
    pub duckdb: String,
    /// The session's language, which the library's comments are in.
    pub language: &'static str,
    /// The schema's and the view library's text, with its comments in the
    /// language ([`crate::library::fingerprint`]).
    pub sql: String,
    /// The counties every catalogue is filled with.
    pub counties: u64,
    /// The bundled catalogue's data; the empty one reads none.
    pub data: Option<Data>,
}

/// The executable that builds and attaches the file. Its path, size and
/// modification time change with every build (cargo writes a new file, a
/// copy gets a new time); a store that sets every file's time alike (Nix)
/// gives each build a path of its own. Hashing its content instead would
/// read 90 MB at every start.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Binary {
    pub path: String,
    pub size: u64,
    /// Nanoseconds since the Unix epoch.
    pub modified: u128,
}

/// The data folder (the bundled catalogue's views name its Parquet files
/// by path) and the files the catalogue is built from.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Data {
    pub dir: String,
    pub files: Vec<DataFile>,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) struct DataFile {
    pub name: String,
    pub size: u64,
    /// Of what the catalogue takes from the file ([`data_files`]).
    pub digest: u64,
}

impl Key {
    /// The key of the file of `kind` for this binary, DuckDB, language and
    /// data; `None` when a part cannot be read (the session then builds
    /// its catalogue itself, and reports a missing data file as it does).
    pub fn gather(kind: Kind, data_dir: &Path) -> Option<Key> {
        let data = match kind {
            Kind::Bundled => Some(data_files(data_dir).ok()?),
            Kind::Empty => None,
        };
        Some(Key {
            kind,
            binary: this_binary()?,
            duckdb: duckdb_version(),
            language: crate::i18n::current().tag(),
            sql: format!(
                "{:016x} {}",
                XxHash64::oneshot(0, crate::dataset::SCHEMA_SQL.as_bytes()),
                crate::library::fingerprint()
            ),
            counties: counties_digest(),
            data,
        })
    }

    /// `bundled-<purpose>-<builder>.duckdb`.
    pub fn file_name(&self) -> String {
        format!("{}{}.duckdb", self.purpose_prefix(), self.builder())
    }

    /// The start of the names of every file of this key's purpose.
    pub fn purpose_prefix(&self) -> String {
        let mut purpose = Fingerprint::default();
        purpose.add(self.kind.prefix().as_bytes());
        purpose.add(self.binary.path.as_bytes());
        purpose.add(self.language.as_bytes());
        if let Some(data) = &self.data {
            purpose.add(data.dir.as_bytes());
            for file in &data.files {
                purpose.add(file.name.as_bytes());
                purpose.add(&file.size.to_le_bytes());
                purpose.add(&file.digest.to_le_bytes());
            }
        }
        format!("{}{}-", self.kind.prefix(), purpose.hex())
    }

    fn builder(&self) -> String {
        let mut builder = Fingerprint::default();
        builder.add(FORMAT.as_bytes());
        builder.add(&self.binary.size.to_le_bytes());
        builder.add(&self.binary.modified.to_le_bytes());
        builder.add(self.duckdb.as_bytes());
        builder.add(self.sql.as_bytes());
        builder.add(&self.counties.to_le_bytes());
        builder.hex()
    }
}

fn this_binary() -> Option<Binary> {
    let path = std::env::current_exe().ok()?;
    // The file this process runs, even after a rebuild replaced it at its
    // path (where `path` would name the new binary, or fail).
    #[cfg(target_os = "linux")]
    let metadata = std::fs::metadata("/proc/self/exe").ok()?;
    #[cfg(not(target_os = "linux"))]
    let metadata = std::fs::metadata(&path).ok()?;
    let modified = metadata
        .modified()
        .ok()?
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_nanos();
    Some(Binary {
        path: path.to_string_lossy().into_owned(),
        size: metadata.len(),
        modified,
    })
}

/// The library DuckDB reports for itself (`PRAGMA version`); asking it
/// through a query would cost a session 1 to 4 ms.
fn duckdb_version() -> String {
    // SAFETY: DuckDB returns a NUL-terminated string of its own, static
    // for the life of the process; it is read, never freed.
    let version = unsafe { std::ffi::CStr::from_ptr(duckdb::ffi::duckdb_library_version()) };
    version.to_string_lossy().into_owned()
}

/// The text every catalogue's table `counties` is filled from. Hashing it
/// takes some 15 µs, where parsing it into counties first would take
/// nearly 1 ms of every start.
fn counties_digest() -> u64 {
    XxHash64::oneshot(0, crate::counties::COUNTIES_CSV.as_bytes())
}

/// The files `dataset` builds the bundled catalogue from: the small
/// tables' CSV files, copied in whole, and the roster's Parquet files, of
/// which the catalogue holds views bound to their columns. The views read
/// the rows at each query, so a Parquet file counts by its footer (its
/// schema and row groups): hashing 85 MB of roster (`generate --scale 80`)
/// at every start would cost more than attaching the catalogue saves.
pub(super) fn data_files(dir: &Path) -> std::io::Result<Data> {
    let mut files = Vec::new();
    let csv = crate::dataset::SMALL_TABLES
        .iter()
        .map(|t| (format!("{t}.csv"), false));
    let parquet = crate::dataset::ROSTER_TABLES
        .iter()
        .map(|t| (format!("{t}.parquet"), true));
    for (name, is_parquet) in csv.chain(parquet) {
        let mut file = File::open(dir.join(&name))?;
        let size = file.metadata()?.len();
        let digest = if is_parquet {
            parquet_footer_digest(&mut file, size)?
        } else {
            whole_digest(&mut file)?
        };
        files.push(DataFile { name, size, digest });
    }
    Ok(Data {
        dir: dir.to_string_lossy().into_owned(),
        files,
    })
}

fn whole_digest(file: &mut impl Read) -> std::io::Result<u64> {
    let mut hasher = XxHash64::with_seed(0);
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = file.read(&mut buffer)?;
        if read == 0 {
            return Ok(hasher.finish());
        }
        hasher.write(&buffer[..read]);
    }
}

/// A Parquet file ends with its footer, the footer's length (four bytes,
/// little-endian) and `PAR1`. A file that does not is no Parquet file:
/// DuckDB refuses it and the session builds its own catalogue, so its last
/// bytes are as good a digest as any.
pub(super) fn parquet_footer_digest(
    file: &mut (impl Read + Seek),
    size: u64,
) -> std::io::Result<u64> {
    const MAGIC: &[u8] = b"PAR1";
    let trailer = size.min(8);
    file.seek(SeekFrom::Start(size - trailer))?;
    let mut tail = Vec::new();
    file.take(trailer).read_to_end(&mut tail)?;
    let footer = match tail.as_slice() {
        [a, b, c, d, magic @ ..] if magic == MAGIC => {
            u64::from(u32::from_le_bytes([*a, *b, *c, *d]))
        }
        _ => 0,
    };
    let start = size.saturating_sub(footer + trailer);
    file.seek(SeekFrom::Start(start))?;
    whole_digest(&mut file.take(size - start))
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    fn example() -> Key {
        Key {
            kind: Kind::Bundled,
            binary: Binary {
                path: "/usr/bin/clusterql".to_string(),
                size: 90_000_000,
                modified: 1_700_000_000_000_000_000,
            },
            duckdb: "v1.2.0 8e52ec4395".to_string(),
            language: "en",
            sql: "schema and library".to_string(),
            counties: 7,
            data: Some(Data {
                dir: "/data".to_string(),
                files: vec![DataFile {
                    name: "clusters.csv".to_string(),
                    size: 100,
                    digest: 1,
                }],
            }),
        }
    }

    /// Each part of the key, changed alone, names another file; the parts
    /// of what built it keep the file's purpose, so the new file
    /// supersedes the old one.
    #[test]
    fn every_part_of_the_key_names_a_file_of_its_own() {
        let base = example();
        assert_eq!(base.file_name(), example().file_name());
        let data = |change: fn(&mut Data)| {
            let mut key = example();
            change(key.data.as_mut().expect("bundled"));
            key
        };
        let purposes = [
            Key {
                kind: Kind::Empty,
                data: None,
                ..example()
            },
            Key {
                binary: Binary {
                    path: "/opt/clusterql".to_string(),
                    ..example().binary
                },
                ..example()
            },
            Key {
                language: "zh",
                ..example()
            },
            data(|d| d.dir = "/elsewhere".to_string()),
            data(|d| d.files[0].digest = 2),
            data(|d| d.files[0].size = 101),
        ];
        let builders = [
            Key {
                binary: Binary {
                    size: 90_000_001,
                    ..example().binary
                },
                ..example()
            },
            Key {
                binary: Binary {
                    modified: 1_700_000_000_000_000_001,
                    ..example().binary
                },
                ..example()
            },
            Key {
                duckdb: "v1.2.1 8e52ec4395".to_string(),
                ..example()
            },
            Key {
                sql: "schema and a new view".to_string(),
                ..example()
            },
            Key {
                counties: 8,
                ..example()
            },
        ];
        for key in &purposes {
            assert_ne!(key.purpose_prefix(), base.purpose_prefix(), "{key:?}");
            assert_ne!(key.file_name(), base.file_name(), "{key:?}");
        }
        for key in &builders {
            assert_eq!(key.purpose_prefix(), base.purpose_prefix(), "{key:?}");
            assert_ne!(key.file_name(), base.file_name(), "{key:?}");
        }
    }

    /// A byte changed in a CSV file that keeps its size and time (an edit
    /// within the same second on a coarse clock, a restored backup).
    #[test]
    fn a_data_file_changed_within_its_size_and_time_changes_the_key() {
        let dir = tempfile::tempdir().expect("temp dir");
        let bundled = crate::dataset::data_dir();
        for entry in std::fs::read_dir(&bundled).expect("data folder") {
            let path = entry.expect("entry").path();
            if let Some(name) = path.file_name() {
                std::fs::copy(&path, dir.path().join(name)).expect("copy");
            }
        }
        let before = data_files(dir.path()).expect("readable");
        let path = dir.path().join("recognition_criteria.csv");
        let metadata = std::fs::metadata(&path).expect("metadata");
        let modified = metadata.modified().expect("modified");
        let text = std::fs::read_to_string(&path).expect("read");
        let changed = text.replacen("core competitiveness", "core Competitiveness", 1);
        assert_ne!(text, changed);
        std::fs::write(&path, &changed).expect("write");
        File::options()
            .write(true)
            .open(&path)
            .and_then(|file| file.set_modified(modified))
            .expect("set the time back");
        let again = std::fs::metadata(&path).expect("metadata");
        assert_eq!(
            (again.len(), again.modified().ok()),
            (metadata.len(), Some(modified))
        );
        assert_ne!(data_files(dir.path()).expect("readable"), before);
    }

    /// The version read without asking DuckDB is the one it answers.
    #[test]
    fn duckdb_is_who_it_says() {
        let engine = crate::engine::Engine::open(&Default::default()).expect("engine");
        let version: String = engine
            .connection()
            .query_row("SELECT library_version FROM pragma_version()", [], |row| {
                row.get(0)
            })
            .expect("version");
        assert_eq!(duckdb_version(), version);
    }

    #[test]
    fn a_parquet_file_counts_by_its_footer() {
        let file = |rows: &[u8], footer: &[u8]| {
            let mut bytes = b"PAR1".to_vec();
            bytes.extend_from_slice(rows);
            bytes.extend_from_slice(footer);
            bytes.extend_from_slice(&(footer.len() as u32).to_le_bytes());
            bytes.extend_from_slice(b"PAR1");
            let size = bytes.len() as u64;
            parquet_footer_digest(&mut Cursor::new(bytes), size).expect("in memory")
        };
        let base = file(b"rows", b"schema");
        assert_eq!(
            file(b"ROWS", b"schema"),
            base,
            "rows are read at each query"
        );
        assert_ne!(
            file(b"rows", b"schemA"),
            base,
            "the views are bound to the schema"
        );
        // Not Parquet, or shorter than its trailer: no footer to seek.
        for bytes in [b"plain text".to_vec(), b"PAR".to_vec(), Vec::new()] {
            let size = bytes.len() as u64;
            assert!(parquet_footer_digest(&mut Cursor::new(bytes), size).is_ok());
        }
    }
}
