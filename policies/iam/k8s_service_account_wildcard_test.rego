package gatepost.rules.k8s_service_account_wildcard_test

import data.gatepost.rules.k8s_service_account_wildcard as rule

case(verbs, subject_kind) := {"by_type": {
	"Role": [{"address": "r", "attrs": {"metadata": {"name": "editor"}, "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": verbs}]}, "links": {"namespace": "app"}}],
	"RoleBinding": [{"address": "b", "attrs": {"metadata": {"name": "b"}, "roleRef": {"kind": "Role", "name": "editor"}, "subjects": [{"kind": subject_kind, "name": "web"}]}, "links": {"namespace": "app"}}],
}}

test_service_account_with_wildcard_role_is_denied if {
	d := rule.deny with input as case(["*"], "ServiceAccount")
	some f in d
	f.pointer == "/subjects/0"
	contains(f.message, "app/web")
}

test_named_verbs_or_users_pass if {
	count(rule.deny) == 0 with input as case(["get"], "ServiceAccount")
	count(rule.deny) == 0 with input as case(["*"], "User")
}
