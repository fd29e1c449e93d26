package gatepost.rules.k8s_privilege_escalation_test

import data.gatepost.rules.k8s_privilege_escalation as rule

pod(c) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [c]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_explicit_true_is_denied if {
	d := rule.deny with input as pod({"name": "a", "securityContext": {"allowPrivilegeEscalation": true}})
	some f in d
	f.pointer == "/spec/containers/0/securityContext/allowPrivilegeEscalation"
}

test_unset_is_denied_at_the_container if {
	d := rule.deny with input as pod({"name": "a"})
	some f in d
	f.pointer == "/spec/containers/0"
}

test_false_passes if {
	count(rule.deny) == 0 with input as pod({"name": "a", "securityContext": {"allowPrivilegeEscalation": false}})
}
