package gatepost.rules.tags_required_missing_test

import data.gatepost.rules.tags_required_missing as rule

config := {"hygiene": {"required_tags": ["app", "owner"], "tag_patterns": {"owner": "^[^@]+@[^@]+$"}}}

res(type, links) := {"config": config, "by_type": {type: [{"kind": "terraform.resource", "type": type, "address": "r", "app": "a", "attrs": {}, "unresolved": [], "links": links}]}}

# `links.tags` as the normalizer writes it: provider defaults are already merged into
# `effective` (tested with the normalizer), which is absent when unresolved values leave it
# unknown.
tagged(type, pointer, effective) := res(type, {"tags": {"pointer": pointer, "effective": effective, "at": {}}})

test_missing_tags_are_named if {
	d := rule.deny with input as tagged("aws_s3_bucket", "/tags", {"app": "x"})
	count(d) == 1
	some f in d
	f.pointer == "/tags"
	contains(f.message, "missing owner")
}

test_effective_tags_count if {
	count(rule.deny) == 0 with input as tagged("aws_s3_bucket", "/tags", {"app": "x", "owner": "team@example.com"})
}

test_unknown_tags_are_not_judged if {
	count(rule.deny) == 0 with input as res("aws_instance", {"tags": {"pointer": "/tags", "at": {}}})
}

test_untaggable_types_are_skipped if {
	count(rule.deny) == 0 with input as res("aws_s3_bucket_public_access_block", {})
}

test_no_tags_at_all if {
	d := rule.deny with input as tagged("aws_iam_role", "/tags", {})
	some f in d
	contains(f.message, "missing app, owner")
}

test_empty_and_pattern_mismatch if {
	d := rule.deny with input as tagged("aws_sqs_queue", "/tags", {"app": " ", "owner": "lunch-team"})
	some f in d
	contains(f.message, "empty app")
	contains(f.message, `owner "lunch-team" does not match`)
}

test_unresolved_value_is_not_matched if {
	count(rule.deny) == 0 with input as tagged("aws_sqs_queue", "/tags", {"app": "a", "owner": "${var.owner}"})
}

test_labels_kept_elsewhere_are_reported_where_they_sit if {
	d := rule.deny with input as tagged("google_sql_database_instance", "/settings/0/user_labels", {"app": "a"})
	some f in d
	f.pointer == "/settings/0/user_labels"
}

test_k8s_workload_metadata_and_pod_template if {
	dep := {"kind": "k8s.object", "type": "Deployment", "address": "d", "attrs": {"metadata": {"name": "web", "labels": {"app": "w", "owner": "a@b"}}, "spec": {"template": {"metadata": {"labels": {"app": "w"}}, "spec": {}}}}, "links": {"pod_path": ["spec", "template", "spec"]}}
	d := rule.deny with input as {"config": config, "by_type": {"Deployment": [dep]}}
	count(d) == 1
	some f in d
	f.pointer == "/spec/template/metadata/labels"
}

test_namespace_without_labels if {
	ns := {"kind": "k8s.object", "type": "Namespace", "address": "n", "attrs": {"metadata": {"name": "n"}}, "links": {}}
	d := rule.deny with input as {"config": config, "by_type": {"Namespace": [ns]}}
	some f in d
	contains(f.message, "missing app, owner")
}
