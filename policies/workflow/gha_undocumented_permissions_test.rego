package gatepost.rules.gha_undocumented_permissions_test

import data.gatepost.rules.gha_undocumented_permissions as rule

job(perms, comments) := {"by_type": {"github.job": [{"address": "j", "attrs": {"permissions": perms}, "links": {"comments": comments}}]}}

test_scope_without_comment_is_denied if {
	some f in rule.deny with input as job({"id-token": "write"}, {})
	f.pointer == "/permissions/id-token"
}

test_empty_comment_does_not_document if {
	count(rule.deny) == 1 with input as job({"packages": "write"}, {"/permissions/packages": ""})
}

test_commented_scope_and_contents_read_pass if {
	inp := job({"contents": "read", "id-token": "write"}, {"/permissions/id-token": "trusted publishing"})
	count(rule.deny) == 0 with input as inp
}
