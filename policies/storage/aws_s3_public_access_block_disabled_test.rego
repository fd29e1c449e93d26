package gatepost.rules.aws_s3_public_access_block_disabled_test

import data.gatepost.rules.aws_s3_public_access_block_disabled as rule

all_on := {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}

test_false_setting_is_denied if {
	d := rule.deny with input as {"by_type": {"aws_s3_bucket_public_access_block": [{"address": "p", "attrs": object.union(all_on, {"ignore_public_acls": false})}]}}
	count(d) == 1
	some f in d
	f.pointer == "/ignore_public_acls"
}

test_missing_setting_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_s3_account_public_access_block": [{"address": "p", "attrs": object.remove(all_on, ["restrict_public_buckets"])}]}}
}

test_all_on_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket_public_access_block": [{"address": "p", "attrs": all_on}]}}
}

test_old_module_defaults_are_off if {
	count(rule.deny) == 4 with input as {"by_type": {"module": [{"address": "m", "attrs": {"source": "terraform-aws-modules/s3-bucket/aws", "version": "3.7.0"}}]}}
}

test_new_module_defaults_are_on if {
	count(rule.deny) == 0 with input as {"by_type": {"module": [{"address": "m", "attrs": {"source": "terraform-aws-modules/s3-bucket/aws", "version": "~> 4.1"}}]}}
}
