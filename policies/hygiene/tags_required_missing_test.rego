package gatepost.rules.tags_required_missing_test

import data.gatepost.rules.tags_required_missing as rule

config := {"hygiene": {"required_tags": ["app", "owner"], "tag_patterns": {"owner": "^[^@]+@[^@]+$"}}}

aws(type, attrs, provider) := {"config": config, "by_type": {type: [{"kind": "terraform.resource", "type": type, "address": "r", "app": "a", "attrs": attrs, "unresolved": [], "links": {"provider": provider}}]}}

test_missing_tags_are_named if {
	d := rule.deny with input as aws("aws_s3_bucket", {"tags": {"app": "x"}}, {})
	count(d) == 1
	some f in d
	f.pointer == "/tags"
	contains(f.message, "missing owner")
}

test_provider_default_tags_count if {
	count(rule.deny) == 0 with input as aws("aws_s3_bucket", {"tags": {"app": "x"}}, {"default_tags": {"owner": "team@example.com"}})
}

test_unresolved_default_tags_are_not_judged if {
	count(rule.deny) == 0 with input as aws("aws_instance", {}, {"default_tags": "${local.tags}"})
}

test_unresolved_own_tags_are_not_judged if {
	count(rule.deny) == 0 with input as aws("aws_instance", {"tags": "${merge(local.a, local.b)}"}, {})
}

test_untaggable_types_are_skipped if {
	count(rule.deny) == 0 with input as aws("aws_s3_bucket_public_access_block", {}, {})
	count(rule.deny) == 0 with input as aws("aws_iam_role_policy", {}, {})
}

test_iam_roles_are_taggable if {
	count(rule.deny) == 1 with input as aws("aws_iam_role", {}, {})
}

test_empty_and_pattern_mismatch if {
	d := rule.deny with input as aws("aws_sqs_queue", {"tags": {"app": " ", "owner": "lunch-team"}}, {})
	some f in d
	contains(f.message, "empty app")
	contains(f.message, `owner "lunch-team" does not match`)
}

test_unresolved_value_is_not_matched if {
	count(rule.deny) == 0 with input as aws("aws_sqs_queue", {"tags": {"app": "a", "owner": "${var.owner}"}}, {})
}

test_gcp_labels_merge_default_labels if {
	count(rule.deny) == 0 with input as aws("google_storage_bucket", {"labels": {"app": "a"}}, {"default_labels": {"owner": "o@example.com"}})
	d := rule.deny with input as aws("google_sql_database_instance", {"settings": [{"user_labels": {"app": "a"}}]}, {"default_labels": {"owner": "o@example.com"}})
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
