//! Joins related resources so that rules read one object instead of searching the model:
//! an S3 bucket with its split-out ACL / public-access block / policy resources, a Kubernetes
//! namespace with its quotas, limit ranges and network policies. Every join is a map lookup,
//! so linking stays linear in the number of resources.

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
    link_gcp_policy_data(resources);
    link_namespaces(resources);
}

fn summary(r: &Resource) -> Value {
    json!({"address": r.address, "file": &*r.file, "line": r.line, "attrs": r.attrs})
}

/// The module prefix of an address (`module.a.` for `module.a.aws_s3_bucket.b`).
fn module_prefix(address: &str) -> &str {
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
    for (i, r) in resources.iter().enumerate() {
        if r.kind == "terraform.resource" && r.type_ == "aws_s3_bucket" {
            by_key.insert(format!("{}@{}", r.address, r.app), i);
            if let Some(name) = r.attrs.get("bucket").and_then(Value::as_str) {
                if !name.starts_with("${") {
                    by_key.insert(format!("name:{name}@{}", r.app), i);
                }
            }
        }
    }
    let mut joins: Vec<(usize, usize)> = Vec::new();
    for (ci, c) in resources.iter().enumerate() {
        if c.kind != "terraform.resource" || !S3_COMPANIONS.contains(&c.type_.as_str()) {
            continue;
        }
        let Some(b) = c.attrs.get("bucket").and_then(Value::as_str) else {
            continue;
        };
        let key = match b.strip_prefix("${").and_then(|s| s.strip_suffix('}')) {
            Some(reference) => {
                // aws_s3_bucket.NAME.id / .bucket / .arn, possibly with an instance key
                let mut parts = reference.splitn(3, '.');
                match (parts.next(), parts.next()) {
                    (Some("aws_s3_bucket"), Some(name)) => {
                        format!(
                            "{}aws_s3_bucket.{name}@{}",
                            module_prefix(&c.address),
                            c.app
                        )
                    }
                    _ => continue,
                }
            }
            None => format!("name:{b}@{}", c.app),
        };
        if let Some(&bi) = by_key.get(&key) {
            joins.push((bi, ci));
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

fn link_namespaces(resources: &mut [Resource]) {
    const POLICY_KINDS: &[(&str, &str)] = &[
        ("ResourceQuota", "resource_quotas"),
        ("LimitRange", "limit_ranges"),
        ("NetworkPolicy", "network_policies"),
    ];
    let mut per_ns: HashMap<String, serde_json::Map<String, Value>> = HashMap::new();
    for r in resources.iter().filter(|r| r.kind == "k8s.object") {
        if let Some((_, key)) = POLICY_KINDS.iter().find(|(k, _)| *k == r.type_) {
            let ns = r
                .links
                .get("namespace")
                .and_then(Value::as_str)
                .unwrap_or("default");
            let m = per_ns.entry(ns.to_string()).or_default();
            if let Value::Array(a) = m.entry(key.to_string()).or_insert_with(|| json!([])) {
                a.push(summary(r));
            }
        }
    }
    for r in resources.iter_mut().filter(|r| r.kind == "k8s.object") {
        let ns = if r.type_ == "Namespace" {
            r.attrs
                .pointer("/metadata/name")
                .and_then(Value::as_str)
                .map(str::to_string)
        } else {
            r.links
                .get("namespace")
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        let Some(ns) = ns else { continue };
        let mut m = per_ns.get(&ns).cloned().unwrap_or_default();
        for (_, key) in POLICY_KINDS {
            m.entry(key.to_string()).or_insert_with(|| json!([]));
        }
        m.insert("name".into(), json!(ns));
        r.links
            .insert("namespace_policies".into(), Value::Object(m));
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
}
