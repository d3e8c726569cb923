//! Making unified social credit codes for the generator's enterprises:
//! valid codes from sequence numbers, written into buffers without
//! allocating ([`make`] allocates its String and nothing else). The rules
//! (alphabet, weights, check arithmetic) are `crate::credit_code`'s; this
//! module lays a sequence number out as a code's body and keeps the
//! running sums that let a roster step from one code to the next.

use crate::credit_code::{
    ALPHABET, CODE_WEIGHTS, ORGANIZATION_WEIGHTS, code_check_of_sum, code_value,
    organization_check_of_sum, organization_value,
};

/// The number of distinct organization bodies [`make`] writes: 31^8.
/// Sequence numbers below it give distinct codes; a larger one gives the
/// code of its remainder by it.
pub const BODIES: u64 = 852_891_037_441;

/// The GB 11714 value of each character of [`ALPHABET`], by its index:
/// a body digit's share of the organization check, looked up once a digit.
const ORGANIZATION_VALUE_OF_DIGIT: [u8; 31] = {
    let mut table = [0u8; 31];
    let mut index = 0;
    while index < ALPHABET.len() {
        table[index] = match organization_value(ALPHABET[index]) {
            Some(value) => value,
            None => panic!("every character of the alphabet has a GB 11714 value"),
        };
        index += 1;
    }
    table
};

/// The final check's value of a byte already known to be in [`ALPHABET`]:
/// a prefix's checked characters, a body digit, an organization check
/// character (a digit or `X`).
fn value_in_code(byte: u8) -> u32 {
    u32::from(code_value(byte).unwrap_or(0))
}

/// The first eight characters shared by the codes of one registering
/// authority (authority, entity type, division code), with their share
/// of the final check's sum, computed once: [`Prefix::write`] then fills
/// an 18-byte buffer per sequence number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefix {
    bytes: [u8; 8],
    sum: u32,
}

impl Prefix {
    /// `None` when `authority` or `entity` is not a character of
    /// [`ALPHABET`] or `county` is not six ASCII digits.
    pub fn new(authority: char, entity: char, county: &str) -> Option<Prefix> {
        let in_alphabet = |c: char| -> Option<u8> {
            let byte = u8::try_from(c).ok()?;
            code_value(byte).map(|_| byte)
        };
        let county = county.as_bytes();
        if county.len() != 6 || !county.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let mut bytes = [0u8; 8];
        bytes[0] = in_alphabet(authority)?;
        bytes[1] = in_alphabet(entity)?;
        bytes[2..].copy_from_slice(county);
        let sum = bytes
            .iter()
            .zip(CODE_WEIGHTS.iter())
            .map(|(&byte, &weight)| value_in_code(byte) * weight)
            .sum();
        Some(Prefix { bytes, sum })
    }

    /// The six-digit division code.
    pub fn county(&self) -> &str {
        // Six ASCII digits, checked by `new`.
        std::str::from_utf8(&self.bytes[2..]).unwrap_or_default()
    }

    /// Writes the code of `sequence` into `code`: this prefix, the
    /// organization body (characters 9-16: `sequence` in base 31, most
    /// significant digit first, eight digits with leading `0`s, each
    /// digit written as the [`ALPHABET`] character of its value), the
    /// body's GB 11714 check character and the final check character.
    /// Sequence numbers below [`BODIES`] (31^8, about 8.5 × 10^11) give
    /// distinct codes; a larger one is taken modulo [`BODIES`]. So
    /// `sequence = cluster_no * 10_000_000 + index` is distinct for up to
    /// 85,289 clusters of up to 10 million enterprises each.
    pub fn write(&self, code: &mut [u8; 18], sequence: u64) {
        code[..8].copy_from_slice(&self.bytes);
        let mut rest = sequence;
        let mut sum = self.sum;
        let mut organization_sum = 0u32;
        for place in (0..8).rev() {
            let digit = (rest % 31) as usize;
            rest /= 31;
            code[8 + place] = ALPHABET[digit];
            sum += digit as u32 * CODE_WEIGHTS[8 + place];
            organization_sum +=
                u32::from(ORGANIZATION_VALUE_OF_DIGIT[digit]) * ORGANIZATION_WEIGHTS[place];
        }
        let organization_check = organization_check_of_sum(organization_sum);
        code[16] = organization_check;
        sum += value_in_code(organization_check) * CODE_WEIGHTS[16];
        code[17] = ALPHABET[usize::from(code_check_of_sum(sum))];
    }
}

