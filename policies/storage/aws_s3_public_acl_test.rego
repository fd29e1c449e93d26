package gatepost.rules.aws_s3_public_acl_test

import data.gatepost.rules.aws_s3_public_acl as rule

test_public_read_on_bucket_is_denied if {
	d := rule.deny with input as {"by_type": {"aws_s3_bucket": [{"address": "b", "attrs": {"acl": "public-read"}}]}}
	some f in d
	f.pointer == "/acl"
}

test_public_acl_resource_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_s3_bucket_acl": [{"address": "a", "attrs": {"acl": "public-read-write"}}]}}
}

test_private_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_s3_bucket": [{"address": "b", "attrs": {"acl": "private"}}]}}
}

test_s3_bucket_module_input_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"module": [{"address": "module.b", "attrs": {"source": "terraform-aws-modules/s3-bucket/aws", "acl": "authenticated-read"}}]}}
}

test_other_modules_pass if {
	count(rule.deny) == 0 with input as {"by_type": {"module": [{"address": "module.b", "attrs": {"source": "./local", "acl": "public-read"}}]}}
}

test_expanded_s3_bucket_module_is_left_to_its_bucket if {
	count(rule.deny) == 0 with input as {"by_type": {"module": [{"address": "module.b", "attrs": {"source": "terraform-aws-modules/s3-bucket/aws", "acl": "public-read"}, "links": {"module_dir": ".terraform/modules/b"}}]}}
}
