//! The hygiene rules' list of taggable types lives in Rego (`policies/lib/tags.rego`); the
//! rules that read it must declare the same types, or they would be skipped when only an
//! undeclared type is present.

use gatepost::policy::{bundled, bundled_rules};
use std::collections::BTreeSet;

#[test]
fn tag_rules_declare_every_taggable_type() {
    let mut engine = regorus::Engine::new();
    for f in bundled()
        .iter()
        .filter(|f| f.path.ends_with("lib/tags.rego"))
    {
        engine.add_policy(f.path.clone(), f.text.clone()).unwrap();
    }
    let v = engine
        .eval_rule("data.gatepost.lib.tags.taggable_types".into())
        .unwrap();
    let json: serde_json::Value = serde_json::to_value(&v).unwrap();
    let taggable: BTreeSet<String> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    assert!(taggable.contains("aws_iam_role") && taggable.contains("google_storage_bucket"));
    for t in [
        "aws_iam_role_policy",
        "aws_s3_bucket_acl",
        "azurerm_role_assignment",
    ] {
        assert!(!taggable.contains(t), "{t} cannot carry tags");
    }
    for id in [
        "tags-required-missing",
        "expiry-tag-invalid",
        "retention-class-not-allowed",
    ] {
        let rule = bundled_rules().into_iter().find(|r| r.id == id).unwrap();
        let declared: BTreeSet<String> = rule
            .types
            .iter()
            .filter(|t| t.contains('_'))
            .cloned()
            .collect();
        assert_eq!(declared, taggable, "{id}");
        assert!(rule.types.iter().any(|t| t == "Namespace"), "{id}");
    }
}
