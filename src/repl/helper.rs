//! The line editor's helper: completion from the database's catalogue and
//! the dot commands, and highlighting of keywords, strings, numbers and
//! comments.

use std::borrow::Cow;
use std::collections::BTreeSet;

use rustyline::completion::{Completer, FilenameCompleter, Pair};
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::dot::COMMANDS;
use crate::engine::Engine;

/// Names the database knows, read from its catalogue.
#[derive(Default)]
pub struct Catalogue {
    keywords: BTreeSet<String>,
    relations: BTreeSet<String>,
    functions: BTreeSet<String>,
    /// (table or view, column)
    columns: Vec<(String, String)>,
}

impl Catalogue {
    /// Reads keywords, tables, views, macros, functions and columns. A
    /// failure leaves completion poorer, never breaks the shell.
    pub fn read(engine: &Engine) -> Catalogue {
        let list = |sql: &str| -> Vec<String> {
            let Ok(mut statement) = engine.connection().prepare(sql) else {
                return Vec::new();
            };
            statement
                .query_map([], |row| row.get::<_, String>(0))
                .map(|rows| rows.filter_map(Result::ok).collect())
                .unwrap_or_default()
        };
        let mut columns = Vec::new();
        if let Ok(mut statement) = engine.connection().prepare(
            "SELECT table_name, column_name FROM duckdb_columns() ORDER BY 1, column_index",
        ) && let Ok(rows) = statement.query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        }) {
            columns = rows.filter_map(Result::ok).collect();
        }
        Catalogue {
            keywords: list("SELECT upper(keyword_name) FROM duckdb_keywords()").into_iter().collect(),
            relations: list(
                "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal \
                 UNION SELECT function_name FROM duckdb_functions() WHERE function_type = 'table_macro' AND NOT internal",
            )
            .into_iter()
            .collect(),
            functions: list("SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name NOT LIKE '%\\_%' ESCAPE '\\' OR NOT internal")
                .into_iter()
                .collect(),
            columns,
        }
    }

    pub fn is_keyword(&self, word: &str) -> bool {
        self.keywords.contains(&word.to_ascii_uppercase())
    }
}

pub struct ShellHelper {
    pub catalogue: Catalogue,
    files: FilenameCompleter,
}

impl ShellHelper {
    pub fn new(catalogue: Catalogue) -> Self {
        ShellHelper {
            catalogue,
            files: FilenameCompleter::new(),
        }
    }

    /// Candidates for an SQL word: columns of the relations the statement
    /// names first, then relations, functions and keywords.
    fn sql_candidates(&self, line: &str, prefix: &str) -> Vec<Pair> {
        let lower = prefix.to_lowercase();
        let matches = |name: &str| name.to_lowercase().starts_with(&lower);
        let words: BTreeSet<String> = line
            .split(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map(str::to_lowercase)
            .collect();
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        let mut push = |name: &str, out: &mut Vec<Pair>| {
            if matches(name) && seen.insert(name.to_string()) {
                out.push(Pair {
                    display: name.to_string(),
                    replacement: name.to_string(),
                });
            }
        };
        for (table, column) in &self.catalogue.columns {
            if words.contains(&table.to_lowercase()) {
                push(column, &mut out);
            }
        }
        for name in &self.catalogue.relations {
            push(name, &mut out);
        }
        for (_, column) in &self.catalogue.columns {
            push(column, &mut out);
        }
        for name in &self.catalogue.functions {
            push(name, &mut out);
        }
        let upper = prefix.chars().next().is_some_and(char::is_uppercase);
        for keyword in &self.catalogue.keywords {
            let shown = if upper {
                keyword.clone()
            } else {
                keyword.to_lowercase()
            };
            push(&shown, &mut out);
        }
        out
    }
}

impl Completer for ShellHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        ctx: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let trimmed = before.trim_start();
        // A dot command's name, then file paths for those that take one.
        if trimmed.starts_with('.') {
            if !trimmed.contains(char::is_whitespace) {
                let start = pos - trimmed.len();
                let candidates = COMMANDS
                    .iter()
                    .filter(|c| c.name.starts_with(&trimmed[1..]))
                    .map(|c| Pair {
                        display: format!(".{}", c.name),
                        replacement: format!(".{} ", c.name),
                    })
                    .collect();
                return Ok((start, candidates));
            }
            let command = trimmed.split_whitespace().next().unwrap_or("");
            if matches!(command, ".read" | ".open" | ".output" | ".once") {
                return self.files.complete(line, pos, ctx);
            }
            return Ok((pos, Vec::new()));
        }
        // Inside a string literal: a file path (read_csv('data/…')).
        if before.matches('\'').count() % 2 == 1 {
            return self.files.complete(line, pos, ctx);
        }
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let prefix = &before[start..];
        if prefix.is_empty() {
            return Ok((pos, Vec::new()));
        }
        Ok((start, self.sql_candidates(line, prefix)))
    }
}