impl Prefix {
    /// The codes of `start`, `start + 1`, … in turn, as [`Prefix::write`]
    /// writes them: a roster writes millions of consecutive codes, and
    /// stepping the body by one changes only a few sums (most steps touch
    /// one character) where `write` works all eight digits out anew.
    pub fn sequence(&self, start: u64) -> Sequence {
        let mut digits = [0u8; 8];
        let mut rest = start % BODIES;
        let mut code_sum = self.sum;
        let mut organization_sum = 0u32;
        for place in (0..8).rev() {
            let digit = (rest % 31) as usize;
            rest /= 31;
            digits[place] = digit as u8;
            code_sum += digit as u32 * CODE_WEIGHTS[8 + place];
            organization_sum +=
                u32::from(ORGANIZATION_VALUE_OF_DIGIT[digit]) * ORGANIZATION_WEIGHTS[place];
        }
        Sequence {
            prefix: *self,
            digits,
            code_sum,
            organization_sum,
        }
    }
}

/// Consecutive codes of one [`Prefix`], from [`Prefix::sequence`]. Keeps
/// the body's digits and both weighted sums, so that a step adjusts the
/// sums by the digits that changed.
#[derive(Debug, Clone)]
pub struct Sequence {
    prefix: Prefix,
    digits: [u8; 8],
    /// The final check's sum over characters 1-16.
    code_sum: u32,
    /// GB 11714's sum over the body.
    organization_sum: u32,
}

impl Sequence {
    /// Writes the current code into `code` and steps to the next sequence
    /// number (after 31^8 - 1 the body starts again at 0, as the remainder
    /// of [`Prefix::write`] does).
    pub fn write_next(&mut self, code: &mut [u8; 18]) {
        code[..8].copy_from_slice(&self.prefix.bytes);
        for (place, &digit) in self.digits.iter().enumerate() {
            code[8 + place] = ALPHABET[usize::from(digit)];
        }
        let organization_check = organization_check_of_sum(self.organization_sum);
        code[16] = organization_check;
        let sum = self.code_sum + value_in_code(organization_check) * CODE_WEIGHTS[16];
        code[17] = ALPHABET[usize::from(code_check_of_sum(sum))];
        self.step();
    }

    fn step(&mut self) {
        for place in (0..8).rev() {
            let digit = usize::from(self.digits[place]);
            let value = |d: usize| u32::from(ORGANIZATION_VALUE_OF_DIGIT[d]);
            if digit < 30 {
                self.digits[place] += 1;
                self.code_sum += CODE_WEIGHTS[8 + place];
                self.organization_sum +=
                    (value(digit + 1) - value(digit)) * ORGANIZATION_WEIGHTS[place];
                return;
            }
            // 30 rolls over to 0 and carries into the place before.
            self.digits[place] = 0;
            self.code_sum -= 30 * CODE_WEIGHTS[8 + place];
            self.organization_sum -= value(30) * ORGANIZATION_WEIGHTS[place];
        }
    }
}

/// Writes the code of `sequence` into `code` (see [`Prefix::write`] for
/// how a sequence number becomes characters 9-16). A loop over many
/// sequence numbers of one county does better with one [`Prefix`].
///
/// # Panics
/// When `authority` or `entity` is not a character of [`ALPHABET`] or
/// `county` is not six ASCII digits.
pub fn make_into(code: &mut [u8; 18], authority: char, entity: char, county: &str, sequence: u64) {
    match Prefix::new(authority, entity, county) {
        Some(prefix) => prefix.write(code, sequence),
        None => panic!(
            "no credit code has authority {authority:?}, entity type {entity:?} and division {county:?}"
        ),
    }
}

/// The code of `sequence` (see [`Prefix::write`]): for the generator's
/// enterprises, `make('9', '1', county, sequence)`, an enterprise
/// registered by the market regulator of `county`.
///
/// # Panics
/// As [`make_into`].
pub fn make(authority: char, entity: char, county: &str, sequence: u64) -> String {
    let mut code = [0u8; 18];
    make_into(&mut code, authority, entity, county, sequence);
    let mut text = String::with_capacity(18);
    text.extend(code.iter().map(|&byte| char::from(byte)));
    text
}

#[cfg(test)]
mod tests {
    // moved from src/credit_code.rs, with the code they test
    use super::*;
    use crate::credit_code::{county_code, is_valid, validate};

    #[test]
    fn a_sequence_writes_what_write_writes_across_every_carry() {
        let prefix = Prefix::new('9', '1', "330281").expect("a prefix");
        // Starts just before a carry out of one, two, three and all eight
        // places, and at the first cluster's ids as the generator numbers them.
        for start in [0, 25, 31 * 31 - 3, 31 * 31 * 31 - 2, 10_000_000, BODIES - 2] {
            let mut sequence = prefix.sequence(start);
            for offset in 0..40 {
                let mut stepped = [0u8; 18];
                let mut direct = [0u8; 18];
                sequence.write_next(&mut stepped);
                prefix.write(&mut direct, (start + offset) % BODIES);
                assert_eq!(stepped, direct, "sequence {}", start + offset);
                let text = std::str::from_utf8(&stepped).expect("ASCII");
                assert_eq!(validate(text), Ok(()), "{text}");
            }
        }
    }

