package gatepost.rules.gha_insecure_commands_test

import data.gatepost.rules.gha_insecure_commands as rule

test_job_env_is_denied if {
	inp := {"by_type": {"github.job": [{"address": "j", "attrs": {"env": {"ACTIONS_ALLOW_UNSECURE_COMMANDS": true}}}]}}
	some f in rule.deny with input as inp
	f.pointer == "/env"
}

test_step_env_in_action_is_denied if {
	inp := {"by_type": {"github.action": [{"address": "a", "attrs": {"runs": {"steps": [{"run": "x", "env": {"ACTIONS_ALLOW_UNSECURE_COMMANDS": "TRUE"}}]}}}]}}
	some f in rule.deny with input as inp
	f.pointer == "/runs/steps/0/env"
}

test_false_passes if {
	inp := {"by_type": {"github.workflow": [{"address": "w", "attrs": {"env": {"ACTIONS_ALLOW_UNSECURE_COMMANDS": "false"}}}]}}
	count(rule.deny) == 0 with input as inp
}
