//! One CSV record on one line, with RFC 4180 quoting: what the small CSV
//! tables compiled into the binary (the official list, the data
//! dictionary) need, without a CSV crate.

/// The fields of `line`.
pub fn split(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// The records of a small CSV table, its header line and empty lines
/// left out.
pub fn records(table: &str) -> impl Iterator<Item = Vec<String>> + '_ {
    table
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(split)
}

#[cfg(test)]
mod tests {
    #[test]
    fn quotes_hold_commas_and_doubled_quotes() {
        assert_eq!(super::split("a,\"b,c\",\"d\"\"e\""), ["a", "b,c", "d\"e"]);
    }
}
