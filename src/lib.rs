//! clusterql: analytics on China's SME industrial clusters with local
//! features, on embedded DuckDB. The binary is a thin layer over these
//! modules, which the integration tests use too.

pub mod allocator;
pub mod bundle_cache;
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
pub mod sql_functions;
pub mod sql_quote;
pub mod units;
