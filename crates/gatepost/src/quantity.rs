//! Kubernetes resource quantities (`500m`, `1.5`, `2Gi`, `1e3`, `12E6`) with exact arithmetic.
//!
//! A quantity is held as an integer number of nano-units (`i128`), the finest precision
//! Kubernetes keeps: sums and comparisons never go through floating point, so ten `100m`
//! containers add up to exactly one CPU. Values finer than a nano-unit are rounded up, as the
//! API server does. Rego compares the canonical integers the normalizer derives from these:
//! milli-CPU for `cpu` and whole units (bytes) for everything else.

use std::fmt;
use std::ops::{Add, Mul};

const NANO: i128 = 1_000_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Quantity {
    nanos: i128,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Binary suffixes and their power of 1024.
const BINARY: &[(&str, u32)] = &[
    ("Ki", 1),
    ("Mi", 2),
    ("Gi", 3),
    ("Ti", 4),
    ("Pi", 5),
    ("Ei", 6),
];
/// Decimal suffixes and their power of ten.
const DECIMAL: &[(&str, i32)] = &[
    ("n", -9),
    ("u", -6),
    ("m", -3),
    ("k", 3),
    ("M", 6),
    ("G", 9),
    ("T", 12),
    ("P", 15),
    ("E", 18),
];

/// Largest exponent accepted: beyond it the value cannot be held (and no cluster has it).
const MAX_EXP: i32 = 27;

impl Quantity {
    pub fn from_nanos(nanos: i128) -> Self {
        Quantity { nanos }
    }

    pub fn nanos(self) -> i128 {
        self.nanos
    }

    /// The value in thousandths, rounded up (milli-CPU for `cpu`).
    pub fn milli_ceil(self) -> i128 {
        div_ceil(self.nanos, 1_000_000)
    }

    /// The value in whole units, rounded up (bytes for memory and storage).
    pub fn units_ceil(self) -> i128 {
        div_ceil(self.nanos, NANO)
    }

    pub fn checked_add(self, o: Quantity) -> Option<Quantity> {
        self.nanos.checked_add(o.nanos).map(Quantity::from_nanos)
    }

    pub fn checked_mul(self, n: i128) -> Option<Quantity> {
        self.nanos.checked_mul(n).map(Quantity::from_nanos)
    }

    /// Parse Kubernetes quantity syntax:
    /// `[+-] digits [. digits] [suffix]`, suffix one of `Ki Mi Gi Ti Pi Ei`,
    /// `n u m k M G T P E`, or a decimal exponent `e<int>` / `E<int>`.
    pub fn parse(s: &str) -> Result<Quantity, ParseError> {
        let err = |m: &str| ParseError(format!("invalid quantity {s:?}: {m}"));
        let t = s.trim();
        let (neg, body) = match t.as_bytes().first() {
            Some(b'-') => (true, &t[1..]),
            Some(b'+') => (false, &t[1..]),
            _ => (false, t),
        };
        let num_end = body
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(body.len());
        let (num, suffix) = body.split_at(num_end);
        let (int_part, frac_part) = num.split_once('.').unwrap_or((num, ""));
        if int_part.is_empty() && frac_part.is_empty() {
            return Err(err("no digits"));
        }
        if frac_part.contains('.') {
            return Err(err("two decimal points"));
        }
        // Decimal digits as one integer scaled by 10^-frac_len.
        let digits = format!("{int_part}{frac_part}");
        let digits = digits.trim_start_matches('0');
        let mantissa: i128 = if digits.is_empty() {
            0
        } else if digits.len() > 36 {
            return Err(err("too many digits"));
        } else {
            digits.parse().map_err(|_| err("bad digits"))?
        };
        let mut exp10: i32 = -(frac_part.len() as i32);
        let mut pow1024: u32 = 0;
        if let Some(&(_, p)) = BINARY.iter().find(|(n, _)| *n == suffix) {
            pow1024 = p;
        } else if let Some(&(_, e)) = DECIMAL.iter().find(|(n, _)| *n == suffix) {
            exp10 += e;
        } else if let Some(e) = suffix
            .strip_prefix('e')
            .or_else(|| suffix.strip_prefix('E'))
            .filter(|e| !e.is_empty())
        {
            let e: i32 = e.parse().map_err(|_| err("bad exponent"))?;
            if e.abs() > 64 {
                return Err(err("exponent out of range"));
            }
            exp10 += e;
        } else if !suffix.is_empty() {
            return Err(err("unknown suffix"));
        }
        // nanos = mantissa * 1024^pow1024 * 10^(exp10 + 9), rounded up when exp10 + 9 < 0.
        let mut v = mantissa;
        for _ in 0..pow1024 {
            v = v.checked_mul(1024).ok_or_else(|| err("too large"))?;
        }
        let shift = exp10 + 9;
        if shift >= 0 {
            if shift > MAX_EXP + 9 && v != 0 {
                return Err(err("too large"));
            }
            for _ in 0..shift {
                v = v.checked_mul(10).ok_or_else(|| err("too large"))?;
            }
        } else {
            let d = 10i128
                .checked_pow((-shift) as u32)
                .ok_or_else(|| err("too small"))?;
            v = div_ceil(v, d);
        }
        Ok(Quantity {
            nanos: if neg { -v } else { v },
        })
    }
}

fn div_ceil(a: i128, b: i128) -> i128 {
    let q = a.div_euclid(b);
    if a.rem_euclid(b) == 0 {
        q
    } else {
        q + 1
    }
}

impl Add for Quantity {
    type Output = Quantity;
    fn add(self, o: Quantity) -> Quantity {
        Quantity::from_nanos(self.nanos + o.nanos)
    }
}

impl Mul<i128> for Quantity {
    type Output = Quantity;
    fn mul(self, n: i128) -> Quantity {
        Quantity::from_nanos(self.nanos * n)
    }
}

impl std::iter::Sum for Quantity {
    fn sum<I: Iterator<Item = Quantity>>(it: I) -> Quantity {
        it.fold(Quantity::default(), Add::add)
    }
}

/// Canonical text: the shortest exact form among whole values with the largest binary or
/// decimal suffix that divides them, or `m` / `u` / `n` for fractions.
impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.nanos;
        if n % NANO != 0 {
            let (v, s) = if n % 1_000_000 == 0 {
                (n / 1_000_000, "m")
            } else if n % 1_000 == 0 {
                (n / 1_000, "u")
            } else {
                (n, "n")
            };
            return write!(f, "{v}{s}");
        }
        let units = n / NANO;
        if units == 0 {
            return f.write_str("0");
        }
        let binary = BINARY
            .iter()
            .rev()
            .find(|(_, p)| units % 1024i128.pow(*p) == 0);
        let decimal = DECIMAL
            .iter()
            .rev()
            .filter(|(_, e)| *e > 0)
            .find(|(_, e)| units % 10i128.pow(*e as u32) == 0);
        match (binary, decimal) {
            (Some((s, p)), Some((_, e))) if 1024f64.powi(*p as i32) >= 10f64.powi(*e) => {
                write!(f, "{}{s}", units / 1024i128.pow(*p))
            }
            (_, Some((s, e))) => write!(f, "{}{s}", units / 10i128.pow(*e as u32)),
            (Some((s, p)), None) => write!(f, "{}{s}", units / 1024i128.pow(*p)),
            (None, None) => write!(f, "{units}"),
        }
    }
}

