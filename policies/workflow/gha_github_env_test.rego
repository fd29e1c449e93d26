package gatepost.rules.gha_github_env_test

import data.gatepost.rules.gha_github_env as rule

job(on, run) := {"by_type": {"github.job": [{"address": "j", "type": "github.job", "attrs": {"steps": [{"run": run}]}, "links": {"workflow": {"on": on}}}]}}

test_variable_written_on_privileged_trigger_is_denied if {
	some f in rule.deny with input as job("pull_request_target", "echo \"T=$TITLE\" >> \"$GITHUB_ENV\"")
	f.pointer == "/steps/0/run"
}

test_static_value_passes if {
	count(rule.deny) == 0 with input as job("pull_request_target", "echo A=b >> $GITHUB_ENV")
}

test_push_workflow_passes if {
	count(rule.deny) == 0 with input as job("push", "echo \"T=$X\" >> $GITHUB_ENV")
}

test_composite_action_is_always_exposed if {
	inp := {"by_type": {"github.action": [{"address": "a", "type": "github.action", "attrs": {"runs": {"steps": [{"run": "echo %X% >> %GITHUB_PATH%"}]}}}]}}
	count(rule.deny) == 1 with input as inp
}
