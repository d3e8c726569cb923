//! The embedded DuckDB: opening it as the command line asks, and running
//! one statement at a time with its result as a stream of Arrow batches.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use duckdb::arrow::datatypes::SchemaRef;
use duckdb::arrow::record_batch::RecordBatch;
use duckdb::{AccessMode, Config, Connection, InterruptHandle};

use crate::duck_text::{self, TextForm};
use crate::error::{Error, Result};
use crate::sql_quote::sql_string;
use crate::t;

/// The DuckDB storage version new database files are written in, so that
/// the DuckDB releases researchers already have (1.5 and later) open them.
pub const DEFAULT_STORAGE_VERSION: &str = "v1.5.0";

#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// A DuckDB database file; `None` is a private in-memory database.
    pub database: Option<PathBuf>,
    pub readonly: bool,
    /// SQL may neither read nor write files, nor change that setting.
    pub sandbox: bool,
    /// Storage version of database files that clusterql creates.
    pub storage_version: String,
    /// Files that SQL may write even in the sandbox: a Parquet result of
    /// `-o`, which DuckDB's own writer puts there.
    pub writable_files: Vec<PathBuf>,
}

impl Default for EngineOptions {
    fn default() -> Self {
        EngineOptions {
            database: None,
            readonly: false,
            sandbox: false,
            storage_version: DEFAULT_STORAGE_VERSION.to_string(),
            writable_files: Vec::new(),
        }
    }
}

pub struct Engine {
    connection: Connection,
    options: EngineOptions,
    /// Query progress is tracked only when someone can see a bar.
    tracks_progress: bool,
}

impl Engine {
    /// Opens the database without clusterql's own SQL functions, which
    /// [`Engine::open`] adds from a room above the loaders (they read files
    /// as the loaders do, and the loaders run SQL on an engine).
    pub fn connect(options: &EngineOptions) -> Result<Engine> {
        if options.readonly && options.database.is_none() {
            return Err(Error::Usage(t!("engine-readonly-memory")));
        }
        let mut config = Config::default()
            // Extensions are compiled in; nothing may be fetched at run time.
            .enable_autoload_extension(false)?
            .with("autoinstall_known_extensions", "false")?;
        if options.readonly {
            config = config.access_mode(AccessMode::ReadOnly)?;
        }
        let connection = match &options.database {
            Some(path) => {
                if !path.exists() {
                    config =
                        config.with("storage_compatibility_version", &options.storage_version)?;
                }
                Connection::open_with_flags(path, config).map_err(|e| open_error(path, &e))?
            }
            None => Connection::open_in_memory_with_flags(config)?,
        };
        let tracks_progress =
            std::io::stderr().is_terminal() && connection.set_query_progress_tracking(true).is_ok();
        Ok(Engine {
            connection,
            options: options.clone(),
            tracks_progress,
        })
    }

    pub fn options(&self) -> &EngineOptions {
        &self.options
    }

    /// Closes the sandbox when one was asked for: from here on SQL can reach
    /// only the directories listed (the bundled data), and cannot undo it.
    pub fn lock_down(&self, readable_directories: &[PathBuf]) -> Result<()> {
        if !self.options.sandbox {
            return Ok(());
        }
        let list = |paths: Vec<String>| {
            paths
                .iter()
                .map(|path| sql_string(path))
                .collect::<Vec<_>>()
                .join(", ")
        };
        if !readable_directories.is_empty() {
            let directories = readable_directories
                .iter()
                .map(|dir| format!("{}/", dir.display()))
                .collect();
            self.connection.execute_batch(&format!(
                "SET allowed_directories = [{}]",
                list(directories)
            ))?;
        }
        if !self.options.writable_files.is_empty() {
            let files = self
                .options
                .writable_files
                .iter()
                .map(|file| file.display().to_string())
                .collect();
            self.connection
                .execute_batch(&format!("SET allowed_paths = [{}]", list(files)))?;
        }
        self.connection
            .execute_batch("SET enable_external_access = false; SET lock_configuration = true;")?;
        Ok(())
    }

    /// Runs setup SQL of our own (schema, views), several statements at once.
    pub fn execute_batch(&self, sql: &str) -> duckdb::Result<()> {
        self.connection.execute_batch(sql)
    }

