package gatepost.rules.k8s_workloads_exceed_quota_test

import data.gatepost.rules.k8s_workloads_exceed_quota as rule

quota(used) := {"by_type": {"ResourceQuota": [{
	"address": "q",
	"attrs": {"metadata": {"name": "q"}, "spec": {"hard": {"requests.cpu": "2"}}},
	"links": {"scoped": false, "quantities": {"requests.cpu": 2000}, "namespace_policies": {"name": "a", "total_requests": {"cpu": used}, "total_limits": {}}},
}]}}

test_sum_above_quota_is_denied if {
	d := rule.deny with input as quota(2001)
	count(d) == 1
	some f in d
	f.pointer == "/spec/hard/requests.cpu"
}

test_sum_within_quota_passes if {
	count(rule.deny) == 0 with input as quota(2000)
}
