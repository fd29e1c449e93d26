package gatepost.rules.aws_s3_bucket_without_public_access_block_test

import data.gatepost.rules.aws_s3_bucket_without_public_access_block as rule

all_on := {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}

bucket := {"address": "aws_s3_bucket.b", "app": "a", "attrs": {"bucket": "b"}}

linked_bucket := object.union(bucket, {"links": {"aws_s3_bucket_public_access_block": [{"address": "aws_s3_bucket_public_access_block.b"}]}})

test_bucket_without_block_is_denied if {
	d := rule.deny with input as {"by_type": {"aws_s3_bucket": [bucket]}}
	count(d) == 1
	some f in d
	f.address == "aws_s3_bucket.b"
	f.pointer == ""
}

test_linked_block_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket": [linked_bucket]}}
}

test_unlinked_block_in_the_app_is_not_guessed if {
	unlinked := {"address": "aws_s3_bucket_public_access_block.x", "app": "a", "attrs": {"bucket": "${var.id}"}}
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket": [bucket], "aws_s3_bucket_public_access_block": [unlinked]}}
	elsewhere := object.union(unlinked, {"app": "other"})
	count(rule.deny) == 1 with input as {"by_type": {"aws_s3_bucket": [bucket], "aws_s3_bucket_public_access_block": [elsewhere]}}
}

test_account_block_covers_every_bucket if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket": [bucket], "aws_s3_account_public_access_block": [{"address": "acct", "attrs": all_on}]}}
}

test_partial_account_block_does_not_cover if {
	partial := object.remove(all_on, ["restrict_public_buckets"])
	count(rule.deny) == 1 with input as {"by_type": {"aws_s3_bucket": [bucket], "aws_s3_account_public_access_block": [{"address": "acct", "attrs": partial}]}}
}

module(extra) := {"by_type": {"module": [{"address": "module.b", "attrs": object.union({"source": "terraform-aws-modules/s3-bucket/aws", "version": "4.1.0"}, extra)}]}}

test_module_without_block_is_denied if {
	d := rule.deny with input as module({"attach_public_policy": false})
	count(d) == 1
	some f in d
	f.pointer == "/attach_public_policy"
}

test_module_defaults_pass if {
	count(rule.deny) == 0 with input as module({})
	count(rule.deny) == 0 with input as module({"attach_public_policy": false, "create_bucket": false})
}
