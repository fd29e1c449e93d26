package gatepost.rules.aws_resource_policy_public_test

import data.gatepost.rules.aws_resource_policy_public as rule

queue(st) := {"by_type": {"aws_sqs_queue_policy": [{"address": "q", "attrs": {"policy": {"Statement": [st]}}}]}}

test_public_queue_is_denied if {
	d := rule.deny with input as queue({"Effect": "Allow", "Principal": {"AWS": ["*"]}, "Action": "sqs:*", "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}})
	some f in d
	f.pointer == "/policy/Statement/0/Principal"
}

test_source_arn_condition_passes if {
	count(rule.deny) == 0 with input as queue({"Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:1:t"}}})
}

test_every_action_to_anyone_is_denied_even_with_condition if {
	d := rule.deny with input as queue({"Effect": "Allow", "Principal": "*", "Action": "*", "Condition": {"ArnEquals": {"aws:SourceArn": "arn:aws:sns:eu-west-1:1:t"}}})
	some f in d
	f.pointer == "/policy/Statement/0/Action"
}

test_named_account_passes if {
	count(rule.deny) == 0 with input as queue({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::123456789012:root"}, "Action": "*"})
}

test_lambda_permission_for_anyone_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_lambda_permission": [{"address": "l", "attrs": {"principal": "*"}}]}}
}

test_lambda_permission_with_source_account_passes if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_lambda_permission": [{"address": "l", "attrs": {"principal": "*", "source_account": "123456789012"}}]}}
}
