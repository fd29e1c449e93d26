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

test_policy_document_data_source_is_located_in_its_blocks if {
	d := rule.deny with input as {"by_type": {"aws_iam_policy_document": [{
		"address": "data.aws_iam_policy_document.d", "app": "a", "attrs": {"statement": [{"actions": ["*"]}]},
		"links": {"document": {"Statement": [{"Effect": "Allow", "Action": ["*"]}]}},
	}]}}
	some f in d
	f.pointer == "/statement/0/actions/0"
}

test_policy_rendered_from_a_data_source_is_reported_once if {
	doc := {"Statement": [{"Effect": "Allow", "Action": ["*"]}]}
	d := rule.deny with input as {"by_type": {
		"aws_iam_policy_document": [{"address": "data.aws_iam_policy_document.d", "app": "a", "attrs": {}, "links": {"document": doc}}],
		"aws_iam_policy": [{"address": "aws_iam_policy.p", "app": "a", "attrs": {"policy": doc}}],
	}}
	count(d) == 1
	some f in d
	f.address == "data.aws_iam_policy_document.d"
}

test_trust_policy_with_every_action_is_denied if {
	count(rule.deny) == 1 with input as {"by_type": {"aws_iam_role": [{"address": "aws_iam_role.r", "attrs": {"assume_role_policy": {"Statement": [{"Effect": "Allow", "Action": "*", "Principal": {"Service": "ec2.amazonaws.com"}}]}}}]}}
}

test_resource_statements_in_documents_are_left_to_resource_rules if {
	count(rule.deny) == 0 with input as {"by_type": {"aws_iam_policy_document": [{"address": "d", "app": "a", "attrs": {}, "links": {"document": {"Statement": [{"Effect": "Allow", "Action": "*", "Principal": "*"}]}}}]}}
}
