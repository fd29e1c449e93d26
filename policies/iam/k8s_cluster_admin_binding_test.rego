package gatepost.rules.k8s_cluster_admin_binding_test

import data.gatepost.rules.k8s_cluster_admin_binding as rule

binding(role) := {"by_type": {"ClusterRoleBinding": [{"address": "b", "attrs": {"metadata": {"name": "b"}, "subjects": [{"kind": "ServiceAccount", "name": "tiller"}], "roleRef": {"kind": "ClusterRole", "name": role}}}]}}

test_cluster_admin_is_denied if {
	d := rule.deny with input as binding("cluster-admin")
	some f in d
	f.pointer == "/roleRef/name"
	contains(f.message, "ServiceAccount tiller")
}

test_view_passes if {
	count(rule.deny) == 0 with input as binding("view")
}
