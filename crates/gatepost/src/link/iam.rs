//! An IAM role joined with every policy that takes effect on it, wherever Terraform writes the
//! attachment: `aws_iam_role_policy_attachment`, `aws_iam_policy_attachment` (its `roles`),
//! `aws_iam_role_policy` (inline), and the role's own `managed_policy_arns` and
//! `inline_policy` blocks. A customer-managed `aws_iam_policy` named by reference, by name or
//! by ARN contributes its document, so a rule sees a role's effective permissions in
//! `links.policies` without searching the model. Attachments learn their roles in
//! `links.roles`.

use super::module_prefix;
use crate::model::Resource;
use serde_json::{json, Value};
use std::collections::HashMap;

pub(super) fn link_roles(resources: &mut [Resource]) {
    let index = Index::new(resources);
    if index.roles.is_empty() {
        return;
    }
    let mut joins: Vec<(usize, usize, Value)> = Vec::new();
    for (ai, a) in resources.iter().enumerate() {
        if a.kind != "terraform.resource" {
            continue;
        }
        let attached = |pointer: &str, policy: Entry| attachment(a, pointer, policy);
        match a.type_.as_str() {
            "aws_iam_role_policy_attachment" => {
                if let Some(ri) = index.role(a, a.attrs.get("role")) {
                    let p = index.managed(a, a.attrs.get("policy_arn"));
                    joins.push((ri, ai, attached("/policy_arn", p)));
                }
            }
            "aws_iam_policy_attachment" => {
                let p = index.managed(a, a.attrs.get("policy_arn"));
                for (i, role) in list(a.attrs.get("roles")).iter().enumerate() {
                    if let Some(ri) = index.role(a, Some(role)) {
                        joins.push((ri, ai, attached(&format!("/roles/{i}"), p.clone())));
                    }
                }
            }
            "aws_iam_role_policy" => {
                if let Some(ri) = index.role(a, a.attrs.get("role")) {
                    let p = Entry::inline(a.attrs.get("policy"));
                    joins.push((ri, ai, attached("/policy", p)));
                }
            }
            "aws_iam_role" => {
                for (i, ip) in list(a.attrs.get("inline_policy")).iter().enumerate() {
                    let p = Entry::inline(ip.get("policy"));
                    joins.push((ai, ai, attached(&format!("/inline_policy/{i}/policy"), p)));
                }
                for (i, arn) in list(a.attrs.get("managed_policy_arns")).iter().enumerate() {
                    let p = index.managed(a, Some(arn));
                    joins.push((ai, ai, attached(&format!("/managed_policy_arns/{i}"), p)));
                }
            }
            _ => {}
        }
    }
    let roles: Vec<usize> = index.roles.values().copied().collect();
    for ri in roles {
        resources[ri]
            .links
            .entry("policies".to_string())
            .or_insert_with(|| json!([]));
    }
    for (ri, ai, entry) in joins {
        if let Some(Value::Array(list)) = resources[ri].links.get_mut("policies") {
            list.push(entry);
        }
        if ri != ai {
            let role = json!(resources[ri].address);
            if let Value::Array(list) = resources[ai]
                .links
                .entry("roles".to_string())
                .or_insert_with(|| json!([]))
            {
                if !list.contains(&role) {
                    list.push(role);
                }
            }
        }
    }
}

fn list(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[])
}

/// One policy as it reaches a role.
#[derive(Clone, Default)]
struct Entry {
    /// The ARN named by the attachment, when it is known.
    arn: Option<String>,
    /// The customer-managed `aws_iam_policy` it resolves to.
    policy: Option<String>,
    /// An AWS-managed policy's name (`AdministratorAccess`).
    aws_managed: Option<String>,
    /// The policy document, when it is known.
    document: Option<Value>,
}

impl Entry {
    fn inline(doc: Option<&Value>) -> Entry {
        Entry {
            document: doc.filter(|d| d.is_object()).cloned(),
            ..Entry::default()
        }
    }
}

/// `links.policies` element: where the attachment is written and what it attaches.
fn attachment(a: &Resource, pointer: &str, p: Entry) -> Value {
    let at = a.locate(pointer);
    json!({
        "source": if pointer.starts_with("/inline_policy") || pointer.starts_with("/managed_policy_arns") {
            pointer.split('/').nth(1).unwrap_or_default()
        } else {
            a.type_.as_str()
        },
        "address": a.address,
        "file": &*at.file.unwrap_or_else(|| a.file.clone()),
        "line": at.line,
        "pointer": pointer,
        "policy_arn": p.arn,
        "policy": p.policy,
        "aws_managed": p.aws_managed,
        "document": p.document,
    })
}

struct Index {
    /// `address@app` and `name:NAME@app` -> role.
    roles: HashMap<String, usize>,
    /// `address@app` and `name:NAME@app` -> customer-managed policy (address, document).
    policies: HashMap<String, (String, Option<Value>)>,
    /// `data.aws_iam_policy.X@app` -> the ARN it looks up.
    data_arns: HashMap<String, String>,
}

