package gatepost.rules.aws_iam_admin_policy_attached_test

import data.gatepost.rules.aws_iam_admin_policy_attached as rule

test_attachment_is_denied if {
	d := rule.deny with input as {"by_type": {"aws_iam_role_policy_attachment": [{"address": "a", "attrs": {"policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}}]}}
	some f in d
	f.pointer == "/policy_arn"
}

test_managed_policy_list_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_iam_role": [{"address": "r", "attrs": {"managed_policy_arns": ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]}}]}}
}

test_other_policies_pass if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_iam_role_policy_attachment": [{"address": "a", "attrs": {"policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}]}}
}
