//! `[hygiene]`: what the hygiene rules read as `input.config.hygiene`, plus `today`, the
//! date expiry is judged against (set it for reproducible runs).

use super::{strings, to_json, unknown, Config, ConfigError, Cx};
use serde_json::{json, Value};
use toml_edit::Table;

/// The keys of `[hygiene]` the rules read as `input.config.hygiene` (besides `today`).
pub const KEYS: &[&str] = &[
    "required_tags",
    "tag_patterns",
    "expiry_tag",
    "max_expiry_days",
    "retention_tag",
    "allowed_retention",
    "env_tag",
    "app_envs",
    "allowed_types",
    "loadbalancer_namespaces",
];

pub(super) fn read(cx: &Cx, t: &Table, c: &mut Config) -> Result<(), ConfigError> {
    for (k, v) in t.iter() {
        let wrong = |what: &str| cx.err(v.span(), format!("hygiene.{k}: expected {what}"));
        // In a table of values, the first entry that is not of type `ok`.
        let bad_entry = |ok: &dyn Fn(&Value) -> bool, what: &str| {
            let t = v.as_table_like()?;
            let (name, e) = t.iter().find(|(_, e)| !ok(&to_json(e)))?;
            Some(cx.err(e.span(), format!("hygiene.{k}.{name}: expected {what}")))
        };
        let val = to_json(v);
        match k {
            "today" => {
                let s = val.as_str().unwrap_or_default();
                if !is_date(s) {
                    return Err(wrong("a date such as \"2026-01-31\""));
                }
                c.rules["today"] = json!(s);
                continue;
            }
            "required_tags" | "allowed_retention" | "loadbalancer_namespaces" => {
                strings(cx, &format!("hygiene.{k}"), v)?;
            }
            "expiry_tag" | "retention_tag" | "env_tag" => {
                if val.as_str().is_none_or(str::is_empty) {
                    return Err(wrong("a non-empty string"));
                }
            }
            "max_expiry_days" => {
                if val.as_u64().is_none_or(|n| n == 0) {
                    return Err(wrong("a positive number of days"));
                }
            }
            "tag_patterns" => {
                if let Some(e) = bad_entry(&Value::is_string, "a regular expression") {
                    return Err(e);
                }
                let Some(m) = val.as_object() else {
                    return Err(wrong("a table of tag = \"regular expression\""));
                };
                for (tag, re) in m {
                    let re = re.as_str().unwrap_or_default();
                    if let Err(e) = regex::Regex::new(re) {
                        return Err(cx.err(
                            v.span(),
                            format!("hygiene.tag_patterns.{tag}: invalid regular expression: {e}"),
                        ));
                    }
                }
            }
            "app_envs" => {
                if let Some(e) = bad_entry(&Value::is_string, "an environment name") {
                    return Err(e);
                }
                if !val.is_object() {
                    return Err(wrong("a table of app path = \"environment\""));
                }
            }
            "allowed_types" => {
                let list = |l: &Value| l.as_array().is_some_and(|a| a.iter().all(Value::is_string));
                if let Some(e) = bad_entry(&list, "a list of type patterns") {
                    return Err(e);
                }
                if !val.is_object() {
                    return Err(wrong("a table of environment = [\"type pattern\", ...]"));
                }
            }
            _ => return Err(unknown(cx, t, &format!("hygiene.{k}"), k)),
        }
        c.rules["hygiene"][k] = val;
    }
    Ok(())
}

/// A valid `YYYY-MM-DD` calendar date.
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}
