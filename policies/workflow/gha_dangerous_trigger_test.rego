package gatepost.rules.gha_dangerous_trigger_test

import data.gatepost.rules.gha_dangerous_trigger as rule

wf(on, steps) := {"by_type": {
	"github.workflow": [{"address": "w", "attrs": {"on": on}}],
	"github.job": [{"address": "w#a", "attrs": {"steps": steps}, "links": {"workflow": {"address": "w", "on": on}}}],
}}

test_checkout_of_head_is_high if {
	inp := wf({"pull_request_target": null}, [{"uses": "actions/checkout@v4", "with": {"ref": "${{ github.event.pull_request.head.sha }}"}}])
	some f in rule.deny with input as inp
	f.severity == "high"
	f.pointer == "/on/pull_request_target"
}

test_trigger_in_a_list_is_medium if {
	some f in rule.deny with input as wf(["push", "workflow_run"], [{"run": "make"}])
	f.severity == "medium"
	f.pointer == "/on/1"
}

test_labeler_only_passes if {
	count(rule.deny) == 0 with input as wf("pull_request_target", [{"uses": "actions/labeler@v5"}])
}

test_pull_request_passes if {
	count(rule.deny) == 0 with input as wf("pull_request", [{"run": "make"}])
}
