package gatepost.rules.aws_iam_passrole_any_test

import data.gatepost.rules.aws_iam_passrole_any as rule

policy(st) := {"by_type": {"aws_iam_role_policy": [{"address": "p", "attrs": {"policy": {"Statement": [st]}}}]}}

test_passrole_on_star_is_denied if {
	d := rule.deny with input as policy({"Effect": "Allow", "Action": ["iam:passrole"], "Resource": "*"})
	some f in d
	f.pointer == "/policy/Statement/0/Action/0"
}

test_passrole_on_named_role_passes if {
	count(rule.deny) == 0 with input as policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/app"})
}
