package gatepost.rules.k8s_namespace_without_quota_test

import data.gatepost.rules.k8s_namespace_without_quota as rule

ns(quotas) := {"by_type": {"Namespace": [{
	"address": "v1/Namespace/a",
	"attrs": {"metadata": {"name": "a"}},
	"links": {"namespace_policies": {"resource_quotas": quotas, "limit_ranges": []}},
}]}}

test_namespace_without_quota_is_denied if {
	count(rule.deny) == 1 with input as ns([])
}

test_namespace_with_quota_passes if {
	count(rule.deny) == 0 with input as ns([{"address": "q"}])
}
