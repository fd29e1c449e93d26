package gatepost.rules.aws_s3_acl_public_grant_test

import data.gatepost.rules.aws_s3_acl_public_grant as rule

acl(permission, uri) := {"by_type": {"aws_s3_bucket_acl": [{"address": "a", "attrs": {"access_control_policy": [{"grant": [
	{"grantee": [{"type": "CanonicalUser", "id": "x"}], "permission": "FULL_CONTROL"},
	{"grantee": [{"type": "Group", "uri": uri}], "permission": permission},
]}]}}]}}

test_all_users_read_is_denied if {
	d := rule.deny with input as acl("READ", "http://acs.amazonaws.com/groups/global/AllUsers")
	count(d) == 1
	some f in d
	f.pointer == "/access_control_policy/0/grant/1"
}

test_write_acp_to_log_delivery_is_denied if {
	count(rule.deny) == 1 with input as acl("WRITE_ACP", "http://acs.amazonaws.com/groups/s3/LogDelivery")
}

test_log_delivery_read_acp_passes if {
	count(rule.deny) == 0 with input as acl("READ_ACP", "http://acs.amazonaws.com/groups/s3/LogDelivery")
}

test_legacy_bucket_grant_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_s3_bucket": [{"address": "b", "attrs": {"grant": [{"type": "Group", "uri": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "permissions": ["READ"]}]}}]}}
}