impl Hinter for ShellHelper {
    type Hint = String;
}

impl Validator for ShellHelper {}

const KEYWORD: &str = "\x1b[1;34m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[33m";
const COMMENT: &str = "\x1b[90m";
const RESET: &str = "\x1b[0m";

impl Highlighter for ShellHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> Cow<'l, str> {
        if line.trim_start().starts_with('.') {
            return Cow::Borrowed(line);
        }
        Cow::Owned(highlight_sql(line, |word| self.catalogue.is_keyword(word)))
    }

    fn highlight_char(&self, _line: &str, _pos: usize, _kind: CmdKind) -> bool {
        true
    }
}

impl Helper for ShellHelper {}

/// Colours one line of SQL. Display width is unchanged: only escape
/// sequences are added, so the cursor stays where it belongs.
pub fn highlight_sql(line: &str, is_keyword: impl Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(line.len() * 2);
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let take_while = |mut j: usize, keep: &dyn Fn(char) -> bool| {
            while j < chars.len() && keep(chars[j].1) {
                j += 1;
            }
            j
        };
        let end_of = |j: usize| chars.get(j).map_or(line.len(), |(index, _)| *index);
        if c == '-' && chars.get(i + 1).is_some_and(|(_, n)| *n == '-') {
            out.push_str(COMMENT);
            out.push_str(&line[start..]);
            out.push_str(RESET);
            break;
        } else if c == '/' && chars.get(i + 1).is_some_and(|(_, n)| *n == '*') {
            let close = line[start..]
                .find("*/")
                .map_or(line.len(), |at| start + at + 2);
            out.push_str(COMMENT);
            out.push_str(&line[start..close]);
            out.push_str(RESET);
            i = chars
                .iter()
                .position(|(index, _)| *index >= close)
                .unwrap_or(chars.len());
        } else if c == '\'' {
            let mut j = i + 1;
            while j < chars.len() && chars[j].1 != '\'' {
                j += 1;
            }
            let j = (j + 1).min(chars.len());
            out.push_str(STRING);
            out.push_str(&line[start..end_of(j)]);
            out.push_str(RESET);
            i = j;
        } else if c.is_ascii_digit() {
            let j = take_while(i, &|c: char| c.is_ascii_digit() || c == '.' || c == '_');
            out.push_str(NUMBER);
            out.push_str(&line[start..end_of(j)]);
            out.push_str(RESET);
            i = j;
        } else if c.is_alphabetic() || c == '_' {
            let j = take_while(i, &|c: char| c.is_alphanumeric() || c == '_');
            let word = &line[start..end_of(j)];
            if is_keyword(word) {
                out.push_str(KEYWORD);
                out.push_str(word);
                out.push_str(RESET);
            } else {
                out.push_str(word);
            }
            i = j;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_without_changing_the_text() {
        let line = "select /* why */ 'a b', 42 from t -- note";
        let coloured = highlight_sql(line, |w| {
            w.eq_ignore_ascii_case("select") || w.eq_ignore_ascii_case("from")
        });
        assert!(coloured.contains(&format!("{KEYWORD}select{RESET}")));
        assert!(coloured.contains(&format!("{STRING}'a b'{RESET}")));
        assert!(coloured.contains(&format!("{NUMBER}42{RESET}")));
        assert!(coloured.contains(&format!("{COMMENT}/* why */{RESET}")));
        let plain: String = coloured
            .replace(KEYWORD, "")
            .replace(STRING, "")
            .replace(NUMBER, "")
            .replace(COMMENT, "")
            .replace(RESET, "");
        assert_eq!(plain, line);
    }
}