    /// Starts one statement; its result is read with [`Query::next_batch`].
    pub fn query(&self, sql: &str) -> duckdb::Result<Query<'_>> {
        Query::start(self.connection.prepare(sql)?, None)
    }

    /// Starts one statement whose result is shown as text in `form`: the
    /// columns whose text is DuckDB's business come back already written by
    /// DuckDB (see [`crate::duck_text`]). Only a query can be wrapped for
    /// that (`is_query`); other statements' results go to our writers as
    /// they are.
    pub fn query_as_text(
        &self,
        sql: &str,
        form: TextForm,
        is_query: bool,
    ) -> duckdb::Result<Query<'_>> {
        let statement = self.connection.prepare(sql)?;
        if is_query {
            let delegated = duck_text::delegated_columns(form, &statement);
            if delegated.iter().any(Option::is_some)
                && let Some(names) = self.result_names(sql)
                && names.len() == delegated.len()
            {
                let wrapped = duck_text::wrapped_sql(sql, form, &names, &delegated);
                if let Ok(wrapped) = self.connection.prepare(&wrapped) {
                    drop(statement);
                    return Query::start(wrapped, Some((form, delegated)));
                }
            }
        }
        Query::start(statement, None)
    }

    /// The names of a query's result columns, without running it; `None`
    /// when DuckDB cannot describe it.
    pub fn result_names(&self, sql: &str) -> Option<Vec<String>> {
        let mut statement = self.connection.prepare(&format!("DESCRIBE {sql}\n")).ok()?;
        let names = statement
            .query_map([], |row| row.get::<_, String>(0))
            .ok()?
            .collect::<duckdb::Result<Vec<_>>>()
            .ok()?;
        Some(names)
    }

    /// Binds values to a statement's parameters, so that values from the
    /// command line never become SQL text.
    pub fn execute_with(&self, sql: &str, values: &[&str]) -> duckdb::Result<()> {
        let mut statement = self.connection.prepare(sql)?;
        statement.execute(duckdb::params_from_iter(values.iter()))?;
        Ok(())
    }

    pub fn connection(&self) -> &Connection {
        &self.connection
    }

    /// A handle that reads the running query's progress, when tracked.
    pub fn progress_handle(&self) -> Option<duckdb::ProgressHandle> {
        self.tracks_progress
            .then(|| self.connection.progress_handle())
    }

    pub fn interrupt_handle(&self) -> Arc<InterruptHandle> {
        self.connection.interrupt_handle()
    }
}

/// A running statement.
pub struct Query<'c> {
    statement: duckdb::Statement<'c>,
    /// The result's schema with the columns DuckDB wrote as text marked,
    /// when it did.
    marked_schema: Option<SchemaRef>,
}

impl<'c> Query<'c> {
    fn start(
        mut statement: duckdb::Statement<'c>,
        delegated: Option<(TextForm, Vec<Option<bool>>)>,
    ) -> duckdb::Result<Query<'c>> {
        // Executes in streaming mode; batches are then fetched through
        // `step`, which reports a failed fetch (an interrupt) as an error
        // where the crate's iterators would panic or hide it.
        let _ = statement.stream_arrow([])?;
        let marked_schema = delegated
            .map(|(form, columns)| duck_text::marked_schema(&statement.schema(), form, &columns));
        Ok(Query {
            statement,
            marked_schema,
        })
    }

    pub fn schema(&self) -> SchemaRef {
        self.marked_schema
            .clone()
            .unwrap_or_else(|| self.statement.schema())
    }

    pub fn next_batch(&self) -> duckdb::Result<Option<RecordBatch>> {
        let Some(array) = self.statement.step()? else {
            return Ok(None);
        };
        let batch = RecordBatch::from(&array);
        Ok(Some(match &self.marked_schema {
            // Only metadata differs, so this cannot fail; if it did, the
            // unmarked batch still has the right values.
            Some(schema) => batch.clone().with_schema(schema.clone()).unwrap_or(batch),
            None => batch,
        }))
    }
}

fn open_error(path: &Path, error: &duckdb::Error) -> Error {
    let message = crate::error::one_line(&error.to_string());
    let what = if message.contains("Could not set lock") || message.contains("Conflicting lock") {
        t!("engine-locked")
    } else if message.contains("not a valid DuckDB database file") {
        t!("engine-not-duckdb")
    } else if message.contains("created with a newer version of DuckDB") {
        t!("engine-newer-duckdb")
    } else {
        return Error::Engine(format!("{}: {message}", path.display()));
    };
    Error::Engine(format!("{}: {what} ({message})", path.display()))
}
