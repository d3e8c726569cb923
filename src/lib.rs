//! clusterql: analytics on China's SME industrial clusters with local
//! features, on embedded DuckDB. The binary is a thin layer over these
//! modules, which the integration tests use too.
//!
//! The layers, each importing from those below it and not from those
//! above (`tests/layout.rs` holds every room named here but the face to
//! this):
//!
//! ```text
//! face     cli, cli_run, session, repl, commands   what to run, where results go
//!            |
//! runner   runner::{batch, exec, output}            a statement in, its result out
//!            |
//! engine   engine, open, library, hints             DuckDB with the bundled views
//! writers  render (table, csv, json, xlsx, dta, …)  results as text and files
//! readers  sheets                                   a spreadsheet's table
//! ```
//!
//! The other jobs the face's commands call sit beside the runner, over the
//! engine: `load` (a user's files into tables; the runner reads a script's
//! encoding through `load::encoding`), which reads spreadsheets through
//! `sheets` as the `read_xlsx` function does, `generate` (the bundled
//! rosters) and `report` (the HTML briefing), which shows the briefing's
//! claims and figures through `claims` as the `check` command does.
//! `sql_functions` opens an engine with clusterql's own SQL functions
//! (`read_table` among them, which loads), so it sits with those jobs.
//! Leaves such as `error`, `i18n`, `script` and `sql_quote` serve every
//! layer.

pub mod allocator;
pub mod bundle_cache;
pub mod claims;
pub mod cli;
pub mod cli_run;
pub mod commands;
pub mod counties;
pub mod county_functions;
pub mod credit_code;
pub mod csv_line;
pub mod dataset;
pub mod dictionary;
pub mod duck_text;
pub mod engine;
pub mod error;
pub mod fingerprint;
pub mod generate;
pub mod hints;
pub mod i18n;
pub mod interrupt;
pub mod library;
pub mod load;
pub mod open;
pub mod progress;
pub mod read_table;
pub mod read_xlsx;
pub mod render;
pub mod repl;
pub mod report;
pub mod runner;
pub mod sandbox_refusal;
pub mod script;
pub mod session;
pub mod sheets;
pub mod sql_functions;
pub mod sql_quote;
pub mod units;
