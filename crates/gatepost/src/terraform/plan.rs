//! `terraform show -json` plans: planned values become the same resources static evaluation
//! produces, with `after_unknown` values marked unresolved and `links.source = "plan"`.
//! Where the scan also holds the configuration, a planned resource takes the location of
//! the block that declares it, and replaces the statically evaluated one.

use super::value::Val;
use crate::model::{pointer_token, Resource, Span};
use crate::parse::yaml::LocatedDoc;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// A JSON file that is a plan: cheap test on the text before parsing.
pub fn looks_like_plan(path: &str, text: &str) -> bool {
    path.ends_with(".json")
        && text.contains("\"format_version\"")
        && (text.contains("\"planned_values\"") || text.contains("\"resource_changes\""))
}

/// The resources of a plan document.
pub fn normalize(path: &Arc<str>, app: &str, doc: &LocatedDoc) -> Vec<Resource> {
    let v = &doc.value;
    let unknown: HashMap<&str, &Value> = v
        .get("resource_changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|c| {
            Some((
                c.get("address")?.as_str()?,
                c.pointer("/change/after_unknown")?,
            ))
        })
        .collect();
    let regions = provider_regions(v);
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    if let Some(root) = v.pointer("/planned_values/root_module") {
        module(
            path,
            app,
            doc,
            root,
            "/planned_values/root_module",
            &unknown,
            &regions,
            &mut seen,
            &mut out,
        );
    }
    // Resources only in resource_changes (a plan that destroys, or one without values).
    for (i, c) in v
        .get("resource_changes")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let Some(addr) = c.get("address").and_then(Value::as_str) else {
            continue;
        };
        let after = c.pointer("/change/after");
        if seen.contains(addr) || after.is_none_or(Value::is_null) {
            continue;
        }
        let mut r = json!({"address": addr, "mode": c.get("mode"), "type": c.get("type"),
                           "provider_name": c.get("provider_name"), "values": after});
        if let Value::Object(o) = &mut r {
            o.retain(|_, v| !v.is_null());
        }
        let ptr = format!("/resource_changes/{i}");
        out.push(resource(
            path,
            app,
            doc,
            &r,
            &ptr,
            &format!("{ptr}/change/after"),
            &unknown,
            &regions,
        ));
    }
    out
}

