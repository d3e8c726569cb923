//! Floats and decimals as DuckDB writes them.

use std::fmt::Write as _;

use super::Writer;

/// Floats as DuckDB prints them: the shortest digits that round-trip, in
/// fixed notation for decimal exponents from -4 to 15 (always with a
/// fractional part), otherwise in scientific notation like `1e+20`.
/// `shortest` is any shortest round-trip text of the value (ryu's, or
/// Rust's `{:e}`), e.g. `1.5e-7`, `0.0001`, `1e20` or `123.25`.
fn write_float(out: &mut String, nan: bool, infinite: bool, negative: bool, shortest: &str) {
    if nan {
        // A NaN's sign bit shows, as in DuckDB (`inf - inf` is `-nan` on x86).
        out.push_str(if negative { "-nan" } else { "nan" });
        return;
    }
    if infinite {
        out.push_str(if negative { "-inf" } else { "inf" });
        return;
    }
    let text = shortest.strip_prefix('-').unwrap_or(shortest);
    if negative || shortest.starts_with('-') {
        out.push('-');
    }
    let (mantissa, suffix) = text.split_once(['e', 'E']).unwrap_or((text, "0"));
    let suffix: i32 = suffix.parse().unwrap_or(0);
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // The significant digits, and the exponent of the first one.
    let mut digits = [0u8; 40];
    let mut count = 0;
    for &b in whole.as_bytes().iter().chain(fraction.as_bytes()) {
        if count == 0 && b == b'0' {
            continue;
        }
        if count < digits.len() {
            digits[count] = b;
            count += 1;
        }
    }
    let leading_zeros = whole.len() + fraction.len() - count.min(whole.len() + fraction.len());
    while count > 1 && digits[count - 1] == b'0' {
        count -= 1;
    }
    if count == 0 {
        out.push_str("0.0");
        return;
    }
    let exponent = whole.len() as i32 - leading_zeros as i32 - 1 + suffix;
    let digit = |i: usize| digits[i] as char;
    if !(-4..16).contains(&exponent) {
        out.push(digit(0));
        if count > 1 {
            out.push('.');
            (1..count).for_each(|i| out.push(digit(i)));
        }
        let _ = write!(
            out,
            "e{}{:02}",
            if exponent < 0 { '-' } else { '+' },
            exponent.abs()
        );
        return;
    }
    let point = exponent + 1;
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        (0..count).for_each(|i| out.push(digit(i)));
    } else if point as usize >= count {
        (0..count).for_each(|i| out.push(digit(i)));
        out.extend(std::iter::repeat_n('0', point as usize - count));
        out.push_str(".0");
    } else {
        (0..point as usize).for_each(|i| out.push(digit(i)));
        out.push('.');
        (point as usize..count).for_each(|i| out.push(digit(i)));
    }
}

/// Floats through ryu (the fastest shortest round-trip formatting), with a
/// buffer reused across values so that a large export does not allocate.
pub(super) fn float_writer<'a, T: ryu::Float + Copy + 'a>(
    value: impl Fn(usize) -> T + 'a,
    classify: impl Fn(T) -> (bool, bool, bool) + 'a,
) -> Writer<'a> {
    let buffer = std::cell::RefCell::new(ryu::Buffer::new());
    Box::new(move |row, out: &mut String| {
        let v = value(row);
        let (nan, infinite, negative) = classify(v);
        if nan || infinite {
            write_float(out, nan, infinite, negative, "");
        } else {
            let mut buffer = buffer.borrow_mut();
            write_float(out, false, false, false, buffer.format_finite(v));
        }
    })
}

/// A decimal with all its scale's digits. A type with no integer digits
/// (DECIMAL(2,2)) has no leading zero in DuckDB's text: `-.50`.
pub(super) fn write_decimal(out: &mut String, value: i128, precision: u8, scale: i8) {
    if scale <= 0 {
        let _ = write!(out, "{value}");
        return;
    }
    let scale = scale as u32;
    let divisor = 10u128.pow(scale);
    let magnitude = value.unsigned_abs();
    if value < 0 {
        out.push('-');
    }
    if u32::from(precision) > scale {
        let _ = write!(out, "{}", magnitude / divisor);
    }
    let _ = write!(
        out,
        ".{:0width$}",
        magnitude % divisor,
        width = scale as usize
    );
}

#[cfg(test)]
mod tests {
    // moved from src/render/cell.rs
    use super::*;

    fn float_text(value: f64) -> String {
        let mut out = String::new();
        if value.is_finite() {
            write_float(
                &mut out,
                false,
                false,
                false,
                ryu::Buffer::new().format_finite(value),
            );
        } else {
            write_float(
                &mut out,
                value.is_nan(),
                value.is_infinite(),
                value < 0.0,
                "",
            );
        }
        out
    }

    #[test]
    fn any_shortest_form_gives_the_same_text() {
        for (a, b) in [
            ("1.5e-7", "0.00000015"),
            ("1e20", "100000000000000000000.0"),
            ("1.25e2", "125.0"),
            ("0.1", "1e-1"),
        ] {
            let (mut x, mut y) = (String::new(), String::new());
            write_float(&mut x, false, false, false, a);
            write_float(&mut y, false, false, false, b);
            assert_eq!(x, y);
        }
    }

    #[test]
    fn floats_follow_duckdb() {
        let cases = [
            (0.1, "0.1"),
            (100.0, "100.0"),
            (1e20, "1e+20"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (1e15, "1000000000000000.0"),
            (1e16, "1e+16"),
            (2.5e-7, "2.5e-07"),
            (-0.0, "-0.0"),
            (123456789.123, "123456789.123"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (0.0, "0.0"),
            (-2.5, "-2.5"),
            (1e-300, "1e-300"),
            (123456.0, "123456.0"),
        ];
        for (value, expected) in cases {
            assert_eq!(float_text(value), expected, "{value}");
        }
    }

    #[test]
    fn decimals_keep_their_scale() {
        let mut out = String::new();
        write_decimal(&mut out, -50, 4, 1);
        out.push(' ');
        write_decimal(&mut out, 5, 3, 2);
        out.push(' ');
        write_decimal(&mut out, -50, 2, 2);
        assert_eq!(out, "-5.0 0.05 -.50");
    }
}
