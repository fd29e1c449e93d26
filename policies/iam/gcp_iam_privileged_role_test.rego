package gatepost.rules.gcp_iam_privileged_role_test

import data.gatepost.rules.gcp_iam_privileged_role as rule

test_editor_member_is_denied if {
	d := rule.deny with input as {"by_type": {"google_project_iam_member": [{"address": "m", "type": "google_project_iam_member", "attrs": {"role": "roles/editor", "member": "serviceAccount:a@b"}}]}}
	some f in d
	f.pointer == "/role"
}

test_owner_in_policy_data_source_is_located_at_the_role if {
	d := rule.deny with input as {"by_type": {"google_iam_policy": [{"address": "data.google_iam_policy.p", "type": "google_iam_policy", "attrs": {"binding": [{"role": "roles/viewer", "members": ["user:a"]}, {"role": "roles/owner", "members": ["serviceAccount:b"]}]}}]}}
	count(d) == 1
	some f in d
	f.pointer == "/binding/1/role"
}

test_service_admin_at_project_level_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"google_project_iam_binding": [{"address": "b", "type": "google_project_iam_binding", "attrs": {"role": "roles/container.admin", "members": ["serviceAccount:a@b"]}}]}}
}

test_narrow_roles_pass if {
	count(rule.deny) == 0 with input as {"by_type": {"google_project_iam_member": [{"address": "m", "type": "google_project_iam_member", "attrs": {"role": "roles/viewer", "member": "user:a"}}]}}
}
