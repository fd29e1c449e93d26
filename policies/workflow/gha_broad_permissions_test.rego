package gatepost.rules.gha_broad_permissions_test

import data.gatepost.rules.gha_broad_permissions as rule

test_workflow_level_write_is_denied if {
	inp := {"by_type": {"github.workflow": [{"address": "w", "attrs": {"permissions": {"contents": "write", "issues": "read"}}}]}}
	d := rule.deny with input as inp
	count(d) == 1
	some f in d
	f.pointer == "/permissions/contents"
}

test_read_all_is_denied_on_a_job if {
	some f in rule.deny with input as {"by_type": {"github.job": [{"address": "j", "attrs": {"permissions": "read-all"}}]}}
	f.pointer == "/permissions"
}

test_job_level_write_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"github.job": [{"address": "j", "attrs": {"permissions": {"contents": "write"}}}]}}
}
