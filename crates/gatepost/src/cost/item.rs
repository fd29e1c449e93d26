//! Building one resource's estimate: attribute reads that notice unresolved values, price
//! look-ups that explain what is missing, and the line items, assumptions and usage inputs.

use super::table::PriceTable;
use super::{LineItem, HOURS_PER_MONTH};
use crate::model::Resource;
use serde_json::Value;

/// An attribute as the estimator sees it: absent, not statically known, or a value.
pub(crate) enum V<T> {
    Missing,
    Unresolved,
    Some(T),
}

impl<T> V<T> {
    /// A provider default for an absent value; unresolved stays unresolved.
    pub fn default_to(self, default: T) -> V<T> {
        match self {
            V::Missing => V::Some(default),
            v => v,
        }
    }

    pub fn or(self, default: T) -> Option<T> {
        match self {
            V::Missing => Some(default),
            V::Unresolved => None,
            V::Some(v) => Some(v),
        }
    }
}

/// How a pricer ended.
pub(crate) enum Outcome {
    /// Line items are complete (possibly empty for free resources).
    Priced,
    /// Cost depends on traffic or storage the configuration cannot tell; no usage was given.
    UsageBased,
    NotPriced(String),
}

pub(crate) struct Item<'a> {
    pub r: &'a Resource,
    pub region: String,
    pub table: &'a PriceTable,
    pub usage: Option<&'a Value>,
    pub line_items: Vec<LineItem>,
    pub assumptions: Vec<String>,
    pub unresolved: Vec<String>,
}

fn is_placeholder(v: &Value) -> bool {
    matches!(v, Value::String(s) if s.contains("${"))
}

impl<'a> Item<'a> {
    /// Read `ptr` from `attrs` (or from `root`, e.g. a linked resource's attrs).
    pub fn read_in(&mut self, root: &'a Value, ptr: &str, record_as: &str) -> V<&'a Value> {
        let listed = std::ptr::eq(root, &self.r.attrs)
            && self.r.unresolved.iter().any(|u| {
                u == ptr || (ptr.starts_with(u.as_str()) && ptr[u.len()..].starts_with('/'))
            });
        match root.pointer(ptr) {
            _ if listed => {
                self.note_unresolved(record_as);
                V::Unresolved
            }
            None | Some(Value::Null) => V::Missing,
            Some(v) if is_placeholder(v) => {
                self.note_unresolved(record_as);
                V::Unresolved
            }
            Some(v) => V::Some(v),
        }
    }

    pub fn read(&mut self, ptr: &str) -> V<&'a Value> {
        let attrs = &self.r.attrs;
        self.read_in(attrs, ptr, ptr)
    }

    fn note_unresolved(&mut self, ptr: &str) {
        if !self.unresolved.iter().any(|u| u == ptr) {
            self.unresolved.push(ptr.to_string());
        }
    }

    pub fn str(&mut self, ptr: &str) -> V<String> {
        match self.read(ptr) {
            V::Some(Value::String(s)) => V::Some(s.clone()),
            V::Some(Value::Bool(b)) => V::Some(b.to_string()),
            V::Some(Value::Number(n)) => V::Some(n.to_string()),
            V::Some(_) => V::Missing,
            V::Missing => V::Missing,
            V::Unresolved => V::Unresolved,
        }
    }

    pub fn num(&mut self, ptr: &str) -> V<f64> {
        match self.read(ptr) {
            V::Some(v) => num_of(v).map_or(V::Missing, V::Some),
            V::Missing => V::Missing,
            V::Unresolved => V::Unresolved,
        }
    }

    pub fn bool(&mut self, ptr: &str) -> V<bool> {
        match self.read(ptr) {
            V::Some(Value::Bool(b)) => V::Some(*b),
            V::Some(Value::String(s)) if s == "true" || s == "false" => V::Some(s == "true"),
            V::Some(_) | V::Missing => V::Missing,
            V::Unresolved => V::Unresolved,
        }
    }

    /// Length of an array attribute.
    pub fn len(&mut self, ptr: &str) -> V<usize> {
        match self.read(ptr) {
            V::Some(Value::Array(a)) => V::Some(a.len()),
            V::Some(_) | V::Missing => V::Missing,
            V::Unresolved => V::Unresolved,
        }
    }

    pub fn assume(&mut self, text: impl Into<String>) {
        let t = text.into();
        if !self.assumptions.contains(&t) {
            self.assumptions.push(t);
        }
    }

    /// A value from the usage file entry of this resource.
    pub fn usage(&self, key: &str) -> Option<f64> {
        self.usage.and_then(|u| u.get(key)).and_then(num_of)
    }

    /// Unit price, or the reason it is missing (unknown region vs. unknown SKU).
    pub fn price(&self, service: &str, key: &str) -> Result<f64, String> {
        if let Some(p) = self.table.get(service, key, &self.region) {
            return Ok(p);
        }
        if !self.table.has_region(service, &self.region) {
            Err(format!(
                "no {service} prices for region {:?} in the price table",
                self.region
            ))
        } else {
            Err(format!("no {service} price for {key:?} in {}", self.region))
        }
    }

    /// Add a line item priced from the table; `quantity` is in the table's unit per month.
    pub fn add(
        &mut self,
        name: &str,
        quantity: f64,
        service: &str,
        key: &str,
    ) -> Result<(), String> {
        let unit_price = self.price(service, key)?;
        let unit = self
            .table
            .row(service, key, &self.region)
            .map(|r| r.unit.clone())
            .unwrap_or_default();
        self.push(name, quantity, &unit, unit_price);
        Ok(())
    }

    /// An hourly price run for the whole month, `count` times.
    pub fn add_hourly(
        &mut self,
        name: &str,
        count: f64,
        service: &str,
        key: &str,
    ) -> Result<(), String> {
        self.add(name, count * HOURS_PER_MONTH, service, key)
    }

    pub fn push(&mut self, name: &str, quantity: f64, unit: &str, unit_price: f64) {
        self.line_items.push(LineItem {
            name: name.to_string(),
            quantity,
            unit: unit.to_string(),
            unit_price,
            monthly: quantity * unit_price,
        });
    }
}

pub(crate) fn num_of(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// `?`-style early return from a pricer on a missing price.
macro_rules! tryp {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(reason) => return $crate::cost::item::Outcome::NotPriced(reason),
        }
    };
}
pub(crate) use tryp;

/// Early return with a not-priced reason when a required value is unresolved.
macro_rules! need {
    ($v:expr, $what:expr) => {
        match $v {
            $crate::cost::item::V::Some(v) => v,
            $crate::cost::item::V::Missing => {
                return $crate::cost::item::Outcome::NotPriced(format!("{} is not set", $what))
            }
            $crate::cost::item::V::Unresolved => {
                return $crate::cost::item::Outcome::NotPriced(format!(
                    "{} is not statically known",
                    $what
                ))
            }
        }
    };
}
pub(crate) use need;
