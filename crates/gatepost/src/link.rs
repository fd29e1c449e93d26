//! Joins related resources so that rules read one object instead of searching the model:
//! an S3 bucket with its split-out ACL / public-access block / policy resources, a Kubernetes
//! namespace with its quotas, limit ranges and network policies, an IAM role with the policies
//! attached to it (`iam`), a taggable resource with its provider's default tags (`tags`).
//! Every join is a map lookup, so linking stays linear in the number of resources.

mod iam;
pub mod tags;

use crate::model::Resource;
use serde_json::{json, Value};
use std::collections::HashMap;

/// S3 settings Terraform splits into their own resources, each naming its bucket in `bucket`.
const S3_COMPANIONS: &[&str] = &[
    "aws_s3_bucket_acl",
    "aws_s3_bucket_public_access_block",
    "aws_s3_bucket_policy",
    "aws_s3_bucket_website_configuration",
    "aws_s3_bucket_versioning",
    "aws_s3_bucket_server_side_encryption_configuration",
    "aws_s3_bucket_ownership_controls",
    "aws_s3_bucket_logging",
    "aws_s3_bucket_lifecycle_configuration",
    "aws_s3_bucket_cors_configuration",
];

pub fn link(resources: &mut [Resource]) {
    link_s3(resources);
    iam::link_roles(resources);
    link_gcp_policy_data(resources);
    link_namespaces(resources);
    tags::link(resources);
}

fn summary(r: &Resource) -> Value {
    json!({"address": r.address, "file": &*r.file, "line": r.line, "attrs": r.attrs})
}

/// The module prefix of an address (`module.a.` for `module.a.aws_s3_bucket.b`).
pub(crate) fn module_prefix(address: &str) -> &str {
    let mut end = 0;
    let mut rest = address;
    while let Some(r) = rest.strip_prefix("module.") {
        let Some(dot) = r.find('.') else { break };
        end += "module.".len() + dot + 1;
        rest = &r[dot + 1..];
    }
    &address[..end]
}

