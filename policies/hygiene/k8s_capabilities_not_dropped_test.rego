package gatepost.rules.k8s_capabilities_not_dropped_test

import data.gatepost.rules.k8s_capabilities_not_dropped as rule

pod(c) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [c]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_partial_drop_is_denied_at_the_list if {
	d := rule.deny with input as pod({"name": "a", "securityContext": {"capabilities": {"drop": ["SYS_ADMIN"]}}})
	some f in d
	f.pointer == "/spec/containers/0/securityContext/capabilities/drop"
	contains(f.message, "NET_RAW")
}

test_drop_all_in_any_case_passes if {
	count(rule.deny) == 0 with input as pod({"name": "a", "securityContext": {"capabilities": {"drop": ["all"]}}})
}
