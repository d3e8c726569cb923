//! The one error type of clusterql and the exit code each kind maps to.

use std::fmt;
use std::path::PathBuf;

use crate::t;

/// Where a statement came from: a file, `-c`, or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub source: String,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.source, self.line, self.column)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// DuckDB refused or failed a statement: DuckDB's message, unchanged,
    /// after the position and its error class in the session's language;
    /// `hint` points at what clusterql knows (names, columns, units, rules).
    #[error("{}", sql_line(location, message))]
    Sql {
        location: Location,
        message: String,
        hint: Option<String>,
    },

    /// DuckDB failed outside any user statement (opening, setting up).
    #[error("{0}")]
    Engine(String),

    /// The command line or a dot command asked for something impossible.
    #[error("{0}")]
    Usage(String),

    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    /// Writing results failed (other than a closed pipe, which is not an error).
    #[error("{}", t!("error-output", reason = .0.to_string()))]
    Output(std::io::Error),

    /// `check` found claims that do not hold on the data.
    #[error("{}", t!("error-claims-failed", claims = .0.join(", ")))]
    ClaimsFailed(Vec<String>),

    /// `load` refused its input; the database is unchanged.
    #[error("{0}")]
    LoadRejected(String),

    #[error("{}", t!("error-interrupted"))]
    Interrupted,

    /// A batch ran with `--keep-going` and some statements failed; each was
    /// reported when it happened.
    #[error("{}", t!("error-statements-failed", count = *.0))]
    StatementsFailed(usize),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The process exit code of the contract for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Usage(_) => 2,
            Error::ClaimsFailed(_) => 3,
            Error::LoadRejected(_) => 4,
            Error::Interrupted => 130,
            Error::Sql { .. }
            | Error::Engine(_)
            | Error::Io { .. }
            | Error::Output(_)
            | Error::StatementsFailed(_) => 1,
        }
    }

    /// Builds the error for a failed statement, folding DuckDB's multi-line
    /// message (with its `LINE n:` excerpt and caret) into one line, as the
    /// contract wants exactly one line per error.
    pub fn sql(location: Location, error: &duckdb::Error) -> Error {
        let text = error.to_string();
        if is_interrupt(&text) {
            return Error::Interrupted;
        }
        Error::Sql {
            location,
            message: one_line(&text),
            hint: None,
        }
    }

    /// A failed statement's error with the hint that `hint` finds for its
    /// message; other errors pass through.
    pub fn with_hint(self, hint: impl FnOnce(&str) -> Option<String>) -> Error {
        match self {
            Error::Sql {
                location,
                message,
                hint: None,
            } => {
                let hint = hint(&message);
                Error::Sql {
                    location,
                    message,
                    hint,
                }
            }
            other => other,
        }
    }

    /// What stderr shows: the error line in the session's language
    /// (`error: …`, `错误：…`) and, for a failed statement, its hint line.
    pub fn report(&self) -> String {
        let mut text = report_message(&self.to_string());
        if let Error::Sql {
            hint: Some(hint), ..
        } = self
        {
            text.push('\n');
            text.push_str(&t!("error-hint", hint = hint.as_str()));
        }
        text
    }

    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    /// A failed write to `path` names that file; other errors stay as they are.
    pub fn writing_to(self, path: &std::path::Path) -> Error {
        match self {
            Error::Output(source) => Error::io(path, source),
            other => other,
        }
    }

    /// Whether this error only means that the reader of stdout went away
    /// (`clusterql … | head`), which ends output quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Error::Output(e) if e.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<duckdb::Error> for Error {
    fn from(error: duckdb::Error) -> Self {
        let text = error.to_string();
        if is_interrupt(&text) {
            Error::Interrupted
        } else {
            Error::Engine(one_line(&text))
        }
    }
}

/// One error line for stderr, prefixed in the session's language.
pub fn report_message(message: &str) -> String {
    t!("error-line", message = message)
}

/// A failed statement's line: its position, DuckDB's error class in the
/// session's language where that differs from DuckDB's own English word
/// (which stays, so the message can still be searched), and DuckDB's
/// message as it wrote it.
fn sql_line(location: &Location, message: &str) -> String {
    let location = location.to_string();
    match duckdb_error_class(message) {
        Some(key) => t!(
            "error-sql-classed",
            location = location,
            class = crate::i18n::message(key, &[]),
            message = message
        ),
        None => t!("error-sql", location = location, message = message),
    }
}

/// The message key naming the class of a DuckDB message
/// (`Catalog Error: …`), when it is one of the classes users meet.
fn duckdb_error_class(message: &str) -> Option<&'static str> {
    let (class, _) = message.split_once(": ")?;
    Some(match class {
        "Catalog Error" => "sql-class-catalog",
        "Parser Error" => "sql-class-parser",
        "Binder Error" => "sql-class-binder",
        "Conversion Error" => "sql-class-conversion",
        "Constraint Error" => "sql-class-constraint",
        "IO Error" => "sql-class-io",
        "Out of Memory Error" => "sql-class-out-of-memory",
        "Invalid Input Error" => "sql-class-invalid-input",
        "Out of Range Error" => "sql-class-out-of-range",
        "Not implemented Error" => "sql-class-not-implemented",
        "Permission Error" => "sql-class-permission",
        "Transaction Error" | "TransactionContext Error" => "sql-class-transaction",
        "Dependency Error" => "sql-class-dependency",
        "Invalid type Error" | "Mismatch Type Error" | "Type Error" => "sql-class-type",
        "Syntax Error" => "sql-class-syntax",
        "Sequence Error" => "sql-class-sequence",
        "Serialization Error" => "sql-class-serialization",
        "Internal Error" | "FATAL Error" => "sql-class-internal",
        _ => return None,
    })
}

fn is_interrupt(message: &str) -> bool {
    message.contains("INTERRUPT Error") || message.trim() == "Interrupted!"
}

/// Joins the meaningful lines of a DuckDB message with "; ", dropping the
/// echoed `LINE n: …` excerpt and its caret line.
pub fn one_line(message: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let mut lines = message.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        if trimmed.starts_with("LINE ") && trimmed.contains(':') {
            // The caret line under the excerpt goes with it.
            if lines.peek().is_some_and(|next| is_caret_line(next)) {
                lines.next();
            }
            continue;
        }
        if is_caret_line(trimmed) {
            continue;
        }
        parts.push(trimmed);
    }
    parts.join("; ")
}

/// DuckDB underlines the offending part of the excerpt with `^` characters.
fn is_caret_line(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty() && trimmed.chars().all(|c| c == '^')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_duckdb_messages_to_one_line() {
        let message = "Catalog Error: Table with name nope does not exist!\nDid you mean \"t\"?\n\nLINE 1: select * from nope\n                      ^^^^";
        assert_eq!(
            one_line(message),
            "Catalog Error: Table with name nope does not exist!; Did you mean \"t\"?"
        );
    }

    #[test]
    fn exit_codes_follow_the_contract() {
        assert_eq!(Error::Usage("x".into()).exit_code(), 2);
        assert_eq!(Error::ClaimsFailed(vec![]).exit_code(), 3);
        assert_eq!(Error::LoadRejected("x".into()).exit_code(), 4);
        assert_eq!(Error::Interrupted.exit_code(), 130);
        assert_eq!(Error::Engine("x".into()).exit_code(), 1);
    }
}
