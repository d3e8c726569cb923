//! Unified social credit codes (统一社会信用代码, GB 32100-2015), the ids
//! of enterprises: the one module that knows their rules.
//!
//! A code has 18 characters from [`ALPHABET`] (digits and capital letters
//! less I, O, S, V and Z), in five parts:
//!
//! | characters | part | here |
//! | --- | --- | --- |
//! | 1 | registration authority (登记管理部门代码) | `9`: market regulation |
//! | 2 | entity type (机构类别代码) | `1`: enterprise (under `9`) |
//! | 3-8 | division code of the registering authority (登记管理机关行政区划码, GB/T 2260), digits | the county |
//! | 9-17 | organization code (主体标识码, GB 11714): an 8-character body and its check character | [`organization_check`] |
//! | 18 | check character over the first 17 (校验码, GB/T 17710) | [`check_character`] |
//!
//! **Validity.** GB 32100 requires all five parts: the alphabet, digits
//! for the division code, an organization code coded by GB 11714 (whose
//! ninth character is its own check character) and the final check
//! character. [`is_valid`] checks all of it, so it is stricter than the
//! many checkers that test the last character only: 1 in 31 random
//! strings passes that, 1 in 341 passes both. A holder that had an
//! organization code before 2015 keeps it, check character included, as
//! characters 9-17, and new holders are given one under GB 11714 too; the
//! published codes of the tests below pass both checks. It does not check
//! that characters 1 and 2 are among the registration authorities and
//! entity types assigned so far (the list has grown since 2015), nor that
//! the division code exists.
//!
//! Some codes issued by a few registration offices before the standard
//! settled (some of Xiamen's from before 2016 are the known case) fail
//! the final check and are refused here as they are by every checker of
//! the standard; when `load` checks rosters' codes, such a roster will
//! need a way to skip the check.
//!
//! [`make`], [`Prefix::write`] and [`Prefix::sequence`] make valid codes
//! from sequence numbers for the generator, without allocating ([`make`]
//! allocates its String and nothing else).
//!
//! The same check in SQL is the view library's macro `credit_code_valid`
//! (`sql/views/24_credit_code_valid.sql`); a test here runs both on the
//! same codes.

/// The characters of a code, each worth its index (0..=30) in the final
/// check.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// The number of distinct organization bodies [`make`] writes: 31^8.
/// Sequence numbers below it give distinct codes; a larger one gives the
/// code of its remainder by it.
pub const BODIES: u64 = 852_891_037_441;

/// GB 32100's weights of characters 1-17: 3^(i-1) mod 31.
const CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// GB 11714's weights of the organization code's 8 body characters.
const ORGANIZATION_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

/// A byte's value outside a table's character set.
const NONE: u8 = u8::MAX;

/// Each byte's value in [`ALPHABET`], or [`NONE`].
const CODE_VALUE: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut index = 0;
    while index < ALPHABET.len() {
        table[ALPHABET[index] as usize] = index as u8;
        index += 1;
    }
    table
};

/// Each byte's value in GB 11714: digits 0-9 and capital letters A = 10
/// to Z = 35 (the organization code's own character set, which has I, O,
/// S, V and Z too), or [`NONE`].
const ORGANIZATION_VALUE: [u8; 256] = {
    let mut table = [NONE; 256];
    let mut byte = b'0';
    while byte <= b'9' {
        table[byte as usize] = byte - b'0';
        byte += 1;
    }
    let mut byte = b'A';
    while byte <= b'Z' {
        table[byte as usize] = byte - b'A' + 10;
        byte += 1;
    }
    table
};

/// The GB 11714 value of each character of [`ALPHABET`], by its index.
const ORGANIZATION_VALUE_OF_DIGIT: [u8; 31] = {
    let mut table = [0u8; 31];
    let mut index = 0;
    while index < ALPHABET.len() {
        table[index] = ORGANIZATION_VALUE[ALPHABET[index] as usize];
        index += 1;
    }
    table
};

/// GB 32100's check value (an index into [`ALPHABET`]) of a weighted sum.
const fn code_check_of_sum(sum: u32) -> u8 {
    ((31 - sum % 31) % 31) as u8
}

/// GB 11714's check character of a weighted sum: `11 - sum mod 11`,
/// written `X` for 10 and `0` for 11.
const fn organization_check_of_sum(sum: u32) -> u8 {
    match 11 - sum % 11 {
        10 => b'X',
        11 => b'0',
        digit => b'0' + digit as u8,
    }
}

