//! `data "aws_iam_policy_document"` rendered into the JSON policy shape AWS uses, so IAM rules
//! read the same structure whether a policy was written as HCL blocks, `jsonencode` or JSON.

use super::value::Val;

pub fn render(attrs: &Val) -> Val {
    let mut statements: Vec<Val> = Vec::new();
    // Statements from source documents come first; same-Sid statements are replaced.
    for key in ["source_policy_documents", "source_json"] {
        statements.extend(source_statements(attrs.get(key)));
    }
    if let Some(Val::List(blocks)) = attrs.get("statement") {
        for b in blocks {
            push_by_sid(&mut statements, statement(b));
        }
    }
    for key in ["override_policy_documents", "override_json"] {
        for s in source_statements(attrs.get(key)) {
            push_by_sid(&mut statements, s);
        }
    }
    let mut doc = vec![(
        "Version".to_string(),
        attrs
            .get("version")
            .cloned()
            .unwrap_or(Val::Str("2012-10-17".into())),
    )];
    if let Some(id) = attrs.get("policy_id") {
        doc.push(("Id".into(), id.clone()));
    }
    doc.push(("Statement".into(), Val::List(statements)));
    Val::Obj(doc)
}

fn source_statements(v: Option<&Val>) -> Vec<Val> {
    let docs: Vec<&Val> = match v {
        Some(Val::List(l)) => l.iter().collect(),
        Some(other) => vec![other],
        None => vec![],
    };
    let mut out = Vec::new();
    for d in docs {
        let parsed = match d {
            Val::Str(s) => serde_json::from_str(s).ok().map(|j| Val::from_json(&j)),
            Val::Obj(_) => Some(d.clone()),
            Val::Unknown(_) => Some(d.clone()),
            _ => None,
        };
        match parsed {
            Some(Val::Unknown(u)) => out.push(Val::Unknown(u)),
            Some(p) => match p.get("Statement") {
                Some(Val::List(l)) => out.extend(l.iter().cloned()),
                Some(s @ Val::Obj(_)) => out.push(s.clone()),
                _ => {}
            },
            None => {}
        }
    }
    out
}

fn push_by_sid(list: &mut Vec<Val>, s: Val) {
    if let Some(sid) = s.get("Sid").and_then(Val::as_str) {
        if let Some(pos) = list
            .iter()
            .position(|x| x.get("Sid").and_then(Val::as_str) == Some(sid))
        {
            list[pos] = s;
            return;
        }
    }
    list.push(s);
}

fn statement(b: &Val) -> Val {
    let mut out: Vec<(String, Val)> = Vec::new();
    if let Some(sid) = b.get("sid") {
        out.push(("Sid".into(), sid.clone()));
    }
    out.push((
        "Effect".into(),
        b.get("effect").cloned().unwrap_or(Val::Str("Allow".into())),
    ));
    for (hcl, json) in [
        ("actions", "Action"),
        ("not_actions", "NotAction"),
        ("resources", "Resource"),
        ("not_resources", "NotResource"),
    ] {
        if let Some(v) = b.get(hcl) {
            out.push((json.into(), v.clone()));
        }
    }
    for (hcl, json) in [
        ("principals", "Principal"),
        ("not_principals", "NotPrincipal"),
    ] {
        if let Some(Val::List(ps)) = b.get(hcl) {
            let mut by_type: Vec<(String, Val)> = Vec::new();
            for p in ps {
                let t = p
                    .get("type")
                    .and_then(Val::as_str)
                    .unwrap_or("AWS")
                    .to_string();
                let ids = p.get("identifiers").cloned().unwrap_or(Val::List(vec![]));
                // `type = "*"` with `identifiers = ["*"]` is AWS's anonymous principal "*".
                if t == "*" {
                    out.push((json.into(), Val::Str("*".into())));
                    continue;
                }
                match by_type.iter_mut().find(|(k, _)| *k == t) {
                    Some((_, Val::List(l))) => {
                        if let Val::List(more) = ids {
                            l.extend(more);
                        }
                    }
                    _ => by_type.push((t, ids)),
                }
            }
            if !by_type.is_empty() {
                out.push((json.into(), Val::Obj(by_type)));
            }
        }
    }
    if let Some(Val::List(conds)) = b.get("condition") {
        let mut by_test: Vec<(String, Val)> = Vec::new();
        for c in conds {
            let test = c.get("test").and_then(Val::to_str).unwrap_or_default();
            let var = c.get("variable").and_then(Val::to_str).unwrap_or_default();
            let vals = c.get("values").cloned().unwrap_or(Val::List(vec![]));
            match by_test.iter_mut().find(|(k, _)| *k == test) {
                Some((_, Val::Obj(o))) => o.push((var, vals)),
                _ => by_test.push((test, Val::Obj(vec![(var, vals)]))),
            }
        }
        out.push(("Condition".into(), Val::Obj(by_test)));
    }
    Val::Obj(out)
}
