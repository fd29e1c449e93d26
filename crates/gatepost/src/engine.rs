//! Rule evaluation with regorus.
//!
//! Each rule is evaluated once over the whole input (never once per resource): rules read
//! `input.by_type[T]`, so a rule costs time in proportion to the resources it cares about.
//! The bundled policies are parsed once per process; each scan clones that engine.

use crate::policy::{self, PolicyError, PolicyFile, Rule, Severity};
use serde_json::Value;
use std::collections::HashSet;
#[cfg(not(target_arch = "wasm32"))]
use std::num::NonZeroU32;
use std::sync::Mutex;
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

#[derive(Clone)]
pub struct Evaluator {
    engine: regorus::Engine,
    pub rules: Vec<Rule>,
}

fn new_engine() -> regorus::Engine {
    let mut e = regorus::Engine::new();
    // Policies must not depend on the machine: no `print` output, errors surface.
    e.set_strict_builtin_errors(false);
    e
}

/// The last bundled selection built, prepared: repeated in-process scans of the same kind of
/// project (editors, bindings) reuse it instead of parsing the Rego again.
static CACHE: Mutex<Option<(Vec<bool>, Evaluator)>> = Mutex::new(None);

/// Whether a rule is evaluated: not disabled, and it reads a type present (or no type).
pub fn selected(r: &Rule, present: &HashSet<String>, disabled: &dyn Fn(&Rule) -> bool) -> bool {
    !disabled(r) && (r.types.is_empty() || r.types.iter().any(|t| present.contains(t)))
}

impl Evaluator {
    /// The bundled rules that `wanted` selects, the shared libraries, and users' policy files.
    /// Parsing and preparing Rego is most of a small scan's cost, so rules that would not be
    /// evaluated are not loaded at all.
    pub fn new(
        user: &[PolicyFile],
        time_limit: Duration,
        wanted: &dyn Fn(&Rule) -> bool,
    ) -> Result<Evaluator, PolicyError> {
        let bundled = policy::bundled();
        // A user policy that reads a bundled rule's result, or adds to a bundled rule's
        // package, needs that rule loaded: then every bundled rule is.
        let all = user.iter().any(|f| f.text.contains("gatepost.rules"));
        let pick: Vec<bool> = bundled
            .iter()
            .map(|f| !f.is_test && f.rule.as_ref().is_none_or(|r| all || wanted(r)))
            .collect();
        let cached = CACHE.lock().ok().and_then(|c| {
            c.as_ref()
                .filter(|(k, _)| *k == pick)
                .map(|(_, e)| e.clone())
        });
        let mut ev = match cached {
            Some(ev) => ev,
            None => {
                let mut ev = Evaluator {
                    engine: new_engine(),
                    rules: Vec::new(),
                };
                let files: Vec<PolicyFile> = bundled
                    .iter()
                    .zip(&pick)
                    .filter(|(_, p)| **p)
                    .map(|(f, _)| f.clone())
                    .collect();
                ev.add(&files)?;
                ev.prepare();
                if let Ok(mut c) = CACHE.lock() {
                    *c = Some((pick, ev.clone()));
                }
                ev
            }
        };
        if user.iter().any(|f| !f.is_test) {
            ev.add(user)?;
            ev.prepare();
        }
        // wasm32-unknown-unknown has no clock (`Instant::now` panics there): the browser tab's
        // own script timeout bounds evaluation instead.
        #[cfg(not(target_arch = "wasm32"))]
        ev.engine
            .set_execution_timer_config(regorus::utils::limits::ExecutionTimerConfig {
                limit: time_limit,
                check_interval: NonZeroU32::new(64).unwrap(),
            });
        #[cfg(target_arch = "wasm32")]
        let _ = time_limit;
        Ok(ev)
    }

    /// Analyze the loaded modules now (regorus does it on the first evaluation), so the
    /// per-thread clones made by [`Evaluator::evaluate`] start prepared instead of each
    /// repeating the work.
    fn prepare(&mut self) {
        // Errors surface again, per rule, when the rules are evaluated.
        let _ = self.engine.eval_query("true".into(), false);
    }

    fn add(&mut self, files: &[PolicyFile]) -> Result<(), PolicyError> {
        for f in files.iter().filter(|f| !f.is_test) {
            self.engine
                .add_policy(f.path.clone(), f.text.clone())
                .map_err(|e| PolicyError {
                    file: f.path.clone(),
                    line: error_line(&e.to_string()),
                    message: e.to_string(),
                })?;
            if let Some(r) = &f.rule {
                // User rule ids must not clash with any bundled rule, loaded or not.
                let bundled_id = || {
                    policy::bundled()
                        .iter()
                        .any(|b| b.rule.as_ref().is_some_and(|x| x.id == r.id))
                };
                if self.rules.iter().any(|x| x.id == r.id) || (!r.bundled && bundled_id()) {
                    return Err(PolicyError {
                        file: f.path.clone(),
                        line: 1,
                        message: format!("duplicate rule id {}", r.id),
                    });
                }
                self.rules.push(r.clone());
            } else if !f.path.contains("/lib/")
                && f.package
                    .as_deref()
                    .is_some_and(|p| !p.starts_with("data.gatepost.lib"))
            {
                // A user policy without METADATA still runs, under its package name.
                let pkg = f.package.clone().unwrap_or_default();
                let id = pkg.rsplit('.').next().unwrap_or("custom").replace('_', "-");
                if !self.rules.iter().any(|r| r.package == pkg) {
                    self.rules.push(Rule {
                        title: id.clone(),
                        id,
                        family: "hygiene".into(),
                        severity: Severity::Medium,
                        description: String::new(),
                        fix: String::new(),
                        types: vec![],
                        references: vec![],
                        package: pkg,
                        source: f.path.clone(),
                        bundled: false,
                    });
                }
            }
        }
        Ok(())
    }

    /// Evaluate the rules that apply to the types present. Errors are per rule.
    pub fn evaluate(
        &self,
        input: &regorus::Value,
        present: &HashSet<String>,
        disabled: &dyn Fn(&Rule) -> bool,
    ) -> (Vec<Hit>, Vec<RuleError>) {
        let todo: Vec<usize> = (0..self.rules.len())
            .filter(|&i| selected(&self.rules[i], present, disabled))
            .collect();
        let chunk = todo.len().div_ceil(crate::par::threads()).max(1);
        let results: Vec<(Vec<Hit>, Vec<RuleError>)> =
            crate::par::map_chunks(&todo, chunk, |ids| {
                let mut engine = self.engine.clone();
                engine.set_input(input.clone());
                let mut hits = Vec::new();
                let mut errs = Vec::new();
                for &i in ids {
                    let r = &self.rules[i];
                    match engine.eval_rule(format!("{}.deny", r.package)) {
                        Ok(v) => collect(i, &v, &mut hits),
                        Err(e) => errs.push((r.id.clone(), e.to_string())),
                    }
                }
                (hits, errs)
            });
        let mut hits = Vec::new();
        let mut errs = Vec::new();
        for (h, e) in results {
            hits.extend(h);
            errs.extend(e);
        }
        (hits, errs)
    }
}

fn error_line(msg: &str) -> u32 {
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
