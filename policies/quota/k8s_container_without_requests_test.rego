package gatepost.rules.k8s_container_without_requests_test

import data.gatepost.rules.k8s_container_without_requests as rule

pod(resources, defaults) := {"by_type": {"Pod": [{
	"address": "p",
	"attrs": {"spec": {"initContainers": [{"name": "init", "resources": resources}]}},
	"links": {"pod_path": ["spec"], "pod_pointer": "/spec", "namespace_policies": {"limit_defaults": defaults}},
}]}}

test_missing_requests_are_denied if {
	d := rule.deny with input as pod({"requests": {"cpu": "100m"}}, {})
	count(d) == 1
	some f in d
	f.pointer == "/spec/initContainers/0/resources/requests"
	contains(f.message, "memory")
}

test_a_limit_stands_for_the_request if {
	count(rule.deny) == 0 with input as pod({"limits": {"cpu": "1", "memory": "1Gi"}}, {})
}

test_limit_range_default_request_passes if {
	count(rule.deny) == 0 with input as pod({}, {"defaultRequest": ["cpu", "memory"]})
}
