//! YAML 1.2 core-schema resolution of plain scalars (`null`, booleans, numbers).
//!
//! Standalone (serde_json and saphyr-parser only): the build script includes this file to
//! read the bundled rules' metadata the same way the runtime parser does.

use saphyr_parser::ScalarStyle;
use serde_json::{Number, Value};

/// YAML 1.2 core schema resolution of a scalar.
pub fn scalar(s: &str, style: ScalarStyle, tag: Option<&str>) -> Value {
    if style != ScalarStyle::Plain || tag == Some("str") {
        return Value::String(s.to_string());
    }
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Value::Null,
        "true" | "True" | "TRUE" => return Value::Bool(true),
        "false" | "False" | "FALSE" => return Value::Bool(false),
        _ => {}
    }
    let first = s.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        if let Some(n) = parse_int(s) {
            return Value::Number(n);
        }
        if let Some(n) = parse_float(s) {
            return n;
        }
    }
    Value::String(s.to_string())
}

fn parse_int(s: &str) -> Option<Number> {
    let (neg, body) = match s.as_bytes()[0] {
        b'-' => (true, &s[1..]),
        b'+' => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(h) = body.strip_prefix("0x") {
        (16, h)
    } else if let Some(o) = body.strip_prefix("0o") {
        (8, o)
    } else {
        (10, body)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    let v = i64::from_str_radix(digits, radix).ok()?;
    Some(Number::from(if neg { -v } else { v }))
}

fn parse_float(s: &str) -> Option<Value> {
    let ok = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+' | 'e' | 'E'))
        && s.chars().any(|c| c.is_ascii_digit());
    if !ok {
        return None;
    }
    let f: f64 = s.parse().ok()?;
    Number::from_f64(f).map(Value::Number)
}
