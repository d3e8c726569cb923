//! Splits SQL text into statements, each with the line and column where it
//! starts, so that an error can point at `FILE:LINE:COL`.
//!
//! DuckDB's own `prepare` silently runs every statement but the last of a
//! multi-statement text, so every caller executes the pieces this module
//! hands out, one at a time.

/// One statement of a script, without its terminating semicolon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    pub sql: String,
    /// 1-based line of the statement's first significant character.
    pub line: usize,
    /// 1-based column, counted in characters, of that character.
    pub column: usize,
}

impl Statement {
    pub fn kind(&self) -> StatementKind {
        StatementKind::of(&self.sql)
    }
}

/// What a statement is, by its first keyword. The runner, the shell and
/// `check` all decide by this one list how a statement runs and whether
/// its rows are shown, so that they cannot disagree about a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementKind {
    /// A query (`SELECT`, `WITH`, `FROM`, `VALUES`, `TABLE`, `PIVOT`,
    /// `UNPIVOT`, or one in parentheses): DuckDB can wrap it in
    /// `COPY (…) TO`, which the file writers and DuckDB's own text need.
    Query,
    /// Answers with rows but cannot be wrapped (`SHOW`, `DESCRIBE`,
    /// `DESC`, `SUMMARIZE`, `PRAGMA`, `CALL`).
    Listing,
    /// `EXPLAIN`: a plan, which is shown whole.
    Plan,
    /// Changes which relations there are (`CREATE`, `DROP`, `ALTER`,
    /// `ATTACH`, `DETACH`, `USE`), so the shell's completions go stale.
    CatalogueChange,
    /// Anything else (`INSERT`, `SET`, …).
    Other,
}

impl StatementKind {
    pub fn of(sql: &str) -> StatementKind {
        match leading_keyword(sql).as_str() {
            // A statement that starts with a symbol has no keyword; the
            // only such statement DuckDB runs is a parenthesised query.
            "SELECT" | "WITH" | "FROM" | "VALUES" | "TABLE" | "PIVOT" | "UNPIVOT" | "" => {
                StatementKind::Query
            }
            "SHOW" | "DESCRIBE" | "DESC" | "SUMMARIZE" | "PRAGMA" | "CALL" => {
                StatementKind::Listing
            }
            "EXPLAIN" => StatementKind::Plan,
            "CREATE" | "DROP" | "ALTER" | "ATTACH" | "DETACH" | "USE" => {
                StatementKind::CatalogueChange
            }
            _ => StatementKind::Other,
        }
    }

    /// Whether its rows are shown even when they look like DuckDB's status
    /// for a statement without rows (a lone `Count` or `Success` column):
    /// these kinds never answer with a status, so such a column is the
    /// user's own.
    pub fn shows_rows(self) -> bool {
        matches!(
            self,
            StatementKind::Query | StatementKind::Listing | StatementKind::Plan
        )
    }
}

