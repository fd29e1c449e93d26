package gatepost.rules.k8s_network_policy_missing_test

import data.gatepost.rules.k8s_network_policy_missing as rule

pod(address, policies, selecting) := {
	"type": "Pod", "address": address, "attrs": {"metadata": {"name": address}},
	"links": {"pod_path": ["spec"], "network_policies": selecting, "namespace_policies": {"name": "a", "network_policies": policies, "first_workload": "p1"}},
}

test_namespace_without_policy_is_reported_once if {
	d := rule.deny with input as {"by_type": {"Pod": [pod("p1", [], []), pod("p2", [], [])]}}
	count(d) == 1
	some f in d
	f.address == "p1"
}

test_unselected_workload_is_denied if {
	d := rule.deny with input as {"by_type": {"Pod": [pod("p1", [{"address": "np"}], ["np"]), pod("p2", [{"address": "np"}], [])]}}
	count(d) == 1
	some f in d
	f.address == "p2"
}