    #[test]
    fn made_codes_are_valid_in_their_county() {
        let counties = ["110108", "310113", "320583", "440306", "652901", "000000"];
        let sequences = [
            0,
            1,
            30,
            31,
            960,
            961,
            9_999_999,
            10_000_000,
            1_234 * 10_000_000 + 56_789,
            BODIES - 1,
        ];
        for county in counties {
            for sequence in sequences {
                let code = make('9', '1', county, sequence);
                assert_eq!(code.len(), 18, "{code}");
                assert_eq!(validate(&code), Ok(()), "{code}");
                assert_eq!(county_code(&code), Some(county), "{code}");
                assert!(code.starts_with("91"), "{code}");
                let mut buffer = [b' '; 18];
                make_into(&mut buffer, '9', '1', county, sequence);
                assert_eq!(&buffer[..], code.as_bytes(), "{code}");
            }
        }
        // Other authorities and entity types (9 2: individual business, Y 1).
        for (authority, entity) in [('9', '2'), ('9', '3'), ('5', '1'), ('Y', '1'), ('1', '1')] {
            let code = make(authority, entity, "141127", 123_456_789);
            assert!(is_valid(&code), "{code}");
            assert!(
                code.starts_with(&format!("{authority}{entity}141127")),
                "{code}"
            );
        }
    }

    #[test]
    fn the_body_is_the_sequence_in_base_31() {
        assert_eq!(&make('9', '1', "110108", 0)[8..16], "00000000");
        assert_eq!(&make('9', '1', "110108", 30)[8..16], "0000000Y");
        assert_eq!(&make('9', '1', "110108", 31)[8..16], "00000010");
        assert_eq!(&make('9', '1', "110108", 31 * 31 + 18)[8..16], "0000010J");
        assert_eq!(&make('9', '1', "110108", BODIES - 1)[8..16], "YYYYYYYY");
        // Beyond the bound the body wraps.
        assert_eq!(
            make('9', '1', "110108", BODIES),
            make('9', '1', "110108", 0)
        );
        assert_eq!(
            make('9', '1', "110108", BODIES + 31),
            make('9', '1', "110108", 31)
        );
        // The body's own check and the final one, worked by hand:
        // 00000010 has the organization check 7 (see above); the first 17,
        // 91110108000000107, sum 9 + 3 + 9 + 27 + 0 + 26 + 0 + 8 * 17 (the
        // division code) + 1 * 10 (position 15) + 7 * 28 (position 17) =
        // 416 = 13 * 31 + 13, and 31 - 13 = 18 is J.
        assert_eq!(make('9', '1', "110108", 31), "91110108000000107J");
        assert_eq!(make('9', '1', "110108", BODIES - 1), "91110108YYYYYYYY71");
    }

    #[test]
    fn distinct_sequence_numbers_give_distinct_codes() {
        let mut seen = std::collections::HashSet::new();
        let mut buffer = [0u8; 18];
        let prefix = Prefix::new('9', '1', "330782").expect("a prefix");
        assert_eq!(prefix.county(), "330782");
        let spread = (0..20_000u64)
            .chain((0..20_000u64).map(|i| 5 * 10_000_000 + i))
            .chain((1..2_000u64).map(|i| i * 31u64.pow(5)))
            .chain((0..2_000u64).map(|i| BODIES - 1 - i * 7_919));
        let mut count = 0;
        for sequence in spread {
            prefix.write(&mut buffer, sequence);
            assert!(is_valid(std::str::from_utf8(&buffer).expect("ASCII")));
            // The body alone is distinct, so the whole code is.
            assert!(seen.insert(buffer[8..16].to_vec()), "{sequence}");
            count += 1;
        }
        assert_eq!(seen.len(), count);
    }

    #[test]
    fn bad_prefixes_are_refused() {
        assert_eq!(Prefix::new('9', '1', "11010"), None);
        assert_eq!(Prefix::new('9', '1', "1101080"), None);
        assert_eq!(Prefix::new('9', '1', "11010A"), None);
        assert_eq!(Prefix::new('I', '1', "110108"), None);
        assert_eq!(Prefix::new('9', 'z', "110108"), None);
        assert_eq!(Prefix::new('9', '统', "110108"), None);
        assert!(std::panic::catch_unwind(|| make('9', '1', "1101", 0)).is_err());
    }
}
