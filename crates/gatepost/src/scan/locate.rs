//! Rule hits turned into findings: located at a file, line and column, with a fingerprint.

use crate::engine::Hit;
use crate::model::Resource;
use crate::policy::{Rule, Severity};
use crate::report::{Finding, ModuleCall};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Each hit as a finding at its file, line and column (in parallel: a large repository has
/// a finding or more per resource).
pub(super) fn locate(
    rules: &[Rule],
    hits: Vec<Hit>,
    resources: &[Resource],
    min: Severity,
) -> Vec<Finding> {
    let by_addr: HashMap<&str, &Resource> =
        resources.iter().map(|r| (r.address.as_str(), r)).collect();
    let found = crate::par::map_chunks(&hits, 512, |chunk| {
        chunk
            .iter()
            .filter_map(|h| locate_one(&rules[h.rule], h, &by_addr, min))
            .collect::<Vec<_>>()
    });
    crate::par::drop_later(hits);
    found.into_iter().flatten().collect()
}

fn locate_one(
    rule: &Rule,
    h: &Hit,
    by_addr: &HashMap<&str, &Resource>,
    min: Severity,
) -> Option<Finding> {
    let severity = h.severity.unwrap_or(rule.severity);
    if severity < min {
        return None;
    }
    let res = h.address.as_deref().and_then(|a| by_addr.get(a));
    let (file, line, column) = match (res, &h.file) {
        // A rule's own line wins; line 0 means it had none (a user rule, or a fact with no
        // position), and the pointer locates the finding instead.
        (_, Some(f)) if h.line.is_some_and(|l| l >= 1) => (
            f.clone(),
            h.line.unwrap_or(1),
            h.column.filter(|&c| c >= 1).unwrap_or(1),
        ),
        (Some(r), _) => {
            let s = r.locate(&h.pointer);
            (
                s.file.as_deref().unwrap_or(&r.file).to_string(),
                s.line,
                s.column,
            )
        }
        (None, Some(f)) => (f.clone(), 1, 1),
        (None, None) => return None,
    };
    let address = h.address.clone().unwrap_or_default();
    let message = match res.and_then(|r| r.links.get("plan_file")) {
        Some(Value::String(plan)) => format!("{} (from plan {plan})", h.message),
        _ => h.message.clone(),
    };
    let key = match (&h.fingerprint, res) {
        (Some(fp), _) => format!("{}\0{file}\0{fp}", rule.id),
        (None, Some(r)) => format!(
            "{}\0{}\0{}\0{}\0{}",
            rule.id,
            r.app,
            address,
            h.pointer,
            fingerprint_text(&h.message)
        ),
        (None, None) => format!("{}\0{file}\0{}", rule.id, h.message),
    };
    let module_chain = res
        .and_then(|r| r.links.get("module_chain"))
        .and_then(Value::as_array)
        .map(|c| {
            c.iter()
                .filter_map(|x| x.as_str().and_then(ModuleCall::parse))
                .collect()
        })
        .unwrap_or_default();
    Some(Finding {
        rule: rule.id.clone(),
        family: rule.family.clone(),
        severity,
        title: rule.title.clone(),
        message,
        file,
        line,
        column,
        address,
        pointer: h.pointer.clone(),
        remediation: rule.fix.clone(),
        fingerprint: hex16(&key),
        module_chain,
    })
}

/// The message as it counts in a fingerprint: one rule may report several things on one
/// attribute (no cpu limit, no memory limit), told apart by their messages. Digits are left
/// out, so dates, amounts and counts in a message can change without resurfacing a finding.
fn fingerprint_text(message: &str) -> String {
    message.chars().filter(|c| !c.is_ascii_digit()).collect()
}

fn hex16(s: &str) -> String {
    let d = Sha256::digest(s.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}
