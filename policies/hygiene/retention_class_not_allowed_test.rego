package gatepost.rules.retention_class_not_allowed_test

import data.gatepost.rules.retention_class_not_allowed as rule

config(allowed) := {"hygiene": {"retention_tag": "retention", "allowed_retention": allowed}}

# A table as the normalizer links it (its own tags; no provider defaults).
aws(own, allowed) := {"config": config(allowed), "by_type": {"aws_dynamodb_table": [{
	"kind": "terraform.resource", "type": "aws_dynamodb_table", "address": "t", "app": "a",
	"attrs": {"tags": own}, "unresolved": [],
	"links": {"tags": {
		"pointer": "/tags",
		"effective": own,
		"at": {k: {"pointer": sprintf("/tags/%s", [k]), "value": v, "provider": false} | some k, v in own},
	}},
}]}}

test_unknown_class_is_reported if {
	d := rule.deny with input as aws({"retention": "forever"}, ["short", "long"])
	some f in d
	f.pointer == "/tags/retention"
}

test_allowed_class_and_absent_tag_pass if {
	count(rule.deny) == 0 with input as aws({"retention": "short"}, ["short", "long"])
	count(rule.deny) == 0 with input as aws({}, ["short", "long"])
}

test_empty_list_turns_the_check_off if {
	count(rule.deny) == 0 with input as aws({"retention": "forever"}, [])
}

test_namespace_label if {
	n := {"kind": "k8s.object", "type": "Namespace", "address": "n", "attrs": {"metadata": {"labels": {"retention": "x"}}}, "links": {}}
	count(rule.deny) == 1 with input as {"config": config(["short"]), "by_type": {"Namespace": [n]}}
}
