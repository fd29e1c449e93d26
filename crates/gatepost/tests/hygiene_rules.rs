//! Which types carry tags is decided by the normalizer (`link::tags`); the rules that read
//! `links.tags` must declare the same types, or they would be skipped when only an
//! undeclared type is present.

use gatepost::link::tags::taggable_types;
use gatepost::policy::bundled_rules;
use std::collections::BTreeSet;

#[test]
fn tag_rules_declare_every_taggable_type() {
    let taggable: BTreeSet<String> = taggable_types().map(str::to_string).collect();
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
