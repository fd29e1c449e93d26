//! Resources joined to their provider configuration (region, project, default tags and
//! labels), which tag and location rules read from `links.provider`.

use crate::model::Resource;
use serde_json::{json, Value};
use std::collections::HashMap;

/// Join each resource to its provider configuration: region, default tags/labels.
pub(super) fn link_providers(out: &mut [Resource]) {
    let providers: HashMap<String, Value> = out
        .iter()
        .filter(|r| r.kind == "terraform.provider")
        .map(|r| {
            let key = r.address.trim_start_matches("provider.").to_string();
            let mut p = json!({"name": r.type_, "address": r.address});
            for k in [
                "region",
                "project",
                "zone",
                "location",
                "default_tags",
                "default_labels",
            ] {
                if let Some(v) = r.attrs.get(k) {
                    let v = match (k, v) {
                        ("default_tags", Value::Array(a)) => a
                            .first()
                            .and_then(|b| b.get("tags"))
                            .cloned()
                            .unwrap_or(Value::Null),
                        _ => v.clone(),
                    };
                    p[k] = v;
                }
            }
            (key, p)
        })
        .collect();
    for r in out.iter_mut() {
        let Some(Value::String(pref)) = r.links.remove("provider_ref") else {
            continue;
        };
        let p = providers
            .get(&pref)
            .cloned()
            .unwrap_or_else(|| json!({"name": pref.split('.').next().unwrap_or_default()}));
        // Data sources take no tags, nor do managed types the API cannot tag (policy
        // attachments, DNS records): only taggable resources inherit the provider's.
        let taggable = r.kind == "terraform.resource"
            && matches!(
                crate::link::tags::tag_pointer(&r.type_),
                Some("/tags" | "/labels")
            );
        if taggable {
            inherit(&mut r.attrs, &p, "default_tags", "tags", "tags_all");
            // Google: `default_labels` merged under the resource's `labels`, as the provider
            // reports them in `effective_labels`.
            inherit(
                &mut r.attrs,
                &p,
                "default_labels",
                "labels",
                "effective_labels",
            );
        }
        r.links.insert("provider".into(), p);
    }
}

/// The provider's `defaults` with the resource's `own` map over them, set as `merged`
/// (a resource's own value wins, as the provider applies it).
fn inherit(attrs: &mut Value, provider: &Value, defaults: &str, own: &str, merged: &str) {
    let Some(Value::Object(d)) = provider.get(defaults) else {
        return;
    };
    let mut all = d.clone();
    match attrs.get(own) {
        Some(Value::Object(o)) => all.extend(o.clone()),
        None => {}
        // Not a map (an unresolved expression): the merged map is not known.
        Some(_) => return,
    }
    if let Value::Object(a) = attrs {
        a.insert(merged.into(), Value::Object(all));
    }
}
