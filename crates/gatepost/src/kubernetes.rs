//! Kubernetes manifests: every document (and every item of a `List`) with `apiVersion` and
//! `kind` becomes a `k8s.object` resource located at its own lines.

use crate::model::{pointer_token, Resource, Span};
use crate::parse::yaml::LocatedDoc;
use crate::quantity::{self, Quantity};
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Kinds that live outside namespaces (so get no `default` namespace).
const CLUSTER_SCOPED: &[&str] = &[
    "Namespace",
    "ClusterRole",
    "ClusterRoleBinding",
    "PersistentVolume",
    "StorageClass",
    "CustomResourceDefinition",
    "Node",
    "PriorityClass",
    "ValidatingWebhookConfiguration",
    "MutatingWebhookConfiguration",
    "APIService",
    "IngressClass",
    "RuntimeClass",
];

pub fn is_manifest(v: &Value) -> bool {
    v.get("apiVersion").is_some_and(Value::is_string) && v.get("kind").is_some_and(Value::is_string)
}

/// Where the pod spec sits inside a workload, as a path of keys.
pub fn pod_path(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "Pod" => &["spec"],
        "Deployment"
        | "StatefulSet"
        | "DaemonSet"
        | "ReplicaSet"
        | "Job"
        | "ReplicationController" => &["spec", "template", "spec"],
        "CronJob" => &["spec", "jobTemplate", "spec", "template", "spec"],
        "PodTemplate" => &["template", "spec"],
        _ => return None,
    })
}

/// Where the pod spec sits in an object of a kind not listed above (Knative, Argo Rollouts and
/// other controllers that embed a pod template), recognised by its shape. Policy objects
/// that describe allowed pod settings are not pods.
fn pod_path_by_shape(kind: &str, v: &Value) -> Option<&'static [&'static str]> {
    if kind == "PodSecurityPolicy" || !v.get("spec").is_some_and(Value::is_object) {
        return None;
    }
    let has_containers = |p: &str| v.pointer(p).is_some_and(Value::is_array);
    if has_containers("/spec/template/spec/containers") {
        Some(&["spec", "template", "spec"])
    } else if has_containers("/spec/containers") {
        Some(&["spec"])
    } else {
        None
    }
}

/// How many pods a workload runs at once, for quota sums. A DaemonSet runs one per node,
/// which the manifests do not say: it counts as one. Templates run nothing by themselves.
fn replicas(kind: &str, v: &Value) -> i128 {
    let at = |p: &str| v.pointer(p).and_then(Value::as_i64).map(i128::from);
    match kind {
        "PodTemplate" => 0,
        "Deployment" | "StatefulSet" | "ReplicaSet" | "ReplicationController" => {
            at("/spec/replicas").unwrap_or(1)
        }
        "Job" => at("/spec/parallelism").unwrap_or(1),
        "CronJob" => at("/spec/jobTemplate/spec/parallelism").unwrap_or(1),
        _ => 1,
    }
    .max(0)
}

const COMPUTE: &[&str] = &["cpu", "memory"];

