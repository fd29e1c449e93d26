//! Shannon entropy and character-class helpers used to tell random tokens
//! from words, identifiers and placeholders.

/// Shannon entropy in bits per character.
pub(crate) fn shannon(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    let mut other: Vec<(char, u32)> = Vec::new();
    let mut n = 0u32;
    for c in s.chars() {
        n += 1;
        if (c as u32) < 256 {
            counts[c as usize] += 1;
        } else if let Some(e) = other.iter_mut().find(|e| e.0 == c) {
            e.1 += 1;
        } else {
            other.push((c, 1));
        }
    }
    if n == 0 {
        return 0.0;
    }
    let n = n as f64;
    counts
        .iter()
        .copied()
        .chain(other.iter().map(|e| e.1))
        .filter(|&c| c > 0)
        .map(|c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Which character classes a value uses.
#[derive(Default, Clone, Copy)]
pub(crate) struct Classes {
    pub lower: bool,
    pub upper: bool,
    pub digit: bool,
    /// Punctuation other than `_` `-` `.` (which also appear in identifiers).
    pub special: bool,
}

impl Classes {
    pub(crate) fn of(s: &str) -> Classes {
        let mut c = Classes::default();
        for ch in s.chars() {
            match ch {
                'a'..='z' => c.lower = true,
                'A'..='Z' => c.upper = true,
                '0'..='9' => c.digit = true,
                '_' | '-' | '.' => {}
                _ => c.special = true,
            }
        }
        c
    }
    pub(crate) fn count(&self) -> usize {
        self.lower as usize + self.upper as usize + self.digit as usize + self.special as usize
    }
}

pub(crate) fn is_hex(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// `8-4-4-4-12` hex: identifiers far more often than credentials.
pub(crate) fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, &c)| match i {
            8 | 13 | 18 | 23 => c == b'-',
            _ => c.is_ascii_hexdigit(),
        })
}
