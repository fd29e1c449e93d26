//! Kubernetes manifests: every document (and every item of a `List`) with `apiVersion` and
//! `kind` becomes a `k8s.object` resource located at its own lines.

use crate::model::{Resource, Span};
use crate::parse::yaml::LocatedDoc;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
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

pub fn normalize(file: &Arc<str>, app: &str, docs: &[LocatedDoc], out: &mut Vec<Resource>) {
    for (di, d) in docs.iter().enumerate() {
        if d.value.get("kind").and_then(Value::as_str) == Some("List") {
            if let Some(items) = d.value.get("items").and_then(Value::as_array) {
                for (i, item) in items.iter().enumerate() {
                    let prefix = format!("/items/{i}");
                    let spans = d.spans_under(&prefix);
                    push(file, app, di, item, spans, out);
                }
            }
        } else {
            push(file, app, di, &d.value, d.spans.clone(), out);
        }
    }
}

fn push(
    file: &Arc<str>,
    app: &str,
    doc: usize,
    v: &Value,
    spans: BTreeMap<String, Span>,
    out: &mut Vec<Resource>,
) {
    if !is_manifest(v) {
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
    let mut address = match namespace {
        Some(ns) => format!("{api}/{kind}/{ns}/{name}"),
        None => format!("{api}/{kind}/{name}"),
    };
    if out.iter().any(|r| r.address == address) {
        address = format!("{address}#{doc}");
    }
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
    if let Some(p) = pod_path(kind) {
        links.insert("pod_path".into(), json!(p));
        links.insert("pod_pointer".into(), json!(format!("/{}", p.join("/"))));
    }
    out.push(Resource {
        kind: "k8s.object".into(),
        type_: kind.to_string(),
        address,
        app: app.to_string(),
        file: file.clone(),
        line: head.line,
        column: head.column,
        attrs: v.clone(),
        unresolved: Vec::new(),
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
        let mut out = Vec::new();
        normalize(&Arc::from("k.yaml"), "app", &docs, &mut out);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].address, "v1/Namespace/w2e");
        assert_eq!(out[0].line, 1);
        let d = &out[1];
        assert_eq!(d.address, "apps/v1/Deployment/w2e/web");
        assert_eq!(d.line, 9);
        assert_eq!(d.locate("/spec/template/spec/containers/0").line, 15);
        assert_eq!(d.links["pod_pointer"], json!("/spec/template/spec"));
    }
}