#[allow(clippy::too_many_arguments)]
fn module(
    path: &Arc<str>,
    app: &str,
    doc: &LocatedDoc,
    m: &Value,
    ptr: &str,
    unknown: &HashMap<&str, &Value>,
    regions: &HashMap<String, Value>,
    seen: &mut HashSet<String>,
    out: &mut Vec<Resource>,
) {
    for (i, r) in m
        .get("resources")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let rp = format!("{ptr}/resources/{i}");
        let res = resource(
            path,
            app,
            doc,
            r,
            &rp,
            &format!("{rp}/values"),
            unknown,
            regions,
        );
        seen.insert(res.address.clone());
        out.push(res);
    }
    for (i, c) in m
        .get("child_modules")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        module(
            path,
            app,
            doc,
            c,
            &format!("{ptr}/child_modules/{i}"),
            unknown,
            regions,
            seen,
            out,
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn resource(
    path: &Arc<str>,
    app: &str,
    doc: &LocatedDoc,
    r: &Value,
    ptr: &str,
    values_ptr: &str,
    unknown: &HashMap<&str, &Value>,
    regions: &HashMap<String, Value>,
) -> Resource {
    let address = r
        .get("address")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let type_ = r
        .get("type")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_string();
    let kind = match r.get("mode").and_then(Value::as_str) {
        Some("data") => "terraform.data",
        _ => "terraform.resource",
    };
    // Policy documents are JSON strings in a plan; rules read them as objects.
    let mut vals = Val::from_json(r.get("values").unwrap_or(&Value::Null));
    super::parse_policies(&mut vals);
    let mut attrs = vals.to_json("", &mut Vec::new());
    if !attrs.is_object() {
        attrs = Value::Object(Map::new());
    }
    let mut unresolved = Vec::new();
    if let Some(u) = unknown.get(address.as_str()) {
        mark_unknown(&mut attrs, u, "", &address, &mut unresolved);
    }
    let head = doc
        .spans
        .get(ptr)
        .cloned()
        .unwrap_or_else(|| Span::new(doc.line, doc.column));
    let spans: BTreeMap<String, Span> = doc.spans_under(values_ptr);
    let provider = r
        .get("provider_name")
        .and_then(Value::as_str)
        .and_then(|p| p.rsplit('/').next())
        .unwrap_or_else(|| type_.split('_').next().unwrap_or_default())
        .to_string();
    let mut p = json!({"name": provider});
    if let Some(region) = regions.get(&provider) {
        p["region"] = region.clone();
    }
    let mut links = Map::new();
    links.insert("source".into(), json!("plan"));
    links.insert("plan_file".into(), json!(&**path));
    links.insert("provider".into(), p);
    Resource {
        kind: kind.into(),
        type_,
        address,
        app: app.to_string(),
        file: path.clone(),
        line: head.line,
        column: head.column,
        attrs,
        unresolved,
        links,
        spans,
    }
}

/// `after_unknown` mirrors the values: `true` where a value is known only after apply.
fn mark_unknown(attrs: &mut Value, u: &Value, ptr: &str, address: &str, out: &mut Vec<String>) {
    match u {
        Value::Bool(true) => {
            let what = ptr.trim_start_matches('/').replace('/', ".");
            *attrs = Value::String(format!("${{{address}.{what}}}"));
            out.push(ptr.to_string());
        }
        Value::Object(o) => {
            if !attrs.is_object() {
                *attrs = Value::Object(Map::new());
            }
            for (k, v) in o {
                if matches!(v, Value::Bool(false)) {
                    continue;
                }
                if let Value::Object(a) = attrs {
                    let child = a.entry(k.clone()).or_insert(Value::Null);
                    let p = format!("{ptr}/{}", pointer_token(k));
                    mark_unknown(child, v, &p, address, out);
                }
            }
        }
        Value::Array(l) => {
            if !attrs.is_array() {
                *attrs = Value::Array(Vec::new());
            }
            for (i, v) in l.iter().enumerate() {
                if let Value::Array(a) = attrs {
                    while a.len() <= i {
                        a.push(Value::Null);
                    }
                    mark_unknown(&mut a[i], v, &format!("{ptr}/{i}"), address, out);
                }
            }
        }
        _ => {}
    }
}

/// Provider name -> region, when the configuration sets it to a constant.
fn provider_regions(plan: &Value) -> HashMap<String, Value> {
    plan.pointer("/configuration/provider_config")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .filter(|(k, _)| !k.contains('.') && !k.contains(':'))
        .filter_map(|(k, c)| {
            Some((
                k.clone(),
                c.pointer("/expressions/region/constant_value")?.clone(),
            ))
        })
        .collect()
}

/// Planned resources replace the statically evaluated ones of the same app and address
/// (or the unexpanded resource whose `count`/`for_each` was unknown), taking over their
/// configuration locations; the rest keep their place in the plan file.
pub fn merge(resources: &mut Vec<Resource>, planned: Vec<Resource>) {
    let mut replaced: HashSet<usize> = HashSet::new();
    let index: HashMap<(String, String), usize> = resources
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind.starts_with("terraform.") && r.links.get("source").is_none())
        .map(|(i, r)| ((r.app.clone(), r.address.clone()), i))
        .collect();
    let mut add = Vec::new();
    for mut p in planned {
        let key = (p.app.clone(), p.address.clone());
        let unindexed = (p.app.clone(), strip_index(&p.address).to_string());
        if let Some(&i) = index.get(&key).or_else(|| index.get(&unindexed)) {
            let c = &resources[i];
            p.file = c.file.clone();
            p.line = c.line;
            p.column = c.column;
            p.spans = c.spans.clone();
            if let Some(chain) = c.links.get("module_chain") {
                p.links.insert("module_chain".into(), chain.clone());
            }
            replaced.insert(i);
        }
        add.push(p);
    }
    let mut i = 0;
    resources.retain(|_| {
        i += 1;
        !replaced.contains(&(i - 1))
    });
    resources.extend(add);
}

/// `a.b[0]` -> `a.b`; `module.m["k"].a.b` is unchanged.
fn strip_index(addr: &str) -> &str {
    match addr
        .strip_suffix(']')
        .and_then(|a| a.rfind('[').map(|i| &addr[..i]))
    {
        Some(base) if !base.ends_with(']') => base,
        _ => addr,
    }
}
