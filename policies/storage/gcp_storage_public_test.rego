package gatepost.rules.gcp_storage_public_test

import data.gatepost.rules.gcp_storage_public as rule

test_bucket_binding_with_all_users_is_denied if {
	d := rule.deny with input as {"by_type": {"google_storage_bucket_iam_binding": [{"address": "b", "type": "google_storage_bucket_iam_binding", "attrs": {"role": "roles/storage.objectViewer", "members": ["user:a", "allUsers"]}}]}}
	some f in d
	f.pointer == "/members/1"
}

test_acl_role_entity_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"google_storage_bucket_acl": [{"address": "a", "attrs": {"role_entity": ["OWNER:user-a@b", "READER:allAuthenticatedUsers"]}}]}}
}

test_bigquery_special_group_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"google_bigquery_dataset": [{"address": "d", "attrs": {"access": [{"role": "OWNER", "special_group": "allAuthenticatedUsers"}]}}]}}
}

test_named_members_pass if {
	count(rule.deny) == 0 with input as {"by_type": {"google_storage_bucket_iam_member": [{"address": "b", "type": "google_storage_bucket_iam_member", "attrs": {"role": "roles/storage.admin", "member": "user:a"}}]}}
}
