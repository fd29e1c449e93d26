package gatepost.rules.gha_permissions_write_all_test

import data.gatepost.rules.gha_permissions_write_all as rule

test_workflow_write_all_is_denied if {
	d := rule.deny with input as {"by_type": {"github.workflow": [{"address": "w", "attrs": {"permissions": "write-all"}}]}}
	some f in d
	f.pointer == "/permissions"
}

test_read_only_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"github.job": [{"address": "j", "attrs": {"permissions": {"contents": "read"}}}]}}
}
