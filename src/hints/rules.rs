//! The schema's CHECK rules in words. DuckDB names a broken rule by its
//! expression (`(industrial_internet_rate BETWEEN 0 AND 1)`); the shapes
//! the schema uses read as a sentence in the session's language, anything
//! else is shown as written.

use std::sync::OnceLock;

use regex::Regex;

use crate::t;

/// `expression` (a CHECK's text as DuckDB prints it) as a sentence.
pub fn in_words(expression: &str) -> String {
    let rule = strip_outer_parentheses(expression.trim());
    let patterns = patterns();
    if let Some(c) = patterns.between.captures(rule) {
        let column = &c[1];
        let is_share = crate::dictionary::entry(column, false).is_some_and(|e| e.unit == "share");
        let key = if is_share && &c[2] == "0" && &c[3] == "1" {
            "rule-share"
        } else {
            "rule-between"
        };
        return t!(key, column = column, low = &c[2], high = &c[3]);
    }
    if let Some(c) = patterns.compare.captures(rule) {
        let key = match &c[2] {
            ">=" => "rule-at-least",
            ">" => "rule-above",
            "<=" => "rule-at-most",
            "<" => "rule-below",
            _ => "rule-equal",
        };
        return t!(key, column = &c[1], value = &c[3]);
    }
    if let Some(c) = patterns.one_of.captures(rule) {
        let values: Vec<&str> = c[2].split(", ").map(|v| v.trim_matches('\'')).collect();
        return t!("rule-one-of", column = &c[1], values = values.join(", "));
    }
    if let Some(c) = patterns.pattern.captures(rule) {
        return t!("rule-pattern", column = &c[1], pattern = &c[2]);
    }
    if let Some(c) = patterns.length.captures(rule) {
        return t!("rule-length", column = &c[1], length = &c[2]);
    }
    t!("rule-as-written", expression = rule)
}

struct Patterns {
    between: Regex,
    compare: Regex,
    one_of: Regex,
    pattern: Regex,
    length: Regex,
}

fn patterns() -> &'static Patterns {
    static PATTERNS: OnceLock<Patterns> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        let regex = |text: &str| Regex::new(text).expect("valid pattern");
        Patterns {
            between: regex(r"^(\w+) BETWEEN (-?[\w.]+) AND (-?[\w.]+)$"),
            compare: regex(r"^(\w+) (>=|>|<=|<|=) (-?[\w.]+)$"),
            one_of: regex(r"^(\w+) IN \((.*)\)$"),
            pattern: regex(r"^regexp_full_match\((\w+), '(.*)'\)$"),
            length: regex(r"^length\((\w+)\) = (\d+)$"),
        }
    })
}

/// `((a))` → `a`, but `(a) OR (b)` stays whole.
fn strip_outer_parentheses(mut text: &str) -> &str {
    while text.starts_with('(') && text.ends_with(')') && encloses_all(text) {
        text = text[1..text.len() - 1].trim();
    }
    text
}

/// Whether the opening parenthesis at the start closes only at the end.
fn encloses_all(text: &str) -> bool {
    let mut depth = 0i32;
    for (index, character) in text.char_indices() {
        match character {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 && index + 1 < text.len() {
                    return false;
                }
            }
            _ => {}
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schemas_shapes_read_as_words() {
        assert_eq!(
            in_words("(total_output_bn_cny >= 0)"),
            "total_output_bn_cny is at least 0"
        );
        assert_eq!(
            in_words("(industrial_internet_rate BETWEEN 0 AND 1)"),
            "industrial_internet_rate is a share between 0 and 1 (35.2 % is written 0.352)"
        );
        assert_eq!(
            in_words("(level IN ('national', 'provincial'))"),
            "level is one of national, provincial"
        );
        assert_eq!(
            in_words("(length(enterprise_id) = 18)"),
            "enterprise_id is 18 characters long"
        );
        assert_eq!(
            in_words("((left_year IS NULL) OR (left_year > joined_year))"),
            "(left_year IS NULL) OR (left_year > joined_year) holds"
        );
    }
}
