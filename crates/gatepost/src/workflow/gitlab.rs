//! GitLab CI: the effective configuration of each job.
//!
//! GitLab builds a job from its own keys, then `extends:` (hashes merged deeply, anything
//! else replaced by the child; later parents win over earlier ones), then `default:` (and
//! the older top-level `image`, `services`, ... form) for keys the job still lacks, and the
//! global `variables`. Rules read that effective job, so a template's `rules:` or `image:`
//! counts for every job that extends it. Where each inherited value comes from is kept in
//! `links.inherited` (pointer -> address of the defining object), so a rule can report a
//! value once, where it is written, rather than once per job that inherits it.

use crate::model::pointer_token;
use crate::model::Span;
use crate::parse::yaml::LocatedDoc;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// Keys `default:` can set for every job.
const DEFAULT_KEYS: &[&str] = &[
    "after_script",
    "artifacts",
    "before_script",
    "cache",
    "hooks",
    "id_tokens",
    "image",
    "interruptible",
    "retry",
    "services",
    "tags",
    "timeout",
];

/// Keys that may still be written at the top level with the meaning of `default:`.
const GLOBAL_DEFAULT_KEYS: &[&str] = &[
    "after_script",
    "before_script",
    "cache",
    "image",
    "services",
];

/// GitLab stops resolving `extends:` deeper than this.
const MAX_EXTENDS_DEPTH: usize = 11;

/// One job as GitLab runs it.
pub struct EffectiveJob {
    pub attrs: Value,
    pub spans: BTreeMap<String, Span>,
    /// Pointer -> address of the object that defines the value (not the job itself).
    pub inherited: Map<String, Value>,
    /// `extends:` names that are not in this file (an included template, a typo).
    pub missing_parents: Vec<String>,
}

fn parents(job: &Value) -> Vec<String> {
    match job.get("extends") {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|v| v.as_str().map(String::from))
            .collect(),
        _ => Vec::new(),
    }
}

/// Merge `over` into `base` the way `extends:` does.
fn deep_merge(base: &mut Value, over: &Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(k) {
                    Some(slot) if slot.is_object() && v.is_object() => deep_merge(slot, v),
                    _ => {
                        b.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        (b, o) => *b = o.clone(),
    }
}

/// Resolves `extends:` for the jobs of one file.
struct Resolver<'a> {
    jobs: &'a Map<String, Value>,
}

impl Resolver<'_> {
    /// The job with its parents merged in, and the jobs in precedence order (the job first,
    /// then its last parent's line, ... its first parent's line).
    fn resolve(
        &self,
        id: &str,
        depth: usize,
        missing: &mut Vec<String>,
        order: &mut Vec<String>,
    ) -> Value {
        let own = &self.jobs[id];
        order.push(id.to_string());
        let mut merged = Value::Object(Map::new());
        let mut lines = Vec::new();
        for p in parents(own) {
            if !self.jobs.contains_key(&p) || !self.jobs[&p].is_object() {
                if !missing.contains(&p) {
                    missing.push(p);
                }
                continue;
            }
            if depth >= MAX_EXTENDS_DEPTH || order.contains(&p) {
                continue;
            }
            let mut line = Vec::new();
            let v = self.resolve(&p, depth + 1, missing, &mut line);
            deep_merge(&mut merged, &v);
            lines.push(line);
        }
        for line in lines.into_iter().rev() {
            order.extend(line);
        }
        deep_merge(&mut merged, own);
        merged
    }
}

/// Which `default:` keys a job takes, from its `inherit: default:`.
fn inherits(job: &Value, what: &str, key: &str) -> bool {
    match job.get("inherit").and_then(|i| i.get(what)) {
        Some(Value::Bool(b)) => *b,
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str() == Some(key)),
        _ => true,
    }
}

fn has_pointer(v: &Value, p: &str) -> bool {
    v.pointer(p).is_some()
}

/// Records, for the value at `p` in the effective job, which source object defines it.
/// `sources` are (address, document pointer, raw value) in precedence order; the job is first.
fn origins(v: &Value, p: &str, sources: &[(String, String, Value)], out: &mut Map<String, Value>) {
    let defining: Vec<&(String, String, Value)> =
        sources.iter().filter(|s| has_pointer(&s.2, p)).collect();
    let Some(first) = defining.first() else {
        return;
    };
    let merged_here = v.is_object() && defining.len() > 1;
    if !p.is_empty() && first.0 != sources[0].0 && !merged_here {
        out.insert(p.to_string(), Value::String(first.0.clone()));
        return;
    }
    if let Value::Object(m) = v {
        for (k, c) in m {
            origins(c, &format!("{p}/{}", pointer_token(k)), sources, out);
        }
    }
}

