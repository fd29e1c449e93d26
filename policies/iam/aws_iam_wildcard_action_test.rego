package gatepost.rules.aws_iam_wildcard_action_test

import data.gatepost.rules.aws_iam_wildcard_action as rule

policy(doc) := {"by_type": {"aws_iam_policy": [{"address": "aws_iam_policy.p", "attrs": {"policy": doc}}]}}

test_star_action_is_denied if {
	d := rule.deny with input as policy({"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]})
	count(d) == 1
	some f in d
	f.pointer == "/policy/Statement/0/Action"
}

test_service_wildcard_in_list_is_denied if {
	d := rule.deny with input as policy({"Statement": {"Effect": "Allow", "Action": ["s3:GetObject", "s3:*"]}})
	some f in d
	f.pointer == "/policy/Statement/Action/1"
}

test_named_actions_pass if {
	count(rule.deny) == 0 with input as policy({"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"]}]})
}

test_deny_statements_pass if {
	count(rule.deny) == 0 with input as policy({"Statement": [{"Effect": "Deny", "Action": "*"}]})
}
