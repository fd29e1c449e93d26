package gatepost.rules.k8s_privileged_container_test

import data.gatepost.rules.k8s_privileged_container as rule

pod(sc) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"containers": [{"name": "a", "securityContext": sc}]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_privileged_is_denied if {
	d := rule.deny with input as pod({"privileged": true})
	some f in d
	f.pointer == "/spec/containers/0/securityContext/privileged"
}

test_unprivileged_passes if {
	count(rule.deny) == 0 with input as pod({"privileged": false})
}
