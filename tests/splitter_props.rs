//! Properties of the statement splitter, on generated scripts.

use clusterql::script;
use proptest::prelude::*;

/// A piece of a statement that may hide semicolons, quotes or comment
/// markers inside strings, identifiers, comments and dollar-quoted bodies.
fn fragment() -> impl Strategy<Value = String> {
    let plain = "[a-z_][a-z0-9_]{0,6}".prop_map(|s| s);
    let number = (0u32..100_000).prop_map(|n| n.to_string());
    let text = "[a-z;'\" $-]{0,8}";
    prop_oneof![
        plain,
        number,
        text.prop_map(|s| format!("'{}'", s.replace('\'', "''"))),
        text.prop_map(|s| format!("\"{}\"", s.replace('"', "\"\""))),
        text.prop_map(|s| format!("E'{}'", s.replace('\\', "").replace('\'', "\\'"))),
        text.prop_map(|s| format!("/* {} */", s.replace("*/", "").replace("/*", ""))),
        text.prop_map(|s| format!("-- {}\n", s.replace('\n', ""))),
        text.prop_map(|s| format!("$$ {} $$", s.replace('$', ""))),
        text.prop_map(|s| format!("$q$ {} $q$", s.replace('$', ""))),
    ]
}

fn statement() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 1..6).prop_map(|parts| format!("select {}", parts.join(" ")))
}

proptest! {
    #[test]
    fn joined_statements_split_back(statements in prop::collection::vec(statement(), 1..6), crlf in any::<bool>()) {
        let separator = if crlf { ";\r\n" } else { ";\n" };
        let text = statements.join(separator);
        let split = script::split(&text);
        let texts: Vec<String> = split.iter().map(|s| s.sql.clone()).collect();
        let expected: Vec<String> = statements.iter().map(|s| s.trim_end().to_string()).collect();
        prop_assert_eq!(texts, expected);
        let terminated = format!("{};", text);
        prop_assert!(script::is_complete(&terminated));
    }

    #[test]
    fn positions_point_at_each_statement(statements in prop::collection::vec(statement(), 1..5)) {
        let text = statements.join(";\n\n");
        let lines: Vec<&str> = text.split('\n').collect();
        for found in script::split(&text) {
            let line = lines[found.line - 1];
            let rest: String = line.chars().skip(found.column - 1).collect();
            prop_assert!(rest.starts_with("select"), "{:?} at {}:{}", rest, found.line, found.column);
        }
    }

    #[test]
    fn never_panics_on_any_text(text in "\\PC{0,200}") {
        let _ = script::split(&text);
        let _ = script::is_complete(&text);
    }
}
