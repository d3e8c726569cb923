//! Quoting of names and text spliced into SQL. It sits below every module
//! that builds SQL (the engine, the loader, DuckDB's text of values), so
//! that none of them has to import another for it.

/// A quoted SQL identifier; quotes are doubled, so the name cannot end it.
pub fn sql_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// A SQL string literal; quotes are doubled, so the text cannot end it.
pub fn sql_string(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}
