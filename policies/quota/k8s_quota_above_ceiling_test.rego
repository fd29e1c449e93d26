package gatepost.rules.k8s_quota_above_ceiling_test

import data.gatepost.rules.k8s_quota_above_ceiling as rule

quota(hard, canonical) := {
	"config": {"quota": {"requests.cpu": "2"}, "quota_canonical": {"requests.cpu": 2000}},
	"by_type": {"ResourceQuota": [{"address": "q", "attrs": {"metadata": {"name": "q"}, "spec": {"hard": hard}}, "links": {"quantities": canonical}}]},
}

test_quota_above_ceiling_is_denied if {
	d := rule.deny with input as quota({"cpu": "2500m"}, {"requests.cpu": 2500})
	count(d) == 1
	some f in d
	f.pointer == "/spec/hard/cpu"
}

test_quota_at_ceiling_passes if {
	count(rule.deny) == 0 with input as quota({"requests.cpu": "2"}, {"requests.cpu": 2000})
}