impl Index {
    fn new(resources: &[Resource]) -> Index {
        let mut ix = Index {
            roles: HashMap::new(),
            policies: HashMap::new(),
            data_arns: HashMap::new(),
        };
        for (i, r) in resources.iter().enumerate() {
            let key = format!("{}@{}", r.address, r.app);
            let name = r
                .attrs
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.starts_with("${"));
            match (r.kind.as_str(), r.type_.as_str()) {
                ("terraform.resource", "aws_iam_role") => {
                    if let Some(n) = name {
                        ix.roles.insert(format!("name:{n}@{}", r.app), i);
                    }
                    ix.roles.insert(key, i);
                }
                ("terraform.resource", "aws_iam_policy") => {
                    let doc = r.attrs.get("policy").filter(|d| d.is_object()).cloned();
                    if let Some(n) = name {
                        ix.policies.insert(
                            format!("name:{n}@{}", r.app),
                            (r.address.clone(), doc.clone()),
                        );
                    }
                    ix.policies.insert(key, (r.address.clone(), doc));
                }
                ("terraform.data", "aws_iam_policy") => {
                    if let Some(arn) = r.attrs.get("arn").and_then(Value::as_str) {
                        if !arn.starts_with("${") {
                            ix.data_arns.insert(key, arn.to_string());
                        }
                    }
                }
                _ => {}
            }
        }
        ix
    }

    /// The role a `role` / `roles[i]` value names: a reference to an `aws_iam_role` in the
    /// same module, its name, or its ARN.
    fn role(&self, from: &Resource, v: Option<&Value>) -> Option<usize> {
        let s = v?.as_str()?;
        let key = match reference(s, "aws_iam_role") {
            Some(target) => format!("{}{target}@{}", module_prefix(&from.address), from.app),
            None if s.starts_with("${") => return None,
            None => format!("name:{}@{}", last_segment(s), from.app),
        };
        self.roles.get(&key).copied()
    }

    /// What a `policy_arn` value names: an AWS-managed policy, a customer-managed policy of
    /// the scan (by reference, or by the name at the end of its ARN), or an unknown ARN.
    fn managed(&self, from: &Resource, v: Option<&Value>) -> Entry {
        let Some(s) = v.and_then(Value::as_str) else {
            return Entry::default();
        };
        let prefix = module_prefix(&from.address);
        if let Some(target) = reference(s, "aws_iam_policy") {
            let key = format!("{prefix}{target}@{}", from.app);
            return match self.policies.get(&key) {
                Some((address, doc)) => Entry {
                    policy: Some(address.clone()),
                    document: doc.clone(),
                    ..Entry::default()
                },
                None => Entry::default(),
            };
        }
        let arn = match reference(s, "data.aws_iam_policy") {
            Some(target) => match self
                .data_arns
                .get(&format!("{prefix}{target}@{}", from.app))
            {
                Some(arn) => arn.clone(),
                None => return Entry::default(),
            },
            None if s.starts_with("${") => return Entry::default(),
            None => s.to_string(),
        };
        let mut e = Entry {
            arn: Some(arn.clone()),
            ..Entry::default()
        };
        if is_aws_managed(&arn) {
            e.aws_managed = Some(last_segment(&arn).to_string());
        } else if let Some((address, doc)) =
            self.policies
                .get(&format!("name:{}@{}", last_segment(&arn), from.app))
        {
            e.policy = Some(address.clone());
            e.document = doc.clone();
        }
        e
    }
}

/// `arn:aws:iam::aws:policy/...` (any partition).
fn is_aws_managed(arn: &str) -> bool {
    arn.starts_with("arn:aws") && arn.contains(":iam::aws:policy/")
}

fn last_segment(s: &str) -> &str {
    s.rsplit('/').next().unwrap_or(s)
}

/// `${TYPE.NAME[KEY].attr}` -> `TYPE.NAME[KEY]`, for a value that is exactly a reference to
/// a resource of `type_`.
fn reference(value: &str, type_: &str) -> Option<String> {
    let expr = value.strip_prefix("${")?.strip_suffix('}')?;
    let rest = expr.strip_prefix(type_)?.strip_prefix('.')?;
    let name_end = rest.find(['.', '[']).unwrap_or(rest.len());
    let (name, mut tail) = rest.split_at(name_end);
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return None;
    }
    let mut key = String::new();
    if tail.starts_with('[') {
        let close = tail.find(']')?;
        key = tail[..=close].to_string();
        tail = &tail[close + 1..];
    }
    if !(tail.is_empty() || tail.starts_with('.')) {
        return None;
    }
    Some(format!("{type_}.{name}{key}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_their_target() {
        assert_eq!(
            reference("${aws_iam_role.app.name}", "aws_iam_role").as_deref(),
            Some("aws_iam_role.app")
        );
        assert_eq!(
            reference("${aws_iam_role.app[0].id}", "aws_iam_role").as_deref(),
            Some("aws_iam_role.app[0]")
        );
        assert_eq!(
            reference("${aws_iam_role.app[\"web\"].name}", "aws_iam_role").as_deref(),
            Some("aws_iam_role.app[\"web\"]")
        );
        assert_eq!(
            reference("${data.aws_iam_policy.admin.arn}", "data.aws_iam_policy").as_deref(),
            Some("data.aws_iam_policy.admin")
        );
        assert_eq!(
            reference("${aws_iam_role_x.app.name}", "aws_iam_role"),
            None
        );
        assert_eq!(reference("${var.role}", "aws_iam_role"), None);
        assert_eq!(reference("app", "aws_iam_role"), None);
        assert_eq!(
            reference(
                "${cond ? aws_iam_role.a.name : aws_iam_role.b.name}",
                "aws_iam_role"
            ),
            None
        );
    }

    #[test]
    fn aws_managed_arns() {
        assert!(is_aws_managed(
            "arn:aws:iam::aws:policy/AdministratorAccess"
        ));
        assert!(is_aws_managed(
            "arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"
        ));
        assert!(!is_aws_managed("arn:aws:iam::123456789012:policy/app"));
    }
}