/// The first word of `sql` after leading comments and whitespace,
/// upper-cased; empty when it starts with a parenthesis or another symbol.
fn leading_keyword(sql: &str) -> String {
    let mut lexer = Lexer::new(sql);
    lexer.skip_insignificant();
    let rest = &sql[lexer.pos..];
    rest.chars()
        .take_while(|c| c.is_ascii_alphabetic() || *c == '_')
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Splits `text` into its statements. Empty statements (only whitespace,
/// comments or stray semicolons) are dropped. A last statement without a
/// semicolon is kept.
pub fn split(text: &str) -> Vec<Statement> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lexer = Lexer::new(text);
    let mut statements = Vec::new();
    loop {
        lexer.skip_insignificant();
        while lexer.peek() == Some(';') {
            lexer.bump();
            lexer.skip_insignificant();
        }
        if lexer.at_end() {
            break;
        }
        let (start, line, column) = (lexer.pos, lexer.line, lexer.column);
        let end = lexer.scan_to_semicolon();
        let sql = text[start..end].trim_end().to_string();
        statements.push(Statement { sql, line, column });
        if lexer.peek() == Some(';') {
            lexer.bump();
        }
    }
    statements
}

/// Whether `text` ends a statement: its last significant character is a
/// semicolon outside any string, identifier, comment or dollar-quoted body.
/// The shell keeps reading continuation lines until this holds.
pub fn is_complete(text: &str) -> bool {
    let mut lexer = Lexer::new(text);
    let mut complete = true;
    loop {
        lexer.skip_insignificant();
        if lexer.at_end() {
            return complete && !lexer.unterminated;
        }
        if lexer.peek() == Some(';') {
            lexer.bump();
            complete = true;
            continue;
        }
        complete = false;
        lexer.scan_to_semicolon();
        if lexer.unterminated {
            return false;
        }
    }
}

/// A cursor over SQL text that knows DuckDB's lexical rules for strings,
/// quoted identifiers, comments and dollar quotes.
struct Lexer<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    column: usize,
    /// Set when the text ends inside a string, identifier, comment or body.
    unterminated: bool,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        Lexer {
            text,
            pos: 0,
            line: 1,
            column: 1,
            unterminated: false,
        }
    }

    fn at_end(&self) -> bool {
        self.pos >= self.text.len()
    }

    fn peek(&self) -> Option<char> {
        self.text[self.pos..].chars().next()
    }

    fn peek_second(&self) -> Option<char> {
        let mut chars = self.text[self.pos..].chars();
        chars.next();
        chars.next()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.pos += c.len_utf8();
        match c {
            '\n' => {
                self.line += 1;
                self.column = 1;
            }
            // A CR of a CRLF pair does not take a column; a lone one does.
            '\r' if self.peek() == Some('\n') => {}
            _ => self.column += 1,
        }
        Some(c)
    }

    /// Skips whitespace and comments.
    fn skip_insignificant(&mut self) {
        loop {
            match (self.peek(), self.peek_second()) {
                (Some(c), _) if c.is_whitespace() || c == '\u{feff}' => {
                    self.bump();
                }
                (Some('-'), Some('-')) => self.skip_line_comment(),
                (Some('/'), Some('*')) => self.skip_block_comment(),
                _ => return,
            }
        }
    }

    fn skip_line_comment(&mut self) {
        while let Some(c) = self.bump() {
            if c == '\n' {
                return;
            }
        }
    }

    /// Block comments nest, as in PostgreSQL and DuckDB.
    fn skip_block_comment(&mut self) {
        self.bump();
        self.bump();
        let mut depth = 1;
        while depth > 0 {
            match (self.peek(), self.peek_second()) {
                (None, _) => {
                    self.unterminated = true;
                    return;
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    depth += 1;
                }
                (Some('*'), Some('/')) => {
                    self.bump();
                    self.bump();
                    depth -= 1;
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// Advances to the next semicolon that ends the statement (or the end of
    /// the text) and returns the byte offset where the statement ends.
    fn scan_to_semicolon(&mut self) -> usize {
        let mut previous: Option<char> = None;
        loop {
            let Some(c) = self.peek() else {
                return self.pos;
            };
            match c {
                ';' => return self.pos,
                '\'' => {
                    let escapes = matches!(previous, Some('e' | 'E'))
                        && self.is_word_start_before(self.pos - 1);
                    self.skip_quoted('\'', escapes);
                }
                '"' => self.skip_quoted('"', false),
                '-' if self.peek_second() == Some('-') => self.skip_line_comment(),
                '/' if self.peek_second() == Some('*') => self.skip_block_comment(),
                '$' if !previous.is_some_and(is_identifier_char) => {
                    if !self.skip_dollar_quoted() {
                        self.bump();
                    }
                }
                _ => {
                    self.bump();
                }
            }
            previous = Some(c);
        }
    }

    /// Whether the character at byte `index` starts a word (so that `E'…'`
    /// is an escape string but `some'…'` is not).
    fn is_word_start_before(&self, index: usize) -> bool {
        self.text[..index]
            .chars()
            .next_back()
            .is_none_or(|c| !is_identifier_char(c))
    }

    /// Skips a quoted string or identifier; a doubled quote stands for one.
    fn skip_quoted(&mut self, quote: char, backslash_escapes: bool) {
        self.bump();
        loop {
            match self.bump() {
                None => {
                    self.unterminated = true;
                    return;
                }
                Some('\\') if backslash_escapes => {
                    self.bump();
                }
                Some(c) if c == quote => {
                    if self.peek() == Some(quote) {
                        self.bump();
                    } else {
                        return;
                    }
                }
                Some(_) => {}
            }
        }
    }

    /// Skips `$$ … $$` or `$tag$ … $tag$`. Returns false, consuming nothing,
    /// when the `$` does not open a dollar quote (a parameter like `$1`).
    fn skip_dollar_quoted(&mut self) -> bool {
        let rest = &self.text[self.pos + 1..];
        let tag_len = rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i);
        if !rest[tag_len..].starts_with('$') || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
        let delimiter = format!("${}$", &rest[..tag_len]);
        for _ in 0..delimiter.chars().count() {
            self.bump();
        }
        match self.text[self.pos..].find(&delimiter) {
            Some(offset) => {
                let target = self.pos + offset + delimiter.len();
                while self.pos < target {
                    self.bump();
                }
            }
            None => {
                while self.bump().is_some() {}
                self.unterminated = true;
            }
        }
        true
    }
}

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<String> {
        split(sql).into_iter().map(|s| s.sql).collect()
    }

    #[test]
    fn splits_on_semicolons_and_keeps_a_last_statement_without_one() {
        assert_eq!(texts("select 1; select 2"), ["select 1", "select 2"]);
    }

    #[test]
    fn semicolons_inside_strings_identifiers_and_comments_do_not_split() {
        let sql = "select 'a;b', \"c;d\" -- e;f\n, 1 /* g; /* nested; */ h; */ from t; select 2;";
        assert_eq!(split(sql).len(), 2);
    }

    #[test]
    fn doubled_quotes_and_escape_strings() {
        assert_eq!(
            texts("select 'it''s;'; select E'a\\';b'; select 3"),
            ["select 'it''s;'", "select E'a\\';b'", "select 3"]
        );
    }

    #[test]
    fn a_word_ending_in_e_does_not_make_an_escape_string() {
        // `some'…'` is not E'…', so the backslash is a plain character.
        assert_eq!(texts("select some'\\'; select 2").len(), 2);
    }

    #[test]
    fn dollar_quoted_bodies() {
        let sql = "create macro m() as $$ select 1; $$; select $tag$ ; $$ ; $tag$; select $1";
        assert_eq!(texts(sql).len(), 3);
    }

    #[test]
    fn positions_count_lines_and_characters_across_crlf_and_bom() {
        let sql = "\u{feff}select 1;\r\n  -- note\r\n  select '中文'; select 3";
        let found: Vec<(usize, usize)> = split(sql).iter().map(|s| (s.line, s.column)).collect();
        assert_eq!(found, [(1, 1), (3, 3), (3, 16)]);
    }

    #[test]
    fn empty_statements_are_dropped() {
        assert!(split(" ;; -- only a comment\n ; /* c */").is_empty());
    }

    #[test]
    fn completeness_follows_the_last_significant_character() {
        assert!(is_complete("select 1;"));
        assert!(is_complete("select 1; -- trailing comment"));
        assert!(!is_complete("select 1"));
        assert!(!is_complete("select ';"));
        assert!(!is_complete("select 1 /* ; "));
        assert!(!is_complete("select $$ ; "));
        assert!(!is_complete("select 1; select 2"));
    }

    #[test]
    fn leading_keyword_skips_comments() {
        assert_eq!(
            leading_keyword("-- x\n /* y */ with a as (select 1) select *"),
            "WITH"
        );
        assert_eq!(leading_keyword("(select 1)"), "");
    }

    #[test]
    fn a_parenthesised_statement_is_a_query() {
        assert_eq!(StatementKind::of("(select 1)"), StatementKind::Query);
        assert_eq!(
            StatementKind::of("/* c */ with t as (select 1) select * from t"),
            StatementKind::Query
        );
        assert_eq!(StatementKind::of("explain select 1"), StatementKind::Plan);
        assert_eq!(StatementKind::of("show tables"), StatementKind::Listing);
        assert_eq!(
            StatementKind::of("insert into t values (1)"),
            StatementKind::Other
        );
        assert!(StatementKind::of("(select 1)").shows_rows());
        assert!(!StatementKind::of("create table t (a int)").shows_rows());
    }
}
