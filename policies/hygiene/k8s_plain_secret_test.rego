package gatepost.rules.k8s_plain_secret_test

import data.gatepost.rules.k8s_plain_secret as rule

secret(attrs) := {"by_type": {"Secret": [{"address": "s", "attrs": attrs}]}}

test_secret_with_values_is_denied if {
	d := rule.deny with input as secret({"metadata": {"name": "s"}, "stringData": {"token": "x"}, "data": {"ca": "Cg=="}})
	some f in d
	contains(f.message, "2 value(s)")
}

test_empty_secret_passes if {
	count(rule.deny) == 0 with input as secret({"metadata": {"name": "s"}, "type": "kubernetes.io/service-account-token"})
}
