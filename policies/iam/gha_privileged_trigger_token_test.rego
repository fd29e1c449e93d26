package gatepost.rules.gha_privileged_trigger_token_test

import data.gatepost.rules.gha_privileged_trigger_token as rule

wf(attrs) := {"by_type": {"github.workflow": [{"address": "w", "attrs": attrs}]}}

test_default_permissions_on_pull_request_target_are_denied if {
	some f in rule.deny with input as wf({"on": {"pull_request_target": null}})
	f.pointer == ""
}

test_write_all_on_workflow_run_is_denied if {
	some f in rule.deny with input as wf({"on": ["workflow_run"], "permissions": "write-all"})
	f.pointer == "/permissions"
}

test_read_only_passes if {
	count(rule.deny) == 0 with input as wf({"on": "pull_request_target", "permissions": {"contents": "read"}})
}

test_push_passes if {
	count(rule.deny) == 0 with input as wf({"on": "push"})
}
