package gatepost.rules.k8s_capabilities_added_test

import data.gatepost.rules.k8s_capabilities_added as rule

pod(add) := {"by_type": {"Pod": [{"address": "p", "attrs": {"spec": {"initContainers": [{"name": "a", "securityContext": {"capabilities": {"add": add}}}]}}, "links": {"pod_path": ["spec"], "pod_pointer": "/spec"}}]}}

test_sys_admin_is_high if {
	d := rule.deny with input as pod(["NET_BIND_SERVICE", "SYS_ADMIN"])
	count(d) == 1
	some f in d
	f.pointer == "/spec/initContainers/0/securityContext/capabilities/add/1"
	f.severity == "high"
}

test_net_bind_service_passes if {
	count(rule.deny) == 0 with input as pod(["NET_BIND_SERVICE"])
}