/// GB 32100's check value of the first 17 bytes of a code, `None` unless
/// there are 17, all in [`ALPHABET`].
fn code_check_value(first17: &[u8]) -> Option<u8> {
    if first17.len() != 17 {
        return None;
    }
    let mut sum = 0u32;
    for (&byte, &weight) in first17.iter().zip(CODE_WEIGHTS.iter()) {
        let value = CODE_VALUE[usize::from(byte)];
        if value == NONE {
            return None;
        }
        sum += u32::from(value) * weight;
    }
    Some(code_check_of_sum(sum))
}

/// GB 11714's check character of an 8-byte body, `None` unless there are
/// 8, all digits or capital letters.
fn organization_check_byte(body: &[u8]) -> Option<u8> {
    if body.len() != 8 {
        return None;
    }
    let mut sum = 0u32;
    for (&byte, &weight) in body.iter().zip(ORGANIZATION_WEIGHTS.iter()) {
        let value = ORGANIZATION_VALUE[usize::from(byte)];
        if value == NONE {
            return None;
        }
        sum += u32::from(value) * weight;
    }
    Some(organization_check_of_sum(sum))
}

/// The check character (character 18) of a code whose first 17
/// characters are `first17`: `None` when there are not 17 or one is
/// outside [`ALPHABET`] (lower case included).
pub fn check_character(first17: &str) -> Option<char> {
    code_check_value(first17.as_bytes()).map(|value| char::from(ALPHABET[usize::from(value)]))
}

/// The GB 11714 check character of an organization code's 8-character
/// body (`0`-`9` or `X`): `None` when there are not 8 characters or one
/// is not a digit or a capital letter. The body may use all 26 letters,
/// as GB 11714 allows; inside a credit code only [`ALPHABET`]'s occur.
pub fn organization_check(first8: &str) -> Option<char> {
    organization_check_byte(first8.as_bytes()).map(char::from)
}

/// Why a code is not valid, the first reason in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Invalid {
    /// Not 18 characters: how many it has.
    Length(usize),
    /// A character outside [`ALPHABET`] (a lower-case letter, a space,
    /// I, O, S, V, Z...) at `position`, counted from 1.
    Character { position: usize, found: char },
    /// A character other than a digit among characters 3-8, the division
    /// code, at `position`, counted from 1.
    Division { position: usize, found: char },
    /// Character 18 is not the check character of the first 17.
    Check { expected: char, found: char },
    /// The final check holds but character 17 is not the GB 11714 check
    /// character of characters 9-16.
    OrganizationCheck { expected: char, found: char },
}

/// Checks `code` against GB 32100-2015 (see the module's notes on
/// validity). A wrong final check character is reported before a wrong
/// organization-code check, so that a loader can name the character the
/// code should end in ([`Invalid::Check`]): a single wrong character
/// among 9-17 breaks both, and the final check always.
pub fn validate(code: &str) -> Result<(), Invalid> {
    let bytes = code.as_bytes();
    if bytes.len() != 18 || !code.is_ascii() {
        let count = code.chars().count();
        if count != 18 {
            return Err(Invalid::Length(count));
        }
        // 18 characters, one of them at least not ASCII.
        for (index, found) in code.chars().enumerate() {
            if !found.is_ascii() || CODE_VALUE[found as usize] == NONE {
                return Err(Invalid::Character {
                    position: index + 1,
                    found,
                });
            }
        }
    }
    for (index, &byte) in bytes.iter().enumerate() {
        if CODE_VALUE[usize::from(byte)] == NONE {
            return Err(Invalid::Character {
                position: index + 1,
                found: char::from(byte),
            });
        }
    }
    for (index, &byte) in bytes.iter().enumerate().take(8).skip(2) {
        if !byte.is_ascii_digit() {
            return Err(Invalid::Division {
                position: index + 1,
                found: char::from(byte),
            });
        }
    }
    // Every byte is in the alphabet, so both checks have a value.
    let expected = code_check_value(&bytes[..17]).map(|value| ALPHABET[usize::from(value)]);
    if expected != Some(bytes[17]) {
        return Err(Invalid::Check {
            expected: char::from(expected.unwrap_or(b'?')),
            found: char::from(bytes[17]),
        });
    }
    let expected = organization_check_byte(&bytes[8..16]);
    if expected != Some(bytes[16]) {
        return Err(Invalid::OrganizationCheck {
            expected: char::from(expected.unwrap_or(b'?')),
            found: char::from(bytes[16]),
        });
    }
    Ok(())
}

