//! Rule evaluation with regorus.
//!
//! Each rule is evaluated once over the whole input (never once per resource): rules read
//! `input.by_type[T]`, so a rule costs time in proportion to the resources it cares about.
//!
//! Two ways to run the rules, with the same results (a test holds them equal on every
//! corpus we have):
//! - **compiled**: the bundled rules, compiled to regorus's bytecode by the build script,
//!   run on its virtual machine. No Rego is parsed or analysed at run time, and evaluation
//!   is about twice as fast, which is most of a small scan's cost.
//! - **interpreted**: whenever users add their own Rego (which may import the bundled
//!   libraries or read bundled rules). Only the bundled rules a scan evaluates are parsed
//!   (with the libraries they import), split over one engine per thread; the last such set is
//!   kept for the next scan in the process.

mod compiled;
mod interpreted;

pub use compiled::bundled_rules_compiled;

use crate::policy::{PolicyError, PolicyFile, Rule, Severity};
use compiled::{compiled_rules, Compiled};
use interpreted::Interpreted;
use serde_json::Value;
use std::collections::HashSet;
#[cfg(not(target_arch = "wasm32"))]
use std::num::NonZeroU32;
use std::time::Duration;

/// What one rule reported, before it is located.
#[derive(Debug, Clone)]
pub struct Hit {
    pub rule: usize,
    pub address: Option<String>,
    pub pointer: String,
    pub message: String,
    pub severity: Option<Severity>,
    pub file: Option<String>,
    pub line: Option<u32>,
    pub column: Option<u32>,
    pub fingerprint: Option<String>,
}

/// (rule id, message) for a rule whose evaluation failed.
pub type RuleError = (String, String);

/// The rules of a scan and how they run.
#[derive(Clone)]
pub struct Evaluator {
    backend: Backend,
}

#[derive(Clone)]
enum Backend {
    Compiled(Compiled),
    Interpreted(Interpreted),
}

/// A wall-clock limit checked every 64 steps. wasm32-unknown-unknown has no clock
/// (`Instant::now` panics there): the browser tab's own script timeout bounds evaluation.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn timer(limit: Duration) -> regorus::utils::limits::ExecutionTimerConfig {
    regorus::utils::limits::ExecutionTimerConfig {
        limit,
        check_interval: NonZeroU32::new(64).unwrap(),
    }
}

/// Whether a rule is evaluated: not disabled, and it reads a type present (or no type).
pub fn selected(r: &Rule, present: &HashSet<String>, disabled: &dyn Fn(&Rule) -> bool) -> bool {
    !disabled(r) && (r.types.is_empty() || r.types.iter().any(|t| present.contains(t)))
}

impl Evaluator {
    /// The bundled rules that `wanted` selects, the libraries they import, and users' policy
    /// files. Parsing and preparing Rego is most of a small scan's cost, so rules that would
    /// not be evaluated are not loaded at all.
    pub fn new(
        user: &[PolicyFile],
        time_limit: Duration,
        wanted: &dyn Fn(&Rule) -> bool,
    ) -> Result<Evaluator, PolicyError> {
        if user.iter().all(|f| f.is_test) {
            if let Some(bundled) = compiled_rules() {
                return Ok(Evaluator {
                    backend: Backend::Compiled(Compiled {
                        bundled,
                        time_limit,
                    }),
                });
            }
        }
        Ok(Evaluator {
            backend: Backend::Interpreted(Interpreted::new(user, time_limit, wanted)?),
        })
    }

    /// The rules evaluated, in the order hits refer to them by.
    pub fn rules(&self) -> &[Rule] {
        match &self.backend {
            Backend::Compiled(c) => &c.bundled.rules,
            Backend::Interpreted(i) => &i.rules,
        }
    }

    /// Evaluate the rules that apply to the types present. Errors are per rule.
    pub fn evaluate(
        &self,
        input: &regorus::Value,
        present: &HashSet<String>,
        disabled: &dyn Fn(&Rule) -> bool,
    ) -> (Vec<Hit>, Vec<RuleError>) {
        let rules = self.rules();
        let ids: Vec<usize> = (0..rules.len())
            .filter(|&i| selected(&rules[i], present, disabled))
            .collect();
        let results = match &self.backend {
            Backend::Compiled(c) => c.evaluate(input, &ids),
            Backend::Interpreted(i) => i.evaluate(input, &ids),
        };
        let mut hits = Vec::new();
        let mut errs = Vec::new();
        for (i, r) in ids.into_iter().zip(results) {
            match r {
                Ok(v) => collect(i, &v, &mut hits),
                Err(e) => errs.push((rules[i].id.clone(), e)),
            }
        }
        (hits, errs)
    }
}

pub(super) fn error_line(msg: &str) -> u32 {
    // regorus messages read "path:LINE:COL: ..."
    msg.split(':')
        .nth(1)
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(1)
}

fn collect(rule: usize, v: &regorus::Value, out: &mut Vec<Hit>) {
    let Ok(json) = serde_json::to_value(v) else {
        return;
    };
    let items = match json {
        Value::Array(a) => a,
        Value::Null => return,
        other => vec![other],
    };
    for item in items {
        let s = |k: &str| item.get(k).and_then(Value::as_str).map(str::to_string);
        let n = |k: &str| item.get(k).and_then(Value::as_u64).map(|x| x as u32);
        let message = match &item {
            Value::String(m) => m.clone(),
            _ => s("message").or_else(|| s("msg")).unwrap_or_default(),
        };
        out.push(Hit {
            rule,
            address: s("address"),
            pointer: s("pointer").unwrap_or_default(),
            message,
            severity: s("severity").and_then(|x| Severity::parse(&x)),
            file: s("file"),
            line: n("line"),
            column: n("column"),
            fingerprint: s("fingerprint"),
        });
    }
}
