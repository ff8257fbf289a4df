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
#[allow(dead_code)] // The SIN and card detectors use it next.
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
    fn luhn_numbers() {
        assert!(luhn(&d("046 454 286")));
        assert!(luhn(&d("4539 1488 0343 6467")));
        assert!(!luhn(&d("046 454 287")));
    }
}
