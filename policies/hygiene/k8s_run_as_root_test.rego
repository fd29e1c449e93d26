package gatepost.rules.k8s_run_as_root_test

import data.gatepost.rules.k8s_run_as_root as rule

pod(pod_sc, c) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"securityContext": pod_sc, "containers": [c]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_no_security_context_is_denied if {
	d := rule.deny with input as pod({}, {"name": "a"})
	some f in d
	f.pointer == "/spec/containers/0"
}

test_container_uid_zero_overrides_pod if {
	d := rule.deny with input as pod({"runAsUser": 1000, "runAsNonRoot": true}, {"name": "a", "securityContext": {"runAsUser": 0}})
	some f in d
	f.pointer == "/spec/containers/0/securityContext/runAsUser"
}

test_pod_level_non_root_user_passes if {
	count(rule.deny) == 0 with input as pod({"runAsUser": 1000}, {"name": "a", "securityContext": {"runAsNonRoot": false}})
}

test_container_user_overrides_root_pod if {
	count(rule.deny) == 0 with input as pod({"runAsUser": 0}, {"name": "a", "securityContext": {"runAsUser": 1000}})
}

test_run_as_non_root_passes if {
	count(rule.deny) == 0 with input as pod({"runAsNonRoot": true}, {"name": "a"})
}
