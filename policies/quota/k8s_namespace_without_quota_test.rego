package gatepost.rules.k8s_namespace_without_quota_test

import data.gatepost.rules.k8s_namespace_without_quota as rule

policies(quotas, declared) := {"resource_quotas": quotas, "limit_ranges": [], "name": "a", "declared": declared, "first_user": "v1/Pod/a/p"}

ns(quotas) := {"by_type": {"Namespace": [{
	"address": "v1/Namespace/a",
	"attrs": {"metadata": {"name": "a"}},
	"links": {"namespace_policies": policies(quotas, true)},
}]}}

pod(address, declared) := {
	"type": "Pod", "address": address,
	"attrs": {"metadata": {"name": "p", "namespace": "a"}},
	"links": {"pod_path": ["spec"], "namespace_policies": policies([], declared)},
}

test_namespace_without_quota_is_denied if {
	count(rule.deny) == 1 with input as ns([])
}

test_namespace_with_quota_passes if {
	count(rule.deny) == 0 with input as ns([{"address": "q"}])
}

test_undeclared_namespace_is_reported_on_its_first_user_only if {
	d := rule.deny with input as {"by_type": {"Pod": [pod("v1/Pod/a/p", false), pod("v1/Pod/a/q", false)]}}
	count(d) == 1
	some f in d
	f.address == "v1/Pod/a/p"
	f.pointer == "/metadata/namespace"
}

test_declared_namespace_is_not_reported_twice if {
	count(rule.deny) == 0 with input as {"by_type": {"Pod": [pod("v1/Pod/a/p", true)]}}
}
