package gatepost.rules.aws_iam_not_action_allow_test

import data.gatepost.rules.aws_iam_not_action_allow as rule

topic(st) := {"by_type": {"aws_sns_topic_policy": [{"address": "t", "attrs": {"policy": {"Statement": [st]}}}]}}

test_allow_with_not_action_is_denied if {
	d := rule.deny with input as topic({"Effect": "Allow", "NotAction": "s3:DeleteBucket"})
	some f in d
	f.pointer == "/policy/Statement/0/NotAction"
}

test_deny_with_not_action_passes if {
	count(rule.deny) == 0 with input as topic({"Effect": "Deny", "NotAction": "s3:DeleteBucket"})
}

test_allow_with_action_passes if {
	count(rule.deny) == 0 with input as topic({"Effect": "Allow", "Action": "sns:Publish"})
}
