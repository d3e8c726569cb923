//! Stata's variable names: which names it takes, and the name a column
//! gets when its own breaks the rules or is taken.

use super::types::NAME_CHARS;

/// Names Stata keeps for itself ([U] 11.3); `str1` … `str2045` too.
const RESERVED_NAMES: [&str; 20] = [
    "_all", "_b", "byte", "_coef", "_cons", "double", "float", "if", "in", "int", "long", "_n",
    "_N", "_pi", "_pred", "_rc", "_skip", "strL", "using", "with",
];

/// Whether `name` is a Stata variable name: 1 to 32 ASCII letters,
/// digits and `_`, not starting with a digit, not a reserved word.
pub fn is_stata_name(name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    name.len() <= NAME_CHARS
        && (first.is_ascii_alphabetic() || first == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !is_reserved(name)
}

fn is_reserved(name: &str) -> bool {
    RESERVED_NAMES.contains(&name)
        || name
            .strip_prefix("str")
            .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
}

/// The ASCII name a column gets when its own breaks Stata's rules: its
/// runs of letters, digits and `_` joined by `_` (`gross output (bn)` is
/// `gross_output_bn`), `v` before a leading digit, `v` and the column's
/// number when nothing is left (`总产值`, the third column, is `v3`), cut
/// to 32 characters, `_` after a reserved word.
fn ascii_name(name: &str, number: usize) -> String {
    let runs: Vec<&str> = name
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|run| !run.is_empty())
        .collect();
    let mut candidate = runs.join("_");
    if candidate.is_empty() {
        candidate = format!("v{number}");
    } else if candidate.starts_with(|c: char| c.is_ascii_digit()) {
        candidate.insert(0, 'v');
    }
    candidate.truncate(NAME_CHARS);
    if is_reserved(&candidate) {
        candidate.push('_');
    }
    candidate
}

/// The Stata name of each column and whether it had to change. A column
/// whose name is a Stata name keeps it, unless an earlier column took it
/// (in any case: `A` and `a` would trouble case-blind tools); the others
/// get [`ascii_name`], with `_2`, `_3`, … when that is taken. The same
/// names always give the same result.
pub fn stata_names(names: &[&str]) -> Vec<(String, bool)> {
    let mut taken = std::collections::HashSet::new();
    let mut chosen: Vec<Option<(String, bool)>> = names
        .iter()
        .map(|name| {
            (is_stata_name(name) && taken.insert(name.to_ascii_lowercase()))
                .then(|| (name.to_string(), false))
        })
        .collect();
    for (index, slot) in chosen.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let base = ascii_name(names[index], index + 1);
        let mut candidate = base.clone();
        let mut suffix = 1;
        while !taken.insert(candidate.to_ascii_lowercase()) {
            suffix += 1;
            let tail = format!("_{suffix}");
            let mut head = base.clone();
            head.truncate(NAME_CHARS - tail.len());
            candidate = head + &tail;
        }
        *slot = Some((candidate, true));
    }
    chosen.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    // moved from src/render/dta.rs
    use super::*;

    #[test]
    fn names_follow_statas_rules_stably_and_uniquely() {
        let names = [
            "total_output_bn_cny",
            "总产值",
            "gross output (bn)",
            "gross_output_bn",
            "2023",
            "int",
            "a_name_that_is_far_longer_than_thirty_two_characters",
            "x",
            "X",
            "str5",
            "_ok",
        ];
        let chosen = stata_names(&names);
        let got: Vec<(&str, bool)> = chosen.iter().map(|(n, r)| (n.as_str(), *r)).collect();
        assert_eq!(
            got,
            vec![
                ("total_output_bn_cny", false),
                ("v2", true),
                // Its cleaned name is a later column's own, which keeps it.
                ("gross_output_bn_2", true),
                ("gross_output_bn", false),
                ("v2023", true),
                ("int_", true),
                ("a_name_that_is_far_longer_than_t", true),
                ("x", false),
                ("X_2", true),
                ("str5_", true),
                ("_ok", false),
            ]
        );
        for (name, _) in &chosen {
            assert!(is_stata_name(name), "{name}");
        }
        // The same names give the same result.
        assert_eq!(stata_names(&names), chosen);
        // Many columns of one name stay unique within 32 characters.
        let long = "é".repeat(40) + &"y".repeat(40);
        let many = vec![long.as_str(); 12];
        let chosen = stata_names(&many);
        let distinct: std::collections::HashSet<_> = chosen.iter().map(|(n, _)| n).collect();
        assert_eq!(distinct.len(), 12);
        assert!(chosen.iter().all(|(n, _)| is_stata_name(n)));
        assert_eq!(chosen[11].0, format!("{}_12", "y".repeat(29)));
    }
}
