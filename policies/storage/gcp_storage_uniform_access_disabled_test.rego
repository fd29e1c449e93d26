package gatepost.rules.gcp_storage_uniform_access_disabled_test

import data.gatepost.rules.gcp_storage_uniform_access_disabled as rule

bucket(attrs) := {"by_type": {"google_storage_bucket": [{"address": "b", "attrs": attrs}]}}

test_false_is_denied if {
	count(rule.deny) == 1 with input as bucket({"uniform_bucket_level_access": false})
}

test_unset_is_denied if {
	count(rule.deny) == 1 with input as bucket({"name": "b"})
}

test_true_passes if {
	count(rule.deny) == 0 with input as bucket({"uniform_bucket_level_access": true})
}
