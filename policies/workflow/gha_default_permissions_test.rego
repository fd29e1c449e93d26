package gatepost.rules.gha_default_permissions_test

import data.gatepost.rules.gha_default_permissions as rule

test_workflow_and_job_without_permissions_are_denied if {
	inp := {"by_type": {
		"github.workflow": [{"address": "w", "attrs": {"on": "push"}}],
		"github.job": [{"address": "w#a", "attrs": {}, "links": {"id": "a", "workflow": {"on": "push"}}}],
	}}
	count(rule.deny) == 2 with input as inp
}

test_job_with_permissions_only_flags_the_workflow if {
	inp := {"by_type": {
		"github.workflow": [{"address": "w", "attrs": {"on": "push"}}],
		"github.job": [{"address": "w#a", "attrs": {"permissions": {}}, "links": {"id": "a", "workflow": {"on": "push"}}}],
	}}
	d := rule.deny with input as inp
	count(d) == 1
	some f in d
	f.address == "w"
}

test_workflow_permissions_pass if {
	inp := {"by_type": {
		"github.workflow": [{"address": "w", "attrs": {"permissions": {}}}],
		"github.job": [{"address": "w#a", "attrs": {}, "links": {"id": "a", "workflow": {"permissions": {}}}}],
	}}
	count(rule.deny) == 0 with input as inp
}
