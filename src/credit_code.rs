//! Unified social credit codes (统一社会信用代码, GB 32100-2015), the ids
//! of enterprises: the one module that knows their rules, and checks
//! codes by them.
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
//! published codes that `tests/credit_codes.rs` checks pass both. It does
//! not check that characters 1 and 2 are among the registration
//! authorities and entity types assigned so far (the list has grown since
//! 2015), nor that the division code exists.
//!
//! Some codes issued by a few registration offices before the standard
//! settled (some of Xiamen's from before 2016 are the known case) fail
//! the final check and are refused here as they are by every checker of
//! the standard; when `load` checks rosters' codes, such a roster will
//! need a way to skip the check.
//!
//! Making codes is the generator's business (`generate::credit_codes`),
//! which takes the alphabet, the weights and the check arithmetic from
//! here, so that a code it makes is valid by construction.
//!
//! The same check in SQL is the view library's macro `credit_code_valid`
//! (`sql/views/24_credit_code_valid.sql`); `tests/credit_codes.rs` runs
//! both on the same codes.

/// The characters of a code, each worth its index (0..=30) in the final
/// check.
pub const ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";

/// GB 32100's weights of characters 1-17: 3^(i-1) mod 31.
pub(crate) const CODE_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

/// GB 11714's weights of the organization code's 8 body characters.
pub(crate) const ORGANIZATION_WEIGHTS: [u32; 8] = [3, 7, 9, 10, 5, 8, 4, 2];

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

/// A byte's value in the final check, its index in [`ALPHABET`]: `None`
/// for a byte outside it.
pub const fn code_value(byte: u8) -> Option<u8> {
    match CODE_VALUE[byte as usize] {
        NONE => None,
        value => Some(value),
    }
}

/// A byte's value in GB 11714's check (0-9, then A = 10 to Z = 35):
/// `None` for a byte other than a digit or a capital letter.
pub const fn organization_value(byte: u8) -> Option<u8> {
    match ORGANIZATION_VALUE[byte as usize] {
        NONE => None,
        value => Some(value),
    }
}

/// GB 32100's check value (an index into [`ALPHABET`]) of a weighted sum.
pub(crate) const fn code_check_of_sum(sum: u32) -> u8 {
    ((31 - sum % 31) % 31) as u8
}

/// GB 11714's check character of a weighted sum: `11 - sum mod 11`,
/// written `X` for 10 and `0` for 11.
pub(crate) const fn organization_check_of_sum(sum: u32) -> u8 {
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
        sum += u32::from(code_value(byte)?) * weight;
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
        sum += u32::from(organization_value(byte)?) * weight;
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
            if !found.is_ascii() || code_value(found as u8).is_none() {
                return Err(Invalid::Character {
                    position: index + 1,
                    found,
                });
            }
        }
    }
    for (index, &byte) in bytes.iter().enumerate() {
        if code_value(byte).is_none() {
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
    is_valid_bytes(code.as_bytes())
}

/// [`is_valid`] of a code's bytes, in one pass and without saying why
/// not: a loader tests every id it inserts with it, tens of millions a
/// load. A byte outside ASCII is outside [`ALPHABET`], so the bytes need
/// not be read as UTF-8 first.
pub fn is_valid_bytes(code: &[u8]) -> bool {
    let Ok(code) = <&[u8; 18]>::try_from(code) else {
        return false;
    };
    let mut sum = 0u32;
    for (&byte, &weight) in code[..17].iter().zip(CODE_WEIGHTS.iter()) {
        let value = CODE_VALUE[usize::from(byte)];
        if value == NONE {
            return false;
        }
        sum += u32::from(value) * weight;
    }
    code[2..8].iter().all(u8::is_ascii_digit)
        && ALPHABET[usize::from(code_check_of_sum(sum))] == code[17]
        && organization_check_byte(&code[8..16]) == Some(code[16])
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn the_quick_test_agrees_with_validate_on_every_byte_at_every_place() {
        // A body of letters and digits; its two check characters made here.
        let mut code = *b"91330102MA2B3C4D5E";
        code[16] = organization_check_byte(&code[8..16]).expect("a body");
        code[17] = ALPHABET[usize::from(code_check_value(&code[..17]).expect("17"))];
        assert!(is_valid_bytes(&code));
        let mut tried = 0;
        for place in 0..18 {
            for byte in 0..=u8::MAX {
                let mut changed = code;
                changed[place] = byte;
                let validated =
                    std::str::from_utf8(&changed).is_ok_and(|text| validate(text).is_ok());
                assert_eq!(is_valid_bytes(&changed), validated, "{changed:?}");
                tried += usize::from(validated);
            }
        }
        // Each place holds the valid code's own byte, and nothing else
        // passes both checks.
        assert_eq!(tried, 18);
        assert!(!is_valid_bytes(&code[..17]));
        assert!(!is_valid_bytes(b"91330102MA2B3C4D5E0"));
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
}
