package gatepost.rules.gha_self_hosted_runner_test

import data.gatepost.rules.gha_self_hosted_runner as rule

job(on, attrs) := {"by_type": {"github.job": [{"address": "j", "attrs": attrs, "links": {"id": "a", "workflow": {"on": on}}}]}}

test_label_on_pull_request_is_high if {
	some f in rule.deny with input as job(["pull_request"], {"runs-on": ["self-hosted", "linux"]})
	f.severity == "high"
}

test_matrix_label_is_found if {
	inp := job("push", {"runs-on": "${{ matrix.os }}", "strategy": {"matrix": {"os": ["ubuntu-latest", "self-hosted"]}}})
	some f in rule.deny with input as inp
	f.severity == "medium"
}

test_excluded_matrix_label_passes if {
	inp := job("push", {"runs-on": "${{ matrix.os }}", "strategy": {"matrix": {"os": ["ubuntu-latest", "self-hosted"], "exclude": [{"os": "self-hosted"}]}}})
	count(rule.deny) == 0 with input as inp
}

test_hosted_runner_passes if {
	count(rule.deny) == 0 with input as job("push", {"runs-on": "ubuntu-latest"})
}
