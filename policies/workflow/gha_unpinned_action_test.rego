package gatepost.rules.gha_unpinned_action_test

import data.gatepost.rules.gha_unpinned_action as rule

job(uses) := {
	"config": {"workflow": {"trusted_action_owners": ["actions"]}},
	"by_type": {"github.job": [{"address": "j", "attrs": {"steps": [{"run": "make"}, {"uses": uses}]}}]},
}

test_tag_is_denied if {
	d := rule.deny with input as job("some/action@v1")
	some f in d
	f.pointer == "/steps/1/uses"
}

test_sha_passes if {
	count(rule.deny) == 0 with input as job("some/action@0123456789abcdef0123456789abcdef01234567")
}

test_trusted_owner_passes if {
	count(rule.deny) == 0 with input as job("actions/checkout@v4")
}

test_untrusted_first_party_is_denied_when_configured if {
	inp := object.union(job("actions/checkout@v4"), {"config": {"workflow": {"trusted_action_owners": []}}})
	count(rule.deny) == 1 with input as inp
}

test_composite_action_steps_are_checked if {
	inp := {"config": {"workflow": {"trusted_action_owners": []}}, "by_type": {"github.action": [{"address": "a", "attrs": {"runs": {"steps": [{"uses": "x/y@main"}]}}}]}}
	some f in rule.deny with input as inp
	f.pointer == "/runs/steps/0/uses"
}