fn link_s3(resources: &mut [Resource]) {
    // bucket address and bucket name -> index
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // companion address -> index, for a companion that names its bucket through another
    // (`bucket = aws_s3_bucket_policy.this[0].id`, as the s3-bucket module chains them)
    let mut companions: HashMap<String, usize> = HashMap::new();
    for (i, r) in resources.iter().enumerate() {
        if r.kind != "terraform.resource" {
            continue;
        }
        if r.type_ == "aws_s3_bucket" {
            by_key.insert(format!("{}@{}", r.address, r.app), i);
            if let Some(name) = r.attrs.get("bucket").and_then(Value::as_str) {
                if !name.starts_with("${") {
                    by_key.insert(format!("name:{name}@{}", r.app), i);
                }
            }
        } else if S3_COMPANIONS.contains(&r.type_.as_str()) {
            companions.insert(format!("{}@{}", r.address, r.app), i);
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in resources.iter().enumerate() {
        if c.kind != "terraform.resource" || !S3_COMPANIONS.contains(&c.type_.as_str()) {
            continue;
        }
        let mut at = c;
        // One hop through another companion is all Terraform configurations use.
        for _ in 0..2 {
            let Some(key) = bucket_key(at) else { break };
            if let Some(&bi) = by_key.get(&key) {
                joins.push((bi, ci));
                break;
            }
            match companions.get(&key) {
                Some(&next) if next != ci => at = &resources[next],
                _ => break,
            }
        }
    }
    for (bi, ci) in joins {
        let (b, c) = (summary(&resources[bi]), summary(&resources[ci]));
        let ctype = resources[ci].type_.clone();
        resources[ci].links.insert("bucket".into(), b);
        let list = resources[bi]
            .links
            .entry(ctype)
            .or_insert_with(|| json!([]));
        if let Value::Array(a) = list {
            a.push(c);
        }
    }
}

/// What a companion's `bucket` names: `name:NAME@app` for a literal, `ADDRESS@app` for a
/// reference to a bucket or to another companion (`aws_s3_bucket.NAME[KEY].id`).
fn bucket_key(c: &Resource) -> Option<String> {
    let b = c.attrs.get("bucket").and_then(Value::as_str)?;
    let Some(reference) = b.strip_prefix("${").and_then(|s| s.strip_suffix('}')) else {
        return Some(format!("name:{b}@{}", c.app));
    };
    let mut parts = reference.splitn(3, '.');
    match (parts.next(), parts.next()) {
        (Some(t), Some(name)) if t == "aws_s3_bucket" || S3_COMPANIONS.contains(&t) => {
            Some(format!("{}{t}.{name}@{}", module_prefix(&c.address), c.app))
        }
        _ => None,
    }
}

/// `policy_data = data.google_iam_policy.X.policy_data`: the data source's bindings are joined
/// to the resource that applies them (`links.policy_data`), and the data source learns who uses
/// it (`links.used_by`), so a public member is reported once, where the policy takes effect.
fn link_gcp_policy_data(resources: &mut [Resource]) {
    let mut by_addr: HashMap<String, usize> = HashMap::new();
    for (i, r) in resources.iter().enumerate() {
        if r.kind == "terraform.data" && r.type_ == "google_iam_policy" {
            by_addr.insert(format!("{}@{}", r.address, r.app), i);
        }
    }
    if by_addr.is_empty() {
        return;
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in resources.iter().enumerate() {
        let Some(reference) = c
            .attrs
            .get("policy_data")
            .and_then(Value::as_str)
            .and_then(|s| s.strip_prefix("${"))
            .and_then(|s| s.strip_suffix(".policy_data}"))
        else {
            continue;
        };
        let key = format!("{}{reference}@{}", module_prefix(&c.address), c.app);
        if let Some(&di) = by_addr.get(&key) {
            joins.push((di, ci));
        }
    }
    for (di, ci) in joins {
        let d = summary(&resources[di]);
        let user = json!(resources[ci].address);
        resources[ci].links.insert("policy_data".into(), d);
        if let Value::Array(a) = resources[di]
            .links
            .entry("used_by".to_string())
            .or_insert_with(|| json!([]))
        {
            a.push(user);
        }
    }
}

/// Per namespace: its quotas, limit ranges and network policies, whether a `Namespace`
/// object declares it, the first workload that uses it, the exact sum of its workloads'
/// requests and limits (canonical integers), the tightest unscoped quota, and the defaults
/// its LimitRanges give containers. NetworkPolicies learn which workloads they select, and
/// workloads which policies select them.
fn link_namespaces(resources: &mut [Resource]) {
    const POLICY_KINDS: &[(&str, &str)] = &[
        ("ResourceQuota", "resource_quotas"),
        ("LimitRange", "limit_ranges"),
        ("NetworkPolicy", "network_policies"),
    ];
    let ns_of = |r: &Resource| -> Option<String> {
        if r.type_ == "Namespace" {
            r.attrs
                .pointer("/metadata/name")
                .and_then(Value::as_str)
                .map(str::to_string)
        } else {
            r.links
                .get("namespace")
                .and_then(Value::as_str)
                .map(str::to_string)
        }
    };
    let is_workload = |r: &Resource| r.links.contains_key("pod_path") && r.type_ != "PodTemplate";
    // Objects in source order, so "first" means first in the files.
    let mut order: Vec<usize> = (0..resources.len())
        .filter(|&i| resources[i].kind == "k8s.object")
        .collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&resources[a], &resources[b]);
        (&x.file, x.line).cmp(&(&y.file, y.line))
    });
    let mut per_ns: HashMap<String, NsFacts> = HashMap::new();
    for &i in &order {
        let r = &resources[i];
        let Some(ns) = ns_of(r) else { continue };
        let f = per_ns.entry(ns).or_default();
        if let Some((_, key)) = POLICY_KINDS.iter().find(|(k, _)| *k == r.type_) {
            if let Value::Array(a) = f
                .policies
                .entry(key.to_string())
                .or_insert_with(|| json!([]))
            {
                a.push(summary(r));
            }
        }
        match r.type_.as_str() {
            "Namespace" => f.declared = true,
            "ResourceQuota" => f.add_quota(r),
            "LimitRange" => f.add_limit_range(r),
            "PersistentVolumeClaim" => {
                f.first_user.get_or_insert_with(|| r.address.clone());
            }
            _ => {}
        }
        if is_workload(r) {
            f.first_user.get_or_insert_with(|| r.address.clone());
            f.first_workload.get_or_insert_with(|| r.address.clone());
            f.workloads += 1;
            f.add_totals(r);
        }
    }
    network_policy_selection(resources, &ns_of, &is_workload);
    for r in resources.iter_mut().filter(|r| r.kind == "k8s.object") {
        let Some(ns) = ns_of(r) else { continue };
        let f = per_ns.get(&ns).cloned().unwrap_or_default();
        r.links
            .insert("namespace_policies".into(), f.into_json(&ns, POLICY_KINDS));
    }
}

