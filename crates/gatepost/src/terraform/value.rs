//! The values static evaluation works with: JSON-like, plus `Unknown` for whatever Terraform
//! would only know at plan or apply time. Unknown values keep the source text of the
//! expression so rules can still recognise references (`aws_s3_bucket.logs.id`).

use crate::model::pointer_token;
use serde_json::{Map, Number, Value};

#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    List(Vec<Val>),
    Obj(Vec<(String, Val)>),
    /// Not statically known; the expression's source text.
    Unknown(String),
}

impl Val {
    pub fn is_unknown(&self) -> bool {
        matches!(self, Val::Unknown(_))
    }

    /// True when this value or anything inside it is unknown.
    pub fn has_unknown(&self) -> bool {
        match self {
            Val::Unknown(_) => true,
            Val::List(l) => l.iter().any(Val::has_unknown),
            Val::Obj(o) => o.iter().any(|(_, v)| v.has_unknown()),
            _ => false,
        }
    }

    pub fn get(&self, key: &str) -> Option<&Val> {
        match self {
            Val::Obj(o) => o.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Val::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn truthy(&self) -> Option<bool> {
        match self {
            Val::Bool(b) => Some(*b),
            Val::Str(s) if s == "true" => Some(true),
            Val::Str(s) if s == "false" => Some(false),
            _ => None,
        }
    }

    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Val::Num(n) => Some(*n),
            Val::Str(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// Terraform's string conversion; `None` for collections and unknowns.
    pub fn to_str(&self) -> Option<String> {
        match self {
            Val::Str(s) => Some(s.clone()),
            Val::Num(n) => Some(fmt_num(*n)),
            Val::Bool(b) => Some(b.to_string()),
            Val::Null => Some(String::new()),
            _ => None,
        }
    }

    pub fn from_json(v: &Value) -> Val {
        match v {
            Value::Null => Val::Null,
            Value::Bool(b) => Val::Bool(*b),
            Value::Number(n) => Val::Num(n.as_f64().unwrap_or(0.0)),
            Value::String(s) => Val::Str(s.clone()),
            Value::Array(a) => Val::List(a.iter().map(Val::from_json).collect()),
            Value::Object(o) => Val::Obj(
                o.iter()
                    .map(|(k, v)| (k.clone(), Val::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// Convert to JSON, recording the pointers of unknown values (shown as `${expr}`).
    pub fn to_json(&self, ptr: &str, unresolved: &mut Vec<String>) -> Value {
        match self {
            Val::Null => Value::Null,
            Val::Bool(b) => Value::Bool(*b),
            Val::Num(n) => num_json(*n),
            Val::Str(s) => Value::String(s.clone()),
            Val::List(l) => Value::Array(
                l.iter()
                    .enumerate()
                    .map(|(i, v)| v.to_json(&format!("{ptr}/{i}"), unresolved))
                    .collect(),
            ),
            Val::Obj(o) => {
                let mut m = Map::new();
                for (k, v) in o {
                    let j = v.to_json(&format!("{ptr}/{}", pointer_token(k)), unresolved);
                    m.insert(k.clone(), j);
                }
                Value::Object(m)
            }
            Val::Unknown(src) => {
                unresolved.push(ptr.to_string());
                Value::String(format!("${{{src}}}"))
            }
        }
    }

    /// JSON for `jsonencode`; `None` if anything inside is unknown.
    pub fn to_plain_json(&self) -> Option<Value> {
        if self.has_unknown() {
            return None;
        }
        Some(self.to_json("", &mut Vec::new()))
    }
}

pub fn num_json(n: f64) -> Value {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        Value::Number(Number::from(n as i64))
    } else {
        Number::from_f64(n)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    }
}

pub fn fmt_num(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}
