//! A spreadsheet cell's number format, as far as reading a table needs it: whether
//! it shows the cell as a percent. Excel and LibreOffice keep a cell
//! formatted as a percent as its fraction (35.2 % is stored as 0.352), so
//! a cell must be read as the share it shows, whatever its neighbours
//! hold, or it loads a hundred times too small under a `（%）` header.

use calamine::Style;

/// Excel's built-in formats that show a percent: `0%` and `0.00%`.
pub(super) const BUILT_IN_PERCENTS: [u32; 2] = [9, 10];

/// Whether a cell of this style shows its value as a percent.
pub fn shows_percent(style: &Style) -> bool {
    let Some(format) = &style.number_format else {
        return false;
    };
    if format
        .format_id
        .is_some_and(|id| BUILT_IN_PERCENTS.contains(&id))
    {
        return true;
    }
    code_shows_percent(&format.format_code)
}

/// Whether a format code holds a percent sign that is a sign, not text:
/// `0.0%` and `#,##0.00%;[Red]-0.00%` do, `0.0"%"`, `0.0\%` and
/// `[$%-804]0` do not (quoted, escaped, or inside brackets, the sign is
/// printed as it is and the value is not multiplied by a hundred).
pub fn code_shows_percent(code: &str) -> bool {
    let mut quoted = false;
    let mut bracketed = false;
    let mut chars = code.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if !quoted => {
                chars.next();
            }
            '[' if !quoted => bracketed = true,
            ']' if !quoted => bracketed = false,
            '%' if !quoted && !bracketed => return true,
            _ => {}
        }
    }
    false
}

/// The text a percent-formatted cell shows for `fraction`, at full
/// precision: 0.352 is `35.2%`. The decimal point of the shortest text of
/// the stored number is moved two places, so no rounding of a product
/// creeps in (0.352 × 100 is 35.199999999999996 in binary arithmetic).
pub fn as_percent(fraction: f64) -> String {
    let text = fraction.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (whole, fraction_digits) = digits.split_once('.').unwrap_or((digits, ""));
    let mut moved = fraction_digits.to_string();
    while moved.len() < 2 {
        moved.push('0');
    }
    let (up, rest) = moved.split_at(2);
    let whole = format!("{whole}{up}");
    let whole = whole.trim_start_matches('0');
    let whole = if whole.is_empty() { "0" } else { whole };
    let rest = rest.trim_end_matches('0');
    if rest.is_empty() {
        format!("{sign}{whole}%")
    } else {
        format!("{sign}{whole}.{rest}%")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_signs_in_format_codes() {
        assert!(code_shows_percent("0.0%"));
        assert!(code_shows_percent("0%"));
        assert!(code_shows_percent("#,##0.00%;[Red]-#,##0.00%"));
        assert!(!code_shows_percent("0.0\"%\""));
        assert!(!code_shows_percent("0.0\\%"));
        assert!(!code_shows_percent("[$%-804]0.00"));
        assert!(!code_shows_percent("General"));
        assert!(!code_shows_percent("yyyy/m/d"));
    }

    #[test]
    fn a_fraction_as_the_percent_it_shows() {
        assert_eq!(as_percent(0.352), "35.2%");
        assert_eq!(as_percent(0.41), "41%");
        assert_eq!(as_percent(1.35), "135%");
        assert_eq!(as_percent(0.0), "0%");
        assert_eq!(as_percent(1.0), "100%");
        assert_eq!(as_percent(-0.05), "-5%");
        assert_eq!(as_percent(0.00352), "0.352%");
        assert_eq!(as_percent(0.123456789), "12.3456789%");
        assert_eq!(as_percent(12.0), "1200%");
    }
}