/// The canonical integer for a resource name: milli-units for CPU, whole units otherwise.
pub fn canonical(resource: &str, q: Quantity) -> i128 {
    if resource == "cpu" || resource.ends_with(".cpu") {
        q.milli_ceil()
    } else {
        q.units_ceil()
    }
}

/// A YAML scalar as a quantity: strings and plain numbers (`cpu: 0.5`, `memory: 512`).
pub fn from_json(v: &serde_json::Value) -> Option<Quantity> {
    match v {
        serde_json::Value::String(s) => Quantity::parse(s).ok(),
        serde_json::Value::Number(n) => Quantity::parse(&n.to_string()).ok(),
        _ => None,
    }
}

/// Adds `quota_canonical` beside `config.quota`: the configured ceilings (`"2"`, `"4Gi"`) as
/// the canonical integers rules compare against. Values that do not parse are left out.
pub fn canonical_quota_config(config: &mut serde_json::Value) {
    let Some(quota) = config.get("quota").and_then(serde_json::Value::as_object) else {
        return;
    };
    let parsed: serde_json::Map<String, serde_json::Value> = quota
        .iter()
        .filter_map(|(k, v)| {
            from_json(v).map(|q| {
                (
                    k.clone(),
                    serde_json::json!(crate::kubernetes::clamp(canonical(k, q))),
                )
            })
        })
        .collect();
    config["quota_canonical"] = serde_json::Value::Object(parsed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn q(s: &str) -> Quantity {
        Quantity::parse(s).unwrap()
    }

    #[test]
    fn parses_every_suffix_form() {
        assert_eq!(q("500m").milli_ceil(), 500);
        assert_eq!(q("1.5").milli_ceil(), 1500);
        assert_eq!(q("0.5").milli_ceil(), 500);
        assert_eq!(q("2").milli_ceil(), 2000);
        assert_eq!(q("128Mi").units_ceil(), 128 << 20);
        assert_eq!(q("4Gi").units_ceil(), 4 << 30);
        assert_eq!(q("1Ei").units_ceil(), 1 << 60);
        assert_eq!(q("1k").units_ceil(), 1000);
        assert_eq!(q("1.5G").units_ceil(), 1_500_000_000);
        assert_eq!(q("1e3").units_ceil(), 1000);
        assert_eq!(q("12E6").units_ceil(), 12_000_000);
        assert_eq!(q("12E").units_ceil(), 12_000_000_000_000_000_000);
        assert_eq!(q("1e-3").milli_ceil(), 1);
        assert_eq!(q(".5").milli_ceil(), 500);
        assert_eq!(q("-1").milli_ceil(), -1000);
        assert_eq!(q("100n").nanos(), 100);
        assert_eq!(q("1u").nanos(), 1000);
    }

    #[test]
    fn rounds_up_below_nano_and_to_canonical_units() {
        assert_eq!(q("0.1n").nanos(), 1);
        assert_eq!(q("1e-12").nanos(), 1);
        assert_eq!(q("1.0001").milli_ceil(), 1001);
        assert_eq!(q("0.5").units_ceil(), 1);
        assert_eq!(canonical("requests.cpu", q("250m")), 250);
        assert_eq!(canonical("limits.memory", q("1Ki")), 1024);
    }

    #[test]
    fn rejects_what_kubernetes_rejects() {
        for bad in [
            "", "m", "1.2.3", "1Kb", "1 Gi", "abc", "1e", "1ee3", "1Mii", "--1",
        ] {
            assert!(Quantity::parse(bad).is_err(), "{bad:?} should not parse");
        }
        assert!(Quantity::parse("1e60").is_err());
    }

    #[test]
    fn ten_tenths_make_exactly_one() {
        let tenth = q("100m");
        let total: Quantity = std::iter::repeat_n(tenth, 10).sum();
        assert_eq!(total, q("1"));
        assert_eq!(q("0.1") + q("0.2"), q("300m"));
    }

    #[test]
    fn formats_canonically() {
        assert_eq!(q("1024Mi").to_string(), "1Gi");
        assert_eq!(q("1000").to_string(), "1k");
        assert_eq!(q("1.5").to_string(), "1500m");
        assert_eq!(q("0").to_string(), "0");
        assert_eq!(q("2048").to_string(), "2Ki");
    }

    /// An independent oracle: move the decimal point by string manipulation, then scale.
    fn oracle_nanos(int: u64, frac: &str, suffix: &str) -> Option<i128> {
        let (pow1024, exp10) = match suffix {
            "" => (0, 0),
            "Ki" => (1, 0),
            "Mi" => (2, 0),
            "Gi" => (3, 0),
            "m" => (0, -3),
            "k" => (0, 3),
            "M" => (0, 6),
            "G" => (0, 9),
            "e2" => (0, 2),
            "E3" => (0, 3),
            _ => return None,
        };
        // digits of value * 10^9 * 10^exp10
        let places = 9 + exp10;
        let mut frac_digits = frac.to_string();
        while (frac_digits.len() as i32) < places {
            frac_digits.push('0');
        }
        let (keep, rest) = frac_digits.split_at(places as usize);
        let mut v: i128 = format!("{int}{keep}").parse().ok()?;
        if rest.bytes().any(|b| b != b'0') {
            v += 1;
        }
        Some(v * 1024i128.pow(pow1024))
    }

    fn quantity_text() -> impl Strategy<Value = (u64, String, &'static str)> {
        (
            0u64..5_000_000,
            "[0-9]{0,4}",
            prop::sample::select(vec!["", "Ki", "Mi", "Gi", "m", "k", "M", "G", "e2", "E3"]),
        )
            .prop_map(|(i, f, s)| (i, f, s))
    }

    fn text((int, frac, suffix): &(u64, String, &str)) -> String {
        if frac.is_empty() {
            format!("{int}{suffix}")
        } else {
            format!("{int}.{frac}{suffix}")
        }
    }

    proptest! {
        #[test]
        fn parse_matches_the_oracle(t in quantity_text()) {
            let parsed = Quantity::parse(&text(&t)).unwrap();
            prop_assert_eq!(Some(parsed.nanos()), oracle_nanos(t.0, &t.1, t.2));
        }

        #[test]
        fn format_then_parse_round_trips(n in -(1i128 << 80)..(1i128 << 80)) {
            let x = Quantity::from_nanos(n);
            prop_assert_eq!(Quantity::parse(&x.to_string()).unwrap(), x);
        }

        #[test]
        fn reparsing_canonical_text_is_stable(t in quantity_text()) {
            let x = Quantity::parse(&text(&t)).unwrap();
            let once = x.to_string();
            prop_assert_eq!(Quantity::parse(&once).unwrap().to_string(), once);
        }

        #[test]
        fn ordering_follows_numeric_value(a in quantity_text(), b in quantity_text()) {
            let (x, y) = (Quantity::parse(&text(&a)).unwrap(), Quantity::parse(&text(&b)).unwrap());
            let (ox, oy) = (oracle_nanos(a.0, &a.1, a.2).unwrap(), oracle_nanos(b.0, &b.1, b.2).unwrap());
            prop_assert_eq!(x.cmp(&y), ox.cmp(&oy));
            // and with the float approximation whenever the values are far apart
            let (fx, fy) = (ox as f64, oy as f64);
            if (fx - fy).abs() > 1e-6 * fx.abs().max(fy.abs()) {
                prop_assert_eq!(x < y, fx < fy);
            }
        }

        #[test]
        fn sums_are_exact(parts in prop::collection::vec(quantity_text(), 1..8), n in 1i128..50) {
            let qs: Vec<Quantity> = parts.iter().map(|t| Quantity::parse(&text(t)).unwrap()).collect();
            let total: Quantity = qs.iter().copied().sum();
            let oracle: i128 = parts.iter().map(|t| oracle_nanos(t.0, &t.1, t.2).unwrap()).sum();
            prop_assert_eq!(total.nanos(), oracle);
            // replicas: n copies summed equal the product
            let repeated: Quantity = std::iter::repeat_n(total, n as usize).sum();
            prop_assert_eq!(repeated, total * n);
            // canonical units never lose a partial unit
            prop_assert!(total.milli_ceil() * 1_000_000 >= total.nanos());
            prop_assert!((total.milli_ceil() - 1) * 1_000_000 < total.nanos());
        }
    }
}