#[derive(Default, Clone)]
struct NsFacts {
    policies: serde_json::Map<String, Value>,
    declared: bool,
    first_user: Option<String>,
    first_workload: Option<String>,
    workloads: usize,
    total_requests: std::collections::BTreeMap<String, i128>,
    total_limits: std::collections::BTreeMap<String, i128>,
    unbounded_limits: std::collections::BTreeSet<String>,
    quota_hard: std::collections::BTreeMap<String, i64>,
    limit_defaults: std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
}

impl NsFacts {
    fn add_quota(&mut self, r: &Resource) {
        // A scoped quota limits only some pods (a priority class, BestEffort...): the sum of
        // every workload cannot be held against it.
        if r.links.get("scoped").and_then(Value::as_bool) == Some(true) {
            return;
        }
        for (k, v) in r
            .links
            .get("quantities")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if let Some(n) = v.as_i64() {
                let e = self.quota_hard.entry(k.clone()).or_insert(n);
                *e = (*e).min(n);
            }
        }
    }

    fn add_limit_range(&mut self, r: &Resource) {
        for l in r
            .attrs
            .pointer("/spec/limits")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if l.get("type").and_then(Value::as_str) != Some("Container") {
                continue;
            }
            // A default limit also becomes the default request when none is given.
            for (field, targets) in [
                ("default", &["default", "defaultRequest"][..]),
                ("defaultRequest", &["defaultRequest"][..]),
            ] {
                for res in l
                    .get(field)
                    .and_then(Value::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(k, _)| k)
                {
                    for t in targets {
                        self.limit_defaults
                            .entry(t.to_string())
                            .or_default()
                            .insert(res.clone());
                    }
                }
            }
        }
    }

    fn add_totals(&mut self, r: &Resource) {
        for (key, out) in [
            ("total_requests", &mut self.total_requests),
            ("total_limits", &mut self.total_limits),
        ] {
            for (res, v) in r
                .links
                .get(key)
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if let Some(n) = v.as_i64() {
                    *out.entry(res.clone()).or_default() += i128::from(n);
                }
            }
        }
        let limits = r.links.get("total_limits").and_then(Value::as_object);
        for res in ["cpu", "memory"] {
            if !limits.is_some_and(|m| m.contains_key(res)) {
                self.unbounded_limits.insert(res.to_string());
            }
        }
    }

    fn into_json(self, ns: &str, kinds: &[(&str, &str)]) -> Value {
        let mut m = self.policies;
        for (_, key) in kinds {
            m.entry(key.to_string()).or_insert_with(|| json!([]));
        }
        let ints = |t: &std::collections::BTreeMap<String, i128>| {
            Value::Object(
                t.iter()
                    .map(|(k, v)| (k.clone(), json!(crate::kubernetes::clamp(*v))))
                    .collect(),
            )
        };
        m.insert("name".into(), json!(ns));
        m.insert("declared".into(), json!(self.declared));
        m.insert("first_user".into(), json!(self.first_user));
        m.insert("first_workload".into(), json!(self.first_workload));
        m.insert("workloads".into(), json!(self.workloads));
        m.insert("total_requests".into(), ints(&self.total_requests));
        let limits = self
            .total_limits
            .into_iter()
            .filter(|(k, _)| !self.unbounded_limits.contains(k))
            .collect();
        m.insert("total_limits".into(), ints(&limits));
        m.insert("quota_hard".into(), json!(self.quota_hard));
        m.insert("limit_defaults".into(), json!(self.limit_defaults));
        Value::Object(m)
    }
}

/// Pod labels of a workload: the template's labels, or the object's own for a bare pod.
fn pod_labels(r: &Resource) -> Option<&serde_json::Map<String, Value>> {
    let path: Vec<&str> = r
        .links
        .get("pod_path")?
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let ptr = if path.len() <= 1 {
        "/metadata/labels".to_string()
    } else {
        format!("/{}/metadata/labels", path[..path.len() - 1].join("/"))
    };
    r.attrs.pointer(&ptr).and_then(Value::as_object)
}