/// Parsed requests and limits of every container, and the pod's effective totals times its
/// replicas. Kubernetes takes a missing request from the limit, and a pod's request is the
/// larger of its containers' sum and its largest init container.
fn resource_links(kind: &str, v: &Value, pod: &[&str], links: &mut Map<String, Value>) {
    let pod_ptr = format!("/{}", pod.join("/"));
    let Some(spec) = v.pointer(&pod_ptr) else {
        return;
    };
    let mut per_container = Vec::new();
    let mut invalid = Vec::new();
    // (sum over containers, max over init containers), per kind of total and resource
    let mut req: BTreeMap<&str, (Quantity, Quantity)> = BTreeMap::new();
    let mut lim: BTreeMap<&str, (Quantity, Quantity)> = BTreeMap::new();
    let mut unbounded: Vec<&str> = Vec::new();
    for key in ["containers", "initContainers"] {
        let init = key == "initContainers";
        for (i, c) in spec
            .get(key)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
        {
            let ptr = format!("{pod_ptr}/{key}/{i}");
            let mut parsed = Map::new();
            let mut values: BTreeMap<(&str, &str), Quantity> = BTreeMap::new();
            for section in ["requests", "limits"] {
                let mut m = Map::new();
                if let Some(obj) = c
                    .pointer(&format!("/resources/{section}"))
                    .and_then(Value::as_object)
                {
                    for (name, raw) in obj {
                        match quantity::from_json(raw) {
                            Some(q) => {
                                m.insert(name.clone(), json!(clamp(quantity::canonical(name, q))));
                                if let Some(r) = COMPUTE.iter().find(|r| **r == name) {
                                    values.insert((section, r), q);
                                }
                            }
                            None => invalid.push(json!({
                                "pointer": format!("{ptr}/resources/{section}/{}", pointer_token(name)),
                                "value": raw,
                            })),
                        }
                    }
                }
                parsed.insert(section.into(), Value::Object(m));
            }
            for r in COMPUTE {
                let limit = values.get(&("limits", *r)).copied();
                let request = values.get(&("requests", *r)).copied().or(limit);
                for (total, q) in [(&mut req, request), (&mut lim, limit)] {
                    let e = total.entry(r).or_default();
                    let q = q.unwrap_or_default();
                    if init {
                        e.1 = e.1.max(q);
                    } else {
                        e.0 = e.0 + q;
                    }
                }
                if limit.is_none() && !unbounded.contains(r) {
                    unbounded.push(r);
                }
            }
            per_container.push(json!({
                "pointer": ptr,
                "name": c.get("name").cloned().unwrap_or(Value::Null),
                "init": init,
                "requests": parsed["requests"],
                "limits": parsed["limits"],
            }));
        }
    }
    let n = replicas(kind, v);
    let total = |m: &BTreeMap<&str, (Quantity, Quantity)>, skip: &[&str]| {
        let mut out = Map::new();
        for (r, (sum, init_max)) in m {
            if skip.contains(r) {
                continue;
            }
            if let Some(q) = sum.max(init_max).checked_mul(n) {
                out.insert(r.to_string(), json!(clamp(quantity::canonical(r, q))));
            }
        }
        Value::Object(out)
    };
    links.insert("replicas".into(), json!(n as i64));
    links.insert("quantities".into(), Value::Array(per_container));
    links.insert("total_requests".into(), total(&req, &[]));
    // A container without a limit makes the pod's limit unbounded: no total for it.
    links.insert("total_limits".into(), total(&lim, &unbounded));
    if !invalid.is_empty() {
        links.insert("invalid_quantities".into(), Value::Array(invalid));
    }
}

/// Canonical integers for Rego, which holds numbers as 64-bit values.
pub(crate) fn clamp(v: i128) -> i64 {
    v.clamp(i64::MIN as i128, i64::MAX as i128) as i64
}

/// `ResourceQuota` hard values as canonical integers; `cpu` and `memory` are the same
/// limits as `requests.cpu` and `requests.memory`.
fn quota_links(v: &Value, links: &mut Map<String, Value>) {
    let Some(hard) = v.pointer("/spec/hard").and_then(Value::as_object) else {
        return;
    };
    let mut m = Map::new();
    for (k, raw) in hard {
        let key = match k.as_str() {
            "cpu" => "requests.cpu",
            "memory" => "requests.memory",
            other => other,
        };
        if let Some(q) = quantity::from_json(raw) {
            m.insert(key.to_string(), json!(clamp(quantity::canonical(key, q))));
        }
    }
    links.insert("quantities".into(), Value::Object(m));
    let scoped = v.pointer("/spec/scopeSelector").is_some()
        || v.pointer("/spec/scopes")
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty());
    links.insert("scoped".into(), json!(scoped));
}

