package gatepost.rules.expiry_tag_invalid_test

import data.gatepost.lib.tags
import data.gatepost.rules.expiry_tag_invalid as rule

config := {"today": "2025-03-01", "hygiene": {"expiry_tag": "expires-on", "max_expiry_days": 180}}

# A bucket as the normalizer links it: `links.tags` holds its own tags merged over the
# provider's defaults (`inherited`), and where each key is written.
aws(own, inherited) := {"config": config, "by_type": {"aws_s3_bucket": [{
	"kind": "terraform.resource", "type": "aws_s3_bucket", "address": "b", "app": "a",
	"attrs": {"tags": own}, "unresolved": [],
	"links": {"provider": {"address": "provider.aws"}, "tags": {
		"pointer": "/tags",
		"effective": object.union(inherited, own),
		"at": object.union(
			{k: {"pointer": sprintf("/default_tags/0/tags/%s", [k]), "value": v, "provider": true} | some k, v in inherited},
			{k: {"pointer": sprintf("/tags/%s", [k]), "value": v, "provider": false} | some k, v in own},
		),
	}},
}]}}

ns(labels) := {"config": config, "by_type": {"Namespace": [{"kind": "k8s.object", "type": "Namespace", "address": "n", "attrs": {"metadata": {"name": "n", "labels": labels}}, "links": {}}]}}

test_days_match_the_calendar if {
	tags.days("1970-01-01") == 0
	tags.days("2000-02-29") == 11016
	tags.days("2024-02-29") == 19782
	tags.days("2026-01-01") == 20454
	not tags.days("2025-02-29")
	not tags.days("2025-13-01")
	not tags.days("2025-1-01")
	not tags.days("next year")
}

test_valid_date_in_window_passes if {
	count(rule.deny) == 0 with input as aws({"expires-on": "2025-06-30"}, {})
	count(rule.deny) == 0 with input as ns({"expires-on": "2025-03-01"})
}

test_missing_is_reported if {
	d := rule.deny with input as aws({}, {})
	some f in d
	contains(f.message, "has no expires-on tag")
}

test_past_date if {
	d := rule.deny with input as aws({"expires-on": "2025-02-28"}, {})
	some f in d
	f.pointer == "/tags/expires-on"
	contains(f.message, "has passed")
}

test_too_far if {
	d := rule.deny with input as ns({"expires-on": "2025-08-29"})
	some f in d
	contains(f.message, "more than 180 days")
	count(rule.deny) == 0 with input as ns({"expires-on": "2025-08-28"})
}

test_unparsable if {
	d := rule.deny with input as ns({"expires-on": "soon"})
	some f in d
	contains(f.message, "not a date")
}

test_inherited_value_is_reported_at_the_provider if {
	d := rule.deny with input as aws({}, {"expires-on": "2020-01-01"})
	count(d) == 1
	some f in d
	f.address == "provider.aws"
	f.pointer == "/default_tags/0/tags/expires-on"
}

test_unresolved_value_is_not_judged if {
	count(rule.deny) == 0 with input as aws({"expires-on": "${var.expires_on}"}, {})
}

deploy(name, ns, line, labels) := {"kind": "k8s.object", "type": "Deployment", "address": name, "app": "apps/shop", "file": "apps/shop/k8s.yaml", "line": line, "attrs": {"metadata": {"name": name, "labels": labels}, "spec": {"template": {"metadata": {"labels": {}}, "spec": {}}}}, "links": {"namespace": ns, "pod_path": ["spec", "template", "spec"]}}

test_app_without_namespace_object_is_reported_once_on_its_first_workload if {
	d := rule.deny with input as {"config": config, "by_type": {"Deployment": [deploy("b", "shop", 20, {}), deploy("a", "shop", 1, {})]}}
	count(d) == 1
	some f in d
	f.address == "a"
	contains(f.message, "namespace shop, declared by no Namespace object")
}

test_one_workload_label_covers_the_app if {
	count(rule.deny) == 0 with input as {"config": config, "by_type": {"Deployment": [deploy("a", "shop", 1, {}), deploy("b", "shop", 20, {"expires-on": "2025-04-01"})]}}
}

test_workloads_in_a_declared_namespace_need_no_label if {
	count(rule.deny) == 0 with input as {"config": config, "by_type": {
		"Namespace": [{"kind": "k8s.object", "type": "Namespace", "address": "n", "attrs": {"metadata": {"name": "shop", "labels": {"expires-on": "2025-04-01"}}}, "links": {}}],
		"Deployment": [deploy("a", "shop", 1, {})],
	}}
}

test_workload_label_values_are_judged if {
	d := rule.deny with input as {"config": config, "by_type": {"Deployment": [deploy("a", "shop", 1, {"expires-on": "2030-01-01"})]}}
	count(d) == 1
	some f in d
	f.pointer == "/metadata/labels/expires-on"
	contains(f.message, "more than 180 days")
}
