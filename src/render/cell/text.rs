//! Strings and blobs as DuckDB writes them, and the quoting a string gets
//! inside a list, struct or map.

use std::fmt::Write as _;

use duckdb::arrow::array::StringArray;

use super::{Nesting, Writer};

pub(super) fn string_writer<'a>(values: &'a StringArray, nesting: Nesting) -> Writer<'a> {
    Box::new(move |row, out: &mut String| write_string(out, values.value(row), nesting))
}

pub(super) fn write_string(out: &mut String, text: &str, nesting: Nesting) {
    if nesting == Nesting::Nested && needs_quotes_when_nested(text) {
        write_quoted(out, text);
    } else {
        out.push_str(text);
    }
}

/// DuckDB quotes a string inside a list, struct or map when it is empty,
/// has surrounding spaces, spells NULL, or holds a character with meaning
/// in the nested syntax.
fn needs_quotes_when_nested(text: &str) -> bool {
    text.is_empty()
        || text.starts_with(char::is_whitespace)
        || text.ends_with(char::is_whitespace)
        || text.eq_ignore_ascii_case("null")
        || text.contains([',', '\'', '"', '[', ']', '{', '}', '(', ')', ':', '=', '\\'])
}

pub(super) fn write_quoted(out: &mut String, text: &str) {
    out.push('\'');
    for c in text.chars() {
        if c == '\'' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
}

/// A blob as DuckDB prints it: printable ASCII as it is, other bytes and
/// the characters that quote or escape (`\\`, `'`, `"`) as `\\xNN`.
pub(super) fn write_blob(out: &mut String, bytes: &[u8]) {
    for &b in bytes {
        if (0x20..0x7f).contains(&b) && !matches!(b, b'\\' | b'\'' | b'"') {
            out.push(b as char);
        } else {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
}
