//! Check-digit validators for national identifiers, so that a digit count alone never makes
//! an identifier: a dose, a lab value or a phone number rarely passes a checksum by chance.

/// NHS number (England, Wales, Isle of Man): 10 digits, modulus 11 with weights 10..2.
pub fn nhs_number(digits: &[u8]) -> bool {
    if digits.len() != 10 || digits.iter().all(|&d| d == digits[0]) {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(&d, w)| d as u32 * w)
        .sum();
    let check = 11 - sum % 11;
    match check {
        11 => digits[9] == 0,
        10 => false,
        c => digits[9] as u32 == c,
    }
}

/// The Luhn check (Canadian SIN, payment cards, some device serials).
pub fn luhn(digits: &[u8]) -> bool {
    if digits.len() < 2 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = d as u32;
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// The registered length of each IBAN country's numbers (`data/iban-lengths.txt`: lowercase
/// country code, a space, the length).
static IBAN_LENGTHS: &str = include_str!("../../data/iban-lengths.txt");

/// An IBAN (ISO 13616), spaces removed: a country with IBANs, its registered length, and
/// the whole, read with its first four characters moved to the end and letters as 10..35,
/// equal to 1 modulo 97.
pub fn iban(compact: &str) -> bool {
    let b = compact.as_bytes();
    if b.len() < 15 || !b.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let country = compact[..2].to_ascii_lowercase();
    let registered = IBAN_LENGTHS
        .lines()
        .find_map(|l| l.strip_prefix(country.as_str())?.strip_prefix(' '));
    if registered.and_then(|n| n.parse::<usize>().ok()) != Some(b.len()) {
        return false;
    }
    let rest = b[4..].iter().chain(&b[..4]);
    let rem = rest.fold(0u32, |acc, &c| {
        let v = match c {
            b'0'..=b'9' => u32::from(c - b'0'),
            _ => u32::from(c.to_ascii_uppercase() - b'A') + 10,
        };
        if v < 10 {
            (acc * 10 + v) % 97
        } else {
            (acc * 100 + v) % 97
        }
    });
    rem == 1
}

/// Australian Medicare card number: weights 1,3,7,9,1,3,7,9 on the first eight digits give
/// the ninth; a tenth (issue number) and an eleventh (position on the card) may follow.
pub fn au_medicare(digits: &[u8]) -> bool {
    if !(10..=11).contains(&digits.len()) || !(2..=6).contains(&digits[0]) {
        return false;
    }
    let sum: u32 = digits[..8]
        .iter()
        .zip([1, 3, 7, 9, 1, 3, 7, 9])
        .map(|(&d, w)| d as u32 * w)
        .sum();
    sum % 10 == digits[8] as u32
}

/// US Social Security number rules: area not 000, 666 or 900-999; group not 00; serial not 0000.
pub fn ssn(digits: &[u8]) -> bool {
    if digits.len() != 9 {
        return false;
    }
    let n = |r: std::ops::Range<usize>| digits[r].iter().fold(0u32, |a, &d| a * 10 + d as u32);
    let (area, group, serial) = (n(0..3), n(3..5), n(5..9));
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// Canadian Social Insurance Number: nine digits, Luhn, not starting with 0 or 8.
pub fn sin(digits: &[u8]) -> bool {
    digits.len() == 9 && digits[0] != 0 && digits[0] != 8 && luhn(digits)
}

/// ASCII digits of `s`, skipping spaces, dots, dashes and slashes; `None` if anything else.
pub fn digits_of(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'0'..=b'9' => out.push(b - b'0'),
            b' ' | b'.' | b'-' | b'/' => {}
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Vec<u8> {
        digits_of(s).unwrap()
    }

    #[test]
    fn nhs_numbers() {
        assert!(nhs_number(&d("943 476 5919")));
        assert!(nhs_number(&d("401-023-2137")));
        assert!(!nhs_number(&d("943 476 5918")));
        assert!(!nhs_number(&d("0000000000")));
        assert!(!nhs_number(&d("07700900123")));
    }

    #[test]
    fn au_medicare_numbers() {
        assert!(au_medicare(&d("2123 45670 1")));
        assert!(!au_medicare(&d("2123 45671 1")));
        assert!(!au_medicare(&d("7123 45670 1")));
    }

    #[test]
    fn ssn_rules() {
        assert!(ssn(&d("148-52-9615")));
        assert!(!ssn(&d("000-52-9615")));
        assert!(!ssn(&d("666-52-9615")));
        assert!(!ssn(&d("912-52-9615")));
        assert!(!ssn(&d("148-00-9615")));
        assert!(!ssn(&d("148-52-0000")));
    }

    #[test]
    fn sin_numbers() {
        assert!(sin(&d("130 692 544")));
        assert!(!sin(&d("846 454 286")));
        assert!(!sin(&d("046 454 287")));
    }

    #[test]
    fn ibans() {
        assert!(iban("GB82WEST12345698765432"));
        assert!(iban("DE89370400440532013000"));
        assert!(!iban("GB82WEST12345698765433"));
        assert!(!iban("GB82WEST1234569876543"), "one short of Britain's 22");
        assert!(!iban("ZZ82WEST12345698765432"), "no such country");
    }

    #[test]
    fn luhn_numbers() {
        assert!(luhn(&d("046 454 286")));
        assert!(luhn(&d("4539 1488 0343 6467")));
        assert!(!luhn(&d("046 454 287")));
    }
}
