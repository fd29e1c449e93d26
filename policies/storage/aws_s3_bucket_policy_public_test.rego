package gatepost.rules.aws_s3_bucket_policy_public_test

import data.gatepost.rules.aws_s3_bucket_policy_public as rule

bp(st) := {"by_type": {"aws_s3_bucket_policy": [{"address": "p", "attrs": {"policy": {"Statement": [st]}}}]}}

test_anyone_get_is_denied if {
	d := rule.deny with input as bp({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"IpAddress": {"aws:SourceIp": "8.8.8.8/32"}}})
	some f in d
	f.pointer == "/policy/Statement/0/Principal"
}

test_vpce_condition_passes if {
	count(rule.deny) == 0 with input as bp({"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1"}}})
}

test_deny_passes if {
	count(rule.deny) == 0 with input as bp({"Effect": "Deny", "Principal": "*", "Action": "s3:*"})
}

test_service_principal_passes if {
	count(rule.deny) == 0 with input as bp({"Effect": "Allow", "Principal": {"Service": "*"}, "Action": "s3:Delete*"})
}

test_module_policy_is_denied if {
	count(rule.deny) == 1 with input as module_input({"attach_policy": true})
}

test_module_policy_not_attached_passes if {
	count(rule.deny) == 0 with input as module_input({})
	count(rule.deny) == 0 with input as module_input({"attach_policy": false})
}

module_input(extra) := {"by_type": {"module": [{"address": "m", "attrs": object.union(extra, {
	"source": "terraform-aws-modules/s3-bucket/aws",
	"policy": {"Statement": {"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "s3:PutObject"}},
})}]}}
