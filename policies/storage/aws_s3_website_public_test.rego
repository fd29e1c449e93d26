package gatepost.rules.aws_s3_website_public_test

import data.gatepost.rules.aws_s3_website_public as rule

all_on := {"block_public_acls": true, "ignore_public_acls": true, "block_public_policy": true, "restrict_public_buckets": true}

test_website_without_block_is_denied if {
	d := rule.deny with input as {"by_type": {"aws_s3_bucket": [{"address": "b", "attrs": {"website": [{"index_document": "index.html"}]}, "links": {}}]}}
	some f in d
	f.pointer == "/website/0"
}

test_website_behind_full_block_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket": [{"address": "b", "attrs": {"website": [{"index_document": "index.html"}]}, "links": {"aws_s3_bucket_public_access_block": [{"attrs": all_on}]}}]}}
}

test_unlinked_website_configuration_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_s3_bucket_website_configuration": [{"address": "w", "attrs": {}, "links": {}}]}}
}

test_linked_website_configuration_is_reported_on_the_bucket if {
	d := rule.deny with input as {"by_type": {
		"aws_s3_bucket_website_configuration": [{"address": "w", "app": "a", "attrs": {}, "links": {"bucket": {"address": "aws_s3_bucket.b"}}}],
		"aws_s3_bucket": [{"address": "aws_s3_bucket.b", "app": "a", "attrs": {}, "links": {}}],
	}}
	some f in d
	f.address == "aws_s3_bucket.b"
}

test_website_configuration_on_locked_bucket_passes if {
	count(rule.deny) == 0 with input as {"by_type": {
		"aws_s3_bucket_website_configuration": [{"address": "w", "app": "a", "attrs": {}, "links": {"bucket": {"address": "aws_s3_bucket.b"}}}],
		"aws_s3_bucket": [{"address": "aws_s3_bucket.b", "app": "a", "attrs": {}, "links": {"aws_s3_bucket_public_access_block": [{"attrs": all_on}]}}],
	}}
}

test_bucket_without_website_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket": [{"address": "b", "attrs": {}, "links": {}}]}}
}
