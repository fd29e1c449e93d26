package gatepost.rules.k8s_network_policy_selects_nothing_test

import data.gatepost.rules.k8s_network_policy_selects_nothing as rule

np(selected) := {"by_type": {"NetworkPolicy": [{
	"address": "np",
	"attrs": {"metadata": {"name": "np"}, "spec": {"podSelector": {"matchLabels": {"app": "x"}}}},
	"links": {"selected_workloads": selected, "namespace_policies": {"name": "a", "workloads": 2}},
}]}}

test_policy_selecting_nothing_is_denied if {
	d := rule.deny with input as np([])
	some f in d
	f.pointer == "/spec/podSelector/matchLabels/app"
}

test_policy_selecting_a_workload_passes if {
	count(rule.deny) == 0 with input as np(["v1/Pod/a/web"])
}
