package gatepost.rules.gcp_iam_public_member_test

import data.gatepost.rules.gcp_iam_public_member as rule

test_public_member_through_policy_data_is_reported_on_the_user if {
	d := rule.deny with input as {"by_type": {"google_kms_crypto_key_iam_policy": [{
		"address": "google_kms_crypto_key_iam_policy.p", "type": "google_kms_crypto_key_iam_policy",
		"attrs": {"policy_data": "${data.google_iam_policy.p.policy_data}"},
		"links": {"policy_data": {"attrs": {"binding": [{"role": "roles/cloudkms.cryptoKeyEncrypter", "member": "allUsers"}]}}},
	}]}}
	some f in d
	f.pointer == "/policy_data"
}

test_all_authenticated_users_binding_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"google_pubsub_topic_iam_binding": [{"address": "b", "type": "google_pubsub_topic_iam_binding", "attrs": {"role": "roles/pubsub.publisher", "members": ["user:a", "allAuthenticatedUsers"]}}]}}
}

test_storage_grants_are_left_to_the_storage_rule if {
	count(rule.deny) == 0 with input as {"by_type": {"google_storage_bucket_iam_member": [{"address": "b", "type": "google_storage_bucket_iam_member", "attrs": {"role": "roles/storage.objectViewer", "member": "allUsers"}}]}}
}

test_named_members_pass if {
	count(rule.deny) == 0 with input as {"by_type": {"google_pubsub_topic_iam_member": [{"address": "b", "type": "google_pubsub_topic_iam_member", "attrs": {"role": "roles/pubsub.publisher", "member": "group:a@b"}}]}}
}
