package gatepost.rules.k8s_rbac_wildcard_test

import data.gatepost.rules.k8s_rbac_wildcard as rule

role(rules) := {"by_type": {"ClusterRole": [{"address": "r", "attrs": {"metadata": {"name": "x"}, "rules": rules}}]}}

test_wildcard_verb_is_denied if {
	d := rule.deny with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "*"]}])
	some f in d
	f.pointer == "/rules/0/verbs/1"
}

test_named_verbs_pass if {
	count(rule.deny) == 0 with input as role([{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]}])
}