/// Whether `code` is a valid unified social credit code: 18 characters
/// of [`ALPHABET`] (capitals only, no spaces), digits in 3-8, the
/// organization code's check character right (character 17) and the
/// final one (character 18). See [`validate`] for the reason a code is
/// not.
pub fn is_valid(code: &str) -> bool {
    validate(code).is_ok()
}

/// The character `code` should end in, for error messages: the check
/// character of its first 17 characters, whatever its 18th is. `None`
/// when `code` does not have 18 characters or one of the first 17 is
/// outside [`ALPHABET`]. (A code can end in the right character and still
/// be invalid: [`validate`] tells.)
pub fn expected_last(code: &str) -> Option<char> {
    let bytes = code.as_bytes();
    if bytes.len() != 18 {
        return None;
    }
    code_check_value(&bytes[..17]).map(|value| char::from(ALPHABET[usize::from(value)]))
}

/// Characters 3-8 of a valid code: the six-digit division code of the
/// authority that registered it, a county's for a county-level authority
/// (a prefecture's or a province's code, ending in `00` or `0000`, when
/// one of those registered it). `None` when the code is not valid.
pub fn county_code(code: &str) -> Option<&str> {
    if is_valid(code) { code.get(2..8) } else { None }
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
            (CODE_VALUE[usize::from(byte)] != NONE).then_some(byte)
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
            .map(|(&byte, &weight)| u32::from(CODE_VALUE[usize::from(byte)]) * weight)
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
        sum += u32::from(CODE_VALUE[usize::from(organization_check)]) * CODE_WEIGHTS[16];
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
        let sum = self.code_sum
            + u32::from(CODE_VALUE[usize::from(organization_check)]) * CODE_WEIGHTS[16];
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
    use super::*;

    /// Codes printed in the annual reports and filings of listed
    /// companies (and Huawei's), with their holders.
    const PUBLISHED: &[(&str, &str)] = &[
        ("91440300192317458F", "比亚迪股份有限公司 (BYD, 002594)"),
        (
            "91440400192548256N",
            "珠海格力电器股份有限公司 (Gree, 000651)",
        ),
        ("91440606722473344C", "美的集团股份有限公司 (Midea, 000333)"),
        (
            "91350900587527783P",
            "宁德时代新能源科技股份有限公司 (CATL, 300750)",
        ),
        ("91440300192181490G", "万科企业股份有限公司 (Vanke, 000002)"),
        (
            "91370200264574251E",
            "海尔智家股份有限公司 (Haier Smart Home, 600690)",
        ),
        (
            "91520000214434146R",
            "中航重机股份有限公司 (AVIC Heavy Machinery, 600765)",
        ),
        (
            "914403001922038216",
            "华为技术有限公司 (Huawei Technologies)",
        ),
        // Organization codes issued with the credit code, after 2015.
        ("91340111MA2RAD3M4R", "蔚来控股有限公司 (NIO Holding)"),
        (
            "92141127MA0KD1Y64A",
            "an individual business (个体工商户) of 岚县, Shanxi",
        ),
    ];

    #[test]
    fn published_codes_are_valid() {
        for (code, holder) in PUBLISHED {
            assert_eq!(validate(code), Ok(()), "{code} of {holder}");
            assert!(is_valid(code), "{code} of {holder}");
            assert_eq!(expected_last(code), code.chars().last(), "{code}");
            assert_eq!(check_character(&code[..17]), code.chars().last(), "{code}");
            assert_eq!(
                organization_check(&code[8..16]),
                code.chars().nth(16),
                "{code}"
            );
            assert_eq!(county_code(code), Some(&code[2..8]), "{code}");
        }
        assert_eq!(county_code("91350900587527783P"), Some("350900"));
        assert_eq!(county_code("92141127MA0KD1Y64A"), Some("141127"));
    }

    #[test]
    fn the_check_character_worked_by_hand() {
        // BYD: 9 1 4 4 0 3 0 0 1 9 2 3 1 7 4 5 8 by the weights gives
        // 9 + 3 + 36 + 108 + 0 + 78 + 0 + 0 + 20 + 261 + 50 + 39 + 8 + 168
        // + 40 + 150 + 224 = 1194 = 38 * 31 + 16, and 31 - 16 = 15 is F.
        assert_eq!(check_character("91440300192317458"), Some('F'));
        // A sum divisible by 31 gives 0, not the 32nd character: the
        // first 17 of 000...0 sum to 0.
        assert_eq!(check_character("00000000000000000"), Some('0'));
        // 1 at position 17 (weight 28): 31 - 28 = 3.
        assert_eq!(check_character("00000000000000001"), Some('3'));
        assert_eq!(check_character("9144030019231745"), None, "16 characters");
        assert_eq!(check_character("914403001923174588"), None, "18 characters");
        assert_eq!(check_character("9144030019231745I"), None, "I is not used");
        assert_eq!(check_character("9144030019231745a"), None, "lower case");
        assert_eq!(
            check_character("91440300192317４58"),
            None,
            "full-width digit"
        );
    }

    #[test]
    fn the_organization_check_on_known_codes() {
        // 19231745: 3 + 63 + 18 + 30 + 5 + 56 + 16 + 10 = 201 = 18 * 11 + 3,
        // 11 - 3 = 8 (BYD's 19231745-8).
        assert_eq!(organization_check("19231745"), Some('8'));
        // Vanke's 19218149-0: 3 + 63 + 18 + 10 + 40 + 8 + 16 + 18 = 176 =
        // 16 * 11, and 11 - 0 = 11 is written 0.
        assert_eq!(organization_check("19218149"), Some('0'));
        // 00000001 sums 2, 11 - 2 = 9; 00000005 sums 10, 11 - 10 = 1;
        // 00000004 sums 8, 11 - 8 = 3; 00000010 sums 4 (weight 4 at the
        // seventh place), 11 - 4 = 7; 00000006 sums 12 = 11 + 1, 11 - 1 =
        // 10, written X.
        assert_eq!(organization_check("00000001"), Some('9'));
        assert_eq!(organization_check("00000005"), Some('1'));
        assert_eq!(organization_check("00000004"), Some('3'));
        assert_eq!(organization_check("00000010"), Some('7'));
        assert_eq!(organization_check("00000006"), Some('X'));
        // Letters count 10 to 35, those a credit code leaves out too:
        // MA2RAD3M is 22, 10, 2, 27, 10, 13, 3, 22: 66 + 70 + 18 + 270 + 50
        // + 104 + 12 + 44 = 634 = 57 * 11 + 7, 11 - 7 = 4 (NIO's).
        assert_eq!(organization_check("MA2RAD3M"), Some('4'));
        assert_eq!(
            organization_check("0000000Z"),
            Some(organization_check_by_hand(35 * 2))
        );
        assert_eq!(organization_check("1923174"), None);
        assert_eq!(organization_check("192317458"), None);
        assert_eq!(organization_check("1923174a"), None);
        assert_eq!(organization_check("1923-745"), None);
    }

    fn organization_check_by_hand(sum: u32) -> char {
        match 11 - sum % 11 {
            10 => 'X',
            11 => '0',
            digit => char::from_digit(digit, 10).unwrap_or('?'),
        }
    }

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
    fn one_changed_character_is_refused_with_the_right_last_character() {
        let code = "91440300192317458F";
        // The last character changed: the first 17 still say F.
        assert_eq!(
            validate("91440300192317458G"),
            Err(Invalid::Check {
                expected: 'F',
                found: 'G'
            })
        );
        assert_eq!(expected_last("91440300192317458G"), Some('F'));
        // A digit of the division code changed: 440301 adds weight 17 at
        // position 8, 1194 + 17 = 1211 = 39 * 31 + 2, 31 - 2 = 29, X.
        assert_eq!(
            validate("91440301192317458F"),
            Err(Invalid::Check {
                expected: 'X',
                found: 'F'
            })
        );
        assert_eq!(expected_last("91440301192317458F"), Some('X'));
        assert!(!is_valid("91440301192317458F"));
        assert_eq!(county_code("91440301192317458F"), None);
        // Every single change of every character is refused, and the
        // reported last character is the one a recomputation gives.
        for position in 0..18 {
            for &replacement in ALPHABET.iter() {
                let mut changed = code.as_bytes().to_vec();
                if changed[position] == replacement {
                    continue;
                }
                changed[position] = replacement;
                let changed = String::from_utf8(changed).expect("ASCII");
                assert!(!is_valid(&changed), "{changed}");
                assert_eq!(county_code(&changed), None, "{changed}");
                let expected = expected_last(&changed).expect("18 characters of the alphabet");
                if position < 17 {
                    assert_ne!(expected, 'F', "{changed}");
                } else {
                    assert_eq!(expected, 'F', "{changed}");
                }
            }
        }
        // Fixing the last character of a changed body gives a code whose
        // final check holds and whose organization check does not.
        assert_eq!(
            validate("914403001923174F8F").map_err(|e| matches!(e, Invalid::Check { .. })),
            Err(true)
        );
        let mut fixed = String::from("91440300192317468");
        fixed.push(check_character(&fixed).expect("17 characters"));
        assert_eq!(
            validate(&fixed),
            Err(Invalid::OrganizationCheck {
                expected: '6',
                found: '8'
            })
        );
    }

    #[test]
    fn malformed_codes_say_why() {
        assert_eq!(validate(""), Err(Invalid::Length(0)));
        assert_eq!(validate("91440300192317458"), Err(Invalid::Length(17)));
        assert_eq!(validate("91440300192317458FF"), Err(Invalid::Length(19)));
        assert_eq!(
            validate("91440300192317458f"),
            Err(Invalid::Character {
                position: 18,
                found: 'f'
            })
        );
        assert_eq!(
            validate("9144030019231745８F"),
            Err(Invalid::Character {
                position: 17,
                found: '８'
            })
        );
        assert_eq!(
            validate(" 1440300192317458F"),
            Err(Invalid::Character {
                position: 1,
                found: ' '
            })
        );
        assert_eq!(
            validate("914403O0192317458F"),
            Err(Invalid::Character {
                position: 7,
                found: 'O'
            })
        );
        assert_eq!(
            validate("9144A300192317458F"),
            Err(Invalid::Division {
                position: 5,
                found: 'A'
            })
        );
        assert_eq!(expected_last("9144030019231745"), None);
        assert_eq!(expected_last("9144030019231745IF"), None);
        assert_eq!(expected_last("91440300192317458８"), None);
        assert_eq!(county_code("9144030019231745"), None);
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

    #[test]
    fn the_sql_macros_agree() {
        let connection = duckdb::Connection::open_in_memory().expect("an in-memory database");
        connection
            .execute_batch(include_str!("../sql/views/24_credit_code_valid.sql"))
            .expect("credit_code_valid");
        connection
            .execute_batch(include_str!("../sql/views/25_credit_code_county.sql"))
            .expect("credit_code_county");
        connection
            .execute_batch("CREATE TABLE codes (code VARCHAR)")
            .expect("a table");
        let mut codes: Vec<String> = PUBLISHED.iter().map(|(code, _)| code.to_string()).collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            // xorshift: a fixed series of sequence numbers and counties.
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let county = format!("{:06}", state % 1_000_000);
            let code = make('9', '1', &county, state % BODIES);
            // The same code with one character replaced by another of
            // the alphabet.
            let mut changed = code.clone().into_bytes();
            let position = (state >> 40) as usize % 18;
            let value = usize::from(CODE_VALUE[usize::from(changed[position])]);
            let step = 1 + (state >> 50) as usize % 30;
            changed[position] = ALPHABET[(value + step) % 31];
            codes.push(code);
            codes.push(String::from_utf8(changed).expect("ASCII"));
        }
        codes.extend(
            [
                "",
                "91440300192317458f",
                "91440300192317458FF",
                "914403O0192317458F",
                "9144A300192317458F",
                "91350203M0001QKT19",
            ]
            .map(String::from),
        );
        let mut insert = connection
            .prepare("INSERT INTO codes VALUES (?)")
            .expect("an insert");
        for code in &codes {
            insert.execute(duckdb::params![code]).expect("a row");
        }
        insert
            .execute(duckdb::params![None::<String>])
            .expect("NULL");
        let mut query = connection
            .prepare("SELECT code, credit_code_valid(code), credit_code_county(code) FROM codes")
            .expect("a query");
        let rows: Vec<(Option<String>, Option<bool>, Option<String>)> = query
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))
            .expect("rows")
            .collect::<Result<_, _>>()
            .expect("values");
        assert_eq!(rows.len(), codes.len() + 1);
        let mut valid = 0;
        for (code, sql_valid, sql_county) in rows {
            let Some(code) = code else {
                assert_eq!((sql_valid, sql_county), (None, None));
                continue;
            };
            assert_eq!(sql_valid, Some(is_valid(&code)), "{code}");
            assert_eq!(sql_county.as_deref(), county_code(&code), "{code}");
            valid += usize::from(is_valid(&code));
        }
        assert_eq!(valid, PUBLISHED.len() + 300);
    }
}
