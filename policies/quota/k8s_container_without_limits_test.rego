package gatepost.rules.k8s_container_without_limits_test

import data.gatepost.rules.k8s_container_without_limits as rule

deploy(resources, defaults) := {"by_type": {"Deployment": [{
	"address": "d",
	"attrs": {"spec": {"template": {"spec": {"containers": [{"name": "app", "resources": resources}]}}}},
	"links": {"pod_path": ["spec", "template", "spec"], "pod_pointer": "/spec/template/spec", "namespace_policies": {"limit_defaults": defaults}},
}]}}

test_missing_limits_are_denied if {
	d := rule.deny with input as deploy({}, {})
	count(d) == 2
	some f in d
	f.pointer == "/spec/template/spec/containers/0/resources"
}

test_limits_pass if {
	count(rule.deny) == 0 with input as deploy({"limits": {"cpu": "500m", "memory": "256Mi"}}, {})
}

test_limit_range_default_covers_only_its_resource if {
	d := rule.deny with input as deploy({"limits": {}}, {"default": ["memory"], "defaultRequest": ["memory"]})
	count(d) == 1
	some f in d
	contains(f.message, "cpu")
	f.pointer == "/spec/template/spec/containers/0/resources/limits"
}