/// The effective configuration of job `id` (document pointer `ptr`) of `doc`, whose
/// pipeline address is `pipeline` and job addresses `job_address(id)`.
pub fn effective(
    doc: &LocatedDoc,
    id: &str,
    ptr: &str,
    pipeline: &str,
    job_address: &dyn Fn(&str) -> String,
) -> EffectiveJob {
    let empty = Map::new();
    let top = doc.value.as_object().unwrap_or(&empty);
    let resolver = Resolver { jobs: top };
    let mut missing = Vec::new();
    let mut order = Vec::new();
    let mut attrs = resolver.resolve(id, 0, &mut missing, &mut order);
    // (address, pointer of the object in the document, what it sets), by precedence.
    let mut sources: Vec<(String, String, Value)> = order
        .iter()
        .map(|j| {
            (
                job_address(j),
                format!("/{}", pointer_token(j)),
                top[j].clone(),
            )
        })
        .collect();

    let own = &top[id];
    let default = top.get("default").filter(|d| d.is_object());
    for k in DEFAULT_KEYS {
        if attrs.get(*k).is_some() || !inherits(own, "default", k) {
            continue;
        }
        let (v, base) = match (default.and_then(|d| d.get(*k)), top.get(*k)) {
            (Some(v), _) => (v, "/default"),
            (None, Some(v)) if GLOBAL_DEFAULT_KEYS.contains(k) => (v, ""),
            _ => continue,
        };
        attrs[*k] = v.clone();
        let mut set = Map::new();
        set.insert(k.to_string(), v.clone());
        sources.push((pipeline.to_string(), base.into(), Value::Object(set)));
    }
    if let Some(Value::Object(globals)) = top.get("variables") {
        let vars: Map<String, Value> = globals
            .iter()
            .filter(|(k, _)| inherits(own, "variables", k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if !vars.is_empty() {
            let mut all = Value::Object(vars.clone());
            if let Some(jv) = attrs.get("variables") {
                deep_merge(&mut all, jv);
            }
            attrs["variables"] = all;
            let mut set = Map::new();
            set.insert("variables".into(), Value::Object(vars));
            sources.push((pipeline.to_string(), String::new(), Value::Object(set)));
        }
    }

    let mut inherited = Map::new();
    origins(&attrs, "", &sources, &mut inherited);

    // Spans: the job's own, then each inherited value's spans from where it is written.
    let mut spans = doc.spans_under(ptr);
    for (p, _) in inherited.iter() {
        let Some((_, base, _)) = sources
            .iter()
            .skip(1)
            .find(|s| has_pointer(&s.2, p) && s.0 != sources[0].0)
        else {
            continue;
        };
        for (q, s) in doc.spans_under(&format!("{base}{p}")) {
            spans.entry(format!("{p}{q}")).or_insert(s);
        }
    }
    EffectiveJob {
        attrs,
        spans,
        inherited,
        missing_parents: missing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml::{parse_stream, Limits};
    use serde_json::json;

    fn job(y: &str, id: &str) -> EffectiveJob {
        let docs = parse_stream(y, Limits::default()).unwrap();
        effective(&docs[0], id, &format!("/{id}"), "ci", &|j| {
            format!("ci#{j}")
        })
    }

    #[test]
    fn extends_merges_hashes_and_replaces_lists() {
        let y = "\
.base:
  image: ruby:3
  variables: {A: '1', B: '2'}
  script: [base]
  rules:
    - if: $CI_PIPELINE_SOURCE == \"merge_request_event\"
test:
  extends: .base
  variables: {B: '3'}
  script: [own]
";
        let j = job(y, "test");
        assert_eq!(j.attrs["variables"], json!({"A": "1", "B": "3"}));
        assert_eq!(j.attrs["script"], json!(["own"]));
        assert_eq!(j.inherited["/image"], json!("ci#.base"));
        assert_eq!(j.inherited["/variables/A"], json!("ci#.base"));
        assert!(j.inherited.get("/variables/B").is_none());
        assert!(j.inherited.get("/script").is_none());
        // An inherited value is located where the template writes it.
        assert_eq!(j.spans["/rules/0/if"].line, 6);
        assert_eq!(j.spans["/script"].line, 10);
    }

    #[test]
    fn later_parents_win_and_chains_resolve() {
        let y = "\
.a: {image: a:1, tags: [x]}
.b: {extends: .a, image: b:1}
.c: {image: c:1}
job: {extends: [.b, .c, .nowhere], script: [s]}
";
        let j = job(y, "job");
        assert_eq!(j.attrs["image"], json!("c:1"));
        assert_eq!(j.inherited["/image"], json!("ci#.c"));
        assert_eq!(j.inherited["/tags"], json!("ci#.a"));
        assert_eq!(j.missing_parents, vec![".nowhere".to_string()]);
    }

    #[test]
    fn cycles_stop() {
        let j = job(".a: {extends: .b, image: a}\n.b: {extends: .a}\n", ".b");
        assert_eq!(j.attrs["image"], json!("a"));
    }

    #[test]
    fn defaults_and_global_variables_fill_gaps_unless_opted_out() {
        let y = "\
image: old:1
default:
  services: [db:1]
variables: {G: g, H: h}
a:
  script: [x]
b:
  image: own:1
  inherit: {default: false, variables: [H]}
  script: [x]
";
        let a = job(y, "a");
        assert_eq!(a.attrs["image"], json!("old:1"));
        assert_eq!(a.attrs["services"], json!(["db:1"]));
        assert_eq!(a.attrs["variables"], json!({"G": "g", "H": "h"}));
        assert_eq!(a.inherited["/image"], json!("ci"));
        assert_eq!(a.inherited["/services"], json!("ci"));
        assert_eq!(a.spans["/services"].line, 3);
        assert_eq!(a.spans["/variables/G"].line, 4);
        let b = job(y, "b");
        assert_eq!(b.attrs["image"], json!("own:1"));
        assert!(b.attrs.get("services").is_none());
        assert_eq!(b.attrs["variables"], json!({"H": "h"}));
    }
}