/// JSON pointers of strings holding shell-style placeholders (`$IMAGE`, `${TAG}`) that a
/// templating step fills in before apply: their values are not known here.
fn placeholders(v: &Value, at: &mut String, out: &mut Vec<String>) {
    let len = at.len();
    match v {
        Value::String(s) => {
            let b = s.as_bytes();
            let found = b.windows(2).any(|w| {
                w[0] == b'$' && (w[1] == b'{' || w[1] == b'_' || w[1].is_ascii_alphabetic())
            });
            if found {
                out.push(at.clone());
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                use std::fmt::Write;
                let _ = write!(at, "/{i}");
                placeholders(x, at, out);
                at.truncate(len);
            }
        }
        Value::Object(m) => {
            for (k, x) in m {
                at.push('/');
                at.push_str(&pointer_token(k));
                placeholders(x, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// The objects of one file's documents, in order. The documents
/// are consumed: values and spans move into the resources instead of being copied.
/// Addresses are made unique across files by [`qualify_duplicates`].
pub fn normalize(file: &Arc<str>, app: &str, docs: Vec<LocatedDoc>) -> Vec<Resource> {
    let mut out = Vec::new();
    for mut d in docs {
        if d.value.get("kind").and_then(Value::as_str) == Some("List") {
            if let Some(Value::Array(items)) = d.value.get_mut("items").map(Value::take) {
                for (i, item) in items.into_iter().enumerate() {
                    let spans = d.spans_under(&format!("/items/{i}"));
                    push(file, app, item, spans, &mut out);
                }
            }
        } else {
            push(file, app, d.value, d.spans, &mut out);
        }
    }
    out
}

/// Objects with the same kind, namespace and name in several files of a scan (overlays,
/// fixtures, copies) are told apart by file (`k8s/a.yaml:apps/v1/Deployment/default/web`),
/// and several in one file also by their order in it (`...#2`), so each finding is located
/// on its own object. `objects` are the indices of the Kubernetes objects in `resources`;
/// unique addresses are left alone.
pub fn qualify_duplicates(resources: &mut [Resource], objects: &[usize]) {
    let mut by_addr: HashMap<&str, Vec<usize>> = HashMap::new();
    for &i in objects {
        by_addr.entry(&resources[i].address).or_default().push(i);
    }
    let mut renamed = Vec::new();
    for (address, at) in by_addr.into_iter().filter(|(_, at)| at.len() > 1) {
        let mut per_file: HashMap<&str, Vec<usize>> = HashMap::new();
        for &i in &at {
            per_file.entry(&resources[i].file).or_default().push(i);
        }
        for (file, at) in per_file {
            let several = at.len() > 1;
            for (n, &i) in at.iter().enumerate() {
                let mut a = format!("{file}:{address}");
                if several {
                    a.push_str(&format!("#{}", n + 1));
                }
                renamed.push((i, a));
            }
        }
    }
    for (i, a) in renamed {
        resources[i].address = a;
    }
}

fn push(
    file: &Arc<str>,
    app: &str,
    v: Value,
    spans: BTreeMap<String, Span>,
    out: &mut Vec<Resource>,
) {
    if !is_manifest(&v) {
        return;
    }
    let api = v["apiVersion"].as_str().unwrap_or_default();
    let kind = v["kind"].as_str().unwrap_or_default();
    let meta = v.get("metadata");
    let name = meta
        .and_then(|m| m.get("name").or_else(|| m.get("generateName")))
        .and_then(Value::as_str)
        .unwrap_or("unnamed");
    let namespace = if CLUSTER_SCOPED.contains(&kind) {
        None
    } else {
        Some(
            meta.and_then(|m| m.get("namespace"))
                .and_then(Value::as_str)
                .unwrap_or("default"),
        )
    };
    let address = match namespace {
        Some(ns) => format!("{api}/{kind}/{ns}/{name}"),
        None => format!("{api}/{kind}/{name}"),
    };
    // The object starts at its first top-level key.
    let head = spans
        .iter()
        .filter(|(k, _)| k.matches('/').count() == 1)
        .map(|(_, s)| s)
        .min_by_key(|s| (s.line, s.column))
        .cloned()
        .unwrap_or(Span::new(1, 1));
    let mut links = Map::new();
    if let Some(ns) = namespace {
        links.insert("namespace".into(), json!(ns));
    }
    if let Some(p) = pod_path(kind).or_else(|| pod_path_by_shape(kind, &v)) {
        links.insert("pod_path".into(), json!(p));
        links.insert("pod_pointer".into(), json!(format!("/{}", p.join("/"))));
        resource_links(kind, &v, p, &mut links);
    }
    if kind == "ResourceQuota" {
        quota_links(&v, &mut links);
    }
    let mut unresolved = Vec::new();
    placeholders(&v, &mut String::new(), &mut unresolved);
    let type_ = kind.to_string();
    out.push(Resource {
        kind: "k8s.object".into(),
        type_,
        address,
        app: app.to_string(),
        file: file.clone(),
        line: head.line,
        column: head.column,
        attrs: v,
        unresolved,
        links,
        spans,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::yaml::{parse_stream, Limits};

    #[test]
    fn documents_and_lists_become_located_objects() {
        let y = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: w2e\n---\napiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: web, namespace: w2e}\n    spec:\n      template:\n        spec:\n          containers: [{name: app, image: nginx}]\n---\nfoo: bar\n";
        let docs = parse_stream(y, Limits::default()).unwrap();
        let out = normalize(&Arc::from("k.yaml"), "app", docs);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].address, "v1/Namespace/w2e");
        assert_eq!(out[0].line, 1);
        let d = &out[1];
        assert_eq!(d.address, "apps/v1/Deployment/w2e/web");
        assert_eq!(d.line, 9);
        assert_eq!(d.locate("/spec/template/spec/containers/0").line, 15);
        assert_eq!(d.links["pod_pointer"], json!("/spec/template/spec"));
    }

    #[test]
    fn workloads_carry_exact_totals_and_placeholders() {
        let y = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  template:\n    spec:\n      initContainers:\n        - {name: init, image: a, resources: {requests: {cpu: 900m}}}\n      containers:\n        - {name: a, image: $IMAGE, resources: {requests: {cpu: 100m, memory: 0.5Gi}, limits: {cpu: '1', memory: 1Gi}}}\n        - {name: b, image: b, resources: {limits: {cpu: 0.2, memory: 12e6}}}\n        - {name: c, image: c, resources: {requests: {cpu: lots}}}\n---\napiVersion: serving.knative.dev/v1\nkind: Configuration\nmetadata: {name: fn}\nspec: {template: {spec: {containers: [{image: fn}]}}}\n---\napiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q}\nspec: {hard: {cpu: '2', limits.memory: 8Gi}, scopes: [BestEffort]}\n";
        let docs = parse_stream(y, Limits::default()).unwrap();
        let out = normalize(&Arc::from("k.yaml"), "app", docs);
        let d = &out[0].links;
        // containers: 100m + 200m (limit stands for request) = 300m < init 900m; x 3 replicas
        assert_eq!(d["total_requests"]["cpu"], json!(2700));
        assert_eq!(
            d["total_requests"]["memory"],
            json!(3 * ((1u64 << 29) + 12_000_000))
        );
        // container c has no limits, so the pod's limits are unbounded
        assert_eq!(d["total_limits"], json!({}));
        assert_eq!(d["quantities"][1]["limits"]["memory"], json!(12_000_000));
        assert_eq!(
            d["invalid_quantities"][0]["pointer"],
            json!("/spec/template/spec/containers/2/resources/requests/cpu")
        );
        assert_eq!(
            out[0].unresolved,
            vec!["/spec/template/spec/containers/0/image".to_string()]
        );
        assert_eq!(out[1].links["pod_pointer"], json!("/spec/template/spec"));
        let q = &out[2].links;
        assert_eq!(
            q["quantities"],
            json!({"requests.cpu": 2000, "limits.memory": 8u64 << 30})
        );
        assert_eq!(q["scoped"], json!(true));
    }
}