/// Kubernetes label-selector semantics: matchLabels and matchExpressions must all hold; an
/// empty selector selects every pod.
pub(crate) fn selector_matches(
    sel: Option<&Value>,
    labels: Option<&serde_json::Map<String, Value>>,
) -> bool {
    let get = |k: &str| {
        labels.and_then(|l| l.get(k)).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let Some(sel) = sel.filter(|s| !s.is_null()) else {
        return true;
    };
    let as_text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    for (k, v) in sel
        .get("matchLabels")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
    {
        if get(k) != Some(as_text(v)) {
            return false;
        }
    }
    for e in sel
        .get("matchExpressions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let key = e.get("key").and_then(Value::as_str).unwrap_or_default();
        let values: Vec<String> = e
            .get("values")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(as_text)
            .collect();
        let have = get(key);
        let ok = match e
            .get("operator")
            .and_then(Value::as_str)
            .unwrap_or_default()
        {
            "In" => have.is_some_and(|h| values.contains(&h)),
            "NotIn" => !have.is_some_and(|h| values.contains(&h)),
            "Exists" => have.is_some(),
            "DoesNotExist" => have.is_none(),
            _ => false,
        };
        if !ok {
            return false;
        }
    }
    true
}

fn network_policy_selection(
    resources: &mut [Resource],
    ns_of: &dyn Fn(&Resource) -> Option<String>,
    is_workload: &dyn Fn(&Resource) -> bool,
) {
    let mut workloads_by_ns: HashMap<String, Vec<usize>> = HashMap::new();
    let mut policies = Vec::new();
    for (i, r) in resources
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == "k8s.object")
    {
        let Some(ns) = ns_of(r) else { continue };
        if is_workload(r) {
            workloads_by_ns.entry(ns).or_default().push(i);
        } else if r.type_ == "NetworkPolicy" {
            policies.push((i, ns));
        }
    }
    let mut selected_by: HashMap<usize, Vec<String>> = HashMap::new();
    for (pi, ns) in policies {
        let sel = resources[pi].attrs.pointer("/spec/podSelector").cloned();
        let mut selected = Vec::new();
        for &wi in workloads_by_ns.get(&ns).into_iter().flatten() {
            if selector_matches(sel.as_ref(), pod_labels(&resources[wi])) {
                selected.push(json!(resources[wi].address));
                selected_by
                    .entry(wi)
                    .or_default()
                    .push(resources[pi].address.clone());
            }
        }
        resources[pi]
            .links
            .insert("selected_workloads".into(), Value::Array(selected));
    }
    for ns_workloads in workloads_by_ns.values() {
        for &wi in ns_workloads {
            let by = selected_by.remove(&wi).unwrap_or_default();
            resources[wi]
                .links
                .insert("network_policies".into(), json!(by));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resource(kind: &str, type_: &str, address: &str, attrs: Value) -> Resource {
        Resource {
            kind: kind.into(),
            type_: type_.into(),
            address: address.into(),
            app: "app".into(),
            file: "main.tf".into(),
            line: 1,
            column: 1,
            attrs,
            unresolved: vec![],
            links: Default::default(),
            spans: Default::default(),
        }
    }

    #[test]
    fn google_iam_policy_data_is_joined_to_its_users() {
        let mut rs = vec![
            resource(
                "terraform.data",
                "google_iam_policy",
                "data.google_iam_policy.p",
                json!({"binding": [{"role": "roles/viewer", "members": ["allUsers"]}]}),
            ),
            resource(
                "terraform.resource",
                "google_kms_crypto_key_iam_policy",
                "google_kms_crypto_key_iam_policy.k",
                json!({"policy_data": "${data.google_iam_policy.p.policy_data}"}),
            ),
        ];
        link(&mut rs);
        assert_eq!(
            rs[1].links["policy_data"]["attrs"]["binding"][0]["members"][0],
            "allUsers"
        );
        assert_eq!(
            rs[0].links["used_by"],
            json!(["google_kms_crypto_key_iam_policy.k"])
        );
    }

    #[test]
    fn module_prefixes() {
        assert_eq!(
            module_prefix("module.a.module.b.aws_s3_bucket.x"),
            "module.a.module.b."
        );
        assert_eq!(module_prefix("aws_s3_bucket.x"), "");
    }

    #[test]
    fn label_selectors_follow_kubernetes_semantics() {
        let labels: serde_json::Map<String, Value> =
            serde_json::from_value(json!({"app": "web", "tier": "front"})).unwrap();
        let m = |s: Value| selector_matches(Some(&s), Some(&labels));
        assert!(m(json!({})));
        assert!(m(json!({"matchLabels": {"app": "web"}})));
        assert!(!m(json!({"matchLabels": {"app": "db"}})));
        assert!(m(
            json!({"matchExpressions": [{"key": "tier", "operator": "In", "values": ["front"]}]})
        ));
        assert!(!m(
            json!({"matchExpressions": [{"key": "tier", "operator": "NotIn", "values": ["front"]}]})
        ));
        assert!(m(
            json!({"matchExpressions": [{"key": "x", "operator": "DoesNotExist"}]})
        ));
        assert!(!m(
            json!({"matchExpressions": [{"key": "x", "operator": "Exists"}]})
        ));
        assert!(selector_matches(None, None));
        assert!(!selector_matches(
            Some(&json!({"matchLabels": {"a": "b"}})),
            None
        ));
    }
}
